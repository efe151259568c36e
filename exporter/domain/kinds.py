"""Kinds of issuance, methods of share issuance, and types of notice: the vocabularies of a filing.

Each vocabulary is a ``StrEnum`` (the codes input files use) with a table of what each code means
(labels in both languages, the instrument it issues). The taxonomy's enumerated item types, the
JSON Schema, the notice wording and the docs all read these tables. ``token`` turns a code into
the value a fact carries (``stock_compensation_options`` -> ``StockCompensationOptions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exporter.domain.text import Labels


def token(code: str) -> str:
    """The fact value for a vocabulary code: snake_case to UpperCamelCase."""
    return "".join(part[:1].upper() + part[1:] for part in code.split("_"))


class Instrument(StrEnum):
    """What is issued: stock acquisition rights (新株予約権) or shares (株式)."""

    RIGHTS = "stock_acquisition_rights"
    SHARES = "shares"


class IssuanceKind(StrEnum):
    STOCK_COMPENSATION_OPTIONS = "stock_compensation_options"
    STOCK_OPTIONS = "stock_options"
    PAID_STOCK_OPTIONS = "paid_stock_options"
    THIRD_PARTY_RIGHTS = "third_party_rights"
    RESTRICTED_STOCK = "restricted_stock"
    RSU = "rsu"
    PSU = "psu"
    TRUST_PLAN = "trust_plan"
    THIRD_PARTY_SHARES = "third_party_shares"


@dataclass(frozen=True)
class KindSpec:
    instrument: Instrument
    label: Labels
    compensation: bool  # granted as remuneration (the lead paragraph and the docs say so)
    note: str  # what distinguishes it, for the docs


KINDS: dict[IssuanceKind, KindSpec] = {
    IssuanceKind.STOCK_COMPENSATION_OPTIONS: KindSpec(
        Instrument.RIGHTS, Labels("Stock-compensation-type stock options", "株式報酬型ストックオプション"), True,
        "stock acquisition rights with an exercise price of 1 yen per share"),
    IssuanceKind.STOCK_OPTIONS: KindSpec(
        Instrument.RIGHTS, Labels("Stock options", "ストックオプション"), True,
        "stock acquisition rights with an exercise price (including tax-qualified options)"),
    IssuanceKind.PAID_STOCK_OPTIONS: KindSpec(
        Instrument.RIGHTS, Labels("Paid stock options", "有償ストックオプション"), True,
        "stock acquisition rights the recipients pay fair value for"),
    IssuanceKind.THIRD_PARTY_RIGHTS: KindSpec(
        Instrument.RIGHTS, Labels("Stock acquisition rights by third-party allotment", "第三者割当による新株予約権"),
        False, "rights allotted to an investor, including moving-strike terms"),
    IssuanceKind.RESTRICTED_STOCK: KindSpec(
        Instrument.SHARES, Labels("Restricted stock compensation", "譲渡制限付株式報酬"), True,
        "shares with a transfer-restriction period, granted as remuneration"),
    IssuanceKind.RSU: KindSpec(
        Instrument.SHARES, Labels("Restricted stock units (RSU)", "リストリクテッド・ストック・ユニット（RSU）"), True,
        "shares delivered when restricted stock units vest"),
    IssuanceKind.PSU: KindSpec(
        Instrument.SHARES, Labels("Performance share units (PSU)", "パフォーマンス・シェア・ユニット（PSU）"), True,
        "shares delivered according to performance"),
    IssuanceKind.TRUST_PLAN: KindSpec(
        Instrument.SHARES, Labels("Trust-type stock compensation plan", "信託型株式報酬制度"), True,
        "shares disposed of to a trust account that delivers them later"),
    IssuanceKind.THIRD_PARTY_SHARES: KindSpec(
        Instrument.SHARES, Labels("Shares by third-party allotment", "第三者割当による株式"), False,
        "new or treasury shares allotted to an investor or partner"),
}

# Codes earlier versions of the input format used for ``plan_type``.
LEGACY_PLAN_TYPES: dict[str, IssuanceKind] = {
    "stock_compensation": IssuanceKind.STOCK_COMPENSATION_OPTIONS,
    "ordinary": IssuanceKind.STOCK_OPTIONS,
}


class ShareMethod(StrEnum):
    """How shares reach the allottees: newly issued (新株発行) or treasury shares disposed of (自己株式の処分)."""

    NEW_SHARES = "new_shares"
    TREASURY_SHARES = "treasury_shares"


SHARE_METHODS: dict[ShareMethod, Labels] = {
    ShareMethod.NEW_SHARES: Labels("Issuance of new shares", "新株式の発行"),
    ShareMethod.TREASURY_SHARES: Labels("Disposal of treasury shares", "自己株式の処分"),
}


class NoticeType(StrEnum):
    """What the notice does: announce a resolution, or follow up on an earlier notice."""

    RESOLUTION = "resolution"
    DETERMINATION = "determination"
    COMPLETION = "completion"
    RESULTS = "results"
    AMENDMENT = "amendment"


@dataclass(frozen=True)
class NoticeTypeSpec:
    label: Labels
    follow_up: bool  # refers to an earlier notice


NOTICE_TYPES: dict[NoticeType, NoticeTypeSpec] = {
    NoticeType.RESOLUTION: NoticeTypeSpec(Labels("Resolution", "決議"), False),
    NoticeType.DETERMINATION: NoticeTypeSpec(Labels("Determination of terms", "発行内容の確定"), True),
    NoticeType.COMPLETION: NoticeTypeSpec(Labels("Completion of payment or disposal", "払込完了"), True),
    NoticeType.RESULTS: NoticeTypeSpec(Labels("Results of allotment", "割当結果"), True),
    NoticeType.AMENDMENT: NoticeTypeSpec(Labels("Amendment", "訂正"), True),
}

# Every vocabulary a concept can take its values from, by the name of its taxonomy item type.
VOCABULARIES: dict[str, type[StrEnum]] = {
    "issuanceKindItemType": IssuanceKind,
    "shareMethodItemType": ShareMethod,
    "noticeTypeItemType": NoticeType,
}
