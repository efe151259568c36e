"""With ``--data``, the data is the truth: where does the notice print each of its facts?

A fact is first looked for where extraction read the same field (allotments matched by category,
not by position); if the notice prints a different number or date there, that is a contradiction,
reported with both values. Otherwise every printed figure or date with the fact's value and kind of
unit that no other fact has claimed is its spot, and a text is found where the notice prints it
word for word. A fact the notice does not print is reported and goes to ``ix:hidden``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from exporter.domain.concepts import base_of
from exporter.domain.values import ValueType
from exporter.facts.factset import Fact, FactSet
from exporter.models import Filing
from exporter.sources.notices.extract import Extraction
from exporter.sources.notices.spots import Found, Path, Spot
from exporter.sources.notices.tokens import Token

_UNITS: dict[ValueType, set[str | None]] = {
    ValueType.MONEY: {"money"}, ValueType.PER_SHARE: {"money"}, ValueType.SHARES: {"shares", None},
    ValueType.PERCENT: {"percent"}}
_NOUN_UNITS: dict[str, set[str | None]] = {
    "rights": {"rights", None}, "persons": {"persons", None}, "voting_rights": {None}}


@dataclass(frozen=True)
class Contradiction:
    path: str
    data_value: str
    notice_value: str
    line: int | None  # source line
    snippet: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return (f"{where}{self.path}: the data says {self.data_value}, but the notice prints {self.notice_value} "
                f"here ({self.snippet!r})")


def _canonical_paths(found: dict[Path, Found], data: dict[str, Any]) -> dict[Path, Found]:
    """Extraction's paths with allotment positions replaced by their category (as the data names it)."""
    result: dict[Path, Found] = {}
    for path, item in found.items():
        result[_by_category(path, data)] = item
    return result


def _by_category(path: Path, data: dict[str, Any]) -> Path:
    if len(path) >= 4 and path[0] == "issuances" and path[2] == "allotments" and isinstance(path[3], int):
        try:
            entry = data["issuances"][path[1]]["allotments"][path[3]]
        except (KeyError, IndexError, TypeError):
            return path
        key = entry.get("category") or " ".join(str(entry.get("description", "")).split())
        return (*path[:3], key, *path[4:])
    return path


def _filing_data(filing: Filing) -> dict[str, Any]:
    return filing.model_dump(mode="json", exclude_none=True)


def _same(fact: Fact, value: object) -> bool:
    if isinstance(fact.value, Decimal):
        raw = value.get("value") if isinstance(value, dict) else value
        try:
            return Decimal(str(raw)) == fact.value
        except (ArithmeticError, ValueError):
            return False
    if isinstance(fact.value, date):
        return str(value) == fact.value.isoformat()
    return " ".join(str(value).split()) == " ".join(str(fact.value).split())


def _shown(fact: Fact) -> str:
    if isinstance(fact.value, Decimal):
        return f"{fact.value:,f}".rstrip("0").rstrip(".") if "." in f"{fact.value:f}" else f"{int(fact.value):,}"
    return str(fact.value)


def _shown_found(found: Found) -> str:
    value = found.value.get("value") if isinstance(found.value, dict) else found.value
    return f"{value:,}" if isinstance(value, int) else str(value)


class Locator:
    def __init__(self, extraction: Extraction, filing: Filing):
        self.extraction = extraction
        data = _filing_data(filing)
        self.data_paths = data
        self.found = _canonical_paths(extraction.found, extraction.data)
        self.claimed: set[tuple[int, int]] = set()
        self.tokens: list[Token] = [t for tokens in extraction.layout.tokens for t in tokens]

    def spot_claim(self, spot: Spot) -> tuple[int, int]:
        return spot.line, spot.start

    def locate(self, factset: FactSet) -> tuple[dict[int, list[Spot]], list[Contradiction], list[int]]:
        places: dict[int, list[Spot]] = {}
        contradictions: list[Contradiction] = []
        pending: list[int] = []
        for index, fact in enumerate(factset.facts):
            path = _by_category(tuple(fact.source), self.data_paths)
            found = self.found.get(path)
            if found is None or fact.value is None:
                pending.append(index)
                continue
            if _same(fact, found.value):
                spots = [s for s in found.spots if self.spot_claim(s) not in self.claimed]
                if spots:
                    places[index] = spots
                    self.claimed.update(self.spot_claim(s) for s in spots)
                else:
                    pending.append(index)
            elif fact.unit is not None or isinstance(fact.value, date):
                spot = found.spots[0] if found.spots else None
                source_line, _, snippet = self.extraction.provenance(spot) if spot else (None, 0, found.text)
                contradictions.append(Contradiction(".".join(map(str, fact.source)), _shown(fact), _shown_found(found),
                                                    source_line, snippet))
            else:
                pending.append(index)
        unlocated: list[int] = []
        for index in pending:
            fact = factset.facts[index]
            spots = self.search(fact)
            if spots:
                places[index] = spots
            else:
                unlocated.append(index)
        return places, contradictions, unlocated

    def search(self, fact: Fact) -> list[Spot]:
        if fact.value is None or isinstance(fact.value, bool):
            return []
        lines = self.extraction.text.lines
        if isinstance(fact.value, Decimal | date):
            concept = base_of(fact.concept)
            units = _NOUN_UNITS.get(concept.noun or "", {None}) if concept.type is ValueType.COUNT \
                else _UNITS.get(concept.type, {None})
            found = []
            for token in self.tokens:
                if isinstance(fact.value, date):
                    if token.kind == "date" and token.value == fact.value:
                        found.append(token)
                elif token.kind == "number" and token.number == fact.value and token.unit in units:
                    found.append(token)
            spots = []
            for token in found:
                line = lines[token.line]
                start, end = line.raw_span(token.start, token.end)
                if (token.line, start) in self.claimed:
                    continue
                self.claimed.add((token.line, start))
                form = {"era": "date-jpn-era-year-month-day", "mdy": "date-monthname-day-year-en",
                        "dmy": "date-day-monthname-year-en"}.get(token.date_form or "", "date-year-month-day")
                spots.append(Spot(token.line, start, end, form if token.kind == "date" else "num-dot-decimal",
                                  token.scale))
            return spots
        wanted = " ".join(str(fact.value).split())
        if not wanted:
            return []
        pattern = re.compile(r"\s+".join(re.escape(word) for word in wanted.split(" ")))
        for line in lines:
            match = pattern.search(line.text)
            if match and (line.index, match.start()) not in self.claimed:
                self.claimed.add((line.index, match.start()))
                return [Spot(line.index, match.start(), match.end())]
        return []
