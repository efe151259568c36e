"""The axes of the ``eqi`` taxonomy and which concepts may carry them.

An explicit axis has a domain member that is also its default (facts about the whole are written
without the axis). Standard recipient categories are members of their axis in ``eqi``; tranches and
company-specific categories are members a filing's extension taxonomy adds under the same domain.
A typed axis is keyed by a value the notice states (the exchange, a section's heading).
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.domain.categories import ALL_CATEGORIES, CATEGORIES
from exporter.domain.concepts import Scope
from exporter.domain.text import Labels


@dataclass(frozen=True)
class Member:
    name: str
    label: Labels


@dataclass(frozen=True)
class Axis:
    name: str
    label: Labels
    domain: Member | None = None  # explicit axes: the domain member, also the default
    members: tuple[Member, ...] = ()  # explicit members eqi declares (extensions may add more)
    typed_domain: str | None = None  # typed axes: the name of the element holding the key
    typed_label: Labels | None = None


RECIPIENT_AXIS = Axis(
    "RecipientCategoryAxis", Labels("Recipient category", "付与対象者の区分"),
    Member(ALL_CATEGORIES.member, ALL_CATEGORIES.label),
    tuple(Member(category.member, category.label) for category in CATEGORIES))
TRANCHE_AXIS = Axis("TrancheAxis", Labels("Issuance (tranche)", "発行（区分）"),
                    Member("AllTranchesMember", Labels("All issuances of the notice", "本お知らせの発行の合計")))
TRANSLATION_AXIS = Axis(
    "AmountPresentationAxis", Labels("Amount as reported or as a convenience translation", "金額の表示区分"),
    Member("ReportedAmountsMember", Labels("Amounts as reported", "報告金額")),
    (Member("ConvenienceTranslationMember", Labels("Convenience translation into another currency",
                                                   "便宜上の換算額")),))
LISTING_AXIS = Axis("ListingAxis", Labels("Stock exchange", "上場取引所"), typed_domain="ExchangeCode",
                    typed_label=Labels("Stock exchange as the notice names it", "記載された上場取引所"))
SECTION_AXIS = Axis("SectionAxis", Labels("Section of the notice", "記載事項の区分"), typed_domain="SectionHeading",
                    typed_label=Labels("Heading of the section", "記載事項の見出し"))

AXES: tuple[Axis, ...] = (RECIPIENT_AXIS, TRANCHE_AXIS, TRANSLATION_AXIS, LISTING_AXIS, SECTION_AXIS)
BY_NAME: dict[str, Axis] = {axis.name: axis for axis in AXES}


@dataclass(frozen=True)
class Table:
    """A hypercube: the axes the concepts of some scopes may carry (closed: no others)."""

    name: str
    label: Labels
    scopes: tuple[Scope, ...]
    axes: tuple[Axis, ...]


TABLES: tuple[Table, ...] = (
    Table("NoticeTable", Labels("Notice", "お知らせ"), (Scope.FILING, Scope.ISSUANCE), (TRANCHE_AXIS, TRANSLATION_AXIS)),
    Table("ListingTable", Labels("Listings", "上場市場"), (Scope.LISTING,), (LISTING_AXIS,)),
    Table("AllotmentTable", Labels("Allotment by recipient category", "付与対象者の区分別の割当"), (Scope.ALLOTMENT,),
          (RECIPIENT_AXIS, TRANCHE_AXIS, TRANSLATION_AXIS)),
    Table("SectionTable", Labels("Further sections", "その他の記載事項"), (Scope.SECTION,), (SECTION_AXIS,)),
)


def table_of(scope: Scope) -> Table:
    return next(table for table in TABLES if scope in table.scopes)
