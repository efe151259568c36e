"""Reading xlsx workbooks ourselves: every part through the bounded archive and the hardened XML reader.

Why not openpyxl: it parses sheets and shared strings with the standard library's XML parser
(which expands a DOCTYPE's internal entities into the cells and ends in a traceback on external
ones), it trusts the zip's stated sizes, it keeps every shared string however long, and it raises
a bare ``ValueError`` mid-iteration for a number cell holding ``abc``. Pre-checking every part
before openpyxl would decompress and parse each part twice and still leave the last two; so the
few parts a register needs are read here, streamed, with no tree built:

* ``_rels/.rels`` and ``xl/_rels/workbook.xml.rels`` (where the parts are), ``xl/workbook.xml``
  (sheet names and order, the 1900 or 1904 date system), ``xl/styles.xml`` (which cell styles are
  date formats), ``xl/sharedStrings.xml`` and the worksheets;
* every part via ``safety.archives.BoundedArchive`` (sizes counted while decompressing) and
  ``safety.xml.XmlStream`` (no DOCTYPE, element count and depth bounded);
* every cell bounded (``safety.limits``): text length, number length, columns per row, and the
  shared-string table's count and total length.

Values come out as openpyxl's read-only, ``data_only`` mode gave them, so the normalisers see the
same thing: ``str`` for texts (phonetic guides left out), ``int``/``float`` for numbers, ``datetime``
(or ``time``) for date-formatted numbers, ``bool``, error texts such as ``#N/A`` as ``str``, cached
results for formulas. A cell that cannot be what its type says (a number cell holding ``abc`` or
``NaN``, a shared-string index past the table) is a :class:`ReadError` naming the sheet and cell.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from exporter.safety import limits
from exporter.safety.archives import ArchiveError, BoundedArchive
from exporter.safety.text import shorten
from exporter.safety.xml import UnsafeXmlError, XmlLimits, XmlStream
from exporter.sources.spreadsheet.reader import ReadError, Row, column_letter

_REL_NS_SUFFIX: Final = "/relationships"
_OFFICE_DOCUMENT: Final = "/officeDocument"
_WORKSHEET: Final = "/worksheet"
_SHARED_STRINGS: Final = "/sharedStrings"
_STYLES: Final = "/styles"
_REF: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")
_INTEGER: Final = re.compile(r"[-+]?[0-9]+$")
_NUMBER: Final = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
# Built-in number formats that are dates or times: 14-22 and 45-47 everywhere, 27-36 and 50-58 in
# the East Asian locales (Japanese workbooks use them for 平成27年7月13日 and the like).
_BUILTIN_DATE_FORMATS: Final = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
# In a format code: quoted literals, escaped characters and [colour]/[$-411] sections are not date parts.
_FORMAT_NOISE: Final = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?!h\]|m\]|s\])[^\]]*\]')
_DATE_PART: Final = re.compile(r"[dmyhsDMYHS]")  # (era codes g and e come with y, m or d)
_GENERAL: Final = re.compile("general", re.IGNORECASE)
_ELAPSED: Final = re.compile(r"\[(?:h|m|s)\]", re.IGNORECASE)
_PART_LIMITS: Final = XmlLimits(max_elements=limits.WORKBOOK_PART_ELEMENTS.value)
_EPOCH_1900: Final = dt.datetime(1899, 12, 30)
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def is_date_format(code: str) -> bool:
    """Whether a number format code shows a date or time (elapsed-time formats such as [h]:mm do not)."""
    first = code.split(";", 1)[0]
    if _ELAPSED.search(first):
        return False
    return bool(_DATE_PART.search(_GENERAL.sub("", _FORMAT_NOISE.sub("", first))))


class Workbook:
    """An xlsx workbook open for reading sheets row by row. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.dimensions: dict[str, int | None] = {}  # rows each sheet declares, once it has been read
        try:
            self._archive = BoundedArchive(path)
        except ArchiveError as exc:
            raise ReadError(self.file, f"not a readable .xlsx workbook: {exc.message}") from None
        try:
            self._load()
        except BaseException:
            self._archive.close()
            raise

    def close(self) -> None:
        self._archive.close()

    # --- the workbook's structure ------------------------------------------------------------

    def _load(self) -> None:
        workbook_part = self._office_document()
        relations = self._relations(workbook_part)
        names, date1904 = self._sheets_and_epoch(workbook_part)
        self.sheet_parts: dict[str, str] = {}
        for name, rel_id in names:
            target = relations.get(rel_id)
            if target is not None and target[0].endswith(_WORKSHEET):
                self.sheet_parts[name] = target[1]
        self.sheets = list(self.sheet_parts)
        self.epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        by_type = {kind.rpartition("/")[2]: part for kind, part in relations.values()}
        styles = by_type.get(_STYLES[1:])
        self.date_styles = self._date_styles(styles) if styles else frozenset()
        strings = by_type.get(_SHARED_STRINGS[1:])
        self.shared: list[str] = self._shared_strings(strings) if strings else []

    def _events(self, part: str, wanted: frozenset[str]) -> list[tuple[str, dict[str, str]]]:
        """(local name, attributes) of the ``wanted`` elements of a small part, in order."""
        collector = _Collector(wanted)
        self._parse(part, collector)
        return collector.found

    def _parse(self, part: str, handler: Any) -> None:
        stream = XmlStream(handler, name=f"{self.file}!/{part}", limits=_PART_LIMITS)
        try:
            for chunk in self._archive.chunks(part):
                stream.feed(chunk)
            stream.close()
        except ArchiveError as exc:
            raise ReadError(self.file, f"part {part}: {exc.message}") from None
        except UnsafeXmlError as exc:
            raise ReadError(self.file, f"part {part}: {_xml_problem(exc)}") from None

    def _office_document(self) -> str:
        default = "xl/workbook.xml"
        if "_rels/.rels" not in self._archive:
            if default in self._archive:
                return default
            raise ReadError(self.file, "not a readable .xlsx workbook: it has no workbook part (xl/workbook.xml)")
        for attrs in (a for _, a in self._events("_rels/.rels", frozenset({"Relationship"}))):
            if attrs.get("Type", "").endswith(_OFFICE_DOCUMENT):
                part = _resolve("", attrs.get("Target", ""))
                if part in self._archive:
                    return part
        raise ReadError(self.file, "not a readable .xlsx workbook: it names no workbook part "
                                   "(is it a Word or PowerPoint file?)")

    def _relations(self, source_part: str) -> dict[str, tuple[str, str]]:
        """Relationship ID -> (type, part name) for the parts ``source_part`` refers to."""
        folder, _, name = source_part.rpartition("/")
        rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        if rels not in self._archive:
            return {}
        found = {}
        for _, attrs in self._events(rels, frozenset({"Relationship"})):
            if attrs.get("TargetMode") == "External":
                continue  # links to other files are never followed
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), _resolve(folder, attrs.get("Target", "")))
        return found

    def _sheets_and_epoch(self, part: str) -> tuple[list[tuple[str, str]], bool]:
        sheets, date1904 = [], False
        for local, attrs in self._events(part, frozenset({"sheet", "workbookPr"})):
            if local == "workbookPr":
                date1904 = attrs.get("date1904", "0").lower() in ("1", "true")
                continue
            rel_id = next((v for k, v in attrs.items() if _local(k) == "id" and k.startswith("{")), "")
            sheets.append((attrs.get("name", ""), rel_id))
        return sheets, date1904

    def _date_styles(self, part: str) -> frozenset[int]:
        """Indexes of the cell styles (``s`` attributes) whose number format is a date or time."""
        formats: dict[int, str] = {}
        styles: list[int] = []
        collector = _StyleCollector(formats, styles)
        self._parse(part, collector)
        return frozenset(index for index, format_id in enumerate(styles)
                         if (format_id in formats and is_date_format(formats[format_id]))
                         or (format_id not in formats and format_id in _BUILTIN_DATE_FORMATS))

    def _shared_strings(self, part: str) -> list[str]:
        collector = _SharedStrings(self.file, part)
        self._parse(part, collector)
        return collector.strings

    # --- rows ----------------------------------------------------------------------------------

    def rows(self, sheet: str, *, max_col: int | None = None) -> Iterator[Row]:
        """(row number, values) for each row the sheet holds, in order; values up to the last filled cell."""
        part = self.sheet_parts[sheet]
        handler = _SheetRows(self, sheet, max_col)
        stream = XmlStream(handler, name=f"{self.file}!/{part}", limits=_PART_LIMITS)
        try:
            for chunk in self._archive.chunks(part):
                stream.feed(chunk)
                yield from handler.take()
            stream.close()
        except ArchiveError as exc:
            raise ReadError(self.file, f"sheet {sheet!r} (part {part}): {exc.message}") from None
        except UnsafeXmlError as exc:
            raise ReadError(self.file, f"sheet {sheet!r} (part {part}): {_xml_problem(exc)}") from None
        yield from handler.take()


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute ("/xl/x.xml") or relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)


