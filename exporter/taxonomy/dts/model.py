"""The taxonomy model: what a DTS declares, in plain picklable objects (no lxml trees).

One model for discovery, validation and generation. A :class:`Dts` holds every global element
declaration (:class:`Concept`; items and tuples are the concepts proper), every named type
(:class:`TypeDef`), role and arcrole types, resources (labels, references, footnotes...) and
relationships grouped by base set, with prohibition and overriding already applied
(:meth:`Dts.relationships`). Names are Clark names (``{namespace}local``) throughout.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
ITEM, TUPLE = f"{{{XBRLI}}}item", f"{{{XBRLI}}}tuple"
FRACTION_TYPE = f"{{{XBRLI}}}fractionItemType"


def line_of(element: object) -> int | None:
    """An lxml element's source line (the stubs type it loosely)."""
    value = getattr(element, "sourceline", None)
    return value if isinstance(value, int) else None


@dataclass(slots=True)
class Problem:
    """Something wrong found while discovering or reading the taxonomy (a message at the edge)."""

    code: str
    message: str
    url: str | None = None
    line: int | None = None
    severity: str = "error"


@dataclass(slots=True)
class AttributeDecl:
    name: str  # Clark
    type: str | None
    default: str | None = None
    fixed: str | None = None
    use: str = "optional"


@dataclass(slots=True)
class TypeDef:
    """A named (or anonymous) simple or complex type, as far as the rules need it."""

    name: str  # Clark; anonymous types get a unique made-up name
    base: str | None = None
    derivation: str | None = None  # "restriction", "extension", "list", "union" or None
    simple: bool = False  # an xs:simpleType
    content: str = "empty"  # "simple", "complex", "empty" (complex types) / "simple" (simple types)
    mixed: bool = False
    attributes: dict[str, AttributeDecl] = field(default_factory=dict)
    any_attribute_namespaces: tuple[str, ...] = ()  # the namespace tokens of anyAttribute wildcards
    element_particles: tuple[tuple[str, bool], ...] = ()  # (Clark name, is a reference) of xs:element particles
    has_any: bool = False
    enumeration: tuple[str, ...] = ()
    restricted: bool = False  # a restriction with facets (so not every value of its base is valid)
    url: str = ""
    line: int | None = None
    # computed when the DTS is complete:
    chain: tuple[str, ...] = ()  # self, base, base's base, ... (Clark names)
    primitive: str = "anyType"  # the built-in primitive the simple content derives from


@dataclass(slots=True)
class Concept:
    """A global element declaration; ``kind`` says whether it is an item, a tuple or neither."""

    name: str  # Clark
    local: str
    namespace: str
    type: str | None
    substitution_group: str | None
    abstract: bool = False
    nillable: bool = False
    default: str | None = None
    fixed: str | None = None
    id: str | None = None
    period_type: str | None = None
    balance: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)  # other attributes (Clark -> value)
    url: str = ""
    line: int | None = None
    # computed when the DTS is complete:
    groups: tuple[str, ...] = ()  # substitution group, its group, ...
    kind: str | None = None  # "item", "tuple" or None
    type_chain: tuple[str, ...] = ()
    primitive: str = "anyType"
    numeric: bool = False
    fraction: bool = False
    item_type: str | None = None  # the first xbrli:*ItemType (or other *ItemType) the type derives from

    @property
    def is_item(self) -> bool:
        return self.kind == "item"

    @property
    def is_tuple(self) -> bool:
        return self.kind == "tuple"

    def derives_from(self, type_name: str) -> bool:
        return type_name in self.type_chain

    @property
    def typed_domain_ref(self) -> str | None:
        return self.attributes.get(f"{{{XBRLDT}}}typedDomainRef")


@dataclass(slots=True)
class RoleType:
    """A roleType or arcroleType declaration."""

    uri: str
    arcrole: bool
    id: str | None
    definition: str | None
    used_on: tuple[str, ...]  # Clark names
    cycles_allowed: str | None  # arcroleType only: "any", "undirected" or "none"
    url: str
    line: int | None
    fragment_key: str = ""  # the node key a locator to this declaration resolves to


@dataclass(slots=True)
class Resource:
    """An XLink resource of an extended link: a label, reference, footnote or any other."""

    key: str  # unique node key
    element: str  # Clark name of the resource element
    role: str | None
    lang: str | None
    text: str
    id: str | None
    url: str
    line: int | None
    parts: tuple[tuple[str, str], ...] = ()  # (Clark, text) of child elements (references)


