"""Inline XBRL Transformation Registries 1 to 5: displayed text to the fact's value.

Every format of Transformation Registries 4 (95 formats) and 5 (TR4 and 6 more) is implemented here
from the registries' definitions, and so is every format of the older registries (TR1 under its
2010-04-20 namespace and its 2008 draft one, TR2 and TR3, used by Inline XBRL 1.0 filings such as
EDINET's); an older format that equals a TR4 one is the same object. Each format is one row of a
table: a pattern over the text (day, month and year fields, month names from ``monthnames``), or a
number with its group separators and decimal mark, or a fixed value. As in the registries (and in
Arelle, the reference processor, whose verdicts ``tests/test_transforms_arelle.py`` compares with
ours for every TR4 and TR5 format), the text's whitespace is collapsed first, two-digit years are
20xx, and a date must exist (29 February only in leap years, a month-day up to 29 February).

The SEC's ``ixt-sec`` formats are the one set not checked: they are the SEC's, not XBRL
International's, and Arelle checks them only in its EDGAR plug-in, so there is no judge for them
here; they raise ``FormatNotChecked`` (reported as a warning: valid, its value not checked).
A name in no registry (under its namespace) raises KeyError (``ix:unknownFormat``); a text not of
its format's form raises ``TransformError`` (``ix:invalidTransformValue``): an impossible date,
letters in a number, a month name of another language.

Where Arelle departs from the registry, this module follows the registry: Hindi October, November
and December (अक्टूबर, नवंबर, दिसंबर, in the registry's patterns) are months here; Arelle's table
spells them otherwise and refuses them; and one Greek table serves every Greek format, where Arelle's
day-month pattern alone lacks the June form "IΟΎΝ" (with a Latin I).
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from exporter.safety.limits import FORMAT_TEXT_CHARS
from exporter.taxonomy.namespaces import TR4, TR5
from exporter.validation.monthnames import month_table

__all__ = ["REGISTRY", "SEC", "TR1", "TR1_DRAFT", "TR2", "TR3", "TR4", "TR5", "FormatNotChecked",
           "TransformError", "transform"]


class TransformError(ValueError):
    """The text is not of its format's form."""


class FormatNotChecked(Exception):
    """A registry format this validator does not check (the SEC's)."""


TR1_DRAFT = "http://www.xbrl.org/2008/inlineXBRL/transformation"
TR1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20"
TR2 = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31"
TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26"
SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31"

Transform = Callable[[str], str]

_WHITESPACE = re.compile("[ \t\n\r]+")
_FULL_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_DEVANAGARI = {0x0966 + i: ord("0") + i for i in range(10)}
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _canonical(number: str, text: str) -> str:
    """'0012.500' -> '12.5': the decimal's canonical form (what Arelle writes too)."""
    if not _DECIMAL.fullmatch(number):
        raise TransformError(f"{_short(text)} is not a number of this format")
    integer, _, fraction = number.partition(".")
    fraction = fraction.rstrip("0")
    return (integer.lstrip("0") or "0") + (f".{fraction}" if fraction else "")


# --- dates -------------------------------------------------------------------------------------------

_ERAS = {"明治": 1867, "明": 1867, "大正": 1911, "大": 1911, "昭和": 1925, "昭": 1925, "平成": 1988, "平": 1988,
         "令和": 2018, "令": 2018}
# The fields a date template names: <D> day, <N> month as a number, <M> month word, <Y> year (1, 2 or
# 4 digits), <Y24> (2 or 4), <E> a Japanese era and its year, <L> what may follow a Danish or Swedish
# three-letter month (more letters, or dots). <DH>, <YH>, <MH>: the same in ASCII or Devanagari digits.
_FIELDS = {
    "D": "(?P<d>[0-9]{1,2})", "N": "(?P<m>[0-9]{1,2})", "Y": "(?P<y>[0-9]{4}|[0-9]{1,2})",
    "Y24": "(?P<y>[0-9]{4}|[0-9]{2})", "L": r"(?P<letters>[A-Za-z]*)(?P<dots>\.*)",
    "E": "(?P<era>" + "|".join(_ERAS) + r")\s*(?P<y>[0-9]{1,2}|元)",
    "DH": "(?P<d>[0-9]{1,2}|[०-९]{1,2})", "YH": "(?P<y>[0-9]{4}|[0-9]{2}|[०-९]{4}|[०-९]{2})",
}


