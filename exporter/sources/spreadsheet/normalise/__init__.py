"""Cell-value normalisers for legacy spreadsheet registers.

Single raw cell values -- as openpyxl or the csv module hands them over (str, int, float, Decimal,
datetime/date or None) -- are read into typed values by one module per job: ``_text`` (folded text,
header keys and shared helpers), ``numbers`` (Decimals, amounts, counts), ``dates`` (dates, periods,
eras, Excel serials), ``allotments`` (per-category allotments and recipient classification) and
``encoding`` (CSV bytes).  Anything that does not read cleanly raises `NormaliseError` (see
messages.py); callers add file/sheet/row/column.  This package re-exports the public names.
"""

from __future__ import annotations

from ..messages import NormaliseError
from ._text import RawCell as RawCell
from ._text import header_key, normalise_text
from .allotments import RECIPIENT_CODES, AllotmentEntry, classify_recipient, parse_allotments
from .dates import parse_date, parse_period
from .encoding import decode_csv_bytes
from .numbers import Amount, Count, parse_amount, parse_count, parse_decimal

__all__ = [
    "RECIPIENT_CODES",
    "AllotmentEntry",
    "Amount",
    "Count",
    "NormaliseError",
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
