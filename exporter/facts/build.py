"""Walk a Filing through the declared mapping and produce its fact set."""
from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any

from exporter.facts.factset import Context, ExplicitMember, Fact, FactSet, Member, TypedMember, Unit
from exporter.facts.mapping import LISTING_AXIS, RECIPIENT_AXIS, RECIPIENT_MEMBERS, RULES, FactRule
from exporter.models import Filing, LocalizedText, Quantity
from exporter.taxonomy.concepts import Taxonomy, UnitKind, load_taxonomy
from exporter.taxonomy.namespaces import ISO4217, XBRLI


def _read(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def _stated_decimals(amount: Decimal) -> str:
    exponent = amount.normalize().as_tuple().exponent
    return str(max(0, -exponent)) if isinstance(exponent, int) else "0"


class _Builder:
    def __init__(self, filing: Filing, taxonomy: Taxonomy):
        self.filing, self.taxonomy = filing, taxonomy
        self.scheme, self.identifier = filing.issuer.identifier
        self.instant = filing.announcement_date
        self.contexts: dict[tuple, Context] = {}
        self.units: dict[str, Unit] = {}
        self.factset = FactSet()

    def context(self, members: tuple[Member, ...], suffix: str) -> Context:
        key = (self.scheme, self.identifier, self.instant, members)
        if key not in self.contexts:
            context_id = f"I{self.instant:%Y%m%d}" + (f"_{suffix}" if suffix else "")
            self.contexts[key] = Context(context_id, self.scheme, self.identifier, self.instant, members)
        return self.contexts[key]

    def unit(self, kind: UnitKind) -> Unit:
        currency = self.filing.issuance.currency
        spec = {
            UnitKind.MONETARY: (currency, (f"{{{ISO4217}}}{currency}",), ()),
            UnitKind.SHARES: ("shares", (f"{{{XBRLI}}}shares",), ()),
            UnitKind.PER_SHARE: (f"{currency}_per_share", (f"{{{ISO4217}}}{currency}",), (f"{{{XBRLI}}}shares",)),
            UnitKind.PURE: ("pure", (f"{{{XBRLI}}}pure",), ()),
        }[kind]
        if spec[0] not in self.units:
            self.units[spec[0]] = Unit(*spec)
        return self.units[spec[0]]

    def add(self, rule: FactRule, value: Any, context: Context) -> None:
        if value is None or (rule.only_if_true and value is not True):
            return
        concept = rule.concept
        if isinstance(value, Quantity):
            concept = rule.upper_limit_concept if value.upper_limit and rule.upper_limit_concept else concept
            value = Decimal(value.value)
        if isinstance(value, LocalizedText):
            for lang, text in value.items():
                self.factset.facts.append(Fact(concept, context, text, lang=lang))
            return
        definition = self.taxonomy.concept(concept)
        if definition.is_numeric:
            number = Decimal(value)
            decimals = "INF" if rule.decimals == "INF" else _stated_decimals(number)
            self.factset.facts.append(Fact(concept, context, number, unit=self.unit(definition.unit_kind),
                                           decimals=decimals))
            return
        if isinstance(value, Enum):
            value = dict(rule.values).get(value.value, value.value)
        self.factset.facts.append(Fact(concept, context, value))

    def build(self) -> FactSet:
        base = self.context((), "")
        for rule in RULES:
            if rule.scope == "filing":
                self.add(rule, _read(self.filing, rule.source), base)
        for index, listing in enumerate(self.filing.issuer.listings, 1):
            context = self.context((TypedMember(LISTING_AXIS, listing.exchange),), f"Listing{index}")
            for rule in RULES:
                if rule.scope == "listing":
                    self.add(rule, _read(listing, rule.source), context)
        for allotment in self.filing.issuance.allotments:
            member = RECIPIENT_MEMBERS[allotment.category.value]
            context = self.context((ExplicitMember(RECIPIENT_AXIS, member),), member.removesuffix("Member"))
            for rule in RULES:
                if rule.scope == "allotment":
                    self.add(rule, _read(allotment, rule.source), context)
        return self.factset


def build_factset(filing: Filing, taxonomy: Taxonomy | None = None) -> FactSet:
    """The facts a filing reports, in mapping order: filing facts, then listings, then allotments."""
    return _Builder(filing, taxonomy or load_taxonomy()).build()
