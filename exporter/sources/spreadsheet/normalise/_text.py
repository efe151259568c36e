"""Text folding, header keys and the cell-to-text helpers shared by the other normalisers.

This module owns how a raw cell becomes text: `normalise_text` folds width with NFKC (full-width
digits, letters and punctuation become ASCII, half-width katakana become full-width, kana and kanji
are kept), drops zero-width characters, turns hyphen/minus look-alikes into "-" and collapses
whitespace runs (including U+3000) to one space, and `header_key` builds the key column headers are
matched on.  It also holds the private helpers the sibling modules share: `_fold`, `_cell_text`,
`_plain_decimal`, the exact float-to-Decimal reading `_exact_decimal` (via the shortest repr, never
float arithmetic), `_canonical` (no exponent, no trailing fractional zeros: 369200.0 -> 369200,
1.50 -> 1.5) and the `RawCell` type of what openpyxl or the csv module hands over.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

RawCell = str | int | float | Decimal | dt.date | None


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


# --- Exact decimals (shared with numbers and dates) ---------------------------

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
    assert isinstance(exponent, int)  # (finite, checked above)
    while exponent < 0 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    return Decimal((sign, digits, exponent))
