"""Reading taxonomy schemas into the model: element, type and attribute declarations, role types.

Only what XBRL rules need is read (no content-model automaton: an XML Schema processor, libxml2,
validates documents). Anonymous types get made-up names so that every element has a type name.
Type chains and the built-in primitive of each type are computed by :func:`complete_types` once
every schema of the DTS has been read.
"""
from __future__ import annotations

from lxml import etree

from exporter.taxonomy.dts import xsd_types
from exporter.taxonomy.dts.model import (
    FRACTION_TYPE,
    ITEM,
    LINK,
    TUPLE,
    XBRLI,
    AttributeDecl,
    Concept,
    Problem,
    RoleType,
    TypeDef,
    line_of,
)

XS = xsd_types.XS
_ELEMENT, _COMPLEX, _SIMPLE = f"{{{XS}}}element", f"{{{XS}}}complexType", f"{{{XS}}}simpleType"
_ATTRIBUTE, _ANNOTATION, _APPINFO = f"{{{XS}}}attribute", f"{{{XS}}}annotation", f"{{{XS}}}appinfo"
_PERIOD_TYPE, _BALANCE = f"{{{XBRLI}}}periodType", f"{{{XBRLI}}}balance"
_ANY_TYPE = f"{{{XS}}}anyType"


def qname(element: etree._Element, value: str | None) -> str | None:
    """A QName-valued attribute as a Clark name (None when absent or its prefix is undeclared)."""
    if value is None:
        return None
    value = value.strip()
    prefix, _, local = value.rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    if namespace is None:
        return local if not prefix else None
    return f"{{{namespace}}}{local}"


# Published schemas (the XBRL base schemas and our own taxonomy's) read once per process, by bytes.
_PUBLISHED = ("http://www.xbrl.org/", "https://www.xbrl.org/", "http://xbrl.org/", "https://xbrl.org/",
              "http://www.w3.org/", "http://disclosure-exporter.dev/")
_READ: dict[tuple[str, str | None, str | None], SchemaReader] = {}


