"""Shared helpers of the tag tests: visible text of inputs and outputs, and facts as (kind, value)."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import lxml.html
from lxml import etree
from tag_notices import TestNotice, docx_text

from exporter.domain.values import ValueType
from exporter.facts.factset import Fact

KINDS = {ValueType.COUNT: "pure", ValueType.SHARES: "shares", ValueType.MONEY: "money",
         ValueType.PER_SHARE: "per_share", ValueType.DATE: "date", ValueType.CODE: "code"}
XHTML = "{http://www.w3.org/1999/xhtml}"


def squeeze(text: str) -> str:
    """Text with every whitespace character removed: what 'same characters, same order' compares."""
    return re.sub(r"\s+", "", text)


def input_visible_text(notice: TestNotice, path: Path) -> str:
    """What a reader of the input sees, computed independently of the product's readers."""
    if notice.name.endswith(".docx"):
        return docx_text()
    if notice.name.endswith(".txt"):
        return path.read_bytes().decode(notice.extra.get("encoding", "utf-8"))
    if notice.name.endswith(".md"):
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": False}).enable(["table"]).render(path.read_text(encoding="utf-8"))
        return lxml.html.fromstring(f"<div>{html}</div>").text_content()
    root = lxml.html.fromstring(path.read_bytes())
    for element in root.xpath("//script|//style|//head|//*[contains(@style,'display:none')]"):
        element.getparent().remove(element)
    return root.body.text_content()


def output_visible_text(inline: bytes) -> str:
    """The tagged document's text, less its hidden ix:header."""
    root = etree.fromstring(inline)
    body = root.find(f"{XHTML}body")
    assert body is not None
    hidden = body.find(f"{XHTML}div")
    assert hidden is not None and hidden.get("style") == "display:none"
    return "".join(text for child in body if child is not hidden for text in child.itertext())


def fact_key(fact: Fact) -> tuple[str | None, str]:
    value = fact.value
    if isinstance(value, Decimal):
        return KINDS.get(fact.concept.type), format(value.normalize(), "f")
    if isinstance(value, date):
        return KINDS.get(fact.concept.type), value.isoformat()
    return KINDS.get(fact.concept.type), str(value)
