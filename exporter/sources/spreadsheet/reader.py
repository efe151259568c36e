"""Reading register files row by row, without holding the file in memory.

Workbooks (.xlsx, .xlsm) are read by ``xlsx.Workbook``: every part through the bounded archive
reader and the hardened XML reader, streamed (see that module for why not openpyxl); the declared
sheet dimensions are ignored (some tools write them wrong), so every row the sheet holds is read.
CSV files are read in blocks of whole lines (a line ends at LF, CR LF or a lone CR): a first pass
decides the encoding (UTF-8 with or without BOM, else CP932, via ``normalise.decode_csv_bytes`` on
each block) and refuses control characters and endless lines; a second pass decodes and parses.
Both passes are linear in the file's size. Rows come out as ``(row number, values)``: row numbers
as a spreadsheet shows them (1-based; for CSV the record number, so a quoted line break does not
shift them), values as the cells hold them (str, int, float, datetime, bool or None; CSV gives
str). Every bound is in ``safety.limits``.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from exporter.notation import NormaliseError
from exporter.safety import limits
from exporter.safety.text import CONTROL_CHARACTERS, line_and_column
from exporter.sources.spreadsheet.normalise import decode_csv_bytes

if TYPE_CHECKING:
    from exporter.sources.spreadsheet.xlsx import Workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
BLOCK = 1 << 20  # CSV bytes per block, cut after the last line break

Row = tuple[int, tuple[Any, ...]]

_LINE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class ReadError(Exception):
    """The register cannot be read at all (missing, not a workbook, undecodable or damaged), and where."""

    def __init__(self, file: str, message: str, *, sheet: str | None = None, cell: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        self.file = file
        self.message = message
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        parts = [where]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts) + f": {self.message}"


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
    _workbook: Workbook | None = field(default=None, repr=False)
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
        """Rows the sheet says it has (a hint for the progress bar; may be wrong or None).

        For a workbook sheet, known once the sheet has been read (its header found)."""
        if self._workbook is not None:
            return self._workbook.dimensions.get(sheet)
        return self._size_hints.get(sheet)

    def rows(self, sheet: str, *, max_col: int | None = None) -> Iterator[Row]:
        if self._workbook is None:
            yield from _csv_rows(self.path, self.encoding or "utf-8")
            return
        yield from self._workbook.rows(sheet, max_col=max_col)


def open_register(path: Path) -> Register:
    """Open a .xlsx/.xlsm workbook or a .csv file; raise ReadError if it cannot be read."""
    suffix = path.suffix.lower()
    try:
        is_file = path.is_file()  # (raises for a folder that may not be searched)
    except OSError as exc:
        raise ReadError(str(path), f"cannot read the file: {(exc.strerror or str(exc)).lower()}") from None
    if not is_file:
        raise ReadError(str(path), "no such file")
    if suffix in CSV_SUFFIXES:
        encoding, lines = _csv_encoding(path)
        if lines > limits.REGISTER_ROWS.value:
            raise ReadError(str(path), f"the file has {lines:,} lines; at most {limits.REGISTER_ROWS.value:,} rows "
                                       "are read: split the register")
        return Register(path, "csv", [""], encoding, _size_hints={"": lines})
    if suffix not in WORKBOOK_SUFFIXES:
        raise ReadError(str(path), "expected an .xlsx or .xlsm workbook or a .csv file "
                                   "(save .xls or .ods workbooks as .xlsx)")
    from exporter.sources.spreadsheet.xlsx import Workbook  # CSV-only runs and workers need not load it

    workbook = Workbook(path)
    return Register(path, "xlsx", list(workbook.sheets), None, workbook)


def _blocks(path: Path) -> Iterator[bytes]:
    """The file in blocks that end after a line break; ReadError for a line longer than the limit.

    LF and CR (0x0A, 0x0D) are never part of a UTF-8 or CP932 character, so a cut after one never
    splits a character; a CR that ends the data read so far is kept for the next block, in case an
    LF follows it. The carried-over rest is bounded by the line limit, so reading is linear.
    """
    max_line = limits.CSV_LINE_BYTES.value
    lines = 0
    with path.open("rb") as stream:
        rest = b""
        while chunk := stream.read(BLOCK):
            data = rest + chunk
            cut = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1
            if cut == 0:
                if len(data) > max_line:
                    raise ReadError(str(path), f"line {lines + 1} is longer than {max_line:,} bytes: "
                                               "expected a CSV register with one row per line", line=lines + 1)
                rest = data
                continue
            block, rest = data[:cut], data[cut:]
            lines += _line_breaks(block)
            yield block
        if rest:
            yield rest


def _line_breaks(block: bytes) -> int:
    return block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")


def _family(encoding: str) -> str:
    return "utf-8" if encoding.startswith("utf-8") else encoding


def _csv_encoding(path: Path) -> tuple[str, int]:
    """(encoding, number of lines); ReadError if the bytes are neither UTF-8 nor CP932, mix the two,
    or hold control characters."""
    chosen: str | None = None
    lines = 0
    file = str(path)
    try:
        for block in _blocks(path):
            if block.isascii():
                text = block.decode("ascii")  # ASCII reads the same in both encodings
            else:
                try:
                    text, encoding = decode_csv_bytes(block)
                except NormaliseError as exc:
                    raise ReadError(file, f"expected {exc.expected} ({exc.reason})") from None
                if chosen is None:
                    chosen = encoding
                elif _family(chosen) != _family(encoding):
                    raise ReadError(file, f"expected one encoding for the whole file, but it mixes "
                                          f"{_family(chosen)} and {_family(encoding)} text")
            _refuse_controls(file, text, lines)
            lines += _line_breaks(block)
    except OSError as exc:
        raise ReadError(file, f"cannot read the file: {exc.strerror}") from None
    return chosen or "utf-8", lines


def _refuse_controls(file: str, text: str, lines_before: int) -> None:
    found = CONTROL_CHARACTERS.search(text)
    if found is None:
        return
    line, column = line_and_column(text, found.start())
    raise ReadError(file, f"expected text, found the control character U+{ord(found.group()):04X}",
                    line=lines_before + line, column=column)


def _csv_lines(path: Path, encoding: str) -> Iterator[str]:
    codec = "cp932" if encoding == "cp932" else "utf-8"
    for index, block in enumerate(_blocks(path)):
        text = block.decode("utf-8-sig" if index == 0 and codec == "utf-8" else codec)
        for line in _LINE.finditer(text):
            yield line.group()


def _csv_rows(path: Path, encoding: str) -> Iterator[Row]:
    file = str(path)
    reader = csv.reader(_csv_lines(path, encoding), strict=False)
    number = 0
    try:
        for number, values in enumerate(reader, 1):
            _check_csv_row(file, number, reader.line_num, values)
            yield number, tuple(values)
    except csv.Error:
        # The one error csv raises with strict=False: a field past csv's own limit (an unclosed quote).
        raise ReadError(file, f"record {number + 1} has a field longer than {csv.field_size_limit():,} "
                              "characters (is a closing quote missing?)", line=reader.line_num) from None


def _check_csv_row(file: str, number: int, line: int, values: list[str]) -> None:
    if len(values) > limits.REGISTER_COLUMNS.value:
        raise ReadError(file, f"record {number} has {len(values):,} fields; at most "
                              f"{limits.REGISTER_COLUMNS.value:,} columns are read", line=line)
    for index, value in enumerate(values):
        if len(value) > limits.CELL_CHARS.value:
            raise ReadError(file, f"record {number}, column {column_letter(index)}: the field holds "
                                  f"{len(value):,} characters; at most {limits.CELL_CHARS.value:,} (Excel's limit "
                                  "for a cell)", line=line)
