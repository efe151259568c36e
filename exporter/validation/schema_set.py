"""XML Schema validity against a DTS's own schemas, with libxml2, offline and safe.

One compiled schema set per DTS: a wrapper imports every target namespace of the DTS (a
namespace declared by several schemas gets a wrapper that includes them all) plus the schemas an
instance's ``xsi:schemaLocation`` hints name (for lax validation of segments and attributes; hints
never join the DTS). libxml2 fetches nothing itself: every location it asks for is served from
the bytes the DTS discovery already read, or through the same offline resolver; anything else is
answered with an empty schema, so libxml2 never opens a file or a socket.

Validated against the set: the instance (or inline target), every linkbase of the DTS (embedded
ones included) and, laxly, the appinfo content and foreign attributes of every taxonomy schema
(XBRL 2.1 requires them to be valid where the DTS declares them). libxml2's messages are cleaned
of its internal advice (e.g. "try XML_PARSE_HUGE") before they reach anyone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from exporter.taxonomy.dts.resolver import Resolver, Unresolved
from exporter.taxonomy.dts.urls import normalize

XS = "http://www.w3.org/2001/XMLSchema"
HOLDER_NS = "urn:disclosure-exporter:lax-holder"
_EMPTY_SCHEMA = f'<xs:schema xmlns:xs="{XS}"/>'.encode()
_SYNTHETIC = "http://schema-set.disclosure-exporter.invalid/"
_WRAPPER_URL = _SYNTHETIC + "wrapper.xsd"


def clean_libxml2_message(text: str) -> str:
    """One line, without libxml2's advice about its own parser options."""
    text = re.sub(r",?\s*(try|use) XML_PARSE_HUGE option", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\(use XML_PARSE_HUGE[^)]*\)", "", text, flags=re.IGNORECASE)
    return " ".join(text.split())


class _Served(etree.Resolver):
    """libxml2's only source of documents: the DTS's bytes, the offline resolver, else an empty schema."""

    def __init__(self, documents: dict[str, bytes], resolver: Resolver | None) -> None:
        super().__init__()
        self.documents = documents
        self.resolver = resolver

    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        url = normalize(system_url or "")
        data = self.documents.get(url)
        if data is None and self.resolver is not None and url:
            try:
                data = self.resolver.read(url)
                self.documents[url] = data
            except Unresolved:
                data = None
        return self.resolve_string(data if data is not None else _EMPTY_SCHEMA, context, base_url=url or None)


def _parser(served: _Served) -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    parser.resolvers.add(served)
    return parser


@dataclass
class SchemaSet:
    schema: etree.XMLSchema | None
    problems: list[tuple[str, int | None, str]]  # (URL, line, message) of a set that does not compile


def _wrapper(namespaces: dict[str, list[str]]) -> tuple[bytes, dict[str, bytes]]:
    """The wrapper schema and the per-namespace include wrappers it imports."""
    extra: dict[str, bytes] = {}
    root = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    holder = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS}, targetNamespace=HOLDER_NS,
                           elementFormDefault="qualified")
    for index, (namespace, urls) in enumerate(sorted(namespaces.items())):
        if namespace == HOLDER_NS:
            continue
        if not namespace:  # no target namespace: included into the wrapper, which has none either
            for url in urls:
                root.insert(0, etree.Element(f"{{{XS}}}include", schemaLocation=url))
            continue
        location = urls[0]
        if len(urls) > 1 and namespace:
            location = f"{_SYNTHETIC}namespace-{index}.xsd"
            including = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS}, targetNamespace=namespace)
            for url in urls:
                etree.SubElement(including, f"{{{XS}}}include", schemaLocation=url)
            extra[location] = etree.tostring(including)
        attributes = {"schemaLocation": location}
        if namespace:
            attributes["namespace"] = namespace
        etree.SubElement(root, f"{{{XS}}}import", attributes)
    element = etree.SubElement(holder, f"{{{XS}}}element", name="holder")
    complex_type = etree.SubElement(element, f"{{{XS}}}complexType")
    sequence = etree.SubElement(complex_type, f"{{{XS}}}sequence")
    etree.SubElement(sequence, f"{{{XS}}}any", namespace="##any", processContents="lax", minOccurs="0",
                     maxOccurs="unbounded")
    etree.SubElement(complex_type, f"{{{XS}}}anyAttribute", namespace="##any", processContents="lax")
    extra[_SYNTHETIC + "holder.xsd"] = etree.tostring(holder)
    etree.SubElement(root, f"{{{XS}}}import", namespace=HOLDER_NS, schemaLocation=_SYNTHETIC + "holder.xsd")
    return etree.tostring(root), extra


