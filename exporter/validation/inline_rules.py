"""Inline XBRL 1.1 rules beyond the schema: header, references and resources, ids, nesting,
continuations and exclusions.

Formats, scale and sign, and broken or looping continuation chains are found while reading the
draft (``draft.read_inline``); this module checks the document's structure. (The Inline XBRL
schema itself, checked by ``xsd.py``, already places ix:header, ix:hidden and their contents.)
"""
from __future__ import annotations

from lxml import etree

from exporter.validation.draft import IX, Draft
from exporter.validation.messages import Message, error

_NON_FRACTION = f"{{{IX}}}nonFraction"
_EXCLUDE_HOLDERS = {f"{{{IX}}}nonNumeric", f"{{{IX}}}continuation", f"{{{IX}}}footnote"}
# XPath in C: a 100,000-fact document has half a million elements, too many to visit from Python.
_ALL_IDS = etree.XPath("//@id", smart_strings=False)
_NESTING_FACTS = etree.XPath("//ix:nonFraction[*]", namespaces={"ix": IX})


def inline_messages(draft: Draft) -> list[Message]:
    root = draft.tree.getroot()
    messages: list[Message] = []

    def err(code: str, text: str, element: etree._Element | None = None, concept: str | None = None) -> None:
        messages.append(error(code, text, **draft.where(element, concept)))

    if not draft.headers:
        err("ix:missingHeader", "an Inline XBRL document needs an ix:header holding ix:references (the schemaRef) and "
            "ix:resources (contexts and units)")
    else:
        if not any(h.find(f"{{{IX}}}references") is not None for h in draft.headers):
            err("ix:missingReferences", "no ix:header has ix:references: the link:schemaRef naming the taxonomy is "
                "missing", draft.headers[0])
        if draft.facts and not any(h.find(f"{{{IX}}}resources") is not None for h in draft.headers):
            err("ix:missingResources", "no ix:header has ix:resources: the facts' contexts and units are missing",
                draft.headers[0])
    ids = _ALL_IDS(root)
    if len(ids) != len(set(ids)):
        seen: dict[str, etree._Element | None] = {}
        for element in root.iter():
            identifier = element.get("id") if isinstance(element.tag, str) else None
            if identifier is None:
                continue
            if identifier in seen and seen[identifier] is not None:
                err("ix:duplicateId", f"id {identifier!r} is used more than once (first on line "
                    f"{seen[identifier].sourceline})", element, element.get("name"))
                seen[identifier] = None  # report each id once
            else:
                seen.setdefault(identifier, element)
    for fact in _NESTING_FACTS(root):
        children = [c for c in fact if isinstance(c.tag, str)]
        wrong = [c for c in children if c.tag != _NON_FRACTION]
        text = (fact.text or "") + "".join(c.tail or "" for c in children)
        if wrong:
            tag = etree.QName(wrong[0]).localname
            err("ix:nonFractionContent", f"ix:nonFraction may hold only its number (or one nested ix:nonFraction), "
                f"not <{tag}>", fact, fact.get("name"))
        elif len(children) > 1 or text.strip():
            err("ix:nonFractionContent", "an ix:nonFraction holding a nested ix:nonFraction must hold nothing else",
                fact, fact.get("name"))
    for identifier, continuation in draft.continuations.items():
        referrers = draft.continued_at.get(identifier, [])
        if not referrers:
            err("ix:unreferencedContinuation", f"ix:continuation {identifier!r} is not the continuedAt of any fact "
                "or continuation", continuation)
        elif len(referrers) > 1:
            err("ix:continuationReferences", f"ix:continuation {identifier!r} is the continuedAt of "
                f"{len(referrers)} elements; only one may continue into it", continuation)
    for exclude in root.iter(f"{{{IX}}}exclude"):
        if not any(a.tag in _EXCLUDE_HOLDERS for a in exclude.iterancestors()):
            err("ix:misplacedExclude", "ix:exclude must be inside an ix:nonNumeric, ix:continuation or ix:footnote",
                exclude)
    return messages
