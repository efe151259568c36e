"""Legacy spreadsheet registers (xlsx, csv) read into validated filings, one per issuance.

The stages, each its own module: ``reader`` (streaming rows out of a workbook or a CSV file of any
supported encoding), ``headers`` (the fields, their English and Japanese headers and synonyms, and
``--map`` files), ``layouts`` (layout a: one row per issuance; layout b: sheets Issuances and
Allotments; header rows, unused columns, one ``Record`` per source issuance), ``register`` (a record
-> ``Filing``, with every problem located at file, sheet, row, column and raw value),
``normalise``/``messages`` (single cells -> values) and ``template`` (writing registers). The
conversion job that renders and writes the filings is ``exporter.convert``.
"""
from exporter.sources.spreadsheet.headers import FIELDS, HeaderMap, MappingError, default_headers, load_mapping
from exporter.sources.spreadsheet.layouts import LayoutError, Plan, Record, read_records
from exporter.sources.spreadsheet.problems import CellRef, Problem
from exporter.sources.spreadsheet.reader import ReadError, Register, open_register
from exporter.sources.spreadsheet.register import Built, build_filing

__all__ = [
    "FIELDS", "Built", "CellRef", "HeaderMap", "LayoutError", "MappingError", "Plan", "Problem", "ReadError",
    "Record", "Register", "build_filing", "default_headers", "load_mapping", "open_register", "read_records",
]
