"""Every resource limit on untrusted input, declared once, each with the reason for its value.

The readers (``safety.archives``, ``safety.xml``, ``sources.documents``, ``sources.spreadsheet.reader``,
``sources.notices.read`` and ``.archive``) import their bounds from here and check them *before* the expensive work (decompressing, parsing,
building numbers or trees). ``docs/limits.md`` lists the same table; ``tests/test_limits_doc.py``
keeps the two in step, so a limit changed here without the doc (or the reverse) fails the suite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["LIMITS", "Limit"]

_KiB: Final = 1024
_MiB: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limit:
    """One bound: its ``value`` in ``unit``, what it applies to, and why it is that large."""

    name: str
    value: int
    unit: str
    applies_to: str
    reason: str

    def __int__(self) -> int:
        return self.value


# --- filing documents (YAML / JSON) -------------------------------------------------------------

DOCUMENT_BYTES: Final = Limit(
    "document_bytes", 1 * _MiB, "bytes", "a YAML or JSON filing document",
    "a real notice is 3-15 kB; a megabyte is read and checked in well under a second")
DOCUMENT_DEPTH: Final = Limit(
    "document_depth", 32, "levels", "nesting of mappings and lists in a YAML or JSON document",
    "a filing is 5 levels deep; deeper input would exhaust the parsers' recursion")
DOCUMENT_NODES: Final = Limit(
    "document_nodes", 20_000, "nodes", "keys, values and list items in a YAML or JSON document",
    "a filing has about 100; aliases could otherwise multiply a small file (billion laughs in YAML), and "
    "every value costs time to check")
SCALAR_CHARS: Final = Limit(
    "scalar_chars", 100_000, "characters", "one text value in a YAML or JSON document",
    "the longest field (exercise conditions) is a few thousand characters")
NUMBER_DIGITS: Final = Limit(
    "number_digits", 40, "digits", "one number written in a YAML or JSON document",
    "amounts in yen stay under 20 digits; bounded so no huge integer is built (Python refuses 4,300+)")

# --- archives (xlsx workbooks) ------------------------------------------------------------------

ARCHIVE_BYTES: Final = Limit(
    "archive_bytes", 100 * _MiB, "bytes", "an xlsx workbook file (compressed)",
    "a 10,000-issuance register is about 2 MB")
ARCHIVE_MEMBERS: Final = Limit(
    "archive_members", 10_000, "members", "entries in an xlsx workbook's zip directory",
    "a workbook has a few dozen parts; checked before the directory is read into memory")
ARCHIVE_MEMBER_BYTES: Final = Limit(
    "archive_member_bytes", 128 * _MiB, "bytes", "one part of a workbook, uncompressed",
    "the sheet of a 10,000-issuance register is about 15 MB; counted while decompressing, never "
    "taken from the zip's headers (zip bombs state small sizes)")
ARCHIVE_TOTAL_BYTES: Final = Limit(
    "archive_total_bytes", 512 * _MiB, "bytes", "all parts of a workbook, uncompressed",
    "four full-size parts; bounds the time spent decompressing a crafted workbook")
XML_ELEMENTS: Final = Limit(
    "xml_elements", 5_000_000, "elements", "one XML document or workbook part",
    "100,000-fact instances have about 400,000; more is a bomb, not a filing")
WORKBOOK_PART_ELEMENTS: Final = Limit(
    "workbook_part_elements", 2_000_000, "elements", "one part of a workbook (a sheet, the shared strings)",
    "a 10,000-issuance register's sheet has about 500,000; each element costs about 3 µs to read, so this "
    "bounds one pass over a sheet to a few seconds")
WORKBOOK_ELEMENTS: Final = Limit(
    "workbook_elements", 4_000_000, "elements", "all parts of a workbook read by one command, re-reads included",
    "a 10,000-issuance register is read in about 1,100,000; bounds a whole conversion's reading to about "
    "12 seconds, however many sheets a crafted workbook has")
XML_DEPTH: Final = Limit(
    "xml_depth", 256, "levels", "element nesting in one XML document or workbook part",
    "libxml2's own limit without XML_PARSE_HUGE; workbook parts are 6 levels deep")
XML_BYTES: Final = Limit(
    "xml_bytes", 200 * _MiB, "bytes", "one XML document (instance, inline document, taxonomy file)",
    "a 100,000-fact inline document is 27 MB")

# --- cells and registers (xlsx / csv) -----------------------------------------------------------

CELL_CHARS: Final = Limit(
    "cell_chars", 32_767, "characters", "one cell of a register (xlsx or csv)",
    "Excel's own limit for a cell")
SHARED_STRINGS: Final = Limit(
    "shared_strings", 300_000, "strings", "distinct texts in a workbook's shared-string table",
    "held in memory while the sheets are read; a 10,000-issuance register has about 50,000; each costs "
    "a few microseconds to read")
SHARED_STRING_CHARS: Final = Limit(
    "shared_string_chars", 64 * _MiB, "characters", "all texts of a workbook's shared-string table",
    "held in memory while the sheets are read (at most 256 MB as Python text)")
REGISTER_COLUMNS: Final = Limit(
    "register_columns", 1_024, "columns", "cells with a value in one register row (xlsx or csv)",
    "a register has tens of columns; a value beyond column AMJ is a crafted sheet")
ROW_CELLS: Final = Limit(
    "row_cells", 16_384, "cells", "cell elements in one row of a workbook sheet, empty ones included",
    "Excel's own limit (column XFD)")
REGISTER_ROWS: Final = Limit(
    "register_rows", 50_000, "rows", "rows of one register sheet, or lines of a CSV register",
    "real registers hold hundreds of issuances; converting one takes about 3 ms (a failing one 0.5 ms), so "
    "this bounds a run to minutes; split larger registers")
NUMBER_CELL_CHARS: Final = Limit(
    "number_cell_chars", 40, "characters", "the stored text of an xlsx number cell",
    "Excel stores IEEE doubles: at most 17 significant digits and an exponent (about 24 characters)")
CSV_LINE_BYTES: Final = Limit(
    "csv_line_bytes", 4 * _MiB, "bytes", "one line of a CSV register",
    "a row of a register is under a kilobyte; a file without line breaks is not a register")

# --- notices (tag: HTML, Word, Markdown, text) ---------------------------------------------------

NOTICE_BYTES: Final = Limit(
    "notice_bytes", 16 * _MiB, "bytes", "a notice file for tag (.html, .docx, .md, .txt)",
    "a notice is a few kB to a few hundred; a generated 500-page notice is about 3 MB")
DOCX_MEMBERS: Final = Limit(
    "docx_members", 2_000, "members", "entries in a Word notice's (.docx) zip directory",
    "a Word notice has a few dozen parts; checked before the directory is read into memory")
DOCX_MEMBER_BYTES: Final = Limit(
    "docx_member_bytes", 32 * _MiB, "bytes", "one part of a Word notice, uncompressed",
    "a notice's document.xml is well under a megabyte; counted while decompressing, never taken from the "
    "zip's headers")
DOCX_TOTAL_BYTES: Final = Limit(
    "docx_total_bytes", 128 * _MiB, "bytes", "all parts of a Word notice, uncompressed",
    "four full-size parts; bounds the time spent decompressing a crafted document")

# --- Inline XBRL drafts ----------------------------------------------------------------------------

FORMAT_TEXT_CHARS: Final = Limit(
    "format_text_chars", 200, "characters", "the displayed text of one Inline XBRL fact read with a format",
    "the longest real date or number is under 50 characters; the registries' patterns backtrack, in time that "
    "grows with the square of the length (4 ms at most at this length)")

# --- output --------------------------------------------------------------------------------------

OUTPUT_NAME_BYTES: Final = Limit(
    "output_name_bytes", 200, "bytes", "one output file name (UTF-8)",
    "file systems allow 255 bytes; room is kept for the language suffix and temporary names")

LIMITS: Final[tuple[Limit, ...]] = (
    DOCUMENT_BYTES, DOCUMENT_DEPTH, DOCUMENT_NODES, SCALAR_CHARS, NUMBER_DIGITS,
    ARCHIVE_BYTES, ARCHIVE_MEMBERS, ARCHIVE_MEMBER_BYTES, ARCHIVE_TOTAL_BYTES,
    XML_ELEMENTS, WORKBOOK_PART_ELEMENTS, WORKBOOK_ELEMENTS, XML_DEPTH, XML_BYTES,
    CELL_CHARS, SHARED_STRINGS, SHARED_STRING_CHARS, REGISTER_COLUMNS, ROW_CELLS, REGISTER_ROWS, NUMBER_CELL_CHARS, CSV_LINE_BYTES,
    NOTICE_BYTES, DOCX_MEMBERS, DOCX_MEMBER_BYTES, DOCX_TOTAL_BYTES,
    FORMAT_TEXT_CHARS, OUTPUT_NAME_BYTES,
)
