"""XBRL 2.1 and Dimensions 1.0 rules on a draft, with our taxonomy as the DTS.

Owns: schemaRef presence and offline resolvability; contexts (identifier, scheme, periods) and
units well formed; every contextRef and unitRef resolving; decimals/precision on numeric facts
only; the unit a concept's type needs (UTR); period types; duplicate facts; unused and repeated
contexts and units; explicit and typed dimension members against the concept's hypercube.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from exporter.taxonomy.concepts import Taxonomy, UnitKind
from exporter.taxonomy.files import ENTRY_POINT_URL, NAMESPACE, UnresolvableUrl, resolve_url
from exporter.validation.draft import Draft, DraftContext, DraftFact, DraftUnit
from exporter.validation.messages import Message, error, warning

XBRLI = "http://www.xbrl.org/2003/instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
SHARES = f"{{{XBRLI}}}shares"
PURE = f"{{{XBRLI}}}pure"


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class _Checker:
    def __init__(self, draft: Draft, taxonomy: Taxonomy):
        self.draft, self.taxonomy = draft, taxonomy
        self.messages: list[Message] = []

    def err(self, code: str, text: str, line=None, xpath=None, concept=None) -> None:
        self.messages.append(error(code, text, file=self.draft.file, line=line, xpath=xpath, concept=concept))

    def warn(self, code: str, text: str, line=None, xpath=None, concept=None) -> None:
        self.messages.append(warning(code, text, file=self.draft.file, line=line, xpath=xpath, concept=concept))

    def concept_of(self, fact: DraftFact):
        ns, _, local = fact.concept[1:].partition("}")
        return self.taxonomy.concepts.get(local) if ns == NAMESPACE else None

    # -- document level ----------------------------------------------------------------------------
    def schema_refs(self) -> None:
        if not self.draft.schema_refs:
            self.err("xbrl21:missingSchemaRef", "the document has no link:schemaRef: name the taxonomy entry point "
                     f"{ENTRY_POINT_URL}")
        for href in self.draft.schema_refs:
            try:
                resolve_url(href)
            except UnresolvableUrl:
                self.err("xbrl21:unresolvableSchemaRef", f"schemaRef {href!r} cannot be resolved offline: "
                         f"expected {ENTRY_POINT_URL} (or a taxonomy package that provides it)")

    def contexts(self) -> None:
        for context_id, line in self.draft.duplicate_ids:
            self.err("xbrl21:duplicateId", f"id {context_id!r} is used by more than one context or unit", line=line)
        seen: dict[tuple, str] = {}
        for context in self.draft.contexts.values():
            self.context(context)
            key = context.aspect_key
            if key in seen:
                self.warn("xbrl21:duplicateContext", f"context {context.id!r} repeats context {seen[key]!r} "
                          "(same entity, period and dimensions)", line=context.line)
            else:
                seen[key] = context.id
        seen_units: dict[tuple, str] = {}
        for unit in self.draft.units.values():
            if unit.aspect_key in seen_units:
                self.warn("xbrl21:duplicateUnit", f"unit {unit.id!r} repeats unit {seen_units[unit.aspect_key]!r}",
                          line=unit.line)
            else:
                seen_units[unit.aspect_key] = unit.id

    def context(self, context: DraftContext) -> None:
        if not context.scheme or not context.identifier:
            self.err("xbrl21:entityIdentifier", f"context {context.id!r} needs an entity identifier with a scheme",
                     line=context.line)
        kind = context.period[0]
        if kind == "instant":
            if _parse_date(context.period[1]) is None:
                self.err("xbrl21:invalidPeriod", f"context {context.id!r}: instant {context.period[1]!r} is not a "
                         "date", line=context.line)
        elif kind == "duration":
            start, end = (_parse_date(v) for v in context.period[1:])
            if start is None or end is None:
                self.err("xbrl21:invalidPeriod", f"context {context.id!r}: startDate {context.period[1]!r} and "
                         f"endDate {context.period[2]!r} must both be dates", line=context.line)
            elif end < start:
                self.err("xbrl21:periodStartAfterEnd", f"context {context.id!r}: startDate {context.period[1]} is "
                         f"after endDate {context.period[2]}", line=context.line)
        elif kind == "missing":
            self.err("xbrl21:invalidPeriod", f"context {context.id!r} has no period", line=context.line)

    # -- facts --------------------------------------------------------------------------------------
    def facts(self) -> None:
        used_contexts, used_units = set(), set()
        for fact in self.draft.facts:
            used_contexts.add(fact.context_ref)
            used_units.add(fact.unit_ref)
            self.fact(fact)
        self.duplicates()
        for context in self.draft.contexts.values():
            if context.id not in used_contexts:
                self.warn("xbrl21:unusedContext", f"context {context.id!r} is not used by any fact", line=context.line)
        for unit in self.draft.units.values():
            if unit.id not in used_units:
                self.warn("xbrl21:unusedUnit", f"unit {unit.id!r} is not used by any fact", line=unit.line)

    def fact(self, fact: DraftFact) -> None:
        where = dict(line=fact.line, xpath=fact.xpath, concept=fact.prefixed)
        concept = self.concept_of(fact)
        if concept is None:
            self.err("xbrl21:unknownConcept", f"{fact.prefixed} is not a concept of the eqi taxonomy", **where)
            return
        if not concept.is_item:
            self.err("xbrl21:notAnItem", f"{fact.prefixed} is abstract or structural and cannot be reported", **where)
            return
        context = self.draft.contexts.get(fact.context_ref or "")
        if context is None:
            self.err("xbrl21:missingContext", f"{fact.prefixed}: contextRef {fact.context_ref!r} names no context",
                     **where)
        else:
            self.period_type(fact, concept, context, where)
            self.dimensions(fact, concept, context, where)
        if concept.is_numeric:
            self.numeric(fact, concept, where)
        else:
            if fact.unit_ref is not None or fact.numeric:
                self.err("xbrl21:unitOnNonNumeric", f"{fact.prefixed} is not numeric and must not have a unit "
                         f"(it has unitRef {fact.unit_ref!r})", **where)
            if fact.decimals is not None or fact.precision is not None:
                self.err("xbrl21:decimalsOnNonNumeric", f"{fact.prefixed} is not numeric and must not have "
                         "decimals or precision", **where)

    def period_type(self, fact, concept, context, where) -> None:
        kind = context.period[0]
        if concept.period_type == "instant" and kind != "instant":
            self.err("xbrl21:periodType", f"{fact.prefixed} is an instant concept but context {context.id!r} has a "
                     f"{kind} period", **where)
        elif concept.period_type == "duration" and kind == "instant":
            self.err("xbrl21:periodType", f"{fact.prefixed} is a duration concept but context {context.id!r} has "
                     "an instant period", **where)

    def numeric(self, fact: DraftFact, concept, where) -> None:
        if fact.value is not None and fact.decimals is None and fact.precision is None:
            self.err("xbrl21:missingDecimals", f"{fact.prefixed} is numeric and needs decimals (or precision)",
                     **where)
        if fact.decimals is not None and fact.precision is not None:
            self.err("xbrl21:decimalsAndPrecision", f"{fact.prefixed} has both decimals and precision", **where)
        if fact.unit_ref is None:
            self.err("xbrl21:missingUnit", f"{fact.prefixed} is numeric and needs a unitRef", **where)
            return
        unit = self.draft.units.get(fact.unit_ref)
        if unit is None:
            self.err("xbrl21:missingUnit", f"{fact.prefixed}: unitRef {fact.unit_ref!r} names no unit", **where)
            return
        problem = _unit_problem(concept.unit_kind, unit)
        if problem:
            code = "xbrl21:monetaryUnit" if concept.unit_kind is UnitKind.MONETARY else "utr:unitForType"
            # The UTR constrains monetary, shares and per-share types; our counts (decimalItemType)
            # want xbrli:pure by the taxonomy's convention only, so that is a warning.
            report = self.warn if concept.unit_kind is UnitKind.PURE else self.err
            report(code if concept.unit_kind is not UnitKind.PURE else "eqi:unitForCount", f"{fact.prefixed} ({concept.unit_kind.value}) {problem}; unit {unit.id!r} is "
                     f"{_describe_unit(unit)}", **where)

    def dimensions(self, fact, concept, context, where) -> None:
        allowed = self.taxonomy.dimensions_of(concept.name)
        given = {**{d: ("explicit", m) for d, m in context.explicit.items()},
                 **{d: ("typed", e) for d, e in context.typed.items()}}
        if not allowed:
            return  # concepts outside any hypercube are not constrained (XBRL Dimensions 1.0)
        for dimension, (kind, value) in given.items():
            ns, _, local = dimension[1:].partition("}")
            definition = self.taxonomy.dimensions.get(local) if ns == NAMESPACE else None
            if definition is None or local not in allowed:
                self.err("xdt:dimensionNotAllowed", f"{fact.prefixed}: context {context.id!r} has dimension "
                         f"{local or dimension}, which the hypercube of {concept.name} does not include", **where)
                continue
            if kind == "explicit":
                mns, _, member = value[1:].partition("}")
                if definition.typed_domain or mns != NAMESPACE or member not in definition.members:
                    self.err("xdt:invalidMember", f"{fact.prefixed}: {value.split('}')[-1]} is not a member of "
                             f"{local} (context {context.id!r})", **where)
                elif member == definition.default:
                    self.err("xdt:defaultMemberUsed", f"{fact.prefixed}: context {context.id!r} names {member}, the "
                             f"default of {local}; leave the dimension out instead", **where)
            elif value.tag != definition.typed_domain:
                self.err("xdt:invalidTypedMember", f"{fact.prefixed}: the typed member of {local} must be "
                         f"{definition.typed_domain.split('}')[1]} (context {context.id!r})", **where)
        for dimension in self.taxonomy.required_dimensions(concept.name):
            if f"{{{NAMESPACE}}}{dimension}" not in given:
                self.err("xdt:missingDimension", f"{fact.prefixed}: context {context.id!r} lacks {dimension}, which "
                         f"{concept.name} requires", **where)

    def duplicates(self) -> None:
        groups: dict[tuple, list[DraftFact]] = defaultdict(list)
        for fact in self.draft.facts:
            context = self.draft.contexts.get(fact.context_ref or "")
            unit = self.draft.units.get(fact.unit_ref or "")
            if context is None or fact.value is None:
                continue
            key = (fact.concept, context.aspect_key, unit.aspect_key if unit else None,
                   None if fact.numeric else fact.lang)
            groups[key].append(fact)
        for facts in groups.values():
            if len(facts) < 2:
                continue
            values = {_comparable(f) for f in facts}
            if len(values) > 1:
                first = facts[0]
                shown = ", ".join(f"{f.value!r} (line {f.line})" for f in facts)
                self.err("xbrl21:inconsistentDuplicates", f"{first.prefixed} is reported more than once with "
                         f"different values: {shown}", line=facts[1].line, xpath=facts[1].xpath,
                         concept=first.prefixed)


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


def _is_currency(measure: str) -> bool:
    return measure.startswith(f"{{{ISO4217}}}")


def _unit_problem(kind: UnitKind | None, unit: DraftUnit) -> str | None:
    nums, dens = unit.numerators, unit.denominators
    if kind is UnitKind.MONETARY:
        if dens or len(nums) != 1 or not _is_currency(nums[0]):
            return "needs a single ISO 4217 currency measure"
    elif kind is UnitKind.SHARES:
        if dens or nums != (SHARES,):
            return "needs the measure xbrli:shares"
    elif kind is UnitKind.PER_SHARE:
        if len(nums) != 1 or not _is_currency(nums[0]) or dens != (SHARES,):
            return "needs a currency divided by xbrli:shares"
    elif kind is UnitKind.PURE:
        if dens or nums != (PURE,):
            return "needs the measure xbrli:pure"
    return None


def xbrl21_messages(draft: Draft, taxonomy: Taxonomy) -> list[Message]:
    checker = _Checker(draft, taxonomy)
    checker.schema_refs()
    checker.contexts()
    checker.facts()
    return checker.messages
