"""Reading xlsx workbooks ourselves: every part through the bounded archive and the hardened XML reader.

Why not openpyxl: it parses sheets and shared strings with the standard library's XML parser
(which expands a DOCTYPE's internal entities into the cells and ends in a traceback on external
ones), it trusts the zip's stated sizes, it keeps every shared string however long, and it raises
a bare ``ValueError`` mid-iteration for a number cell holding ``abc``. Pre-checking every part
before openpyxl would decompress and parse each part twice and still leave the last two; so the
few parts a register needs are read here, streamed, holding at most a chunk's worth of tree:

* ``_rels/.rels`` and ``xl/_rels/workbook.xml.rels`` (where the parts are), ``xl/workbook.xml``
  (sheet names and order, the 1900 or 1904 date system), ``xl/styles.xml`` (which cell styles are
  date formats), ``xl/sharedStrings.xml`` and the worksheets;
* every part via ``safety.archives.BoundedArchive`` (sizes counted while decompressing) and
  ``safety.xml.XmlPull`` (no DOCTYPE, element count and depth bounded; elements built in C, only
  whole rows (and a few small-part elements) handed to Python, the filled cells of a row chosen by
  XPath, so an empty cell costs nothing in Python; the tree trimmed after each chunk);
* every cell bounded (``safety.limits``): text length, number length, cells and filled columns per
  row, rows per sheet, elements per part and per workbook, and the shared-string table's count and
  total length.

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
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, cast

from lxml import etree

from exporter.safety import limits
from exporter.safety.archives import ArchiveError, BoundedArchive
from exporter.safety.text import shorten
from exporter.safety.xml import UnsafeXmlError, XmlLimits, XmlPull, release_before
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
_EPOCH_1900: Final = dt.datetime(1899, 12, 30)
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)


# Worksheet tags in both SpreadsheetML namespaces (transitional and strict), matched whole.
_NAMESPACES: Final = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                      "http://purl.oclc.org/ooxml/spreadsheetml/main")
_ROW, _CELL, _VALUE, _DIMENSION = range(4)
_KINDS: Final = {f"{{{ns}}}{local}": kind for ns in _NAMESPACES for local, kind in (
    ("row", _ROW), ("c", _CELL), ("v", _VALUE), ("dimension", _DIMENSION))}
_SHEET_TAGS: Final = tuple(tag for tag, kind in _KINDS.items() if kind in (_ROW, _DIMENSION))
_SHEET_DATA: Final = tuple(f"{{{ns}}}sheetData" for ns in _NAMESPACES)
_STRING_TABLE: Final = tuple(f"{{{ns}}}sst" for ns in _NAMESPACES)


def _tags(*local_names: str) -> tuple[str, ...]:
    """Tags to match in any namespace (the small parts: relationships, workbook, styles, strings)."""
    return tuple(f"{{*}}{name}" for name in local_names)


_RELATIONSHIP: Final = _tags("Relationship")


def _small_int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isascii() and text.isdigit() and len(text) <= 9 else None


def _local(tag: object) -> str:
    """An element's tag without its namespace ("" for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


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
        self.elements_read = 0  # (an upper bound: see XmlPull)
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

    def _elements(self, part: str, tags: Iterable[str], where: str | None = None, trim: Iterable[str] = ()
                  ) -> Iterator[etree._Element]:
        """The ``tags`` elements of a part as they end (in both SpreadsheetML namespaces for short names);
        ReadError (at ``where``) past a limit.

        Elements count against the part's limit and against the budget for the whole workbook
        (every read counts, re-reads too), so many parts, or one part read again and again, cannot
        add up to more work than one bounded read. An element is dropped from the tree once the
        caller has moved past it: take what is needed from it before the next one."""
        where = where or f"part {part}"
        budget = limits.WORKBOOK_ELEMENTS.value - self.elements_read
        part_limit = limits.WORKBOOK_PART_ELEMENTS.value
        pull = XmlPull(tags, name=f"{self.file}!/{part}", limits=XmlLimits(max_elements=max(1, min(part_limit, budget))),
                       trim=trim)
        try:
            last = None
            for chunk in self._archive.chunks(part):
                if last is not None and not trim:
                    release_before(last)
                ended = pull.feed(chunk)
                yield from ended
                # Hold no proxy of what is dropped next: lxml detaches an element that still has a
                # Python proxy by walking its whole subtree, which is slow for a 16,000-cell row.
                last = ended[-1] if ended else last
                del ended
            yield from pull.close()
        except ArchiveError as exc:
            raise ReadError(self.file, f"{where}: {exc.message}") from None
        except UnsafeXmlError as exc:
            if exc.code == UnsafeXmlError.TOO_MANY_ELEMENTS and budget < part_limit:
                raise ReadError(self.file, f"{where}: the parts read so far hold more than "
                                           f"{limits.WORKBOOK_ELEMENTS.value:,} elements") from None
            raise ReadError(self.file, f"{where}: {_xml_problem(exc)}") from None
        finally:
            self.elements_read += pull.tags

    def _attributes(self, part: str, tags: Iterable[str]) -> list[tuple[str, dict[str, str]]]:
        """(local name, attributes) of the ``tags`` elements of a small part, in order."""
        found: list[tuple[str, dict[str, str]]] = []
        for element in self._elements(part, tags):
            if len(found) < limits.ARCHIVE_MEMBERS.value:
                found.append((_local(element.tag), {str(k): str(v) for k, v in element.attrib.items()}))
        return found

    def _office_document(self) -> str:
        default = "xl/workbook.xml"
        if "_rels/.rels" not in self._archive:
            if default in self._archive:
                return default
            raise ReadError(self.file, "not a readable .xlsx workbook: it has no workbook part (xl/workbook.xml)")
        for attrs in (a for _, a in self._attributes("_rels/.rels", _RELATIONSHIP)):
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
        for _, attrs in self._attributes(rels, _RELATIONSHIP):
            if attrs.get("TargetMode") == "External":
                continue  # links to other files are never followed
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), _resolve(folder, attrs.get("Target", "")))
        return found

    def _sheets_and_epoch(self, part: str) -> tuple[list[tuple[str, str]], bool]:
        sheets, date1904 = [], False
        for local, attrs in self._attributes(part, _tags("sheet", "workbookPr")):
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
        for element in self._elements(part, _tags("numFmt", "xf")):
            if _local(element.tag) == "numFmt":
                format_id = _small_int(element.get("numFmtId"))
                if format_id is not None:
                    formats[format_id] = (element.get("formatCode") or "")[: limits.CELL_CHARS.value]
            else:
                parent = element.getparent()
                if parent is not None and _local(parent.tag) == "cellXfs":  # (not cellStyleXfs)
                    styles.append(_small_int(element.get("numFmtId")) or 0)
        return frozenset(index for index, format_id in enumerate(styles)
                         if (format_id in formats and is_date_format(formats[format_id]))
                         or (format_id not in formats and format_id in _BUILTIN_DATE_FORMATS))

    def _shared_strings(self, part: str) -> list[str]:
        """The shared-string table: each ``si``'s text runs, phonetic guides (``rPh``) left out."""
        strings: list[str] = []
        total, max_total = 0, limits.SHARED_STRING_CHARS.value
        for item in self._elements(part, _tags("si"), trim=_STRING_TABLE):
            if len(strings) >= limits.SHARED_STRINGS.value:
                raise ReadError(self.file, f"part {part}: more than {limits.SHARED_STRINGS.value:,} shared strings")
            text = _runs(item)
            if len(text) > limits.CELL_CHARS.value:
                raise ReadError(self.file, f"part {part}: shared string {len(strings)} is longer than "
                                           f"{limits.CELL_CHARS.value:,} characters, Excel's limit for a cell")
            total += len(text)
            if total > max_total:
                raise ReadError(self.file, f"part {part}: the shared strings hold more than {max_total:,} characters")
            strings.append(text)
        return strings

    # --- rows ----------------------------------------------------------------------------------

    def rows(self, sheet: str, *, max_col: int | None = None) -> Iterator[Row]:
        """(row number, values) for each row the sheet holds, in order; values up to the last filled cell."""
        part = self.sheet_parts[sheet]
        reader = _SheetRows(self, sheet, max_col)
        for element in self._elements(part, _SHEET_TAGS, f"sheet {sheet!r} (part {part})", trim=_SHEET_DATA):
            row = reader.element(element)
            if row is not None:
                yield row


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute ("/xl/x.xml") or relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)


