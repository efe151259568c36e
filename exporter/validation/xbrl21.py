"""XBRL 2.1 instance rules on a draft, with our taxonomy (``dts``) as the DTS.

Owns: schemaRef presence and offline resolvability; contexts (entity identifier, periods, start
before end) and units well formed, ids unique, repeats flagged; every contextRef and unitRef
resolving; decimals/precision on numeric facts only (and never on nil ones); the unit a concept's
type needs (XBRL 2.1 4.8.2 for monetary and shares, the UTR for per-share and currencies);
period types; inconsistent duplicate facts (an error, as the SEC and ESEF rules make it); unused
contexts and units (warnings). Dimensions are ``dimensions.py``'s.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from exporter.taxonomy.concepts import UnitKind
from exporter.taxonomy.files import ENTRY_POINT_URL, UnresolvableUrl, resolve_url
from exporter.taxonomy.namespaces import ISO4217, XBRLI
from exporter.validation.draft import Draft, DraftContext, DraftFact, DraftUnit
from exporter.validation.dts import ConceptInfo, Dts, utr_currencies
from exporter.validation.messages import Message, error, warning

SHARES = f"{{{XBRLI}}}shares"
PURE = f"{{{XBRLI}}}pure"


def _instant(text: str, end: bool = False) -> datetime | None:
    """A period boundary as a point in time; a bare endDate or instant means the end of that day."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day) + (timedelta(days=1) if end else timedelta())
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


