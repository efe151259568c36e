"""User-facing texts for cell normalisation, and the error that carries them.

This module owns the wording: what each normaliser says it expected and the
short reasons it gives when a value is close but wrong.  Keeping the texts in
one place lets them be reviewed (and later translated) without reading parser
code.  It does not know about files, sheets, rows or columns; callers that
catch `NormaliseError` add the location themselves.
"""

from __future__ import annotations

import datetime as dt

from exporter.safety.text import shorten

# --- What each normaliser expected -------------------------------------------

EXPECTED_NUMBER = "a number such as 30,200, ３０，２００, ¥1,846 or 369200"
EXPECTED_AMOUNT = "an amount such as 369,200, JPY369,200, ¥1,846, 1,846円, 無償 or No payment"
EXPECTED_COUNT = "a whole number such as 100, 7名, 100 rights or 上限100個"
EXPECTED_DATE = (
    "a date such as 2015-07-13, 2015/7/13, July 13, 2015, 2015年7月13日 or 平成27年7月13日"
)
EXPECTED_PERIOD = (
    "a period such as 2015年8月1日～2045年7月31日, 自 2015年8月1日 至 2045年7月31日 "
    "or From August 1, 2015 to July 31, 2045"
)
EXPECTED_ALLOTMENTS = (
    "allotments such as 'Directors: 7 persons, 100 rights; Executive Officers: 11 persons, "
    "51 rights' or '当社取締役 7名 100個、当社執行役員 11名 51個'"
)
EXPECTED_ALLOTMENT_ENTRY = (
    "a recipient category with a number of persons and a number of rights, "
    "such as 'Directors: 7 persons, 100 rights' or '当社取締役 7名 100個'"
)
EXPECTED_CSV_ENCODING = "a CSV file encoded as UTF-8 (with or without BOM) or Shift_JIS (CP932)"

# --- Reasons ------------------------------------------------------------------

NEGATIVE = "amounts and counts in these registers are never negative"
NOT_FINITE = "the value is not a finite number"
SPACE_GROUPING = "digits grouped with spaces are ambiguous; use commas, as in 30,200"
BAD_GROUPING = "thousands separators must split the digits into groups of three, as in 30,200"
MULTIPLIER = "multipliers such as 千, 万, 億 or million are not supported; write the number in full"
QUALIFIER = "qualifiers such as 約, 以上, 未満, about or at least cannot be represented"
BOUND_IN_NUMBER = "a plain number cannot carry a limit such as 上限 or up to"
NOT_WHOLE = "a count must be a whole number"
MORE_THAN_ONE_NUMBER = "the cell holds more than one number"
DATE_CELL_NOT_NUMBER = "the cell holds a date, not a number"
CURRENCY_CONFLICT = "the cell names two different currencies"
NO_PAYMENT_CONFLICT = "the cell says there is no payment but also shows a non-zero amount"
AMBIGUOUS_PLACEHOLDER = (
    "a placeholder is ambiguous here; write 無償 or No payment for a free issue, "
    "or leave the cell empty if the amount is unknown"
)
AMBIGUOUS_DAY_MONTH = (
    "the order of day and month (or a two-digit year) is ambiguous; write 2015-07-13 instead"
)
YEAR_ONLY = "that looks like a year on its own, not a full date"
SERIAL_60 = (
    "Excel serial 60 stands for 1900-02-29, a day that never existed "
    "(Excel's 1900 leap-year bug)"
)
SERIAL_RANGE = "Excel date serials run from 1 (1900-01-01) to 2958465 (9999-12-31)"
ERA_YEAR_ZERO = "era years start at 1 (元年)"
MEIJI_LUNISOLAR = (
    "明治 dates before 明治6年1月1日 (1873-01-01) used the lunisolar calendar "
    "and cannot be converted"
)
SINGLE_DATE_NOT_PERIOD = "the cell holds a single date, not a start and an end"
AMBIGUOUS_PERIOD = "the cell can be split into a start and an end in more than one way"
UNBALANCED_BRACKETS = "the brackets are unbalanced"
NO_COUNTS = "no counts found"
NO_LABEL = "no recipient category before or between the counts"
MISSING_PERSONS = "the number of persons (名 / persons) must come before the number of rights"
MISSING_RIGHTS = "the number of rights (個 / rights) is missing"
SHARES_NOT_RIGHTS = "counts in shares (株 / shares) are not numbers of rights (個 / rights)"
SPLIT_ACROSS_ENTRIES = "the number of persons and the number of rights are in different entries"
UTF16_NOT_SUPPORTED = (
    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as CSV UTF-8"
)


