"""Column headers of a register: the fields we read, their headers in English and Japanese, synonyms,
language-marked variants, and the user's ``--map`` file.

A header is matched through ``normalise.header_key`` (width, case, spaces, underscores, hyphens,
periods, colons and middle dots do not count), so ``Number of rights``, ``ＮＵＭＢＥＲ ＯＦ ＲＩＧＨＴＳ``
and ``number_of_rights`` are one header. Text fields also accept a language mark after the header
(``Company name (English)``, ``会社名（日本語）``, ``Title (ja)``); without one, a text cell's
language is told from its script.

``FIELDS`` is the single table the reader, the template, the tests and the README use.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from exporter.notation import header_key

Table = Literal["issuances", "allotments"]
Lang = Literal["en", "ja"]


@dataclass(frozen=True)
class FieldSpec:
    key: str  # our name for the field; what a --map file names
    en: str  # the English header (written by ``template``)
    ja: str  # the Japanese header
    synonyms: tuple[str, ...]
    table: Table = "issuances"
    text: bool = False  # free text that may be given per language
    required: bool = False
    note: str = ""  # what the field holds, for the README

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.en, self.ja, *self.synonyms)


def _f(key: str, en: str, ja: str, synonyms: Iterable[str], note: str, **kw: Any) -> FieldSpec:
    return FieldSpec(key, en, ja, tuple(synonyms), note=note, **kw)


# The order is the template's column order.
FIELDS: tuple[FieldSpec, ...] = (
    _f("id", "ID", "ID", ("Issuance ID", "Ref", "Reference", "No.", "管理番号", "発行ID", "番号"),
       "Row identifier; joins Issuances and Allotments (layout b) and names the output files."),
    _f("title", "Title", "表題", ("Document title", "Notice title", "タイトル", "件名", "開示表題"),
       "Title of the notice. Default: generated from the plan type, in the row's language(s).", text=True),
    _f("company_name", "Company name", "会社名",
       ("Company", "Issuer", "Issuer name", "Name of company", "発行会社", "発行者", "商号", "社名"),
       "Issuer's name; English or Japanese by its script (or by a language mark).", text=True, required=True),
    _f("securities_code", "Securities code", "証券コード",
       ("Code", "Stock code", "Local code", "Ticker code", "銘柄コード", "コード"),
       "Four characters, e.g. 3774 or 130A. Needed unless LEI is given.", required=True),
    _f("lei", "LEI", "LEI", ("Legal entity identifier", "LEIコード", "法人識別子"), "ISO 17442 LEI (optional)."),
    _f("isin", "ISIN", "ISIN", ("ISIN code", "ISINコード"), "ISIN (optional)."),
    _f("listings", "Listings", "上場取引所",
       ("Listing", "Stock exchange", "Exchanges", "Listed on", "上場市場", "取引所"),
       "Exchange and ticker pairs: 'NASDAQ: IIJ; TSE1: 3774' (ticker defaults to the securities code)."),
    _f("announcement_date", "Announcement date", "公表日",
       ("Date of announcement", "Disclosure date", "Notice date", "開示日", "発表日", "適時開示日"),
       "Date of the notice; the XBRL context date.", required=True),
    _f("series", "Series", "名称",
       ("Series name", "Name of the rights", "新株予約権の名称", "回号", "銘柄名"), "e.g. 第4回新株予約権.", text=True),
    _f("plan_type", "Plan type", "種類",
       ("Type", "Option type", "Plan", "ストックオプションの種類", "種別", "類型"),
       "株式報酬型 / Stock compensation, or 通常型 / Ordinary. Default: stock compensation when the exercise "
       "price is 1, else ordinary."),
    _f("resolution_date", "Resolution date", "決議日",
       ("Board resolution date", "Date of resolution", "Date of board resolution", "取締役会決議日", "発行決議日"),
       "Date of the board resolution.", required=True),
    _f("determination_date", "Determination date", "発行内容確定日",
       ("Date of determination", "Terms fixed on", "確定日", "条件決定日", "発行内容決定日"),
       "Date the terms were fixed (optional)."),
    _f("allotment_date", "Allotment date", "割当日", ("Grant date", "Date of allotment", "割当ての日", "付与日"),
       "Allotment date (optional)."),
    _f("number_of_rights", "Number of rights", "新株予約権の数",
       ("Total rights", "Number of stock acquisition rights", "新株予約権の総数", "発行する新株予約権の総数",
        "新株予約権の個数"),
       "Total rights; 上限 / not exceeding marks an upper limit. If the column is absent: the allotments' sum.",
       required=True),
    _f("shares_per_right", "Shares per right", "新株予約権1個当たりの株式数",
       ("Shares per stock acquisition right", "Number of shares per right", "1個当たりの株式数", "付与株式数"),
       "Shares per right.", required=True),
    _f("class_of_shares", "Class of shares", "株式の種類",
       ("Share class", "Type of shares", "目的となる株式の種類", "新株予約権の目的となる株式の種類", "株式種類"),
       "Default: common stock / 普通株式.", text=True),
    _f("number_of_shares", "Number of shares", "目的となる株式の数",
       ("Total shares", "Number of underlying shares", "新株予約権の目的となる株式の数", "株式数"),
       "Shares underlying the rights. If the column is absent: rights × shares per right.", required=True),
    _f("amount_per_right", "Amount paid per right", "1個当たりの払込金額",
       ("Issue price per right", "Paid-in amount per right", "新株予約権1個当たりの払込金額", "1個当たりの発行価額",
        "新株予約権の払込金額"),
       "Amount paid per right; 無償 / No payment means no payment."),
    _f("amount_per_share", "Amount paid per share", "1株当たりの払込金額",
       ("Issue price per share", "Paid-in amount per share", "1株当たりの発行価額"), "Amount paid per share."),
    _f("payment_method", "Payment method", "払込方法",
       ("Method of payment", "払込みの方法", "払込金額の払込方法"), "How the amount is paid (text).", text=True),
    _f("exercise_price", "Exercise price per share", "1株当たりの行使価額",
       ("Exercise price", "Strike price", "行使価額", "行使価格", "権利行使価額", "1株当たりの権利行使価額"),
       "Exercise price per share."),
    _f("exercise_period", "Exercise period", "行使期間",
       ("Period of exercise", "Exercisable period", "権利行使期間", "新株予約権の行使期間", "新株予約権を行使することができる期間"),
       "One cell: '2015年8月1日～2045年7月31日', 'From August 1, 2015 to July 31, 2045'."),
    _f("exercise_start", "Exercise period start", "行使期間開始日",
       ("Exercisable from", "Exercise start date", "権利行使期間開始日", "行使開始日"),
       "Start of the exercise period, when it has its own column."),
    _f("exercise_end", "Exercise period end", "行使期間終了日",
       ("Exercisable until", "Exercise end date", "Expiry date", "権利行使期間満了日", "行使期間満了日", "行使終了日"),
       "End of the exercise period, when it has its own column."),
    _f("exercise_conditions", "Exercise conditions", "行使の条件",
       ("Conditions of exercise", "新株予約権の行使の条件", "権利行使の条件"), "Conditions (text).", text=True),
    _f("allotment", "Allotment", "付与対象者の区分及び人数",
       ("Allotments", "Allotment by category", "Grantees", "付与対象者", "割当対象者", "割当対象者の区分及び人数",
        "付与対象者の区分及び人数並びに付与する新株予約権の数",
        "割当対象者の区分及び人数並びに割り当てる新株予約権の数"),
       "One cell: 'Directors: 7 persons, 100 rights; Executive Officers: 11 persons, 51 rights' or "
       "'当社取締役 7名 100個、当社執行役員 11名 51個' (layout a).", text=True),
    _f("total_persons", "Number of recipients", "付与対象者の人数",
       ("Total persons", "Total recipients", "付与人数", "対象人数", "割当対象者数"),
       "Hand-typed total of persons; checked against the allotments."),
    _f("currency", "Currency", "通貨", ("Currency code", "通貨コード", "通貨単位"),
       "ISO 4217 code or mark (JPY, 円, USD, $); default JPY, or the mark the amounts show."),
    _f("aggregate_amount_paid", "Aggregate amount paid", "払込金額の総額",
       ("Total amount paid", "新株予約権の払込金額の総額"), "Total paid for the rights (optional, checked)."),
    _f("aggregate_exercise_value", "Aggregate exercise value", "行使価額の総額",
       ("Total exercise value", "新株予約権の行使に際して出資される財産の価額の総額"),
       "Total exercise value (optional, checked)."),
    _f("aggregate_issue_value", "Aggregate issue value", "発行価額の総額",
       ("Total issue value", "新株予約権の発行価額の総額", "払込総額"),
       "Total issue value (optional, checked)."),
    # Layout b, sheet Allotments: one row per recipient category.
    _f("id", "ID", "ID", ("Issuance ID", "Ref", "Reference", "No.", "管理番号", "発行ID", "番号"),
       "The issuance's ID on the Issuances sheet.", table="allotments", required=True),
    _f("category", "Category", "区分",
       ("Recipient category", "Recipients", "Recipient", "Grantees", "付与対象者の区分", "付与対象者", "割当対象者",
        "対象者"),
       "Recipient category as the notice words it; classified into a taxonomy member.", table="allotments",
       text=True, required=True),
    _f("category_code", "Category code", "区分コード", ("Category key", "区分キー"),
       "Optional: the member code (directors, executive_officers, employees, ...) instead of classifying.",
       table="allotments"),
    _f("persons", "Persons", "人数",
       ("Number of persons", "Number of recipients", "付与対象者の人数", "付与人数", "対象人数"),
       "Number of persons in the category.", table="allotments", required=True),
    _f("rights", "Rights", "新株予約権の数",
       ("Number of rights", "Rights allotted", "割当個数", "付与個数", "個数", "割り当てる新株予約権の数"),
       "Rights allotted to the category.", table="allotments", required=True),
)

FIELD_KEYS: dict[Table, tuple[str, ...]] = {
    table: tuple(f.key for f in FIELDS if f.table == table) for table in ("issuances", "allotments")
}


def spec(key: str, table: Table = "issuances") -> FieldSpec:
    return next(f for f in FIELDS if f.key == key and f.table == table)


# Language marks after (or before) a text field's header; compared as header keys.
LANGUAGE_MARKS: dict[Lang, tuple[str, ...]] = {
    "en": ("(en)", "(english)", "(英語)", "(英文)", "[en]", "[english]", "英文", "english"),
    "ja": ("(ja)", "(jp)", "(japanese)", "(日本語)", "(和文)", "[ja]", "[japanese]", "和文", "japanese"),
}

# Sheet names that make a workbook layout b.
ISSUANCE_SHEETS = ("Issuances", "Issuance", "発行", "発行一覧")
ALLOTMENT_SHEETS = ("Allotments", "Allotment", "割当", "割当一覧", "付与対象者")

IGNORE = "ignore"  # a --map target: a column read on purpose as unused (still reported)


@dataclass(frozen=True)
class Target:
    """What a header means: a field, optionally in one language; or a column ignored by the map."""

    field: str | None
    lang: Lang | None = None
    source: Literal["builtin", "map"] = "builtin"


def _builtin(table: Table) -> dict[str, Target]:
    keys: dict[str, Target] = {}
    for field in FIELDS:
        if field.table != table:
            continue
        for header in field.headers:
            base = header_key(header)
            keys.setdefault(base, Target(field.key))
            if field.text:
                for lang, marks in LANGUAGE_MARKS.items():
                    for mark in marks:
                        mark_key = header_key(mark)
                        keys.setdefault(base + mark_key, Target(field.key, lang))
                        if not mark_key.startswith(("(", "[")):
                            keys.setdefault(mark_key + base, Target(field.key, lang))
    return keys


_BUILTIN: dict[Table, dict[str, Target]] = {"issuances": _builtin("issuances"), "allotments": _builtin("allotments")}


class MappingError(ValueError):
    """The --map file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class HeaderMap:
    """Header key -> target, built-in synonyms overlaid with the user's mapping."""

    issuances: dict[str, Target]
    allotments: dict[str, Target]

    def table(self, table: Table) -> dict[str, Target]:
        return self.issuances if table == "issuances" else self.allotments

    def match(self, header: object, table: Table) -> Target | None:
        key = header_key(header)
        return self.table(table).get(key) if key else None


