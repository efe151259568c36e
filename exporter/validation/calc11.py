"""XBRL Calculations 1.1, round-to-nearest: summation-item totals against their items.

For each summation in the calculation linkbase and each binding (facts of the total and its items
with the same context aspects and unit), every fact stands for the interval of values that round
to it at its ``decimals`` (``[v - 10^-d/2, v + 10^-d/2]``; a point when decimals is INF). The
total is consistent when its interval meets the weighted sum of its items' intervals. Consistent
duplicates count once, at their most precise; bindings with inconsistent duplicates are left to
``xbrl21:inconsistentDuplicates``. An inconsistency is an error (``calc11:inconsistency``).
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from exporter.validation.draft import Draft, DraftFact
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error
from exporter.validation.numbers import EXACT, MAX_EXPONENT, bounded_decimal, quantize

Interval = tuple[Decimal, Decimal]


def _decimals(fact: DraftFact, value: Decimal) -> Decimal | None:
    """The fact's decimals as a number (INF as None); precision is converted as XBRL 2.1 4.6.6 says."""
    if fact.decimals is not None:
        text = fact.decimals.strip()
        return None if text == "INF" else Decimal(max(-MAX_EXPONENT, min(MAX_EXPONENT, int(text))))
    precision = (fact.precision or "INF").strip()
    if precision == "INF":
        return None
    if value == 0:
        return None
    return Decimal(max(-MAX_EXPONENT, min(MAX_EXPONENT, int(precision) - value.copy_abs().adjusted() - 1)))


def _interval(fact: DraftFact) -> tuple[Interval, Decimal | None] | None:
    value = bounded_decimal(fact.value)
    if value is None:
        return None
    try:
        decimals = _decimals(fact, value)
    except (InvalidOperation, ValueError, AttributeError):
        return None
    if decimals is None:
        return (value, value), None
    half = Decimal(5).scaleb(-int(decimals) - 1, context=EXACT)
    rounded = quantize(value, int(decimals))
    return (EXACT.subtract(rounded, half), EXACT.add(rounded, half)), decimals


def _binding_value(facts: list[DraftFact]) -> Interval | bool | None:
    """The interval a concept contributes to a binding; False when its duplicates disagree."""
    readings = [r for r in (_interval(f) for f in facts) if r is not None]
    if not readings:
        return None
    if max(low for (low, _), _ in readings) > min(high for (_, high), _ in readings):
        return False  # inconsistent duplicates
    return max(readings, key=lambda r: Decimal("Infinity") if r[1] is None else r[1])[0]


def calc_messages(draft: Draft, dts: Dts) -> list[Message]:
    if not dts.summations:
        return []
    wanted = {s.total for s in dts.summations} | {c for s in dts.summations for c, _ in s.items}
    bound: dict[tuple, dict[str, list[DraftFact]]] = defaultdict(lambda: defaultdict(list))
    for fact in draft.facts:
        if fact.concept not in wanted or fact.value is None:
            continue
        context, unit = draft.contexts.get(fact.context_ref), draft.units.get(fact.unit_ref or "")
        if context is None or unit is None:
            continue
        bound[(context.aspect_key, unit.aspect_key)][fact.concept].append(fact)
    messages = []
    for summation in dts.summations:
        for binding in bound.values():
            totals = binding.get(summation.total)
            items = [(binding[c], weight) for c, weight in summation.items if c in binding]
            if not totals or not items:
                continue
            total = _binding_value(totals)
            parts = [(_binding_value(facts), weight) for facts, weight in items]
            if total in (None, False) or any(p in (None, False) for p, _ in parts):
                continue
            low = sum((EXACT.multiply(Decimal(w), lo if w > 0 else hi) for (lo, hi), w in parts), Decimal(0))
            high = sum((EXACT.multiply(Decimal(w), hi if w > 0 else lo) for (lo, hi), w in parts), Decimal(0))
            if total[1] < low or total[0] > high:
                fact = totals[0]
                names = " + ".join(f"{f[0].prefixed} {f[0].value}" for f, _ in items)
                messages.append(error(
                    "calc11:inconsistency", f"{fact.prefixed} {fact.value} (so between {_n(total[0])} and "
                    f"{_n(total[1])}) does not match the sum of its items, {names} (between {_n(low)} and "
                    f"{_n(high)}), in context {fact.context_ref!r} (Calculation 1.1, round to nearest)",
                    file=draft.file, **fact.where()))
    return messages


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
