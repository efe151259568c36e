"""The two register layouts, read into one ``Record`` per source issuance.

Layout a: one sheet (a workbook's first sheet with a recognisable header row, or a CSV file), one
row per issuance, the allotment in one text cell. Layout b: a workbook with a sheet ``Issuances``
(one row per issuance, with an ``ID`` column) and a sheet ``Allotments`` (``ID``, category, persons,
rights; one row per category). Sheet names match like headers (case, width and spaces do not count;
``発行`` / ``割当`` also work).

The header row is the first of a sheet's first 20 rows holding at least three recognised headers;
rows above it (titles, notes) are skipped and reported. Every later row with any value is an
issuance (layout a and sheet Issuances) or an allotment (sheet Allotments): nothing is dropped.
Columns whose header we do not recognise, and values under empty headers, are reported as unused.

Layout b reads the Allotments sheet first and keeps its rows, grouped by ID, until their issuance
comes; the Issuances sheet is streamed twice (a first pass over the ID column finds duplicates).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from exporter.notation import header_key, normalise_text
from exporter.sources.spreadsheet.fields import Table
from exporter.sources.spreadsheet.headers import (
    ALLOTMENT_SHEETS,
    ISSUANCE_SHEETS,
    HeaderMap,
    spec,
)
from exporter.sources.spreadsheet.problems import CellRef, Problem
from exporter.sources.spreadsheet.reader import Register, Row, column_letter

HEADER_SCAN_ROWS = 20
MIN_HEADERS = 3
MAX_ROWS_LISTED = 10  # rows listed for a column with values under an empty header

Layout = Literal["a", "b"]


class LayoutError(Exception):
    """The register's structure cannot be read: no header row, or a layout b sheet without IDs."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Column:
    sheet: str | None
    index: int
    header: str  # as written, whitespace collapsed
    field: str | None  # None: not used
    lang: str | None = None
    reason: str | None = None  # why a column is unused
    also: tuple[str, ...] = ()  # other fields the heading names; the row's kind (or the cell) chooses

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sheet": self.sheet, "column": self.letter, "header": self.header,
                                "field": self.field}
        if self.also:
            data["also"] = list(self.also)
        if self.lang:
            data["language"] = self.lang
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class Cell:
    """One bound cell of a row: the field it feeds, the language its header marks, where and what."""

    field: str
    lang: str | None
    ref: CellRef
    also: tuple[str, ...] = ()  # other fields the heading names

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.also)

    @property
    def value(self) -> Any:
        return self.ref.value

    @property
    def empty(self) -> bool:
        return is_empty(self.ref.value)


@dataclass(frozen=True)
class SourceRow:
    sheet: str | None
    row: int
    cells: tuple[Cell, ...]

    def first(self, field_key: str) -> Cell | None:
        return next((c for c in self.cells if c.field == field_key), None)


@dataclass(frozen=True)
class Record:
    """One source issuance: its row, its allotment rows (layout b) and any structural problems."""

    index: int  # 0-based position among the source's issuances
    file: str
    layout: Layout
    main: SourceRow
    id: str | None = None
    allotments: tuple[SourceRow, ...] | None = None  # layout b only
    problems: tuple[Problem, ...] = ()

    def source(self) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.file, "sheet": self.main.sheet, "rows": [self.main.row]}
        if self.id is not None:
            data["id"] = self.id
        if self.allotments is not None:
            sheet = self.allotments[0].sheet if self.allotments else None
            data["allotment_rows"] = {"sheet": sheet, "rows": [r.row for r in self.allotments]}
        return data


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class SheetPlan:
    sheet: str | None
    table: Table
    header_row: int
    columns: list[Column]
    skipped_rows: list[int] = field(default_factory=list)  # non-empty rows above the header row
    data_without_header: dict[int, list[int]] = field(default_factory=dict)  # column -> rows (first few)
    data_without_header_count: Counter[int] = field(default_factory=Counter)
    rows_read: int = 0

    @property
    def bound(self) -> list[Column]:
        return [c for c in self.columns if c.field is not None]

    @property
    def unused(self) -> list[Column]:
        return [c for c in self.columns if c.field is None]

    def unused_report(self) -> list[dict[str, Any]]:
        found = [c.to_dict() for c in self.unused]
        for index in sorted(self.data_without_header):
            rows = self.data_without_header[index]
            count = self.data_without_header_count[index]
            more = f" and {count - len(rows)} more" if count > len(rows) else ""
            found.append({"sheet": self.sheet, "column": column_letter(index), "header": None, "field": None,
                          "reason": f"values under an empty header (rows {', '.join(map(str, rows))}{more})"})
        return found


