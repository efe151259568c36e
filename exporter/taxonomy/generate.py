"""Generate the ``eqi`` taxonomy (schema and six linkbases) from the domain declaration.

Everything comes from ``exporter.domain``: concepts and their labels, references and value types
(``concepts``, ``values``), vocabularies (``kinds``), axes and tables (``dimensions``), and the
sums that become calculation relationships (``rules``). The generated files are committed in
``schemas/taxonomy`` and shipped; ``tests/test_taxonomy.py`` regenerates them and requires the
committed files to be byte-identical. After changing the domain, run::

    python -m exporter.taxonomy.generate
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

from exporter.domain.concepts import SECTIONS, Concept, Section, all_concepts, upper_limit_of
from exporter.domain.dimensions import AXES, TABLES, Axis, Member, Table
from exporter.domain.kinds import VOCABULARIES, token
from exporter.domain.legal import COMPANIES_ACT
from exporter.domain.rules import RULES, Sum
from exporter.domain.text import LANGUAGES, Labels
from exporter.domain.values import ValueType
from exporter.taxonomy.files import BASE_URL, ENTRY_FILE, NAMESPACE, PREFIX
from exporter.taxonomy.formulas import build_formulas
from exporter.taxonomy.linkbase import (
    DIM,
    PARENT_CHILD,
    REF,
    STANDARD_LINK,
    Network,
    arcrole_refs,
    extended_link,
    label_resources,
    linkbase,
    linkbase_refs,
    q,
    role_ref,
    schema_root,
    serialize,
    sub,
)
from exporter.taxonomy.namespaces import LINK, NUM, XBRLDT, XBRLI, XLINK, XS

NONNUM = "http://www.xbrl.org/dtr/type/non-numeric"
SCHEMA_LOCATIONS = {
    XBRLI: "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    LINK: "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    XBRLDT: "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    NUM: "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd",
    NONNUM: "http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd",
}
NSMAP = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, "num": NUM, "nonnum": NONNUM}
ROLE_BASE = f"{BASE_URL.rsplit('/', 2)[0]}/role/"
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
STEM = ENTRY_FILE.removesuffix(".xsd")
LINKBASES = ("lab-en", "lab-ja", "pre", "cal", "def", "ref", "for")

# Suffixes that say what a structural element is, as taxonomies conventionally label them.
_KIND_SUFFIX = {
    "abstract": Labels(" [abstract]", " [タイトル項目]"),
    "table": Labels(" [table]", " [表]"),
    "axis": Labels(" [axis]", " [軸]"),
    "member": Labels(" [member]", " [メンバー]"),
    "lineItems": Labels(" [line items]", " [項目]"),
}


def role_uri(table: Table) -> str:
    return ROLE_BASE + table.name.removesuffix("Table")


def line_items(table: Table) -> str:
    return table.name.removesuffix("Table") + "LineItems"


def concept_id(name: str) -> str:
    return f"{PREFIX}_{name}"


def href(name: str) -> str:
    return f"{ENTRY_FILE}#{concept_id(name)}"


def item_type(concept: Concept) -> str:
    if concept.type is ValueType.TOKEN:
        assert concept.vocabulary is not None
        return f"{PREFIX}:{concept.vocabulary}"
    return concept.type.spec.item_type


def table_concepts(table: Table) -> list[Concept]:
    return [concept for concept in all_concepts() if concept.scope in table.scopes]


class _Structure:
    """The non-item elements: section abstracts, tables, axes, line items and members, with labels."""

    def __init__(self) -> None:
        self.labels: dict[str, tuple[Labels, str]] = {}  # name -> (label, kind)
        for section in SECTIONS:
            self.labels[section.name] = (section.label, "abstract")
        for table in TABLES:
            self.labels[table.name] = (table.label, "table")
            self.labels[line_items(table)] = (table.label, "lineItems")
        for axis in AXES:
            self.labels[axis.name] = (axis.label, "axis")
            for member in _explicit_members(axis):
                self.labels[member.name] = (member.label, "member")

    def label(self, name: str, lang: str) -> str:
        labels, kind = self.labels[name]
        return labels[lang] + _KIND_SUFFIX[kind][lang]


def _explicit_members(axis: Axis) -> tuple[Member, ...]:
    return ((axis.domain,) if axis.domain else ()) + axis.members


def build_schema() -> etree._Element:
    root = schema_root(NAMESPACE, PREFIX, NSMAP)
    appinfo = sub(sub(root, q(XS, "annotation")), q(XS, "appinfo"))
    linkbase_refs(appinfo, STEM, LINKBASES)
    for table in TABLES:
        role_type = sub(appinfo, q(LINK, "roleType"), {"roleURI": role_uri(table), "id": table.name.removesuffix("Table")})
        sub(role_type, q(LINK, "definition"), text=table.label.en)
        for used in ("link:presentationLink", "link:definitionLink", "link:calculationLink"):
            sub(role_type, q(LINK, "usedOn"), text=used)
    for namespace, location in SCHEMA_LOCATIONS.items():
        sub(root, q(XS, "import"), {"namespace": namespace, "schemaLocation": location})
    for type_name, vocabulary in VOCABULARIES.items():
        # An enumerated token: a fact can only say one of the declared codes.
        complex_type = sub(root, q(XS, "complexType"), {"name": type_name})
        restriction = sub(sub(complex_type, q(XS, "simpleContent")), q(XS, "restriction"),
                          {"base": "xbrli:tokenItemType"})
        for code in vocabulary:
            sub(restriction, q(XS, "enumeration"), {"value": token(code.value)})
        # A restriction does not inherit the base type's attribute wildcard: restate it (xml:lang etc.).
        sub(restriction, q(XS, "attributeGroup"), {"ref": "xbrli:nonNumericItemAttrs"})
    for axis in AXES:
        if axis.typed_domain:
            base = "xs:token" if axis.typed_domain == "ExchangeCode" else "xs:string"
            sub(root, q(XS, "element"), {"name": axis.typed_domain, "id": concept_id(axis.typed_domain), "type": base})

    def element(name: str, type_: str, group: str, *, abstract: bool, period: str, **extra: str) -> None:
        attrib = {"name": name, "id": concept_id(name), "type": type_, "substitutionGroup": group,
                  q(XBRLI, "periodType"): period, "nillable": "true"}
        if abstract:
            attrib["abstract"] = "true"
        attrib.update(extra)
        sub(root, q(XS, "element"), attrib)

    for concept in all_concepts():
        extra = {q(XBRLI, "balance"): concept.balance} if concept.balance else {}
        element(concept.name, item_type(concept), "xbrli:item", abstract=False, period="instant", **extra)
    for section in SECTIONS:
        element(section.name, "xbrli:stringItemType", "xbrli:item", abstract=True, period="duration")
    for table in TABLES:
        element(table.name, "xbrli:stringItemType", "xbrldt:hypercubeItem", abstract=True, period="duration")
        element(line_items(table), "xbrli:stringItemType", "xbrli:item", abstract=True, period="duration")
    for axis in AXES:
        extra = {q(XBRLDT, "typedDomainRef"): f"#{concept_id(axis.typed_domain)}"} if axis.typed_domain else {}
        element(axis.name, "xbrli:stringItemType", "xbrldt:dimensionItem", abstract=True, period="duration", **extra)
        for member in _explicit_members(axis):
            # Members are abstract domain items; the DTR's domainItemType would need one more import and
            # gains nothing for an explicit dimension of our own.
            element(member.name, "xbrli:stringItemType", "xbrli:item", abstract=True, period="duration")
    return root


def _hrefs() -> dict[str, str]:
    names = [c.name for c in all_concepts()] + list(_Structure().labels)
    return {name: href(name) for name in names}


def build_labels(lang: str) -> etree._Element:
    root = linkbase()
    link = extended_link(root, "labelLink", STANDARD_LINK)
    network = Network(link, q(LINK, "labelArc"), _hrefs())
    for concept in all_concepts():
        labels = {"label": concept.label[lang]}
        if concept.terse:
            labels["terseLabel"] = concept.terse[lang]
        if concept.verbose:
            labels["verboseLabel"] = concept.verbose[lang]
        label_resources(link, network, concept.name, lang, labels)
    structure = _Structure()
    for name in structure.labels:
        label_resources(link, network, name, lang, {"label": structure.label(name, lang)})
    return root


def _roles(root: etree._Element) -> None:
    for table in TABLES:
        role_ref(root, role_uri(table), f"{ENTRY_FILE}#{table.name.removesuffix('Table')}")


def build_presentation() -> etree._Element:
    root = linkbase()
    _roles(root)
    for table in TABLES:
        network = Network(extended_link(root, "presentationLink", role_uri(table)), q(LINK, "presentationArc"), _hrefs())
        for axis in table.axes:
            network.arc(PARENT_CHILD, table.name, axis.name)
            if axis.domain:
                network.arc(PARENT_CHILD, axis.name, axis.domain.name)
                for member in axis.members:
                    network.arc(PARENT_CHILD, axis.domain.name, member.name)
        network.arc(PARENT_CHILD, table.name, line_items(table))
        for section in SECTIONS:
            members = [c for c in _section_concepts(section) if c.scope in table.scopes]
            if members:
                network.arc(PARENT_CHILD, line_items(table), section.name)
                for concept in members:
                    network.arc(PARENT_CHILD, section.name, concept.name)
    return root


def _section_concepts(section: Section) -> list[Concept]:
    found: list[Concept] = []
    for concept in section.concepts:
        found.append(concept)
        if concept.upper_limit:
            found.append(upper_limit_of(concept))
    return found


def summations() -> list[tuple[str, str, int]]:
    """(total, item, weight) of every summation-item relationship, from the rules that are sums."""
    return [(rule.total.name, item.name, weight) for rule in RULES if isinstance(rule, Sum)
            for item, weight in rule.items]


def calculation_role() -> str:
    return role_uri(TABLES[0])


def build_calculation() -> etree._Element:
    root = linkbase()
    role_ref(root, calculation_role(), f"{ENTRY_FILE}#{TABLES[0].name.removesuffix('Table')}")
    network = Network(extended_link(root, "calculationLink", calculation_role()), q(LINK, "calculationArc"), _hrefs())
    for total, item, weight in summations():
        network.arc(SUMMATION_ITEM, total, item, weight=str(weight))
    return root


def build_definition() -> etree._Element:
    root = linkbase()
    _roles(root)
    arcrole_refs(root, ("all", "hypercube-dimension", "dimension-domain", "domain-member", "dimension-default"))
    for table in TABLES:
        network = Network(extended_link(root, "definitionLink", role_uri(table)), q(LINK, "definitionArc"), _hrefs())
        network.arc(DIM + "all", line_items(table), table.name,
                    qualified={q(XBRLDT, "closed"): "true", q(XBRLDT, "contextElement"): "segment"})
        for axis in table.axes:
            network.arc(DIM + "hypercube-dimension", table.name, axis.name)
            if axis.domain:
                network.arc(DIM + "dimension-domain", axis.name, axis.domain.name)
                network.arc(DIM + "dimension-default", axis.name, axis.domain.name, fresh=True)
                for member in axis.members:
                    network.arc(DIM + "domain-member", axis.domain.name, member.name)
        for concept in table_concepts(table):
            network.arc(DIM + "domain-member", line_items(table), concept.name)
    return root


def build_references() -> etree._Element:
    root = linkbase(references=True)
    link = extended_link(root, "referenceLink", STANDARD_LINK)
    network = Network(link, q(LINK, "referenceArc"), _hrefs())
    for concept in all_concepts():
        for index, ref in enumerate(concept.references, 1):
            label = f"ref_{concept.name}_{index}"
            resource = sub(link, q(LINK, "reference"), {q(XLINK, "type"): "resource", q(XLINK, "label"): label,
                                                        q(XLINK, "role"): "http://www.xbrl.org/2003/role/reference",
                                                        "id": label})
            sub(resource, q(REF, "Publisher"), text="Government of Japan")
            sub(resource, q(REF, "Name"), text="Companies Act")
            sub(resource, q(REF, "Number"), text=COMPANIES_ACT.en.split("(", 1)[1].rstrip(")"))
            sub(resource, q(REF, "Article"), text=ref.article)
            if ref.paragraph:
                sub(resource, q(REF, "Paragraph"), text=ref.paragraph)
            if ref.item:
                sub(resource, q(REF, "Subparagraph"), text=ref.item)
            sub(resource, q(REF, "Note"), text=ref.topic.en)
            sub(link, q(LINK, "referenceArc"), {q(XLINK, "type"): "arc",
                                                q(XLINK, "arcrole"): "http://www.xbrl.org/2003/arcrole/concept-reference",
                                                q(XLINK, "from"): network.locator(concept.name), q(XLINK, "to"): label})
    return root


def build_all() -> dict[str, bytes]:
    """File name -> bytes of every file of the taxonomy."""
    files = {ENTRY_FILE: serialize(build_schema())}
    builders = {"pre": build_presentation, "cal": build_calculation, "def": build_definition, "ref": build_references,
                "for": build_formulas}
    for kind in LINKBASES:
        root = build_labels(kind.split("-", 1)[1]) if kind.startswith("lab-") else builders[kind]()
        files[f"{STEM}_{kind}.xml"] = serialize(root)
    return files


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in build_all().items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "schemas" / "taxonomy"
    for stale in target.glob(f"{STEM}*"):
        stale.unlink()
    print(f"wrote {len(write(target))} files to {target}")
    assert set(LANGUAGES) == {"en", "ja"}
