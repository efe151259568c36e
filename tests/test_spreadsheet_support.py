"""Helpers shared by the spreadsheet and convert tests (no tests here): registers made in tmp_path.

A register is described by field keys; ``seed_row`` is the seed notice with some cells replaced,
so each test states only the cell it is about. Registers are written with the headings registers
used before the fields were derived from the concepts (``LEGACY``), so every test also checks that
those still read; the template's own headings are tested with the template.
"""
from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from types import ModuleType
from typing import Any

from exporter.sources.spreadsheet.fields import headings
from exporter.sources.spreadsheet.headers import HeaderMap, default_headers
from exporter.sources.spreadsheet.layouts import Plan, Record, read_records
from exporter.sources.spreadsheet.reader import open_register
from exporter.sources.spreadsheet.register import Built, build_filing
from exporter.sources.spreadsheet.template import SEED, SEED_ALLOTMENTS, workbook_bytes

DROP = object()  # a value that removes the column

COLUMNS = ["company_name", "securities_code", "market", "title", "announcement_date", "kind", "resolution_date",
           "determination_date", "number_of_rights", "shares_per_right", "class_of_shares", "number_of_shares",
           "amount_per_right", "amount_per_share", "payment_method", "allotment", "currency"]

def _make_registers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_registers", SAMPLES / "make_registers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MAKE = _make_registers()
# The headings of the first templates (field key -> English, Japanese), as the seed's samples use them.
LEGACY: dict[str, tuple[str, str]] = MAKE.LEGACY
LEGACY_ALLOTMENTS: dict[str, tuple[str, str]] = MAKE.LEGACY_ALLOTMENTS


def header(key: str, lang: str = "en", table: str = "issuances") -> str:
    legacy = (LEGACY if table == "issuances" else LEGACY_ALLOTMENTS).get(key)
    if legacy:
        return legacy[0 if lang == "en" else 1]
    return headings(table, lang)[key]  # type: ignore[arg-type]


def seed_row(lang: str = "en", **cells: Any) -> dict[str, Any]:
    """The seed as {field key: cell value}; keyword arguments replace cells (DROP removes the column)."""
    row = {key: SEED[lang][key] for key in COLUMNS}
    row.update(cells)
    return {k: v for k, v in row.items() if v is not DROP}


def sheet_rows(rows: list[dict[str, Any]], lang: str = "en", headers: dict[str, str] | None = None
               ) -> list[list[Any]]:
    """A header row (our headers, or ``headers`` for some keys) and the rows, columns in first-seen order."""
    keys: list[str] = []
    for row in rows:
        keys += [k for k in row if k not in keys]
    names = [(headers or {}).get(k) or header(k, lang) for k in keys]
    return [names] + [[row.get(k) for k in keys] for row in rows]


def write_xlsx(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> Path:
    path.write_bytes(workbook_bytes(sheets))
    return path


def register_a(path: Path, rows: list[dict[str, Any]], lang: str = "en", headers: dict[str, str] | None = None,
               sheet: str = "Register") -> Path:
    return write_xlsx(path, [(sheet, sheet_rows(rows, lang, headers))])


def register_b(path: Path, issuances: list[dict[str, Any]], allotments: list[dict[str, Any]], lang: str = "en"
               ) -> Path:
    allot_keys: list[str] = []
    for row in allotments:
        allot_keys += [k for k in row if k not in allot_keys]
    allot_headers = [header(k, lang, "allotments") for k in allot_keys]
    return write_xlsx(path, [("Issuances", sheet_rows(issuances, lang)),
                             ("Allotments", [allot_headers] + [[r.get(k) for k in allot_keys] for r in allotments])])


def seed_b(lang: str = "en", **cells: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    issuance = {"id": SEED[lang]["id"], **seed_row(lang, allotment=DROP, **cells)}
    return [issuance], [dict(a) for a in SEED_ALLOTMENTS[lang]]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read(path: Path, headers: HeaderMap | None = None) -> tuple[Plan, list[Record]]:
    with open_register(path) as register:
        plan, records = read_records(register, headers or default_headers())
        return plan, list(records)


def build_all(path: Path, headers: HeaderMap | None = None) -> list[Built]:
    return [build_filing(record) for record in read(path, headers)[1]]


def build_one(path: Path, headers: HeaderMap | None = None) -> Built:
    (built,) = build_all(path, headers)
    return built


def messages(built: Built) -> list[str]:
    return [p.message for p in built.problems]


def extensions_validate() -> bool:
    """True if a filing with a category of the company's own renders (its extension taxonomy validates)."""
    from exporter.export import render_filing
    from exporter.models import Filing
    from exporter.validation import ValidationFailed

    filing = Filing.model_validate({
        "title": "Probe", "announcement_date": "2025-07-18", "issuer": {"name": "Probe Inc.", "securities_code": "1301"},
        "issuance": {"kind": "restricted_stock", "allotments": [
            {"custom_category": "retiring_officers", "description": "Retiring officers", "persons": 1}]}})
    try:
        render_filing(filing, "en", stem="probe")
    except ValidationFailed:
        return False
    return True