def _xml_problem(exc: UnsafeXmlError) -> str:
    line = f" (line {exc.line})" if exc.line else ""
    return f"{exc.message}{line}"


class _Collector:
    """Keeps (local name, attributes) of the wanted elements."""

    def __init__(self, wanted: frozenset[str]) -> None:
        self.wanted = wanted
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        local = _local(tag)
        if local in self.wanted and len(self.found) < limits.ARCHIVE_MEMBERS.value:
            self.found.append((local, dict(attrib)))

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass


class _StyleCollector:
    """numFmt id -> format code, and each cellXfs entry's numFmtId, from styles.xml."""

    def __init__(self, formats: dict[int, str], styles: list[int]) -> None:
        self.formats = formats
        self.styles = styles
        self.in_cell_xfs = False

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        local = _local(tag)
        if local == "numFmt":
            format_id = _small_int(attrib.get("numFmtId"))
            if format_id is not None:
                self.formats[format_id] = attrib.get("formatCode", "")[: limits.CELL_CHARS.value]
        elif local == "cellXfs":
            self.in_cell_xfs = True
        elif local == "xf" and self.in_cell_xfs:
            self.styles.append(_small_int(attrib.get("numFmtId")) or 0)

    def end(self, tag: str) -> None:
        if _local(tag) == "cellXfs":
            self.in_cell_xfs = False

    def data(self, text: str) -> None:
        pass


