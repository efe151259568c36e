"""Inline XBRL 1.1 rules beyond the schema: header structure, references, ids, fact nesting.

Format and continuation problems are found while reading the draft (``draft.read_inline``); this
module checks the document's structure.
"""
from __future__ import annotations

from collections import Counter

from exporter.validation.draft import IX, Draft
from exporter.validation.messages import Message, error


def inline_messages(draft: Draft) -> list[Message]:
    root = draft.tree.getroot()
    messages: list[Message] = []

    def err(code: str, text: str, element=None) -> None:
        messages.append(error(code, text, file=draft.file, line=getattr(element, "sourceline", None),
                              xpath=draft.tree.getpath(element) if element is not None else None))

    headers = list(root.iter(f"{{{IX}}}header"))
    if not headers:
        err("ix:missingHeader", "an Inline XBRL document needs an ix:header (with ix:references and ix:resources)")
    for header in headers:
        if header.find(f"{{{IX}}}references") is None:
            err("ix:missingReferences", "ix:header has no ix:references holding the link:schemaRef", header)
    ids = Counter(e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id"))
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("id") and ids[element.get("id")] > 1:
            err("ix:duplicateId", f"id {element.get('id')!r} is used more than once", element)
            ids[element.get("id")] = 1  # report each id once
    for fact in root.iter(f"{{{IX}}}nonFraction"):
        nested = [e for e in fact.iter(f"{{{IX}}}*") if e is not fact]
        if any(e.tag != f"{{{IX}}}nonFraction" for e in nested):
            err("ix:nonFractionContent", "ix:nonFraction may contain only text or another ix:nonFraction", fact)
    return messages
