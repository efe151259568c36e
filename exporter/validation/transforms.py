"""Inline XBRL Transformation Registry 4 and 5: displayed text to the fact's value.

``REGISTRY`` names every format of TR4 and TR5 (TR5 is TR4 plus a few), and of the older
registries (TR1, TR2, TR3, used by Inline XBRL 1.0 filings such as EDINET's) and the SEC's
``ixt-sec`` formats; an older format that equals a TR4 one is applied as that one. The formats notices of
this kind use (numbers, booleans, numeric, English and Japanese dates) are implemented here from
the registry's definitions; any other registry format raises ``FormatNotChecked`` (reported as a
warning: valid, but its value is not checked), and a name in neither registry raises KeyError
(``ix:unknownFormat``). An implemented format raises ``TransformError`` when the text is not of
its form (``ix:invalidTransformValue``): a date with an impossible day, letters in a number.
"""
from __future__ import annotations

import functools
import re
from datetime import date

from exporter.taxonomy.namespaces import TR4, TR5


class TransformError(ValueError):
    pass


class FormatNotChecked(Exception):
    """A registry format this validator does not implement."""


_LANGS_DAY_MONTH = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "it", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv"]
_LANGS_DAY_MONTH_YEAR = [*_LANGS_DAY_MONTH, "hi"]
_LANGS_MONTH_YEAR = [*_LANGS_DAY_MONTH, "hi"]
_TR4_NAMES = frozenset(
    ["date-day-month", "date-day-monthroman", "date-day-month-year", "date-day-monthroman-year",
     "date-ind-day-monthname-year-hi", "date-jpn-era-year-month-day", "date-jpn-era-year-month",
     "date-monthname-day-en", "date-monthname-day-hu", "date-monthname-day-lt", "date-monthname-day-year-en",
     "date-month-day", "date-month-day-year", "date-month-year", "date-monthroman-year",
     "date-year-day-monthname-lv", "date-year-month", "date-year-month-day", "date-year-monthname-en",
     "date-year-monthname-hu", "date-year-monthname-day-hu", "date-year-monthname-day-lt",
     "date-year-monthname-lt", "date-year-monthname-lv", "fixed-empty", "fixed-false", "fixed-true", "fixed-zero",
     "num-comma-decimal", "num-dot-decimal", "numdotdecimalin", "num-unit-decimal"]
    + [f"date-day-monthname-{lang}" for lang in _LANGS_DAY_MONTH]
    + [f"date-day-monthname-year-{lang}" for lang in _LANGS_DAY_MONTH_YEAR]
    + [f"date-monthname-year-{lang}" for lang in _LANGS_MONTH_YEAR])
_TR5_NAMES = _TR4_NAMES | {"date-day-monthname-cy", "date-day-monthname-year-cy", "date-monthname-year-cy",
                           "num-comma-decimal-apos", "num-dot-decimal-apos", "num-unit-decimal-apos"}
TR1 = "http://www.xbrl.org/2008/inlineXBRL/transformation"
TR2 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20"
TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26"
SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31"
# Transformation Registries 1-3 and the SEC's formats: name -> the TR4 format it equals (None: a format
# of that registry this validator does not implement, reported as not checked).
_TR1_ALIASES = {
    "dateslashus": "date-month-day-year", "dateslasheu": "date-day-month-year", "datedotus": "date-month-day-year",
    "datedoteu": "date-day-month-year", "datelongus": "date-monthname-day-year-en",
    "dateshortus": "date-monthname-day-year-en", "datelonguk": "date-day-monthname-year-en",
    "dateshortuk": "date-day-monthname-year-en", "numcommadot": "num-dot-decimal", "numdotcomma": "num-comma-decimal",
    "numspacedot": "num-dot-decimal", "numspacecomma": "num-comma-decimal", "numcomma": "num-comma-decimal",
    "numdash": "fixed-zero", "dateslashdaymontheu": "date-day-month", "dateslashmonthdayus": "date-month-day",
    "datelongmonthdayus": "date-monthname-day-en", "datelongdaymonthuk": "date-day-monthname-en",
    "dateshortmonthdayus": "date-monthname-day-en", "dateshortdaymonthuk": "date-day-monthname-en",
    "datelongmonthyear": None, "dateshortmonthyear": None, "datelongyearmonth": None, "dateshortyearmonth": None,
}
_TR2_ALIASES = {
    "booleanfalse": "fixed-false", "booleantrue": "fixed-true", "datedaymonth": "date-day-month",
    "datedaymonthen": "date-day-monthname-en", "datedaymonthyear": "date-day-month-year",
    "datedaymonthyearen": "date-day-monthname-year-en", "dateerayearmonthdayjp": "date-jpn-era-year-month-day",
    "dateerayearmonthjp": "date-jpn-era-year-month", "datemonthday": "date-month-day",
    "datemonthdayen": "date-monthname-day-en", "datemonthdayyear": "date-month-day-year",
    "datemonthdayyearen": "date-monthname-day-year-en", "datemonthyearen": "date-monthname-year-en",
    "dateyearmonthdaycjk": "date-year-month-day", "dateyearmonthen": "date-year-monthname-en",
    "dateyearmonthcjk": "date-year-month", "nocontent": "fixed-empty", "numcommadecimal": "num-comma-decimal",
    "numdotdecimal": "num-dot-decimal", "numunitdecimal": "num-unit-decimal", "zerodash": "fixed-zero",
}
_TR3_ALIASES = {
    **_TR2_ALIASES, "calindaymonthyear": None, "datedaymonthdk": None, "datedaymonthyeardk": None,
    "datedaymonthyearin": None, "datemonthyear": "date-month-year", "datemonthyeardk": None, "datemonthyearin": None,
    "dateyearmonthday": "date-year-month-day", "numdotdecimalin": None, "numunitdecimalin": None,
}
_SEC_ALIASES = {name: None for name in (
    "numwordsen", "numinf", "numneginf", "numnan", "durday", "durmonth", "duryear", "durhour", "durwordsen",
    "datequarterend", "boolballotbox", "yesnoballotbox", "exchnameen", "stateprovnameen", "countrynameen",
    "edgarprovcountryen", "entityfilercategoryen")}
