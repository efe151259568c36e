"""Author the disclosure-exporter equity-issuance taxonomy (``eqi``) from the tables below.

The taxonomy itself is data: the files this script writes into ``schemas/taxonomy/`` are committed
and shipped, and the tool reads only them. This script exists so that the schema and its six
linkbases are edited in one place and stay consistent; ``tests/test_taxonomy.py`` regenerates them
into a temporary folder and asserts the committed files are byte-identical.

Run from the repository root:  ``python schemas/authoring/build_taxonomy.py``
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

VERSION = "2026-11-25"
BASE_URL = f"http://disclosure-exporter.dev/taxonomy/eqi/{VERSION}/"
NS = f"http://disclosure-exporter.dev/taxonomy/eqi/{VERSION}"
PREFIX = "eqi"
ENTRY = f"eqi-{VERSION}.xsd"
ROLE_BASE = "http://disclosure-exporter.dev/taxonomy/eqi/role/"

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
NUM = "http://www.xbrl.org/dtr/type/numeric"
REF = "http://www.xbrl.org/2006/ref"
XML_NS = "http://www.w3.org/XML/1998/namespace"

SCHEMA_LOCATIONS = {
    XBRLI: "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    LINK: "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    XBRLDT: "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    NUM: "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd",
    REF: "http://www.xbrl.org/2006/ref-2006-02-27.xsd",
}

ROLE_LABEL = "http://www.xbrl.org/2003/role/label"
ROLE_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
ROLE_VERBOSE = "http://www.xbrl.org/2003/role/verboseLabel"
ROLE_DOC = "http://www.xbrl.org/2003/role/documentation"

ROLE_NOTICE = ROLE_BASE + "NoticeOfStockAcquisitionRights"
ROLE_ALLOTMENT = ROLE_BASE + "AllotmentByRecipientCategory"
ROLE_LISTING = ROLE_BASE + "Listings"
ROLE_AGGREGATES = ROLE_BASE + "AggregateAmounts"


@dataclass(frozen=True)
class Concept:
    name: str
    type: str  # QName as written in the schema, e.g. "xbrli:stringItemType"
    en: str
    ja: str
    period: str = "instant"
    abstract: bool = False
    substitution: str = "xbrli:item"
    balance: str | None = None
    en_terse: str | None = None
    ja_terse: str | None = None
    en_verbose: str | None = None
    ja_verbose: str | None = None
    en_doc: str | None = None
    references: tuple[tuple[str, str, str], ...] = ()  # (article, paragraph, item)
    typed_domain: str | None = None  # typed dimensions only


def abstract(name: str, en: str, ja: str) -> Concept:
    return Concept(name, "xbrli:stringItemType", en, ja, period="duration", abstract=True)


def hypercube(name: str, en: str, ja: str) -> Concept:
    return Concept(name, "xbrli:stringItemType", en, ja, period="duration", abstract=True,
                   substitution="xbrldt:hypercubeItem")


def axis(name: str, en: str, ja: str, typed_domain: str | None = None) -> Concept:
    return Concept(name, "xbrli:stringItemType", en, ja, period="duration", abstract=True,
                   substitution="xbrldt:dimensionItem", typed_domain=typed_domain)


def member(name: str, en: str, ja: str) -> Concept:
    # Members are abstract domain items; the DTR's domainItemType would need one more import and
    # gains nothing for an explicit dimension of our own.
    return Concept(name, "xbrli:stringItemType", en, ja, period="duration", abstract=True)


ART236 = "236"
ART238 = "238"
ART246 = "246"
ART361 = "361"

# The recipient categories real notices name.  The member names are the taxonomy's; the codes
# (left) are what input files and the models use.  Keep in step with exporter/models/recipients.py.
RECIPIENT_MEMBERS: tuple[tuple[str, str, str, str], ...] = (
    ("directors", "DirectorsMember", "Directors", "取締役"),
    ("outside_directors", "OutsideDirectorsMember", "Outside directors", "社外取締役"),
    ("audit_committee_directors", "AuditAndSupervisoryCommitteeMemberDirectorsMember",
     "Directors who are Audit and Supervisory Committee members", "監査等委員である取締役"),
    ("executive_officers", "ExecutiveOfficersMember", "Executive officers", "執行役員"),
    ("corporate_auditors", "CorporateAuditorsMember", "Corporate auditors", "監査役"),
    ("employees", "EmployeesMember", "Employees", "従業員"),
    ("subsidiary_directors", "DirectorsOfSubsidiariesMember", "Directors of subsidiaries", "子会社の取締役"),
    ("subsidiary_executive_officers", "ExecutiveOfficersOfSubsidiariesMember",
     "Executive officers of subsidiaries", "子会社の執行役員"),
    ("subsidiary_corporate_auditors", "CorporateAuditorsOfSubsidiariesMember",
     "Corporate auditors of subsidiaries", "子会社の監査役"),
    ("subsidiary_employees", "EmployeesOfSubsidiariesMember", "Employees of subsidiaries", "子会社の従業員"),
    ("subsidiary_directors_and_employees", "DirectorsAndEmployeesOfSubsidiariesMember",
     "Directors and employees of subsidiaries", "子会社の取締役及び従業員"),
    ("group_company_managers", "ManagersOfGroupCompaniesMember", "Managers of group companies",
     "グループ会社の管理職"),
    ("other", "OtherRecipientsMember", "Other recipients", "その他の付与対象者"),
)

DOCUMENT_CONCEPTS = (
    Concept("DocumentTitle", "xbrli:stringItemType", "Document title", "表題"),
    Concept("AnnouncementDate", "xbrli:dateItemType", "Announcement date", "公表日"),
    Concept("IssuerName", "xbrli:stringItemType", "Issuer name", "会社名",
            en_verbose="Name of the issuing company", ja_verbose="発行会社の名称"),
    Concept("SecuritiesCode", "xbrli:stringItemType", "Securities code", "証券コード",
            en_verbose="Securities code assigned by the Securities Identification Code Committee (Japan)",
            ja_verbose="証券コード協議会が定める証券コード"),
    Concept("LegalEntityIdentifier", "xbrli:stringItemType", "Legal entity identifier (LEI)",
            "取引主体識別子（LEI）"),
)

LISTING_CONCEPTS = (
    hypercube("ListingTable", "Listings [table]", "上場市場 [表]"),
    axis("ListingAxis", "Stock exchange [axis]", "上場取引所 [軸]", typed_domain="ExchangeCode"),
    abstract("ListingLineItems", "Listings [line items]", "上場市場 [項目]"),
    Concept("TradingSymbol", "xbrli:stringItemType", "Trading symbol", "銘柄コード",
            en_verbose="Trading symbol on the stock exchange", ja_verbose="当該取引所における銘柄コード"),
)

ISSUANCE_CONCEPTS = (
    Concept("PlanType", "eqi:planTypeItemType", "Plan type", "新株予約権の種類",
            en_verbose="Plan type (StockCompensationType: 1-yen exercise price; Ordinary)",
            ja_verbose="新株予約権の種類（株式報酬型：行使価額1円、通常型）"),
    Concept("SeriesName", "xbrli:stringItemType", "Name of the stock acquisition rights", "新株予約権の名称",
            ja_terse="名称"),
    Concept("BoardResolutionDate", "xbrli:dateItemType", "Date of board resolution", "取締役会決議日",
            ja_terse="決議日", references=((ART238, "2", ""),)),
    Concept("DeterminationDate", "xbrli:dateItemType", "Date the terms were determined", "発行内容確定日"),
    Concept("AllotmentDate", "xbrli:dateItemType", "Allotment date", "割当日",
            references=((ART238, "1", "4"),)),
    Concept("NumberOfStockAcquisitionRights", "xbrli:decimalItemType",
            "Total number of stock acquisition rights", "新株予約権の総数",
            en_terse="Number of rights", ja_terse="新株予約権の数", references=((ART238, "1", "1"),)),
    Concept("NumberOfStockAcquisitionRightsUpperLimit", "xbrli:decimalItemType",
            "Total number of stock acquisition rights, upper limit", "新株予約権の総数（上限）",
            en_verbose="Upper limit on the total number of stock acquisition rights (notice made before the number was fixed)",
            ja_verbose="新株予約権の総数の上限（発行数確定前の公表）", references=((ART238, "1", "1"),)),
    Concept("ClassOfShares", "xbrli:stringItemType",
            "Class of shares underlying the stock acquisition rights", "新株予約権の目的となる株式の種類",
            en_terse="Class of shares", ja_terse="株式の種類", references=((ART236, "1", "1"),)),
    Concept("NumberOfSharesPerStockAcquisitionRight", "xbrli:sharesItemType",
            "Number of shares per stock acquisition right", "新株予約権1個当たりの目的となる株式の数",
            en_terse="Shares per right", ja_terse="1個当たりの株式数", references=((ART236, "1", "1"),)),
    Concept("NumberOfSharesUnderlyingStockAcquisitionRights", "xbrli:sharesItemType",
            "Total number of shares underlying the stock acquisition rights",
            "新株予約権の目的となる株式の総数", en_terse="Number of shares", ja_terse="目的となる株式の数",
            references=((ART236, "1", "1"),)),
    Concept("NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit", "xbrli:sharesItemType",
            "Total number of shares underlying the stock acquisition rights, upper limit",
            "新株予約権の目的となる株式の総数（上限）", references=((ART236, "1", "1"),)),
    Concept("AmountPaidPerStockAcquisitionRight", "xbrli:monetaryItemType",
            "Amount to be paid in exchange for each stock acquisition right", "新株予約権1個当たりの払込金額",
            en_terse="Amount paid per right", ja_terse="1個当たりの払込金額", references=((ART238, "1", "3"),)),
    Concept("AmountPaidPerShare", "num:perShareItemType",
            "Amount to be paid in exchange for stock acquisition rights, per underlying share",
            "新株予約権の払込金額（目的となる株式1株当たり）", en_terse="Amount paid per share",
            ja_terse="1株当たりの払込金額", references=((ART238, "1", "3"),)),
    Concept("NoPaymentRequired", "xbrli:booleanItemType",
            "No cash payment is required in exchange for the stock acquisition rights",
            "新株予約権と引換えに金銭の払込みを要しない", ja_terse="無償", references=((ART238, "1", "2"),)),
    Concept("PaymentMethod", "xbrli:stringItemType", "Method of payment for the stock acquisition rights",
            "払込方法", references=((ART246, "2", ""),)),
    Concept("ExercisePricePerShare", "num:perShareItemType",
            "Amount of property to be contributed upon exercise, per share", "1株当たりの行使価額",
            en_terse="Exercise price per share", references=((ART236, "1", "2"),)),
    Concept("ExercisePeriodStartDate", "xbrli:dateItemType", "Exercise period, first day",
            "権利行使期間の初日", references=((ART236, "1", "4"),)),
    Concept("ExercisePeriodEndDate", "xbrli:dateItemType", "Exercise period, last day",
            "権利行使期間の末日", references=((ART236, "1", "4"),)),
    Concept("ExerciseConditions", "xbrli:stringItemType", "Conditions for the exercise of the rights",
            "新株予約権の行使の条件", references=((ART236, "1", "6"),)),
)

AGGREGATE_CONCEPTS = (
    Concept("AggregateAmountPaidForStockAcquisitionRights", "xbrli:monetaryItemType",
            "Aggregate amount to be paid for the stock acquisition rights", "新株予約権の払込金額の総額",
            balance="credit"),
    Concept("AggregateExerciseValue", "xbrli:monetaryItemType",
            "Aggregate amount of property to be contributed upon exercise", "新株予約権の行使に際して出資される財産の価額の総額",
            balance="credit"),
    Concept("AggregateIssueValue", "xbrli:monetaryItemType",
            "Aggregate issue value, including amounts contributed upon exercise",
            "新株予約権の発行価額の総額（行使時出資額を含む）", balance="credit"),
)

ALLOTMENT_CONCEPTS = (
    hypercube("AllotmentByRecipientCategoryTable", "Allotment by recipient category [table]",
              "付与対象者の区分別の割当 [表]"),
    axis("RecipientCategoryAxis", "Recipient category [axis]", "付与対象者の区分 [軸]"),
    member("AllRecipientCategoriesMember", "All recipient categories [member]", "付与対象者合計 [メンバー]"),
    *(member(name, f"{en} [member]", f"{ja} [メンバー]") for _, name, en, ja in RECIPIENT_MEMBERS),
    abstract("AllotmentLineItems", "Allotment [line items]", "割当 [項目]"),
    Concept("RecipientCategoryDescription", "xbrli:stringItemType",
            "Recipient category as described in the notice", "付与対象者の区分（記載のとおり）",
            en_terse="Recipients", ja_terse="付与対象者", references=((ART238, "1", "1"),)),
    Concept("NumberOfRecipients", "xbrli:decimalItemType", "Number of persons allotted", "付与対象者の人数",
            en_terse="Persons", ja_terse="人数"),
    Concept("NumberOfStockAcquisitionRightsAllotted", "xbrli:decimalItemType",
            "Number of stock acquisition rights allotted", "割り当てる新株予約権の数", en_terse="Rights",
            ja_terse="新株予約権の数"),
    Concept("NumberOfStockAcquisitionRightsAllottedUpperLimit", "xbrli:decimalItemType",
            "Number of stock acquisition rights allotted, upper limit", "割り当てる新株予約権の数（上限）",
            en_terse="Rights, upper limit", ja_terse="新株予約権の数（上限）"),
)

ROOT_ABSTRACTS = (
    abstract("NoticeOfStockAcquisitionRightsAbstract", "Notice of issuance of stock acquisition rights [abstract]",
             "新株予約権の発行に関するお知らせ [タイトル項目]"),
    abstract("DocumentAndEntityInformationAbstract", "Document and entity information [abstract]",
             "提出書類及び会社の情報 [タイトル項目]"),
    abstract("StockAcquisitionRightsAbstract", "Terms of the stock acquisition rights [abstract]",
             "新株予約権の発行要項 [タイトル項目]"),
    abstract("AggregateAmountsAbstract", "Aggregate amounts [abstract]", "総額 [タイトル項目]"),
)

ALL_CONCEPTS: tuple[Concept, ...] = (
    ROOT_ABSTRACTS + DOCUMENT_CONCEPTS + LISTING_CONCEPTS + ISSUANCE_CONCEPTS + AGGREGATE_CONCEPTS
    + ALLOTMENT_CONCEPTS
)

ROLES = (
    (ROLE_NOTICE, "NoticeOfStockAcquisitionRights", "Notice of issuance of stock acquisition rights"),
    (ROLE_LISTING, "Listings", "Listings"),
    (ROLE_ALLOTMENT, "AllotmentByRecipientCategory", "Allotment by recipient category"),
    (ROLE_AGGREGATES, "AggregateAmounts", "Aggregate amounts"),
)

# Companies Act (Act No. 86 of 2005): articles the concepts' legal meaning rests on.
ARTICLE_NAMES = {
    ART236: "Content of share options",
    ART238: "Determination of the subscription requirements for share options",
    ART246: "Payment of the amount to be paid in for share options",
    ART361: "Remuneration of directors",
}


def E(tag: str, attrib: dict[str, str] | None = None, nsmap: dict | None = None) -> etree._Element:
    return etree.Element(tag, attrib or {}, nsmap=nsmap)


def sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None):
    child = etree.SubElement(parent, tag, attrib or {})
    if text is not None:
        child.text = text
    return child


def q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def concept_id(name: str) -> str:
    return f"{PREFIX}_{name}"


def build_schema(linkbases: list[tuple[str, str | None]]) -> etree._Element:
    nsmap = {"xs": XS, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, "num": NUM,
             PREFIX: NS}
    root = E(q(XS, "schema"), {"targetNamespace": NS, "elementFormDefault": "qualified",
                               "attributeFormDefault": "unqualified"}, nsmap)
    appinfo = sub(sub(root, q(XS, "annotation")), q(XS, "appinfo"))
    for href, role in linkbases:
        attrib = {q(XLINK, "type"): "simple", q(XLINK, "href"): href}
        if role:  # generic linkbases (formulas) have no standard linkbaseRef role
            attrib[q(XLINK, "role")] = role
        attrib[q(XLINK, "arcrole")] = "http://www.w3.org/1999/xlink/properties/linkbase"
        sub(appinfo, q(LINK, "linkbaseRef"), attrib)
    for uri, role_id, definition in ROLES:
        rt = sub(appinfo, q(LINK, "roleType"), {"roleURI": uri, "id": role_id})
        sub(rt, q(LINK, "definition"), text=definition)
        for used in ("link:presentationLink", "link:definitionLink", "link:calculationLink"):
            sub(rt, q(LINK, "usedOn"), text=used)
    for ns in (XBRLI, LINK, XBRLDT, NUM):
        sub(root, q(XS, "import"), {"namespace": ns, "schemaLocation": SCHEMA_LOCATIONS[ns]})

    # Plan type: an enumerated token, so a fact can only say one of the two kinds.
    ct = sub(root, q(XS, "complexType"), {"name": "planTypeItemType"})
    restriction = sub(sub(ct, q(XS, "simpleContent")), q(XS, "restriction"), {"base": "xbrli:tokenItemType"})
    for value in ("StockCompensationType", "Ordinary"):
        sub(restriction, q(XS, "enumeration"), {"value": value})
    # A restriction does not inherit the base type's attribute wildcard: restate it (xml:lang etc.).
    sub(restriction, q(XS, "attributeGroup"), {"ref": "xbrli:nonNumericItemAttrs"})

    # The typed dimension's domain: the exchange as the notice names it (e.g. NASDAQ, TSE1).
    sub(root, q(XS, "element"), {"name": "ExchangeCode", "id": concept_id("ExchangeCode"), "type": "xs:token"})

    for c in ALL_CONCEPTS:
        attrib = {"name": c.name, "id": concept_id(c.name), "type": c.type,
                  "substitutionGroup": c.substitution, q(XBRLI, "periodType"): c.period,
                  "nillable": "true"}
        if c.abstract:
            attrib["abstract"] = "true"
        if c.balance:
            attrib[q(XBRLI, "balance")] = c.balance
        if c.typed_domain:
            attrib[q(XBRLDT, "typedDomainRef")] = f"#{concept_id(c.typed_domain)}"
        sub(root, q(XS, "element"), attrib)
    return root


def linkbase_root() -> etree._Element:
    root = E(q(LINK, "linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xbrldt": XBRLDT, "ref": REF,
                                            "xsi": "http://www.w3.org/2001/XMLSchema-instance"})
    root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
             f"{LINK} {SCHEMA_LOCATIONS[LINK]}" + (f" {REF} {SCHEMA_LOCATIONS[REF]}"))
    return root


def role_refs(root: etree._Element, uris: list[str]) -> None:
    ids = {uri: role_id for uri, role_id, _ in ROLES}
    for uri in uris:
        sub(root, q(LINK, "roleRef"), {"roleURI": uri, q(XLINK, "type"): "simple",
                                       q(XLINK, "href"): f"{ENTRY}#{ids[uri]}"})


def arcrole_refs(root: etree._Element, arcroles: list[str]) -> None:
    ids = {"http://xbrl.org/int/dim/arcrole/all": "all",
           "http://xbrl.org/int/dim/arcrole/hypercube-dimension": "hypercube-dimension",
           "http://xbrl.org/int/dim/arcrole/dimension-domain": "dimension-domain",
           "http://xbrl.org/int/dim/arcrole/domain-member": "domain-member",
           "http://xbrl.org/int/dim/arcrole/dimension-default": "dimension-default"}
    for arcrole in arcroles:
        sub(root, q(LINK, "arcroleRef"), {"arcroleURI": arcrole, q(XLINK, "type"): "simple",
                                          q(XLINK, "href"): f"{SCHEMA_LOCATIONS[XBRLDT]}#{ids[arcrole]}"})


def loc(link: etree._Element, name: str) -> str:
    label = f"loc_{name}"
    sub(link, q(LINK, "loc"), {q(XLINK, "type"): "locator", q(XLINK, "href"): f"{ENTRY}#{concept_id(name)}",
                               q(XLINK, "label"): label})
    return label


def build_labels(lang: str) -> etree._Element:
    root = linkbase_root()
    link = sub(root, q(LINK, "labelLink"), {q(XLINK, "type"): "extended", q(XLINK, "role"): "http://www.xbrl.org/2003/role/link"})
    for c in ALL_CONCEPTS:
        loc_label = loc(link, c.name)
        variants = [(ROLE_LABEL, getattr(c, lang)), (ROLE_TERSE, getattr(c, f"{lang}_terse")),
                    (ROLE_VERBOSE, getattr(c, f"{lang}_verbose"))]
        if lang == "en":
            variants.append((ROLE_DOC, c.en_doc))
        for role, text in variants:
            if not text:
                continue
            suffix = role.rsplit("/", 1)[1]
            label_id = f"lab_{c.name}_{suffix}_{lang}"
            sub(link, q(LINK, "label"), {q(XLINK, "type"): "resource", q(XLINK, "label"): label_id,
                                         q(XLINK, "role"): role, q(XML_NS, "lang"): lang, "id": label_id}, text)
            sub(link, q(LINK, "labelArc"), {q(XLINK, "type"): "arc",
                                            q(XLINK, "arcrole"): "http://www.xbrl.org/2003/arcrole/concept-label",
                                            q(XLINK, "from"): loc_label, q(XLINK, "to"): label_id})
    return root


class Tree:
    """Writes parent-child style arcs, placing each locator once per extended link."""

    def __init__(self, link: etree._Element, arc_tag: str):
        self.link, self.arc_tag, self.locs = link, arc_tag, {}
        self.orders: dict[str, int] = {}

    def loc(self, name: str) -> str:
        if name not in self.locs:
            self.locs[name] = loc(self.link, name)
        return self.locs[name]

    def arc(self, arcrole: str, parent: str, child: str, *, second_loc: bool = False, **extra: str) -> None:
        """Add an arc; ``second_loc`` points it at a second locator of ``child``, because XLink
        forbids two arcs between the same pair of locators even when their arcroles differ."""
        order = self.orders.get(parent, 0) + 1
        self.orders[parent] = order
        if second_loc:
            target = f"loc_{child}_2"
            sub(self.link, q(LINK, "loc"), {q(XLINK, "type"): "locator",
                                            q(XLINK, "href"): f"{ENTRY}#{concept_id(child)}", q(XLINK, "label"): target})
        else:
            target = self.loc(child)
        attrib = {q(XLINK, "type"): "arc", q(XLINK, "arcrole"): arcrole, q(XLINK, "from"): self.loc(parent),
                  q(XLINK, "to"): target, "order": str(order)}
        attrib.update({(q(XBRLDT, k[7:]) if k.startswith("xbrldt_") else k): v for k, v in extra.items()})
        sub(self.link, self.arc_tag, attrib)


PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"


def names(concepts) -> list[str]:
    return [c.name for c in concepts if not c.abstract]


def build_presentation() -> etree._Element:
    root = linkbase_root()
    role_refs(root, [ROLE_NOTICE, ROLE_LISTING, ROLE_ALLOTMENT, ROLE_AGGREGATES])
    def tree(role: str) -> Tree:
        link = sub(root, q(LINK, "presentationLink"), {q(XLINK, "type"): "extended", q(XLINK, "role"): role})
        return Tree(link, q(LINK, "presentationArc"))

    t = tree(ROLE_NOTICE)
    top = "NoticeOfStockAcquisitionRightsAbstract"
    t.arc(PARENT_CHILD, top, "DocumentAndEntityInformationAbstract")
    for n in names(DOCUMENT_CONCEPTS):
        t.arc(PARENT_CHILD, "DocumentAndEntityInformationAbstract", n)
    t.arc(PARENT_CHILD, top, "StockAcquisitionRightsAbstract")
    for n in names(ISSUANCE_CONCEPTS):
        t.arc(PARENT_CHILD, "StockAcquisitionRightsAbstract", n)

    t = tree(ROLE_LISTING)
    t.arc(PARENT_CHILD, "ListingTable", "ListingAxis")
    t.arc(PARENT_CHILD, "ListingTable", "ListingLineItems")
    t.arc(PARENT_CHILD, "ListingLineItems", "TradingSymbol")

    t = tree(ROLE_ALLOTMENT)
    t.arc(PARENT_CHILD, "AllotmentByRecipientCategoryTable", "RecipientCategoryAxis")
    t.arc(PARENT_CHILD, "RecipientCategoryAxis", "AllRecipientCategoriesMember")
    for _, name, _, _ in RECIPIENT_MEMBERS:
        t.arc(PARENT_CHILD, "AllRecipientCategoriesMember", name)
    t.arc(PARENT_CHILD, "AllotmentByRecipientCategoryTable", "AllotmentLineItems")
    for n in names(ALLOTMENT_CONCEPTS):
        t.arc(PARENT_CHILD, "AllotmentLineItems", n)

    t = tree(ROLE_AGGREGATES)
    for n in names(AGGREGATE_CONCEPTS):
        t.arc(PARENT_CHILD, "AggregateAmountsAbstract", n)
    return root


def build_calculation() -> etree._Element:
    root = linkbase_root()
    role_refs(root, [ROLE_AGGREGATES])
    link = sub(root, q(LINK, "calculationLink"), {q(XLINK, "type"): "extended", q(XLINK, "role"): ROLE_AGGREGATES})
    t = Tree(link, q(LINK, "calculationArc"))
    for n in ("AggregateAmountPaidForStockAcquisitionRights", "AggregateExerciseValue"):
        t.arc("http://www.xbrl.org/2003/arcrole/summation-item", "AggregateIssueValue", n, weight="1")
    return root


DIM = "http://xbrl.org/int/dim/arcrole/"


def build_definition() -> etree._Element:
    root = linkbase_root()
    role_refs(root, [ROLE_LISTING, ROLE_ALLOTMENT])
    arcrole_refs(root, [DIM + "all", DIM + "hypercube-dimension", DIM + "dimension-domain",
                        DIM + "domain-member", DIM + "dimension-default"])

    def tree(role: str) -> Tree:
        link = sub(root, q(LINK, "definitionLink"), {q(XLINK, "type"): "extended", q(XLINK, "role"): role})
        return Tree(link, q(LINK, "definitionArc"))

    t = tree(ROLE_LISTING)
    t.arc(DIM + "all", "ListingLineItems", "ListingTable", xbrldt_closed="true", xbrldt_contextElement="segment")
    t.arc(DIM + "hypercube-dimension", "ListingTable", "ListingAxis")
    t.arc(DIM + "domain-member", "ListingLineItems", "TradingSymbol")

    t = tree(ROLE_ALLOTMENT)
    t.arc(DIM + "all", "AllotmentLineItems", "AllotmentByRecipientCategoryTable", xbrldt_closed="true",
          xbrldt_contextElement="segment")
    t.arc(DIM + "hypercube-dimension", "AllotmentByRecipientCategoryTable", "RecipientCategoryAxis")
    t.arc(DIM + "dimension-domain", "RecipientCategoryAxis", "AllRecipientCategoriesMember")
    t.arc(DIM + "dimension-default", "RecipientCategoryAxis", "AllRecipientCategoriesMember", second_loc=True)
    for _, name, _, _ in RECIPIENT_MEMBERS:
        t.arc(DIM + "domain-member", "AllRecipientCategoriesMember", name)
    for n in names(ALLOTMENT_CONCEPTS):
        t.arc(DIM + "domain-member", "AllotmentLineItems", n)
    return root


def build_references() -> etree._Element:
    root = linkbase_root()
    link = sub(root, q(LINK, "referenceLink"), {q(XLINK, "type"): "extended",
                                                  q(XLINK, "role"): "http://www.xbrl.org/2003/role/link"})
    for c in ALL_CONCEPTS:
        if not c.references:
            continue
        loc_label = loc(link, c.name)
        for index, (article, paragraph, item) in enumerate(c.references, 1):
            ref_label = f"ref_{c.name}_{index}"
            ref = sub(link, q(LINK, "reference"), {q(XLINK, "type"): "resource", q(XLINK, "label"): ref_label,
                                                   q(XLINK, "role"): "http://www.xbrl.org/2003/role/reference",
                                                   "id": ref_label})
            sub(ref, q(REF, "Publisher"), text="Government of Japan")
            sub(ref, q(REF, "Name"), text="Companies Act")
            sub(ref, q(REF, "Number"), text="Act No. 86 of 2005")
            sub(ref, q(REF, "Article"), text=article)
            if paragraph:
                sub(ref, q(REF, "Paragraph"), text=paragraph)
            if item:
                sub(ref, q(REF, "Subparagraph"), text=item)
            sub(ref, q(REF, "Note"), text=ARTICLE_NAMES[article])
            sub(link, q(LINK, "referenceArc"), {q(XLINK, "type"): "arc",
                                                q(XLINK, "arcrole"): "http://www.xbrl.org/2003/arcrole/concept-reference",
                                                q(XLINK, "from"): loc_label, q(XLINK, "to"): ref_label})
    return root


# Business rules as XBRL Formula 1.0 value assertions, so that any processor that runs formulas
# (Arelle does with --formula=run) applies the same arithmetic the models enforce and the
# exporter's validator checks (exporter/validation/business_rules.py; keep the two in step).
GEN = "http://xbrl.org/2008/generic"
VARIABLE = "http://xbrl.org/2008/variable"
VA = "http://xbrl.org/2008/assertion/value"
CF = "http://xbrl.org/2008/filter/concept"
DF = "http://xbrl.org/2008/filter/dimension"
ACF = "http://xbrl.org/2010/filter/aspect-cover"
MSG = "http://xbrl.org/2010/message"
FORMULA_SCHEMAS = {
    GEN: "http://www.xbrl.org/2008/generic-link.xsd",
    VARIABLE: "http://www.xbrl.org/2008/variable.xsd",
    VA: "http://www.xbrl.org/2008/value-assertion.xsd",
    CF: "http://www.xbrl.org/2008/concept-filter.xsd",
    DF: "http://www.xbrl.org/2008/dimension-filter.xsd",
    ACF: "http://www.xbrl.org/2010/aspect-cover-filter.xsd",
    MSG: "http://www.xbrl.org/2010/generic-message.xsd",
}
VALIDATION_MESSAGE = "http://www.xbrl.org/2010/validation-message.xsd"


@dataclass(frozen=True)
class FactVariable:
    name: str
    concepts: tuple[str, ...]  # any of these concepts (an exact count or its upper-limit concept)
    sequence: bool = False  # bind all matching facts as one sequence (for sums)
    recipient_members: bool = False  # only facts for a member below AllRecipientCategoriesMember


@dataclass(frozen=True)
class ValueAssertion:
    id: str
    test: str
    variables: tuple[FactVariable, ...]
    message: str


RIGHTS = ("NumberOfStockAcquisitionRights", "NumberOfStockAcquisitionRightsUpperLimit")
SHARES = ("NumberOfSharesUnderlyingStockAcquisitionRights", "NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit")
ALLOTTED = ("NumberOfStockAcquisitionRightsAllotted", "NumberOfStockAcquisitionRightsAllottedUpperLimit")

# Each fact variable covers the concept and unit aspects; every other aspect (entity, period,
# dimensions not filtered) must match across the variables (implicit filtering), so the rules
# apply within one issuer, one date and one set of dimensions.
VALUE_ASSERTIONS = (
    ValueAssertion(
        "eqi_SharesEqualRightsTimesSharesPerRight", "$rights * $sharesPerRight eq $shares",
        (FactVariable("rights", RIGHTS), FactVariable("sharesPerRight", ("NumberOfSharesPerStockAcquisitionRight",)),
         FactVariable("shares", SHARES)),
        "The number of rights ({$rights}) times the shares per right ({$sharesPerRight}) must equal the number "
        "of shares ({$shares})."),
    ValueAssertion(
        "eqi_AllotmentsAddUpToRights", "sum($allotted) eq $rights",
        (FactVariable("rights", RIGHTS), FactVariable("allotted", ALLOTTED, sequence=True, recipient_members=True)),
        "The rights allotted by recipient category ({sum($allotted)} in all) must add up to the number of rights "
        "({$rights})."),
    ValueAssertion(
        "eqi_AmountPerRightEqualsAmountPerShareTimesSharesPerRight", "$perShare * $sharesPerRight eq $perRight",
        (FactVariable("perShare", ("AmountPaidPerShare",)),
         FactVariable("sharesPerRight", ("NumberOfSharesPerStockAcquisitionRight",)),
         FactVariable("perRight", ("AmountPaidPerStockAcquisitionRight",))),
        "The amount paid per share ({$perShare}) times the shares per right ({$sharesPerRight}) must equal the "
        "amount paid per right ({$perRight})."),
)


def build_formulas() -> etree._Element:
    nsmap = {"link": LINK, "xlink": XLINK, "xsi": "http://www.w3.org/2001/XMLSchema-instance", "gen": GEN,
             "variable": VARIABLE, "va": VA, "cf": CF, "df": DF, "acf": ACF, "msg": MSG, PREFIX: NS}
    root = E(q(LINK, "linkbase"), nsmap=nsmap)
    locations = {LINK: SCHEMA_LOCATIONS[LINK], **FORMULA_SCHEMAS}
    root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
             " ".join(f"{ns} {url}" for ns, url in locations.items()))
    sub(root, q(LINK, "roleRef"), {"roleURI": "http://www.xbrl.org/2008/role/link", q(XLINK, "type"): "simple",
                                   q(XLINK, "href"): f"{FORMULA_SCHEMAS[GEN]}#standard-link-role"})
    sub(root, q(LINK, "roleRef"), {"roleURI": "http://www.xbrl.org/2010/role/message", q(XLINK, "type"): "simple",
                                   q(XLINK, "href"): f"{FORMULA_SCHEMAS[MSG]}#standard-message"})
    arcroles = {"variable-set": FORMULA_SCHEMAS[VARIABLE], "variable-filter": FORMULA_SCHEMAS[VARIABLE],
                "assertion-unsatisfied-message": VALIDATION_MESSAGE}
    arcrole_uris = {"variable-set": "http://xbrl.org/arcrole/2008/variable-set",
                    "variable-filter": "http://xbrl.org/arcrole/2008/variable-filter",
                    "assertion-unsatisfied-message": "http://xbrl.org/arcrole/2010/assertion-unsatisfied-message"}
    for name, schema in arcroles.items():
        sub(root, q(LINK, "arcroleRef"), {"arcroleURI": arcrole_uris[name], q(XLINK, "type"): "simple",
                                          q(XLINK, "href"): f"{schema}#{name}"})
    link = sub(root, q(GEN, "link"), {q(XLINK, "type"): "extended",
                                      q(XLINK, "role"): "http://www.xbrl.org/2008/role/link"})

    def arc(tag: str, arcrole: str, source: str, target: str, **extra: str) -> None:
        sub(link, tag, {q(XLINK, "type"): "arc", q(XLINK, "arcrole"): arcrole_uris[arcrole],
                        q(XLINK, "from"): source, q(XLINK, "to"): target, **extra})

    for assertion in VALUE_ASSERTIONS:
        short = assertion.id.removeprefix(f"{PREFIX}_")
        sub(link, q(VA, "valueAssertion"), {q(XLINK, "type"): "resource", q(XLINK, "label"): short,
                                            "id": assertion.id, "aspectModel": "dimensional",
                                            "implicitFiltering": "true", "test": assertion.test})
        message = f"{short}_message"
        sub(link, q(MSG, "message"), {q(XLINK, "type"): "resource", q(XLINK, "label"): message,
                                      q(XLINK, "role"): "http://www.xbrl.org/2010/role/message",
                                      q(XML_NS, "lang"): "en"}, assertion.message)
        arc(q(GEN, "arc"), "assertion-unsatisfied-message", short, message)
        for variable in assertion.variables:
            label = f"{short}_{variable.name}"
            sub(link, q(VARIABLE, "factVariable"), {q(XLINK, "type"): "resource", q(XLINK, "label"): label,
                                                    "bindAsSequence": str(variable.sequence).lower()})
            arc(q(VARIABLE, "variableArc"), "variable-set", short, label, name=variable.name)
            concept_filter = sub(link, q(CF, "conceptName"), {q(XLINK, "type"): "resource",
                                                              q(XLINK, "label"): f"{label}_concept"})
            for name in variable.concepts:
                sub(sub(concept_filter, q(CF, "concept")), q(CF, "qname"), text=f"{PREFIX}:{name}")
            arc(q(VARIABLE, "variableFilterArc"), "variable-filter", label, f"{label}_concept",
                complement="false", cover="true")
            unit_cover = sub(link, q(ACF, "aspectCover"), {q(XLINK, "type"): "resource",
                                                           q(XLINK, "label"): f"{label}_unit"})
            sub(unit_cover, q(ACF, "aspect"), text="unit")
            arc(q(VARIABLE, "variableFilterArc"), "variable-filter", label, f"{label}_unit",
                complement="false", cover="true")
            if variable.recipient_members:
                dimension = sub(link, q(DF, "explicitDimension"), {q(XLINK, "type"): "resource",
                                                                   q(XLINK, "label"): f"{label}_member"})
                sub(sub(dimension, q(DF, "dimension")), q(DF, "qname"), text=f"{PREFIX}:RecipientCategoryAxis")
                member_spec = sub(dimension, q(DF, "member"))
                sub(member_spec, q(DF, "qname"), text=f"{PREFIX}:AllRecipientCategoriesMember")
                sub(member_spec, q(DF, "linkrole"), text=ROLE_ALLOTMENT)
                sub(member_spec, q(DF, "arcrole"), text=DIM + "domain-member")
                sub(member_spec, q(DF, "axis"), text="descendant")
                arc(q(VARIABLE, "variableFilterArc"), "variable-filter", label, f"{label}_member",
                    complement="false", cover="true")
    return root


def serialize(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build_all() -> dict[str, bytes]:
    stem = ENTRY[:-4]
    linkbases = [
        (f"{stem}_lab-en.xml", "http://www.xbrl.org/2003/role/labelLinkbaseRef", build_labels("en")),
        (f"{stem}_lab-ja.xml", "http://www.xbrl.org/2003/role/labelLinkbaseRef", build_labels("ja")),
        (f"{stem}_pre.xml", "http://www.xbrl.org/2003/role/presentationLinkbaseRef", build_presentation()),
        (f"{stem}_cal.xml", "http://www.xbrl.org/2003/role/calculationLinkbaseRef", build_calculation()),
        (f"{stem}_def.xml", "http://www.xbrl.org/2003/role/definitionLinkbaseRef", build_definition()),
        (f"{stem}_ref.xml", "http://www.xbrl.org/2003/role/referenceLinkbaseRef", build_references()),
        (f"{stem}_for.xml", None, build_formulas()),
    ]
    files = {ENTRY: serialize(build_schema([(href, role) for href, role, _ in linkbases]))}
    files.update({href: serialize(root) for href, _, root in linkbases})
    return files


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build_all().items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "taxonomy"
    write(target)
    print(f"wrote {len(build_all())} files to {target}")