class SchemaReader:
    """Collects the declarations of every schema document into shared dictionaries."""

    def __init__(self) -> None:
        self.concepts: dict[str, Concept] = {}
        self.types: dict[str, TypeDef] = {}
        self.attributes: dict[str, AttributeDecl] = {}
        self.role_types: dict[str, list[RoleType]] = {}
        self.arcrole_types: dict[str, list[RoleType]] = {}
        self.problems: list[Problem] = []
        self._anonymous = 0
        self._prefix = ""

    def read(self, url: str, root: etree._Element, namespace: str | None, digest: str | None = None) -> None:
        """Read one schema document's declarations (a published one, by its bytes, only once per process)."""
        key = (url, namespace, digest)
        if digest is not None and url.startswith(_PUBLISHED):
            parts = _READ.get(key)
            if parts is None:
                single = SchemaReader()
                single._read(url, root, namespace)
                parts = _READ[key] = single
            self._merge(parts)
            return
        self._read(url, root, namespace)

    def _merge(self, other: SchemaReader) -> None:
        for name, concept in other.concepts.items():
            self.concepts.setdefault(name, concept)
        for name, definition in other.types.items():
            self.types.setdefault(name, definition)
        for name, attribute in other.attributes.items():
            self.attributes.setdefault(name, attribute)
        for uri, declared in other.role_types.items():
            self.role_types.setdefault(uri, []).extend(declared)
        for uri, declared in other.arcrole_types.items():
            self.arcrole_types.setdefault(uri, []).extend(declared)
        self.problems += other.problems

    def _read(self, url: str, root: etree._Element, namespace: str | None) -> None:
        self._prefix = url
        ns = namespace or ""
        for child in root:
            tag = child.tag
            if tag == _ELEMENT:
                self._element(url, child, ns)
            elif tag in (_COMPLEX, _SIMPLE):
                name = child.get("name")
                if name:
                    self._type(url, child, f"{{{ns}}}{name}" if ns else name, ns)
            elif tag == _ATTRIBUTE and child.get("name"):
                name = f"{{{ns}}}{child.get('name')}" if ns else child.get("name", "")
                self.attributes.setdefault(name, self._attribute_decl(child, name, ns))
            elif tag == _ANNOTATION:
                for appinfo in child.iterfind(_APPINFO):
                    self._appinfo(url, appinfo)

    # -- elements ---------------------------------------------------------------------------------
    def _element(self, url: str, element: etree._Element, ns: str) -> None:
        local = element.get("name")
        if not local:
            return
        name = f"{{{ns}}}{local}" if ns else local
        type_name = qname(element, element.get("type"))
        inline = next((c for c in element if c.tag in (_COMPLEX, _SIMPLE)), None)
        if inline is not None:
            type_name = self._anonymous_type(url, inline, ns)
        elif type_name is None and element.get("type") is None and element.get("substitutionGroup") is None:
            type_name = _ANY_TYPE
        other = {str(k): str(v) for k, v in element.attrib.items()
                 if str(k).startswith("{") and k not in (_PERIOD_TYPE, _BALANCE)}
        concept = Concept(
            name=name, local=local, namespace=ns, type=type_name,
            substitution_group=qname(element, element.get("substitutionGroup")),
            abstract=element.get("abstract", "false").strip() in ("true", "1"),
            nillable=element.get("nillable", "false").strip() in ("true", "1"),
            default=element.get("default"), fixed=element.get("fixed"), id=element.get("id"),
            period_type=element.get(_PERIOD_TYPE), balance=element.get(_BALANCE), attributes=other,
            url=url, line=line_of(element))
        if name in self.concepts and self.concepts[name].url != url:
            self.problems.append(Problem("xsd:duplicateDeclaration", f"element {name} is declared in "
                                         f"{self.concepts[name].url} and again here", url, line_of(element)))
            return
        self.concepts.setdefault(name, concept)

    # -- types --------------------------------------------------------------------------------------
    def _anonymous_type(self, url: str, element: etree._Element, ns: str) -> str:
        self._anonymous += 1
        local = f"#anonymous{self._anonymous}@{self._prefix}"  # unique across documents read separately
        name = f"{{{ns}}}{local}" if ns else local
        self._type(url, element, name, ns)
        return name

    def _type(self, url: str, element: etree._Element, name: str, ns: str) -> None:
        definition = TypeDef(name=name, url=url, line=line_of(element), simple=element.tag == _SIMPLE,
                             mixed=element.get("mixed", "false").strip() in ("true", "1"))
        if definition.simple:
            definition.content = "simple"
            self._simple(element, definition, url, ns)
        else:
            self._complex(element, definition, url, ns)
        self.types.setdefault(name, definition)

    def _simple(self, element: etree._Element, definition: TypeDef, url: str, ns: str) -> None:
        for child in element:
            local = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if local == "restriction":
                definition.derivation = "restriction"
                definition.base = qname(child, child.get("base"))
                inline = child.find(_SIMPLE)
                if inline is not None:
                    definition.base = self._anonymous_type(url, inline, ns)
                definition.enumeration = tuple(e.get("value", "") for e in child.iterfind(f"{{{XS}}}enumeration"))
                definition.restricted = _has_facets(child)
            elif local == "list":
                definition.derivation = "list"
                definition.base = qname(child, child.get("itemType"))
            elif local == "union":
                definition.derivation = "union"
                members = (child.get("memberTypes") or "").split()
                definition.base = qname(child, members[0]) if members else None

    def _complex(self, element: etree._Element, definition: TypeDef, url: str, ns: str) -> None:
        body = element
        for child in element:
            local = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if local in ("simpleContent", "complexContent"):
                definition.content = "simple" if local == "simpleContent" else "complex"
                if local == "complexContent" and child.get("mixed", "").strip() in ("true", "1"):
                    definition.mixed = True
                derivation = next((c for c in child if isinstance(c.tag, str)
                                   and etree.QName(c).localname in ("restriction", "extension")), None)
                if derivation is not None:
                    definition.derivation = etree.QName(derivation).localname
                    definition.base = qname(derivation, derivation.get("base"))
                    body = derivation
                    if local == "simpleContent":
                        definition.enumeration = tuple(e.get("value", "") for e in
                                                       derivation.iterfind(f"{{{XS}}}enumeration"))
                        definition.restricted = _has_facets(derivation)
                break
        else:
            definition.base = _ANY_TYPE
            definition.derivation = "restriction"
        particles: list[tuple[str, bool]] = []
        has_model = False
        for item in body.iter():
            if not isinstance(item.tag, str) or item is body:
                continue
            local = etree.QName(item).localname if item.tag.startswith(f"{{{XS}}}") else ""
            if local == "element":
                has_model = True
                ref = item.get("ref")
                particles.append((qname(item, ref) or "", True) if ref else (item.get("name", ""), False))
            elif local == "any":
                has_model = True
                definition.has_any = True
            elif local in ("sequence", "choice", "all", "group"):
                has_model = True
            elif local == "attribute" and item.getparent() is not None and \
                    etree.QName(item.getparent()).localname not in ("element",):
                self._attribute(item, definition, ns)
            elif local == "anyAttribute":
                definition.any_attribute_namespaces += tuple((item.get("namespace") or "##any").split())
        definition.element_particles = tuple(particles)
        if definition.content == "empty" and (has_model or definition.mixed):
            definition.content = "complex"

    def _attribute(self, item: etree._Element, definition: TypeDef, ns: str) -> None:
        ref = item.get("ref")
        if ref:
            name = qname(item, ref) or ref
            declared = AttributeDecl(name, None, item.get("default"), item.get("fixed"), item.get("use", "optional"))
        else:
            local = item.get("name", "")
            qualified = item.get("form") == "qualified"
            name = f"{{{ns}}}{local}" if qualified and ns else local
            declared = self._attribute_decl(item, name, ns)
        definition.attributes[name] = declared

    def _attribute_decl(self, item: etree._Element, name: str, ns: str) -> AttributeDecl:
        type_name = qname(item, item.get("type"))
        inline = item.find(_SIMPLE)
        if inline is not None:
            type_name = self._anonymous_type("", inline, ns)
        return AttributeDecl(name, type_name, item.get("default"), item.get("fixed"), item.get("use", "optional"))

    # -- role types ---------------------------------------------------------------------------------
    def _appinfo(self, url: str, appinfo: etree._Element) -> None:
        for item in appinfo:
            if item.tag in (f"{{{LINK}}}roleType", f"{{{LINK}}}arcroleType"):
                arcrole = item.tag == f"{{{LINK}}}arcroleType"
                uri = (item.get("arcroleURI" if arcrole else "roleURI") or "").strip()
                used_on = tuple(qname(u, u.text) or (u.text or "").strip() for u in item.iterfind(f"{{{LINK}}}usedOn"))
                declared = RoleType(uri=uri, arcrole=arcrole, id=item.get("id"),
                                    definition=item.findtext(f"{{{LINK}}}definition"), used_on=used_on,
                                    cycles_allowed=item.get("cyclesAllowed") if arcrole else None,
                                    url=url, line=line_of(item))
                (self.arcrole_types if arcrole else self.role_types).setdefault(uri, []).append(declared)


