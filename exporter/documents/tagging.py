"""The company's own notice as an Inline XBRL 1.1 document: each fact wrapped where the notice prints it.

The notice's XHTML (``exporter.sources.notices``) is kept as it is; each fact's spots (spans of its
lines) are wrapped in place: ``ix:nonFraction`` with the Transformation Registry 4 format, scale
and decimals for figures, ``ix:nonNumeric`` with a date format for dates, plain ``ix:nonNumeric``
for names and text (escaped for text blocks), and ``ix:continuation`` where a fact's text crosses
elements or blocks. A fact printed twice is wrapped twice. Facts with no spot go to ``ix:hidden``.
Nothing is added to what a reader sees: the header lives in a hidden ``div``.

``wrap_spans`` is the one place that edits the notice's text nodes; the review page uses it too.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from exporter.documents.xbrl import XSI_NIL, document_nsmap, resources, schema_ref, value_text, xhtml_nsmap
from exporter.domain.values import ValueType
from exporter.facts.factset import Fact, FactSet
from exporter.sources.notices.lines import NoticeText
from exporter.sources.notices.xhtml import LINE, h
from exporter.taxonomy.files import PREFIX
from exporter.taxonomy.namespaces import IX, TR4, XML_LANG

NOTICE_STYLE = """
body { font-family: serif; max-width: 52em; margin: 2em auto; line-height: 1.5; }
p.l { margin: 0; white-space: pre-wrap; }
p.gap { margin-top: 0.9em; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #888; padding: 0.2em 0.6em; vertical-align: top; }
"""


@dataclass(frozen=True)
class Place:
    """One spot of a fact: a span of a line of the notice's text, and how its text reads back."""

    line: int
    start: int
    end: int
    format: str | None = None  # ixt local name
    scale: int = 0


@dataclass(frozen=True)
class Wrap:
    """A request to wrap a span: ``make(first)`` builds the element for each piece (first or continued)."""

    line: int
    start: int
    end: int
    make: Callable[[bool, int], etree._Element]  # (first piece?, number of pieces) -> element


def wrap_spans(text: NoticeText, requests: Sequence[Wrap]) -> list[Wrap]:
    """Wrap each request's span in place (last first, so earlier spans stay valid); returns those skipped.

    A span inside one text node becomes one element; a span across nodes becomes one element per
    node (the caller chains them with continuations). Overlapping requests after the first are skipped.
    """
    done: dict[int, list[tuple[int, int]]] = {}
    skipped: list[Wrap] = []
    for request in sorted(requests, key=lambda r: (r.line, r.start, r.end), reverse=True):
        taken = done.setdefault(request.line, [])
        if request.start >= request.end or any(a < request.end and request.start < b for a, b in taken):
            skipped.append(request)
            continue
        line = text.lines[request.line]
        pieces = [(segment, max(request.start, segment.start) - segment.start,
                   min(request.end, segment.start + segment.length) - segment.start)
                  for segment in line.segments
                  if segment.start < request.end and request.start < segment.start + segment.length]
        pieces = [piece for piece in pieces if piece[2] > piece[1]]
        if not pieces:
            skipped.append(request)
            continue
        taken.append((request.start, request.end))
        for index in range(len(pieces) - 1, -1, -1):
            segment, a, b = pieces[index]
            _split(segment.owner, segment.attr, segment.offset + a, segment.offset + b,
                   request.make(index == 0, len(pieces)))
    return skipped


def _split(owner: etree._Element, attr: str, a: int, b: int, element: etree._Element) -> None:
    source = (owner.text if attr == "text" else owner.tail) or ""
    element.text, element.tail = source[a:b], source[b:]
    if attr == "text":
        owner.text = source[:a]
        owner.insert(0, element)
    else:
        owner.tail = source[:a]
        parent = owner.getparent()
        assert parent is not None
        parent.insert(parent.index(owner) + 1, element)


def _wrap_blocks(text: NoticeText, places: list[Place], element: etree._Element) -> bool:
    """A whole section: its blocks, consecutive siblings, moved into one ix:nonNumeric (escaped text block).

    Moving an element keeps its text and tail, so the lines' segments stay valid for the wraps that follow.
    """
    blocks: list[etree._Element] = []
    for place in places:
        block = text.lines[place.line].block
        if not blocks or blocks[-1] is not block:
            blocks.append(block)
    parent = blocks[0].getparent()
    if parent is None or any(block.getparent() is not parent for block in blocks):
        return False
    positions = [parent.index(block) for block in blocks]
    if positions != list(range(positions[0], positions[0] + len(blocks))):
        return False
    parent.insert(positions[0], element)
    for block in blocks:
        element.append(block)
    return True


def _one_node(text: NoticeText, place: Place) -> bool:
    """A figure must stand in one text node (an ix:nonFraction holds text only)."""
    return sum(1 for segment in text.lines[place.line].segments
               if segment.start < place.end and place.start < segment.start + segment.length) == 1


class _Tagger:
    def __init__(self, factset: FactSet, lang: str):
        self.factset, self.lang = factset, lang
        self.next_fact, self.next_continuation = 1, 1

    def fact_id(self) -> str:
        value = f"f{self.next_fact}"
        self.next_fact += 1
        return value

    def continuation_id(self) -> str:
        value = f"c{self.next_continuation}"
        self.next_continuation += 1
        return value

    def maker(self, fact: Fact, place: Place) -> Callable[[bool, int], etree._Element]:
        chain: list[etree._Element] = []

        def make(first: bool, pieces: int) -> etree._Element:
            # Pieces are made last first; each continued piece links to the one made before it.
            if fact.unit is not None and pieces == 1:
                return self.number(fact, place)
            if first:
                element = self.non_numeric(fact, place)
            else:
                element = etree.Element(f"{{{IX}}}continuation", id=self.continuation_id())
            if chain:
                element.set("continuedAt", chain[-1].get("id"))  # type: ignore[arg-type]
            chain.append(element)
            return element
        return make

    def number(self, fact: Fact, place: Place) -> etree._Element:
        assert fact.unit is not None
        element = etree.Element(f"{{{IX}}}nonFraction", name=f"{PREFIX}:{fact.name}", contextRef=fact.context.id,
                                unitRef=fact.unit.id, id=self.fact_id())
        element.set("decimals", fact.decimals or "INF")
        element.set("scale", str(place.scale))
        element.set("format", f"ixt:{place.format or 'num-dot-decimal'}")
        return element

    def non_numeric(self, fact: Fact, place: Place | None) -> etree._Element:
        element = etree.Element(f"{{{IX}}}nonNumeric", name=f"{PREFIX}:{fact.name}", contextRef=fact.context.id,
                                id=self.fact_id())
        if place is not None and place.format:
            element.set("format", f"ixt:{place.format}")
        if fact.concept.type is ValueType.TEXT_BLOCK:
            element.set("escape", "true")
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        elif fact.concept.type in (ValueType.CODE, ValueType.TOKEN):
            element.set(XML_LANG, "")
        return element

    def hidden(self, parent: etree._Element, fact: Fact) -> None:
        if fact.unit is not None:
            element = etree.SubElement(parent, f"{{{IX}}}nonFraction", name=f"{PREFIX}:{fact.name}",
                                       contextRef=fact.context.id, unitRef=fact.unit.id, id=self.fact_id())
            if fact.value is None:
                element.set(XSI_NIL, "true")
                return
            assert isinstance(fact.value, Decimal)
            element.set("decimals", fact.decimals or "INF")
            element.text = value_text(fact.value)
            return
        element = self.non_numeric(fact, None)
        parent.append(element)
        if fact.value is None:
            element.set(XSI_NIL, "true")
        else:
            element.text = value_text(fact.value)


def build_tagged(notice_body: etree._Element, factset: FactSet, places: dict[int, list[Place]], *, lang: str,
                 title: str | None = None, schema_href: str | None = None) -> tuple[etree._ElementTree, list[int]]:
    """The Inline XBRL document of the notice; ``places`` maps a fact's index in ``factset.facts`` to its spots.

    Returns the document and the indexes of facts that went to ``ix:hidden``.
    """
    body_copy = copy.deepcopy(notice_body)
    text = NoticeText.of(body_copy)
    tagger = _Tagger(factset, lang)
    blocks = {index for index, fact in enumerate(factset.facts)
              if fact.concept.type is ValueType.TEXT_BLOCK and places.get(index)}
    pairs = [(index, Wrap(place.line, place.start, place.end, tagger.maker(fact, place)))
             for index, fact in enumerate(factset.facts) for place in places.get(index, ())
             if index not in blocks and (fact.unit is None or _one_node(text, place))]
    shown = {index for index in blocks if _wrap_blocks(text, places[index], tagger.non_numeric(factset.facts[index], None))}
    skipped = {id(request) for request in wrap_spans(text, [request for _, request in pairs])}
    shown |= {index for index, request in pairs if id(request) not in skipped}
    html = etree.Element(h("html"), nsmap=xhtml_nsmap({"ix": IX, "ixt": TR4, **document_nsmap(factset)}))
    html.set(XML_LANG, lang)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    etree.SubElement(head, h("title")).text = title or "Notice"
    etree.SubElement(head, h("style"), type="text/css").text = NOTICE_STYLE
    body = etree.SubElement(html, h("body"))
    holder = etree.SubElement(body, h("div"), style="display:none")
    body.append(body_copy)
    for element in body_copy.iter():
        if LINE in element.attrib:
            del element.attrib[LINE]
    header = etree.SubElement(holder, f"{{{IX}}}header")
    hidden_indexes = [index for index in range(len(factset.facts)) if index not in shown]
    if hidden_indexes:
        hidden = etree.SubElement(header, f"{{{IX}}}hidden")
        for index in hidden_indexes:
            tagger.hidden(hidden, factset.facts[index])
    schema_ref(etree.SubElement(header, f"{{{IX}}}references"), schema_href)
    resources(etree.SubElement(header, f"{{{IX}}}resources"), factset)
    _number_in_order(html)
    return etree.ElementTree(html), hidden_indexes


def _number_in_order(html: etree._Element) -> None:
    """Fact and continuation ids in document order (wrapping made them last first)."""
    renamed: dict[str, str] = {}
    counters = {"f": 0, "c": 0}
    for element in html.iter(f"{{{IX}}}*"):
        old = element.get("id")
        if old and old[:1] in counters and old[1:].isdigit():
            counters[old[0]] += 1
            renamed[old] = f"{old[0]}{counters[old[0]]}"
    for element in html.iter(f"{{{IX}}}*"):
        for attribute in ("id", "continuedAt"):
            value = element.get(attribute)
            if value in renamed:
                element.set(attribute, renamed[value])