def _year(digits: str) -> int:
    """The registries' years: one or two digits are 2000 to 2099, four digits as written."""
    return int(digits) + (2000 if len(digits) <= 2 else 0)


@dataclass(frozen=True)
class _Date:
    """A date (day, month, year), year-month or month-day read with ``template`` (see ``_FIELDS``).

    ``months``: the language of the month words (``monthnames``); ``digits``: a translation applied
    first (full-width or Devanagari digits to ASCII); ``any_case``: month words in any case (Danish,
    Swedish); their <L> may be more letters or dots after the month, not both.
    """

    template: str
    months: str | None = None
    digits: Mapping[int, int] | None = None
    any_case: bool = False

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        fields = dict(_FIELDS)
        if self.months:
            # Longest first, so "červenec" is read as itself rather than "červen" and a separator.
            words = sorted(month_table(self.months), key=lambda word: (-len(word), word))
            fields["M"] = "(?P<m>" + "|".join(map(re.escape, words)) + ")"
            fields["MH"] = "(?P<m>" + "|".join(map(re.escape, words)) + "|[०-९]{1,2})"
        pattern = re.sub(r"<([A-Z0-9]+)>", lambda field: fields[field[1]], self.template)
        return re.compile(pattern, re.IGNORECASE if self.any_case else 0)

    def _month(self, word: str) -> int:
        if self.months:
            table = month_table(self.months)
            number = table.get(word, table.get(word.lower()))
            if number is not None:
                return number
        if not word.isdecimal():
            raise TransformError(f"{word!r} is not a month")
        return int(word)  # written as a number (ASCII or Devanagari digits)

    def __call__(self, text: str) -> str:
        found = self._regex.fullmatch(text.translate(self.digits) if self.digits else text)
        if not found or (self.any_case and found["letters"] and found["dots"]):
            raise TransformError(f"{_short(text)} is not a date of this format")
        fields = found.groupdict()
        month = self._month(fields["m"])
        if fields.get("era"):
            year = _ERAS[fields["era"]] + (1 if fields["y"] == "元" else int(fields["y"]))
        elif fields.get("y"):
            year = _year(fields["y"])
        else:  # a month and day: checked in a leap year, so 29 February is a day
            _real_date(2000, month, int(fields["d"]), text)
            return f"--{month:02d}-{int(fields['d']):02d}"
        if fields.get("d") is None:
            if not 1 <= month <= 12 or year == 0:  # there is no year 0 (XML Schema 1.0)
                raise TransformError(f"{_short(text)} has no month {month}")
            return f"{year:04d}-{month:02d}"
        return _real_date(year, month, int(fields["d"]), text).isoformat()


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise TransformError(f"{_short(text)} is not a real date") from None


# The Indian national (Saka) calendar, as the registry writes its months: any word containing one of
# these marks names the month (Chaitra to Phalguna), in Latin transliteration or Devanagari.
_SAKA_MONTHS = (
    r"C\S*ait|चैत्र", r"Vai|वैशाख|बैसाख", r"Jy|ज्येष्ठ", r"dha|\u1e0dha|आषाढ|आषाढ\u093c",
    r"vana|\u015ar\u0101va\u1e47a|श्रावण|सावन", r"Bh\S+dra|Pro\u1e63\u1e6dhapada|भाद्रपद|भादो", r"in|आश्विन",
    r"K\S+rti|कार्तिक", r"M\S+rga|Agra|मार्गशीर्ष|अगहन", r"Pau|पौष", r"M\S+gh|माघ", r"Ph\S+lg|फाल्गुन",
)
# Each Saka month's length and the Gregorian day it starts on (Magha and Phalguna in the next year);
# in a Gregorian leap year Chaitra has 31 days and starts on 21 March.
_SAKA_LENGTHS = (30, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)
_SAKA_STARTS = ((3, 22), (4, 21), (5, 22), (6, 22), (7, 23), (8, 23), (9, 23), (10, 23), (11, 22), (12, 22),
                (1, 21), (2, 20))


