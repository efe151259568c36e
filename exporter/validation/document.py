"""One document through every layer: kind, DTS, XML Schema, XBRL 2.1, Dimensions, Calculation, profile.

The profile decides the rules beyond the specifications: "xbrl" is the XBRL specifications alone
(XBRL 2.1 with its calculations, Dimensions 1.0, Inline XBRL); "eqi" adds our filing rules
(inconsistent non-numeric duplicates are errors, unused contexts and units are flagged, the units
the UTR requires, the business rules, Calculation 1.1 round-to-nearest); "auto" (the default)
picks "eqi" when the DTS includes our taxonomy, else "xbrl".
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from exporter.taxonomy.dts.discovery import kind_of
from exporter.validation.messages import Message, Report, error

if TYPE_CHECKING:
    from exporter.validation.validate import Options


def _profile(options: Options, eqi: bool) -> str:
    if options.profile in ("xbrl", "eqi"):
        return options.profile
    return "eqi" if eqi else "xbrl"


def validate_document(tree: etree._ElementTree, *, file: str | None, url: str, roots: Sequence[Path],
                      options: Options, uniform_namespaces: bool,
                      inline_schema_messages: list[Message] | None = None) -> Report:
    """``inline_schema_messages``: given for a document set (``ixds``), whose documents were each
    checked against their Inline XBRL schema before they were joined into ``tree``."""
    from exporter.validation.calc import calc_messages
    from exporter.validation.draft import read_draft
    from exporter.validation.xbrl21 import xbrl21_messages

    root = tree.getroot()
    kind = kind_of(root)
    if kind == "inline" and not _has_ix(root):
        kind = "other"
    if kind == "other":
        report = Report(file, None)
        report.messages.append(error("input:notXbrl", "neither an XBRL instance (xbrli:xbrl), an Inline XBRL "
                                     "document (XHTML with ix: elements), a taxonomy schema nor a linkbase",
                                     file=file, line=root.sourceline))
        return report
    checked = options.taxonomies.for_document(url, tree, roots, options.profile)
    view = checked.view
    messages: list[Message] = [_relocate(m, url, file) for m in checked.messages]
    if kind in ("schema", "linkbase"):
        report = Report(file, kind)
        report.extend(messages)
        return report
    inline10: list[Message] = list(inline_schema_messages or [])
    if inline_schema_messages is None and kind == "inline" and _uses_ix10(root):
        inline10 = _inline10_messages(tree, file)
        _as_inline11(root)
    profile = _profile(options, view.eqi)
    from exporter.validation.taxonomy_rules import instance_ref_messages

    messages += instance_ref_messages(checked.loaded, url, root, file)
    tuples = view.tuple_concepts()
    inline10_used = inline_schema_messages is not None or bool(inline10) or (kind == "inline" and _was_ix10(root))
    draft = read_draft(tree, file, uniform_namespaces=uniform_namespaces, tuples=tuples)
    assert draft is not None
    from exporter.validation.sequal import SEqual

    sequal = SEqual(checked.model)
    for context in draft.contexts.values():
        context.compute_key(sequal)
    report = Report(file, draft.kind)
    report.extend(messages)
    from exporter.validation.xsd import xsd_messages

    complete = checked.model.complete  # else only the checks that need no taxonomy run (the rest cannot judge)
    report.extend(inline10)
    report.extend(xsd_messages(draft, view, checked.schema if complete else None, inline_schema=not inline10_used))
    report.extend(draft.messages)
    if draft.kind == "inline":
        from exporter.validation.inline_rules import inline_messages

        report.extend(inline_messages(draft))
    report.extend(xbrl21_messages(draft, view, profile=profile, complete=complete))
    if not complete:
        return report
    from exporter.validation.dimensions import dimension_messages

    report.extend(dimension_messages(draft, view))
    calc = options.calc or ("1.1" if profile == "eqi" else "1.0")
    report.extend(calc_messages(draft, view, calc))
    if profile == "eqi":
        from exporter.validation.business_rules import business_rule_messages

        report.extend(business_rule_messages(draft, view))
    return report


IX10 = "http://www.xbrl.org/2008/inlineXBRL"
IX11 = "http://www.xbrl.org/2013/inlineXBRL"
_CONVERTED = "{urn:disclosure-exporter}ix10"


def _uses_ix10(root: etree._Element) -> bool:
    return next(root.iter(f"{{{IX10}}}*"), None) is not None


def _was_ix10(root: etree._Element) -> bool:
    return root.get(_CONVERTED) is not None


def _inline10_messages(tree: etree._ElementTree, file: str | None) -> list[Message]:
    """The document against the Inline XBRL 1.0 schema (before its ix elements are read as 1.1 ones)."""
    from exporter.validation.schema_set import clean_libxml2_message
    from exporter.validation.schemas import lxml_inline10_schema

    schema = lxml_inline10_schema()
    if schema.validate(tree):
        return []
    return [error("xsd:inlineInvalid", clean_libxml2_message(entry.message), file=file, line=entry.line or None,
                  xpath=entry.path) for entry in list(schema.error_log)[:100]]  # type: ignore[call-overload]


def _as_inline11(root: etree._Element) -> None:
    """Inline XBRL 1.0's elements renamed into the 1.1 namespace: 1.0 is a subset of 1.1 for every rule
    that follows (its schema was checked first), so one reader and one set of rules serve both."""
    prefix = f"{{{IX10}}}"
    for element in list(root.iter(f"{prefix}*")):
        element.tag = f"{{{IX11}}}{element.tag[len(prefix):]}"
    root.set(_CONVERTED, "1")


def _has_ix(root: etree._Element) -> bool:
    return next(root.iter("{http://www.xbrl.org/2013/inlineXBRL}*", "{http://www.xbrl.org/2008/inlineXBRL}*"),
                None) is not None


def _relocate(message: Message, url: str, file: str | None) -> Message:
    """A taxonomy message about the document itself names it as the user did (its path, not its URL)."""
    from exporter.taxonomy.dts.discovery import ENTRY

    if message.file in (url, ENTRY) and file is not None:
        from dataclasses import replace

        return replace(message, file=file)
    return message
