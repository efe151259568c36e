"""The fields a register may hold, derived from the domain declaration and the models.

Every value the models take and tag (``Annotated[..., concept]``) is a register field: its model
path and value shape come from walking the models (``Filing``, with ``RightsIssuance`` and
``SharesIssuance`` for the two instruments), and the headings a register may use for it are its
concept's labels (label and terse, English and Japanese) plus ``Concept.headers``. So the register
vocabulary cannot drift from the taxonomy: a concept added to the models is a column at once, and a
synonym is added in one place (``exporter/domain/concepts.py``).

A field's key (what ``--map`` files and the report name) is its model path without the ``issuer``,
``issuance`` and ``sections`` steps (``earlier_notice_date``, ``dilution_ratio``); ``KEYS`` keeps the
shorter names registers have always used (``amount_per_right``, ``exercise_price``). Where a key
names one value for both instruments (``number_of_shares``: the shares underlying the rights, or
the shares issued or disposed of), the field carries one concept per instrument.

Composite fields have no concept of their own and keep a small declared table (``COMPOSITES``):
the row ID, ISIN, currency, the exercise period in one cell, the allotment cell and the allottee
cell (which read into allotments), the hand-typed total of persons, and on the Allotments sheet the
category codes. The allotment cell's headings are also those of the recipient-category concept,
the allottee cell's those of the allottee concept and the total's those of the persons concept.
"""
from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from exporter.domain import concepts as c
from exporter.domain.concepts import Concept, Scope
from exporter.domain.kinds import Instrument
from exporter.models import Filing, LocalizedText, Money, Percent, Quantity, RightsIssuance, SharesIssuance
from exporter.notation import header_key

Table = Literal["issuances", "allotments"]
Shape = Literal["text", "quantity", "count", "money", "percent", "date", "flag", "code", "codes", "token",
                "composite"]
BOTH: frozenset[Instrument] = frozenset(Instrument)


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _shape(annotation: Any) -> Shape:
    inner = _unwrap(annotation)
    origin = typing.get_origin(inner)
    simple: dict[Any, Shape] = {LocalizedText: "text", Quantity: "quantity", Money: "money", Percent: "percent",
                                date: "date", bool: "flag", str: "code", int: "count"}
    if inner in simple:
        return simple[inner]
    if origin is tuple:
        return "codes"
    if origin is Literal or (isinstance(inner, type) and issubclass(inner, Enum)):
        return "token"
    raise TypeError(f"a register cannot read a field of type {annotation!r}")  # pragma: no cover


@dataclass(frozen=True)
class Place:
    """Where a concept's value goes in the model input, and in what shape."""

    concept: Concept
    path: str  # dotted, in the single-issuance form: issuance.payment.amount_per_right
    shape: Shape
    instruments: frozenset[Instrument]


_NOT_IN_REGISTERS = frozenset({"totals"})  # a register row is one issuance: a notice's totals have no row


def _walk(model: type[BaseModel], prefix: str, instruments: frozenset[Instrument]) -> Iterator[Place]:
    for name, info in model.model_fields.items():
        if name in _NOT_IN_REGISTERS:
            continue
        concept = next((m for m in info.metadata if isinstance(m, Concept)), None)
        inner = _unwrap(info.annotation)
        if concept is not None:
            if concept.scope in (Scope.FILING, Scope.ISSUANCE):  # allotments, listings, sections: composites
                yield Place(concept, prefix + name, _shape(info.annotation), instruments)
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            yield from _walk(inner, f"{prefix}{name}.", instruments)


def model_places() -> tuple[Place, ...]:
    """Every concept the models take for one issuance, with its path; shared terms once, for both instruments."""
    places: dict[tuple[str, str], Place] = {}
    for place in _walk(Filing, "", BOTH):
        places[(place.concept.name, place.path)] = place
    for model, instrument in ((RightsIssuance, Instrument.RIGHTS), (SharesIssuance, Instrument.SHARES)):
        for place in _walk(model, "issuance.", frozenset({instrument})):
            key = (place.concept.name, place.path)
            if key in places:
                places[key] = Place(place.concept, place.path, place.shape, places[key].instruments | place.instruments)
            else:
                places[key] = place
    return tuple(places.values())


