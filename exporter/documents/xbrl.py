"""XBRL elements shared by the instance and the inline document: schemaRef, contexts, units, values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from lxml import etree

from exporter.domain.values import ValueType
from exporter.facts.factset import Context, ExplicitMember, Fact, FactSet, FactValue, Unit
from exporter.taxonomy.files import ENTRY_POINT_URL, NAMESPACE, PREFIX
from exporter.taxonomy.namespaces import ISO4217, LINK, XBRLDI, XBRLI, XHTML, XLINK

NSMAP = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI, "iso4217": ISO4217, PREFIX: NAMESPACE}
_PREFIXES = {ns: prefix for prefix, ns in NSMAP.items()}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSI_NIL = f"{{{XSI}}}nil"


def document_nsmap(factset: FactSet) -> dict[str, str]:
    """The namespaces a document of ``factset`` declares: ours, xsi for nil facts, the filing's extension."""
    nsmap = dict(NSMAP)
    if any(fact.value is None for fact in factset.facts):
        nsmap["xsi"] = XSI
    if factset.extension is not None:
        nsmap[factset.extension.prefix] = factset.extension.namespace
    return nsmap


def xhtml_nsmap(prefixed: Mapping[str, str] | None = None) -> dict[str, str]:
    """XHTML as the default namespace, then ``prefixed``: a document root's ``nsmap``.

    lxml names the default namespace with the key None, which its type stubs do not allow.
    """
    nsmap: dict[Any, str] = {None: XHTML, **(prefixed or {})}
    return nsmap


def qname_text(clark: str) -> str:
    """``{ns}local`` as ``prefix:local`` using the document's fixed prefixes."""
    ns, local = clark[1:].split("}")
    return f"{_PREFIXES[ns]}:{local}"


def concept_tag(local: str) -> str:
    return f"{{{NAMESPACE}}}{local}"


def value_text(value: FactValue) -> str:
    """The canonical lexical form of a fact value ('' for a nil fact)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


# What an escaped ix:nonNumeric (a text block) reads as: its content serialized as XHTML, so a text's
# "&", "<" and ">" become references (as Inline XBRL 1.1 defines an escaped value, and Arelle reads it).
_XHTML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def fact_text(fact: Fact) -> str:
    """The fact's value as every report states it ('' for a nil fact): a text block's value is XHTML.

    A text block (``nonnum:textBlockItemType``) holds markup. The inline document shows the text
    itself in an ``escape="true"`` element, whose value is that content serialized (``M&A`` reads
    as ``M&amp;A``); the instance and the OIM reports carry the same value, so every document of a
    filing states the same fact.
    """
    text = value_text(fact.value)
    return text.translate(_XHTML_TEXT) if fact.concept.type is ValueType.TEXT_BLOCK else text


def schema_ref(parent: etree._Element, href: str | None = None) -> etree._Element:
    """The schemaRef: eqi's entry point, or the filing's extension schema (which imports eqi)."""
    return etree.SubElement(parent, f"{{{LINK}}}schemaRef",
                            {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": href or ENTRY_POINT_URL})


def context_element(parent: etree._Element, context: Context, extension_prefix: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{XBRLI}}}context", id=context.id)
    entity = etree.SubElement(element, f"{{{XBRLI}}}entity")
    etree.SubElement(entity, f"{{{XBRLI}}}identifier", scheme=context.scheme).text = context.identifier
    if context.members:
        segment = etree.SubElement(entity, f"{{{XBRLI}}}segment")
        for member in context.members:
            dimension = f"{PREFIX}:{member.dimension}"
            if isinstance(member, ExplicitMember):
                prefix = extension_prefix if member.extension else PREFIX
                etree.SubElement(segment, f"{{{XBRLDI}}}explicitMember", dimension=dimension).text = \
                    f"{prefix}:{member.member}"
            else:
                typed = etree.SubElement(segment, f"{{{XBRLDI}}}typedMember", dimension=dimension)
                etree.SubElement(typed, concept_tag(member.domain)).text = member.value
    period = etree.SubElement(element, f"{{{XBRLI}}}period")
    etree.SubElement(period, f"{{{XBRLI}}}instant").text = context.instant.isoformat()
    return element


def unit_element(parent: etree._Element, unit: Unit) -> etree._Element:
    element = etree.SubElement(parent, f"{{{XBRLI}}}unit", id=unit.id)
    if unit.denominators:
        divide = etree.SubElement(element, f"{{{XBRLI}}}divide")
        for tag, measures in (("unitNumerator", unit.numerators), ("unitDenominator", unit.denominators)):
            holder = etree.SubElement(divide, f"{{{XBRLI}}}{tag}")
            for measure in measures:
                etree.SubElement(holder, f"{{{XBRLI}}}measure").text = qname_text(measure)
    else:
        for measure in unit.numerators:
            etree.SubElement(element, f"{{{XBRLI}}}measure").text = qname_text(measure)
    return element


def resources(parent: etree._Element, factset: FactSet) -> None:
    """Every context, then every unit, of ``factset``."""
    prefix = factset.extension.prefix if factset.extension else None
    for context in factset.contexts:
        context_element(parent, context, prefix)
    for unit in factset.units:
        unit_element(parent, unit)
