"""What our taxonomy declares, read from its files: concepts, labels and dimensional rules.

One ``Taxonomy`` object (loaded once per process) answers the questions the fact builder, the
serializers and the validator ask: a concept's XBRL item type and the kind of unit it needs, its
period type, its labels in English and Japanese, and which dimensions and members it may carry.
It reads ``schemas/taxonomy`` only; the XBRL base schemas are known by their fixed type names.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from lxml import etree

from exporter.taxonomy.files import ENTRY_FILE, NAMESPACE, read_own_xml, taxonomy_dir
from exporter.taxonomy.namespaces import LINK, NUM, SUMMATION_ITEM, XBRLDT, XBRLI, XLINK, XS

DIM_ARCROLE = "http://xbrl.org/int/dim/arcrole/"
LABEL_ROLES = {
    "label": "http://www.xbrl.org/2003/role/label",
    "terse": "http://www.xbrl.org/2003/role/terseLabel",
    "verbose": "http://www.xbrl.org/2003/role/verboseLabel",
}


class UnitKind(StrEnum):
    """The kind of unit a numeric concept's type requires (as the UTR and XBRL 2.1 say)."""

    MONETARY = "monetary"  # one ISO 4217 currency
    SHARES = "shares"  # xbrli:shares
    PER_SHARE = "perShare"  # currency / xbrli:shares
    PURE = "pure"  # xbrli:pure (our counts of rights and persons)


# Our concepts' types, by Clark name, mapped to how the tool treats them.
_NUMERIC_TYPES = {
    f"{{{XBRLI}}}monetaryItemType": UnitKind.MONETARY,
    f"{{{XBRLI}}}sharesItemType": UnitKind.SHARES,
    f"{{{NUM}}}perShareItemType": UnitKind.PER_SHARE,
    f"{{{XBRLI}}}decimalItemType": UnitKind.PURE,
    f"{{{NUM}}}percentItemType": UnitKind.PURE,
}
_VALUE_TYPES = {
    f"{{{XBRLI}}}stringItemType": "string",
    f"{{{XBRLI}}}dateItemType": "date",
    f"{{{XBRLI}}}booleanItemType": "boolean",
    f"{{{XBRLI}}}tokenItemType": "token",
    f"{{{NAMESPACE}}}issuanceKindItemType": "token",
    f"{{{NAMESPACE}}}shareMethodItemType": "token",
    f"{{{NAMESPACE}}}noticeTypeItemType": "token",
    "{http://www.xbrl.org/dtr/type/non-numeric}textBlockItemType": "string",
}


@dataclass(frozen=True)
class Concept:
    """One concept of our taxonomy."""

    name: str  # local name
    type: str  # Clark name of the declared type
    period_type: str  # "instant" or "duration"
    abstract: bool
    substitution_group: str  # Clark name
    labels: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def clark(self) -> str:
        return f"{{{NAMESPACE}}}{self.name}"

    @property
    def unit_kind(self) -> UnitKind | None:
        return _NUMERIC_TYPES.get(self.type)

    @property
    def is_numeric(self) -> bool:
        return self.type in _NUMERIC_TYPES

    @property
    def value_kind(self) -> str:
        """'numeric', 'string', 'date', 'boolean' or 'token'."""
        return "numeric" if self.is_numeric else _VALUE_TYPES.get(self.type, "string")

    @property
    def is_item(self) -> bool:
        return self.substitution_group == f"{{{XBRLI}}}item" and not self.abstract

    def label(self, lang: str, role: str = "label") -> str:
        """The label in ``lang`` for ``role`` (label, terse, verbose), falling back to the standard one."""
        return self.labels.get((lang, role)) or self.labels.get((lang, "label")) or self.name


@dataclass(frozen=True)
class Dimension:
    name: str
    typed_domain: str | None  # Clark name of the typed domain element, for typed dimensions
    members: frozenset[str]  # local names of valid explicit members (domain included)
    default: str | None


@dataclass(frozen=True)
class Summation:
    """One total and its weighted items (local names), in one calculation role."""

    role: str
    total: str
    items: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Taxonomy:
    """The concepts and dimensional rules of the eqi taxonomy."""

    concepts: dict[str, Concept]
    dimensions: dict[str, Dimension]
    # primary item local name -> the dimensions its (closed) hypercube requires or allows
    item_dimensions: dict[str, frozenset[str]]
    summations: tuple[Summation, ...] = ()  # the calculation linkbase's summation-item arcs

    def concept(self, name: str) -> Concept:
        try:
            return self.concepts[name]
        except KeyError:
            raise KeyError(f"{name} is not a concept of the eqi taxonomy") from None

    def dimensions_of(self, concept_name: str) -> frozenset[str]:
        return self.item_dimensions.get(concept_name, frozenset())

    def required_dimensions(self, concept_name: str) -> frozenset[str]:
        """Dimensions a fact of this concept must carry: those without a default."""
        return frozenset(d for d in self.dimensions_of(concept_name) if self.dimensions[d].default is None)


def _qname_to_clark(element: etree._Element, qname: str) -> str:
    prefix, _, local = qname.rpartition(":")
    return f"{{{element.nsmap[prefix or None]}}}{local}"


