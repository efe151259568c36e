"""The taxonomy as the instance rules see it: a view of the generic model (``exporter.taxonomy.dts``).

Built once per DTS (and cached with it): for each concept its type chain, the XBRL item type it
derives from and the unit kind that type fixes (XBRL 2.1 4.8.2 for monetary and shares, the UTR
for per share and pure), its period type, substitution groups, abstract and nillable flags;
dimensions and hypercubes from the definition linkbases (``xdt``); summation-item arcs from the
calculation linkbases. Rules ask this view; they never read taxonomy files themselves.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum

from exporter.taxonomy.dts.model import Dts as Model
from exporter.taxonomy.files import read_own_xml
from exporter.taxonomy.namespaces import NUM, SUMMATION_ITEM, XBRLDT, XBRLI, XS
from exporter.validation.xdt import Dimension, DimensionalModel, dimensional_model


class UnitKind(StrEnum):
    """The kind of unit a numeric concept's type requires (as XBRL 2.1 and the UTR say)."""

    MONETARY = "monetary"  # one ISO 4217 currency (XBRL 2.1)
    SHARES = "shares"  # xbrli:shares (XBRL 2.1)
    PER_SHARE = "perShare"  # currency / xbrli:shares (UTR)
    PURE = "pure"  # xbrli:pure (UTR for pureItemType; a convention for our counts)


# XBRL item types that fix the unit a fact needs: (kind, fixed by XBRL 2.1 itself rather than the UTR)
_UNIT_TYPES = {
    f"{{{XBRLI}}}monetaryItemType": (UnitKind.MONETARY, True),
    f"{{{XBRLI}}}sharesItemType": (UnitKind.SHARES, True),
    f"{{{NUM}}}perShareItemType": (UnitKind.PER_SHARE, False),
    f"{{{XBRLI}}}pureItemType": (UnitKind.PURE, False),
}
_VALUE_KINDS = {f"{{{XS}}}date": "date", f"{{{XS}}}boolean": "boolean", f"{{{XS}}}token": "token"}


@dataclass(frozen=True, slots=True)
class ConceptInfo:
    clark: str
    name: str  # local name
    type_chain: tuple[str, ...]  # declared type, then its base types, as Clark names
    period_type: str | None  # "instant", "duration" or None (not an item)
    abstract: bool
    nillable: bool
    groups: tuple[str, ...]  # substitution group, then the group's own group, ...
    numeric: bool
    unit_kind: UnitKind | None
    unit_required: bool  # the unit kind is a rule of XBRL 2.1 itself (monetary, shares)
    free_value: str | None = None  # "string"/"decimal": every lexical value of that primitive is valid
    item: bool = False  # a concept facts may report (an item that is not abstract, dimension or hypercube)
    kind: str | None = None  # "item", "tuple" or None
    fraction: bool = False
    primitive: str = "anyType"
    balance: str | None = None

    @property
    def type_name(self) -> str:
        return self.type_chain[0].split("}")[-1] if self.type_chain else "anyType"

    @property
    def is_item(self) -> bool:
        return self.item

    @property
    def value_kind(self) -> str:
        if self.numeric:
            return "numeric"
        return next((_VALUE_KINDS[t] for t in self.type_chain if t in _VALUE_KINDS), "string")


@dataclass(frozen=True)
class Summation:
    role: str
    total: str  # Clark
    items: tuple[tuple[str, int | float], ...]  # (Clark, weight)