@dataclass(frozen=True)
class _SakaDate:
    """date-ind-day-monthname-year-hi: a day of the Indian national calendar, as a Gregorian date."""

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        months = "|".join(f"(?P<s{number}>{marks})" for number, marks in enumerate(_SAKA_MONTHS, 1))
        return re.compile(f"{_FIELDS['DH']}[^0-9०-९]+(?:{months})[^0-9०-९]+{_FIELDS['YH']}")

    def __call__(self, text: str) -> str:
        found = self._regex.fullmatch(text)
        if not found:
            raise TransformError(f"{_short(text)} is not a date of the Indian national calendar")
        month = next(number for number in range(1, 13) if found[f"s{number}"] is not None)
        day, year = int(found["d"]), int(found["y"])
        if len(found["y"]) == 2:  # the registry's century for two-digit Saka years
            year += 1900 if year > 21 or (year == 21 and month >= 10 and day >= 11) else 2000
        first_year = year + 78
        leap_chaitra = month == 1 and calendar.isleap(first_year)
        if not 1 <= day <= _SAKA_LENGTHS[month - 1] + leap_chaitra:
            raise TransformError(f"{_short(text)} is not a real date")
        start_month, start_day = _SAKA_STARTS[month - 1]
        try:
            start = date(first_year + (month >= 11), start_month, start_day - leap_chaitra)
            return (start + timedelta(days=day - 1)).isoformat()
        except (ValueError, OverflowError):
            raise TransformError(f"{_short(text)} is beyond the years this validator reads") from None


# --- numbers and fixed values ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Number:
    """A non-negative decimal: ``pattern`` over the text, ``separators`` dropped, ``mark`` read as '.'."""

    pattern: str
    separators: str
    mark: str = "."

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def __call__(self, text: str) -> str:
        if not self._regex.fullmatch(text):
            raise TransformError(f"{_short(text)} is not a number with {self.separators.strip() or 'no'!r} "
                                 f"grouping and a {self.mark!r} decimal mark")
        body = text
        for separator in self.separators:
            body = body.replace(separator, "")
        return _canonical(body.replace(self.mark, "."), text)


@dataclass(frozen=True)
class _UnitDecimal:
    """'5円30銭' -> 5.30: an integer (group ``i``), a unit word, one or two fraction digits (``f``)."""

    pattern: str
    separators: str
    digits: Mapping[int, int] | None = None

    @functools.cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def __call__(self, text: str) -> str:
        found = self._regex.fullmatch(text.translate(self.digits) if self.digits else text)
        integer = found["i"] if found else ""
        for separator in self.separators:
            integer = integer.replace(separator, "")
        if not found or not integer:
            raise TransformError(f"{_short(text)} is not a number with a unit between its integer and fraction")
        return _canonical(f"{integer}.{found['f'].zfill(2)}", text)


@dataclass(frozen=True)
class _Fixed:
    """A fixed value, whatever the text (or, with ``pattern``, for text of that form only)."""

    value: str
    pattern: str | None = None

    def __call__(self, text: str) -> str:
        if self.pattern is not None and not re.fullmatch(self.pattern, text):
            raise TransformError(f"{_short(text)} is not a dash")
        return self.value


# --- the registries --------------------------------------------------------------------------------

