"""Cell-value normalisers for legacy spreadsheet registers.

This module owns the reading of single raw cell values -- as openpyxl or the
csv module hands them over (str, int, float, Decimal, datetime/date or None) --
into typed values: folded text, header keys, Decimals, amounts, counts, dates,
periods and per-category allotments, plus the classification of a recipient
label and the decoding of CSV bytes.  Anything that does not read cleanly
raises `NormaliseError` (see messages.py); callers add file/sheet/row/column.

Decisions worth knowing:

* Text is folded with NFKC (full-width digits, letters and punctuation become
  ASCII, half-width katakana become full-width, kana and kanji are kept),
  zero-width characters are dropped, hyphen/minus look-alikes become "-",
  and whitespace runs (including U+3000) collapse to one space.
* Numbers never go through float arithmetic: Excel floats are read via their
  shortest repr, and every Decimal is returned in a canonical form (no
  exponent, no trailing fractional zeros: 369200.0 -> 369200, 1.50 -> 1.5).
* Thousands separators are commas in groups of three only ("30 200" and
  "3,02,00" are rejected: a space or odd grouping is too easily a typo or two
  numbers).  Negative numbers (-5, △5, ▲5, (5)) are rejected: amounts and
  counts in these registers never are.  Multipliers (千円, 万株, million) and
  approximations (約, about, 以上) are rejected rather than guessed.
* Dates: 4-digit-year forms only; day/month-first and two-digit-year forms are
  ambiguous and rejected.  Japanese era dates are strict: a date must fall
  inside its era (平成31年4月30日 is the last Heisei day; 平成32年 does not
  exist) unless the caller passes allow_era_overrun=True, because notices
  written before 2019 really did count Heisei years past its end (e.g. an
  exercise period ending 平成57年7月31日).  Meiji dates before 1873 used the
  lunisolar calendar and are rejected.  Whole numbers 1868..2200 are rejected
  as "a year on its own" instead of being read as 1905 Excel serials.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import messages as msg
from .messages import NormaliseError

RawCell = str | int | float | Decimal | dt.date | None

__all__ = [
    "Amount",
    "AllotmentEntry",
    "Count",
    "NormaliseError",
    "RECIPIENT_CODES",
    "classify_recipient",
    "decode_csv_bytes",
    "header_key",
    "normalise_text",
    "parse_allotments",
    "parse_amount",
    "parse_count",
    "parse_date",
    "parse_decimal",
    "parse_period",
]


# =============================================================================
# Result types
# =============================================================================


@dataclass(frozen=True)
class Amount:
    """A money amount; `no_payment` is True only when the cell says so in words."""

    value: Decimal
    currency: str | None = None
    no_payment: bool = False


@dataclass(frozen=True)
class Count:
    """A whole-number count; `upper_limit` marks 上限 / up to / not exceeding."""

    value: int
    upper_limit: bool = False


@dataclass(frozen=True)
class AllotmentEntry:
    """One recipient category of an allotment, e.g. 当社取締役 7名 100個."""

    label: str
    persons: Count
    rights: Count


RECIPIENT_CODES: tuple[str, ...] = (
    "directors",
    "outside_directors",
    "audit_committee_directors",
    "executive_officers",
    "corporate_auditors",
    "employees",
    "subsidiary_directors",
    "subsidiary_executive_officers",
    "subsidiary_corporate_auditors",
    "subsidiary_employees",
    "subsidiary_directors_and_employees",
    "group_company_managers",
    "other",
)


# =============================================================================
# Text
# =============================================================================

# Invisible characters that survive copy-and-paste from PDFs and web pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# NFKC leaves these alone, but registers use them as plain hyphens / minus signs.
_DASH_LOOKALIKES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})


def _fold(text: str) -> str:
    """Width/compatibility folding without touching whitespace layout."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_DASH_LOOKALIKES)


def _plain_decimal(value: Decimal) -> str:
    return format(value, "f")


