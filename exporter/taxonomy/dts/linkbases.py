"""Reading extended links into resources and relationships (XBRL 2.1 3.5, XLink 1.0).

Each extended link gives locators (resolved to the node they point at: a concept's Clark name,
a resource's key, or another element or document), resources, and arcs; every arc yields one
relationship per (from node, to node) pair. Problems of the links themselves are recorded here:
an arc naming a label the link lacks, two arcs with the same from and to in one link, a locator
whose pointer is not allowed or points at nothing, a locator into a document outside the DTS.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from lxml import etree

from exporter.taxonomy.dts import xpointer
from exporter.taxonomy.dts.model import LINK, XBRLDT, XLINK, Problem, Relationship, Resource, line_of
from exporter.taxonomy.dts.urls import base_of, join, split_fragment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
X_TYPE, X_HREF, X_LABEL = f"{{{XLINK}}}type", f"{{{XLINK}}}href", f"{{{XLINK}}}label"
X_ROLE, X_ARCROLE, X_FROM, X_TO = f"{{{XLINK}}}role", f"{{{XLINK}}}arcrole", f"{{{XLINK}}}from", f"{{{XLINK}}}to"
_EXEMPT = {"use", "priority"}
_LOC = f"{{{LINK}}}loc"
_CONCEPT_LINKS = {f"{{{LINK}}}{name}" for name in ("labelLink", "referenceLink", "presentationLink",
                                                   "calculationLink", "definitionLink")}
_BOOLEAN_ATTRIBUTES = {f"{{{XBRLDT}}}closed": "false", f"{{{XBRLDT}}}usable": "true"}


def _typed(name: str, value: str) -> object:
    if name in ("order", "weight"):
        try:
            return ("n", Decimal(value.strip()))
        except InvalidOperation:
            return ("t", value.strip())
    if name in _BOOLEAN_ATTRIBUTES:
        return ("b", value.strip() in ("true", "1"))
    return ("t", " ".join(value.split()))


def non_exempt(arc: etree._Element) -> tuple[tuple[str, object], ...]:
    """The arc's non-exempt attributes with typed values and defaults (for relationship equivalence)."""
    found: dict[str, object] = {}
    for key, text in arc.attrib.items():
        name, value = str(key), str(text)
        if name.startswith(f"{{{XLINK}}}") or name in _EXEMPT or name.startswith("{http://www.w3.org/2000/xmlns/}"):
            continue
        found[name] = _typed(name, value)
    found.setdefault("order", ("n", Decimal(1)))
    for name, default in _BOOLEAN_ATTRIBUTES.items():
        if name in found or (arc.tag.startswith(f"{{{LINK}}}") and arc.tag == f"{{{LINK}}}definitionArc"):
            found.setdefault(name, ("b", default == "true"))
    return tuple(sorted(found.items(), key=lambda kv: kv[0]))


def element_key(url: str, element: etree._Element) -> str:
    return f"elt:{url}#{element.getroottree().getpath(element)}"


def resource_key(url: str, element: etree._Element) -> str:
    return f"res:{url}#{element.getroottree().getpath(element)}"