_DAY_MONTH_TAIL = {"bg": 6, "de": 6, "el": 8, "es": 7, "et": 5, "fr": 5, "hr": 6, "it": 6, "lv": 6, "nl": 6, "no": 6,
                   "pt": 6, "ro": 7, "sk": 6, "sl": 6}
_PLAIN = ("de", "el", "en", "es", "et", "fr", "hr", "it", "nl", "no", "pt", "ro", "sk", "sl")
# Finnish, Polish and Welsh put a non-letter (a dot, a space) between the day and the month word.
# (The registry writes [^0-9]*[^0-9a-zA-Z]+: the same texts, with more backtracking.)
_AFTER_DAY = "[^0-9]*[^0-9a-zA-Z]"
_DANISH = {
    "date-day-monthname": _Date("<D>[^0-9]+<M><L>", "da", any_case=True),
    "date-day-monthname-year": _Date("<D>[^0-9]+<M><L>[^0-9]*<Y>", "da", any_case=True),
    "date-monthname-year": _Date("<M><L>[^0-9]*<Y>", "da", any_case=True),
}
_NUM_DOT_DECIMAL_IN = _Number(r"(?:[0-9]{1,2}[, \xa0])?(?:[0-9]{2}[, \xa0])*[0-9]{3}(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?",
                              ", \xa0")
_APOSTROPHES = "'`´’′"