def _cell_text(raw: object) -> str:
    """The text a cell shows, for any cell type."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, (float, Decimal)):
        try:
            return _plain_decimal(_canonical(_exact_decimal(raw)))
        except (InvalidOperation, ValueError):
            return str(raw)
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return str(raw)


def normalise_text(raw: object) -> str:
    """Fold width (NFKC), drop invisible characters, strip and collapse whitespace.

    None becomes ""; numbers and dates become the text Excel-style cells show.
    """
    return " ".join(_fold(_cell_text(raw)).split())


# Characters that do not distinguish one header from another.
_HEADER_NOISE = re.compile(r"[\s_\-.:・]+")


def header_key(raw: object) -> str:
    """Key for matching column headers.

    Folds width (NFKC) and case (casefold) and drops whitespace, underscores,
    hyphens, periods, colons and middle dots, so "Number of  Rights",
    "ＮＵＭＢＥＲ ＯＦ ＲＩＧＨＴＳ", "number_of_rights" and "Number-of-rights:"
    all give "numberofrights".  Brackets and kanji are kept.
    """
    return _HEADER_NOISE.sub("", normalise_text(raw).casefold())


# =============================================================================
# Numbers
# =============================================================================


def _exact_decimal(raw: float | Decimal) -> Decimal:
    # repr() is the shortest string that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055...
    return Decimal(repr(raw)) if isinstance(raw, float) else raw


def _canonical(value: Decimal) -> Decimal:
    """No exponent and no trailing fractional zeros: 369200.0 -> 369200, 1.50 -> 1.5."""
    if not value.is_finite():
        raise ValueError("not finite")
    if value == value.to_integral_value():
        return Decimal(int(value))
    sign, digits, exponent = value.as_tuple()
    while exponent < 0 and digits[-1] == 0:  # type: ignore[operator]
        digits, exponent = digits[:-1], exponent + 1
    return Decimal((sign, digits, exponent))


def _number_from_cell(raw: object, expected: str) -> Decimal:
    """A non-negative Decimal from a numeric (non-text) cell."""
    if raw is None:
        raise NormaliseError(raw, expected)
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        reason = msg.DATE_CELL_NOT_NUMBER if isinstance(raw, dt.date) else None
        raise NormaliseError(raw, expected, reason)
    value = Decimal(raw) if isinstance(raw, int) else _exact_decimal(raw)
    if not value.is_finite():
        raise NormaliseError(raw, expected, msg.NOT_FINITE)
    if value < 0:
        raise NormaliseError(raw, expected, msg.NEGATIVE)
    return _canonical(value)


@dataclass(frozen=True)
class _NumberText:
    """A text cell split around its single number."""

    prefix: str
    value: Decimal
    suffix: str


# Exactly one number: everything before and after it is digit-free.
_ONE_NUMBER = re.compile(
    r"(?P<prefix>[^0-9]*?)(?P<int>[0-9](?:[0-9,]*[0-9])?)(?P<frac>\.[0-9]+)?(?P<suffix>[^0-9]*)"
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_NEGATIVE_MARK = re.compile(r"(?:-|△|▲)\s*$")
_SPACE_GROUPED = re.compile(r"[^0-9]*[0-9]{1,3}(?: [0-9]{3})+[^0-9]*")
_DIGIT_RUN = re.compile(r"[0-9]+")


def _split_number(text: str, raw: object, expected: str) -> _NumberText:
    if not text:
        raise NormaliseError(raw, expected)
    match = _ONE_NUMBER.fullmatch(text)
    if match is None:
        reason = (
            msg.SPACE_GROUPING if _SPACE_GROUPED.fullmatch(text)
            else msg.MORE_THAN_ONE_NUMBER if len(_DIGIT_RUN.findall(text)) > 1
            else None
        )  # fmt: skip
        raise NormaliseError(raw, expected, reason)
    prefix, digits, suffix = match["prefix"], match["int"], match["suffix"]
    # Accounting notation for negatives: -5, △5, ▲5 and (5).
    if _NEGATIVE_MARK.search(prefix) or (
        prefix.rstrip().endswith("(") and suffix.lstrip().startswith(")")
    ):
        raise NormaliseError(raw, expected, msg.NEGATIVE)
    if "," in digits and not _GROUPED.fullmatch(digits):
        raise NormaliseError(raw, expected, msg.BAD_GROUPING)
    value = Decimal(digits.replace(",", "") + (match["frac"] or ""))
    return _NumberText(prefix, value, suffix)


# Multipliers right after the number change its value: 369千円, 3万株, 1.5 million.
_MULTIPLIER = re.compile(
    r"\s*(?:[十百千万億兆]|(?:thousand|million|billion|trillion|mn|bn|k|m)(?![a-z]))",
    re.IGNORECASE,
)
# "(以下「本新株予約権」という)" means "hereinafter ...", not "or less".
_DEFINITION = re.compile(r"\(以下[^()]*\)")
_UPPER_WORDS = re.compile(
    r"上限|以内|以下|or\s+(?:less|fewer)|at\s+(?:the\s+)?most|\bmaximum\b|\bmax\b",
    re.IGNORECASE,
)
_OTHER_QUALIFIERS = re.compile(
    r"以上|未満|超|下限|最低|約|程度|前後|およそ|概ね|or\s+more|more\s+than|less\s+than|"
    r"at\s+least|\bminimum\b|\bmin\b|\bapprox|\babout\b|\baround\b|\broughly\b",
    re.IGNORECASE,
)


def _check_words_after(suffix: str, raw: object, expected: str, *, allow_upper: bool) -> bool:
    """Reject multipliers and qualifiers after a number; return True if it marks an upper limit."""
    if _MULTIPLIER.match(suffix):
        raise NormaliseError(raw, expected, msg.MULTIPLIER)
    words = _DEFINITION.sub("", suffix)
    if _OTHER_QUALIFIERS.search(words):
        raise NormaliseError(raw, expected, msg.QUALIFIER)
    upper = _UPPER_WORDS.search(words) is not None
    if upper and not allow_upper:
        raise NormaliseError(raw, expected, msg.BOUND_IN_NUMBER)
    return upper


# Currency marks, keyed by their casefolded, space-free spelling.
_CURRENCY_MARKS: dict[str, str] = {
    "jpy": "JPY", "¥": "JPY", "円": "JPY", "yen": "JPY", "\\": "JPY",  # CP932 shows ¥ as a backslash
    "usd": "USD", "us$": "USD", "$": "USD", "米ドル": "USD", "ドル": "USD",
    "usdollars": "USD", "usdollar": "USD", "dollars": "USD", "dollar": "USD",
    "eur": "EUR", "€": "EUR", "ユーロ": "EUR", "euros": "EUR", "euro": "EUR",
    "gbp": "GBP", "£": "GBP",
    "cny": "CNY", "hkd": "HKD", "sgd": "SGD", "aud": "AUD", "cad": "CAD", "chf": "CHF",
}  # fmt: skip
_LEADING_CURRENCY = re.compile(
    r"\s*(?P<mark>jpy|usd|eur|gbp|cny|hkd|sgd|aud|cad|chf|円|yen|米ドル|ドル|ユーロ|"
    r"us\s?dollars?|dollars?|euros?)(?![a-z])",
    re.IGNORECASE,
)


def _currency_mark(text: str) -> str | None:
    return _CURRENCY_MARKS.get(re.sub(r"\s+", "", text).casefold())


def _currency_before(prefix: str, raw: object, expected: str) -> str | None:
    """The currency named before a number; anything else there is an error."""
    stripped = prefix.strip()
    if not stripped:
        return None
    currency = _currency_mark(stripped)
    if currency is None:
        raise NormaliseError(raw, expected, _reason_for_prefix(stripped))
    return currency


def _reason_for_prefix(prefix: str) -> str:
    if _UPPER_PREFIX.fullmatch(prefix):
        return msg.BOUND_IN_NUMBER
    if _OTHER_QUALIFIERS.search(prefix):
        return msg.QUALIFIER
    return msg.unexpected_text(prefix, "before the number")


def _currency_after(suffix: str) -> tuple[str | None, str]:
    """The currency named right after a number, and the rest of the text."""
    match = _LEADING_CURRENCY.match(suffix)
    if match is None:
        return None, suffix
    return _currency_mark(match["mark"]), suffix[match.end() :]


def parse_decimal(raw: RawCell) -> Decimal:
    """A non-negative number; currency marks and trailing unit words are ignored.

    Accepts 30,200 / ３０，２００ / JPY369,200 / ¥1,846 / 1,846円 / 100 rights.
    """
    expected = msg.EXPECTED_NUMBER
    if not isinstance(raw, str):
        return _number_from_cell(raw, expected)
    parts = _split_number(normalise_text(raw), raw, expected)
    before = _currency_before(parts.prefix, raw, expected)
    after, _ = _currency_after(parts.suffix)
    if before and after and before != after:
        raise NormaliseError(raw, expected, msg.CURRENCY_CONFLICT)
    _check_words_after(parts.suffix, raw, expected, allow_upper=False)
    return _canonical(parts.value)


# --- Amounts -------------------------------------------------------------------

_NO_PAYMENT = re.compile(
    r"無償|払い?込み?を?要しない|払込不要|no\s+(?:cash\s+)?payment|without\s+(?:cash\s+)?payment|"
    r"free\s+of\s+charge|gratis|at\s+no\s+cost|no\s+consideration|without\s+consideration",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"none|nil|n/?a|なし|無し|-+|—+|―+|ー+|該当なし|該当事項なし", re.IGNORECASE)
# "1株当たり", "新株予約権1個につき", "per share": say what the amount is per, not how much.
_PER_UNIT = re.compile(
    r"(?:新株予約権\s*)?1\s*(?:株|個)\s*(?:当たり|当り|あたり|につき)\s*(?:の)?\s*"
    r"(?:払込金額|発行価額|発行価格|金額|価額)?\s*(?:は)?\s*:?"
    r"|\bper\s+(?:share|right|unit|stock\s+acquisition\s+right)\b\s*:?",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_ANY_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def parse_amount(raw: RawCell) -> Amount:
    """A money amount with its currency (if shown) and whether it is a free issue.

    無償, No payment, No cash payment is required, free of charge ... give a zero
    amount with no_payment=True.  A literal 0 keeps no_payment=False (as written).
    Placeholders such as None, なし or - are rejected as ambiguous: an unknown
    amount is not the same as a free issue.
    """
    expected = msg.EXPECTED_AMOUNT
    if not isinstance(raw, str):
        return Amount(_number_from_cell(raw, expected))
    text = normalise_text(raw)
    if not text:
        raise NormaliseError(raw, expected)
    no_payment = _NO_PAYMENT.search(text) is not None
    if no_payment:
        # "無償（0円）" is fine; "無償 1,000円" contradicts itself.
        numbers = [Decimal(n.replace(",", "")) for n in _ANY_NUMBER.findall(text)]
        if any(n != 0 for n in numbers):
            raise NormaliseError(raw, expected, msg.NO_PAYMENT_CONFLICT)
        return Amount(Decimal(0), None, True)
    if _PLACEHOLDER.fullmatch(text):
        raise NormaliseError(raw, expected, msg.AMBIGUOUS_PLACEHOLDER)
    text = _EMPTY_BRACKETS.sub("", _PER_UNIT.sub(" ", text)).strip()
    parts = _split_number(text, raw, expected)
    before = _currency_before(parts.prefix, raw, expected)
    after, _ = _currency_after(parts.suffix)
    if before and after and before != after:
        raise NormaliseError(raw, expected, msg.CURRENCY_CONFLICT)
    _check_words_after(parts.suffix, raw, expected, allow_upper=False)
    return Amount(_canonical(parts.value), before or after, False)


# --- Counts --------------------------------------------------------------------

_UPPER_PREFIX = re.compile(
    r"(?:上限(?:として)?|最大|up\s+to|not\s+exceeding|not\s+more\s+than|no\s+more\s+than|"
    r"at\s+most|(?:a\s+)?maximum(?:\s+of)?|max\.?)\s*:?",
    re.IGNORECASE,
)


def _whole(value: Decimal, raw: object, expected: str) -> int:
    if value != value.to_integral_value():
        raise NormaliseError(raw, expected, msg.NOT_WHOLE)
    return int(value)


def parse_count(raw: RawCell) -> Count:
    """A whole, non-negative count; any unit word after the number is accepted.

    Upper limits are marked before the number (上限, 上限として, 最大, up to, not
    exceeding, maximum (of), max.) or after it (を上限とする, 上限, 以内, 以下,
    or less, at most, maximum).  Lower bounds and approximations are errors.
    """
    expected = msg.EXPECTED_COUNT
    if not isinstance(raw, str):
        return Count(_whole(_number_from_cell(raw, expected), raw, expected))
    parts = _split_number(normalise_text(raw), raw, expected)
    prefix = parts.prefix.strip()
    upper = False
    if prefix:
        if not _UPPER_PREFIX.fullmatch(prefix):
            raise NormaliseError(raw, expected, _reason_for_prefix(prefix))
        upper = True
    upper = _check_words_after(parts.suffix, raw, expected, allow_upper=True) or upper
    return Count(_whole(parts.value, raw, expected), upper)


# =============================================================================
# Dates
# =============================================================================


@dataclass(frozen=True)
class _Era:
    name: str
    letter: str
    offset: int  # Gregorian year = offset + era year
    first: dt.date  # first convertible day
    last: dt.date | None


# Immutable table; 明治 starts at 1873 because earlier Meiji dates are lunisolar.
_ERAS: tuple[_Era, ...] = (
    _Era("明治", "M", 1867, dt.date(1873, 1, 1), dt.date(1912, 7, 29)),
    _Era("大正", "T", 1911, dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    _Era("昭和", "S", 1925, dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    _Era("平成", "H", 1988, dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    _Era("令和", "R", 2018, dt.date(2019, 5, 1), None),
)

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

_TIME = r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_ISO_LIKE = re.compile(rf"([0-9]{{4}})([-/.])([0-9]{{1,2}})\2([0-9]{{1,2}}){_TIME}")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_KANJI_GREGORIAN = re.compile(
    r"(?:西暦\s*)?([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
)
_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<year>元|[0-9]{1,2})\s*(?:年|[./-])\s*"
    r"(?P<month>[0-9]{1,2})\s*(?:月|[./-])\s*(?P<day>[0-9]{1,2})\s*日?",
    re.IGNORECASE,
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>[a-z]+)\.?\s*(?P<day>[0-9]{{1,2}}){_ORDINAL}\s*,?\s+(?P<year>[0-9]{{4}})",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>[0-9]{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+(?P<month>[a-z]+)\.?,?[\s-]+"
    r"(?P<year>[0-9]{4})",
    re.IGNORECASE,
)
_AMBIGUOUS_DATE = re.compile(
    r"[0-9]{1,2}([-/.])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{2}([-/.])[0-9]{1,2}\2[0-9]{1,2}"
)
_SERIAL_TEXT = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_WEEKDAY_AFTER = re.compile(
    r"\s*\((?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\)$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=[a-z0-9])", re.IGNORECASE
)

_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_YEAR_LIKE = range(1868, 2201)


def _calendar_date(year: int, month: int, day: int, raw: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NormaliseError(
            raw, msg.EXPECTED_DATE, msg.not_a_calendar_date(year, month, day)
        ) from None


def _era_date(era_word: str, year_word: str, month: int, day: int, raw: object,
              allow_overrun: bool) -> dt.date:  # fmt: skip
    index = next(
        i for i, era in enumerate(_ERAS) if era_word in (era.name, era.letter, era.letter.lower())
    )
    era = _ERAS[index]
    era_year = 1 if year_word == "元" else int(year_word)
    if era_year == 0:
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.ERA_YEAR_ZERO)
    date = _calendar_date(era.offset + era_year, month, day, raw)
    if date < era.first:
        reason = (
            msg.MEIJI_LUNISOLAR
            if index == 0
            else msg.era_not_started(era.name, era.first, _ERAS[index - 1].name)
        )
        raise NormaliseError(raw, msg.EXPECTED_DATE, reason)
    if era.last is not None and date > era.last and not allow_overrun:
        last = era.last
        written = f"{era.name}{last.year - era.offset}年{last.month}月{last.day}日"
        reason = msg.era_ended(era.name, last, written, _ERAS[index + 1].name)
        raise NormaliseError(raw, msg.EXPECTED_DATE, reason)
    return date


def _month_number(word: str, raw: object) -> int:
    month = _MONTHS.get(word.casefold())
    if month is None:
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.unknown_month(word))
    return month


def _from_serial(value: Decimal, raw: object) -> dt.date:
    """An Excel 1900-system serial (time of day ignored) as a date."""
    day_number = int(value)  # value >= 0, so int() floors
    if value == day_number and day_number in _YEAR_LIKE:
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.YEAR_ONLY)
    if not 1 <= day_number <= _EXCEL_MAX_SERIAL:
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.SERIAL_RANGE)
    if day_number == 60:
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.SERIAL_60)
    # Excel counts a fictitious 1900-02-29, so serials after it are one day "late".
    epoch = dt.date(1899, 12, 31) if day_number < 60 else dt.date(1899, 12, 30)
    return epoch + dt.timedelta(days=day_number)


def _from_number(value: Decimal, raw: object) -> dt.date:
    """A numeric date: yyyymmdd when it has eight digits, else an Excel serial."""
    if value == value.to_integral_value() and 19000101 <= value <= 99991231:
        y, md = divmod(int(value), 10000)
        return _calendar_date(y, md // 100, md % 100, raw)
    return _from_serial(value, raw)


def _date_from_text(text: str, raw: object, *, allow_serial: bool, allow_overrun: bool) -> dt.date:
    """Parse folded date text; the forms are tried from most to least specific."""
    text = _WEEKDAY_BEFORE.sub("", _WEEKDAY_AFTER.sub("", text), count=1).strip()
    if m := _ISO_LIKE.fullmatch(text):
        return _calendar_date(int(m[1]), int(m[3]), int(m[4]), raw)
    if m := _KANJI_GREGORIAN.fullmatch(text):
        return _calendar_date(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _ERA_DATE.fullmatch(text):
        return _era_date(m["era"], m["year"], int(m["month"]), int(m["day"]), raw, allow_overrun)
    if m := _MONTH_DAY_YEAR.fullmatch(text):
        month = _month_number(m["month"], raw)
        return _calendar_date(int(m["year"]), month, int(m["day"]), raw)
    if m := _DAY_MONTH_YEAR.fullmatch(text):
        month = _month_number(m["month"], raw)
        return _calendar_date(int(m["year"]), month, int(m["day"]), raw)
    if allow_serial and _SERIAL_TEXT.fullmatch(text):
        return _from_number(Decimal(text), raw)
    if _AMBIGUOUS_DATE.fullmatch(text):
        raise NormaliseError(raw, msg.EXPECTED_DATE, msg.AMBIGUOUS_DAY_MONTH)
    raise NormaliseError(raw, msg.EXPECTED_DATE)


def parse_date(raw: RawCell, *, allow_era_overrun: bool = False) -> dt.date:
    """A calendar date from a date cell, an Excel serial or text.

    Text forms: 2015-07-13, 2015/7/13, 2015.7.13, 20150713, July 13, 2015,
    Jul. 13, 2015, 13 July 2015, 2015年7月13日, 平成27年7月13日, 令和元年5月1日,
    H27.7.13, R01/05/01 (a trailing weekday such as （月） is ignored).
    Numbers: an Excel 1900-system serial (1..2958465, 60 is invalid) or yyyymmdd.
    allow_era_overrun accepts era years past the era's end (平成32年 = 2020).
    """
    expected = msg.EXPECTED_DATE
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = normalise_text(raw)
        if not text:
            raise NormaliseError(raw, expected)
        return _date_from_text(text, raw, allow_serial=True, allow_overrun=allow_era_overrun)
    if raw is None or isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        raise NormaliseError(raw, expected)
    value = Decimal(raw) if isinstance(raw, int) else _exact_decimal(raw)
    if not value.is_finite() or value < 0:
        raise NormaliseError(raw, expected, msg.SERIAL_RANGE)
    return _from_number(value, raw)


# --- Periods -------------------------------------------------------------------

_PERIOD_LEAD = re.compile(r"^(?:自|from|between|期間\s*:?)\s*", re.IGNORECASE)
_PERIOD_TAIL = re.compile(r"\s*(?:まで(?:とする|の期間)?|迄)?\s*[.。]?$")
# Every place the text could be cut into start and end; each is tried in turn.
_PERIOD_SEPARATOR = re.compile(
    r"\s*(?:~|〜|∼|-|–|—|―|至|から|\b(?:to|through|until|till|and)\b)\s*", re.IGNORECASE
)


def _try_date(text: str, allow_overrun: bool) -> tuple[dt.date | None, NormaliseError | None]:
    try:
        return _date_from_text(text, text, allow_serial=False, allow_overrun=allow_overrun), None
    except NormaliseError as error:
        return None, error


def parse_period(raw: RawCell, *, allow_era_overrun: bool = False) -> tuple[dt.date, dt.date]:
    """A (start, end) pair from one cell; start may equal end but not follow it.

    Separators: ～ 〜 ~ - – — 至 から to through until; 自 / From / Between before
    the start and まで after the end are ignored.  Both sides take any text form
    parse_date accepts except bare numbers.
    """
    expected = msg.EXPECTED_PERIOD
    if not isinstance(raw, str):
        reason = msg.SINGLE_DATE_NOT_PERIOD if isinstance(raw, (dt.date, int, float)) else None
        raise NormaliseError(raw, expected, reason)
    text = _PERIOD_TAIL.sub("", _PERIOD_LEAD.sub("", normalise_text(raw)))
    found: set[tuple[dt.date, dt.date]] = set()
    reason: str | None = None
    for cut in _PERIOD_SEPARATOR.finditer(text):
        left, right = text[: cut.start()], text[cut.end() :]
        if not left or not right:
            continue
        start, start_error = _try_date(left, allow_era_overrun)
        end, end_error = _try_date(right, allow_era_overrun)
        if start and end:
            found.add((start, end))
        elif reason is None and (start or end):
            # One side read as a date: the other side's problem is the useful message.
            side, error = ("end", end_error) if start else ("start", start_error)
            assert error is not None
            reason = msg.period_side(side, error.raw, error.reason or f"expected {error.expected}")
    if not found:
        if reason is None and _try_date(text, allow_era_overrun)[0] is not None:
            reason = msg.SINGLE_DATE_NOT_PERIOD
        raise NormaliseError(raw, expected, reason)
    if len(found) > 1:
        raise NormaliseError(raw, expected, msg.AMBIGUOUS_PERIOD)
    ((start, end),) = found
    if start > end:
        raise NormaliseError(raw, expected, msg.start_after_end(start, end))
    return start, end


# =============================================================================
# Allotments
# =============================================================================


@dataclass(frozen=True)
class _Folded:
    """Folded text that remembers where each character came from in the raw text."""

    raw: str
    text: str
    origin: tuple[int, ...]

    def original(self, start: int, end: int) -> str:
        """The raw text behind folded text[start:end], whitespace collapsed."""
        if start >= end:
            return ""
        return " ".join(self.raw[self.origin[start] : self.origin[end - 1] + 1].split())


def _fold_keeping_origin(raw: str) -> _Folded:
    # Folding character by character keeps the mapping; it differs from whole-string
    # NFKC only in composing combining marks, which never touch digits or separators.
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        for folded in _fold(char):
            chars.append(folded)
            origin.append(index)
    return _Folded(raw, "".join(chars), tuple(origin))


_OPENERS = "([【〔「『"
_CLOSERS = ")]】〕」』"
_INNER_GROUP = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|「[^「」]*」|『[^『』]*』")


def _depths(text: str) -> tuple[int, ...] | None:
    """Bracket depth at each character (brackets themselves count as inside); None if unbalanced."""
    depth, out = 0, []
    for char in text:
        if char in _OPENERS:
            depth += 1
        out.append(depth)
        if char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return None
    return tuple(out) if depth == 0 else None


def _without_groups(text: str) -> str:
    while True:
        stripped = _INNER_GROUP.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


_ALLOTMENT_COUNT = re.compile(
    r"""
    (?:(?<![A-Za-z])(?P<pre>上限(?:として)?|最大|up\s+to|not\s+exceeding|not\s+more\s+than
        |no\s+more\s+than|at\s+most|(?:a\s+)?maximum(?:\s+of)?|max\.?)\s*)?
    (?<![0-9A-Za-z.,])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?(?![0-9]|,[0-9])
    (?!st\b|nd\b|rd\b|th\b)
    (?:\s*(?P<unit>名|人|個|株|persons?(?:\(s\))?|people|individuals?
        |(?:stock\s+acquisition\s+)?rights?(?:\(s\))?|units?|shares?)(?![A-Za-z]))?
    (?P<post>\s*(?:を上限とする|を上限として|を上限|\(上限\)|上限|以内|以下|\(max(?:imum)?\.?\)
        |or\s+(?:less|fewer)|at\s+(?:the\s+)?most)(?!\s*[0-9]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PERSON_UNITS = re.compile(r"名|人|person.*|people|individuals?", re.IGNORECASE)
_SHARE_UNITS = re.compile(r"株|shares?", re.IGNORECASE)
_STRONG_SEPARATORS = ";\n\r"
_CONNECTOR_WORDS = frozenset(
    {"", "and", "及び", "および", "並びに", "ならびに", "に対し", "に対して", "に", "へ", "for", "to", "with"}
)
_TRIM_CHARS = " \t\r\n,、;:・/-–—.。"
_LEADING_JUNK = re.compile(r"(?:[\s,、;:・/\-–—.。]|and\b|及び|および|並びに|ならびに)*", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"[\s,、;:・/\-–—]*$")
_TOTAL_LABELS = frozenset({"合計", "計", "総計", "total", "in total", "grand total", "totals"})


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    kind: str | None  # "persons", "rights", "shares" or None (no unit)
    value: Decimal
    upper: bool


def _tokens(folded: _Folded, depths: tuple[int, ...]) -> list[_Token]:
    found = []
    for m in _ALLOTMENT_COUNT.finditer(folded.text):
        if depths[m.start("num")]:
            continue  # numbers inside brackets are remarks, e.g. (うち社外取締役2名)
        unit = m["unit"]
        kind = None
        if unit:
            kind = (
                "persons" if _PERSON_UNITS.fullmatch(unit)
                else "shares" if _SHARE_UNITS.fullmatch(unit)
                else "rights"
            )  # fmt: skip
        value = Decimal(m["num"].replace(",", "") + (m["frac"] or ""))
        found.append(_Token(m.start(), m.end(), kind, value, bool(m["pre"] or m["post"])))
    return found


def _resolve_unitless(tokens: list[_Token]) -> list[_Token]:
    """Decide which bare numbers are counts.

    A bare number counts only where an entry lacks an explicit count: as the
    persons of "7 Directors 100 rights" (the bare number right before a rights
    count with no persons count of its own), or as the rights of "Directors: 7
    persons, 100" (right after a persons count with no rights count).  Elsewhere
    it belongs to a label ("Directors of 3 subsidiaries").  With no units at
    all, numbers are read positionally (persons, rights, persons, ...).
    """
    if all(t.kind is None for t in tokens):
        return tokens
    resolved = []
    for i, token in enumerate(tokens):
        if token.kind is not None:
            resolved.append(token)
            continue
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        earlier = next((t for t in reversed(tokens[:i]) if t.kind is not None), None)
        later = next((t for t in tokens[i + 1 :] if t.kind is not None), None)
        lacks_persons = earlier is None or earlier.kind != "persons"
        lacks_rights = later is None or later.kind != "rights"
        if nxt is not None and nxt.kind == "rights" and lacks_persons:
            resolved.append(_replace_kind(token, "persons"))
        elif prev is not None and prev.kind == "persons" and lacks_rights:
            resolved.append(_replace_kind(token, "rights"))
    return resolved


def _replace_kind(token: _Token, kind: str) -> _Token:
    return _Token(token.start, token.end, kind, token.value, token.upper)


def _is_connector(text: str) -> bool:
    return _without_groups(text).strip(_TRIM_CHARS).casefold() in _CONNECTOR_WORDS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start += _LEADING_JUNK.match(text, start, end).end() - start  # type: ignore[union-attr]
    end = _TRAILING_JUNK.search(text[start:end]).start() + start  # type: ignore[union-attr]
    return start, max(start, end)


def _first_strong(text: str, depths: tuple[int, ...], start: int, end: int) -> int | None:
    return next(
        (i for i in range(start, end) if text[i] in _STRONG_SEPARATORS and not depths[i]), None
    )


def _entry_count(token: _Token, raw: str, entry: int, fragment: str) -> Count:
    if token.value != token.value.to_integral_value():
        raise NormaliseError(
            raw, msg.EXPECTED_ALLOTMENT_ENTRY, msg.NOT_WHOLE, entry=entry, fragment=fragment
        )
    return Count(int(token.value), token.upper)


def parse_allotments(raw: RawCell) -> list[AllotmentEntry]:
    """Recipient categories with their numbers of persons and rights.

    Entries may be written label-first ("Directors: 7 persons, 100 rights",
    "当社取締役 7名 100個") or count-first ("7 Directors 100 rights") and are
    separated by ; ；、 newlines or commas; brackets (ASCII or full-width) are
    never split.  "/" is not a separator (labels such as "and/or" use it).
    Persons must come before rights.  A 合計 / Total entry is checked against
    the sum of the others and then dropped.
    """
    expected = msg.EXPECTED_ALLOTMENTS
    if not isinstance(raw, str) or not raw.strip():
        raise NormaliseError(raw, expected)
    folded = _fold_keeping_origin(raw)
    text = folded.text
    depths = _depths(text)
    if depths is None:
        raise NormaliseError(raw, expected, msg.UNBALANCED_BRACKETS)

    def fail(entry: int, start: int, end: int, reason: str) -> NormaliseError:
        start, end = _trim(text, start, end)
        return NormaliseError(
            raw, msg.EXPECTED_ALLOTMENT_ENTRY, reason, entry=entry,
            fragment=folded.original(start, end),
        )  # fmt: skip

    tokens = _resolve_unitless(_tokens(folded, depths))
    entries: list[AllotmentEntry] = []
    totals: list[AllotmentEntry] = []
    position = 0  # end of the previous entry
    index = 0
    while index < len(tokens):
        number = len(entries) + len(totals) + 1
        persons, rights = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
        if persons.kind == "shares" or (rights and rights.kind == "shares"):
            raise fail(number, position, (rights or persons).end, msg.SHARES_NOT_RIGHTS)
        if persons.kind == "rights":
            raise fail(number, position, persons.end, msg.MISSING_PERSONS)
        if rights is None or rights.kind == "persons":
            raise fail(number, position, persons.end, msg.MISSING_RIGHTS)
        if _first_strong(text, depths, persons.end, rights.start) is not None:
            raise fail(number, position, persons.end, msg.SPLIT_ACROSS_ENTRIES)
        gap = text[persons.end : rights.start]
        if _is_connector(gap):  # label-first: the label precedes the counts
            label_start, label_end = _trim(text, position, persons.start)
            cut = _first_strong(text, depths, label_start, label_end)
            if cut is not None:  # text before a ";" with no counts of its own
                raise fail(number, label_start, cut, msg.NO_COUNTS)
        else:  # count-first: the label sits between the counts
            if not _is_connector(text[position : persons.start]):
                raise fail(number, position, persons.start, msg.NO_COUNTS)
            label_start, label_end = _trim(text, persons.end, rights.start)
        fragment = folded.original(*_trim(text, position, rights.end))
        if label_start >= label_end:
            raise fail(number, position, rights.end, msg.NO_LABEL)
        entry = AllotmentEntry(
            folded.original(label_start, label_end),
            _entry_count(persons, raw, number, fragment),
            _entry_count(rights, raw, number, fragment),
        )
        is_total = normalise_text(entry.label).casefold().rstrip(":") in _TOTAL_LABELS
        (totals if is_total else entries).append(entry)
        position = rights.end
        index += 2
    if not _is_connector(text[position:]):
        raise fail(len(entries) + len(totals) + 1, position, len(text), msg.NO_COUNTS)
    if not entries:
        raise NormaliseError(raw, expected, msg.NO_COUNTS)
    for total in totals:
        _check_total(total, entries, raw)
    return entries


def _check_total(total: AllotmentEntry, entries: list[AllotmentEntry], raw: str) -> None:
    for what, stated, summed in (
        ("persons", total.persons.value, sum(e.persons.value for e in entries)),
        ("rights", total.rights.value, sum(e.rights.value for e in entries)),
    ):
        if stated != summed:
            raise NormaliseError(
                raw, msg.EXPECTED_ALLOTMENTS, msg.total_mismatch(what, stated, summed)
            )


# =============================================================================
# Recipient categories
# =============================================================================

# Bracketed remarks that narrow or annotate a category rather than name one.
_QUALIFIER_WORDS = re.compile(
    r"除く|除き|除いた|以外|含む|含め|うち|excluding|excluded|except|other\s+than|including|"
    r"included|of\s+which|excl\.|incl\.",
    re.IGNORECASE,
)
_JA_EXCLUSION = re.compile(r"[^、,;\s]*(?:を除く|を除いた|以外の)")
_EN_QUALIFIER = re.compile(
    r"\b(?:excluding|except(?:\s+for)?|other\s+than|excl\.|including|incl\.)\s[^,;]*", re.IGNORECASE
)
# (role, pattern), most specific first; each match is blanked out before the next
# pattern runs, so 社外取締役 is not also counted as 取締役.
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("audit_committee", r"監査等委員|audit\s*(?:and|&)\s*supervisory\s+committee(?:\s+members?)?"
                            r"|audit\s+committee(?:\s+members?)?"),
        ("corporate_auditor", r"監査役|(?:corporate|statutory)\s+auditors?"
                              r"|audit\s*(?:and|&)\s*supervisory\s+board(?:\s+members?)?"
                              r"|\bauditors?\b"),
        ("outside_director", r"社外取締役|(?:outside|external|independent)\s+directors?"),
        ("executive_officer", r"執行役員|執行役|executive\s+officers?"),
        ("director", r"取締役|\bdirectors?\b|board\s+members?"),
        ("manager", r"管理職|部長|課長|\bmanagers?\b|\bmanagerial\b"),
        ("employee", r"従業員|使用人|社員|職員|\bemployees?\b|\bstaff\b"),
    )
)  # fmt: skip
_PARENT_AND_SUBSIDIARIES = re.compile(
    r"当社(?:及び|および|並びに|ならびに|と|・|、)\s*(?:当社の?)?(?:子会社|関係会社|グループ)"
    r"|company\s+and\s+(?:its\s+|our\s+)?(?:subsidiar|group)",
    re.IGNORECASE,
)
_GROUP = re.compile(r"グループ|関係会社|関連会社|group\s+compan|affiliate", re.IGNORECASE)
_SUBSIDIARY = re.compile(r"子会社|subsidiar", re.IGNORECASE)

