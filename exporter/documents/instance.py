"""The XBRL 2.1 instance document (``.xbrl``) of a fact set."""

from __future__ import annotations

from lxml import etree

from exporter.documents.xbrl import XSI_NIL, concept_tag, document_nsmap, fact_text, resources, schema_ref
from exporter.facts.factset import FactSet
from exporter.taxonomy.namespaces import XBRLI, XML_LANG


def build_instance(factset: FactSet, schema_href: str | None = None) -> etree._ElementTree:
    """The instance; ``schema_href`` is the filing's extension schema when the fact set needs one."""
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=document_nsmap(factset))
    schema_ref(root, schema_href)
    resources(root, factset)
    for fact in factset.facts:
        element = etree.SubElement(root, concept_tag(fact.name), contextRef=fact.context.id)
        if fact.unit is not None:
            element.set("unitRef", fact.unit.id)
            if fact.decimals is not None:
                element.set("decimals", fact.decimals)
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        if fact.value is None:
            element.set(XSI_NIL, "true")
        else:
            element.text = fact_text(fact)
    return etree.ElementTree(root)


def serialize(tree: etree._ElementTree) -> bytes:
    """Deterministic bytes: UTF-8, XML declaration, two-space indentation, trailing newline."""
    root = tree.getroot()
    etree.indent(root, space="  ")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