def _xml_problem(exc: UnsafeXmlError) -> str:
    """The refusal in our words where libxml2's would point at a parser option (XML_PARSE_HUGE)."""
    line = f" (line {exc.line})" if exc.line else ""
    if exc.code == UnsafeXmlError.TOO_DEEP:
        return f"elements are nested deeper than {limits.XML_DEPTH.value}{line}"
    if exc.code == UnsafeXmlError.TOO_LARGE:
        return f"a text or attribute is longer than the XML reader allows (10,000,000 characters){line}"
    return f"{exc.message}{line}"


def _runs(element: etree._Element) -> str:
    """The text of a shared string (``si``) or inline string (``is``): its ``t`` and ``r/t`` runs, in
    order; phonetic guides (``rPh``, the furigana of Japanese text) are not part of the text."""
    if len(element) == 1:  # the usual string: one plain run
        only = element[0]
        if _local(only.tag) == "t":
            return only.text or ""
    pieces = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "r":
            pieces.extend(run.text or "" for run in child if _local(run.tag) == "t")
    return "".join(pieces)


class _SheetRows:
    """Turns a worksheet's ended ``row`` and ``dimension`` elements into rows.

    Every row the sheet holds comes out, empty or not (so a reader looking for a header in the first
    rows stops there); rows the sheet leaves out are not made up. Only rows reach Python as events
    (libxml2 matches the tags in C); their cells are read from the row's children, which costs far
    less per cell than an event each."""

    def __init__(self, workbook: Workbook, sheet: str, max_col: int | None) -> None:
        self.workbook = workbook
        self.sheet = sheet
        self.max_col = max_col
        self.max_columns = limits.REGISTER_COLUMNS.value
        self.max_rows = limits.REGISTER_ROWS.value
        self.rows_seen = 0
        self.row_number = 0
        self.column = -1

    def element(self, element: etree._Element) -> Row | None:
        """Take one ended element; the row, if it was one."""
        if _KINDS[element.tag] == _ROW:
            return self._row(element)
        match = _REF.match((element.get("ref") or "").rpartition(":")[2])
        self.workbook.dimensions[self.sheet] = int(match.group(2)) if match else None
        return None

    def _row(self, row: etree._Element) -> Row:
        self.rows_seen += 1
        if self.rows_seen > self.max_rows:
            raise ReadError(self.workbook.file, f"the sheet has more than {self.max_rows:,} rows: split the register",
                            sheet=self.sheet)
        number = row.get("r")
        self.row_number = int(number) if number and number.isdigit() and len(number) < 8 \
            and int(number) > self.row_number else self.row_number + 1
        self.column = -1
        if len(row) > limits.ROW_CELLS.value:
            raise ReadError(self.workbook.file, f"row {self.row_number} has more than {limits.ROW_CELLS.value:,} "
                                                "cells, Excel's limit", sheet=self.sheet)
        values: dict[int, Any] = {}
        previous: etree._Element | None = None
        for cell in cast(list[etree._Element], _FILLED_CELLS(row)):  # (chosen in C: empty cells cost nothing)
            ref = cell.get("r")
            if ref is None:
                self.column = _column_after(cell, previous, self.column)
            else:
                column = _column_of(ref.rstrip(_DIGITS))
                if column is None or not ref[-1:].isdigit():
                    raise self._error(ref, f"the cell reference {shorten(ref, 20)} is not a cell such as B7")
                self.column = column
            previous = cell
            if self.max_col is not None and self.column >= self.max_col:
                continue  # a first pass over some columns (the IDs): the full pass reads and checks the rest
            value = self._value(cell, cell.get("t", "n"))
            if value is None:
                continue
            if self.column >= self.max_columns:
                raise self._error(None, f"a value beyond column {column_letter(self.max_columns - 1)} "
                                        f"(at most {self.max_columns:,} columns are read)")
            if self.max_col is None or self.column < self.max_col:
                values[self.column] = value
        width = max(values) + 1 if values else 0
        return self.row_number, tuple(values.get(i) for i in range(width))

    def _value(self, cell: etree._Element, kind: str) -> Any:
        text = ""
        if kind == "inlineStr":
            for child in cell:
                if _local(child.tag) == "is":
                    text = _runs(child)
                    break
        else:
            for child in cell:
                if _KINDS.get(child.tag) == _VALUE:
                    text = child.text or ""
                    break
        if len(text) > limits.CELL_CHARS.value:
            raise self._error(None, f"the cell holds more than {limits.CELL_CHARS.value:,} characters, Excel's "
                                    "limit for a cell")
        if kind == "inlineStr":
            return text
        if not text:
            return None
        if kind == "s":
            index = _small_int(text.strip())
            if index is None or index >= len(self.workbook.shared):
                raise self._error(None, f"the cell points at shared string {shorten(text, 20)}, but the workbook "
                                        f"has {len(self.workbook.shared):,}")
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
        return self._number(text.strip(), _small_int(cell.get("s")) or 0)

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


_DIGITS: Final = "0123456789"
# The cells of a row that hold something (a value, an inline string, a formula), in both namespaces.
_FILLED_CELLS: Final = etree.XPath("m:c[*] | s:c[*]", namespaces={"m": _NAMESPACES[0], "s": _NAMESPACES[1]})


def _column_after(cell: etree._Element, previous: etree._Element | None, previous_column: int) -> int:
    """The column of a cell without a reference: one more than the cell before it, whose column is
    known from its own reference, or from ``previous`` (the last filled cell), or from the row's start."""
    steps = 1
    node = cell.getprevious()
    while node is not None and node is not previous:
        ref = node.get("r")
        if ref is not None and (column := _column_of(ref.rstrip(_DIGITS))) is not None:
            return column + steps
        steps += 1
        node = node.getprevious()
    return (previous_column if node is not None else -1) + steps


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)  # a sheet's columns repeat on every row
def _column_of(letters: str) -> int | None:
    """0-based column of ``letters`` (A -> 0, XFD -> 16383), or None if they are not column letters."""
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isupper() or not letters.isalpha():
        return None
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
