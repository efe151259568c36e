"""Month names of the Inline XBRL Transformation Registries: one declaration per language.

Each language lists, for January to December, the words the registries accept for the month
(full names, abbreviations, declension variants, spellings without diacritics), written in lower
case; ``month_table`` then adds the case variants the registry allows: the word as written, in
upper case and capitalised ("dez", "DEZ", "Dez"), never mixed case. English accepts no
all-lower-case form; Danish and Swedish are matched without regard to case by the formats that use
them. A few scripts list their forms exactly (Greek, whose registry forms mix accented and
unaccented capitals and Latin look-alike letters; Hindi).

These are facts taken from Transformation Registries 3 to 5 (as Arelle, the reference processor,
also applies them); the patterns around the names live in ``transforms``.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping

# Words are separated by spaces; each tuple has twelve entries, January first.
_LOWER: dict[str, tuple[str, ...]] = {
    "bg": ("ян", "фев", "мар", "апр", "май маи", "юни", "юли", "авг", "сеп", "окт", "ное", "дек"),
    # Czech dates with a day use the genitive ("13. července 2015"); month-year adds the nominative
    # and locative ("červenec 2015", "v červenci 2015").
    "cs-day": ("ledna led", "února unora úno uno", "března brezna bře bre", "dubna dub",
               "května kvetna kvě kve", "června cervna čvn cvn", "července cervence čvc cvc", "srpna srp",
               "září zari zář zar", "října rijna říj rij", "listopadu lis", "prosince pro"),
    "cs-month": ("leden ledna lednu led", "únor unor února unora únoru unoru úno uno",
                 "březen brezen března brezna březnu breznu bře bre", "duben dubna dubnu dub",
                 "květen kveten května kvetna květnu kvetnu kvě kve",
                 "červen cerven června cervna červnu cervnu čvn cvn",
                 "červenec cervenec července cervence červenci cervenci čvc cvc", "srpen srpna srpnu srp",
                 "září zari zář zar", "říjen rijen října rijna říjnu rijnu říj rij", "listopad listopadu lis",
                 "prosinec prosince prosinci pro"),
    # Welsh month-year forms add the mutated forms ("ym Mawrth" -> "faw", "Gorffennaf" -> "ngor").
    "cy-day": ("ion", "chwe", "maw", "ebr", "mai", "meh", "gor", "aws", "med", "hyd", "tach", "rhag"),
    "cy-month": ("ion", "chwe", "maw faw", "ebr", "mai fai", "meh feh", "gor ngor", "aws", "med fed", "hyd",
                 "tach dach nhach thach", "rhag rag"),
    "da": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "de": ("jan jän jaen", "feb", "mär maer mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"),
    "en": ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
           "september sep", "october oct", "november nov", "december dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    "et": ("jaan", "veebr", "märts marts", "apr", "mai", "juuni", "juuli", "aug", "sept", "okt", "nov", "dets"),
    "fi": ("tam", "hel", "maa", "huh", "tou", "kes", "hei", "elo", "syy", "lok", "mar", "jou"),
    "fr": ("janv", "févr fevr", "mars", "avr", "mai", "juin", "juil", "août aout", "sept", "oct", "nov",
           "déc dec"),
    "hr": ("sij", "velj", "ožu ozu", "tra", "svi", "lip", "srp", "kol", "ruj", "lis", "stu", "pro"),
    "hu": ("jan", "feb", "márc marc", "ápr apr", "máj maj", "jún jun", "júl jul", "aug", "szept", "okt", "nov",
           "dec"),
    "it": ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
    "lt": ("sau", "vas", "kov", "bal", "geg", "bir", "lie", "rugp rgp", "rugs rgs", "spa spl", "lap", "gru grd"),
    "lv": ("janv", "febr", "marts", "apr", "maijs", "jūn jun", "jūl jul", "aug", "sept", "okt", "nov", "dec"),
    "nl": ("jan", "feb", "maa mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "no": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "pl": ("sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź paz", "lis", "gru"),
    "pt": ("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
    "ro": ("ian", "feb", "mar", "apr", "mai", "iun", "iul", "aug", "sep", "oct", "noi nov", "dec"),
    "roman": ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"),
    "sk": ("jan", "feb", "mar", "apr", "máj maj", "jún jun", "júl jul", "aug", "sep", "okt", "nov", "dec"),
    "sl": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "avg", "sep", "okt", "nov", "dec"),
}

# Listed exactly as the registry writes them (no case variants are generated).
_EXACT: dict[str, tuple[str, ...]] = {
    # ΜΑΪ́ is written escaped: the upper case of μαΐ, a capital iota with two combining marks.
    "el": ("ιαν ίαν ΙΑΝ ΊΑΝ IΑΝ Ιαν Ίαν Iαν",
           "φεβ ΦΕΒ Φεβ",
           "μάρ μαρ ΜΆΡ ΜΑΡ Μάρ Μαρ",
           "απρ άπρ αρίλ άρίλ αριλ άριλ ΑΠΡ ΆΠΡ AΠΡ AΡΙΛ ΆΡΙΛ ΑΡΙΛ Απρ Άπρ Aπρ Αρίλ Άρίλ Aρίλ Aριλ Άριλ Αριλ",
           "μαΐ μαι μάι μαϊ μάϊ \u039c\u0391\u0399\u0308\u0301 ΜΑΙ ΜΆΙ ΜΑΪ ΜΆΪ Μαΐ Μαι Μάι Μαϊ Μάϊ",
           "ιούν ίούν ίουν ιουν ΙΟΎΝ ΊΟΎΝ ΊΟΥΝ IΟΎΝ ΙΟΥΝ IΟΥΝ Ιούν Ίούν Ίουν Iούν Ιουν Iουν",
           "ιούλ ίούλ ίουλ ιουλ ΙΟΎΛ ΊΟΎΛ ΊΟΥΛ IΟΎΛ ΙΟΥΛ IΟΥΛ Ιούλ Ίούλ Ίουλ Iούλ Ιουλ Iουλ",
           "αύγ αυγ ΑΎΓ ΑΥΓ Αύγ Αυγ",
           "σεπ ΣΕΠ Σεπ",
           "οκτ όκτ ΟΚΤ ΌΚΤ OΚΤ Οκτ Όκτ Oκτ",
           "νοέ νοε ΝΟΈ ΝΟΕ Νοέ Νοε",
           "δεκ ΔΕΚ Δεκ"),
    # Gregorian month names in Hindi, in the registry's spelling.
    "hi": ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"),
}

# English in the older registries (TR1): capitalised only, full names or three-letter abbreviations.
_EN_FULL = tuple(words.split()[0] for words in _LOWER["en"])
_EN_SHORT = tuple(words.split()[-1][:3] for words in _LOWER["en"])


def _cases(word: str, lower: bool) -> tuple[str, ...]:
    forms = (word.upper(), word[0].upper() + word[1:])
    return (word, *forms) if lower else forms


@functools.cache
def month_table(language: str) -> Mapping[str, int]:
    """Every accepted form of ``language``'s month words -> the month's number (1 to 12).

    Languages: the keys above, "en-full" and "en-short" (TR1's capitalised English names).
    """
    if language in ("en-full", "en-short"):
        words = _EN_FULL if language == "en-full" else _EN_SHORT
        return {word.capitalize(): number for number, word in enumerate(words, 1)}
    if language in _EXACT:
        return {form: number for number, forms in enumerate(_EXACT[language], 1) for form in forms.split()}
    # Roman numerals are upper or lower case; "Xii" is no numeral.
    lower = language != "en"
    table: dict[str, int] = {}
    for number, spellings in enumerate(_LOWER[language], 1):
        for word in spellings.split():
            forms = (word, word.upper()) if language == "roman" else _cases(word, lower)
            table.update(dict.fromkeys(forms, number))
    return table


LANGUAGES = frozenset([*_LOWER, *_EXACT, "en-full", "en-short"])
