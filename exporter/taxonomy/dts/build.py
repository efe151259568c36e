"""From discovered documents to the model: declarations, role types, resources and relationships."""
from __future__ import annotations

from lxml import etree

from exporter.taxonomy.dts.discovery import XS, Discovered
from exporter.taxonomy.dts.linkbases import LinkReader
from exporter.taxonomy.dts.model import LINK, Dts, Problem, Relationship, line_of
from exporter.taxonomy.dts.schemas import SchemaReader, complete_types
from exporter.taxonomy.dts.urls import split_fragment

_LINKBASE = f"{{{LINK}}}linkbase"
_ELEMENT, _SCHEMA = f"{{{XS}}}element", f"{{{XS}}}schema"
_ROLE_TYPES = (f"{{{LINK}}}roleType", f"{{{LINK}}}arcroleType")


def role_node(arcrole: bool, url: str, line: int | None) -> str:
    return f"{'arcrole' if arcrole else 'role'}:{url}#{line}"


def _namespace(found: Discovered, url: str) -> str | None:
    seen: set[str] = set()
    current = url
    while current not in seen:
        seen.add(current)
        namespace = found.trees[current].getroot().get("targetNamespace")
        if namespace is not None:
            return namespace
        including = found.includes.get(current)
        if including is None or including not in found.trees:
            return None
        current = including
    return None


def embedded_linkbases(root: etree._Element) -> list[etree._Element]:
    """link:linkbase elements in a schema's appinfo (the only place they may be embedded)."""
    return [item for appinfo in root.iterfind(f"{{{XS}}}annotation/{{{XS}}}appinfo")
            for item in appinfo if item.tag == _LINKBASE]


def check_references(found: Discovered) -> list[Problem]:
    """schemaRef, xs:import/include and roleRef must reach schemas; linkbaseRef a linkbase."""
    problems = []
    for referrer, line, expect, target in found.references:
        document, fragment = split_fragment(target)
        kind = found.kinds.get(document)
        if kind is None or kind == "missing" or expect == "any":
            continue
        if expect == "schema" and kind != "schema":
            problems.append(Problem("xbrl21:notASchema", f"{target} is referenced as a schema but is a {kind} document",
                                    referrer, line))
        elif expect == "linkbase" and kind != "linkbase":
            embedded = kind == "schema" and fragment and any(
                e.get("id") == fragment for e in embedded_linkbases(found.trees[document].getroot()))
            if not embedded:
                problems.append(Problem("xbrl21:notALinkbase", f"{target} is referenced as a linkbase but is a {kind} "
                                        "document", referrer, line))
    return problems


def build(found: Discovered) -> Dts:
    schemas = SchemaReader()
    namespaces: dict[str, list[str]] = {}
    for url, kind in found.kinds.items():
        if kind == "schema":
            namespace = _namespace(found, url)
            namespaces.setdefault(namespace or "", []).append(url)
            schemas.read(url, found.trees[url].getroot(), namespace, found.hashes.get(url))
    complete_types(schemas.types, schemas.concepts)
    for declared in [*(r for rs in schemas.role_types.values() for r in rs),
                     *(r for rs in schemas.arcrole_types.values() for r in rs)]:
        declared.fragment_key = role_node(declared.arcrole, declared.url, declared.line)
    namespace_of = {url: namespace for namespace, urls in namespaces.items() for url in urls}

    def node_of(url: str, element: etree._Element) -> str | None:
        """A global element declaration's concept name, or a role type's key (else None)."""
        tag = element.tag
        if tag == _ELEMENT:
            parent = element.getparent()
            if parent is not None and parent.tag == _SCHEMA and url in namespace_of:
                namespace, local = namespace_of[url], element.get("name", "")
                name = f"{{{namespace}}}{local}" if namespace else local
                concept = schemas.concepts.get(name)
                if concept is not None and concept.url == url:
                    return name
        elif tag in _ROLE_TYPES:
            return role_node(tag == _ROLE_TYPES[1], url, line_of(element))
        return None

    def is_concept(node: str) -> bool:
        concept = schemas.concepts.get(node)
        return concept is not None and concept.kind is not None

    links = LinkReader(found.trees, found.kinds, node_of, is_concept)
    holders: list[tuple[str, etree._Element]] = []
    for url, kind in found.kinds.items():
        if kind == "linkbase":
            holders.append((url, found.trees[url].getroot()))
        elif kind == "schema":
            holders += [(url, embedded) for embedded in embedded_linkbases(found.trees[url].getroot())]
    for url, holder in holders:
        links.read_resources(url, holder)
    for url, holder in holders:
        links.read_links(url, holder)
    base_sets: dict[tuple[str, str, str, str], list[Relationship]] = {}
    for relationship in links.relationships:
        base_sets.setdefault(relationship.base_set, []).append(relationship)
    return Dts(
        entry_points=found.entry_points, documents=dict(found.kinds), namespaces=namespaces,
        concepts=schemas.concepts, types=schemas.types, attributes=schemas.attributes,
        role_types=schemas.role_types, arcrole_types=schemas.arcrole_types, resources=links.resources,
        base_sets=base_sets,
        problems=[*found.problems, *check_references(found), *schemas.problems, *links.problems],
        unresolved=list(found.unresolved), hashes=dict(found.hashes))