class _Checker:
    def __init__(self, draft: Draft, dts: Dts, resolvable: Callable[[str], bool]):
        self.draft, self.dts, self.resolvable = draft, dts, resolvable
        self.messages: list[Message] = []

    def err(self, code: str, text: str, **where) -> None:
        self.messages.append(error(code, text, file=self.draft.file, **where))

    def warn(self, code: str, text: str, **where) -> None:
        self.messages.append(warning(code, text, file=self.draft.file, **where))

    def at(self, element) -> dict:
        return {"line": element.sourceline, "xpath": self.draft.tree.getpath(element)}

    # -- document level ----------------------------------------------------------------------------
    def schema_refs(self) -> None:
        if not self.draft.schema_refs:
            self.err("xbrl21:missingSchemaRef", "the document has no link:schemaRef: it must name the taxonomy "
                     f"entry point {ENTRY_POINT_URL}")
        for href, element in self.draft.schema_refs:
            if not self.resolvable(href):
                self.err("xbrl21:unresolvableSchemaRef", f"schemaRef {href!r} cannot be resolved offline: expected "
                         f"{ENTRY_POINT_URL} (or a --taxonomy-package that provides it)", **self.at(element))

    def contexts(self) -> None:
        for item_id, element in self.draft.duplicate_ids:
            self.err("xbrl21:duplicateId", f"id {item_id!r} is used by more than one context or unit",
                     **self.at(element))
        seen: dict[tuple, str] = {}
        for context in self.draft.contexts.values():
            self.context(context)
            key = context.aspect_key
            if key in seen:
                self.warn("xbrl21:duplicateContext", f"context {context.id!r} repeats context {seen[key]!r} (same "
                          "entity, period and dimensions)", **self.at(context.element))
            else:
                seen[key] = context.id
        seen_units: dict[tuple, str] = {}
        for unit in self.draft.units.values():
            if unit.aspect_key in seen_units:
                self.warn("xbrl21:duplicateUnit", f"unit {unit.id!r} repeats unit {seen_units[unit.aspect_key]!r}",
                          **self.at(unit.element))
            else:
                seen_units.setdefault(unit.aspect_key, unit.id)

    def context(self, context: DraftContext) -> None:
        element = context.element  # (XPaths are computed only for a message: getpath is not cheap)
        if context.scheme is not None and not context.identifier:
            self.warn("xbrl21:entityIdentifier", f"context {context.id!r} has an empty entity identifier",
                      **self.at(element))
        kind = context.period[0]
        if kind == "instant":
            if _instant(context.period[1]) is None:
                self.err("xbrl21:invalidPeriod", f"context {context.id!r}: instant {context.period[1]!r} is not a "
                         "date", **self.at(element))
        elif kind == "duration":
            start, end = _instant(context.period[1]), _instant(context.period[2], end=True)
            if start is None or end is None:
                self.err("xbrl21:invalidPeriod", f"context {context.id!r}: startDate {context.period[1]!r} and "
                         f"endDate {context.period[2]!r} must both be dates", **self.at(element))
            elif end <= start:
                self.err("xbrl21:periodStartAfterEnd", f"context {context.id!r}: startDate {context.period[1]} is "
                         f"not before endDate {context.period[2]}", **self.at(element))

    # -- facts --------------------------------------------------------------------------------------
    def facts(self) -> None:
        used_contexts, used_units = set(), set()
        checked_units: dict[tuple, str | None] = {}
        concepts, contexts = self.dts.concepts, self.draft.contexts
        for fact in self.draft.facts:
            used_contexts.add(fact.context_ref)
            used_units.add(fact.unit_ref)
            concept = concepts.get(fact.concept)
            if concept is None or not concept.item:
                self.not_an_item(fact, concept)
                continue
            context = contexts.get(fact.context_ref)
            if context is None:
                self.err("xbrl21:missingContext", f"{fact.prefixed}: contextRef {fact.context_ref!r} names no context",
                         **fact.where())
            elif (concept.period_type == "instant") != (context.period[0] == "instant") and \
                    context.period[0] != "missing":
                self.err("xbrl21:periodType", f"{fact.prefixed} is a{'n' if concept.period_type == 'instant' else ''} "
                         f"{concept.period_type} concept but context {context.id!r} has a{'n' if context.period[0] == 'instant' else ''} "
                         f"{context.period[0]} period", **fact.where())
            if concept.numeric:
                self.numeric(fact, concept, checked_units)
            else:
                self.non_numeric(fact)
        self.duplicates()
        for context in contexts.values():
            if context.id not in used_contexts:
                self.warn("xbrl21:unusedContext", f"context {context.id!r} is not used by any fact",
                          **self.at(context.element))
        for unit in self.draft.units.values():
            if unit.id not in used_units:
                self.warn("xbrl21:unusedUnit", f"unit {unit.id!r} is not used by any fact", **self.at(unit.element))

    def not_an_item(self, fact: DraftFact, concept: ConceptInfo | None) -> None:
        if concept is None:
            self.err("xbrl21:unknownConcept", f"{fact.prefixed or fact.element.get('name')!s} is not a concept of the "
                     "eqi taxonomy", **fact.where())
        else:
            self.err("xbrl21:notAnItem", f"{fact.prefixed} is abstract, a dimension or a hypercube, and cannot be "
                     "reported", **fact.where())

    def non_numeric(self, fact: DraftFact) -> None:
        if fact.unit_ref is not None or (fact.numeric and self.draft.kind == "inline"):
            self.err("xbrl21:unitOnNonNumeric", f"{fact.prefixed} is not numeric and must not have a unit "
                     f"(unitRef {fact.unit_ref!r})", **fact.where())
        if fact.decimals is not None or fact.precision is not None:
            self.err("xbrl21:decimalsOnNonNumeric", f"{fact.prefixed} is not numeric and must not have decimals or "
                     "precision", **fact.where())

    def numeric(self, fact: DraftFact, concept: ConceptInfo, checked_units: dict) -> None:
        if fact.nil:
            if fact.decimals is not None or fact.precision is not None:
                self.err("xbrl21:nilWithDecimals", f"{fact.prefixed} is nil and must not have decimals or precision",
                         **fact.where())
        elif fact.decimals is None and fact.precision is None:
            self.err("xbrl21:missingDecimals", f"{fact.prefixed} is numeric and needs decimals (or precision)",
                     **fact.where())
        elif fact.decimals is not None and fact.precision is not None:
            self.err("xbrl21:decimalsAndPrecision", f"{fact.prefixed} has both decimals and precision",
                     **fact.where())
        if fact.unit_ref is None:
            self.err("xbrl21:missingUnit", f"{fact.prefixed} is numeric and needs a unitRef", **fact.where())
            return
        unit = self.draft.units.get(fact.unit_ref)
        if unit is None:
            self.err("xbrl21:missingUnit", f"{fact.prefixed}: unitRef {fact.unit_ref!r} names no unit", **fact.where())
            return
        key = (concept.unit_kind, fact.unit_ref)
        if key not in checked_units:
            checked_units[key] = _unit_problem(concept.unit_kind, unit)
        problem = checked_units[key]
        if problem is None:
            return
        code, text = problem
        text = f"{fact.prefixed} ({concept.type_name}) {text}; unit {unit.id!r} is {_describe_unit(unit)}"
        if concept.unit_required:
            self.err(code, text, **fact.where())
        else:  # decimalItemType: the taxonomy's convention (xbrli:pure for counts), not a rule of XBRL or the UTR
            self.warn("eqi:unitForCount", text, **fact.where())

    def duplicates(self) -> None:
        # Contexts (units) with equal aspects are one: key facts by the first id of each aspect key.
        canonical_context: dict[tuple, str] = {}
        context_of = {c.id: canonical_context.setdefault(c.aspect_key, c.id) for c in self.draft.contexts.values()}
        canonical_unit: dict[tuple, str] = {}
        unit_of = {u.id: canonical_unit.setdefault(u.aspect_key, u.id) for u in self.draft.units.values()}
        first: dict[tuple, DraftFact] = {}
        reported: set[tuple] = set()
        for fact in self.draft.facts:
            context = context_of.get(fact.context_ref)
            if context is None or fact.value is None:
                continue
            key = (fact.concept, context, unit_of.get(fact.unit_ref), None if fact.numeric else fact.lang)
            earlier = first.setdefault(key, fact)
            if earlier is fact or key in reported or _comparable(earlier) == _comparable(fact):
                continue
            reported.add(key)
            self.err("xbrl21:inconsistentDuplicates", f"{fact.prefixed} is reported twice for context "
                     f"{fact.context_ref!r} with different values: {earlier.value!r} (line {earlier.line}) and "
                     f"{fact.value!r}", **fact.where())