def _locator_names(link: etree._Element) -> dict[str, str]:
    return {loc.get(f"{{{XLINK}}}label"): loc.get(f"{{{XLINK}}}href").split("#", 1)[1].removeprefix("eqi_")
            for loc in link.iter(f"{{{LINK}}}loc")}


def _read_concepts(folder: Path, schema: etree._Element) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for element in schema.iterfind(f"{{{XS}}}element"):
        group = element.get("substitutionGroup")
        if group is None:
            continue  # e.g. the typed domain element
        name = element.get("name")
        concepts[name] = Concept(
            name=name,
            type=_qname_to_clark(element, element.get("type")),
            period_type=element.get(f"{{{XBRLI}}}periodType"),
            abstract=element.get("abstract") == "true",
            substitution_group=_qname_to_clark(element, group),
            labels={},
        )
    for lang in ("en", "ja"):
        root = read_own_xml(folder / f"{ENTRY_FILE[:-4]}_lab-{lang}.xml")
        for link in root.iter(f"{{{LINK}}}labelLink"):
            names = _locator_names(link)
            resources = {lab.get(f"{{{XLINK}}}label"): lab for lab in link.iter(f"{{{LINK}}}label")}
            roles = {uri: short for short, uri in LABEL_ROLES.items()}
            for arc in link.iter(f"{{{LINK}}}labelArc"):
                label = resources[arc.get(f"{{{XLINK}}}to")]
                role = roles.get(label.get(f"{{{XLINK}}}role"))
                if role:
                    concepts[names[arc.get(f"{{{XLINK}}}from")]].labels[(lang, role)] = label.text
    return concepts


def _read_dimensions(folder: Path, schema: etree._Element):
    typed = {e.get("name"): e.get(f"{{{XBRLDT}}}typedDomainRef") for e in schema.iterfind(f"{{{XS}}}element")
             if e.get(f"{{{XBRLDT}}}typedDomainRef")}
    root = read_own_xml(folder / f"{ENTRY_FILE[:-4]}_def.xml")
    members: dict[str, set[str]] = {}
    defaults: dict[str, str] = {}
    item_dims: dict[str, frozenset[str]] = {}
    for link in root.iter(f"{{{LINK}}}definitionLink"):
        names = _locator_names(link)
        arcs = [(a.get(f"{{{XLINK}}}arcrole").removeprefix(DIM_ARCROLE), names[a.get(f"{{{XLINK}}}from")],
                 names[a.get(f"{{{XLINK}}}to")]) for a in link.iter(f"{{{LINK}}}definitionArc")]
        children: dict[str, list[str]] = {}
        for role, source, target in arcs:
            if role in ("domain-member", "dimension-domain"):
                children.setdefault(source, []).append(target)
        hypercube_dims: dict[str, set[str]] = {}
        for role, source, target in arcs:
            if role == "hypercube-dimension":
                hypercube_dims.setdefault(source, set()).add(target)
            elif role == "dimension-default":
                defaults[source] = target
        for role, source, target in arcs:
            if role == "dimension-domain":
                stack, seen = [target], set()
                while stack:
                    node = stack.pop()
                    if node not in seen:
                        seen.add(node)
                        stack.extend(children.get(node, ()))
                members.setdefault(source, set()).update(seen)
        for role, source, target in arcs:
            if role == "all":
                dims = frozenset(hypercube_dims.get(target, ()))
                for item in children.get(source, ()):
                    item_dims[item] = dims
    dimensions = {}
    for name in set(members) | set(typed) | {d for ds in item_dims.values() for d in ds}:
        ref = typed.get(name)
        domain = f"{{{NAMESPACE}}}{ref.removeprefix('#eqi_')}" if ref else None
        dimensions[name] = Dimension(name, domain, frozenset(members.get(name, ())), defaults.get(name))
    return dimensions, item_dims


def _read_summations(folder: Path) -> tuple[Summation, ...]:
    root = read_own_xml(folder / f"{ENTRY_FILE[:-4]}_cal.xml")
    found = []
    for link in root.iter(f"{{{LINK}}}calculationLink"):
        names = _locator_names(link)
        totals: dict[str, list[tuple[str, int]]] = {}
        for arc in link.iter(f"{{{LINK}}}calculationArc"):
            if arc.get(f"{{{XLINK}}}arcrole") == SUMMATION_ITEM:
                totals.setdefault(names[arc.get(f"{{{XLINK}}}from")], []).append(
                    (names[arc.get(f"{{{XLINK}}}to")], int(float(arc.get("weight", "1")))))
        role = link.get(f"{{{XLINK}}}role")
        found += [Summation(role, total, tuple(items)) for total, items in totals.items()]
    return tuple(found)


@functools.cache
def load_taxonomy(folder: Path | None = None) -> Taxonomy:
    """Read the taxonomy in ``folder`` (default: the bundled one). Cached: call freely."""
    folder = folder or taxonomy_dir()
    schema = read_own_xml(folder / ENTRY_FILE)
    concepts = _read_concepts(folder, schema)
    dimensions, item_dims = _read_dimensions(folder, schema)
    return Taxonomy(concepts=concepts, dimensions=dimensions, item_dimensions=item_dims,
                    summations=_read_summations(folder))
