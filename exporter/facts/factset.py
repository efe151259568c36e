"""The neutral fact set: facts with their contexts and units, independent of any serialization."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from exporter.domain.concepts import Concept
from exporter.domain.text import Labels

if TYPE_CHECKING:
    from exporter.taxonomy.extension import Extension

FactValue = Decimal | str | date | bool | None  # None: a nil fact (to be determined)


@dataclass(frozen=True, order=True, slots=True)
class ExplicitMember:
    dimension: str  # local name of the axis in eqi
    member: str  # local name of the member
    extension: bool = False  # the member is declared by the filing's extension taxonomy, not by eqi


@dataclass(frozen=True, order=True, slots=True)
class TypedMember:
    dimension: str
    domain: str  # local name (in eqi) of the element holding the key
    value: str


Member = ExplicitMember | TypedMember


@dataclass(frozen=True, slots=True)
class Context:
    id: str
    scheme: str
    identifier: str
    instant: date
    members: tuple[Member, ...] = ()

    @property
    def aspects(self) -> tuple[object, ...]:
        return (self.scheme, self.identifier, self.instant, self.members)


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    numerators: tuple[str, ...]  # Clark names of measures
    denominators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    concept: Concept  # the concept reported (an upper-limit sibling where the value is a limit)
    context: Context
    value: FactValue
    unit: Unit | None = None
    decimals: str | None = None  # "INF", or the stated decimals ("0", "-3"); None for nil and non-numeric
    lang: str | None = None
    source: tuple[str | int, ...] = ()  # the model path the value came from

    @property
    def name(self) -> str:
        return self.concept.name

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two facts the same fact: concept, context aspects, unit and language."""
        return (self.concept.name, self.context.aspects, self.unit.id if self.unit else None, self.lang)


@dataclass
class FactSet:
    """Facts in a stable order, with the contexts and units they use (each once)."""

    facts: list[Fact] = field(default_factory=list)
    extension: Extension | None = None
    section_headings: dict[str, Labels] = field(default_factory=dict)  # further sections: key -> heading in both

    @property
    def contexts(self) -> list[Context]:
        return list({f.context.id: f.context for f in self.facts}.values())

    @property
    def units(self) -> list[Unit]:
        return list({f.unit.id: f.unit for f in self.facts if f.unit}.values())

    def find(self, concept: str, *, where: dict[str, str] | None = None, lang: str | None = None) -> list[Fact]:
        """Facts of ``concept`` (a name) whose dimensions are exactly ``where`` (axis -> member or key)."""
        wanted = where or {}
        found = []
        for fact in self.facts:
            if fact.concept.name != concept or (lang and fact.lang and fact.lang != lang):
                continue
            members = {m.dimension: (m.member if isinstance(m, ExplicitMember) else m.value)
                       for m in fact.context.members}
            if members == wanted:
                found.append(fact)
        return found

    def first(self, concept: str, **kwargs: object) -> Fact | None:
        found = self.find(concept, **kwargs)  # type: ignore[arg-type]
        return found[0] if found else None