# Keys registers have always used, by model path; every other key is derived from the path.
KEYS: dict[str, str] = {
    "issuer.name": "company_name",
    "board_resolution_date": "resolution_date",
    "issuance.series_name": "series",
    "issuance.label": "tranche_label",
    "issuance.payment.amount_per_right": "amount_per_right",
    "issuance.payment.amount_per_share": "amount_per_share",
    "issuance.payment.method": "payment_method",
    "issuance.payment.no_payment": "no_payment",
    "issuance.exercise.price_per_share": "exercise_price",
    "issuance.exercise.period_start": "exercise_start",
    "issuance.exercise.period_end": "exercise_end",
    "issuance.exercise.conditions": "exercise_conditions",
    "issuance.aggregates.amount_paid": "aggregate_amount_paid",
    "issuance.aggregates.exercise_value": "aggregate_exercise_value",
    "issuance.aggregates.issue_value": "aggregate_issue_value",
    "issuance.transfer_restriction.description": "transfer_restriction_period",
    "reference_price.price_per_share": "reference_price",
    "legal_basis.text": "legal_basis",
    "legal_basis.articles": "companies_act_articles",
}
# Keys a --map file may still use for a field that was renamed.
KEY_ALIASES: dict[str, str] = {"plan_type": "kind", "listings": "market"}
_STEPS_LEFT_OUT = ("issuer", "issuance", "sections")


def key_of(path: str) -> str:
    if path in KEYS:
        return KEYS[path]
    return "_".join(part for part in path.split(".") if part not in _STEPS_LEFT_OUT)


def vocabulary(concept: Concept) -> tuple[str, ...]:
    """The headings a register may use for ``concept``: labels, terse labels, then the declared synonyms."""
    labels = [concept.label.en, concept.label.ja]
    if concept.terse is not None:
        labels += [concept.terse.en, concept.terse.ja]
    return tuple(dict.fromkeys([*labels, *concept.headers]))


@dataclass(frozen=True)
class FieldSpec:
    """One field of a register: its key, where its values go, and the headings that name it."""

    key: str
    table: Table
    places: tuple[Place, ...] = ()  # one per concept (one per instrument where the key is shared)
    declared: tuple[str, ...] = ()  # headings of a composite field (first: English, second: Japanese)
    borrowed: tuple[Concept, ...] = ()  # concepts whose headings a composite field also answers to
    text: bool = False  # free text that may be given per language
    note: str = ""
    instruments: frozenset[Instrument] = field(default=BOTH)

    @property
    def shape(self) -> Shape:
        return self.places[0].shape if self.places else "composite"

    @property
    def concept(self) -> Concept | None:
        return self.places[0].concept if self.places else None

    @property
    def headers(self) -> tuple[str, ...]:
        found = list(self.declared)
        for concept in (*(p.concept for p in self.places), *self.borrowed):
            found += vocabulary(concept)
        return tuple(dict.fromkeys(found))

    def heading(self, lang: str) -> str:
        """The heading a template writes (before ``headings`` settles clashes)."""
        if self.declared:
            return self.declared[0 if lang == "en" else 1]
        concept = self.concept or self.borrowed[0]
        return concept.heading(lang)

    def label(self, lang: str) -> str:
        """The longer heading, which the template writes where the short one also names another field."""
        concept = self.concept
        return concept.label[lang] if concept is not None else self.heading(lang)

    def place(self, instrument: Instrument | None) -> Place | None:
        """Where this field's value goes for an issuance of ``instrument`` (None: the field is not for it)."""
        for place in self.places:
            if instrument is None or instrument in place.instruments:
                return place
        return None

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.path for p in self.places))

    @property
    def what(self) -> str:
        """The field in words, for messages: its concept's label."""
        return self.label("en").lower() if self.places else self.heading("en").lower()


def _composite(key: str, en: str, ja: str, synonyms: tuple[str, ...], note: str, table: Table = "issuances",
               borrowed: tuple[Concept, ...] = (), text: bool = False,
               instruments: frozenset[Instrument] = BOTH) -> FieldSpec:
    return FieldSpec(key, table, (), (en, ja, *synonyms), borrowed, text, note, instruments)