_ALIASES = {TR1: _TR1_ALIASES, TR2: _TR2_ALIASES, TR3: _TR3_ALIASES, SEC: _SEC_ALIASES}
REGISTRY: dict[str, frozenset[str]] = {TR4: _TR4_NAMES, TR5: _TR5_NAMES,
                                       **{ns: frozenset(names) for ns, names in _ALIASES.items()}}

_WS = "[ \t\n\r]*"
_FULL_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_APOSTROPHES = "'`´’′"


_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?|\.[0-9]+")


def _decimal(digits: str, text: str) -> str:
    if not _DECIMAL.fullmatch(digits):
        raise TransformError(f"{text!r} is not a number of this format")
    integer, _, fraction = digits.partition(".")
    integer = integer.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return integer + (f".{fraction}" if fraction else "")


@functools.cache
def _number_pattern(group: str, mark: str) -> re.Pattern:
    return re.compile(rf"[{re.escape(group)} \u00a00-9]*({re.escape(mark)}[ \u00a00-9]+)?")


def _number(group: str, mark: str, text: str) -> str:
    """num-dot-decimal and kin: digits with optional group separators, an optional fraction."""
    body = text.strip(" \t\n\r")
    if not _number_pattern(group, mark).fullmatch(body):
        raise TransformError(f"{text!r} is not a number with {group!r} grouping and a {mark!r} decimal mark")
    for separator in group + " \u00a0":
        body = body.replace(separator, "")
    return _decimal(body.replace(mark, "."), text)


def _unit_decimal(apostrophes: bool, text: str) -> str:
    """num-unit-decimal: '5円30銭' -> 5.30 (integer, a unit word, one or two fraction digits)."""
    extra = _APOSTROPHES + "＇" if apostrophes else ""
    m = re.fullmatch(rf"([0-9.,，{extra}]+)([^0-9.,，{extra}][^0-9]*)([0-9]{{1,2}})[^0-9]*", text.translate(_FULL_WIDTH))
    if not m:
        raise TransformError(f"{text!r} is not a number with a unit between its integer and its fraction")
    integer = re.sub(rf"[.,，{extra}]", "", m.group(1))
    return _decimal(f"{integer}.{m.group(3).zfill(2)}", text)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH_NUMBERS = {form: index for index, name in enumerate(_MONTHS, 1)
                  for form in (name, name.upper(), name[:3], name[:3].upper())}
_MONTH = "(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
_ERAS = {"明治": 1867, "明": 1867, "大正": 1911, "大": 1911, "昭和": 1925, "昭": 1925, "平成": 1988, "平": 1988,
         "令和": 2018, "令": 2018}


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) <= 2 else 0)


