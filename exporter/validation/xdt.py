"""XBRL Dimensions 1.0 over any DTS: dimensions, hypercubes and which primary items they constrain.

From the definition networks of the model: has-hypercube (``all``/``notAll``, with ``closed``,
``contextElement`` and ``targetRole``), hypercube-dimension, dimension-domain and domain-member
(``usable``, ``targetRole``), dimension-default. Primary items inherit the hypercubes of the
items above them in domain-member relationships of the same role. Each has-hypercube becomes a
:class:`Cube`: its dimensions with the usable members of each explicit one.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from exporter.taxonomy.dts.model import XBRLDT, Dts, Relationship

DIM = "http://xbrl.org/int/dim/arcrole/"
ALL, NOT_ALL = DIM + "all", DIM + "notAll"
HYPERCUBE_DIMENSION, DIMENSION_DOMAIN = DIM + "hypercube-dimension", DIM + "dimension-domain"
DOMAIN_MEMBER, DIMENSION_DEFAULT = DIM + "domain-member", DIM + "dimension-default"
DIMENSION_ITEM, HYPERCUBE_ITEM = f"{{{XBRLDT}}}dimensionItem", f"{{{XBRLDT}}}hypercubeItem"
_CLOSED, _CONTEXT = f"{{{XBRLDT}}}closed", f"{{{XBRLDT}}}contextElement"
_TARGET_ROLE, _USABLE = f"{{{XBRLDT}}}targetRole", f"{{{XBRLDT}}}usable"


@dataclass(frozen=True)
class Dimension:
    clark: str
    typed_domain: str | None  # Clark name of the typed domain element, for a typed dimension
    members: frozenset[str]  # every usable member of the dimension in any of its domains
    domain: str | None  # a domain root (Clark)
    default: str | None  # Clark


@dataclass(frozen=True)
class Cube:
    """One has-hypercube relationship of a primary item, resolved."""

    hypercube: str
    role: str  # the role of the has-hypercube relationship (cubes of one role are judged together)
    positive: bool  # all (True) or notAll (False)
    closed: bool
    context_element: str  # "segment" or "scenario"
    dimensions: dict[str, frozenset[str] | None]  # dimension -> usable members (None: typed)


@dataclass
class DimensionalModel:
    dimensions: dict[str, Dimension]
    cubes: dict[str, list[Cube]]  # primary item -> its cubes (own and inherited)
    item_dimensions: dict[str, frozenset[str]] = field(default_factory=dict)  # primary item -> every dimension


def _attr(relationship: Relationship, name: str) -> str | None:
    for key, value in relationship.attributes:
        if key == name and isinstance(value, tuple):
            kind, typed = value[0], value[1]
            return str(typed).lower() if kind == "b" else str(typed)
    return None


def _by_source(relationships: list[Relationship]) -> dict[tuple[str, str], list[Relationship]]:
    found: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
    for relationship in relationships:
        found[(relationship.link_role, relationship.source)].append(relationship)
    return found


def dimensional_model(dts: Dts) -> DimensionalModel:
    concepts = dts.concepts
    dimension_names = [c.name for c in concepts.values() if DIMENSION_ITEM in c.groups]
    defaults: dict[str, str] = {}
    for relationship in dts.relationships(DIMENSION_DEFAULT):
        defaults.setdefault(relationship.source, relationship.target)
    members_of = _by_source(dts.relationships(DOMAIN_MEMBER))
    domains_of = _by_source(dts.relationships(DIMENSION_DOMAIN))
    dimensions_of = _by_source(dts.relationships(HYPERCUBE_DIMENSION))

    def walk_domain(role: str, node: str, usable: bool, found: set[str], seen: set[tuple[str, str]]) -> None:
        if (role, node) in seen:
            return
        seen.add((role, node))
        if usable:
            found.add(node)
        for relationship in members_of.get((role, node), ()):
            target_role = _attr(relationship, _TARGET_ROLE) or role
            walk_domain(target_role, relationship.target, _attr(relationship, _USABLE) != "false", found, seen)

    known: dict[tuple[str, str], frozenset[str]] = {}

    def dimension_members(role: str, dimension: str) -> frozenset[str]:
        if (role, dimension) in known:
            return known[(role, dimension)]
        found: set[str] = set()
        for relationship in domains_of.get((role, dimension), ()):
            target_role = _attr(relationship, _TARGET_ROLE) or role
            walk_domain(target_role, relationship.target, _attr(relationship, _USABLE) != "false", found, set())
        known[(role, dimension)] = frozenset(found)
        return known[(role, dimension)]

    all_members: dict[str, set[str]] = defaultdict(set)
    domain_roots: dict[str, str] = {}
    for (role, dimension), relationships in domains_of.items():
        all_members[dimension] |= dimension_members(role, dimension)
        domain_roots.setdefault(dimension, relationships[0].target)
    dimensions = {}
    for name in dimension_names:
        typed = concepts[name].typed_domain_ref
        dimensions[name] = Dimension(name, _typed_domain(dts, name, typed) if typed else None,
                                     frozenset(all_members.get(name, ())), domain_roots.get(name), defaults.get(name))

    cubes: dict[str, list[Cube]] = defaultdict(list)
    for arcrole in (ALL, NOT_ALL):
        for relationship in dts.relationships(arcrole):
            role = relationship.link_role
            cube_role = _attr(relationship, _TARGET_ROLE) or role
            cube_dimensions: dict[str, frozenset[str] | None] = {}
            for link in dimensions_of.get((cube_role, relationship.target), ()):
                dimension = link.target
                dim_role = _attr(link, _TARGET_ROLE) or cube_role
                is_typed = dimension in dimensions and dimensions[dimension].typed_domain is not None
                cube_dimensions[dimension] = None if is_typed else dimension_members(dim_role, dimension)
            cube = Cube(relationship.target, role, arcrole == ALL, _attr(relationship, _CLOSED) == "true",
                        _attr(relationship, _CONTEXT) or "segment", cube_dimensions)
            for item in _inheritors(members_of, role, relationship.source):
                cubes[item].append(cube)
    item_dimensions = {item: frozenset(d for cube in found for d in cube.dimensions) for item, found in cubes.items()}
    return DimensionalModel(dimensions, dict(cubes), item_dimensions)


def _inheritors(members_of: dict[tuple[str, str], list[Relationship]], role: str, item: str) -> set[str]:
    """The primary item and every item below it in domain-member relationships (its inheritors)."""
    found, stack = set(), [(role, item)]
    while stack:
        current_role, node = stack.pop()
        if node in found:
            continue
        found.add(node)
        for relationship in members_of.get((current_role, node), ()):
            stack.append((_attr(relationship, _TARGET_ROLE) or current_role, relationship.target))
    return found


def _typed_domain(dts: Dts, dimension: str, ref: str) -> str | None:
    """The Clark name of the element a typedDomainRef (a URL with a fragment) points at."""
    from exporter.taxonomy.dts.urls import join, split_fragment

    concept = dts.concepts[dimension]
    document, fragment = split_fragment(join(concept.url, ref))
    for candidate in dts.concepts.values():
        if candidate.url == document and candidate.id == fragment:
            return candidate.name
    return None
