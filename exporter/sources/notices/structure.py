"""The layout of a notice: header zone, lead paragraph, numbered items and their headings, tranches.

Notices number their items ``1.`` / ``１．`` / ``I.`` (sections) and ``(1)`` / ``（１）`` / ``①`` /
``(i)`` (items), at the start of a line or, in PDF text that lost its line breaks, in the middle of
one. An item's heading is the text after its marker up to its first value, which may be on the
same line (``(1) 処分期日 2021年8月20日``), on the next lines (``(1)`` / ``Disposal Date`` /
``August 23, 2023``), or around the value (a table flattened by PDF extraction). A tranche is a
label such as ``7th RSU`` or ``(i) For PSU granted in FY2020`` that the values after it belong to.
Everything here works on folded text (``Line.folded``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.sources.notices.lines import Line
from exporter.sources.notices.tokens import Token

_SECTION = re.compile(r"^\s*(?:(?P<n>\d{1,2})\s?[.．、](?!\d)|(?P<r>I{1,3}|IV|V|VI{0,3})\.\s)\s*")
_ITEM = re.compile(r"(?:^|(?<=\s))[(（](?P<n>\d{1,2})[)）]|^\s*(?P<c>[\u2460-\u2473])|^\s*(?P<p>\d{1,2})\)\s")
_ROMAN_ITEM = re.compile(r"^\s*\((?P<r>i{1,3}|iv|v|vi{0,3})\)\s*", re.IGNORECASE)
_LEAD = re.compile(r"(?:^|\s)(?:当社|弊社)(?:は|では)|hereby announce|\bannounces?\b|\bannounced that\b|"
                   r"(?:決議|決定)(?:いた)?しました|お知らせ(?:いた)?します|we hereby|is pleased to|I would like to inform",
                   re.IGNORECASE)
_TITLE = re.compile(r"(?:お知らせ|について|に関するご?報告|に関する通知)\s*(?:\[pdf\])?[\s*_#]*$|"
                    r"^[\s*_#]*(?:notice|announcement|notification)\b|"
                    r"^[\s*_#]*(?:determination|issuance|issue|disposal|allotment|results?|completion|correction|"
                    r"(?:partial )?amendment|grant)\b.{0,140}(?:shares|stock|options?|rights|compensation|plan|"
                    r"allotment|units?)\)?[\s*_#]*$", re.IGNORECASE)
TRANCHE = re.compile(r"^\s*(?:\((?:i{1,3}|iv|v|vi{0,3})\)\s*(?:for\s+)?)?(?P<label>(?:\d{1,2}(?:st|nd|rd|th)\s+"
                     r"(?:rsu|psu|tranche|grant)|第\s?\d{1,2}\s?回(?:rsu|psu)|(?:rsu|psu)\s+granted\s+in\s+fy\s?\d{4}|"
                     r"(?:psu|rsu)\s*\(fy\s?\d{4}\)))\s*(?:[:：]\s*)?", re.IGNORECASE)
_SEVERAL_TRANCHES = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)\s+(?:and|&|,)\s+\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE)


@dataclass
class Item:
    """A numbered item (or section): its marker, heading text, and where it starts."""

    level: int  # 1 section, 2 item
    number: str
    line: int
    start: int  # folded offset of the marker in its line
    heading: str = ""
    heading_lines: list[int] = field(default_factory=list)


@dataclass
class Layout:
    lines: list[Line]
    tokens: list[list[Token]]
    lead: tuple[int, int] | None = None  # (line, folded offset) where the lead paragraph starts
    title_line: int | None = None
    items: list[Item] = field(default_factory=list)
    tranche_of: dict[tuple[int, int], str | None] = field(default_factory=dict)  # (line, offset) -> tranche
    tranche_labels: list[str] = field(default_factory=list)
    tranche_spans: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def in_header(self, line: int, offset: int) -> bool:
        if self.lead is None:
            return line < 12
        return (line, offset) < self.lead

    def index(self) -> None:
        """Per-line lookups: the item and section in force at each line start, and changes within lines."""
        self._events: dict[int, list[tuple[int, Item]]] = {}
        for marker in self.items:
            self._events.setdefault(marker.line, []).append((marker.start, marker))
        self._at_start: list[tuple[Item | None, Item | None]] = []
        section: Item | None = None
        item: Item | None = None
        for line in range(len(self.lines)):
            self._at_start.append((section, item))
            for _, event in self._events.get(line, ()):
                if event.level == 1:
                    section, item = event, None
                else:
                    item = event
        self._tranche_by_line: list[str | None] = []
        current: str | None = None
        for line in range(len(self.lines)):
            if (line, 0) in self.tranche_of:
                current = self.tranche_of[(line, 0)]
            self._tranche_by_line.append(current)

    def _state(self, line: int, offset: int) -> tuple[Item | None, Item | None]:
        section, item = self._at_start[line]
        for start, event in self._events.get(line, ()):
            if start > offset:
                break
            if event.level == 1:
                section, item = event, None
            else:
                item = event
        return section, item

    def item_at(self, line: int, offset: int) -> Item | None:
        return self._state(line, offset)[1]

    def section_at(self, line: int, offset: int) -> Item | None:
        return self._state(line, offset)[0]

    def tranche_at(self, line: int) -> str | None:
        return self._tranche_by_line[line]


def analyse(lines: list[Line], tokens: list[list[Token]]) -> Layout:
    layout = Layout(lines, tokens)
    for line in lines:
        text = line.folded
        if layout.title_line is None and _TITLE.search(text) and len(text.strip()) < 200 and line.index < 40:
            layout.title_line = line.index
        if layout.lead is None:
            match = _LEAD.search(text)
            if match and (layout.title_line is not None or line.index > 2 or len(text) > 60):
                layout.lead = (line.index, match.start() if match.group().strip() else match.end())
        section = _SECTION.match(text)
        if section and not (tokens[line.index] and tokens[line.index][0].start == section.start("n" if
                                                                                                 section["n"] else "r")):
            layout.items.append(Item(1, section["n"] or section["r"], line.index, section.start(), ""))
            _heading(layout, layout.items[-1], line, section.end())
        for match in _ITEM.finditer(text):
            number = match["n"] or match["p"] or (str(ord(match["c"]) - 0x245F) if match["c"] else "")
            item = Item(2, number, line.index, match.start())
            layout.items.append(item)
            _heading(layout, item, line, match.end())
    if layout.lead is None and layout.items:
        layout.lead = (layout.items[0].line, layout.items[0].start)
    layout.items.sort(key=lambda item: (item.line, item.start))
    layout.index()
    _tranches(layout)
    layout.index()
    return layout


def _heading(layout: Layout, item: Item, line: Line, offset: int) -> None:
    """The heading: text after the marker up to the first value or next marker; if the marker stands
    alone, the next line that has text (a flattened table's label cell)."""
    parts: list[str] = []
    index, start = line.index, offset
    while index < len(layout.lines) and index < line.index + 4:
        text = layout.lines[index].folded
        if index != line.index and (_SECTION.match(text) or _ITEM.match(text)):
            break
        stop = next((t.start for t in layout.tokens[index] if t.start >= start), len(text))
        marker = _ITEM.search(text, start)
        if marker and marker.start() >= start:
            stop = min(stop, marker.start())
        parts.append(text[start:stop])
        item.heading_lines.append(index)
        if stop < len(text) or " ".join(parts).strip():
            break
        index, start = index + 1, 0
    item.heading = " ".join(" ".join(parts).split())


def _tranches(layout: Layout) -> None:
    current: str | None = None
    current_item: Item | None = None
    for line in layout.lines:
        item = layout.item_at(line.index, 0)
        if item is not current_item:
            current, current_item = None, item
            layout.tranche_of[(line.index, 0)] = None
        if _SEVERAL_TRANCHES.match(line.folded):
            current = None
            layout.tranche_of[(line.index, 0)] = None
            continue
        match = TRANCHE.match(line.folded)
        if match:
            label = " ".join(match["label"].split())
            key = label.casefold()
            if key not in [t.casefold() for t in layout.tranche_labels]:
                layout.tranche_labels.append(label)
            canonical = next(t for t in layout.tranche_labels if t.casefold() == key)
            current = canonical
            layout.tranche_of[(line.index, 0)] = canonical
            layout.tranche_spans.setdefault(canonical, []).append((line.index, match.start("label"), match.end("label")))
        elif current is not None:
            layout.tranche_of.setdefault((line.index, 0), current)
