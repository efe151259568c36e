"""Schema validity: the document against its XML Schemas, each failure with a line and an XPath.

An instance is checked against our taxonomy and the XBRL 2.1 and Dimensions schemas; an inline
document against the Inline XBRL 1.1 schema, and then its facts, as the XBRL instance it stands
for, against the taxonomy (so a date that is not a date fails for both kinds alike).
"""
from __future__ import annotations

from lxml import etree

from exporter.validation.draft import Draft
from exporter.validation.messages import Message, error
from exporter.validation.schemas import inline_schema, instance_schema

_MAX_PER_DOCUMENT = 200  # a broken generator can produce one error per fact; the first ones tell


def _reason(exc) -> str:
    reason = (exc.reason or exc.message or str(exc)).strip()
    return " ".join(reason.split())


def _schema_messages(schema, tree: etree._ElementTree, code: str, draft: Draft, locate,
                     facts_only: bool = False) -> list[Message]:
    messages = []
    for exc in schema.iter_errors(tree):
        line, xpath, concept = locate(exc)
        if facts_only and concept is None:
            continue  # contexts and units were already checked by the inline schema
        if len(messages) >= _MAX_PER_DOCUMENT:
            messages.append(error(code, f"more than {_MAX_PER_DOCUMENT} schema errors; the rest are not listed",
                                  file=draft.file))
            break
        messages.append(error(code, _reason(exc), file=draft.file, line=line, xpath=xpath, concept=concept))
    return messages


def xsd_messages(draft: Draft) -> list[Message]:
    if draft.kind == "instance":
        def locate(exc):
            elem = getattr(exc, "elem", None)
            line = getattr(elem, "sourceline", None) if elem is not None else None
            xpath = draft.tree.getpath(elem) if isinstance(elem, etree._Element) else getattr(exc, "path", None)
            return line, xpath, None
        return _schema_messages(instance_schema(), draft.tree, "xsd:instanceInvalid", draft, locate)

    def locate_inline(exc):
        elem = getattr(exc, "elem", None)
        line = getattr(elem, "sourceline", None) if isinstance(elem, etree._Element) else None
        xpath = draft.tree.getpath(elem) if isinstance(elem, etree._Element) else getattr(exc, "path", None)
        return line, xpath, None

    messages = _schema_messages(inline_schema(), draft.tree, "xsd:inlineInvalid", draft, locate_inline)

    target = draft.target
    root = target.getroot()

    def locate_target(exc):
        elem = getattr(exc, "elem", None)
        while isinstance(elem, etree._Element) and elem.getparent() is not None and elem.getparent() is not root:
            elem = elem.getparent()
        if isinstance(elem, etree._Element) and elem.getparent() is root:
            index = root.index(elem) - draft.target_offset
            if 0 <= index < len(draft.target_facts):
                fact = draft.target_facts[index]
                return fact.line, fact.xpath, fact.prefixed
        return None, getattr(exc, "path", None), None

    messages += _schema_messages(instance_schema(), target, "xsd:factInvalid", draft, locate_target, facts_only=True)
    return messages