def too_many_digits(limit: int) -> str:
    return f"more than {limit} digits before the decimal point; no figure in a notice is that large"


def too_many_decimals(limit: int) -> str:
    return f"more than {limit} digits after the decimal point"


def unexpected_text(text: str, where: str) -> str:
    """Reason for text we could not interpret, e.g. words before a number."""
    return f"unexpected {text!r} {where}"


def not_a_calendar_date(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d} is not a calendar date"


def unknown_month(word: str) -> str:
    return f"{word!r} is not a month name"


def era_not_started(era: str, start: dt.date, previous: str) -> str:
    return f"{era} began on {start.isoformat()}; earlier dates are {previous}"


def era_ended(era: str, end: dt.date, last_day_in_era: str, following: str) -> str:
    return (
        f"{era} ended on {end.isoformat()} ({last_day_in_era}); later dates are {following}"
    )


def period_side(side: str, text: str, reason: str) -> str:
    return f"{side} {text!r}: {reason}"


def start_after_end(start: dt.date, end: dt.date) -> str:
    return f"the start {start.isoformat()} is after the end {end.isoformat()}"


def total_mismatch(what: str, total: int, summed: int) -> str:
    return f"the total of {total} {what} does not match the sum of the entries, {summed}"


def not_decodable(utf8_offset: int, cp932_offset: int) -> str:
    return (
        f"not UTF-8 (invalid byte at offset {utf8_offset}) "
        f"and not Shift_JIS/CP932 (invalid byte at offset {cp932_offset})"
    )


# --- The error ------------------------------------------------------------------

_MAX_SHOWN = 80


def _show(value: object) -> str:
    """How the offending value appears after 'got': short, and explicit about emptiness."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "an empty cell"
    if isinstance(value, (bytes, bytearray)):
        return f"{len(value)} bytes starting {bytes(value[:16])!r}"
    # A whole CSV file or a long remark would drown the message: its start, an ellipsis, its length.
    return shorten(value, _MAX_SHOWN) if isinstance(value, str) else repr(value)


class NormaliseError(ValueError):
    """A cell value that does not read as the expected kind of value.

    `raw` is the value as it came from the cell, `expected` a short phrase
    describing acceptable input, `reason` (optional) says what exactly is
    wrong.  For multi-entry cells, `entry` is the 1-based entry that failed
    and `fragment` its text; the message then quotes the fragment.
    """

    def __init__(
        self,
        raw: object,
        expected: str,
        reason: str | None = None,
        *,
        entry: int | None = None,
        fragment: str | None = None,
    ) -> None:
        self.raw = raw
        self.expected = expected
        self.reason = reason
        self.entry = entry
        self.fragment = fragment
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"entry {self.entry}: " if self.entry is not None else ""
        got = _show(self.fragment if self.fragment is not None else self.raw)
        why = f" ({self.reason})" if self.reason else ""
        return f"{where}expected {self.expected}, got {got}{why}"

    def __str__(self) -> str:
        return self._render()

    def __reduce__(self) -> tuple[object, ...]:  # keyword-only arguments would otherwise be lost when pickled
        return (
            _rebuild,
            (self.raw, self.expected, self.reason, self.entry, self.fragment),
        )


def _rebuild(
    raw: object, expected: str, reason: str | None, entry: int | None, fragment: str | None
) -> NormaliseError:
    return NormaliseError(raw, expected, reason, entry=entry, fragment=fragment)
