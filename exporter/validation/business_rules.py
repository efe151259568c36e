"""The eqi taxonomy's business rules: the arithmetic the models enforce, checked on any draft.

The taxonomy states the same rules as XBRL Formula value assertions (``*_for.xml``, written by
``schemas/authoring/build_taxonomy.py``), so a processor that runs formulas agrees. This module
is our own implementation of those assertions (same variables, same matching), in exact decimal
arithmetic:

* ``rules:sharesEqualRightsTimesSharesPerRight``: rights x shares per right = shares;
* ``rules:allotmentsAddUpToRights``: the rights allotted by recipient category add up to the rights;
* ``rules:amountPerRightEqualsAmountPerShareTimesSharesPerRight``: per share x shares per right =
  per right.

As in the assertions, each variable matches its concept whatever the unit (the unit aspect is
covered), and the facts of one evaluation share every other aspect (entity, period and
dimensions; for allotments, all but the recipient category). Upper-limit concepts stand in for the
exact ones. Nil facts and values that could not be read take no part.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from itertools import product

from exporter.taxonomy.files import NAMESPACE
from exporter.validation.draft import Draft, DraftFact
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error
from exporter.validation.numbers import EXACT, bounded_decimal

_EXACT = EXACT
RECIPIENT_AXIS = f"{{{NAMESPACE}}}RecipientCategoryAxis"


def _concepts(*names: str) -> tuple[str, ...]:
    return tuple(f"{{{NAMESPACE}}}{name}" for name in names)


RIGHTS = _concepts("NumberOfStockAcquisitionRights", "NumberOfStockAcquisitionRightsUpperLimit")
SHARES = _concepts("NumberOfSharesUnderlyingStockAcquisitionRights",
                   "NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit")
SHARES_PER_RIGHT = _concepts("NumberOfSharesPerStockAcquisitionRight")
ALLOTTED = _concepts("NumberOfStockAcquisitionRightsAllotted", "NumberOfStockAcquisitionRightsAllottedUpperLimit")
PER_SHARE = _concepts("AmountPaidPerShare")
PER_RIGHT = _concepts("AmountPaidPerStockAcquisitionRight")
WANTED = frozenset(RIGHTS + SHARES + SHARES_PER_RIGHT + ALLOTTED + PER_SHARE + PER_RIGHT)


def _number(fact: DraftFact) -> Decimal | None:
    return bounded_decimal(fact.value)


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():,f}" if value != value.to_integral_value() else f"{int(value):,}"


class _Rules:
    def __init__(self, draft: Draft, dts: Dts):
        self.draft = draft
        self.messages: list[Message] = []
        recipients = dts.dimensions.get(RECIPIENT_AXIS)
        self.categories = (recipients.members - {recipients.domain}) if recipients else frozenset()
        # facts of each concept group by the aspects they must share
        self.by_context: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.by_context_but_recipient: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for fact in draft.facts:
            if fact.concept not in WANTED or fact.value is None:
                continue
            context = draft.contexts.get(fact.context_ref)
            number = _number(fact)
            if context is None or number is None:
                continue
            entry = (fact, number)
            self.by_context[context.aspect_key][fact.concept].append(entry)
            scheme, identifier, period, explicit, typed = context.aspect_key
            others = tuple((d, m) for d, m in explicit if d != RECIPIENT_AXIS)
            group = self.by_context_but_recipient[(scheme, identifier, period, others, typed)]
            if fact.concept in ALLOTTED:
                if context.explicit.get(RECIPIENT_AXIS) in self.categories:
                    group["allotted"].append(entry)
            else:
                group[fact.concept].append(entry)

    @staticmethod
    def _of(group: dict[str, list], concepts: tuple[str, ...]) -> list:
        return [entry for concept in concepts for entry in group.get(concept, ())]

    def report(self, code: str, fact: DraftFact, text: str) -> None:
        self.messages.append(error(code, text, file=self.draft.file, **fact.where()))

    def products(self, code: str, left: tuple, right: tuple, result: tuple, describe) -> None:
        for group in self.by_context.values():
            if len(group) < 3:
                continue  # three concepts needed
            for (a, x), (b, y), (c, z) in product(self._of(group, left), self._of(group, right),
                                                  self._of(group, result)):
                if _EXACT.multiply(x, y) != z:
                    self.report(code, c, describe(a, x, b, y, c, z))

    def allotments(self) -> None:
        for group in self.by_context_but_recipient.values():
            allotted = group.get("allotted")
            if not allotted:
                continue
            total = sum((number for _, number in allotted), Decimal(0))
            for fact, rights in self._of(group, RIGHTS):
                if total != rights:
                    parts = " + ".join(_fmt(number) for _, number in allotted)
                    self.report("rules:allotmentsAddUpToRights", fact,
                                f"the rights allotted by recipient category ({parts} = {_fmt(total)}) must add up "
                                f"to {fact.prefixed} ({_fmt(rights)})")


def business_rule_messages(draft: Draft, dts: Dts) -> list[Message]:
    rules = _Rules(draft, dts)
    rules.products(
        "rules:sharesEqualRightsTimesSharesPerRight", RIGHTS, SHARES_PER_RIGHT, SHARES,
        lambda a, x, b, y, c, z: f"{a.prefixed} x {b.prefixed} must equal {c.prefixed}: {_fmt(x)} x {_fmt(y)} = "
                                 f"{_fmt(x * y)}, but {c.prefixed} is {_fmt(z)}")
    rules.allotments()
    rules.products(
        "rules:amountPerRightEqualsAmountPerShareTimesSharesPerRight", PER_SHARE, SHARES_PER_RIGHT, PER_RIGHT,
        lambda a, x, b, y, c, z: f"{a.prefixed} x {b.prefixed} must equal {c.prefixed}: {_fmt(x)} x {_fmt(y)} = "
                                 f"{_fmt(x * y)}, but {c.prefixed} is {_fmt(z)}")
    return rules.messages
