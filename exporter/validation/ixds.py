"""Inline XBRL document sets: several Inline XBRL documents validated as one target document.

Each document is first checked on its own against its Inline XBRL schema (1.0 or 1.1); then the
bodies of all of them are joined under one XHTML root, each in a wrapper that keeps its original
root's namespace declarations (so prefixes in ``name``, ``format`` and QName values still resolve)
and names its file. The joined tree is validated as one document: one set of ix:resources,
continuations and exclusions across documents, ids unique across the set, one DTS from every
document's ix:references. Each message is then traced back to the document it is about.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from exporter.validation.messages import Message, Report

if TYPE_CHECKING:
    from exporter.validation.validate import Options

XHTML = "http://www.w3.org/1999/xhtml"
_FILE = "{urn:disclosure-exporter}file"


def validate_set(documents: Sequence[tuple[str, str, etree._ElementTree]], roots: Sequence[Path],
                 options: Options) -> Report:
    """One report for the set ``documents`` ((file, URL, tree) each, in order), named by the first."""
    from exporter.validation.document import (
        _as_inline11,
        _inline10_messages,
        _uses_ix10,
        validate_document,
    )
    from exporter.validation.xsd import inline_schema_messages

    schema_messages: list[Message] = []
    joined = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})  # type: ignore[dict-item]
    body = etree.SubElement(joined, f"{{{XHTML}}}body")
    for name, _url, tree in documents:
        root = tree.getroot()
        if _uses_ix10(root):
            schema_messages += _inline10_messages(tree, name)
            _as_inline11(root)
        else:
            schema_messages += inline_schema_messages(tree, name)
        declared: dict[str, str] = {k: v for k, v in root.nsmap.items() if k}
        wrapper = etree.SubElement(body, f"{{{XHTML}}}div", nsmap=declared)
        wrapper.set(_FILE, name)
        for part in list(root):
            wrapper.append(part)
    first_file, first_url, _ = documents[0]
    tree = joined.getroottree()
    report = validate_document(tree, file=first_file, url=first_url, roots=roots, options=options,
                               uniform_namespaces=False, inline_schema_messages=schema_messages)
    report.messages = [_traced(m, tree, first_file) for m in report.messages]
    report.file = " + ".join(file for file, _url, _tree in documents)
    return report


def _traced(message: Message, tree: etree._ElementTree, first: str) -> Message:
    """The message with the file of the document its element is in (and an XPath within that file)."""
    if message.file != first or not message.xpath:
        return message
    try:
        found = tree.xpath(message.xpath)
    except etree.XPathError:
        return message
    hit = found[0] if isinstance(found, list) and found else None
    element = hit if isinstance(hit, etree._Element) else None
    while element is not None and element.get(_FILE) is None:
        element = element.getparent()
    if element is None:
        return message
    return replace(message, file=str(element.get(_FILE)))
