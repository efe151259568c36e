"""XBRL 2.1 rules on a DTS itself (sections 3.5 and 5), for any taxonomy.

Owns: the problems found while discovering and reading it; XML Schema validity of its schemas
(they must compile), of every linkbase and, laxly, of appinfo content and foreign attributes;
concept declarations (period types, balances, item types, tuple content models); role and
arcrole types (duplicates, equivalence, usedOn); roleRef/arcroleRef (duplicates, matching the
declaration); roles and arcroles used on standard links, resources and arcs (standard, or
declared and allowed there); the end points of standard arcs; summation-item weights and
balances; essence-alias types; preferred labels; and cycles (per network, as each arcrole allows).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from lxml import etree

from exporter.taxonomy.dts import Loaded
from exporter.taxonomy.dts.build import embedded_linkbases
from exporter.taxonomy.dts.linkbases import X_ARCROLE, X_HREF, X_ROLE, X_TYPE
from exporter.taxonomy.dts.model import ITEM, LINK, TUPLE, XBRLI, XLINK, Concept, Dts, Relationship, line_of
from exporter.taxonomy.dts.resolver import Refused, Resolver, Unresolved
from exporter.taxonomy.dts.urls import base_of, join, split_fragment
from exporter.validation import schema_set
from exporter.validation.dts import Dts as View
from exporter.validation.messages import Message, Severity

XS = "http://www.w3.org/2001/XMLSchema"
XL = "http://www.xbrl.org/2003/XLink"
ROLE = "http://www.xbrl.org/2003/role/"
ARCROLE = "http://www.xbrl.org/2003/arcrole/"
SUMMATION_ITEM, PARENT_CHILD = ARCROLE + "summation-item", ARCROLE + "parent-child"
ESSENCE_ALIAS, GENERAL_SPECIAL = ARCROLE + "essence-alias", ARCROLE + "general-special"
SIMILAR_TUPLES, REQUIRES_ELEMENT = ARCROLE + "similar-tuples", ARCROLE + "requires-element"
CONCEPT_LABEL, CONCEPT_REFERENCE = ARCROLE + "concept-label", ARCROLE + "concept-reference"
FACT_FOOTNOTE = ARCROLE + "fact-footnote"


def _l(name: str) -> str:
    return f"{{{LINK}}}{name}"


STANDARD_LINKS = {_l(n) for n in ("labelLink", "referenceLink", "presentationLink", "calculationLink",
                                  "definitionLink", "footnoteLink")}
STANDARD_ARCS = {
    _l("labelArc"): {CONCEPT_LABEL}, _l("referenceArc"): {CONCEPT_REFERENCE},
    _l("presentationArc"): {PARENT_CHILD}, _l("calculationArc"): {SUMMATION_ITEM},
    _l("definitionArc"): {GENERAL_SPECIAL, ESSENCE_ALIAS, SIMILAR_TUPLES, REQUIRES_ELEMENT},
    _l("footnoteArc"): {FACT_FOOTNOTE},
}
STANDARD_RESOURCES = {_l("label"), _l("reference"), _l("footnote")}
# Standard roles (XBRL 2.1 5.2.2.2.2, 5.2.3.2.1, 4.11.1.2): the link role and resource roles.
_LABEL_ROLES = {ROLE + r for r in (
    "label", "terseLabel", "verboseLabel", "positiveLabel", "positiveTerseLabel", "positiveVerboseLabel",
    "negativeLabel", "negativeTerseLabel", "negativeVerboseLabel", "zeroLabel", "zeroTerseLabel", "zeroVerboseLabel",
    "totalLabel", "periodStartLabel", "periodEndLabel", "documentation", "definitionGuidance", "disclosureGuidance",
    "presentationGuidance", "measurementGuidance", "commentaryGuidance", "exampleGuidance")}
_REFERENCE_ROLES = {ROLE + r for r in (
    "reference", "definitionRef", "disclosureRef", "mandatoryDisclosureRef", "recommendedDisclosureRef",
    "unspecifiedDisclosureRef", "presentationRef", "measurementRef", "commentaryRef", "exampleRef")}
STANDARD_RESOURCE_ROLES = {_l("label"): _LABEL_ROLES, _l("reference"): _REFERENCE_ROLES,
                           _l("footnote"): {ROLE + "footnote"}}
LINK_ROLE = ROLE + "link"
STANDARD_CYCLES = {SUMMATION_ITEM: "any", PARENT_CHILD: "undirected", GENERAL_SPECIAL: "undirected",
                   ESSENCE_ALIAS: "undirected", SIMILAR_TUPLES: "any", REQUIRES_ELEMENT: "any"}
LINKBASE_REF_ROLES = {ROLE + f"{kind}LinkbaseRef": _l(f"{kind}Link") for kind in
                      ("calculation", "definition", "label", "presentation", "reference")}
_XBRL_NAMESPACES = (XBRLI, XLINK, LINK, XL)
_PUBLISHED = ("http://www.xbrl.org/", "https://www.xbrl.org/", "http://xbrl.org/", "https://xbrl.org/",
              "http://www.w3.org/")


class _Rules:
    def __init__(self, loaded: Loaded, view: View) -> None:
        self.loaded = loaded
        self.dts: Dts = loaded.dts
        self.view = view
        self.messages: list[Message] = []
        self.schema: etree.XMLSchema | None = None
        self.schema_namespaces: dict[str, list[str]] = {}

    def add(self, code: str, text: str, url: str | None, line: int | None = None,
            severity: Severity = Severity.ERROR) -> None:
        self.messages.append(Message(code, severity, text, file=url, line=line))

    def at(self, code: str, text: str, url: str, element: etree._Element) -> None:
        self.add(code, text, url, line_of(element))

    # -- documents ----------------------------------------------------------------------------------
    def trees(self, kind: str) -> Iterable[tuple[str, etree._ElementTree]]:
        found = self.loaded.found
        if found is None:
            return ()
        return [(url, found.trees[url]) for url, k in found.kinds.items() if k == kind and url in found.trees]

    # -- XML Schema ---------------------------------------------------------------------------------
    def schema_validity(self, resolver: Resolver) -> None:
        found = self.loaded.found
        if found is None:
            return
        namespaces = dict(self.dts.namespaces)
        for namespace, url in found.schema_locations:
            if url in found.trees or namespace in namespaces:
                continue
            try:
                found.data[url] = resolver.read(url)
            except Refused as exc:
                self.add("dts:refusedHint", f"xsi:schemaLocation names {url}, which is never read: {exc.reason}", url,
                         severity=Severity.WARNING)
                continue
            except Unresolved:
                continue  # a hint that cannot be had is only a hint
            namespaces.setdefault(namespace, []).append(url)
        compiled = schema_set.compile_set(namespaces, found.data, resolver)
        self.schema = compiled.schema
        self.schema_namespaces = namespaces
        if compiled.schema is None:
            for url, line, text in compiled.problems[:20]:
                self.add("xsd:schemaInvalid", f"the taxonomy's XML Schemas do not compile: {text}", url or None, line)
            return
        for url, tree in self.trees("linkbase"):
            for line, text, _ in schema_set.errors(compiled.schema, tree):
                self.add("xsd:linkbaseInvalid", text, url, line)
        for url, tree in self.trees("schema"):
            root = tree.getroot()
            for embedded in embedded_linkbases(root):
                copy = etree.ElementTree(schema_set._copy(embedded))
                for _line, text, _ in schema_set.errors(compiled.schema, copy):
                    self.at("xsd:linkbaseInvalid", text, url, embedded)
            self.lax(compiled.schema, url, root)

    def lax(self, schema: etree.XMLSchema, url: str, root: etree._Element) -> None:
        """appinfo content and attributes from other namespaces, valid where the DTS declares them."""
        if url.startswith(_PUBLISHED):
            return  # the XBRL International schemas (and ours) are valid
        for appinfo in root.iter(f"{{{XS}}}appinfo"):
            children = [c for c in appinfo if isinstance(c.tag, str) and c.tag != _l("linkbase")]
            if not children:
                continue
            tree = schema_set.holder_tree(children, {}, dict(appinfo.nsmap))
            for _line, text, _ in schema_set.errors(schema, tree):
                self.at("xsd:appinfoInvalid", text, url, appinfo)
        for element in root.iter(f"{{{XS}}}*"):
            foreign = {str(k): str(v) for k, v in element.attrib.items() if str(k).startswith("{") and not str(k).startswith(
                ("{http://www.w3.org/2000/xmlns/}", "{http://www.w3.org/XML/1998/namespace}"))}
            if foreign:
                holder = schema_set.holder_tree([], foreign, dict(element.nsmap))
                for _line, text, _ in schema_set.errors(schema, holder):
                    self.at("xsd:appinfoInvalid", f"{etree.QName(element).localname} {element.get('name', '')}: "
                            f"{text}", url, element)

    # -- schemas -----------------------------------------------------------------------------------
    def schemas(self) -> None:
        for url, tree in self.trees("schema"):
            root = tree.getroot()
            if root.get("targetNamespace") == "" or (root.get("targetNamespace") is None and not self._included(url)
                                                      and self._declares_concepts(root)):
                self.add("xbrl21:targetNamespace", "a taxonomy schema must have a non-empty targetNamespace "
                         "(XBRL 2.1 5.1)", url, line_of(root))
        for concept in self.dts.concepts.values():
            if concept.url.startswith(("http://www.xbrl.org/", "https://www.xbrl.org/", "http://xbrl.org/")):
                continue
            self.concept(concept)

    def _included(self, url: str) -> bool:
        return self.loaded.found is not None and url in self.loaded.found.includes

    @staticmethod
    def _declares_concepts(root: etree._Element) -> bool:
        return any(e.get("substitutionGroup") for e in root.iterfind(f"{{{XS}}}element"))

    def concept(self, concept: Concept) -> None:
        where = (concept.url, concept.line)
        name = concept.local
        if concept.kind == "item":
            if concept.period_type not in ("instant", "duration"):
                self.add("xbrl21:missingPeriodType", f"item {name} has no (valid) xbrli:periodType (XBRL 2.1 5.1.1.1)", *where)
            if concept.item_type is None and concept.type and not concept.abstract and not any(
                    t.startswith(f"{{{XBRLI}}}") for t in concept.type_chain):
                self.add("xbrl21:itemType", f"item {name}'s type {concept.type} does not derive from an XBRL item type",
                         *where)
            definition = self.dts.types.get(concept.type or "")
            if definition is not None and definition.content == "complex" and not concept.fraction:
                self.add("xbrl21:itemComplexContent", f"item {name}'s type has complex content; only fractionItemType "
                         "and types derived from it may (XBRL 2.1 5.1.1.3)", *where)
            if concept.balance is not None:
                if concept.balance not in ("debit", "credit"):
                    self.add("xbrl21:balance", f"item {name}: balance {concept.balance!r}", *where)
                elif f"{{{XBRLI}}}monetaryItemType" not in concept.type_chain:
                    self.add("xbrl21:balanceNotMonetary", f"item {name} has a balance but is not monetary "
                             "(XBRL 2.1 5.1.1.2)", *where)
        elif concept.kind == "tuple":
            if concept.period_type is not None:
                self.add("xbrl21:tuplePeriodType", f"tuple {name} has an xbrli:periodType (XBRL 2.1 5.1.1.1)", *where)
            if concept.balance is not None:
                self.add("xbrl21:tupleBalance", f"tuple {name} has an xbrli:balance", *where)
            self.tuple_type(concept)

    def tuple_type(self, concept: Concept) -> None:
        where = (concept.url, concept.line)
        seen: set[str] = set()
        for type_name in concept.type_chain:
            definition = self.dts.types.get(type_name)
            if definition is None or type_name in seen or type_name.startswith(f"{{{XBRLI}}}"):
                continue
            seen.add(type_name)
            if definition.mixed:
                self.add("xbrl21:tupleMixed", f"tuple {concept.local} has mixed content (XBRL 2.1 4.9)", *where)
            if definition.content == "simple":
                self.add("xbrl21:tupleContent", f"tuple {concept.local} has simple content (XBRL 2.1 4.9)", *where)
            for particle, is_reference in definition.element_particles:
                if not is_reference:
                    self.add("xbrl21:tupleLocalElement", f"tuple {concept.local} declares a local element "
                             f"{particle}; a tuple's children must be references to items or tuples (XBRL 2.1 4.9)",
                             *where)
                    continue
                child = self.dts.concepts.get(particle)
                if child is not None and child.kind is None and child.name not in (ITEM, TUPLE):
                    self.add("xbrl21:tupleChild", f"tuple {concept.local}'s child {child.local} is not an item or "
                             "tuple", *where)
            for attribute in definition.attributes:
                if attribute.startswith(tuple(f"{{{n}}}" for n in (XBRLI, XLINK))):
                    self.add("xbrl21:tupleAttribute", f"tuple {concept.local} declares attribute {attribute}, "
                             "in a namespace XBRL reserves (XBRL 2.1 4.9)", *where)

    # -- role types ------------------------------------------------------------------------------------
    def role_types(self) -> None:
        for kind, table in (("roleType", self.dts.role_types), ("arcroleType", self.dts.arcrole_types)):
            for uri, declared in table.items():
                per_document: dict[str, int] = defaultdict(int)
                for item in declared:
                    per_document[item.url] += 1
                    if len(set(item.used_on)) != len(item.used_on):
                        self.add("xbrl21:usedOnDuplicate", f"{kind} {uri} names one element twice in usedOn "
                                 "(XBRL 2.1 5.1.3.4)", item.url, item.line)
                    if not uri:
                        self.add("xbrl21:roleURI", f"{kind} without a URI", item.url, item.line)
                for url, count in per_document.items():
                    if count > 1:
                        self.add("xbrl21:duplicateRoleType", f"{kind} {uri} is declared {count} times in one schema "
                                 "(XBRL 2.1 5.1.3)", url)
                distinct = {(i.definition or "", frozenset(i.used_on), i.cycles_allowed) for i in declared}
                if len(per_document) > 1 and len(distinct) > 1:
                    self.add("xbrl21:roleTypesDiffer", f"{kind} {uri} is declared differently in "
                             f"{', '.join(sorted(per_document))} (XBRL 2.1 5.1.3)", declared[0].url, declared[0].line)

    # -- linkbases -----------------------------------------------------------------------------------------
    def linkbases(self) -> None:
        for url, tree in self.trees("linkbase"):
            self.linkbase(url, tree.getroot())
        for url, tree in self.trees("schema"):
            for embedded in embedded_linkbases(tree.getroot()):
                self.linkbase(url, embedded)
        found = self.loaded.found
        if found is not None:
            for referrer, line, expect, target in found.references:
                if expect == "linkbase":
                    self.linkbase_ref(referrer, line, target)
        for url, tree in self.trees("instance"):
            self.refs(url, tree.getroot())

    def linkbase_ref(self, referrer: str, line: int | None, target: str) -> None:
        found = self.loaded.found
        assert found is not None
        tree = found.trees.get(referrer)
        if tree is None:
            return
        for element in tree.getroot().iter(_l("linkbaseRef")):
            if line_of(element) != line:
                continue
            role = element.get(X_ROLE)
            if element.get(X_ARCROLE) != "http://www.w3.org/1999/xlink/properties/linkbase":
                self.at("xbrl21:linkbaseRefArcrole", "a linkbaseRef's xlink:arcrole must be "
                        "http://www.w3.org/1999/xlink/properties/linkbase (XBRL 2.1 4.3.3)", referrer, element)
            if role is None or role not in LINKBASE_REF_ROLES:
                continue
            document, fragment = split_fragment(target)
            target_tree = found.trees.get(document)
            if target_tree is None:
                continue
            holder = target_tree.getroot()
            if fragment:
                holder = next((e for e in embedded_linkbases(holder) if e.get("id") == fragment), holder)
            wanted = LINKBASE_REF_ROLES[role]
            wrong = {c.tag for c in holder if isinstance(c.tag, str) and c.get(X_TYPE) == "extended"} - {wanted}
            if wrong:
                self.at("xbrl21:linkbaseRefRole", f"linkbaseRef role {role} promises only "
                        f"{etree.QName(wanted).localname} links, but {target} holds "
                        f"{', '.join(sorted(etree.QName(t).localname for t in wrong))} (XBRL 2.1 4.3.4)", referrer, element)

    def refs(self, url: str, holder: etree._Element) -> dict[str, set[str]]:
        """roleRef/arcroleRef of a linkbase or instance: unique per URI and matching their declaration."""
        declared: dict[str, set[str]] = {"role": set(), "arcrole": set()}
        refs = [*holder.iterfind(_l("roleRef")), *holder.iterfind(_l("arcroleRef"))]
        for element in sorted(refs, key=lambda e: line_of(e) or 0):
            kind = "role" if element.tag == _l("roleRef") else "arcrole"
            uri = (element.get(f"{kind}URI") or "").strip()
            if uri in declared[kind]:
                self.at("xbrl21:duplicateRef", f"two {kind}Refs for {uri} (XBRL 2.1 3.5.2.4.5/3.5.2.5.5)", url, element)
            declared[kind].add(uri)
            target = join(base_of(element, url), element.get(X_HREF, ""))
            table = self.dts.role_types if kind == "role" else self.dts.arcrole_types
            matching = [t for t in table.get(uri, ()) if self._points_at(target, t.url, t.id)]
            if not matching and (split_fragment(target)[0] in self.dts.documents and
                                 self.dts.documents.get(split_fragment(target)[0]) == "schema"):
                self.at("xbrl21:refTarget", f"{kind}Ref {uri} does not point at a {kind}Type declaring that URI "
                        f"({element.get(X_HREF)})", url, element)
        return declared

    @staticmethod
    def _points_at(target: str, url: str, identifier: str | None) -> bool:
        document, fragment = split_fragment(target)
        return document == url and (fragment == identifier or fragment.endswith(f"({identifier})"))

    def linkbase(self, url: str, root: etree._Element) -> None:
        declared = self.refs(url, root)
        for link in root:
            if not isinstance(link.tag, str) or link.get(X_TYPE) != "extended":
                continue
            standard_link = link.tag in STANDARD_LINKS
            self.role(url, link, link.get(X_ROLE), standard_link, declared["role"], link=True)
            for child in link:
                if not isinstance(child.tag, str):
                    continue
                kind = child.get(X_TYPE)
                if kind == "resource":
                    self.role(url, child, child.get(X_ROLE), child.tag in STANDARD_RESOURCES, declared["role"])
                elif kind == "arc":
                    self.arcrole(url, child, declared["arcrole"])

    def role(self, url: str, element: etree._Element, role: str | None, standard: bool, declared: set[str],
             link: bool = False) -> None:
        if role is None or not standard:
            return
        if link and role == LINK_ROLE:
            return
        if not link and role in STANDARD_RESOURCE_ROLES.get(element.tag, ()):
            return
        name = etree.QName(element).localname
        if role not in declared:
            self.at("xbrl21:missingRoleRef", f"{name} uses role {role}, which is not standard for it and has no "
                    "roleRef in this linkbase (XBRL 2.1 3.5.2.4)", url, element)
            return
        if not any(element.tag in t.used_on for t in self.dts.role_types.get(role, ())):
            self.at("xbrl21:roleUsedOn", f"{name} uses role {role}, whose roleType does not list link:{name} in "
                    "usedOn (XBRL 2.1 5.1.3.4)", url, element)

    def arcrole(self, url: str, arc: etree._Element, declared: set[str]) -> None:
        if arc.tag not in STANDARD_ARCS:
            return
        arcrole = arc.get(X_ARCROLE, "")
        if arcrole in STANDARD_ARCS[arc.tag]:
            return
        name = etree.QName(arc).localname
        if arcrole not in declared:
            self.at("xbrl21:missingArcroleRef", f"{name} uses arcrole {arcrole}, which is not standard for it and "
                    "has no arcroleRef in this linkbase (XBRL 2.1 3.5.2.5)", url, arc)
            return
        if not any(arc.tag in t.used_on for t in self.dts.arcrole_types.get(arcrole, ())):
            self.at("xbrl21:arcroleUsedOn", f"{name} uses arcrole {arcrole}, whose arcroleType does not list "
                    f"link:{name} in usedOn (XBRL 2.1 5.1.4.5)", url, arc)

    # -- relationships -------------------------------------------------------------------------------------
    def relationships(self) -> None:
        concepts = self.dts.concepts
        resources = self.dts.resources
        for base_set, relationships in self.dts.base_sets.items():
            arcrole, _role, _link, arc = base_set
            for relationship in relationships:
                self.end_points(relationship, concepts, resources)
            if arcrole == SUMMATION_ITEM and arc == _l("calculationArc"):
                for relationship in relationships:
                    self.summation(relationship, concepts)
            elif arcrole == ESSENCE_ALIAS and arc == _l("definitionArc"):
                for relationship in relationships:
                    self.essence_alias(relationship, concepts)
        self.preferred_labels()
        self.cycles()

    def end_points(self, relationship: Relationship, concepts: dict[str, Concept], resources: dict[str, Any]) -> None:
        if relationship.link not in STANDARD_LINKS or relationship.link == _l("footnoteLink"):
            return
        arc = relationship.arc
        where = (relationship.url, relationship.line)
        source_concept = concepts.get(relationship.source)
        target_concept = concepts.get(relationship.target)
        if source_concept is None or source_concept.kind is None:
            self.add("xbrl21:arcSource", f"{etree.QName(arc).localname} from something that is not a concept "
                     f"({_describe(relationship.source)}) (XBRL 2.1 5.2)", *where)
            return
        if arc in (_l("labelArc"), _l("referenceArc")):
            resource = resources.get(relationship.target)
            wanted = _l("label") if arc == _l("labelArc") else _l("reference")
            if relationship.arcrole in STANDARD_ARCS[arc] and (resource is None or resource.element != wanted):
                self.add("xbrl21:arcTarget", f"{etree.QName(arc).localname} to something that is not a "
                         f"{etree.QName(wanted).localname} resource ({_describe(relationship.target)})", *where)
        elif target_concept is None or target_concept.kind is None:
            self.add("xbrl21:arcTarget", f"{etree.QName(arc).localname} to something that is not a concept "
                     f"({_describe(relationship.target)}) (XBRL 2.1 5.2)", *where)

    def summation(self, relationship: Relationship, concepts: dict[str, Concept]) -> None:
        where = (relationship.url, relationship.line)
        source, target = concepts.get(relationship.source), concepts.get(relationship.target)
        if source is None or target is None:
            return
        for concept in (source, target):
            if not concept.numeric or concept.kind != "item":
                self.add("xbrl21:summationNotNumeric", f"summation-item between {source.local} and {target.local}: "
                         f"{concept.local} is not a numeric item (XBRL 2.1 5.2.5.2)", *where)
                return
        weight = relationship.weight
        if weight is None or weight == 0:
            self.add("xbrl21:weight", f"summation-item from {source.local} to {target.local} has weight "
                     f"{weight if weight is not None else 'missing'}; it must not be zero (XBRL 2.1 5.2.5.2.1)", *where)
            return
        if source.balance and target.balance and (source.balance == target.balance) != (weight > 0):
            self.add("xbrl21:balanceWeight", f"summation-item from {source.local} ({source.balance}) to "
                     f"{target.local} ({target.balance}) has weight {weight}: the balances require a "
                     f"{'positive' if source.balance == target.balance else 'negative'} weight "
                     "(XBRL 2.1 5.1.1.2)", *where)

    def essence_alias(self, relationship: Relationship, concepts: dict[str, Concept]) -> None:
        source, target = concepts.get(relationship.source), concepts.get(relationship.target)
        if source is None or target is None or source.kind != "item" or target.kind != "item":
            if source is not None and target is not None:
                self.add("xbrl21:essenceAlias", f"essence-alias between {source.local} and {target.local}: both must "
                         "be items (XBRL 2.1 5.2.6.2.2)", relationship.url, relationship.line)
            return
        if source.type != target.type or source.period_type != target.period_type or (
                source.balance and target.balance and source.balance != target.balance):
            self.add("xbrl21:essenceAlias", f"essence-alias between {source.local} and {target.local}: their types, "
                     "period types and balances must be the same (XBRL 2.1 5.2.6.2.2)", relationship.url,
                     relationship.line)

    def preferred_labels(self) -> None:
        label_roles: dict[str, set[str]] = defaultdict(set)
        for relationship in self.dts.relationships(CONCEPT_LABEL):
            resource = self.dts.resources.get(relationship.target)
            if resource is not None:
                label_roles[relationship.source].add(resource.role or ROLE + "label")
        for relationship in self.dts.relationships(PARENT_CHILD):
            preferred = relationship.preferred_label
            if preferred is not None and preferred not in label_roles.get(relationship.target, ()):
                self.add("xbrl21:preferredLabel", f"presentation arc's preferredLabel {preferred} names a role that "
                         f"no label of {_describe(relationship.target)} has (XBRL 2.1 5.2.4.2.1)", relationship.url,
                         relationship.line)

    def cycles(self) -> None:
        for base_set in self.dts.base_sets:
            arcrole = base_set[0]
            if base_set[3] not in STANDARD_ARCS:
                continue  # cyclesAllowed constrains standard arcs (custom arcs follow their own specifications)
            allowed = STANDARD_CYCLES.get(arcrole)
            if allowed is None:
                declared = self.dts.arcrole_types.get(arcrole)
                if not declared:
                    continue
                allowed = declared[0].cycles_allowed or "any"
            if allowed == "any":
                continue
            network = self.dts.network(base_set)
            cycle = _directed_cycle(network) if allowed == "undirected" else _undirected_cycle(network)
            if cycle is not None:
                kind = "directed" if allowed == "undirected" else "undirected"
                self.add("xbrl21:cycle", f"{arcrole} relationships in role {base_set[1]} form a {kind} cycle, which "
                         f"the arcrole does not allow ({' -> '.join(_describe(n) for n in cycle)})",
                         network[0].url if network else None, network[0].line if network else None)


def _describe(node: str) -> str:
    if node.startswith("{"):
        return node.rpartition("}")[2]
    return node.split("#", 1)[-1] if "#" in node else node


def _directed_cycle(network: list[Relationship]) -> list[str] | None:
    children: dict[str, list[str]] = defaultdict(list)
    for relationship in network:
        children[relationship.source].append(relationship.target)
    state: dict[str, int] = {}
    for start in list(children):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            targets = children.get(node, [])
            if index < len(targets):
                stack.append((node, index + 1))
                target = targets[index]
                if state.get(target) == 1:
                    return [*path[path.index(target):], target]
                if not state.get(target):
                    stack.append((target, 0))
            else:
                state[node] = 2
                path.pop()
    return None


def _undirected_cycle(network: list[Relationship]) -> list[str] | None:
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for relationship in network:
        a, b = find(relationship.source), find(relationship.target)
        if a == b:
            return [relationship.source, relationship.target]
        parent[a] = b
    return None


def instance_ref_messages(loaded: Loaded, url: str, root: etree._Element, file: str | None) -> list[Message]:
    """roleRef/arcroleRef of an instance: one per URI, each pointing at a declaration of its URI."""
    from dataclasses import replace

    if root.tag != f"{{{XBRLI}}}xbrl":
        return []
    rules = _Rules(loaded, None)  # type: ignore[arg-type]
    rules.refs(url, root)
    return [replace(m, file=file) for m in rules.messages]


def taxonomy_messages(loaded: Loaded, view: View, resolver: Resolver
                      ) -> tuple[list[Message], etree.XMLSchema | None, dict[str, list[str]]]:
    """Messages about the DTS itself, its schemas compiled (None when they do not compile), and the
    namespaces (with their schema URLs) they were compiled from."""
    rules = _Rules(loaded, view)
    for problem in loaded.dts.problems:
        severity = Severity.WARNING if problem.severity == "warning" else Severity.ERROR
        rules.add(problem.code, problem.message, problem.url, problem.line, severity)
    rules.schema_validity(resolver)
    rules.schemas()
    rules.role_types()
    rules.linkbases()
    rules.relationships()
    return rules.messages, rules.schema, rules.schema_namespaces


__all__ = ["ITEM", "TUPLE", "taxonomy_messages"]