@dataclass
class Plan:
    """What was found in the register: layout, sheets, header rows, columns; filled in while reading."""

    file: str
    format: str
    encoding: str | None
    layout: Layout
    sheets: dict[str, SheetPlan]  # table -> plan
    other_sheets: list[str]
    problems: list[Problem] = field(default_factory=list)  # register-level: rows that belong to no issuance

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "encoding": self.encoding,
            "layout": self.layout,
            "sheets": {table: {"sheet": p.sheet, "header_row": p.header_row, "rows_skipped_above_header":
                               p.skipped_rows} for table, p in self.sheets.items()},
            "sheets_not_read": self.other_sheets,
        }

    def columns(self) -> list[dict[str, Any]]:
        return [c.to_dict() for p in self.sheets.values() for c in p.bound]

    def unused_columns(self) -> list[dict[str, Any]]:
        found = [item for p in self.sheets.values() for item in p.unused_report()]
        found += [{"sheet": name, "column": None, "header": None, "field": None,
                   "reason": "sheet not read (not part of the layout)"} for name in self.other_sheets]
        return found


# ---------------------------------------------------------------------------------------------
# Header rows


def _bind(values: tuple[Any, ...], sheet: str | None, table: Table, headers: HeaderMap) -> list[Column]:
    columns = []
    for index, value in enumerate(values):
        if is_empty(value):
            continue
        header = normalise_text(value) if not isinstance(value, str) else " ".join(value.split())
        target = headers.match(value, table)
        if target is None:
            columns.append(Column(sheet, index, header, None, None,
                                  "not a recognised header; map it to a field with --map, or remove the column"))
        elif target.field is None:
            columns.append(Column(sheet, index, header, None, None, "ignored by the --map file"))
        else:
            columns.append(Column(sheet, index, header, target.field, target.lang, also=target.fields[1:]))
    return columns


def _recognised(values: tuple[Any, ...], table: Table, headers: HeaderMap) -> int:
    fields = set()
    for value in values:
        if not is_empty(value):
            target = headers.match(value, table)
            if target is not None and target.field is not None:
                fields.add(target.field)
    return len(fields)


def _find_header(rows: Iterator[Row], sheet: str | None, table: Table, headers: HeaderMap
                 ) -> tuple[SheetPlan, Iterator[Row]] | None:
    """Scan the first rows for the header row; return its plan and the rows after it."""
    skipped: list[int] = []
    for number, values in rows:
        if number > HEADER_SCAN_ROWS:
            return None
        if _recognised(values, table, headers) >= MIN_HEADERS:
            return SheetPlan(sheet, table, number, _bind(values, sheet, table, headers), skipped), rows
        if not all(is_empty(v) for v in values):
            skipped.append(number)
    return None


def _no_header(file: str, sheet: str | None, table: Table) -> LayoutError:
    examples = ", ".join(f"'{spec(k, table).heading('en')}' / '{spec(k, table).heading('ja')}'" for k in (
        ("company_name", "securities_code", "announcement_date") if table == "issuances"
        else ("id", "category", "persons", "rights")))
    where = f"sheet {sheet!r}" if sheet else "the file"
    return LayoutError(Problem(file, f"no header row found in the first {HEADER_SCAN_ROWS} rows of {where}: "
                                     f"expected a row with at least {MIN_HEADERS} recognised headers such as "
                                     f"{examples} (see docs/registers.md, or map headers with --map)",
                               (CellRef(sheet, None, None, None),)))


# ---------------------------------------------------------------------------------------------
# Data rows