@dataclass(eq=False)  # hashed by identity: one per DTS
class Dts:
    concepts: dict[str, ConceptInfo]  # every global element declaration, by Clark name
    dimensions: dict[str, Dimension]
    item_dimensions: dict[str, frozenset[str]]  # primary item -> dimensions of its hypercubes
    summations: tuple[Summation, ...]
    model: Model | None = None
    xdt: DimensionalModel | None = None
    eqi: bool = False  # the DTS includes our own taxonomy
    _required: dict[str, frozenset[str]] = field(default_factory=dict)

    # Work memoised on the view by the rules (not fields): never pickled into the disk cache.
    _MEMOS = ("_tuples", "_fact_dimension_problems")

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key not in self._MEMOS}

    def tuple_concepts(self) -> frozenset[str]:
        """The Clark names of the DTS's tuple concepts (computed once: every draft asks)."""
        found = self.__dict__.get("_tuples")  # (not a field: views pickled before it existed still load)
        if found is None:
            found = self.__dict__["_tuples"] = frozenset(c.clark for c in self.concepts.values() if c.kind == "tuple")
        return found

    def required_dimensions(self, concept: str) -> frozenset[str]:
        found = self._required.get(concept)
        if found is None:
            found = self._required[concept] = frozenset(
                d for d in self.item_dimensions.get(concept, ()) if self.dimensions[d].default is None)
        return found


def _free_value(model: Model, chain: tuple[str, ...]) -> str | None:
    """'string' or 'decimal' when no type on the chain restricts that primitive (any such value is valid)."""
    for name in chain:
        if name in (f"{{{XS}}}string", f"{{{XS}}}decimal"):
            return name.split("}")[1]
        definition = model.types.get(name)
        if definition is None:
            if name.startswith(f"{{{XS}}}"):
                return None  # a built-in type narrower than string or decimal
            continue
        if definition.restricted or definition.derivation in ("list", "union"):
            return None
    return None


def concept_info(model: Model, name: str) -> ConceptInfo:
    concept = model.concepts[name]
    chain = concept.type_chain
    unit_kind, required = next((_UNIT_TYPES[t] for t in chain if t in _UNIT_TYPES), (None, False))
    numeric = concept.numeric
    if numeric and unit_kind is None and concept.item_type == f"{{{XBRLI}}}decimalItemType":
        unit_kind = UnitKind.PURE  # counts of rights and persons: xbrli:pure by our convention
    item = (concept.kind == "item" and not concept.abstract and
            not any(g.startswith(f"{{{XBRLDT}}}") for g in concept.groups))
    return ConceptInfo(
        clark=name, name=concept.local, type_chain=chain, period_type=concept.period_type,
        abstract=concept.abstract, nillable=concept.nillable, groups=concept.groups, numeric=numeric,
        unit_kind=unit_kind, unit_required=required, free_value=_free_value(model, chain), item=item,
        kind=concept.kind, fraction=concept.fraction, primitive=concept.primitive, balance=concept.balance)


def _summations(model: Model) -> tuple[Summation, ...]:
    totals: dict[tuple[str, str], list[tuple[str, int | float]]] = {}
    for relationship in model.relationships(SUMMATION_ITEM):
        weight = relationship.weight if relationship.weight is not None else 1
        number: int | float = int(weight) if weight == int(weight) else float(weight)
        totals.setdefault((relationship.link_role, relationship.source), []).append((relationship.target, number))
    return tuple(Summation(role, total, tuple(items)) for (role, total), items in totals.items())


def view_of(model: Model, eqi: bool = False) -> Dts:
    """The rules' view of a DTS model."""
    concepts = {name: concept_info(model, name) for name in model.concepts}
    xdt = dimensional_model(model)
    return Dts(concepts, xdt.dimensions, xdt.item_dimensions, _summations(model), model, xdt, eqi)


@functools.cache
def utr_currencies() -> frozenset[str]:
    """ISO 4217 codes the Units Registry (arelle-release's bundled utr.xml) lists as currencies."""
    from exporter.taxonomy.files import arelle_cache_dir

    utr = "http://www.xbrl.org/2009/utr"
    path = arelle_cache_dir() / "http" / "www.xbrl.org" / "utr" / "utr.xml"
    root = read_own_xml(path)
    return frozenset(unit.findtext(f"{{{utr}}}unitId") or "" for unit in root.iter(f"{{{utr}}}unit")
                     if unit.findtext(f"{{{utr}}}nsUnit") == "http://www.xbrl.org/2003/iso4217")


@functools.cache
def load_dts() -> Dts:
    """The view of our own taxonomy's DTS (for code that needs it without a draft)."""
    from exporter.validation.taxonomy import own_taxonomy

    return own_taxonomy()
