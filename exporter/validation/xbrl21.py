"""XBRL 2.1 instance rules on a draft (section 4, and 5.2.6.2 in instances), for any DTS.

Owns: schemaRef presence; contexts (periods, start before end, segment and scenario content),
units (measures that resolve, xbrli measures, simplest form); every contextRef and unitRef
naming an element of the right kind; the unit each item type needs (monetary: one ISO 4217
currency; shares: xbrli:shares); decimals/precision (one on numeric items, none on nil, fraction
or non-numeric ones); period types; attributes XBRL reserves on tuples; essence-alias and
requires-element relationships; footnote links. With the "eqi" profile also our filing rules:
the units the UTR requires, our counts' unit convention, inconsistent duplicate facts (an error, as
in the SEC and ESEF rules), repeated and unused contexts and units (warnings).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from lxml import etree

from exporter.taxonomy.namespaces import ISO4217, XBRLI
from exporter.validation.draft import Draft, DraftContext, DraftFact, DraftUnit
from exporter.validation.dts import ConceptInfo, Dts, UnitKind, utr_currencies
from exporter.validation.messages import Message, error, warning
from exporter.validation.numbers import MAX_DIGITS, MAX_EXPONENT, bounded_decimal

SHARES = f"{{{XBRLI}}}shares"
PURE = f"{{{XBRLI}}}pure"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
ESSENCE_ALIAS = "http://www.xbrl.org/2003/arcrole/essence-alias"
REQUIRES_ELEMENT = "http://www.xbrl.org/2003/arcrole/requires-element"
FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_RESERVED = tuple(f"{{{n}}}" for n in (XBRLI, LINK, XLINK, "http://www.xbrl.org/2003/XLink"))


def _instant(text: str, end: bool = False) -> datetime | None:
    """A period boundary as a point in time; a bare endDate or instant means the end of that day."""
    try:
        text = text.strip()
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day) + (timedelta(days=1) if end else timedelta())
        if text.endswith("T24:00:00"):
            day = date.fromisoformat(text[:10])
            return datetime(day.year, day.month, day.day) + timedelta(days=1)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


class _Checker:
    def __init__(self, draft: Draft, dts: Dts, profile: str) -> None:
        self.draft, self.dts, self.profile = draft, dts, profile
        self.eqi = profile == "eqi"
        self.complete = True
        self.messages: list[Message] = []

    def err(self, code: str, text: str, **where: Any) -> None:
        self.messages.append(error(code, text, file=self.draft.file, **where))

    def warn(self, code: str, text: str, **where: Any) -> None:
        self.messages.append(warning(code, text, file=self.draft.file, **where))

    def at(self, element: etree._Element) -> dict[str, Any]:
        return {"line": element.sourceline, "xpath": self.draft.tree.getpath(element)}

    # -- document level ----------------------------------------------------------------------------
    def schema_refs(self) -> None:
        if not self.draft.schema_refs:
            self.err("xbrl21:missingSchemaRef", "the document has no link:schemaRef: it must name its taxonomy's "
                     "entry point (XBRL 2.1 4.2)")

    def contexts(self) -> None:
        for item_id, element in self.draft.duplicate_ids:
            self.err("xbrl21:duplicateId", f"id {item_id!r} is used by more than one context or unit",
                     **self.at(element))
        seen: dict[tuple[Any, ...], str] = {}
        for context in self.draft.contexts.values():
            self.context(context)
            key = context.aspect_key
            if key in seen:
                if self.eqi:
                    self.warn("xbrl21:duplicateContext", f"context {context.id!r} repeats context {seen[key]!r} "
                              "(same entity, period and dimensions)", **self.at(context.element))
            else:
                seen[key] = context.id
        seen_units: dict[tuple[Any, ...], str] = {}
        for unit in self.draft.units.values():
            self.unit(unit)
            if unit.aspect_key in seen_units:
                if self.eqi:
                    self.warn("xbrl21:duplicateUnit", f"unit {unit.id!r} repeats unit "
                              f"{seen_units[unit.aspect_key]!r}", **self.at(unit.element))
            else:
                seen_units.setdefault(unit.aspect_key, unit.id)

    def context(self, context: DraftContext) -> None:
        element = context.element
        if context.scheme is not None and not context.identifier and self.eqi:
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
        for where, children in (("segment", context.segment), ("scenario", context.scenario)):
            for child in children:
                for node in child.iter():
                    if not isinstance(node.tag, str):
                        continue
                    if node.tag.startswith(f"{{{XBRLI}}}"):
                        self.err("xbrl21:segmentContent", f"context {context.id!r}: the {where} holds "
                                 f"{node.tag}, an element of the XBRL instance namespace (XBRL 2.1 4.7.3.2/4.7.4)",
                                 **self.at(node))
                        break
                    concept = self.dts.concepts.get(node.tag)
                    if concept is not None and concept.kind is not None:
                        self.err("xbrl21:segmentContent", f"context {context.id!r}: the {where} holds "
                                 f"{concept.name}, an item or tuple (XBRL 2.1 4.7.3.2/4.7.4)", **self.at(node))
                        break

    def unit(self, unit: DraftUnit) -> None:
        measures = [*unit.numerators, *unit.denominators]
        for measure in measures:
            if not measure.startswith("{") and ":" in measure:
                self.err("xbrl21:measurePrefix", f"unit {unit.id!r}: measure {measure!r} has a prefix with no "
                         "namespace declared", **self.at(unit.element))
            elif measure.startswith(f"{{{XBRLI}}}") and measure not in (SHARES, PURE):
                self.err("xbrl21:xbrliMeasure", f"unit {unit.id!r}: {measure.split('}')[1]} is not a measure of the "
                         "XBRL instance namespace (only pure and shares are) (XBRL 2.1 4.8.2)", **self.at(unit.element))
        common = set(unit.numerators) & set(unit.denominators)
        if common:
            self.err("xbrl21:unitNotSimplest", f"unit {unit.id!r} has {', '.join(sorted(common))} in both numerator "
                     "and denominator; units must be in simplest form (XBRL 2.1 4.8.1)", **self.at(unit.element))

    # -- facts --------------------------------------------------------------------------------------
    def facts(self) -> None:
        used_contexts, used_units = set(), set()
        checked_units: dict[tuple[Any, ...], tuple[str, str] | None] = {}
        concepts, contexts = self.dts.concepts, self.draft.contexts
        for fact in self.draft.facts:
            concept = concepts.get(fact.concept)
            if fact.is_tuple:
                self.tuple(fact)
                continue
            used_contexts.add(fact.context_ref)
            used_units.add(fact.unit_ref)
            if concept is None and not self.complete:
                self.references(fact)
                continue
            if concept is None or not concept.item:
                self.not_an_item(fact, concept)
                continue
            context = contexts.get(fact.context_ref or "")
            if context is None:
                kind = "a unit" if fact.context_ref in self.draft.units else "no context"
                self.err("xbrl21:missingContext", f"{fact.prefixed}: contextRef {fact.context_ref!r} names {kind}",
                         **fact.where())
            elif context.period[0] != "missing" and \
                    (concept.period_type == "instant") != (context.period[0] == "instant"):
                self.err("xbrl21:periodType", f"{fact.prefixed} is a{'n' if concept.period_type == 'instant' else ''} "
                         f"{concept.period_type} concept but context {context.id!r} has a"
                         f"{'n' if context.period[0] == 'instant' else ''} {context.period[0]} period", **fact.where())
            if concept.numeric:
                self.numeric(fact, concept, checked_units)
            else:
                self.non_numeric(fact)
        if self.eqi:
            self.duplicates()
            for context in contexts.values():
                if context.id not in used_contexts:
                    self.warn("xbrl21:unusedContext", f"context {context.id!r} is not used by any fact",
                              **self.at(context.element))
            for unit in self.draft.units.values():
                if unit.id not in used_units:
                    self.warn("xbrl21:unusedUnit", f"unit {unit.id!r} is not used by any fact",
                              **self.at(unit.element))

    def references(self, fact: DraftFact) -> None:
        """What can be said of a fact without its concept: its contextRef and unitRef resolve."""
        if fact.context_ref is not None and fact.context_ref not in self.draft.contexts:
            self.err("xbrl21:missingContext", f"{fact.prefixed}: contextRef {fact.context_ref!r} names no context",
                     **fact.where())
        if fact.unit_ref is not None and fact.unit_ref not in self.draft.units:
            self.err("xbrl21:missingUnit", f"{fact.prefixed}: unitRef {fact.unit_ref!r} names no unit", **fact.where())

    def tuple(self, fact: DraftFact) -> None:
        reserved = [name for name in fact.element.attrib if name.startswith(_RESERVED)]
        if reserved:
            self.err("xbrl21:tupleAttribute", f"tuple {fact.prefixed} has attribute {reserved[0]}, in a namespace "
                     "XBRL reserves (XBRL 2.1 4.9)", **fact.where())

    def not_an_item(self, fact: DraftFact, concept: ConceptInfo | None) -> None:
        if concept is None:
            self.err("xbrl21:unknownConcept", f"{fact.prefixed or fact.element.get('name')!s} is not a concept of "
                     "the taxonomy", **fact.where())
        elif concept.kind != "tuple":
            self.err("xbrl21:notAnItem", f"{fact.prefixed} is abstract, a dimension or a hypercube, and cannot be "
                     "reported", **fact.where())

    def non_numeric(self, fact: DraftFact) -> None:
        if fact.unit_ref is not None or (fact.numeric and self.draft.kind == "inline"):
            self.err("xbrl21:unitOnNonNumeric", f"{fact.prefixed} is not numeric and must not have a unit "
                     f"(unitRef {fact.unit_ref!r})", **fact.where())
        if fact.decimals is not None or fact.precision is not None:
            self.err("xbrl21:decimalsOnNonNumeric", f"{fact.prefixed} is not numeric and must not have decimals or "
                     "precision", **fact.where())

    def numeric(self, fact: DraftFact, concept: ConceptInfo, checked_units: dict[tuple[Any, ...], Any]) -> None:
        if fact.nil or concept.fraction:
            if fact.decimals is not None or fact.precision is not None or self.schema_gives_accuracy(concept):
                self.err("xbrl21:nilWithDecimals", f"{fact.prefixed} is {'nil' if fact.nil else 'a fraction'} and "
                         "must not have decimals or precision", **fact.where())
        elif fact.value is not None and (len(fact.value) > 40 or len(fact.value.lower().partition("e")[2]) > 4) and \
                bounded_decimal(fact.value) is None and _lexical_number(fact.value):
            self.err("xbrl21:numberOutOfRange", f"{fact.prefixed}: a number of {len(fact.value.strip())} characters "
                     f"is more than this validator reads ({MAX_DIGITS} characters, exponents up to {MAX_EXPONENT})",
                     **fact.where())
        if fact.nil or concept.fraction:
            pass
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
            kind = "a context" if fact.unit_ref in self.draft.contexts else "no unit"
            self.err("xbrl21:missingUnit", f"{fact.prefixed}: unitRef {fact.unit_ref!r} names {kind}", **fact.where())
            return
        key = (concept.unit_kind, concept.unit_required, fact.unit_ref)
        if key not in checked_units:
            checked_units[key] = self.unit_problem(concept, unit)
        problem = checked_units[key]
        if problem is None:
            return
        code, text = problem
        text = f"{fact.prefixed} ({concept.type_name}) {text}; unit {unit.id!r} is {_describe_unit(unit)}"
        if code == "eqi:unitForCount":
            self.warn(code, text, **fact.where())
        else:
            self.err(code, text, **fact.where())

    def schema_gives_accuracy(self, concept: ConceptInfo) -> bool:
        """The concept's type gives decimals or precision a default or fixed value (so a nil fact has one)."""
        model = self.dts.model
        if model is None:
            return False
        for type_name in concept.type_chain:
            definition = model.types.get(type_name)
            if definition is None or type_name.startswith(f"{{{XBRLI}}}"):
                continue
            for name in ("decimals", "precision"):
                declared = definition.attributes.get(name)
                if declared is not None and (declared.fixed is not None or declared.default is not None):
                    return True
        return False

    def unit_problem(self, concept: ConceptInfo, unit: DraftUnit) -> tuple[str, str] | None:
        kind = concept.unit_kind
        nums, dens = unit.numerators, unit.denominators
        if kind is UnitKind.MONETARY:
            if dens or len(nums) != 1:
                return "xbrl21:monetaryUnit", "needs a single ISO 4217 currency measure"
            return self.currency_problem(nums[0])
        if kind is UnitKind.SHARES:
            if dens or nums != (SHARES,):
                return "xbrl21:sharesUnit", "needs the single measure xbrli:shares"
            return None
        if not self.eqi:
            return None  # the UTR and our conventions belong to the eqi profile
        if kind is UnitKind.PER_SHARE:
            if len(nums) != 1 or dens != (SHARES,):
                return "utr:unitForType", "needs a currency divided by xbrli:shares"
            return self.currency_problem(nums[0])
        if kind is UnitKind.PURE and (dens or nums != (PURE,)):
            if concept.unit_required or any(t.endswith("}pureItemType") for t in concept.type_chain):
                return "utr:unitForType", "needs the measure xbrli:pure"
            return "eqi:unitForCount", "needs the measure xbrli:pure (the taxonomy's convention for counts)"
        return None

    def currency_problem(self, measure: str) -> tuple[str, str] | None:
        namespace, _, local = measure[1:].partition("}") if measure.startswith("{") else ("", "", measure)
        if namespace != ISO4217 or not _CURRENCY.match(local):
            return "xbrl21:monetaryUnit", "needs an ISO 4217 currency measure (iso4217:XXX)"
        if self.eqi and local not in utr_currencies():
            return "utr:unitForType", f"needs a currency the Units Registry lists; {local} is not one"
        return None

    def duplicates(self) -> None:
        canonical_context: dict[tuple[Any, ...], str] = {}
        context_of = {c.id: canonical_context.setdefault(c.aspect_key, c.id) for c in self.draft.contexts.values()}
        canonical_unit: dict[tuple[Any, ...], str] = {}
        unit_of = {u.id: canonical_unit.setdefault(u.aspect_key, u.id) for u in self.draft.units.values()}
        first: dict[tuple[Any, ...], DraftFact] = {}
        reported: set[tuple[Any, ...]] = set()
        for fact in self.draft.facts:
            context = context_of.get(fact.context_ref or "")
            if context is None or fact.value is None or fact.is_tuple:
                continue
            key = (fact.concept, context, unit_of.get(fact.unit_ref or ""), None if fact.numeric else fact.lang,
                   fact.parent)
            earlier = first.setdefault(key, fact)
            if earlier is fact or key in reported or _comparable(earlier) == _comparable(fact):
                continue
            reported.add(key)
            self.err("xbrl21:inconsistentDuplicates", f"{fact.prefixed} is reported twice for context "
                     f"{fact.context_ref!r} with different values: {earlier.value!r} (line {earlier.line}) and "
                     f"{fact.value!r}", **fact.where())

    # -- relationships in instances ----------------------------------------------------------------
    def essence_alias(self) -> None:
        model = self.dts.model
        if model is None:
            return
        pairs = [(r.source, r.target) for r in model.relationships(ESSENCE_ALIAS)]
        if not pairs:
            return
        wanted = {name for pair in pairs for name in pair}
        groups: dict[tuple[Any, ...], dict[str, list[DraftFact]]] = {}
        for fact in self.draft.facts:
            if fact.concept in wanted and not fact.nil and fact.value is not None:
                context = self.draft.contexts.get(fact.context_ref or "")
                if context is not None:
                    groups.setdefault((context.aspect_key, fact.parent), {}).setdefault(fact.concept, []).append(fact)
        for essence, alias in pairs:
            for group in groups.values():
                for a in group.get(essence, ()):
                    for b in group.get(alias, ()):
                        self.essence_alias_pair(a, b)

    def essence_alias_pair(self, essence: DraftFact, alias: DraftFact) -> None:
        if essence.numeric or alias.numeric:
            unit_a, unit_b = self.draft.units.get(essence.unit_ref or ""), self.draft.units.get(alias.unit_ref or "")
            if unit_a is None or unit_b is None:
                return
            if unit_a.aspect_key != unit_b.aspect_key:
                self.err("xbrl21:essenceAliasUnits", f"{essence.prefixed} and its alias {alias.prefixed} are reported "
                         "for one context with different units (XBRL 2.1 5.2.6.2.2)", **alias.where())
                return
            if not _numeric_v_equal(essence, alias):
                self.err("xbrl21:essenceAliasValues", f"{essence.prefixed} ({essence.value}) and its alias "
                         f"{alias.prefixed} ({alias.value}) differ (XBRL 2.1 5.2.6.2.2)", **alias.where())
        elif " ".join((essence.value or "").split()) != " ".join((alias.value or "").split()):
            self.err("xbrl21:essenceAliasValues", f"{essence.prefixed} and its alias {alias.prefixed} differ "
                     "(XBRL 2.1 5.2.6.2.2)", **alias.where())

    def requires_element(self) -> None:
        model = self.dts.model
        if model is None:
            return
        present = {f.concept for f in self.draft.facts}
        for relationship in model.relationships(REQUIRES_ELEMENT):
            if relationship.source in present and relationship.target not in present:
                fact = next(f for f in self.draft.facts if f.concept == relationship.source)
                self.err("xbrl21:requiresElement", f"{fact.prefixed} requires a fact of "
                         f"{relationship.target.rpartition('}')[2]}, and there is none (XBRL 2.1 5.2.6.2.4)",
                         **fact.where())