class LinkReader:
    """Reads the extended links of linkbases (and of instances: footnote links) into the model."""

    def __init__(self, trees: dict[str, etree._ElementTree], kinds: dict[str, str],
                 node_of: Callable[[str, etree._Element], str | None],
                 is_concept: Callable[[str], bool] = lambda node: False) -> None:
        self.is_concept = is_concept
        self.trees = trees
        self.kinds = kinds
        self.node_of = node_of  # (URL, element) -> concept name / role type key, or None
        self.resources: dict[str, Resource] = {}
        self.relationships: list[Relationship] = []
        self.problems: list[Problem] = []
        self._ids: dict[str, dict[str, etree._Element]] = {}
        # resource element -> its key. (Holding the elements keeps their lxml proxies alive, so any
        # later access to the same node, from a locator, finds the same object here; computing
        # an XPath per resource instead is quadratic in the size of a link.)
        self._resource_keys: dict[etree._Element, str] = {}
        self._links = 0

    def resource_key(self, url: str, element: etree._Element) -> str:
        return self._resource_keys.get(element) or resource_key(url, element)

    def problem(self, code: str, text: str, url: str, element: etree._Element) -> None:
        self.problems.append(Problem(code, text, url, line_of(element)))

    def ids(self, url: str) -> dict[str, etree._Element]:
        found = self._ids.get(url)
        if found is None:
            found = self._ids[url] = xpointer.id_index(self.trees[url])
        return found

    def read_links(self, url: str, holder: etree._Element) -> None:
        for link in holder:
            if isinstance(link.tag, str) and link.get(X_TYPE) == "extended":
                self.read_link(url, link)

    def read_resources(self, url: str, holder: etree._Element) -> None:
        for link in holder:
            if isinstance(link.tag, str) and link.get(X_TYPE) == "extended":
                self._links += 1
                for index, child in enumerate(link):
                    if isinstance(child.tag, str) and child.get(X_TYPE) == "resource":
                        key = f"res:{url}#{self._links}.{index}"
                        self._resource_keys[child] = key
                        self.resources[key] = Resource(
                            key=key, element=child.tag, role=child.get(X_ROLE), lang=_lang(child),
                            text="".join(str(t) for t in child.itertext()), id=child.get("id"), url=url, line=line_of(child),
                            parts=tuple((c.tag, (c.text or "").strip()) for c in child if isinstance(c.tag, str)))

    def locate(self, url: str, locator: etree._Element) -> str | None:
        """The node a locator points at, or None (a problem is recorded)."""
        href = locator.get(X_HREF, "")
        target = join(base_of(locator, url), href)
        document, fragment = split_fragment(target)
        tree = self.trees.get(document)
        if tree is None:
            # (an unreadable document is reported once, already; only link:loc is followed by discovery)
            if self.kinds.get(document) != "missing" and locator.tag == _LOC:
                self.problem("xbrl21:locatorTarget", f"locator href {href!r} points into {document}, which is not a "
                             "document of the DTS", url, locator)
            return None
        if not fragment:
            return f"doc:{document}" if href.strip() and "#" not in href else \
                self._element_node(document, tree.getroot())
        try:
            element = xpointer.resolve(tree, fragment, self.ids(document))
        except xpointer.BadPointer as exc:
            self.problem("xbrl21:locatorPointer", f"locator href {href!r}: {exc}", url, locator)
            return None
        if element is None:
            self.problem("xbrl21:locatorTarget", f"locator href {href!r} points at no element", url, locator)
            return None
        return self._element_node(document, element)

    def _element_node(self, document: str, element: etree._Element) -> str:
        node = self.node_of(document, element)
        if node is not None:
            return node
        if element.get(X_TYPE) == "resource":
            return self.resource_key(document, element)
        return element_key(document, element)

    def read_link(self, url: str, link: etree._Element) -> None:
        labels: dict[str, list[str]] = {}
        arcs: list[etree._Element] = []
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind = child.get(X_TYPE)
            label = child.get(X_LABEL)
            if kind == "locator":
                node = self.locate(url, child)
                if node is not None and link.tag in _CONCEPT_LINKS and child.tag == _LOC and not self.is_concept(node):
                    self.problem("xbrl21:locatorNotConcept", f"locator href {child.get(X_HREF)!r} in a "
                                 f"{etree.QName(link).localname} must point at a concept (XBRL 2.1 5.2)", url, child)
                if label is not None and node is not None:
                    labels.setdefault(label, []).append(node)
                elif label is not None:
                    labels.setdefault(label, [])
            elif kind == "resource":
                if label is not None:
                    labels.setdefault(label, []).append(self.resource_key(url, child))
            elif kind == "arc":
                arcs.append(child)
        link_role = link.get(X_ROLE, "")
        seen_pairs: set[tuple[str, str]] = set()
        for arc in arcs:
            source, target = arc.get(X_FROM), arc.get(X_TO)
            if source is None or target is None:
                continue
            if (source, target) in seen_pairs:
                self.problem("xlink:duplicateArc", f"two arcs from {source!r} to {target!r} in one extended link "
                             "(XLink 1.0 5.1.4.3)", url, arc)
            seen_pairs.add((source, target))
            missing = [name for name in (source, target) if name not in labels]
            if missing:
                self.problem("xlink:missingLabel", f"arc {'from' if missing[0] == source else 'to'} "
                             f"{missing[0]!r}: no locator or resource in this extended link has that label",
                             url, arc)
                continue
            self._relationships(url, link, link_role, arc, labels[source], labels[target])

    def _relationships(self, url: str, link: etree._Element, link_role: str, arc: etree._Element,
                       sources: list[str], targets: list[str]) -> None:
        arcrole = arc.get(X_ARCROLE, "")
        try:
            order = Decimal(arc.get("order", "1").strip())
        except InvalidOperation:
            order = Decimal(1)
        try:
            priority = int(arc.get("priority", "0").strip())
        except ValueError:
            priority = 0
        weight_text = arc.get("weight")
        try:
            weight = Decimal(weight_text.strip()) if weight_text is not None else None
        except InvalidOperation:
            weight = None
        attributes = non_exempt(arc)
        use = arc.get("use", "optional").strip()
        for source in sources:
            for target in targets:
                self.relationships.append(Relationship(
                    arc=arc.tag, arcrole=arcrole, link=link.tag, link_role=link_role, source=source, target=target,
                    order=order, priority=priority, use=use, weight=weight, preferred_label=arc.get("preferredLabel"),
                    attributes=attributes, url=url, line=line_of(arc)))


def _lang(element: etree._Element) -> str | None:
    current: etree._Element | None = element
    while current is not None:
        value = current.get(XML_LANG)
        if value is not None:
            return value
        current = current.getparent()
    return None
