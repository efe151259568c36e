"""Reading one record's cells: routing each to its field, parsing it, and remembering where values came from.

``RowReader`` holds what one record has given so far: the model input being built (nested dicts
keyed by the models' field names), the cells each model path came from (so that a model error can
be put back at its cells and named by its column heading), and the problems found. A heading that
names more than one field (``発行価額``: per right for rights, per share for shares) is routed by the
row's instrument; a heading shared by a kind and a text (``Plan``) by whether the cell is one of the
kind's words exactly.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from exporter.domain.kinds import Instrument
from exporter.domain.text import has_japanese
from exporter.models.values import TO_BE_DETERMINED
from exporter.notation import NormaliseError, normalise_text
from exporter.sources.spreadsheet.fields import FieldSpec, Table, spec
from exporter.sources.spreadsheet.layouts import Cell, Record
from exporter.sources.spreadsheet.problems import CellRef, Problem
from exporter.sources.spreadsheet.vocabulary import BY_VOCABULARY

INSTRUMENT_WORDS = {Instrument.RIGHTS: "stock acquisition rights", Instrument.SHARES: "shares"}


def clean_text(raw: Any) -> str:
    """A text cell as the notice words it: line endings unified, each line's ends stripped."""
    if not isinstance(raw, str):
        return normalise_text(raw)
    lines = [" ".join(line.split()) for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def to_be_determined(raw: Any) -> bool:
    """未定 / tbd: the value is stated as not yet determined (a nil fact, not a number)."""
    return isinstance(raw, str) and normalise_text(raw).casefold() in TO_BE_DETERMINED


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """``data['issuance']['payment']['amount_per_right'] = value`` for ``issuance.payment.amount_per_right``."""
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def get_path(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


@dataclass
class RowReader:
    """One record being read: the model input, where each value came from, and the problems so far."""

    record: Record
    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[CellRef]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # model paths (and field keys) whose cells did not read
    texts: list[str] = field(default_factory=list)  # languages of the texts read (for Filing.language)
    instrument: Instrument | None = None
    routed: dict[str, list[Cell]] = field(default_factory=dict)  # field key -> its cells, once routed

    @property
    def file(self) -> str:
        return self.record.file

    def row_cell(self) -> CellRef:
        return CellRef(self.record.main.sheet, self.record.main.row, None, None)

    # --- cells ----------------------------------------------------------------------------------

    def candidates(self, key: str) -> list[Cell]:
        """Cells whose heading may name ``key`` (before routing; for the kind and what decides it)."""
        return [c for c in self.record.main.cells if key in c.fields]

    def route(self, instrument: Instrument | None) -> None:
        """Give each cell to one field: the one its heading names for this instrument (or its content)."""
        self.instrument = instrument
        for cell in self.record.main.cells:
            key = cell.field if not cell.also and instrument in spec(cell.field).instruments else \
                self._field_for(cell, instrument)
            if key is not None:
                self.routed.setdefault(key, []).append(cell)

    def _field_for(self, cell: Cell, instrument: Instrument | None) -> str | None:
        fields = [spec(k) for k in cell.fields]
        applicable = [f for f in fields if instrument is None or instrument in f.instruments]
        if not applicable:
            if not cell.empty:
                what = " or ".join(sorted({INSTRUMENT_WORDS[i] for f in fields for i in f.instruments}))
                self.problem(f"this column is for {what}, but the row's kind issues "
                             f"{INSTRUMENT_WORDS[instrument] if instrument else '?'}: leave the cell empty, or "
                             f"check the kind", [cell.ref], "an empty cell (the column does not apply to this kind)")
            return None
        if len(applicable) > 1 and not cell.empty:
            for field_spec in applicable:  # a kind word, else the text (Plan: kind, or the plan's name)
                if field_spec.shape == "token" and field_spec.concept is not None:
                    try:
                        BY_VOCABULARY[field_spec.concept.vocabulary or ""].read(cell.value, exact=True)
                        return field_spec.key
                    except NormaliseError:
                        continue
            return next((f.key for f in applicable if f.shape != "token"), applicable[0].key)
        return applicable[0].key

    def cells(self, key: str) -> list[Cell]:
        return self.routed.get(key, [])

    def filled(self, key: str) -> list[Cell]:
        return [c for c in self.cells(key) if not c.empty]

    # --- problems and sources -------------------------------------------------------------------

    def problem(self, message: str, cells: list[CellRef] | tuple[CellRef, ...], expected: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, tuple(cells), expected))

    def fail(self, key: str) -> None:
        """Mark a field's values as unreadable, so the models' errors about them are not repeated."""
        self.failed.add(key)
        if (key_spec := _spec_or_none(key)) is not None:
            self.failed.update(key_spec.paths)

    def cell_error(self, error: NormaliseError, cell: Cell | CellRef, key: str) -> None:
        ref = cell.ref if isinstance(cell, Cell) else cell
        self.problem(str(error), [ref], error.expected)
        self.fail(key)

    def add_source(self, path: str, refs: list[CellRef] | tuple[CellRef, ...]) -> None:
        found = self.sources.setdefault(path, [])
        for ref in refs:
            if ref not in found:
                found.append(ref)

    def put(self, path: str, value: Any, refs: list[CellRef] | tuple[CellRef, ...]) -> None:
        set_path(self.data, path, value)
        self.add_source(path, refs)

    def missing(self, key: str, what: str) -> None:
        """A required value is absent: no column at all, or an empty cell."""
        cells = self.cells(key)
        if cells:
            self.problem(f"expected {what}, got an empty cell", [cells[0].ref], what)
        else:
            field_spec = spec(key)
            self.problem(f"the register has no column for {what}: expected a header such as "
                         f"'{field_spec.heading('en')}' or '{field_spec.heading('ja')}' (or map one with --map)",
                         [CellRef(self.record.main.sheet, self.record.main.row, None, field_spec.heading("en"))],
                         what)
        self.fail(key)

    # --- values ---------------------------------------------------------------------------------

    def value(self, key: str, parse: Callable[[Any], Any], cells: list[Cell] | None = None
              ) -> tuple[Any, list[CellRef]] | None:
        """The field's value from its non-empty cells; several columns must agree. None if absent or bad."""
        results = []
        for cell in cells if cells is not None else self.filled(key):
            if cell.empty:
                continue
            try:
                results.append((parse(cell.value), cell.ref))
            except NormaliseError as error:
                self.cell_error(error, cell, key)
                return None
        if not results:
            return None
        first = results[0][0]
        if any(value != first for value, _ in results[1:]):
            self.problem(f"the columns for {spec(key).what} disagree", [ref for _, ref in results])
            self.fail(key)
            return None
        return first, [ref for _, ref in results]

    def text(self, key: str, cells: list[Cell] | None = None, table: Table = "issuances"
             ) -> tuple[dict[str, str], list[CellRef]] | None:
        """Texts by language: the header's language mark, else the script of the text."""
        found: dict[str, tuple[str, CellRef]] = {}
        for cell in cells if cells is not None else self.filled(key):
            if cell.empty:
                continue
            text = clean_text(cell.value)
            lang = cell.lang or ("ja" if has_japanese(text) else "en")
            if lang in found and found[lang][0] != text:
                language = "English" if lang == "en" else "Japanese"
                heading = spec(key, table).heading("en")
                self.problem(f"two columns give the {spec(key, table).what} in {language}; keep one, or mark the "
                             f"languages in the headers, e.g. '{heading} (English)'", [found[lang][1], cell.ref])
                self.fail(key)
                return None
            found[lang] = (text, cell.ref)
            self.texts.append(lang)
        if not found:
            return None
        return {lang: text for lang, (text, _) in sorted(found.items())}, [ref for _, ref in found.values()]


def _spec_or_none(key: str) -> FieldSpec | None:
    try:
        return spec(key)
    except KeyError:
        return None


_ARTICLE = re.compile(r"([0-9]+(?:の[0-9]+)?)条")
_NUMBER = re.compile(r"[0-9]+(?:の[0-9]+)?")


def parse_articles(raw: Any) -> list[str]:
    """Companies Act article numbers as registers write them: '236, 238, 240', '第236条、第238条の2'."""
    text = normalise_text(raw)
    found = _ARTICLE.findall(text) if "条" in text else _NUMBER.findall(text)
    if not found:
        raise NormaliseError(raw, "Companies Act article numbers such as 236, 238, 240 or 第236条、第238条")
    return found
