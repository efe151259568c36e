"""The notice's text as lines, each character traced back to the XHTML text node it stands in.

Extraction reads lines; tagging wraps spans of them in place. A line is a block's text (a
paragraph, a heading, a list item), split at ``<br/>``; a table row is one line, its cells joined
by `` | `` (the separators are virtual: they map to no node, so nothing is ever added to the
document). ``Line.fold`` gives the NFKC-folded text extraction matches on, with a map back to the
line's own characters, so a match in folded text is a span of what the notice prints.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from exporter.sources.notices.xhtml import BLOCKS, LINE, local

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), " ")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
                         "\uff0d": "-", "\u301c": "~", "\uff5e": "~"})


@dataclass(frozen=True)
class Segment:
    """Characters of a line that live in ``owner.text`` (attr "text") or ``owner.tail`` ("tail")."""

    owner: etree._Element
    attr: str
    offset: int  # where they start in that string
    start: int  # where they start in the line
    length: int


@dataclass
class Line:
    index: int
    text: str
    segments: list[Segment]
    block: etree._Element
    source_line: int | None
    in_row: bool = False

    @cached_property
    def fold(self) -> tuple[str, tuple[int, ...]]:
        """(folded text, position in ``text`` of each folded character)."""
        chars: list[str] = []
        origin: list[int] = []
        for position, char in enumerate(self.text):
            folded = unicodedata.normalize("NFKC", char.translate(_INVISIBLE)).translate(_DASHES)
            if char in "\u3000\t\xa0":
                folded = " "
            for piece in folded:
                chars.append(piece)
                origin.append(position)
        return "".join(chars), tuple(origin)

    @property
    def folded(self) -> str:
        return self.fold[0]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` behind folded ``[start, end)``."""
        origin = self.fold[1]
        if start >= end:
            return origin[start] if start < len(origin) else len(self.text), origin[start] if start < len(origin) \
                else len(self.text)
        return origin[start], origin[end - 1] + 1

    def column(self, start: int) -> int:
        """1-based column in the source of a raw offset (the line's first segment's offset counts)."""
        first = self.segments[0].offset if self.segments else 0
        return first + start + 1


@dataclass
class NoticeText:
    lines: list[Line] = field(default_factory=list)

    @classmethod
    def of(cls, body: etree._Element) -> NoticeText:
        builder = _Builder()
        builder.visit(body, row=False)
        builder.flush()
        return cls(builder.lines)


class _Builder:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.block: etree._Element | None = None
        self.in_row = False

    def flush(self) -> None:
        text = "".join(self.parts)
        if text.strip() and self.block is not None:
            self.lines.append(Line(len(self.lines), text, self.segments, self.block, _source_line(self.block),
                                   self.in_row))
        self.parts, self.segments, self.length = [], [], 0

    def add(self, owner: etree._Element, attr: str, text: str) -> None:
        self.segments.append(Segment(owner, attr, 0, self.length, len(text)))
        self.parts.append(text)
        self.length += len(text)

    def virtual(self, text: str) -> None:
        if self.length:
            self.parts.append(text)
            self.length += len(text)

    def visit(self, element: etree._Element, *, row: bool) -> None:
        tag = local(element)
        if tag == "br":
            if row:
                self.virtual(" ")
            else:
                self.flush()
            return
        block = tag in BLOCKS
        starts_row = tag == "tr" and not row
        if starts_row or (block and not row):
            self.flush()
            self.block, self.in_row = element, starts_row
        elif row and tag in ("td", "th"):
            if self.length:
                self.virtual(" | ")
        elif row and block:
            self.virtual(" ")
        inner_row = row or starts_row
        if element.text:
            self.add(element, "text", element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.visit(child, row=inner_row)
                if not inner_row and local(child) in BLOCKS and self.block is not element:
                    self.block, self.in_row = element, False
            if child.tail:
                self.add(child, "tail", child.tail)
        if starts_row or (block and not row):
            self.flush()


def _source_line(element: etree._Element) -> int | None:
    node: etree._Element | None = element
    while node is not None:
        value = node.get(LINE)
        if value and value.isdigit():
            return int(value)
        node = node.getparent()
    return None
