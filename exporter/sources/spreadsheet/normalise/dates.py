"""Dates and periods read from single cells, including Japanese eras and Excel serials.

This module owns `parse_date` and `parse_period`.  Only 4-digit-year forms are read; day/month-first
and two-digit-year forms are ambiguous and rejected.  Japanese era dates are strict: a date must fall
inside its era (平成31年4月30日 is the last Heisei day; 平成32年 does not exist) unless the caller
passes allow_era_overrun=True, because notices written before 2019 really did count Heisei years
past its end (e.g. an exercise period ending 平成57年7月31日).  Meiji dates before 1873 used the
lunisolar calendar and are rejected.  Numbers are Excel 1900-system serials or yyyymmdd; whole
numbers 1868..2200 are rejected as "a year on its own" instead of being read as 1905 Excel serials.
A period is a (start, end) pair written in one cell around a separator such as ～ or から.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from .. import messages as msg
from ..messages import NormaliseError
from ._text import RawCell, _exact_decimal, normalise_text


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
        why = msg.SINGLE_DATE_NOT_PERIOD if isinstance(raw, (dt.date, int, float)) else None
        raise NormaliseError(raw, expected, why)
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
            reason = msg.period_side(side, cast(str, error.raw), error.reason or f"expected {error.expected}")
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
