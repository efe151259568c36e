"""Large, valid drafts for the validation benchmark: N facts of our taxonomy, dimensional contexts included.

A draft is made of blocks, one per (made-up) issuer: the facts of a sample filing, re-keyed to a
new entity identifier so every block has its own contexts (plain, typed ListingAxis and explicit
RecipientCategoryAxis members). Instances are serialized by the exporter's own instance builder;
inline documents join the blocks' notices (each rendered by the exporter's inline builder) into
one XHTML document with one ix:header, so facts are shown with their formats as in real output.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from lxml import etree

from exporter.documents import build_instance, serialize
from exporter.documents.inline import IX, build_inline, serialize_inline
from exporter.facts import build_factset
from exporter.facts.factset import FactSet
from exporter.sources import load_filing

REPO = Path(__file__).resolve().parents[1]
SAMPLES = ("iij-2015-07-13", "sakura-robotics-2024-06-14")


def _sample_factsets() -> list[FactSet]:
    return [build_factset(load_filing(REPO / "samples" / f"{name}.yaml")) for name in SAMPLES]


def _block(factset: FactSet, index: int) -> FactSet:
    contexts = {}
    facts = []
    for fact in factset.facts:
        context = contexts.get(fact.context.id)
        if context is None:
            context = dataclasses.replace(fact.context, id=f"B{index}_{fact.context.id}",
                                          identifier=f"{10000 + index}")
            contexts[fact.context.id] = context
        facts.append(dataclasses.replace(fact, context=context))
    return FactSet(facts)


def blocks(n_facts: int) -> list[FactSet]:
    """Blocks adding up to at least ``n_facts`` facts (whole filings only, so every rule holds)."""
    samples = _sample_factsets()
    result, total, index = [], 0, 0
    while total < n_facts:
        block = _block(samples[index % len(samples)], index)
        result.append(block)
        total += len(block.facts)
        index += 1
    return result


def instance_bytes(n_facts: int) -> bytes:
    return serialize(build_instance(FactSet([f for b in blocks(n_facts) for f in b.facts])))


def inline_bytes(n_facts: int, lang: str = "en") -> bytes:
    parts = blocks(n_facts)
    document = build_inline(parts[0], lang)
    root = document.getroot()
    body = root.find("{http://www.w3.org/1999/xhtml}body")
    header = next(root.iter(f"{{{IX}}}header"))
    resources = header.find(f"{{{IX}}}resources")
    hidden = header.find(f"{{{IX}}}hidden")
    _prefix_ids(root, "B0_")
    for index, part in enumerate(parts[1:], 1):
        other = build_inline(part, lang).getroot()
        _prefix_ids(other, f"B{index}_")
        other_header = next(other.iter(f"{{{IX}}}header"))
        unit_ids = {u.get("id") for u in resources.iterfind("{http://www.xbrl.org/2003/instance}unit")}
        for element in other_header.find(f"{{{IX}}}resources"):
            if element.tag == "{http://www.xbrl.org/2003/instance}unit" and element.get("id") in unit_ids:
                continue  # the same units serve every block
            resources.append(element)
        other_hidden = other_header.find(f"{{{IX}}}hidden")
        if other_hidden is not None:
            if hidden is None:
                hidden = etree.Element(f"{{{IX}}}hidden")
                header.insert(0, hidden)
            hidden.extend(list(other_hidden))
        other_body = other.find("{http://www.w3.org/1999/xhtml}body")
        section = etree.SubElement(body, "{http://www.w3.org/1999/xhtml}div", {"class": "notice"})
        for child in list(other_body)[1:]:  # skip the div holding the header
            section.append(child)
    return serialize_inline(document)


def _prefix_ids(root: etree._Element, prefix: str) -> None:
    for element in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric", f"{{{IX}}}continuation"):
        if element.get("id"):
            element.set("id", prefix + element.get("id"))
