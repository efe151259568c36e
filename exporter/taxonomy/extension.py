"""The filing's own extension taxonomy: members eqi does not declare, and eqi sums the notice breaks.

A notice of several issuances needs a member for each tranche; a notice naming a recipient category
of the company's own needs a member for it. Both go under the domain of their eqi axis, in every
ELR that uses the axis, so they are valid members of the eqi hypercubes. A sum the printed notice
really breaks (acknowledged in the input) has its eqi calculation relationships prohibited here,
so processors file it as printed rather than flagging the company's own arithmetic.

Written beside the instance as ``<stem>.xsd`` with English and Japanese label linkbases, a
definition linkbase and, where needed, a calculation linkbase.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from exporter.domain.dimensions import BY_NAME as AXES_BY_NAME
from exporter.domain.dimensions import TABLES
from exporter.domain.text import LANGUAGES, Labels
from exporter.taxonomy import generate
from exporter.taxonomy.files import ENTRY_POINT_URL, NAMESPACE, PREFIX
from exporter.taxonomy.linkbase import (
    DIM,
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
from exporter.taxonomy.namespaces import LINK, XBRLI, XS


@dataclass(frozen=True)
class ExtensionMember:
    """A member the extension declares under an eqi axis's domain."""

    dimension: str
    name: str
    label: Labels


@dataclass(frozen=True)
class Extension:
    """What a filing's extension taxonomy declares."""

    namespace: str
    prefix: str
    members: tuple[ExtensionMember, ...] = ()
    prohibited_summations: tuple[str, ...] = ()  # eqi totals whose summation-item relationships are set aside


def _eqi(name: str) -> str:
    return f"{ENTRY_POINT_URL}#{PREFIX}_{name}"


def build_extension(extension: Extension, stem: str) -> dict[str, bytes]:
    """File name -> bytes of the extension taxonomy whose entry point is ``<stem>.xsd``."""
    schema_file = f"{stem}.xsd"
    own = {member.name: f"{schema_file}#{extension.prefix}_{member.name}" for member in extension.members}
    kinds = ("lab-en", "lab-ja", "def") + (("cal",) if extension.prohibited_summations else ())

    root = schema_root(extension.namespace, extension.prefix, {"xbrli": XBRLI, "link": LINK, "eqi": NAMESPACE})
    linkbase_refs(sub(sub(root, q(XS, "annotation")), q(XS, "appinfo")), stem, kinds)
    sub(root, q(XS, "import"), {"namespace": XBRLI, "schemaLocation": generate.SCHEMA_LOCATIONS[XBRLI]})
    sub(root, q(XS, "import"), {"namespace": NAMESPACE, "schemaLocation": ENTRY_POINT_URL})
    for member in extension.members:
        sub(root, q(XS, "element"), {"name": member.name, "id": f"{extension.prefix}_{member.name}",
                                     "type": "xbrli:stringItemType", "substitutionGroup": "xbrli:item",
                                     q(XBRLI, "periodType"): "duration", "abstract": "true", "nillable": "true"})
    files = {schema_file: serialize(root)}

    for lang in LANGUAGES:
        labels = linkbase()
        link = extended_link(labels, "labelLink", STANDARD_LINK)
        network = Network(link, q(LINK, "labelArc"), own)
        for member in extension.members:
            label_resources(link, network, member.name, lang, {"label": member.label[lang]})
        files[f"{stem}_lab-{lang}.xml"] = serialize(labels)

    definitions = linkbase()
    hrefs = {**own, **{axis.domain.name: _eqi(axis.domain.name) for axis in AXES_BY_NAME.values() if axis.domain}}
    tables = [t for t in TABLES if any(m.dimension in {a.name for a in t.axes} for m in extension.members)]
    for table in tables:
        role_ref(definitions, generate.role_uri(table), f"{ENTRY_POINT_URL}#{table.name.removesuffix('Table')}")
    arcrole_refs(definitions, ("domain-member",))
    for table in tables:
        network = Network(extended_link(definitions, "definitionLink", generate.role_uri(table)),
                          q(LINK, "definitionArc"), hrefs)
        for axis in table.axes:
            for member in extension.members:
                if member.dimension == axis.name and axis.domain is not None:
                    network.arc(DIM + "domain-member", axis.domain.name, member.name)
    files[f"{stem}_def.xml"] = serialize(definitions)

    if extension.prohibited_summations:
        files[f"{stem}_cal.xml"] = serialize(_prohibitions(extension.prohibited_summations))
    return files


def _prohibitions(totals: tuple[str, ...]) -> etree._Element:
    """eqi's summation-item arcs from ``totals``, prohibited: same ELR, order and weight, higher priority."""
    root = linkbase()
    role = generate.calculation_role()
    role_ref(root, role, f"{ENTRY_POINT_URL}#{TABLES[0].name.removesuffix('Table')}")
    relationships = generate.summations()
    names = {name for total, item, _ in relationships for name in (total, item)}
    network = Network(extended_link(root, "calculationLink", role), q(LINK, "calculationArc"),
                      {name: _eqi(name) for name in names})
    for total, item, weight in relationships:
        if total in totals:
            network.arc(generate.SUMMATION_ITEM, total, item, weight=str(weight), use="prohibited", priority="1")
        else:
            network.orders[total] = network.orders.get(total, 0) + 1  # keep eqi's numbering of ``order``
    return root