def _small_int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isascii() and text.isdigit() and len(text) <= 9 else None


# Worksheet tags in both SpreadsheetML namespaces (transitional and strict), matched whole: the
# handlers below run once per element, so they avoid splitting tags.
_NAMESPACES: Final = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                      "http://purl.oclc.org/ooxml/spreadsheetml/main")
_ROW, _CELL, _VALUE, _TEXT, _PHONETIC, _DIMENSION = range(6)
_SHEET_TAGS: Final = {f"{{{ns}}}{local}": kind for ns in _NAMESPACES for local, kind in (
    ("row", _ROW), ("c", _CELL), ("v", _VALUE), ("t", _TEXT), ("rPh", _PHONETIC), ("dimension", _DIMENSION))}


_ITEM: Final = 6
_STRING_TAGS: Final = {f"{{{ns}}}{local}": kind for ns in _NAMESPACES for local, kind in (
    ("si", _ITEM), ("t", _TEXT), ("rPh", _PHONETIC))}


class _SharedStrings:
    """The shared-string table: each ``si``'s text runs (``t``, ``r/t``), phonetic guides (``rPh``) left out."""

    def __init__(self, file: str, part: str) -> None:
        self.file = file
        self.part = part
        self.strings: list[str] = []
        self.total = 0
        self.pieces: list[str] = []
        self.length = 0
        self.in_text = False
        self.phonetic = 0

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        kind = _STRING_TAGS.get(tag)
        if kind == _ITEM:
            self.pieces, self.length = [], 0
        elif kind == _PHONETIC:
            self.phonetic += 1
        elif kind == _TEXT and not self.phonetic:
            self.in_text = True

    def end(self, tag: str) -> None:
        kind = _STRING_TAGS.get(tag)
        if kind == _TEXT:
            self.in_text = False
        elif kind == _PHONETIC:
            self.phonetic -= 1
        elif kind == _ITEM:
            if len(self.strings) >= limits.SHARED_STRINGS.value:
                raise ReadError(self.file, f"part {self.part}: more than {limits.SHARED_STRINGS.value:,} shared "
                                           "strings")
            self.strings.append("".join(self.pieces))
            self.pieces = []

    def data(self, text: str) -> None:
        if not self.in_text:
            return
        self.length += len(text)
        self.total += len(text)
        if self.length > limits.CELL_CHARS.value:
            raise ReadError(self.file, f"part {self.part}: shared string {len(self.strings)} is longer than "
                                       f"{limits.CELL_CHARS.value:,} characters, Excel's limit for a cell")
        if self.total > limits.SHARED_STRING_CHARS.value:
            raise ReadError(self.file, f"part {self.part}: the shared strings hold more than "
                                       f"{limits.SHARED_STRING_CHARS.value:,} characters")
        self.pieces.append(text)