_PARENT_CODES = {
    "director": "directors",
    "outside_director": "outside_directors",
    "audit_committee": "audit_committee_directors",
    "executive_officer": "executive_officers",
    "corporate_auditor": "corporate_auditors",
    "employee": "employees",
}
_SUBSIDIARY_CODES = {
    "director": "subsidiary_directors",
    "outside_director": "subsidiary_directors",
    "audit_committee": "subsidiary_directors",
    "executive_officer": "subsidiary_executive_officers",
    "corporate_auditor": "subsidiary_corporate_auditors",
    "employee": "subsidiary_employees",
}


def _drop_qualifiers(text: str) -> str:
    """Remove "excluding ..." / "…を除く" / "including ..." clauses; unwrap other brackets."""
    while True:
        match = _INNER_GROUP.search(text)
        if match is None:
            break
        inner = match[0][1:-1]
        replacement = " " if _QUALIFIER_WORDS.search(inner) else f" {inner} "
        text = text[: match.start()] + replacement + text[match.end() :]
    text = text.replace("のうち", "、")
    return _EN_QUALIFIER.sub(" ", _JA_EXCLUSION.sub(" ", text))


def _roles(text: str) -> set[str]:
    found = set()
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            found.add(role)
            text = pattern.sub(" ", text)
    # The more specific board roles absorb the generic one: 取締役（監査等委員）.
    if "audit_committee" in found:
        found -= {"director", "outside_director"}
    if "outside_director" in found:
        found.discard("director")
    return found


