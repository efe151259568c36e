"""An xBRL-CSV 1.0 report of a fact set: a metadata file (``<stem>-csv.json``) and one table (``<stem>-facts.csv``).

The table has one fact a row, the shape a spreadsheet or a data frame reads without knowing XBRL:
``concept``, ``value``, ``unit``, ``decimals``, ``language`` and one column per dimension the facts
use (named by the axis's local name). In the metadata, ``value`` is the only fact column; its
dimensions and decimals are parameter references to the other columns, so an empty cell means the
aspect is absent (no unit: a pure number; no decimals: exact). The entity and the period, one for
the whole filing, are dimensions of the table. Special values per the specification: ``#nil``
(nil), ``#empty`` (an empty string), a leading ``#`` doubled.

UTF-8 without a byte-order mark, CRLF line ends (RFC 4180), fixed column and row order.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from exporter.documents.oim import aspects
from exporter.facts.factset import FactSet

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
TABLE = "facts"
_CORE_COLUMNS = ("concept", "value", "unit", "decimals", "language")


def csv_names(stem: str) -> tuple[str, str]:
    """(metadata file, table file): the metadata file is the report's entry point."""
    return f"{stem}-csv.json", f"{stem}-facts.csv"


def build_xbrl_csv(factset: FactSet, taxonomy: str, stem: str) -> dict[str, bytes]:
    """File name -> bytes of the report; ``taxonomy`` is the schema the instance references."""
    metadata_name, table_name = csv_names(stem)
    extension_prefix = aspects.extension_prefix(factset)
    axes = list(dict.fromkeys(axis for fact in factset.facts
                              for axis in aspects.dimensions(fact.context, extension_prefix)))
    columns = {axis: axis.partition(":")[2] for axis in axes}  # dimension QName -> column name
    rows = [[*_CORE_COLUMNS, *columns.values()]]
    for fact in factset.facts:
        dims = aspects.dimensions(fact.context, extension_prefix)
        decimals = aspects.decimals(fact)
        rows.append([aspects.concept(fact), _cell(aspects.value(fact)), aspects.unit(fact.unit) or "",
                     "" if decimals is None else str(decimals), fact.lang or "",
                     *(_escaped(dims[axis]) if axis in dims else "" for axis in axes)])
    metadata = {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": aspects.namespaces(factset),
            "taxonomy": [taxonomy],
        },
        "tableTemplates": {TABLE: {
            "columns": {**{name: {} for name in ("concept", "unit", "decimals", "language")},
                        **{name: {} for name in columns.values()},
                        "value": {"dimensions": {"concept": "$concept", "unit": "$unit", "language": "$language",
                                                 **{axis: f"${name}" for axis, name in columns.items()}},
                                  "decimals": "$decimals"}},
            "dimensions": _table_dimensions(factset),
        }},
        "tables": {TABLE: {"url": table_name}},
    }
    return {metadata_name: (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            table_name: _csv_bytes(rows)}


def _table_dimensions(factset: FactSet) -> dict[str, Any]:
    """The entity and the period, which every fact of a filing shares."""
    entities = {aspects.entity(context) for context in factset.contexts}
    instants = {context.instant for context in factset.contexts}
    if len(entities) > 1 or len(instants) > 1:
        raise aspects.NotRepresentable("oim:severalContexts", "the facts have more than one entity or period; "
                                                              "this tool's xBRL-CSV table holds one of each")
    if not entities:
        return {}
    return {"entity": entities.pop(), "period": f"{instants.pop().isoformat()}@end"}


def _cell(value: str | None) -> str:
    """A fact value as a cell: ``#nil`` for nil, ``#empty`` for an empty string, a leading ``#`` doubled."""
    if value is None:
        return "#nil"
    return "#empty" if value == "" else _escaped(value)


def _escaped(text: str) -> str:
    return "#" + text if text.startswith("#") else text


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")
