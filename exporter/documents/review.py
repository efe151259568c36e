"""The review page: the notice with every tagged fact highlighted and every untagged figure in another colour.

A reviewer sees at a glance what is covered: a fact's highlight says its concept, value and where
it was read (on hover); a figure or date no fact covers is marked so it is not overlooked. The page
is plain XHTML (not Inline XBRL): a short summary with the warnings, then the notice itself.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from exporter.documents.tagging import NOTICE_STYLE, Wrap, wrap_spans
from exporter.documents.xbrl import xhtml_nsmap
from exporter.sources.notices.lines import NoticeText
from exporter.sources.notices.xhtml import LINE, h

REVIEW_STYLE = NOTICE_STYLE + """
.fact { background: #bfe3ff; border-bottom: 2px solid #1f77b4; cursor: help; }
.fact.hidden { background: #e3d7ff; border-bottom: 2px dotted #6c3fb4; }
.untagged { background: #ffc9c9; border-bottom: 2px dashed #c0392b; cursor: help; }
.summary { font-family: sans-serif; font-size: 0.9em; border: 1px solid #ccc; padding: 0.5em 1em; margin-bottom: 2em; }
.summary .fact, .summary .untagged { padding: 0 0.3em; }
"""


@dataclass(frozen=True)
class Mark:
    """A span to highlight: ``kind`` "fact" or "untagged", and the hover text."""

    line: int
    start: int
    end: int
    kind: str
    note: str
    concept: str = ""


def build_review(notice_body: etree._Element, marks: Sequence[Mark], *, title: str, lang: str,
                 summary: Sequence[str], warnings: Sequence[str]) -> etree._ElementTree:
    body_copy = copy.deepcopy(notice_body)
    text = NoticeText.of(body_copy)

    def maker(mark: Mark) -> Callable[[bool, int], etree._Element]:
        def make(first: bool, pieces: int) -> etree._Element:
            element = etree.Element(h("span"), {"class": mark.kind, "title": mark.note})
            if mark.concept:
                element.set("data-concept", mark.concept)
            return element
        return make

    wrap_spans(text, [Wrap(m.line, m.start, m.end, maker(m)) for m in marks])
    for element in body_copy.iter():
        if LINE in element.attrib:
            del element.attrib[LINE]
    html = etree.Element(h("html"), nsmap=xhtml_nsmap())
    html.set("lang", lang)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    etree.SubElement(head, h("title")).text = f"Review: {title}"
    etree.SubElement(head, h("style"), type="text/css").text = REVIEW_STYLE
    body = etree.SubElement(html, h("body"))
    box = etree.SubElement(body, h("div"), {"class": "summary", "id": "summary"})
    heading = etree.SubElement(box, h("p"))
    etree.SubElement(heading, h("span"), {"class": "fact"}).text = "tagged fact"
    heading[-1].tail = " "
    etree.SubElement(heading, h("span"), {"class": "untagged"}).text = "figure or date not tagged"
    heading[-1].tail = " "
    etree.SubElement(heading, h("span"), {"class": "fact hidden"}).text = "fact in ix:hidden (printed in a form no format reads)"
    heading[-1].tail = " (hover over a highlight for its concept, value and source)"
    for line in summary:
        etree.SubElement(box, h("p")).text = line
    if warnings:
        listing = etree.SubElement(box, h("ul"), {"id": "warnings"})
        for warning in warnings:
            etree.SubElement(listing, h("li")).text = warning
    body.append(body_copy)
    return etree.ElementTree(html)


def serialize_review(tree: etree._ElementTree) -> bytes:
    return b"<!DOCTYPE html>\n" + etree.tostring(tree, encoding="UTF-8", method="xml") + b"\n"