def classify_recipient(label: str) -> str:
    """Map a recipient label (English or Japanese) to one of RECIPIENT_CODES.

    Order of work: (1) fold width and case; (2) drop exclusion/inclusion
    clauses -- bracketed ones containing 除く/以外/含む/うち/excluding/including,
    and unbracketed "Xを除く", "X以外の", "excluding X" -- so "Directors
    (excluding Outside Directors)" stays plain directors; (3) find roles,
    most specific first (監査等委員 before 監査役, 社外取締役 before 取締役);
    (4) decide the scope: "当社及び子会社"/"group companies" is group-wide,
    else 子会社/subsidiary, else the company itself; (5) group scope is only
    recognised for managers; managers elsewhere count as employees; a
    subsidiary's directors plus employees have their own code; any other mix
    of roles, or none, is "other".
    """
    text = _drop_qualifiers(normalise_text(label).casefold())
    roles = _roles(text)
    if _PARENT_AND_SUBSIDIARIES.search(text) or _GROUP.search(text):
        managers_only = "manager" in roles and roles <= {"manager", "employee"}
        return "group_company_managers" if managers_only else "other"
    if "manager" in roles:
        roles = (roles - {"manager"}) | {"employee"}
    if _SUBSIDIARY.search(text):
        if roles == {"director", "employee"}:
            return "subsidiary_directors_and_employees"
        codes = _SUBSIDIARY_CODES
    else:
        codes = _PARENT_CODES
    if len(roles) == 1:
        return codes[next(iter(roles))]
    return "other"