def _comparable(fact: DraftFact):
    if fact.numeric:
        try:
            return Decimal(fact.value)
        except (InvalidOperation, TypeError):
            return fact.value
    return fact.value


def _describe_unit(unit: DraftUnit) -> str:
    def names(measures):
        return "*".join(m.split("}")[-1] for m in measures) or "nothing"
    return names(unit.numerators) + (f" / {names(unit.denominators)}" if unit.denominators else "")


def _currency_problem(measure: str) -> tuple[str, str] | None:
    if not measure.startswith(f"{{{ISO4217}}}"):
        return "xbrl21:monetaryUnit", "needs an ISO 4217 currency measure (iso4217:XXX)"
    if measure.split("}")[1] not in utr_currencies():
        return "utr:unitForType", f"needs a currency the Units Registry lists; {measure.split('}')[1]} is not one"
    return None


def _unit_problem(kind: UnitKind | None, unit: DraftUnit) -> tuple[str, str] | None:
    nums, dens = unit.numerators, unit.denominators
    if kind is UnitKind.MONETARY:
        if dens or len(nums) != 1:
            return "xbrl21:monetaryUnit", "needs a single ISO 4217 currency measure"
        return _currency_problem(nums[0])
    if kind is UnitKind.SHARES:
        if dens or nums != (SHARES,):
            return "xbrl21:sharesUnit", "needs the single measure xbrli:shares"
    elif kind is UnitKind.PER_SHARE:
        if len(nums) != 1 or dens != (SHARES,):
            return "utr:unitForType", "needs a currency divided by xbrli:shares"
        return _currency_problem(nums[0])
    elif kind is UnitKind.PURE and (dens or nums != (PURE,)):
        return "utr:unitForType", "needs the measure xbrli:pure"
    return None


def _resolvable_offline(href: str) -> bool:
    try:
        resolve_url(href)
    except UnresolvableUrl:
        return False
    return True


def xbrl21_messages(draft: Draft, dts: Dts, resolvable: Callable[[str], bool] = _resolvable_offline
                    ) -> list[Message]:
    checker = _Checker(draft, dts, resolvable)
    checker.schema_refs()
    checker.contexts()
    checker.facts()
    return checker.messages