def _source_row(plan: SheetPlan, number: int, values: tuple[Any, ...]) -> SourceRow | None:
    """The row's bound cells; None if the row is empty. Values under empty headers are noted."""
    if all(is_empty(v) for v in values):
        return None
    plan.rows_read += 1
    width = len(values)
    cells = tuple(
        Cell(c.field, c.lang, CellRef(plan.sheet, number, c.index, c.header, values[c.index] if c.index < width else None),
             c.also)
        for c in plan.columns if c.field is not None)  # the bound columns
    known = {c.index for c in plan.columns}
    for index, value in enumerate(values):
        if index not in known and not is_empty(value):
            plan.data_without_header_count[index] += 1
            listed = plan.data_without_header.setdefault(index, [])
            if len(listed) < MAX_ROWS_LISTED:
                listed.append(number)
    return SourceRow(plan.sheet, number, cells)


def _id_text(value: Any) -> str | None:
    text = normalise_text(value)
    return text or None


def _id_key(value: Any) -> str:
    return normalise_text(value).casefold()


def _match_sheet(names: list[str], wanted: tuple[str, ...]) -> str | None:
    keys = {header_key(w) for w in wanted}
    return next((name for name in names if header_key(name) in keys), None)


def read_records(register: Register, headers: HeaderMap) -> tuple[Plan, Iterator[Record]]:
    """Find the layout and header rows now; return the plan and a lazy iterator of records.

    Register-level problems found while reading (allotment rows no issuance claims) are added to
    ``plan.problems`` by the time the iterator is exhausted. Raises LayoutError if there is no
    header row.
    """
    file = str(register.path)
    if register.format == "xlsx":
        issuances = _match_sheet(register.sheets, ISSUANCE_SHEETS)
        allotments = _match_sheet(register.sheets, ALLOTMENT_SHEETS)
        if issuances and allotments:
            return _layout_b(register, headers, issuances, allotments)
        for sheet in register.sheets:
            found = _find_header(register.rows(sheet), sheet, "issuances", headers)
            if found:
                plan = Plan(file, "xlsx", None, "a", {"issuances": found[0]},
                            [s for s in register.sheets if s != sheet])
                return plan, _layout_a(plan, found[1], register)
        raise _no_header(file, register.sheets[0] if register.sheets else None, "issuances")
    found = _find_header(register.rows(""), None, "issuances", headers)
    if not found:
        raise _no_header(file, None, "issuances")
    plan = Plan(file, "csv", register.encoding, "a", {"issuances": found[0]}, [])
    return plan, _layout_a(plan, found[1], register)


def _id_rows(register: Register, sheet_plan: SheetPlan) -> dict[str, list[int]]:
    """First pass over a sheet's ID column: the rows of each ID (IDs match regardless of case and width)."""
    id_index = next(c.index for c in sheet_plan.bound if c.field == "id")
    seen: dict[str, list[int]] = defaultdict(list)
    for number, values in register.rows(sheet_plan.sheet or "", max_col=id_index + 1):
        if number <= sheet_plan.header_row or id_index >= len(values):
            continue
        key = _id_key(values[id_index])
        if key:
            seen[key].append(number)
    return seen


def _duplicate_id(file: str, sheet_plan: SheetPlan, id_cell: Cell, rows: list[int]) -> Problem:
    return Problem(file, f"the ID {normalise_text(id_cell.value)!r} is used on rows {', '.join(map(str, rows))}"
                         + (f" of sheet {sheet_plan.sheet!r}" if sheet_plan.sheet else "")
                         + "; each issuance needs its own ID (IDs match regardless of case and width)",
                   (id_cell.ref,))


def _layout_a(plan: Plan, rows: Iterator[Row], register: Register) -> Iterator[Record]:
    sheet_plan = plan.sheets["issuances"]
    # IDs are optional in layout a; when given they name the output files, so they must be unique.
    seen = _id_rows(register, sheet_plan) if any(c.field == "id" for c in sheet_plan.bound) else {}
    index = 0
    for number, values in rows:
        row = _source_row(sheet_plan, number, values)
        if row is None:
            continue
        id_cell = row.first("id")
        problems: tuple[Problem, ...] = ()
        if id_cell is not None and not id_cell.empty and len(seen.get(_id_key(id_cell.value), ())) > 1:
            problems = (_duplicate_id(plan.file, sheet_plan, id_cell, seen[_id_key(id_cell.value)]),)
        yield Record(index, plan.file, "a", row, _id_text(id_cell.value) if id_cell else None, problems=problems)
        index += 1


