"""What a notice is about, from its words: the kind of issuance, the type of notice, the share method.

The title decides first; the opening text makes a generic title specific (a title saying ストック・
オプション whose lead says 株式報酬型). The rules go from the most specific wording to the most
general, and the first that matches wins.
"""
from __future__ import annotations

import re

from exporter.domain.kinds import KINDS, IssuanceKind, NoticeType, ShareMethod

_KIND_RULES: tuple[tuple[str, IssuanceKind], ...] = (
    (r"株式報酬型|stock[- ]compensation[- ]type|stock compensation type|株式報酬として(?:の)?新株予約権",
     IssuanceKind.STOCK_COMPENSATION_OPTIONS),
    (r"有償(?:ストック|新株予約権)|paid(?:-in)? stock options?", IssuanceKind.PAID_STOCK_OPTIONS),
    (r"第三者割当.{0,40}新株予約権|新株予約権.{0,20}第三者割当|third[- ]party allotment.{0,60}(?:stock acquisition rights|"
     r"warrants|share options)", IssuanceKind.THIRD_PARTY_RIGHTS),
    (r"株式給付信託|株式交付信託|信託型|信託E口|ESOP|\bBBT\b|\bBIP\b|stock benefit trust|trust[- ]type", IssuanceKind.TRUST_PLAN),
    (r"第三者割当|third[- ]party allotment", IssuanceKind.THIRD_PARTY_SHARES),
    (r"\bPSU\b|パフォーマンス・?シェア・?ユニット|performance share units?", IssuanceKind.PSU),
    (r"\bRSU\b|リストリクテッド・?ストック・?ユニット|restricted stock units?|譲渡制限付株式ユニット", IssuanceKind.RSU),
    (r"譲渡制限付株式|restricted (?:stock|shares?)(?! unit)", IssuanceKind.RESTRICTED_STOCK),
    (r"業績連動型株式報酬|performance[- ]based stock compensation", IssuanceKind.PSU),
    (r"ストック・?オプション|新株予約権|stock options?|stock acquisition rights?|share options?",
     IssuanceKind.STOCK_OPTIONS),
)
_NOTICE_RULES: tuple[tuple[str, NoticeType], ...] = (
    (r"訂正|correction|amendment", NoticeType.AMENDMENT),
    (r"払込(?:み)?(?:手続)?(?:の)?完了|completion of (?:the )?payment|payment .{0,40}(?:has been )?completed",
     NoticeType.COMPLETION),
    (r"割当結果|発行結果|results? of (?:the )?allotment", NoticeType.RESULTS),
    (r"発行内容(?:の)?確定|条件(?:の)?決定|(?:内容|条件)が?確定|determin(?:ed|ation of) (?:the )?(?:remaining )?terms",
     NoticeType.DETERMINATION),
)


def _first_kind(text: str) -> IssuanceKind | None:
    # The first rule that matches wins: the rules go from the most specific (第三者割当 + 新株予約権) on.
    return next((kind for pattern, kind in _KIND_RULES if re.search(pattern, text, re.IGNORECASE)), None)


_RANK = {kind: index for index, (_, kind) in reversed(list(enumerate(_KIND_RULES)))}


def kind_of(title: str, opening: str) -> tuple[IssuanceKind | None, str]:
    """The kind from the title, refined by the opening text; and why."""
    kind = _first_kind(title) if title else None
    opening_kind = _first_kind(opening)
    if kind is None:
        return opening_kind, "from the opening text" if opening_kind else ""
    if kind in (IssuanceKind.STOCK_OPTIONS, IssuanceKind.THIRD_PARTY_SHARES, IssuanceKind.RESTRICTED_STOCK) \
            and opening_kind is not None and KINDS[opening_kind].instrument == KINDS[kind].instrument \
            and _RANK[opening_kind] < _RANK[kind]:
        return opening_kind, "from the title, made specific by the opening text"
    return kind, "from the title"


def notice_type_of(title: str, opening: str) -> NoticeType:
    text = f"{title} {opening[:1500]}"
    return next((t for pattern, t in _NOTICE_RULES if re.search(pattern, text, re.IGNORECASE)), NoticeType.RESOLUTION)


def method_of(opening: str) -> ShareMethod | None:
    """New shares issued or treasury shares disposed of, as the opening text says."""
    if re.search(r"自己株式(?:の)?処分|disposal of treasury|treasury (?:stock|shares)", opening, re.IGNORECASE):
        return ShareMethod.TREASURY_SHARES
    if re.search(r"新株式?(?:の)?発行|新株発行|issu(?:e|ance) of new shares|new shares", opening, re.IGNORECASE):
        return ShareMethod.NEW_SHARES
    return None