def default_headers() -> HeaderMap:
    return HeaderMap(dict(_BUILTIN["issuances"]), dict(_BUILTIN["allotments"]))


def _resolve_target(value: object, where: str) -> dict[Table, Target]:
    """A --map value (field key, field key with .en/.ja, a built-in header, or ignore) per table."""
    if value is None or (isinstance(value, str) and header_key(value) == IGNORE):
        return {"issuances": Target(None, source="map"), "allotments": Target(None, source="map")}
    if not isinstance(value, str):
        raise MappingError(f"{where}: expected a field name such as allotment_date, got {value!r}")
    text, lang = value.strip(), None
    for suffix in (".en", ".ja"):
        if text.lower().endswith(suffix):
            text, lang = text[: -len(suffix)], suffix[1:]
    found: dict[Table, Target] = {}
    for table in ("issuances", "allotments"):
        keys = FIELD_KEYS[table]
        if text in keys:
            found[table] = Target(text, cast(Lang, lang), "map")
            continue
        builtin = _BUILTIN[table].get(header_key(text))
        if builtin is not None and builtin.field is not None:
            found[table] = Target(builtin.field, cast(Lang, lang) or builtin.lang, "map")
    if not found:
        names = ", ".join(sorted(set(FIELD_KEYS["issuances"]) | set(FIELD_KEYS["allotments"])))
        raise MappingError(f"{where}: {value!r} is not one of our fields ({names}) or their headers; "
                           f"use 'ignore' to mark a column as deliberately unused")
    for table, target in found.items():
        if lang and not spec(target.field, table).text:  # type: ignore[arg-type]
            raise MappingError(f"{where}: {target.field} is not a text field, so it has no .{lang} variant")
    return found