def _date(year: int, month: int, day: int, text: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise TransformError(f"{text!r} is not a real date") from None


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(_WS + pattern + _WS)


def _match(pattern: str, text: str, form: str) -> re.Match:
    m = _compiled(pattern).fullmatch(text.translate(_FULL_WIDTH))
    if not m:
        raise TransformError(f"{text!r} is not a date such as {form}")
    return m


def _ymd(order: str, pattern: str, form: str, names: bool = False):
    def transform(text: str) -> str:
        m = _match(pattern, text, form)
        parts = dict(zip(order, m.groups(), strict=False))
        month = _MONTH_NUMBERS[parts["m"]] if names else int(parts["m"])
        return _date(_year(parts["y"]), month, int(parts["d"]), text)
    return transform


def _year_month(order: str, pattern: str, form: str, names: bool = False):
    def transform(text: str) -> str:
        parts = dict(zip(order, _match(pattern, text, form).groups(), strict=False))
        month = _MONTH_NUMBERS[parts["m"]] if names else int(parts["m"])
        if not 1 <= month <= 12:
            raise TransformError(f"{text!r} has no month {month}")
        return f"{_year(parts['y']):04d}-{month:02d}"
    return transform


def _month_day(order: str, pattern: str, form: str, names: bool = False):
    def transform(text: str) -> str:
        parts = dict(zip(order, _match(pattern, text, form).groups(), strict=False))
        month = _MONTH_NUMBERS[parts["m"]] if names else int(parts["m"])
        _date(2000, month, int(parts["d"]), text)  # a leap year, so 29 February is a real day
        return f"--{month:02d}-{int(parts['d']):02d}"
    return transform


def _era(with_day: bool):
    pattern = r"(明治|明|大正|大|昭和|昭|平成|平|令和|令)\s*([0-9]{1,2}|元)\s*年\s*([0-9]{1,2})\s*月"
    pattern += r"\s*([0-9]{1,2})\s*日" if with_day else ""

    def transform(text: str) -> str:
        m = _match(pattern, text, "'平成27年7月13日'" if with_day else "'平成27年7月'")
        year = _ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
        if with_day:
            return _date(year, int(m.group(3)), int(m.group(4)), text)
        if not 1 <= int(m.group(3)) <= 12:
            raise TransformError(f"{text!r} has no month {m.group(3)}")
        return f"{year:04d}-{int(m.group(3)):02d}"
    return transform


def _fixed(value: str):
    return lambda text: value


_D, _M, _Y = "([0-9]{1,2})", "([0-9]{1,2})", "([0-9]{4}|[0-9]{1,2})"
_SEP = "[^0-9]+"
IMPLEMENTED = {
    "num-dot-decimal": lambda text: _number(",", ".", text),
    "num-comma-decimal": lambda text: _number(".", ",", text),
    "num-dot-decimal-apos": lambda text: _number("," + _APOSTROPHES, ".", text),
    "num-comma-decimal-apos": lambda text: _number("." + _APOSTROPHES, ",", text),
    "num-unit-decimal": lambda text: _unit_decimal(False, text),
    "num-unit-decimal-apos": lambda text: _unit_decimal(True, text),
    "fixed-zero": _fixed("0"),
    "fixed-empty": _fixed(""),
    "fixed-true": _fixed("true"),
    "fixed-false": _fixed("false"),
    "date-day-month-year": _ymd("dmy", _D + _SEP + _M + _SEP + _Y, "'13/07/2015'"),
    "date-month-day-year": _ymd("mdy", _M + _SEP + _D + _SEP + _Y, "'07/13/2015'"),
    "date-year-month-day": _ymd("ymd", _Y + _SEP + _M + _SEP + _D + "[^0-9]*", "'2015-07-13' or '2015年7月13日'"),
    "date-day-month": _month_day("dm", _D + _SEP + _M, "'13/07'"),
    "date-month-day": _month_day("md", _M + _SEP + _D, "'07/13'"),
    "date-month-year": _year_month("my", _M + _SEP + _Y, "'07/2015'"),
    "date-year-month": _year_month("ym", _Y + _SEP + _M + "[^0-9]*", "'2015/07' or '2015年7月'"),
    "date-monthname-day-year-en": _ymd("mdy", _MONTH + _SEP + "([0-9]+)" + _SEP + _Y, "'July 13, 2015'", True),
    "date-day-monthname-year-en": _ymd("dmy", _D + _SEP + _MONTH + _SEP + _Y, "'13 July 2015'", True),
    "date-monthname-year-en": _year_month("my", _MONTH + _SEP + _Y, "'July 2015'", True),
    "date-year-monthname-en": _year_month("ym", _Y + _SEP + _MONTH, "'2015 July'", True),
    "date-monthname-day-en": _month_day("md", _MONTH + _SEP + _D + "[A-Za-z]{0,2}", "'July 13'", True),
    "date-day-monthname-en": _month_day("dm", _D + _SEP + _MONTH, "'13 July'", True),
    "date-jpn-era-year-month-day": _era(True),
    "date-jpn-era-year-month": _era(False),
}


def transform(namespace: str, name: str, text: str) -> str:
    """Apply format ``{namespace}name`` to ``text``.

    KeyError: not a TR4 or TR5 format. FormatNotChecked: a registry format not implemented here.
    TransformError: the text is not of the format's form.
    """
    if name not in REGISTRY.get(namespace, ()):
        raise KeyError(f"{{{namespace}}}{name}")
    if namespace in _ALIASES:
        alias = _ALIASES[namespace][name]
        if alias is None:
            raise FormatNotChecked(name)
        name = alias
    function = IMPLEMENTED.get(name)
    if function is None:
        raise FormatNotChecked(name)
    return function(text)
