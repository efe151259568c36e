"""The XBRL 2.1 instance document (``.xbrl``) of a fact set."""
from __future__ import annotations

from lxml import etree

from exporter.documents.xbrl import NSMAP, concept_tag, context_element, schema_ref, unit_element, value_text
from exporter.facts.factset import FactSet
from exporter.taxonomy.namespaces import XBRLI, XML_LANG


def build_instance(factset: FactSet) -> etree._ElementTree:
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=NSMAP)
    schema_ref(root)
    for context in factset.contexts:
        context_element(root, context)
    for unit in factset.units:
        unit_element(root, unit)
    for fact in factset.facts:
        element = etree.SubElement(root, concept_tag(fact.concept), contextRef=fact.context.id)
        if fact.unit is not None:
            element.set("unitRef", fact.unit.id)
            element.set("decimals", fact.decimals or "INF")
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        element.text = value_text(fact.value)
    return etree.ElementTree(root)


def serialize(tree: etree._ElementTree) -> bytes:
    """Deterministic bytes: UTF-8, XML declaration, two-space indentation, trailing newline."""
    root = tree.getroot()
    etree.indent(root, space="  ")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