_TR4: dict[str, Transform] = {
    **{f"date-day-monthname-{lang}": _Date(f"<D>[^0-9]+<M>[^0-9]{{0,{tail}}}", lang)
       for lang, tail in _DAY_MONTH_TAIL.items()},
    "date-day-monthname-cs": _Date(r"<D>[^0-9]+<M>\.?", "cs-day"),
    "date-day-monthname-en": _Date("<D>[^0-9]+<M>", "en"),
    "date-day-monthname-fi": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]{{0,8}}", "fi"),
    "date-day-monthname-pl": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]{{0,9}}s*", "pl"),
    "date-day-monthroman": _Date("<D>[^0-9]*[^XVIxvi]<M>", "roman"),
    **{f"date-day-monthname-year-{lang}": _Date("<D>[^0-9]+<M>[^0-9]+<Y>", lang) for lang in _PLAIN},
    "date-day-monthname-year-bg": _Date("<D>[^0-9]+<M>[^0-9]+<Y>[^0-9]*", "bg"),
    "date-day-monthname-year-cs": _Date("<D>[^0-9]+<M>[^0-9a-zA-Z]+[^0-9]*<Y>", "cs-day"),
    "date-day-monthname-year-fi": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]+<Y>", "fi"),
    "date-day-monthname-year-hi": _Date("<DH>[^0-9०-९]+<M>[^0-9०-९]+<YH>", "hi"),
    "date-day-monthname-year-pl": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]+<Y>[^0-9]*", "pl"),
    "date-day-monthroman-year": _Date("<D>[^0-9]*[^XVIxvi]<M>[^XVIxvi][^0-9]*<Y>", "roman"),
    **{f"date-monthname-year-{lang}": _Date("<M>[^0-9]+<Y>", lang) for lang in (*_PLAIN, "fi")},
    "date-monthname-year-bg": _Date("<M>[^0-9]+<Y>[^0-9]*", "bg"),
    "date-monthname-year-cs": _Date("<M>[^0-9a-zA-Z]+[^0-9]*<Y>", "cs-month"),
    "date-monthname-year-hi": _Date("<M>[^0-9०-९]+<YH>", "hi"),
    "date-monthname-year-pl": _Date("<M>[^0-9]+<Y>[^0-9]*", "pl"),
    "date-monthroman-year": _Date("<M>[^XVIxvi][^0-9]*<Y>", "roman"),
    **{f"{shape}-{lang}": transform for shape, transform in _DANISH.items() for lang in ("da", "sv")},
    "date-monthname-day-en": _Date("<M>[^0-9]+<D>[A-Za-z]{0,2}", "en"),
    "date-monthname-day-hu": _Date("<M>[^0-9]+<D>", "hu"),
    "date-monthname-day-lt": _Date("<M>[^0-9]+<D>[^0-9]*", "lt"),
    "date-monthname-day-year-en": _Date("<M>[^0-9]+<D>[^0-9]+<Y>", "en"),
    "date-year-day-monthname-lv": _Date("<Y>[^0-9]+<D>[^0-9]+<M>[^0-9]*", "lv"),
    "date-year-monthname-day-hu": _Date("<Y>[^0-9]+<M>[^0-9]+<D>", "hu"),
    "date-year-monthname-day-lt": _Date(f"<Y>{_AFTER_DAY}<M>[^0-9]+<D>[^0-9]*", "lt"),
    "date-year-monthname-en": _Date("<Y>[^0-9]+<M>", "en"),
    "date-year-monthname-hu": _Date("<Y>[^0-9]+<M>[^0-9]{0,7}", "hu"),
    "date-year-monthname-lt": _Date(f"<Y>{_AFTER_DAY}<M>[^0-9]*", "lt"),
    "date-year-monthname-lv": _Date("<Y>[^0-9]+<M>[^0-9]{0,7}", "lv"),
    "date-ind-day-monthname-year-hi": _SakaDate(),
    "date-day-month": _Date("<D>[^0-9]+<N>"),
    "date-month-day": _Date("<N>[^0-9]+<D>[A-Za-z]*"),
    "date-day-month-year": _Date("<D>[^0-9]+<N>[^0-9]+<Y>", digits=_DEVANAGARI),
    "date-month-day-year": _Date("<N>[^0-9]+<D>[^0-9]+<Y>"),
    "date-month-year": _Date("<N>[^0-9]+<Y>", digits=_DEVANAGARI),
    "date-year-month": _Date("<Y>[^0-9]+<N>[^0-9]*", digits=_FULL_WIDTH),
    "date-year-month-day": _Date("<Y>[^0-9]+<N>[^0-9]+<D>[^0-9]*", digits=_FULL_WIDTH),
    "date-jpn-era-year-month-day": _Date(r"\s*<E>\s*年\s*<N>\s*月\s*<D>\s*日\s*", digits=_FULL_WIDTH),
    "date-jpn-era-year-month": _Date(r"\s*<E>\s*年\s*<N>\s*月\s*", digits=_FULL_WIDTH),
    "fixed-empty": _Fixed(""),
    "fixed-false": _Fixed("false"),
    "fixed-true": _Fixed("true"),
    "fixed-zero": _Fixed("0"),
    "num-dot-decimal": _Number(r"[, \xa00-9]*(?:\.[ \xa00-9]+)?", ", \xa0"),
    "num-comma-decimal": _Number(r"[. \xa00-9]*(?:,[ \xa00-9]+)?", ". \xa0", ","),
    "numdotdecimalin": _NUM_DOT_DECIMAL_IN,
    "num-unit-decimal": _UnitDecimal("(?P<i>[0-9.,，]+)[^0-9.,，][^0-9]*(?P<f>[0-9]{1,2})[^0-9]*", ".,，",
                                     _FULL_WIDTH),
}
_TR5: dict[str, Transform] = {
    **_TR4,
    "date-day-monthname-cy": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]{{0,7}}", "cy-day"),
    "date-day-monthname-year-cy": _Date(f"<D>{_AFTER_DAY}<M>[^0-9]+<Y>", "cy-day"),
    "date-monthname-year-cy": _Date("<M>[^0-9]+<Y>", "cy-month"),
    # Swiss numbers: apostrophes (any of five) group the thousands.
    "num-dot-decimal-apos": _Number(rf"[,{_APOSTROPHES} \xa00-9]*(?:\.[ \xa00-9]+)?", f",{_APOSTROPHES} \xa0"),
    "num-comma-decimal-apos": _Number(rf"[.{_APOSTROPHES} \xa00-9]*(?:,[ \xa00-9]+)?", f".{_APOSTROPHES} \xa0", ","),
    "num-unit-decimal-apos": _UnitDecimal(
        f"(?P<i>[0-9.,，{_APOSTROPHES}＇]+)[^0-9.,，{_APOSTROPHES}＇][^0-9]*(?P<f>[0-9]{{1,2}})[^0-9]*",
        f".,，{_APOSTROPHES}＇", _FULL_WIDTH),
}

