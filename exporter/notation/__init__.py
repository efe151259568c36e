"""Notation: how notices write figures, dates and recipients, read and written, in English and Japanese.

A foundation below the models (it imports nothing else of the project): every stage that reads what
people typed (YAML, spreadsheet cells, notice text) or writes what people read (generated notices)
uses these. Reading: ``_text`` (width folding, header keys), ``numbers`` (decimals, amounts, counts),
``dates`` (dates, periods, eras, Excel serials), ``allotments`` (per-category allotments, recipient
classification). Anything that does not read cleanly raises `NormaliseError` (``messages``, which also
owns the wording); callers add where it was (file, sheet, row, column, line). ``markup`` appends text
to the XHTML trees both the notice readers and the document builders write.
"""

from __future__ import annotations

from ._text import RawCell as RawCell
from ._text import header_key, normalise_text
from .allotments import (
    RECIPIENT_CODES,
    AllotmentEntry,
    AllotmentItem,
    classify_recipient,
    names_part_of_a_category,
    parse_allotment_items,
    parse_allotments,
    recipient_roles,
)
from .dates import parse_date, parse_period
from .messages import NormaliseError
from .numbers import Amount, Count, parse_amount, parse_count, parse_decimal

__all__ = [
    "RECIPIENT_CODES",
    "AllotmentEntry",
    "AllotmentItem",
    "Amount",
    "Count",
    "NormaliseError",
    "classify_recipient",
    "header_key",
    "names_part_of_a_category",
    "normalise_text",
    "parse_allotment_items",
    "parse_allotments",
    "parse_amount",
    "parse_count",
    "parse_date",
    "parse_decimal",
    "parse_period",
    "recipient_roles",
]
