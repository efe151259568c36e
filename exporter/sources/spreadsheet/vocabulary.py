"""The words registers write in cells that hold a code: kinds, methods, notice types, yes/no, categories.

Each vocabulary answers to its codes (``restricted_stock``, ``RestrictedStock``), to the labels the
domain declares for them (``KINDS``, ``SHARE_METHODS``, ``NOTICE_TYPES``, ``CATEGORIES``, in English
and Japanese), and to the further words registers use, declared here. A cell matches a word when
they are equal as headers are (case, width, spaces and punctuation do not count); failing that, the
words the cell contains decide, the more specific code first (ストックオプション（株式報酬型）
is stock compensation, not stock options). A cell that matches nothing is an error that lists what
would do.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exporter.domain.categories import CATEGORIES
from exporter.domain.kinds import KINDS, NOTICE_TYPES, SHARE_METHODS, IssuanceKind, NoticeType, ShareMethod, token
from exporter.domain.text import Labels
from exporter.notation import NormaliseError, header_key

# Words registers use beyond the declared labels.
KIND_WORDS: dict[IssuanceKind, tuple[str, ...]] = {
    IssuanceKind.STOCK_COMPENSATION_OPTIONS: (
        "株式報酬", "株式報酬型", "株式報酬型ストックオプション", "1円", "1 yen", "Compensation type", "株式報酬型新株予約権", "1円ストックオプション", "Stock compensation",
        "Stock-compensation type", "Stock-compensation-type stock options", "Stock compensation stock options"),
    IssuanceKind.STOCK_OPTIONS: (
        "通常型", "通常型ストックオプション", "ストックオプション", "ストック・オプション", "税制適格ストックオプション",
        "税制非適格ストックオプション", "無償ストックオプション", "Ordinary", "Ordinary stock options", "Stock option",
        "Tax-qualified stock options", "通常", "普通型", "一般", "無償", "Regular", "Standard"),
    IssuanceKind.PAID_STOCK_OPTIONS: (
        "有償", "有償ストックオプション", "有償ストック・オプション", "有償新株予約権", "Paid stock option", "Paid-in stock options"),
    IssuanceKind.THIRD_PARTY_RIGHTS: (
        "第三者割当による新株予約権", "第三者割当新株予約権", "行使価額修正条項付新株予約権", "MSワラント",
        "Third-party allotment of stock acquisition rights", "Moving strike warrants"),
    IssuanceKind.RESTRICTED_STOCK: (
        "譲渡制限付株式", "譲渡制限付株式報酬", "RS", "Restricted stock", "Restricted shares"),
    IssuanceKind.RSU: ("RSU", "リストリクテッド・ストック・ユニット", "Restricted stock unit", "Restricted stock units"),
    IssuanceKind.PSU: ("PSU", "パフォーマンス・シェア・ユニット", "Performance share unit", "Performance share units"),
    IssuanceKind.TRUST_PLAN: (
        "株式給付信託", "株式交付信託", "信託型", "信託型株式報酬", "BBT", "J-ESOP", "役員報酬BIP信託", "Trust",
        "Trust-type plan", "Share delivery trust"),
    IssuanceKind.THIRD_PARTY_SHARES: (
        "第三者割当", "第三者割当増資", "第三者割当による新株式発行", "第三者割当による自己株式の処分",
        "Third-party allotment", "Third-party allotment of shares"),
}
METHOD_WORDS: dict[ShareMethod, tuple[str, ...]] = {
    ShareMethod.NEW_SHARES: ("新株発行", "新株式発行", "新株の発行", "新株", "New shares", "Issuance of new shares",
                             "Issue of new shares"),
    ShareMethod.TREASURY_SHARES: ("自己株式処分", "自己株式", "自己株", "自己株式の処分", "Treasury shares",
                                  "Disposal of treasury shares", "Treasury stock"),
}
NOTICE_WORDS: dict[NoticeType, tuple[str, ...]] = {
    NoticeType.RESOLUTION: ("決議", "発行決議", "Resolution"),
    NoticeType.DETERMINATION: ("確定", "発行内容確定", "条件決定", "Determination", "Terms determined"),
    NoticeType.COMPLETION: ("払込完了", "完了", "処分完了", "Completion", "Payment completed"),
    NoticeType.RESULTS: ("割当結果", "結果", "Results", "Allotment results"),
    NoticeType.AMENDMENT: ("訂正", "Amendment", "Correction"),
}
YES_WORDS = ("yes", "true", "y", "1", "はい", "有", "あり", "該当", "該当あり", "○", "◯", "✓", "✔")
NO_WORDS = ("no", "false", "n", "0", "いいえ", "無", "なし", "該当なし", "×", "-")
# Labels that mean the standard "other" category itself (anything else classified as other is a
# category of the company's own).
OTHER_WORDS = ("other", "others", "その他", "その他の者")


# Which kind wins when a cell names several (ストックオプション（株式報酬型）): the specific before the general.
KIND_PRECEDENCE: tuple[IssuanceKind, ...] = (
    IssuanceKind.THIRD_PARTY_RIGHTS, IssuanceKind.PAID_STOCK_OPTIONS, IssuanceKind.RSU, IssuanceKind.PSU,
    IssuanceKind.TRUST_PLAN, IssuanceKind.RESTRICTED_STOCK, IssuanceKind.STOCK_COMPENSATION_OPTIONS,
    IssuanceKind.THIRD_PARTY_SHARES, IssuanceKind.STOCK_OPTIONS)
NOTICE_PRECEDENCE: tuple[NoticeType, ...] = (
    NoticeType.AMENDMENT, NoticeType.RESULTS, NoticeType.COMPLETION, NoticeType.DETERMINATION, NoticeType.RESOLUTION)


def _searchable(word: str) -> bool:
    """Short words are matched only whole: 'RS' is not looked for inside 'Others'."""
    return len(word) >= (3 if word.isascii() else 2)


@dataclass(frozen=True)
class Vocabulary:
    """Cell words for the codes of one vocabulary."""

    name: str  # for messages: "a kind of issuance"
    words: Mapping[str, str]  # header key of a word -> code
    examples: str
    precedence: tuple[str, ...]  # codes, the most specific first

    def read(self, raw: Any, *, exact: bool = False) -> str:
        """The code a cell names; with ``exact``, only a cell that is one of the words (no searching inside)."""
        key = header_key(raw)
        if not key:
            raise NormaliseError(raw, self.expected)
        if key in self.words:
            return self.words[key]
        if exact:
            raise NormaliseError(raw, self.expected)
        named = {code for word, code in self.words.items() if _searchable(word) and word in key}
        for code in self.precedence:
            if code in named:
                return code
        raise NormaliseError(raw, self.expected)

    @property
    def expected(self) -> str:
        return f"{self.name}: {self.examples}"


def _vocabulary(name: str, examples: str, codes: Iterable[StrEnum], labels: Mapping[Any, Labels],
                words: Mapping[Any, tuple[str, ...]]) -> Vocabulary:
    table: dict[str, str] = {}
    for code in codes:
        label = labels[code]
        for form in (code.value, token(code.value), label.en, label.ja, *words.get(code, ())):
            table.setdefault(header_key(form), code.value)
    return Vocabulary(name, table, examples, tuple(code.value for code in codes))


KINDS_VOCABULARY = _vocabulary(
    "a kind of issuance", "株式報酬型 / Stock compensation, 通常型 / Ordinary, 有償ストックオプション, 譲渡制限付株式 / "
    "Restricted stock, RSU, PSU, 株式給付信託 / Trust, 第三者割当 / Third-party allotment, or a code such as "
    "restricted_stock", KIND_PRECEDENCE, {kind: spec.label for kind, spec in KINDS.items()}, KIND_WORDS)
METHODS_VOCABULARY = _vocabulary(
    "new shares or treasury shares", "新株発行 / New shares, 自己株式処分 / Treasury shares", ShareMethod,
    SHARE_METHODS, METHOD_WORDS)
NOTICE_VOCABULARY = _vocabulary(
    "a type of notice", "決議 / Resolution, 確定 / Determination, 払込完了 / Completion, 割当結果 / Results, "
    "訂正 / Amendment", NOTICE_PRECEDENCE, {t: spec.label for t, spec in NOTICE_TYPES.items()}, NOTICE_WORDS)
BY_VOCABULARY: dict[str, Vocabulary] = {
    "issuanceKindItemType": KINDS_VOCABULARY,
    "shareMethodItemType": METHODS_VOCABULARY,
    "noticeTypeItemType": NOTICE_VOCABULARY,
}

EXPECTED_FLAG = "yes or no: はい / いいえ, ○ / ×, true / false"
_YES = frozenset(header_key(w) for w in YES_WORDS)
_NO = frozenset(header_key(w) for w in NO_WORDS)


def read_flag(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    key = header_key(raw)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise NormaliseError(raw, EXPECTED_FLAG)


# Standard categories by the words that name them exactly: code, token, labels in both languages.
_CATEGORY_WORDS: dict[str, str] = {}
for _category in CATEGORIES:
    for _form in (_category.code, token(_category.code), _category.label.en, _category.label.ja):
        _CATEGORY_WORDS.setdefault(header_key(_form), _category.code)
for _form in OTHER_WORDS:
    _CATEGORY_WORDS.setdefault(header_key(_form), "other")
_COMPANY_PREFIXES = ("当社の", "当社", "弊社の", "弊社")


def named_category(label: str) -> str | None:
    """The standard category a label names word for word (当社執行役員, Executive officers), if any."""
    key = header_key(label)
    for prefix in _COMPANY_PREFIXES:
        if key.startswith(prefix) and key != prefix:
            key = key[len(prefix):]
            break
    key = key.removesuffix("ofthecompany")
    return _CATEGORY_WORDS.get(key)


def category_code(raw: Any) -> str:
    """A standard category code as a register writes it (Executive Officers, executive_officers)."""
    code = _CATEGORY_WORDS.get(header_key(raw))
    if code is None:
        raise NormaliseError(raw, "a standard category code: " + ", ".join(c.code for c in CATEGORIES))
    return code


