"""The neutral fact set: facts with their contexts and units, independent of any serialization."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

FactValue = Decimal | str | date | bool


@dataclass(frozen=True, order=True)
class ExplicitMember:
    dimension: str  # local name of the axis in our taxonomy
    member: str  # local name of the member


@dataclass(frozen=True, order=True)
class TypedMember:
    dimension: str
    value: str  # content of the typed domain element


Member = ExplicitMember | TypedMember


@dataclass(frozen=True)
class Context:
    id: str
    scheme: str
    identifier: str
    instant: date
    members: tuple[Member, ...] = ()

    @property
    def aspects(self) -> tuple:
        return (self.scheme, self.identifier, self.instant, self.members)


@dataclass(frozen=True)
class Unit:
    id: str
    numerators: tuple[str, ...]  # Clark names of measures
    denominators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    concept: str  # local name in our taxonomy
    context: Context
    value: FactValue
    unit: Unit | None = None
    decimals: str | None = None
    lang: str | None = None

    @property
    def key(self) -> tuple:
        """What makes two facts the same fact: concept, context aspects, unit and language."""
        return (self.concept, self.context.aspects, self.unit.id if self.unit else None, self.lang)


@dataclass
class FactSet:
    """Facts in a stable order, with the contexts and units they use (each once)."""

    facts: list[Fact] = field(default_factory=list)

    @property
    def contexts(self) -> list[Context]:
        return list({f.context.id: f.context for f in self.facts}.values())

    @property
    def units(self) -> list[Unit]:
        return list({f.unit.id: f.unit for f in self.facts if f.unit}.values())

    def find(self, concept: str, *, member: str | None = None, typed: str | None = None,
             lang: str | None = None) -> list[Fact]:
        """Facts of ``concept``, optionally for one explicit member or typed value, in one language."""
        found = []
        for fact in self.facts:
            if fact.concept != concept or (lang and fact.lang and fact.lang != lang):
                continue
            members = fact.context.members
            if member is not None and not any(isinstance(m, ExplicitMember) and m.member == member for m in members):
                continue
            if typed is not None and not any(isinstance(m, TypedMember) and m.value == typed for m in members):
                continue
            if member is None and typed is None and members:
                continue
            found.append(fact)
        return found

    def first(self, concept: str, **kwargs) -> Fact | None:
        found = self.find(concept, **kwargs)
        return found[0] if found else None

    def members_of(self, dimension: str) -> list[Member]:
        """Members of ``dimension`` used by any fact, in first-use order."""
        seen: dict[Member, None] = {}
        for fact in self.facts:
            for m in fact.context.members:
                if m.dimension == dimension:
                    seen.setdefault(m, None)
        return list(seen)
