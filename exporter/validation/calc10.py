"""XBRL 2.1 calculations (5.2.5.2): summation-item consistency with inferred decimals.

In each calculation network (one base set), a summation item S binds when it is not nil, has at
least one contributing item (a fact of a target concept that is c-equal and u-equal with S and lies
within S's parent, so in the same tuple or below it), and neither S nor any contributing item is
duplicated. Each value is rounded to its decimals (inferred from precision as XBRL 2.1 4.6.6 says),
weights are applied after rounding, and the sum, rounded to S's decimals, must equal S rounded so
(round half to even, in exact decimal arithmetic). A fact with precision 0 tells nothing about its
value: a binding that involves one is inconsistent.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from exporter.validation.draft import Draft, DraftFact
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error
from exporter.validation.numbers import EXACT, bounded_decimal

SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
_EXACT = EXACT
MAX_DECIMALS = 2_000
_ZERO_PRECISION = object()


def inferred_decimals(fact: DraftFact, value: Decimal) -> int | object | None:
    """Decimals (None: exact, INF), or _ZERO_PRECISION when precision is 0 (nothing known)."""
    if fact.decimals is not None:
        text = fact.decimals.strip()
        if text == "INF":
            return None
        try:
            return max(-MAX_DECIMALS, min(MAX_DECIMALS, int(text)))
        except ValueError:
            return None
    precision = (fact.precision or "INF").strip()
    if precision == "INF":
        return None
    try:
        digits = int(precision)
    except ValueError:
        return None
    if digits == 0:
        return _ZERO_PRECISION
    if value == 0:
        return None
    return max(-MAX_DECIMALS, min(MAX_DECIMALS, digits - value.copy_abs().adjusted() - 1))


def round_to(value: Decimal, decimals: int | object | None) -> Decimal:
    if not isinstance(decimals, int):
        return value
    return value.quantize(Decimal(1).scaleb(-decimals), context=_EXACT)


def _number(fact: DraftFact) -> Decimal | None:
    return bounded_decimal(fact.value)


def calc10_messages(draft: Draft, dts: Dts) -> list[Message]:
    model = dts.model
    if model is None:
        return []
    networks = [model.network(key) for key in model.base_sets_of(SUMMATION_ITEM)]
    networks = [n for n in networks if n]
    if not networks:
        return []
    wanted = {name for network in networks for r in network for name in (r.source, r.target)}
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)  # (concept, context, unit) -> fact indices
    counts: dict[tuple[Any, ...], int] = defaultdict(int)  # duplicates: + parent
    facts = draft.facts
    for index, fact in enumerate(facts):
        if fact.concept not in wanted or fact.is_tuple:
            continue
        context = draft.contexts.get(fact.context_ref or "")
        unit = draft.units.get(fact.unit_ref or "")
        if context is None or unit is None:
            continue
        key = (fact.concept, context.aspect_key, unit.aspect_key)
        groups[key].append(index)
        counts[(*key, fact.parent)] += 1

    def ancestors(index: int) -> set[int]:
        found, parent = set(), facts[index].parent
        while parent >= 0 and parent not in found:
            found.add(parent)
            parent = facts[parent].parent
        return found

    messages: list[Message] = []
    for network in networks:
        items_of: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for relationship in network:
            weight = relationship.weight if relationship.weight is not None else Decimal(1)
            items_of[relationship.source].append((relationship.target, weight))
        for (concept, context_key, unit_key), indices in list(groups.items()):
            if concept not in items_of:
                continue
            for total_index in indices:
                total = facts[total_index]
                if total.nil or counts[(concept, context_key, unit_key, total.parent)] > 1:
                    continue
                contributions: list[tuple[DraftFact, Decimal]] = []
                duplicated = False
                for item, weight in items_of[concept]:
                    for item_index in groups.get((item, context_key, unit_key), ()):
                        candidate = facts[item_index]
                        if total.parent >= 0 and total.parent not in ancestors(item_index):
                            continue
                        if counts[(item, context_key, unit_key, candidate.parent)] > 1:
                            duplicated = True
                        if not candidate.nil:
                            contributions.append((candidate, weight))
                if duplicated or not contributions:
                    continue
                problem = _inconsistency(total, contributions)
                if problem is not None:
                    messages.append(error("calc:inconsistency", problem, file=draft.file, **total.where()))
    return messages


def _inconsistency(total: DraftFact, contributions: list[tuple[DraftFact, Decimal]]) -> str | None:
    value = _number(total)
    if value is None:
        return None
    total_decimals = inferred_decimals(total, value)
    parts = []
    summed = Decimal(0)
    zero_precision = total_decimals is _ZERO_PRECISION
    for fact, weight in contributions:
        number = _number(fact)
        if number is None:
            return None
        decimals = inferred_decimals(fact, number)
        zero_precision |= decimals is _ZERO_PRECISION
        summed = _EXACT.add(summed, _EXACT.multiply(round_to(number, decimals), weight))
        parts.append(f"{'' if weight == 1 else f'{weight} x '}{fact.prefixed} {fact.value.strip() if fact.value else ''}")
    if zero_precision:
        return (f"{total.prefixed} {total.value}: a fact in its calculation has precision 0, so its value is unknown "
                "and the calculation cannot hold (XBRL 2.1 5.2.5.2)")
    expected = round_to(summed, total_decimals)
    reported = round_to(value, total_decimals)
    if expected == reported:
        return None
    return (f"{total.prefixed} {total.value.strip() if total.value else ''} (rounded: {reported}) is not the sum of "
            f"its items, {' + '.join(parts)} = {summed} (rounded: {expected}), in context {total.context_ref!r} "
            "(XBRL 2.1 calculation)")