def load_mapping(path: Path | None) -> HeaderMap:
    """Built-in headers overlaid with a --map YAML file: ``{register header: field}``.

    The file is a mapping, at the top or under ``columns:``; a value is one of our field names
    (``allotment_date``; text fields also ``company_name.en`` / ``company_name.ja``), one of our
    headers (``Allotment date``), or ``ignore`` / null for a column that is deliberately unused.
    """
    headers = default_headers()
    if path is None:
        return headers
    from exporter.sources.documents import InputError, read_document  # bounded, located (see there)

    try:
        data, _node = read_document(path)
    except InputError as exc:
        raise MappingError(str(exc)) from None
    if isinstance(data, dict) and isinstance(data.get("columns"), dict) and len(data) == 1:
        data = data["columns"]
    if not isinstance(data, dict):
        raise MappingError(f"{path}: expected a mapping of register headers to fields, e.g. 'Grant date: allotment_date'")
    for header, value in data.items():
        key = header_key(header)
        if not key:
            raise MappingError(f"{path}: an empty header cannot be mapped")
        for table, target in _resolve_target(value, f"{path}: {header!r}").items():
            headers.table(table)[key] = target
    return headers


def markdown_table() -> str:
    """The README's header table, generated from FIELDS."""
    lines = ["| field | English header | Japanese header | also recognised | notes |", "|---|---|---|---|---|"]
    for table in ("issuances", "allotments"):
        if table == "allotments":
            lines.append("| **layout b, sheet `Allotments`** | | | | |")
        for field in FIELDS:
            if field.table != table:
                continue
            synonyms = ", ".join(f"`{s}`" for s in field.synonyms)
            required = " **Required.**" if field.required else ""
            lines.append(f"| `{field.key}` | `{field.en}` | `{field.ja}` | {synonyms} | {field.note}{required} |")
    return "\n".join(lines)