@dataclass(slots=True)
class Relationship:
    """One arc from one source node to one target node (a node is a concept name or a resource key)."""

    arc: str  # Clark name of the arc element
    arcrole: str
    link: str  # Clark name of the extended link element
    link_role: str
    source: str
    target: str
    order: Decimal = Decimal(1)
    priority: int = 0
    use: str = "optional"
    weight: Decimal | None = None
    preferred_label: str | None = None
    attributes: tuple[tuple[str, object], ...] = ()  # non-exempt attributes, typed, sorted
    url: str = ""
    line: int | None = None

    @property
    def base_set(self) -> tuple[str, str, str, str]:
        return (self.arcrole, self.link_role, self.link, self.arc)

    @property
    def equivalence_key(self) -> tuple[object, ...]:
        return (self.source, self.target, self.attributes)


BaseSet = tuple[str, str, str, str]  # (arcrole, link role, link element, arc element)


@dataclass
class Dts:
    """A discovered taxonomy: documents, declarations and relationship networks."""

    entry_points: tuple[str, ...]
    documents: dict[str, str]  # URL -> kind ("schema", "linkbase", "instance", "inline", "other")
    namespaces: dict[str, list[str]]  # target namespace -> schema URLs
    concepts: dict[str, Concept]  # every global element declaration, by Clark name
    types: dict[str, TypeDef]
    attributes: dict[str, AttributeDecl]  # global attribute declarations
    role_types: dict[str, list[RoleType]]
    arcrole_types: dict[str, list[RoleType]]
    resources: dict[str, Resource]
    base_sets: dict[BaseSet, list[Relationship]]  # every relationship, prohibitions included, by base set
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (URL, why) not available offline
    hashes: dict[str, str] = field(default_factory=dict)  # URL -> sha256 of the bytes read
    _networks: dict[BaseSet, list[Relationship]] = field(default_factory=dict, repr=False)
    _by_arcrole: dict[str, list[Relationship]] = field(default_factory=dict, repr=False)

    # -- concepts --------------------------------------------------------------------------------
    def concept(self, name: str) -> Concept | None:
        return self.concepts.get(name)

    def items(self) -> Iterator[Concept]:
        return (c for c in self.concepts.values() if c.kind == "item")

    def tuples(self) -> Iterator[Concept]:
        return (c for c in self.concepts.values() if c.kind == "tuple")

    def type(self, name: str | None) -> TypeDef | None:
        return self.types.get(name) if name else None

    @property
    def complete(self) -> bool:
        """Every document was available offline (else rules that need the whole DTS cannot judge)."""
        return not self.unresolved

    # -- relationships ---------------------------------------------------------------------------
    def network(self, base_set: BaseSet) -> list[Relationship]:
        """The relationships of one base set after prohibition and overriding (XBRL 2.1 3.5.3.9.7)."""
        found = self._networks.get(base_set)
        if found is None:
            found = self._networks[base_set] = effective(self.base_sets.get(base_set, ()))
        return found

    def relationships(self, arcrole: str, link_role: str | None = None) -> list[Relationship]:
        """The effective relationships of ``arcrole`` in every base set (or only those of ``link_role``)."""
        if link_role is None:
            found = self._by_arcrole.get(arcrole)
            if found is None:
                found = self._by_arcrole[arcrole] = [r for key in self.base_sets if key[0] == arcrole
                                                     for r in self.network(key)]
            return found
        return [r for key in self.base_sets if key[0] == arcrole and key[1] == link_role for r in self.network(key)]

    def base_sets_of(self, arcrole: str) -> list[BaseSet]:
        return [key for key in self.base_sets if key[0] == arcrole]

    def labels(self, concept: str) -> list[Resource]:
        return [self.resources[r.target] for r in self.relationships("http://www.xbrl.org/2003/arcrole/concept-label")
                if r.source == concept and r.target in self.resources]

    def label(self, concept: str, lang: str, role: str = "http://www.xbrl.org/2003/role/label") -> str | None:
        found = [r for r in self.labels(concept) if r.role == role]
        for resource in found:
            if resource.lang == lang:
                return resource.text
        prefix = lang.split("-")[0].lower()
        for resource in found:
            if (resource.lang or "").split("-")[0].lower() == prefix:
                return resource.text
        return None


def effective(relationships: Iterable[Relationship]) -> list[Relationship]:
    """Prohibition and overriding among equivalent relationships: the network of a base set.

    Of equivalent relationships only those of the highest priority count; if one of them is
    prohibited, none does; else one stands for all (the last, as declared).
    """
    groups: dict[tuple[object, ...], list[Relationship]] = {}
    order: list[tuple[object, ...]] = []
    for relationship in relationships:
        key = relationship.equivalence_key
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(relationship)
    result = []
    for key in order:
        group = groups[key]
        if len(group) == 1:
            if group[0].use != "prohibited":
                result.append(group[0])
            continue
        top = max(r.priority for r in group)
        highest = [r for r in group if r.priority == top]
        if any(r.use == "prohibited" for r in highest):
            continue
        result.append(highest[-1])
    return result
