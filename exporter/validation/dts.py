"""The taxonomy as the validator's rules see it (the DTS of an eqi draft), built once per process.

Concepts come from xmlschema's model of the bundled schemas: each global element's declared
type and the XBRL item type it derives from (so a type derived from ``monetaryItemType`` is
monetary), its period type, substitution group chain, abstract and nillable flags. Dimensions
and hypercubes come from the definition linkbase, summation-item arcs from the calculation
linkbase, both as ``taxonomy.concepts`` reads them. Rules ask this module; they never read taxonomy files themselves.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from exporter.taxonomy.concepts import UnitKind, load_taxonomy
from exporter.taxonomy.files import NAMESPACE, read_own_xml
from exporter.taxonomy.namespaces import NUM, XBRLDT, XBRLI, XS
from exporter.validation.schemas import instance_schema

# XBRL item types that fix the unit a fact needs: XBRL 2.1 4.8.2 (monetary, shares) and the UTR
# (per share, pure). decimalItemType fixes nothing; our counts use xbrli:pure by convention.
_UNIT_TYPES = {
    f"{{{XBRLI}}}monetaryItemType": (UnitKind.MONETARY, True),
    f"{{{XBRLI}}}sharesItemType": (UnitKind.SHARES, True),
    f"{{{NUM}}}perShareItemType": (UnitKind.PER_SHARE, True),
    f"{{{XBRLI}}}pureItemType": (UnitKind.PURE, True),
}
_NUMERIC_PRIMITIVES = {f"{{{XS}}}decimal", f"{{{XS}}}float", f"{{{XS}}}double"}
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
    unit_required: bool  # the unit kind is a rule (XBRL 2.1 or UTR), not only our convention
    free_value: str | None = None  # "string"/"decimal": every lexical value of that primitive is valid
    item: bool = False  # is_item, computed once (rules ask it for every fact)

    def __post_init__(self) -> None:
        object.__setattr__(self, "item", self.is_item)

    @property
    def type_name(self) -> str:
        return self.type_chain[0].split("}")[-1] if self.type_chain else "anyType"

    @property
    def is_item(self) -> bool:
        """A concept facts may report: in xbrli:item's group, not a dimension or hypercube, not abstract."""
        return (not self.abstract and bool(self.groups) and self.groups[-1] == f"{{{XBRLI}}}item"
                and not any(g.startswith(f"{{{XBRLDT}}}") for g in self.groups))

    @property
    def value_kind(self) -> str:
        if self.numeric:
            return "numeric"
        return next((_VALUE_KINDS[t] for t in self.type_chain if t in _VALUE_KINDS), "string")


@dataclass(frozen=True)
class Dimension:
    clark: str
    typed_domain: str | None  # Clark name of the typed domain element
    members: frozenset[str]  # Clark names of the explicit domain's members (domain root included)
    domain: str | None  # the domain root (Clark); the members below it are the categories proper
    default: str | None  # Clark


@dataclass(frozen=True)
class Summation:
    role: str
    total: str  # Clark
    items: tuple[tuple[str, int], ...]  # (Clark, weight)


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process
class Dts:
    concepts: dict[str, ConceptInfo]  # every global element of our namespace, by Clark name
    dimensions: dict[str, Dimension]
    item_dimensions: dict[str, frozenset[str]]  # primary item -> dimensions of its closed hypercube
    summations: tuple[Summation, ...]

    def required_dimensions(self, concept: str) -> frozenset[str]:
        return _required(self, concept)


@functools.lru_cache(maxsize=1024)
def _required(dts: Dts, concept: str) -> frozenset[str]:
    return frozenset(d for d in dts.item_dimensions.get(concept, ()) if dts.dimensions[d].default is None)


def _type_chain(xsd_type) -> tuple[str, ...]:
    chain = []
    while xsd_type is not None and xsd_type.name:
        chain.append(xsd_type.name)
        xsd_type = getattr(xsd_type, "base_type", None)
    return tuple(chain)


def _free_value(xsd_type) -> str | None:
    """'string' or 'decimal' when the type adds no facet to that primitive (any such value is valid)."""
    simple = getattr(xsd_type, "content", None) if not xsd_type.is_simple() else xsd_type
    while simple is not None and hasattr(simple, "facets"):
        facets = [k for k in simple.facets if k is not None and not k.endswith("}whiteSpace")]
        if facets or getattr(simple, "enumeration", None) or getattr(simple, "patterns", None):
            return None
        if simple.name in (f"{{{XS}}}string", f"{{{XS}}}decimal"):
            return simple.name.split("}")[1]
        simple = getattr(simple, "base_type", None)
        if simple is not None and not simple.is_simple():
            simple = getattr(simple, "content", None)  # restriction of a complex item type: its simple content
    return None


def _groups(schema, element) -> tuple[str, ...]:
    groups = []
    group = element.substitution_group
    while group and group not in groups:
        groups.append(group)
        head = schema.maps.elements.get(group)
        group = head.substitution_group if head is not None else None
    return tuple(groups)


def _concept(schema, element) -> ConceptInfo:
    chain = _type_chain(element.type)
    unit_kind, required = next((_UNIT_TYPES[t] for t in chain if t in _UNIT_TYPES), (None, False))
    numeric = bool(_NUMERIC_PRIMITIVES.intersection(chain))
    if numeric and unit_kind is None:
        unit_kind = UnitKind.PURE  # decimalItemType: counts of rights and persons, xbrli:pure by convention
    return ConceptInfo(
        clark=element.name, name=element.local_name, type_chain=chain,
        period_type=element.elem.get(f"{{{XBRLI}}}periodType") if element.elem is not None else None,
        abstract=element.abstract, nillable=element.nillable, groups=_groups(schema, element),
        numeric=numeric, unit_kind=unit_kind, unit_required=required, free_value=_free_value(element.type))


@functools.cache
def utr_currencies() -> frozenset[str]:
    """ISO 4217 codes the Units Registry (arelle-release's bundled utr.xml) lists as currencies."""
    from exporter.taxonomy.files import arelle_cache_dir

    utr = "http://www.xbrl.org/2009/utr"
    path = arelle_cache_dir() / "http" / "www.xbrl.org" / "utr" / "utr.xml"
    root = read_own_xml(path)
    return frozenset(unit.findtext(f"{{{utr}}}unitId") for unit in root.iter(f"{{{utr}}}unit")
                     if unit.findtext(f"{{{utr}}}nsUnit") == "http://www.xbrl.org/2003/iso4217")


@functools.cache
def load_dts() -> Dts:
    schema = instance_schema()
    concepts = {name: _concept(schema, element) for name, element in schema.maps.elements.items()
                if name.startswith(f"{{{NAMESPACE}}}")}
    taxonomy = load_taxonomy()

    def clark(local: str | None) -> str | None:
        return f"{{{NAMESPACE}}}{local}" if local else None

    dimensions = {}
    for local, dimension in taxonomy.dimensions.items():
        members = frozenset(clark(m) for m in dimension.members)
        # Our explicit axes default to their domain (e.g. AllRecipientCategoriesMember).
        dimensions[clark(local)] = Dimension(clark(local), dimension.typed_domain, members,
                                             clark(dimension.default), clark(dimension.default))
    item_dimensions = {clark(item): frozenset(clark(d) for d in dims) for item, dims in taxonomy.item_dimensions.items()}
    summations = tuple(Summation(s.role, clark(s.total), tuple((clark(item), weight) for item, weight in s.items))
                       for s in taxonomy.summations)
    return Dts(concepts, dimensions, item_dimensions, summations)