def _lexical_number(text: str) -> bool:
    value = text.strip()
    return bool(value) and value.lstrip("+-").replace(".", "", 1).replace("E", "").replace("e", "").lstrip(
        "+-").isdigit()


def _numeric_v_equal(a: DraftFact, b: DraftFact) -> bool:
    from exporter.validation.calc10 import inferred_decimals, round_to

    x, y = bounded_decimal(a.value), bounded_decimal(b.value)
    if x is None or y is None:
        return True
    dx, dy = inferred_decimals(a, x), inferred_decimals(b, y)
    decimals = dx if dy is None else dy if dx is None else min(dx, dy)
    if decimals is None:
        return x == y
    return round_to(x, decimals) == round_to(y, decimals)


def _comparable(fact: DraftFact) -> object:
    if fact.numeric:
        number = bounded_decimal(fact.value)
        return number if number is not None else fact.value
    return fact.value


def _describe_unit(unit: DraftUnit) -> str:
    def names(measures: tuple[str, ...]) -> str:
        return "*".join(m.split("}")[-1] for m in measures) or "nothing"
    return names(unit.numerators) + (f" / {names(unit.denominators)}" if unit.denominators else "")


def xbrl21_messages(draft: Draft, dts: Dts, *, profile: str = "eqi", complete: bool = True,
                    streamed: bool = False) -> list[Message]:
    """``complete``: the DTS could be read whole; else only the checks that need no taxonomy run.
    ``streamed``: the draft was read by the fast path (no tuples, no footnote links, no elements kept)."""
    checker = _Checker(draft, dts, profile)
    checker.complete = complete
    checker.schema_refs()
    checker.contexts()
    checker.facts()
    if complete:
        checker.essence_alias()
        checker.requires_element()
    if draft.kind == "instance" and not streamed:
        from exporter.validation.footnotes import footnote_messages

        checker.messages += footnote_messages(draft, dts)
    return checker.messages
