"""Walk a Filing's statements into its fact set: concepts, contexts, units and decimals.

The statements (``exporter.models.statements``) say what each value is and where it stands; this
module only gives them XBRL form. A value stated as an upper limit is reported under the concept's
``…UpperLimit`` sibling; a value to be determined is a nil fact. Tranches of a notice with several
issuances, and recipient categories of the company's own, are members of the filing's extension
taxonomy (``Extension``), which the documents stage writes beside the instance.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING

from exporter.domain.categories import BY_CODE
from exporter.domain.concepts import Concept, all_concepts, upper_limit_of
from exporter.domain.dimensions import (
    AXES,
    LISTING_AXIS,
    RECIPIENT_AXIS,
    SECTION_AXIS,
    TABLES,
    TRANCHE_AXIS,
    TRANSLATION_AXIS,
)
from exporter.domain.kinds import token
from exporter.domain.rules import Statement, Sum, Where
from exporter.domain.text import Labels
from exporter.domain.values import UnitKind
from exporter.facts.factset import (
    Context,
    ExplicitMember,
    Fact,
    FactSet,
    Member,
    TypedMember,
    Unit,
)
from exporter.models import Filing

if TYPE_CHECKING:
    from exporter.taxonomy.extension import ExtensionMember
from exporter.taxonomy.namespaces import ISO4217, XBRLI

EXTENSION_PREFIX = "ext"
EXTENSION_BASE = "http://disclosure-exporter.dev/taxonomy/ext/"
_AXIS_ORDER = {axis.name: index for index, axis in enumerate(AXES)}
_TABLE_ORDER = {scope: index for index, table in enumerate(TABLES) for scope in table.scopes}
_CONCEPT_ORDER = {concept.name: index for index, concept in enumerate(all_concepts())}


def extension_namespace(filing: Filing) -> str:
    """The filing's own namespace: the issuer's identifier (or a digest of it) and the announcement date."""
    _, identifier = filing.issuer.identifier
    slug = identifier if re.fullmatch(r"[A-Za-z0-9._-]+", identifier) else \
        "entity-" + hashlib.sha256(identifier.encode()).hexdigest()[:16]
    return f"{EXTENSION_BASE}{slug}/{filing.announcement_date.isoformat()}"


class _Builder:
    def __init__(self, filing: Filing):
        self.filing = filing
        self.scheme, self.identifier = filing.issuer.identifier
        self.instant = filing.announcement_date
        self.prefix = f"I{self.instant:%Y%m%d}"
        self.contexts: dict[tuple[Member, ...], Context] = {}
        self.by_where: dict[Where, Context] = {}
        self.units: dict[tuple[UnitKind, str], Unit] = {}
        self.units_by_id: dict[str, Unit] = {}
        self.extension_members: dict[str, ExtensionMember] = {}
        self.typed_positions: dict[tuple[str, str], int] = {}
        self.factset = FactSet()

    # -- members and contexts -------------------------------------------------------------------
    def member(self, axis: str, key: str, source: tuple[str | int, ...]) -> tuple[Member, str]:
        """The context member for an axis key, and the short name it adds to the context id."""
        if axis == RECIPIENT_AXIS.name:
            standard = BY_CODE.get(key)
            if standard is not None:
                return ExplicitMember(axis, standard.member), standard.member.removesuffix("Member")
            name = token(key) + "Member"
            self.extension_member(axis, name, self.custom_category_label(source))
            return ExplicitMember(axis, name, extension=True), name.removesuffix("Member")
        if axis == TRANCHE_AXIS.name:
            name = f"Tranche{key}Member"
            self.extension_member(axis, name, self.tranche_label(int(key)))
            return ExplicitMember(axis, name, extension=True), f"T{key}"
        if axis == TRANSLATION_AXIS.name:
            return ExplicitMember(axis, key), "Translation"
        typed = LISTING_AXIS if axis == LISTING_AXIS.name else SECTION_AXIS
        assert typed.typed_domain is not None and axis == typed.name
        position = self.typed_positions.setdefault((axis, key), 1 + sum(a == axis for a, _ in self.typed_positions))
        short = "Listing" if typed is LISTING_AXIS else "Section"
        return TypedMember(axis, typed.typed_domain, key), f"{short}{position}"

    def extension_member(self, axis: str, name: str, label: Labels) -> None:
        if name not in self.extension_members:
            from exporter.taxonomy.extension import ExtensionMember  # only filings that need their own taxonomy

            self.extension_members[name] = ExtensionMember(axis, name, label)

    def custom_category_label(self, source: tuple[str | int, ...]) -> Labels:
        issuance, allotment = source[1], source[3]
        assert isinstance(issuance, int) and isinstance(allotment, int)
        found = self.filing.issuances[issuance].allotments[allotment]
        description = found.description
        assert description is not None  # the model requires one for a custom category
        return _both(description.en, description.ja)

    def tranche_label(self, number: int) -> Labels:
        issuance = self.filing.issuances[number - 1]
        name = issuance.label or getattr(issuance, "series_name", None)
        if name is None:
            return Labels(f"Issuance {number}", f"発行{number}")
        return _both(name.en, name.ja)

    def context(self, statement: Statement) -> Context:
        """The context of ``statement``'s dimensions: made at its first statement, shared by the others."""
        context = self.by_where.get(statement.where)
        if context is None:
            pairs = sorted(statement.where, key=lambda pair: _AXIS_ORDER[pair[0]])
            members_and_names = [self.member(axis, key, statement.source) for axis, key in pairs]
            members = tuple(member for member, _ in members_and_names)
            context = self.contexts.get(members)
            if context is None:
                suffix = "".join(f"_{name}" for _, name in members_and_names)
                context = self.contexts[members] = Context(f"{self.prefix}{suffix}", self.scheme, self.identifier,
                                                           self.instant, members)
            self.by_where[statement.where] = context
        return context

    def unit(self, kind: UnitKind, currency: str | None) -> Unit:
        currency = currency or "JPY"
        unit = self.units.get((kind, currency))
        if unit is None:
            made = _unit(kind, currency)
            unit = self.units[(kind, currency)] = self.units_by_id.setdefault(made.id, made)
        return unit

    # -- facts ----------------------------------------------------------------------------------
    def add(self, statement: Statement) -> None:
        concept = _upper_limit_of(statement.concept) if statement.upper_limit else statement.concept
        context = self.context(statement)
        spec = concept.type.spec
        if spec.unit is None:
            self.factset.facts.append(Fact(concept, context, statement.value, lang=statement.lang,
                                           source=statement.source))
            return
        unit = self.unit(spec.unit, statement.currency)
        if statement.value is None:
            decimals = None
        elif spec.exact:
            decimals = "INF"
        else:
            decimals = str(statement.decimals if statement.decimals is not None else 0)
        self.factset.facts.append(Fact(concept, context, statement.value, unit, decimals, source=statement.source))

    def build(self) -> FactSet:
        for statement in self.filing.statements:
            self.add(statement)
        for section in self.filing.sections.further if self.filing.sections else ():
            self.factset.section_headings[section.key] = _both(section.heading.en, section.heading.ja)
        # Reader's order: the notice's facts, listings, allotments, sections; within each, context by
        # context in order of first use, concepts in the taxonomy's order.
        first_use = {context.id: index for index, context in enumerate(self.contexts.values())}
        self.factset.facts.sort(key=lambda fact: (_TABLE_ORDER[fact.concept.scope], first_use[fact.context.id],
                                                  _CONCEPT_ORDER[fact.concept.name]))
        prohibited = tuple(dict.fromkeys(finding.rule.total.name for finding in self.filing.warnings
                                         if isinstance(finding.rule, Sum)))
        if self.extension_members or prohibited:
            from exporter.taxonomy.extension import Extension

            self.factset.extension = Extension(extension_namespace(self.filing), EXTENSION_PREFIX,
                                               tuple(self.extension_members.values()), prohibited)
        return self.factset


@cache
def _upper_limit_of(concept: Concept) -> Concept:
    return upper_limit_of(concept)


def _unit(kind: UnitKind, currency: str) -> Unit:
    """The unit of a value of ``kind`` in ``currency``, with the id the documents give it."""
    if kind is UnitKind.CURRENCY:
        return Unit(currency, (f"{{{ISO4217}}}{currency}",))
    if kind is UnitKind.SHARES:
        return Unit("shares", (f"{{{XBRLI}}}shares",))
    if kind is UnitKind.PER_SHARE:
        return Unit(f"{currency}_per_share", (f"{{{ISO4217}}}{currency}",), (f"{{{XBRLI}}}shares",))
    return Unit("pure", (f"{{{XBRLI}}}pure",))


def _both(en: str | None, ja: str | None) -> Labels:
    """Labels in both languages; a text given in one language labels both."""
    return Labels(en or ja or "", ja or en or "")


def build_factset(filing: Filing) -> FactSet:
    """The facts a filing states, in the order the models state them."""
    return _Builder(filing).build()
