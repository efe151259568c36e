"""Where a register problem is: file, sheet, row, column header, cell reference and the raw value.

Every error the conversion reports is a ``Problem``: a message saying what was expected, and the
cells it concerns (the first is the main one). Problems pickle (they cross process boundaries with
``--jobs``) and turn into JSON for ``conversion-report.json`` and into one line of text for stderr.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from exporter.safety.text import shorten
from exporter.sources.spreadsheet.reader import column_letter


def json_value(value: Any) -> Any:
    """A raw cell value as JSON can hold it: dates as ISO text, Decimals as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class CellRef:
    sheet: str | None  # None for a CSV file
    row: int | None
    column: int | None  # 0-based index; None when the register has no such column
    header: str | None  # the header as written in the register, or the header we expected
    value: Any = None

    @property
    def ref(self) -> str | None:
        """A1-style reference, e.g. K12."""
        if self.column is None or self.row is None:
            return None
        return f"{column_letter(self.column)}{self.row}"

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.header, "cell": self.ref,
                "value": json_value(self.value)}

    def describe(self, *, with_value: bool = True, column_only: bool = False) -> str:
        parts = []
        if self.sheet and not column_only:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None and not column_only:
            parts.append(f"row {self.row}")
        if self.header is not None:
            parts.append(f"column {self.header!r}" + (f" ({self.ref})" if self.ref else " (no such column)"))
        text = ", ".join(parts)
        if with_value and self.column is not None:
            value = json_value(self.value)
            shown = "empty" if self.value is None or (isinstance(self.value, str) and not self.value.strip()) \
                else shorten(value) if isinstance(value, str) else repr(value)
            text += f" = {shown}"
        return text


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    cells: tuple[CellRef, ...] = ()
    expected: str | None = None

    @property
    def main(self) -> CellRef | None:
        return self.cells[0] if self.cells else None

    def to_dict(self) -> dict[str, Any]:
        main = self.main
        data: dict[str, Any] = {
            "file": self.file,
            "sheet": main.sheet if main else None,
            "row": main.row if main else None,
            "column": main.header if main else None,
            "cell": main.ref if main else None,
            "value": json_value(main.value) if main else None,
            "expected": self.expected,
            "message": self.message,
        }
        if len(self.cells) > 1:
            data["cells"] = [cell.to_dict() for cell in self.cells]
        return data

    def __str__(self) -> str:
        where = [self.file]
        if self.main is not None:
            where.append(self.main.describe())
        text = ", ".join(where) + f": {self.message}"
        main = self.main
        others = [cell.describe(column_only=main is not None and (cell.sheet, cell.row) == (main.sheet, main.row))
                  for cell in self.cells[1:]]
        if others:
            text += " [also: " + "; ".join(others) + "]"
        return text
