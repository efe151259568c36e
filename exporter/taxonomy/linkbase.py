"""Writing taxonomy schemas and linkbases with lxml: the XLink plumbing shared by eqi and extensions.

A ``Network`` writes the arcs of one extended link, placing each locator once and numbering
``order`` per parent, so the generated files are deterministic and free of duplicate locators.
"""

from __future__ import annotations

from lxml import etree

from exporter.taxonomy.namespaces import LINK, XLINK, XS

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
REF = "http://www.xbrl.org/2006/ref"
LINKBASE_SCHEMA = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
REF_SCHEMA = "http://www.xbrl.org/2006/ref-2006-02-27.xsd"
XBRLDT_SCHEMA = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
DIM = "http://xbrl.org/int/dim/arcrole/"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
CONCEPT_REFERENCE = "http://www.xbrl.org/2003/arcrole/concept-reference"
STANDARD_LINK = "http://www.xbrl.org/2003/role/link"
LABEL_ROLES = {
    "label": "http://www.xbrl.org/2003/role/label",
    "terseLabel": "http://www.xbrl.org/2003/role/terseLabel",
    "verboseLabel": "http://www.xbrl.org/2003/role/verboseLabel",
}
LINKBASE_REF_ROLES = {
    "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "pre": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "def": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
    "ref": "http://www.xbrl.org/2003/role/referenceLinkbaseRef",
}


def q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
        ) -> etree._Element:
    child = etree.SubElement(parent, tag, attrib or {})
    if text is not None:
        child.text = text
    return child


def linkbase(*, references: bool = False) -> etree._Element:
    nsmap = {"link": LINK, "xlink": XLINK, "xsi": XSI}
    locations = f"{LINK} {LINKBASE_SCHEMA}"
    if references:
        nsmap["ref"] = REF
        locations += f" {REF} {REF_SCHEMA}"
    root = etree.Element(q(LINK, "linkbase"), nsmap=nsmap)
    root.set(q(XSI, "schemaLocation"), locations)
    return root


def role_ref(root: etree._Element, uri: str, href: str) -> None:
    sub(root, q(LINK, "roleRef"), {"roleURI": uri, q(XLINK, "type"): "simple", q(XLINK, "href"): href})


def arcrole_refs(root: etree._Element, names: tuple[str, ...]) -> None:
    """arcroleRefs to the Dimensions arcroles (``all``, ``domain-member``, ...) used in ``root``."""
    for name in names:
        sub(root, q(LINK, "arcroleRef"), {"arcroleURI": DIM + name, q(XLINK, "type"): "simple",
                                          q(XLINK, "href"): f"{XBRLDT_SCHEMA}#{name}"})


def extended_link(root: etree._Element, tag: str, role: str) -> etree._Element:
    return sub(root, q(LINK, tag), {q(XLINK, "type"): "extended", q(XLINK, "role"): role})


class Network:
    """The arcs of one extended link; ``href`` maps a concept name to its locator's href."""

    def __init__(self, link: etree._Element, arc_tag: str, href: dict[str, str]):
        self.link, self.arc_tag, self.href = link, arc_tag, href
        self.locators: dict[str, str] = {}
        self.orders: dict[str, int] = {}
        self.extra_locators = 0

    def locator(self, name: str, *, fresh: bool = False) -> str:
        """The label of ``name``'s locator; ``fresh`` adds a second one (XLink forbids two arcs between the
        same pair of locators, even with different arcroles)."""
        if name in self.locators and not fresh:
            return self.locators[name]
        label = f"loc_{name}" if not fresh else f"loc_{name}_{self.extra_locators + 2}"
        self.extra_locators += fresh
        sub(self.link, q(LINK, "loc"), {q(XLINK, "type"): "locator", q(XLINK, "href"): self.href[name],
                                        q(XLINK, "label"): label})
        if not fresh:
            self.locators[name] = label
        return label

    def arc(self, arcrole: str, parent: str, child: str, *, fresh: bool = False,
            qualified: dict[str, str] | None = None, **attributes: str) -> None:
        """An arc; ``qualified`` holds namespaced attributes (Clark names), ``attributes`` plain ones."""
        order = self.orders.get(parent, 0) + 1
        self.orders[parent] = order
        attrib = {q(XLINK, "type"): "arc", q(XLINK, "arcrole"): arcrole, q(XLINK, "from"): self.locator(parent),
                  q(XLINK, "to"): self.locator(child, fresh=fresh), "order": str(order)}
        attrib.update(attributes)
        attrib.update(qualified or {})
        sub(self.link, self.arc_tag, attrib)


def label_resources(link: etree._Element, network: Network, name: str, lang: str,
                    labels: dict[str, str]) -> None:
    """Label resources of ``name`` in ``lang`` (keyed by role name: label, terseLabel, ...), and their arcs."""
    source = network.locator(name)
    for role, text in labels.items():
        label_id = f"lab_{name}_{role}_{lang}"
        sub(link, q(LINK, "label"), {q(XLINK, "type"): "resource", q(XLINK, "label"): label_id,
                                     q(XLINK, "role"): LABEL_ROLES[role], q(XML_NS, "lang"): lang, "id": label_id},
            text)
        sub(link, q(LINK, "labelArc"), {q(XLINK, "type"): "arc", q(XLINK, "arcrole"): CONCEPT_LABEL,
                                        q(XLINK, "from"): source, q(XLINK, "to"): label_id})


def schema_root(namespace: str, prefix: str, nsmap: dict[str, str]) -> etree._Element:
    return etree.Element(q(XS, "schema"), {"targetNamespace": namespace, "elementFormDefault": "qualified",
                                           "attributeFormDefault": "unqualified"},
                         nsmap={"xs": XS, **nsmap, prefix: namespace})


def linkbase_refs(appinfo: etree._Element, stem: str, kinds: tuple[str, ...]) -> None:
    for kind in kinds:
        attrib = {q(XLINK, "type"): "simple", q(XLINK, "href"): f"{stem}_{kind}.xml"}
        role = LINKBASE_REF_ROLES.get(kind.split("-", 1)[0])
        if role:  # generic linkbases (formulas) have no standard linkbaseRef role
            attrib[q(XLINK, "role")] = role
        attrib[q(XLINK, "arcrole")] = "http://www.w3.org/1999/xlink/properties/linkbase"
        sub(appinfo, q(LINK, "linkbaseRef"), attrib)


def serialize(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