RIGHTS_ONLY = frozenset({Instrument.RIGHTS})

# Fields without a concept of their own: the small declared table.
COMPOSITES: tuple[FieldSpec, ...] = (
    _composite("id", "ID", "ID", ("Issuance ID", "Ref", "Reference", "No.", "管理番号", "発行ID", "番号"),
               "Row identifier; joins Issuances and Allotments (layout b) and names the output files."),
    _composite("isin", "ISIN", "ISIN", ("ISIN code", "ISINコード"), "ISIN (optional; not tagged)."),
    _composite("currency", "Currency", "通貨", ("Currency code", "通貨コード", "通貨単位"),
               "ISO 4217 code or mark (JPY, 円, USD, $); else the mark the amounts show; else the models' JPY "
               "(the unit of the amounts, never a fact of its own)."),
    _composite("exercise_period", "Exercise period", "行使期間",
               ("Period of exercise", "Exercisable period", "権利行使期間", "新株予約権の行使期間",
                "新株予約権を行使することができる期間"),
               "One cell: '2015年8月1日～2045年7月31日', 'From August 1, 2015 to July 31, 2045'.",
               instruments=RIGHTS_ONLY),
    _composite("allotment", "Allotment", "付与対象者の区分及び人数",
               ("Allotments", "Allotment by category", "割当対象者の区分及び人数",
                "付与対象者の区分及び人数並びに付与する新株予約権の数",
                "割当対象者の区分及び人数並びに割り当てる新株予約権の数", "割当対象者の区分、人数及び割当株式数"),
               "One cell (layout a): 'Directors: 7 persons, 100 rights; Executive Officers: 11 persons, 51 rights', "
               "'当社取締役 7名 100個、当社執行役員 11名 51個', '当社取締役 6名 22,409株'; persons or count may be "
               "left out.", borrowed=(c.RECIPIENT_DESCRIPTION,), text=True),
    FieldSpec("allottee", "issuances", (), (), (c.ALLOTTEE_NAME,), True,
              "Named allottees (a trust account, an investor), with shares or rights if given: "
              "'株式会社日本カストディ銀行（信託E口） 327,000株'."),
    _composite("total_persons", "Total persons", "付与人数合計", ("Total recipients", "割当対象者数"),
               "Hand-typed total of persons; checked against the allotments (not tagged).",
               borrowed=(c.NUMBER_OF_RECIPIENTS,)),
    # Layout b, sheet Allotments.
    _composite("id", "ID", "ID", ("Issuance ID", "Ref", "Reference", "No.", "管理番号", "発行ID", "番号"),
               "The issuance's ID on the Issuances sheet.", table="allotments"),
    _composite("category_code", "Category code", "区分コード", ("Category key", "区分キー"),
               "Optional: a standard category code (directors, executive_officers, trust_account, ...) instead of "
               "classifying the label.", table="allotments"),
    _composite("custom_category", "Custom category", "独自区分", ("Custom category code", "独自区分コード"),
               "Optional: a code of the company's own (retiring_external_directors) for a category the standard "
               "list cannot take.", table="allotments"),
)

# Concepts of the Allotments sheet, by key.
ALLOTMENT_CONCEPTS: dict[str, tuple[Concept, Shape]] = {
    "category": (c.RECIPIENT_DESCRIPTION, "text"),
    "allottee": (c.ALLOTTEE_NAME, "text"),
    "persons": (c.NUMBER_OF_RECIPIENTS, "count"),
    "rights": (c.RIGHTS_ALLOTTED, "quantity"),
    "shares": (c.SHARES_ALLOTTED, "quantity"),
}
_ALLOTMENT_INSTRUMENTS = {"rights": RIGHTS_ONLY, "shares": frozenset({Instrument.SHARES})}