class _SheetRows:
    """Builds rows from a worksheet's events; ``take()`` hands over the rows finished so far.

    Rows without a value are left out (their numbers are skipped, as a spreadsheet shows them)."""

    def __init__(self, workbook: Workbook, sheet: str, max_col: int | None) -> None:
        self.workbook = workbook
        self.sheet = sheet
        self.max_col = max_col
        self.max_columns = limits.REGISTER_COLUMNS.value
        self.max_chars = limits.CELL_CHARS.value
        self.done: list[Row] = []
        self.row_number = 0
        self.values: dict[int, Any] = {}
        self.column = -1
        self.cell: tuple[str | None, str, int] | None = None  # (reference, type, style)
        self.text: list[str] | None = None  # collecting a <v> or an inline <t>
        self.length = 0
        self.cell_text: list[str] = []
        self.phonetic = 0

    def take(self) -> list[Row]:
        done, self.done = self.done, []
        return done

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        kind = _SHEET_TAGS.get(tag)
        if kind is None:
            return
        if kind == _CELL:
            self._start_cell(attrib)
        elif kind == _ROW:
            number = attrib.get("r")
            self.row_number = int(number) if number and number.isdigit() and len(number) < 8 \
                and int(number) > self.row_number else self.row_number + 1
            self.column = -1
        elif self.cell is not None:
            if kind == _PHONETIC:
                self.phonetic += 1
            elif (kind == _VALUE or (kind == _TEXT and not self.phonetic)) and self.text is None:
                self.text = []
        elif kind == _DIMENSION:
            self._dimension(attrib.get("ref", ""))

    def _start_cell(self, attrib: Mapping[str, str]) -> None:
        ref = attrib.get("r")
        column = self.column + 1
        if ref is not None:
            match = _REF.match(ref)
            if match is None:
                raise self._error(ref, f"the cell reference {shorten(ref, 20)} is not a cell such as B7")
            column = _column_index(match.group(1))
        self.column = column
        self.cell = (ref, attrib.get("t", "n"), _small_int(attrib.get("s")) or 0)
        self.cell_text, self.length, self.text = [], 0, None

    def _dimension(self, ref: str) -> None:
        match = _REF.match(ref.rpartition(":")[2])
        self.workbook.dimensions[self.sheet] = int(match.group(2)) if match else None

    def data(self, text: str) -> None:
        if self.text is None:
            return
        self.length += len(text)
        if self.length > self.max_chars:
            raise self._error(None, f"the cell holds more than {self.max_chars:,} characters, Excel's limit for a cell")
        self.text.append(text)

    def end(self, tag: str) -> None:
        kind = _SHEET_TAGS.get(tag)
        if kind is None:
            return
        if kind == _CELL:
            if self.cell is not None:
                self._end_cell()
        elif kind == _ROW:
            if self.values:
                width = max(self.values) + 1
                self.done.append((self.row_number, tuple(self.values.get(i) for i in range(width))))
                self.values = {}
        elif self.text is not None and kind in (_VALUE, _TEXT):
            self.cell_text.append("".join(self.text))
            self.text = None
        elif kind == _PHONETIC:
            self.phonetic -= 1

    def _end_cell(self) -> None:
        value = self._value()
        if value is not None:
            if self.column >= self.max_columns:
                raise self._error(None, f"a value beyond column {column_letter(self.max_columns - 1)} "
                                        f"(at most {self.max_columns:,} columns are read)")
            if self.max_col is None or self.column < self.max_col:
                self.values[self.column] = value
        self.cell = None

    def _value(self) -> Any:
        assert self.cell is not None
        _ref, kind, style = self.cell
        text = "".join(self.cell_text)
        if kind == "inlineStr":
            return text
        if not text:
            return None
        if kind == "s":
            index = _small_int(text.strip())
            if index is None or index >= len(self.workbook.shared):
                raise self._error(None, f"the cell points at shared string {text[:20]!r}, but the workbook has "
                                        f"{len(self.workbook.shared):,}")
            return self.workbook.shared[index]
        if kind in ("str", "e"):
            return text
        if kind == "b":
            if text.strip() in ("1", "true"):
                return True
            if text.strip() in ("0", "false"):
                return False
            raise self._error(None, f"expected 0 or 1 in a true/false cell, got {shorten(text)}")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(text.strip())
            except ValueError:
                raise self._error(None, f"expected an ISO 8601 date in a date cell, got {shorten(text)}") from None
        return self._number(text.strip(), style)

    def _number(self, text: str, style: int) -> int | float | dt.datetime | dt.time:
        if len(text) > limits.NUMBER_CELL_CHARS.value or not _NUMBER.match(text):
            raise self._error(None, f"expected a number in a number cell, got {shorten(text)}")
        number: int | float = int(text) if _INTEGER.match(text) else float(text)
        if isinstance(number, float) and number in (float("inf"), float("-inf")):
            raise self._error(None, f"expected a finite number in a number cell, got {shorten(text)}")
        if style in self.workbook.date_styles:
            return self._date(number, text)
        return number

    def _date(self, serial: float, text: str) -> dt.datetime | dt.time:
        """An Excel date serial as openpyxl gives it: a time for 0 <= serial < 1, else a datetime."""
        if not -693594 < serial < 2958466:
            raise self._error(None, f"expected a date serial from 1 to 2958465 in a date-formatted cell, got "
                                    f"{shorten(text)}")
        day, fraction = divmod(serial, 1)
        moment = dt.timedelta(milliseconds=round(fraction * 86_400_000))
        if 0 <= serial < 1 and moment.days == 0:
            return (dt.datetime.min + moment).time()
        if self.workbook.epoch == _EPOCH_1900 and 0 < serial < 60:
            day += 1  # Excel counts a 29 February 1900 that never was
        return self.workbook.epoch + dt.timedelta(days=day) + moment

    def _error(self, ref: str | None, message: str) -> ReadError:
        cell = ref or (f"{column_letter(self.column)}{self.row_number}" if self.column >= 0 else None)
        return ReadError(self.workbook.file, message, sheet=self.sheet, cell=cell)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