def _layout_b(register: Register, headers: HeaderMap, issuance_sheet: str, allotment_sheet: str
              ) -> tuple[Plan, Iterator[Record]]:
    file = str(register.path)
    found_i = _find_header(register.rows(issuance_sheet), issuance_sheet, "issuances", headers)
    if not found_i:
        raise _no_header(file, issuance_sheet, "issuances")
    found_a = _find_header(register.rows(allotment_sheet), allotment_sheet, "allotments", headers)
    if not found_a:
        raise _no_header(file, allotment_sheet, "allotments")
    plan_i, plan_a = found_i[0], found_a[0]
    for sheet_plan in (plan_i, plan_a):
        if not any(c.field == "id" for c in sheet_plan.bound):
            raise LayoutError(Problem(file, f"sheet {sheet_plan.sheet!r} has no ID column: layout b joins the "
                                            f"Issuances and Allotments sheets by an 'ID' column",
                                      (CellRef(sheet_plan.sheet, sheet_plan.header_row, None, "ID"),)))
    others = [s for s in register.sheets if s not in (issuance_sheet, allotment_sheet)]
    plan = Plan(file, "xlsx", None, "b", {"issuances": plan_i, "allotments": plan_a}, others)
    return plan, _layout_b_records(register, plan, found_i[1], found_a[1])


def _layout_b_records(register: Register, plan: Plan, issuance_rows: Iterator[Row],
                      allotment_rows: Iterator[Row]) -> Iterator[Record]:
    plan_i, plan_a = plan.sheets["issuances"], plan.sheets["allotments"]
    # 1. Allotment rows, grouped by ID.
    by_id: dict[str, list[SourceRow]] = defaultdict(list)
    for number, values in allotment_rows:
        row = _source_row(plan_a, number, values)
        if row is None:
            continue
        id_cells = [c for c in row.cells if c.field == "id"]
        key = next((_id_key(c.value) for c in id_cells if not c.empty), "")
        if not key:
            plan.problems.append(Problem(plan.file, "an allotment row without an ID belongs to no issuance: give "
                                                    "the ID of its row on the Issuances sheet",
                                         tuple(c.ref for c in id_cells)))
            continue
        by_id[key].append(row)
    # 2. IDs of the Issuances sheet, to find duplicates before any issuance is converted.
    seen = _id_rows(register, plan_i)
    # 3. Issuances, streamed, each with its allotment rows.
    index = 0
    for number, values in issuance_rows:
        row = _source_row(plan_i, number, values)
        if row is None:
            continue
        id_cell = row.first("id")
        assert id_cell is not None
        problems = []
        key = "" if id_cell.empty else _id_key(id_cell.value)
        allotments: tuple[SourceRow, ...] = ()
        if not key:
            problems.append(Problem(plan.file, f"expected an ID: layout b joins the {plan_a.sheet!r} sheet to this "
                                               f"row by its ID", (id_cell.ref,)))
        else:
            rows = seen.get(key, [number])
            if len(rows) > 1:
                problems.append(_duplicate_id(plan.file, plan_i, id_cell, rows))
            allotments = tuple(by_id.pop(key, ()))
        yield Record(index, plan.file, "b", row, _id_text(id_cell.value), allotments, tuple(problems))
        index += 1
    # 4. Allotment rows whose ID no issuance has.
    for orphans in by_id.values():
        id_refs = tuple(c.ref for r in orphans for c in r.cells if c.field == "id")
        plan.problems.append(Problem(plan.file, f"allotment rows {', '.join(str(r.row) for r in orphans)} have the ID "
                                                f"{normalise_text(id_refs[0].value)!r}, which no row of sheet "
                                                f"{plan_i.sheet!r} has", id_refs[:1] + id_refs[1:]))