# =============================================================================
# CSV bytes
# =============================================================================


# Python's cp932 maps the bytes CP932 leaves undefined (0x80, 0xA0, 0xFD-0xFF) to these
# placeholders instead of failing; real Shift_JIS text never contains them.
_CP932_UNDEFINED = re.compile("[\u0080\uf8f0-\uf8f3]")


def _decode_cp932(data: bytes) -> str:
    text = data.decode("cp932")
    if bad := _CP932_UNDEFINED.search(text):
        offset = len(text[: bad.start()].encode("cp932"))
        raise UnicodeDecodeError("cp932", data, offset, offset + 1, "undefined in CP932")
    return text


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 (BOM optional) or else CP932; return (text, encoding).

    UTF-8 is tried first and strictly: CP932 text is almost never valid UTF-8,
    while the reverse is common.  The encoding is "utf-8-sig" when a BOM was
    present, "utf-8" without one, or "cp932".
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NormaliseError(data, msg.EXPECTED_CSV_ENCODING, msg.UTF16_NOT_SUPPORTED)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return _decode_cp932(data), "cp932"
        except UnicodeDecodeError as cp932_error:
            reason = msg.not_decodable(utf8_error.start, cp932_error.start)
            raise NormaliseError(data, msg.EXPECTED_CSV_ENCODING, reason) from None
    return text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
