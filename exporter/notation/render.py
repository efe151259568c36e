"""Writing figures and dates as notices print them, each with the Transformation Registry 4 format
that reads the text back into the fact's value (so what a reader sees is what is tagged).

``tests/test_documents.py`` checks every rendering round-trips through Arelle's own transforms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from exporter.notation.dates import ERAS, MONTH_NAMES


@dataclass(frozen=True)
class Rendered:
    text: str
    format: str  # ixt local name, e.g. "num-dot-decimal"
    scale: int = 0


def render_number(value: Decimal, scale: int = 0) -> Rendered:
    """Thousands separated, fraction digits as stated: 30,200 / 1,846.5; shown in units of 10**scale."""
    if value < 0:
        raise ValueError("negative values are shown with ix:nonFraction sign='-', not rendered here")
    shown = value.scaleb(-scale)
    exponent = shown.as_tuple().exponent
    text = f"{shown:,f}" if isinstance(exponent, int) and exponent < 0 else f"{int(shown):,}"
    return Rendered(text, "num-dot-decimal", scale)


def render_date(value: date, lang: str, *, era: bool = False) -> Rendered:
    """July 13, 2015 / 2015年7月13日 / 平成27年7月13日 (``era``; 元年 for an era's first year)."""
    if lang == "ja":
        current = next((e for e in reversed(ERAS) if e.first <= value), None)
        year = value.year - current.offset if current else 0
        if era and current and year < 100:  # the registry's era format reads one- or two-digit years
            return Rendered(f"{current.name}{'元' if year == 1 else year}年{value.month}月{value.day}日",
                            "date-jpn-era-year-month-day")
        return Rendered(f"{value.year}年{value.month}月{value.day}日", "date-year-month-day")
    return Rendered(f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}", "date-monthname-day-year-en")
