"""Reading register files row by row, without holding the file in memory.

Workbooks (.xlsx, .xlsm) are opened with openpyxl in read-only (streaming) mode with cached formula
values; the declared sheet dimensions are ignored (some tools write them wrong), so every row the
sheet holds is read. CSV files are read in blocks of whole lines: a first pass decides the encoding
(UTF-8 with or without BOM, else CP932, via ``normalise.decode_csv_bytes`` on each block) and a
second pass decodes and parses them. Rows come out as ``(row number, values)``: row numbers as a
spreadsheet shows them (1-based; for CSV the record number, so a quoted line break does not shift
them), values as the cells hold them (str, int, float, datetime, bool or None; CSV gives str).
"""
from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.notation import NormaliseError
from exporter.sources.spreadsheet.normalise import decode_csv_bytes

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
BLOCK = 1 << 20  # CSV bytes per block, cut after the last line break

Row = tuple[int, tuple[Any, ...]]


class ReadError(Exception):
    """The register cannot be read at all (missing, not a workbook, undecodable CSV)."""


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Register:
    """An open register file. Use as a context manager; ``rows(sheet)`` may be called repeatedly."""

    path: Path
    format: str  # "xlsx" or "csv"
    sheets: list[str]  # sheet names in workbook order; [""] for a CSV file
    encoding: str | None = None
    _workbook: Any = field(default=None, repr=False)
    _size_hints: dict[str, int | None] = field(default_factory=dict, repr=False)

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def size_hint(self, sheet: str) -> int | None:
        """Rows the sheet says it has (a hint for the progress bar; may be wrong or None)."""
        return self._size_hints.get(sheet)

    def rows(self, sheet: str, *, max_col: int | None = None) -> Iterator[Row]:
        if self.format == "csv":
            yield from _csv_rows(self.path, self.encoding or "utf-8")
            return
        worksheet = self._workbook[sheet]
        # 1-based row numbers: read-only sheets fill the rows the file leaves out with empty rows.
        yield from enumerate(worksheet.iter_rows(min_row=1, max_col=max_col, values_only=True), 1)


def open_register(path: Path) -> Register:
    """Open a .xlsx/.xlsm workbook or a .csv file; raise ReadError if it cannot be read."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    if suffix in CSV_SUFFIXES:
        encoding, lines = _csv_encoding(path)
        return Register(path, "csv", [""], encoding, _size_hints={"": lines})
    if suffix not in WORKBOOK_SUFFIXES:
        raise ReadError(f"{path}: expected an .xlsx or .xlsm workbook or a .csv file "
                        f"(save .xls or .ods workbooks as .xlsx)")
    import openpyxl  # imported here: CSV-only runs and workers need not load it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ReadError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    sheets, hints = [], {}
    for worksheet in workbook.worksheets:
        sheets.append(worksheet.title)
        try:
            hints[worksheet.title] = worksheet.max_row
        except (ValueError, TypeError):  # a malformed dimension
            hints[worksheet.title] = None
        worksheet.reset_dimensions()  # read every row and column the sheet really holds
    return Register(path, "xlsx", sheets, None, workbook, hints)


def _blocks(path: Path) -> Iterator[bytes]:
    """The file in blocks that end after a line break (0x0A is never part of a UTF-8 or CP932 character)."""
    with path.open("rb") as stream:
        rest = b""
        while chunk := stream.read(BLOCK):
            data = rest + chunk
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = data
                continue
            yield data[:cut]
            rest = data[cut:]
        if rest:
            yield rest


def _family(encoding: str) -> str:
    return "utf-8" if encoding.startswith("utf-8") else encoding


def _csv_encoding(path: Path) -> tuple[str, int]:
    """(encoding, number of line breaks); ReadError if the bytes are neither UTF-8 nor CP932."""
    chosen: str | None = None
    lines = 0
    try:
        for block in _blocks(path):
            lines += block.count(b"\n")
            if block.isascii():
                continue  # ASCII reads the same in both encodings
            try:
                _, encoding = decode_csv_bytes(block)
            except NormaliseError as exc:
                raise ReadError(f"{path}: expected {exc.expected} ({exc.reason})") from None
            if chosen is None:
                chosen = encoding
            elif _family(chosen) != _family(encoding):
                raise ReadError(f"{path}: expected one encoding for the whole file, but it mixes "
                                f"{_family(chosen)} and {_family(encoding)} text")
    except OSError as exc:
        raise ReadError(f"{path}: cannot read the file: {exc.strerror}") from None
    return chosen or "utf-8", lines


def _csv_lines(path: Path, encoding: str) -> Iterator[str]:
    codec = "cp932" if encoding == "cp932" else "utf-8"
    for index, block in enumerate(_blocks(path)):
        text = block.decode("utf-8-sig" if index == 0 and codec == "utf-8" else codec)
        parts = text.split("\n")  # only LF ends a line; CR LF stays for the csv module to handle
        for part in parts[:-1]:
            yield part + "\n"
        if parts[-1]:
            yield parts[-1]


def _csv_rows(path: Path, encoding: str) -> Iterator[Row]:
    reader = csv.reader(_csv_lines(path, encoding), strict=False)
    try:
        for number, values in enumerate(reader, 1):
            yield number, tuple(values)
    except csv.Error as exc:
        raise ReadError(f"{path}: not a readable CSV file near line {reader.line_num}: {exc}") from None
