"""Where a value is printed (``Spot``) and what was read there (``Found``): the extraction's vocabulary.

A spot is a span of one line's own text (``Line.text``) with the Transformation Registry format
that reads it back; every stage after extraction (the draft's provenance, locating data, tagging,
the review page) speaks of places in the notice through these.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Spot:
    """Where a value is printed: a span of a line's own text, and how to read it back."""

    line: int
    start: int  # raw offsets in Line.text
    end: int
    format: str | None = None  # ixt local name for figures and dates
    scale: int = 0


@dataclass
class Found:
    path: Path
    value: Any  # as the export input format takes it
    spots: list[Spot] = field(default_factory=list)
    text: str = ""  # the snippet it was read from