# Notes for the field table of docs/registers.md, where a field needs more than its concept's label.
NOTES: dict[str, str] = {
    "title": "Without one, a title is made from the kind and the notice type (a warning).",
    "kind": "Words such as 株式報酬型, 通常型, 有償ストックオプション, 譲渡制限付株式, RSU, PSU, 株式給付信託, 第三者割当. "
            "Without one, inferred from an exercise price of 1 (stock compensation) or another one (stock options), "
            "with a warning.",
    "method": "新株発行 / New shares, or 自己株式処分 / Treasury shares.",
    "notice_type": "決議 / Resolution, 確定 / Determination, 払込完了 / Completion, 割当結果 / Results, 訂正 / Amendment.",
    "market": "A market ('TSE Prime', '東証プライム'), or exchange and ticker pairs ('NASDAQ: IIJ; TSE1: 3774'), "
              "which become listings.",
    "securities_code": "Four characters, e.g. 3774 or 130A. Without a code, LEI or EDINET code the entity is "
                       "identified by its name (a warning).",
    "amount_per_right": "無償 / No payment means no payment.",
    "amount_per_share": "For shares, the issue or disposal price per share.",
    "transfer_restriction_period": "A period ('2022年9月16日～2052年9月15日') gives the first and last days; other "
                                   "text is kept as written.",
    "companies_act_articles": "Article numbers: '236, 238, 240' or '第236条、第238条'.",
}


def _concept_fields() -> list[FieldSpec]:
    grouped: dict[str, list[Place]] = {}
    for place in model_places():
        grouped.setdefault(key_of(place.path), []).append(place)
    fields = []
    for key, places in grouped.items():
        instruments = frozenset().union(*(p.instruments for p in places))
        text = places[0].shape == "text" or places[0].concept.type.spec.localized
        fields.append(FieldSpec(key, "issuances", tuple(places), (), (), text, NOTES.get(key, ""), instruments))
    return fields


def _allotment_fields() -> list[FieldSpec]:
    return [FieldSpec(key, "allotments", (Place(concept, f"allotment.{key}", shape, BOTH),), (), (),
                      shape == "text", "", _ALLOTMENT_INSTRUMENTS.get(key, BOTH))
            for key, (concept, shape) in ALLOTMENT_CONCEPTS.items()]


def _ordered(fields: list[FieldSpec]) -> tuple[FieldSpec, ...]:
    """Template order: the ID first, then the concepts as notices order them, each composite by its kin."""
    order = {concept.name: index for index, concept in enumerate(c.all_concepts())}
    after = {"isin": c.SECURITIES_CODE, "currency": c.CLASS_OF_SHARES, "exercise_period": c.EXERCISE_PRICE,
             "allotment": c.RECIPIENT_DESCRIPTION, "allottee": c.ALLOTTEE_NAME,
             "total_persons": c.NUMBER_OF_RECIPIENTS, "category_code": c.RECIPIENT_DESCRIPTION,
             "custom_category": c.RECIPIENT_DESCRIPTION}

    def rank(spec: FieldSpec) -> tuple[int, float]:
        if spec.key == "id":
            return (0, 0)
        concept = spec.concept or after[spec.key]
        return (1, order[concept.name] + (0.5 if spec.concept is None else 0))

    return tuple(sorted(fields, key=rank))


def _build() -> tuple[FieldSpec, ...]:
    issuances = [*_concept_fields(), *(f for f in COMPOSITES if f.table == "issuances")]
    allotments = [*(f for f in COMPOSITES if f.table == "allotments"), *_allotment_fields()]
    return (*_ordered(issuances), *_ordered(allotments))


FIELDS: tuple[FieldSpec, ...] = _build()
BY_KEY: dict[tuple[Table, str], FieldSpec] = {(f.table, f.key): f for f in FIELDS}
FIELD_KEYS: dict[Table, tuple[str, ...]] = {
    table: tuple(f.key for f in FIELDS if f.table == table) for table in ("issuances", "allotments")
}


def spec(key: str, table: Table = "issuances") -> FieldSpec:
    return BY_KEY[(table, key)]


def headings(table: Table, lang: str) -> dict[str, str]:
    """Field key -> the heading a template writes: the short one, or the label where the short one also
    names another field (so that a template's headings never need the row's kind to be read)."""
    fields = [f for f in FIELDS if f.table == table]
    named: dict[str, set[str]] = {}
    for field_spec in fields:
        for header in field_spec.headers:
            named.setdefault(header_key(header), set()).add(field_spec.key)
    return {f.key: (f.label(lang) if len(named[header_key(f.heading(lang))]) > 1 else f.heading(lang))
            for f in fields}
