"""DTS discovery (XBRL 2.1 3.2): from entry points to every document of the taxonomy, offline.

Starting from an instance's schemaRef, linkbaseRef, roleRef and arcroleRef (or from a schema or
linkbase given as the entry point), documents are discovered through ``xs:import``,
``xs:include``, linkbaseRef in appinfo, linkbases embedded in appinfo, and ``link:loc``,
roleRef and arcroleRef in linkbases; every href is resolved with xml:base. Each document is read
through the :class:`~exporter.taxonomy.dts.resolver.Resolver` (never the network, never a file
outside the allowed folders) and parsed with the hardened parser. What cannot be had offline is
recorded as unresolved ("not judged"); a reference to a document of the wrong kind, a missing
local file or a refused one is a problem (an error).
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from exporter.safety.xml import UnsafeXmlError, parse_untrusted
from exporter.taxonomy.dts.model import LINK, XBRLI, XLINK, Problem, line_of
from exporter.taxonomy.dts.resolver import NotOffline, Resolver, Unresolved
from exporter.taxonomy.dts.urls import base_of, join, split_fragment

XS = "http://www.w3.org/2001/XMLSchema"
XHTML = "http://www.w3.org/1999/xhtml"
HREF = f"{{{XLINK}}}href"
_SCHEMA, _LINKBASE, _XBRL = f"{{{XS}}}schema", f"{{{LINK}}}linkbase", f"{{{XBRLI}}}xbrl"
_LOC, _ROLE_REF, _ARCROLE_REF = f"{{{LINK}}}loc", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef"
_SCHEMA_REF, _LINKBASE_REF = f"{{{LINK}}}schemaRef", f"{{{LINK}}}linkbaseRef"
XLINK_TYPE = f"{{{XLINK}}}type"

# Namespaces whose schema everyone knows: an xs:import without schemaLocation finds them here.
STANDARD_LOCATIONS = {
    XBRLI: "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    LINK: "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    XLINK: "http://www.xbrl.org/2003/xlink-2003-12-31.xsd",
    "http://www.xbrl.org/2003/XLink": "http://www.xbrl.org/2003/xl-2003-12-31.xsd",
    "http://xbrl.org/2005/xbrldt": "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    "http://xbrl.org/2006/xbrldi": "http://www.xbrl.org/2006/xbrldi-2006.xsd",
    "http://www.w3.org/XML/1998/namespace": "http://www.w3.org/2001/xml.xsd",
}


# Parsed taxonomy documents, shared by every DTS of this process that reads the same bytes at the
# same URL (the XBRL base schemas are in nearly every DTS). Trees are only read, never changed.
_PARSED: dict[tuple[str, str], etree._ElementTree] = {}
_PARSED_LIMIT = 2048


def kind_of(root: etree._Element) -> str:
    tag = root.tag
    if tag == _SCHEMA:
        return "schema"
    if tag == _LINKBASE:
        return "linkbase"
    if tag == _XBRL:
        return "instance"
    if tag in (f"{{{XHTML}}}html", "html"):
        return "inline"
    return "other"


@dataclass
class Discovered:
    """The documents of a DTS as parsed trees, before the model is built from them."""

    entry_points: tuple[str, ...]
    trees: dict[str, etree._ElementTree] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    data: dict[str, bytes] = field(default_factory=dict)  # the bytes read (for the XML Schema processor)
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    # (referring URL, line, expected kind, target URL with fragment)
    references: list[tuple[str, int | None, str, str]] = field(default_factory=list)
    includes: dict[str, str] = field(default_factory=dict)  # included schema URL -> including schema URL
    schema_locations: list[tuple[str, str]] = field(default_factory=list)  # (namespace, URL) xsi hints

    def order(self) -> list[str]:
        return list(self.trees)


class _Discovery:
    def __init__(self, resolver: Resolver, result: Discovered) -> None:
        self.resolver = resolver
        self.result = result
        self.queue: deque[str] = deque()
        self.seen: set[str] = set()

    def problem(self, code: str, message: str, url: str | None, element: etree._Element | None = None) -> None:
        self.result.problems.append(Problem(code, message, url, line_of(element) if element is not None else None))

    def want(self, href: str, element: etree._Element, url: str, expect: str) -> str:
        """Queue the document ``href`` (relative to ``element``'s base) names; its URL with fragment."""
        target = join(base_of(element, url), href)
        document, _ = split_fragment(target)
        self.result.references.append((url, line_of(element), expect, target))
        if document not in self.seen:
            self.seen.add(document)
            self.queue.append(document)
        return target

    def add_tree(self, url: str, tree: etree._ElementTree, data: bytes | None, digest: str | None = None) -> None:
        self.seen.add(url)
        self.result.trees[url] = tree
        self.result.kinds[url] = kind_of(tree.getroot())
        if data is not None:
            self.result.hashes[url] = digest or hashlib.sha256(data).hexdigest()
            self.result.data[url] = data
        self.scan(url, tree)

    def load(self, url: str) -> None:
        try:
            data = self.resolver.read(url)
        except NotOffline as exc:
            self.result.unresolved.append((exc.url, exc.reason))
            return
        except Unresolved as exc:
            code = "dts:refusedLocation" if exc.kind == "refused" else "dts:missingDocument"
            self.problem(code, f"{exc.url} cannot be read: {exc.reason}", exc.url)
            self.result.kinds[url] = "missing"
            return
        digest = hashlib.sha256(data).hexdigest()
        tree = _PARSED.get((url, digest))
        if tree is None:
            try:
                tree = parse_untrusted(data, name=url)
            except UnsafeXmlError as exc:
                self.result.problems.append(Problem(exc.code, f"{url}: {exc.message}", url, exc.line))
                self.result.kinds[url] = "missing"
                return
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[(url, digest)] = tree
        self.add_tree(url, tree, data, digest)

    def run(self) -> None:
        while self.queue:
            self.load(self.queue.popleft())

    # -- references in each kind of document -----------------------------------------------------
    def scan(self, url: str, tree: etree._ElementTree) -> None:
        root = tree.getroot()
        kind = self.result.kinds[url]
        if kind == "schema":
            self.scan_schema(url, root)
        elif kind == "linkbase":
            self.scan_linkbase(url, root)
        elif kind in ("instance", "inline"):
            self.scan_instance(url, root)
        self.scan_schema_locations(url, root)

    def scan_schema_locations(self, url: str, root: etree._Element) -> None:
        self.result.schema_locations += schema_location_hints(url, root)

    def scan_instance(self, url: str, root: etree._Element) -> None:
        for line, expect, target in instance_references(url, root):
            self.result.references.append((url, line, expect, target))
            document = split_fragment(target)[0]
            if document not in self.seen:
                self.seen.add(document)
                self.queue.append(document)

    def scan_schema(self, url: str, root: etree._Element) -> None:
        namespace = root.get("targetNamespace")
        for element in root:
            tag = element.tag
            if tag in (f"{{{XS}}}import", f"{{{XS}}}include", f"{{{XS}}}redefine"):
                location = element.get("schemaLocation")
                if tag == f"{{{XS}}}redefine":
                    self.problem("xbrl21:redefine", "xs:redefine is not allowed in a taxonomy schema (XBRL 2.1 5.1)",
                                 url, element)
                if location is None and tag == f"{{{XS}}}import":
                    known = STANDARD_LOCATIONS.get(element.get("namespace") or "")
                    if known is None:
                        continue
                    location = known
                if location is None:
                    continue
                target = self.want(location, element, url, "schema")
                if tag != f"{{{XS}}}import" and namespace is not None:
                    self.result.includes.setdefault(split_fragment(target)[0], url)
            elif tag == f"{{{XS}}}annotation":
                for appinfo in element.iterfind(f"{{{XS}}}appinfo"):
                    for item in appinfo:
                        href = item.get(HREF)
                        if item.tag == _LINKBASE_REF and href is not None:
                            self.want(href, item, url, "linkbase")
                        elif item.tag == _LINKBASE:
                            self.scan_linkbase(url, item)
        # annotations inside declarations may hold appinfo with linkbases too (rare)
        for appinfo in root.iterfind(f"{{{XS}}}*/{{{XS}}}annotation/{{{XS}}}appinfo"):
            for item in appinfo:
                href = item.get(HREF)
                if item.tag == _LINKBASE_REF and href is not None:
                    self.want(href, item, url, "linkbase")

    def scan_linkbase(self, url: str, root: etree._Element) -> None:
        for element in root:
            tag = element.tag
            if tag in (_ROLE_REF, _ARCROLE_REF):
                href = element.get(HREF)
                if href is not None:
                    self.want(href, element, url, "schema")
            elif isinstance(tag, str) and element.get(XLINK_TYPE) == "extended":
                for child in element:
                    href = child.get(HREF)
                    if child.tag == _LOC and href is not None:
                        self.want(href, child, url, "any")


ENTRY = "urn:disclosure-exporter:entry"  # the referrer of an instance's references (the DTS is shared)


def instance_references(url: str, root: etree._Element) -> list[tuple[int | None, str, str]]:
    """(line, expected kind, absolute target) of each reference of an instance or inline document that
    starts DTS discovery: schemaRef, linkbaseRef, roleRef, arcroleRef."""
    found: list[tuple[int | None, str, str]] = []
    holders = [root] if root.tag == _XBRL else list(root.iter("{http://www.xbrl.org/2013/inlineXBRL}references",
                                                               "{http://www.xbrl.org/2008/inlineXBRL}references"))
    expected = {_SCHEMA_REF: "schema", _LINKBASE_REF: "linkbase", _ROLE_REF: "schema", _ARCROLE_REF: "schema"}
    for holder in holders:
        # (iterfind filters in C: an instance's root has a child per fact, and there may be 100,000)
        for element in sorted((e for tag in expected for e in holder.iterfind(tag)), key=lambda e: line_of(e) or 0):
            href = element.get(HREF)
            if href is not None:
                found.append((line_of(element), expected[element.tag], join(base_of(element, url), href)))
    return found


def schema_location_hints(url: str, root: etree._Element) -> list[tuple[str, str]]:
    hint = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    tokens = hint.split() if hint else []
    return [(namespace, join(base_of(root, url), location))
            for namespace, location in zip(tokens[::2], tokens[1::2], strict=False)]


def discover(resolver: Resolver, entries: Sequence[tuple[str, etree._ElementTree | None]],
             references: Sequence[tuple[int | None, str, str]] = (), hints: Sequence[tuple[str, str]] = ()
             ) -> Discovered:
    """Every document reachable from ``entries`` ((URL, tree or None to read it)) and from an instance's
    ``references`` ((line, expected kind, target URL), referred to from ENTRY), in discovery order."""
    result = Discovered(tuple(url for url, _ in entries) or (ENTRY,))
    result.schema_locations += hints
    walk = _Discovery(resolver, result)
    for line, expect, target in references:
        result.references.append((ENTRY, line, expect, target))
        document = split_fragment(target)[0]
        if document not in walk.seen:
            walk.seen.add(document)
            walk.queue.append(document)
    for url, tree in entries:
        if tree is not None:
            walk.add_tree(url, tree, None)
        else:
            walk.seen.add(url)
            walk.queue.append(url)
    walk.run()
    return result
