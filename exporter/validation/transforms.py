"""Inline XBRL Transformation Registry 4 and 5 formats: displayed text to the fact's value.

Only the formats a disclosure of this kind uses are implemented; an unknown format is reported by
the inline rules (``ix:unknownFormat``) rather than guessed. Each function raises
``TransformError`` when the text is not of the format's form (``ix:invalidTransformValue``).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TR5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
SUPPORTED_NAMESPACES = (TR4, TR5)


class TransformError(ValueError):
    pass


def _fold(text: str) -> str:
    # Full-width digits and separators are allowed by the registry's Japanese-friendly formats.
    return unicodedata.normalize("NFKC", text).strip()


def _number(text: str, group: str, decimal_mark: str) -> str:
    folded = _fold(text).replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(rf"[0-9]{{1,3}}(\{group}?[0-9]{{3}})*(\{decimal_mark}[0-9]*)?|\{decimal_mark}[0-9]+", folded):
        raise TransformError(f"{text!r} is not a number with {group!r} grouping and {decimal_mark!r} decimals")
    integer, _, fraction = folded.partition(decimal_mark)
    integer = integer.replace(group, "") or "0"
    return integer + (f".{fraction}" if fraction else "")


MONTHS_EN = {name: index for index, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    for full, number in MONTHS_EN.items():
        if name == full or (len(name) >= 3 and full.startswith(name)):
            return number
    raise TransformError(f"{name!r} is not an English month name")


def _date(year: int, month: int, day: int, text: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise TransformError(f"{text!r} is not a real date") from None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def date_monthname_day_year_en(text: str) -> str:
    m = re.fullmatch(r"([A-Za-z]+\.?)\s*([0-9]{1,2})(?:st|nd|rd|th)?\s*,?\s*([0-9]{2}|[0-9]{4})", _fold(text))
    if not m:
        raise TransformError(f"{text!r} is not a date such as 'July 13, 2015'")
    return _date(_year(m.group(3)), _month(m.group(1)), int(m.group(2)), text)


def date_day_monthname_year_en(text: str) -> str:
    m = re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th)?\s*([A-Za-z]+\.?)\s*,?\s*([0-9]{2}|[0-9]{4})", _fold(text))
    if not m:
        raise TransformError(f"{text!r} is not a date such as '13 July 2015'")
    return _date(_year(m.group(3)), _month(m.group(2)), int(m.group(1)), text)


def _numeric_date(text: str, order: str) -> str:
    parts = re.findall(r"[0-9]+", _fold(text))
    if len(parts) != 3 or re.search(r"[^0-9\s./\-年月日]", _fold(text)):
        raise TransformError(f"{text!r} is not a date in {order} order")
    values = dict(zip(order.split("-"), parts))
    return _date(_year(values["year"]), int(values["month"]), int(values["day"]), text)


ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}


def date_jpn_era_year_month_day(text: str) -> str:
    m = re.fullmatch(r"(明治|大正|昭和|平成|令和)\s*([0-9]+|元)\s*年\s*([0-9]+)\s*月\s*([0-9]+)\s*日", _fold(text))
    if not m:
        raise TransformError(f"{text!r} is not a Japanese era date such as '平成27年7月13日'")
    year = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
    return _date(year, int(m.group(3)), int(m.group(4)), text)


def _fixed(value: str):
    def transform(text: str) -> str:
        return value
    return transform


FORMATS = {
    "num-dot-decimal": lambda text: _number(text, ",", "."),
    "num-comma-decimal": lambda text: _number(text, ".", ","),
    "fixed-zero": _fixed("0"),
    "fixed-empty": _fixed(""),
    "fixed-true": _fixed("true"),
    "fixed-false": _fixed("false"),
    "date-monthname-day-year-en": date_monthname_day_year_en,
    "date-day-monthname-year-en": date_day_monthname_year_en,
    "date-year-month-day": lambda text: _numeric_date(text, "year-month-day"),
    "date-day-month-year": lambda text: _numeric_date(text, "day-month-year"),
    "date-month-day-year": lambda text: _numeric_date(text, "month-day-year"),
    "date-jpn-era-year-month-day": date_jpn_era_year_month_day,
}


def transform(namespace: str, name: str, text: str) -> str:
    """Apply format ``{namespace}name`` to ``text``; KeyError when the format is unknown here."""
    if namespace not in SUPPORTED_NAMESPACES or name not in FORMATS:
        raise KeyError(f"{{{namespace}}}{name}")
    return FORMATS[name](text)
