"""An xBRL-JSON 1.0 report (``<stem>.json``) of a fact set.

One JSON object: ``documentInfo`` (document type, namespace prefixes, the taxonomy entry point the
instance's schemaRef names) and ``facts``, keyed ``f1``, ``f2``, ... in the fact set's order, each
with its value (a string, or null when nil), decimals where stated, and its dimensions. UTF-8,
two-space indentation, a trailing newline: the same fact set gives the same bytes.
"""
from __future__ import annotations

import json
from typing import Any

from exporter.documents.oim import aspects
from exporter.facts.factset import Fact, FactSet

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"


def json_name(stem: str) -> str:
    return f"{stem}.json"


def build_xbrl_json(factset: FactSet, taxonomy: str) -> bytes:
    """The report; ``taxonomy`` is the schema the instance references (eqi's entry point or the extension)."""
    document = {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": aspects.namespaces(factset),
            "taxonomy": [taxonomy],
        },
        "facts": {f"f{index}": _fact(fact, aspects.extension_prefix(factset))
                  for index, fact in enumerate(factset.facts, start=1)},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _fact(fact: Fact, extension_prefix: str | None) -> dict[str, Any]:
    dimensions: dict[str, str] = {
        "concept": aspects.concept(fact),
        "entity": aspects.entity(fact.context),
        "period": aspects.instant_end(fact.context.instant),
    }
    unit = aspects.unit(fact.unit)
    if unit is not None:
        dimensions["unit"] = unit
    if fact.lang:
        dimensions["language"] = fact.lang
    dimensions.update(aspects.dimensions(fact.context, extension_prefix))
    entry: dict[str, Any] = {"value": aspects.value(fact)}
    decimals = aspects.decimals(fact)
    if decimals is not None:
        entry["decimals"] = decimals
    entry["dimensions"] = dimensions
    return entry