XML_NAMESPACE, XML_SCHEMA_URL = "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2001/xml.xsd"
INSTANCE_SCHEMA_URL = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
_ITEM_OR_TUPLE = re.compile(rb'<element ref="xbrli:item"\s*/>\s*<element ref="xbrli:tuple"\s*/>')
_FACT_FREE = ("http://www.xbrl.org/2003/instance", "http://www.xbrl.org/2003/linkbase")


def _instance_schema(data: bytes, namespaces: dict[str, list[str]]) -> bytes:
    """The XBRL instance schema with the root's facts as a strict wildcard over the DTS's namespaces.

    Written as ``xbrli:item | xbrli:tuple``, libxml2 turns the root's content model into an
    automaton with one branch per member of those substitution groups, and building it grows much
    faster than the taxonomy (a 3,400-item schema takes minutes). A strict wildcard over the
    namespaces that can hold concepts validates each fact against its own declaration the same way.
    """
    tokens = sorted(ns if ns else "##local" for ns in namespaces if ns not in _FACT_FREE)
    replacement = (f'<any namespace="{" ".join(tokens)}" processContents="strict"/>'.encode() if tokens else b"")
    patched, count = _ITEM_OR_TUPLE.subn(replacement, data)
    return patched if count == 1 else data


def compile_set(namespaces: dict[str, list[str]], documents: dict[str, bytes], resolver: Resolver | None
                ) -> SchemaSet:
    """The schemas of ``namespaces`` (namespace -> schema URLs) compiled by libxml2, or why not."""
    namespaces = {XML_NAMESPACE: [XML_SCHEMA_URL], **namespaces}
    wrapper, extra = _wrapper(namespaces)
    instance = documents.get(INSTANCE_SCHEMA_URL)
    if instance is None and resolver is not None:
        try:
            instance = resolver.read(INSTANCE_SCHEMA_URL)
        except Unresolved:
            instance = None
    if instance is not None:
        extra[INSTANCE_SCHEMA_URL] = _instance_schema(instance, namespaces)
    served = _Served({**documents, **extra}, resolver)
    try:
        root = etree.fromstring(wrapper, _parser(served), base_url=_WRAPPER_URL)
        return SchemaSet(etree.XMLSchema(root), [])
    except etree.XMLSchemaParseError as exc:
        problems = [(entry.filename or "", entry.line or None, clean_libxml2_message(entry.message))
                    for entry in exc.error_log if entry.level_name in ("ERROR", "FATAL")]
        return SchemaSet(None, problems or [("", None, clean_libxml2_message(str(exc)))])
    except etree.XMLSyntaxError as exc:
        return SchemaSet(None, [("", None, clean_libxml2_message(str(exc)))])


def errors(schema: etree.XMLSchema, tree: etree._ElementTree) -> Iterator[tuple[int | None, str, str | None]]:
    """(line, message, path) of each validity error of ``tree`` (nothing when valid)."""
    if schema.validate(tree):
        return
    for entry in schema.error_log:  # type: ignore[attr-defined]
        yield entry.line or None, clean_libxml2_message(entry.message), entry.path


def holder_tree(children: list[etree._Element], attributes: dict[str, str],
                nsmap: dict[str | None, str] | None = None) -> etree._ElementTree:
    """A lax holder for appinfo content and foreign attributes, to validate them where declared.

    ``nsmap``: the namespaces in scope where the content was (QName values in it need them).
    """
    holder = etree.Element(f"{{{HOLDER_NS}}}holder", nsmap={k: v for k, v in (nsmap or {}).items()  # type: ignore[misc]
                                                            if v != HOLDER_NS})
    for name, value in attributes.items():
        holder.set(name, value)
    for child in children:
        holder.append(_copy(child))
    return etree.ElementTree(holder)


def _copy(element: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(element)