_FACETS = frozenset(f"{{{XS}}}{name}" for name in (
    "length", "minLength", "maxLength", "pattern", "enumeration", "maxInclusive", "maxExclusive", "minInclusive",
    "minExclusive", "totalDigits", "fractionDigits"))


def _has_facets(restriction: etree._Element) -> bool:
    return any(child.tag in _FACETS for child in restriction) or restriction.find(f"{{{XS}}}simpleType") is not None


def _chain(types: dict[str, TypeDef], start: str | None) -> tuple[str, ...]:
    chain: list[str] = []
    current = start
    while current and current not in chain and len(chain) < 64:
        chain.append(current)
        definition = types.get(current)
        if definition is not None:
            current = definition.base
        elif xsd_types.is_builtin(current):
            current = xsd_types.builtin_base(current)
        else:
            break
    return tuple(chain)


def _primitive(types: dict[str, TypeDef], chain: tuple[str, ...]) -> str:
    for name in chain:
        if xsd_types.is_builtin(name):
            primitive = xsd_types.primitive_of(name)
            if primitive != "anyType":
                return primitive
        definition = types.get(name)
        if definition is not None and definition.derivation in ("list", "union"):
            return "string"
    return "anyType"


def complete_types(types: dict[str, TypeDef], concepts: dict[str, Concept]) -> None:
    """Type chains, primitives, substitution groups and item/tuple kinds, once every schema is read."""
    for definition in types.values():
        if definition.chain and definition.url.startswith(_PUBLISHED):
            continue  # a published schema's type, already completed (its chain stays within those schemas)
        definition.chain = _chain(types, definition.name)
        definition.primitive = _primitive(types, definition.chain)
    for concept in concepts.values():
        if concept.type_chain and concept.url.startswith(_PUBLISHED):
            continue
        groups: list[str] = []
        group = concept.substitution_group
        while group and group not in groups and len(groups) < 64:
            groups.append(group)
            head = concepts.get(group)
            group = head.substitution_group if head is not None else None
            if concept.type is None and head is not None and head.type is not None:
                concept.type = head.type  # an element without a type takes its group head's
        concept.groups = tuple(groups)
        if concept.type is None:
            concept.type = _ANY_TYPE
        concept.kind = "item" if ITEM in groups or concept.name == ITEM else \
            "tuple" if TUPLE in groups or concept.name == TUPLE else None
        if concept.name in (ITEM, TUPLE):
            concept.kind = None  # the heads themselves are abstract, not concepts
        concept.type_chain = _chain(types, concept.type)
        concept.primitive = _primitive(types, concept.type_chain)
        concept.fraction = FRACTION_TYPE in concept.type_chain
        concept.numeric = concept.kind == "item" and (concept.fraction or
                                                      concept.primitive in xsd_types.NUMERIC_PRIMITIVES)
        concept.item_type = next((t for t in concept.type_chain if t.endswith("ItemType")), None)