# TR1 (2010): English dates with spaces only, capitalised month names, 2- or 4-digit years; strictly
# grouped numbers.
_TR1: dict[str, Transform] = {
    "dateslashus": _Date("<N>/<D>/<Y>"), "dateslasheu": _Date("<D>/<N>/<Y>"),
    "datedotus": _Date(r"<N>\.<D>\.<Y>"), "datedoteu": _Date(r"<D>\.<N>\.<Y>"),
    "datelongus": _Date("<M> <D>, <Y24>", "en-full"), "dateshortus": _Date("<M> <D>, <Y24>", "en-short"),
    "datelonguk": _Date("<D> <M> <Y24>", "en-full"), "dateshortuk": _Date("<D> <M> <Y24>", "en-short"),
    "datelongdaymonthuk": _Date("<D> <M>", "en-full"), "dateshortdaymonthuk": _Date(r"<D>\s+<M>", "en-short"),
    "datelongmonthdayus": _Date("<M> <D>", "en-full"),
    "dateshortmonthdayus": _Date(r"<M>\s+<D>[A-Za-z]{0,2}", "en-short"),
    "dateslashdaymontheu": _Date("<D>/<N>"), "dateslashmonthdayus": _Date("<N>/<D>"),
    "datelongyearmonth": _Date(r"<Y24>\s+<M>", "en-full"), "dateshortyearmonth": _Date(r"<Y24>\s+<M>", "en-short"),
    "datelongmonthyear": _Date(r"<M>\s+<Y24>", "en-full"), "dateshortmonthyear": _Date(r"<M>\s+<Y24>", "en-short"),
    "numcommadot": _Number(r"[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?", ","),
    "numdotcomma": _Number(r"[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?", ".", ","),
    "numspacedot": _Number(r"[0-9]{1,3}(?:[ \xa0][0-9]{3})*(?:\.[0-9]+)?", " \xa0"),
    "numspacecomma": _Number(r"[0-9]{1,3}(?:[ \xa0][0-9]{3})*(?:,[0-9]+)?", " \xa0", ","),
    "numcomma": _Number("[0-9]+(?:,[0-9]+)?", "", ","),
    "numdash": _Fixed("0", "-"),
}
# TR2 (2011): most formats are TR4's under their older names.
_TR2: dict[str, Transform] = {
    "booleanfalse": _TR4["fixed-false"], "booleantrue": _TR4["fixed-true"], "nocontent": _TR4["fixed-empty"],
    "zerodash": _Fixed("0", "[-\u058a\u05be\u2010-\u2015\ufe58\ufe63\uff0d]"),
    "datedaymonth": _TR4["date-day-month"], "datedaymonthen": _TR4["date-day-monthname-en"],
    "datedaymonthyear": _Date("<D>[^0-9]+<N>[^0-9]+<Y>"),
    "datedaymonthyearen": _TR4["date-day-monthname-year-en"],
    "dateerayearmonthdayjp": _TR4["date-jpn-era-year-month-day"], "dateerayearmonthjp": _TR4["date-jpn-era-year-month"],
    "datemonthday": _TR4["date-month-day"], "datemonthdayen": _TR4["date-monthname-day-en"],
    "datemonthdayyear": _TR4["date-month-day-year"], "datemonthdayyearen": _TR4["date-monthname-day-year-en"],
    "datemonthyearen": _TR4["date-monthname-year-en"], "dateyearmonthen": _TR4["date-year-monthname-en"],
    "dateyearmonthdaycjk": _Date(r"\s*<Y>\s*年\s*<N>\s*月\s*<D>\s*日\s*", digits=_FULL_WIDTH),
    "dateyearmonthcjk": _Date(r"\s*<Y>\s*年\s*<N>\s*月\s*", digits=_FULL_WIDTH),
    "numdotdecimal": _Number(r"[0-9]{1,3}(?:[, \xa0]?[0-9]{3})*(?:\.[0-9]+)?", ", \xa0"),
    "numcommadecimal": _Number(r"[0-9]{1,3}(?:[. \xa0]?[0-9]{3})*(?:,[0-9]+)?", ". \xa0", ","),
    "numunitdecimal": _UnitDecimal(
        "(?P<i>0|[1-9][0-9]{0,2}(?:[.,，．]?[0-9]{3})*)[^0-9.,，．]+(?P<f>[0-9]{1,2})[^0-9.,，．]*", ".,，．", _FULL_WIDTH),
}
_TR3: dict[str, Transform] = {
    **_TR2,
    "calindaymonthyear": _TR4["date-ind-day-monthname-year-hi"],
    "datedaymonthdk": _TR4["date-day-monthname-da"], "datedaymonthyeardk": _TR4["date-day-monthname-year-da"],
    "datemonthyeardk": _TR4["date-monthname-year-da"],
    "datedaymonthyearin": _Date("<DH>[^0-9०-९]+<MH>[^0-9०-९]+<YH>", "hi"),
    "datemonthyear": _Date("<N>[^0-9]+<Y>"), "datemonthyearin": _TR4["date-monthname-year-hi"],
    "dateyearmonthday": _TR4["date-year-month-day"], "numdotdecimalin": _NUM_DOT_DECIMAL_IN,
    "numunitdecimalin": _UnitDecimal(
        r"(?P<i>(?:[0-9]{1,2}[, \xa0])?(?:[0-9]{2}[, \xa0])*[0-9]{3}|[0-9]+)[^0-9]+(?P<f>[0-9]{1,2})[^0-9]*", ", \xa0"),
}
_SEC: dict[str, Transform | None] = dict.fromkeys((
    "numwordsen", "numinf", "numneginf", "numnan", "durday", "durmonth", "duryear", "durhour", "durwordsen",
    "datequarterend", "boolballotbox", "yesnoballotbox", "exchnameen", "stateprovnameen", "countrynameen",
    "edgarprovcountryen", "entityfilercategoryen"))

REGISTRY: Mapping[str, Mapping[str, Transform | None]] = {
    TR1_DRAFT: _TR1, TR1: _TR1, TR2: _TR2, TR3: _TR3, TR4: _TR4, TR5: _TR5, SEC: _SEC}


def transform(namespace: str, name: str, text: str) -> str:
    """Apply format ``{namespace}name`` to the displayed ``text``; return the fact's value.

    KeyError: not a format of that registry. FormatNotChecked: a format this validator does not check
    (the SEC's). TransformError: the text is not of the format's form.
    """
    formats = REGISTRY.get(namespace, {})
    if name not in formats:
        raise KeyError(f"{{{namespace}}}{name}")
    function = formats[name]
    if function is None:
        raise FormatNotChecked(name)
    if isinstance(function, _Fixed) and function.pattern is None:
        return function.value
    collapsed = _WHITESPACE.sub(" ", text).strip(" ")
    if len(collapsed) > FORMAT_TEXT_CHARS.value:
        # The registries' patterns backtrack: their time grows with the square of the text's length.
        raise TransformError(f"a text of {len(collapsed):,} characters is longer than this validator reads "
                             f"for a format ({FORMAT_TEXT_CHARS.value:,})")
    return function(collapsed)
