"""The rules stated values obey, declared once, and the one engine that checks them.

A rule relates concepts: a product (rights x shares per right = shares), a sum (amount paid +
exercise value = issue value), a breakdown over an axis (the categories' rights add up to the
rights), an order of dates, or a value a kind fixes (a stock-compensation option's 1-yen price).
The models check a filing by turning it into ``Statement`` s; the validator checks an instance by
turning its facts into the same statements; both get ``Finding`` objects naming the rule, the
statements involved and the numbers, and render them in their own words.

Rounding follows Calculation 1.1: a value stated to ``d`` decimals stands for the interval of
half a unit of its last digit around it. A product's factors are taken as stated (a notice's unit
price is exact); the product must fall in the interval of the stated result, so 102,345 x 1,283.5 =
131,359,807.5 stated as 131,359,808 is consistent. Sums and breakdowns are consistent when the
intervals of the items, added up, meet the interval of the total.

Facts about all tranches (no tranche member) apply to each tranche: a rule looks for an operand in
the tranche first, then in the notice as a whole. Values to be determined (None) are not checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from exporter.domain import concepts as c
from exporter.domain.concepts import Concept
from exporter.domain.dimensions import RECIPIENT_AXIS, TRANCHE_AXIS, Axis
from exporter.domain.kinds import IssuanceKind, token
from exporter.domain.text import Labels

Value = Decimal | str | date | bool | None
Where = tuple[tuple[str, str], ...]  # sorted (axis name, member key) pairs; () is the notice as a whole


@dataclass(frozen=True, slots=True)
class Statement:
    """One value a filing states: what, where (dimensions), and where it came from (``source``)."""

    concept: Concept
    value: Value  # None: to be determined
    where: Where = ()
    source: tuple[str | int, ...] = ()  # model path, or whatever locates a fact for its reader
    upper_limit: bool = False
    decimals: int | None = None  # None: exact (INF)
    lang: str | None = None  # text only
    currency: str | None = None  # amounts only (ISO 4217)

    @property
    def number(self) -> Decimal | None:
        return self.value if isinstance(self.value, Decimal) else None

    def half_unit(self) -> Decimal:
        return Decimal(0) if self.decimals is None else Decimal(5).scaleb(-self.decimals - 1)


@dataclass(frozen=True)
class Product:
    id: str
    factors: tuple[Concept, ...]
    result: Concept


@dataclass(frozen=True)
class Sum:
    id: str
    total: Concept
    items: tuple[tuple[Concept, int], ...]  # (concept, weight +1 or -1)


@dataclass(frozen=True)
class Breakdown:
    id: str
    part: Concept
    total: Concept
    axis: Axis


@dataclass(frozen=True)
class Order:
    id: str
    earlier: Concept
    later: Concept
    strict: bool = False


@dataclass(frozen=True)
class FixedByKind:
    id: str
    kind: IssuanceKind
    concept: Concept
    value: Decimal

    @property
    def kind_concept(self) -> Concept:
        return c.ISSUANCE_KIND


Rule = Product | Sum | Breakdown | Order | FixedByKind

RULES: tuple[Rule, ...] = (
    Product("shares_equal_rights_times_shares_per_right", (c.NUMBER_OF_RIGHTS, c.SHARES_PER_RIGHT), c.UNDERLYING_SHARES),
    Product("amount_per_right_equals_amount_per_share_times_shares_per_right",
            (c.AMOUNT_PER_SHARE, c.SHARES_PER_RIGHT), c.AMOUNT_PER_RIGHT),
    Product("aggregate_paid_equals_amount_per_right_times_rights", (c.AMOUNT_PER_RIGHT, c.NUMBER_OF_RIGHTS),
            c.AGGREGATE_PAID),
    Product("aggregate_exercise_value_equals_price_times_shares", (c.EXERCISE_PRICE, c.UNDERLYING_SHARES),
            c.AGGREGATE_EXERCISE),
    Sum("issue_value_equals_paid_plus_exercise_value", c.AGGREGATE_ISSUE, ((c.AGGREGATE_PAID, 1), (c.AGGREGATE_EXERCISE, 1))),
    Product("total_equals_price_times_shares", (c.PRICE_PER_SHARE, c.NUMBER_OF_SHARES), c.TOTAL_ISSUE_VALUE),
    Sum("total_equals_capital_plus_reserve", c.TOTAL_ISSUE_VALUE,
        ((c.CAPITAL_INCREASE, 1), (c.CAPITAL_RESERVE_INCREASE, 1))),
    Sum("net_proceeds_equal_gross_less_costs", c.NET_PROCEEDS, ((c.GROSS_PROCEEDS, 1), (c.ISSUE_COSTS, -1))),
    Breakdown("allotments_add_up_to_rights", c.RIGHTS_ALLOTTED, c.NUMBER_OF_RIGHTS, RECIPIENT_AXIS),
    Breakdown("allotments_add_up_to_shares", c.SHARES_ALLOTTED, c.NUMBER_OF_SHARES, RECIPIENT_AXIS),
    Breakdown("tranche_rights_add_up", c.NUMBER_OF_RIGHTS, c.NUMBER_OF_RIGHTS, TRANCHE_AXIS),
    Breakdown("tranche_shares_add_up", c.NUMBER_OF_SHARES, c.NUMBER_OF_SHARES, TRANCHE_AXIS),
    Breakdown("tranche_totals_add_up", c.TOTAL_ISSUE_VALUE, c.TOTAL_ISSUE_VALUE, TRANCHE_AXIS),
    Order("announced_after_earlier_notice", c.EARLIER_NOTICE_DATE, c.ANNOUNCEMENT_DATE),
    Order("announced_after_resolution", c.BOARD_RESOLUTION_DATE, c.ANNOUNCEMENT_DATE),
    Order("determined_after_resolution", c.BOARD_RESOLUTION_DATE, c.DETERMINATION_DATE),
    Order("allotted_after_determination", c.DETERMINATION_DATE, c.ALLOTMENT_DATE),
    Order("allotted_after_resolution", c.BOARD_RESOLUTION_DATE, c.ALLOTMENT_DATE),
    Order("exercisable_after_allotment", c.ALLOTMENT_DATE, c.EXERCISE_START),
    Order("exercise_period_in_order", c.EXERCISE_START, c.EXERCISE_END, strict=True),
    Order("paid_after_resolution", c.BOARD_RESOLUTION_DATE, c.PAYMENT_DATE),
    Order("disposed_after_resolution", c.BOARD_RESOLUTION_DATE, c.DISPOSAL_DATE),
    Order("payment_period_in_order", c.PAYMENT_PERIOD_START, c.PAYMENT_PERIOD_END),
    Order("restriction_period_in_order", c.RESTRICTION_START, c.RESTRICTION_END, strict=True),
    FixedByKind("stock_compensation_price_is_one_yen", IssuanceKind.STOCK_COMPENSATION_OPTIONS, c.EXERCISE_PRICE,
                Decimal(1)),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def code_of(rule: Rule) -> str:
    """The validator's message code for a broken rule: ``rules:`` and the id in lowerCamelCase."""
    name = token(rule.id)
    return f"rules:{name[:1].lower()}{name[1:]}"


def formula_of(rule: Rule) -> str:
    """The rule in one line, by concept names (docs, message codes)."""
    if isinstance(rule, Product):
        return " × ".join(f.name for f in rule.factors) + f" = {rule.result.name}"
    if isinstance(rule, Sum):
        items = " ".join(f"{'+' if w > 0 else '-'} {c.name}" for c, w in rule.items).lstrip("+ ")
        return f"{items} = {rule.total.name}"
    if isinstance(rule, Breakdown):
        return f"Σ {rule.part.name} over {rule.axis.name} = {rule.total.name}"
    if isinstance(rule, Order):
        return f"{rule.earlier.name} {'<' if rule.strict else '≤'} {rule.later.name}"
    return f"{rule.concept.name} = {rule.value} for {rule.kind.value}"


def concepts_of(rule: Rule) -> tuple[Concept, ...]:
    """Every concept a rule reads: only statements of these can take part in its findings."""
    if isinstance(rule, Product):
        return (*rule.factors, rule.result)
    if isinstance(rule, Sum):
        return (rule.total, *(concept for concept, _ in rule.items))
    if isinstance(rule, Breakdown):
        return (rule.part, rule.total)
    if isinstance(rule, Order):
        return (rule.earlier, rule.later)
    return (rule.concept, rule.kind_concept)


def checked_by_formulas(rule: Rule) -> bool:
    """Every rule but the sums, which the calculation linkbase states (and processors check as such)."""
    return not isinstance(rule, Sum)

# How each kind of rule reads, for messages and docs.
RULE_KINDS: dict[type, Labels] = {
    Product: Labels("product", "積"),
    Sum: Labels("sum", "和"),
    Breakdown: Labels("breakdown", "内訳"),
    Order: Labels("order of dates", "日付の順序"),
    FixedByKind: Labels("value fixed by the kind", "種類により定まる値"),
}


@dataclass(frozen=True)
class Finding:
    """A rule the stated values break: the statements involved, and what the rule expected.

    ``result`` is the statement that disagrees (the product, total, later date, ...);
    ``operands`` the others, in the rule's order. ``expected`` is the computed value for numeric
    rules. ``limit`` is set when only exactness disagrees (an exact total over upper-limit parts).
    """

    rule: Rule
    result: Statement
    operands: tuple[Statement, ...]
    expected: Decimal | None = None
    limit: bool = False


def _without(where: Where, axis: Axis) -> Where:
    return tuple(pair for pair in where if pair[0] != axis.name)


class _Index:
    def __init__(self, statements: Iterable[Statement]):
        self.by_concept: dict[str, dict[Where, Statement]] = defaultdict(dict)
        for statement in statements:
            self.by_concept[statement.concept.name].setdefault(statement.where, statement)

    def get(self, concept: Concept, where: Where) -> Statement | None:
        """The statement at ``where``, else the notice-wide one (facts about all tranches apply to each)."""
        found = self.by_concept.get(concept.name, {})
        return found.get(where) or found.get(_without(where, TRANCHE_AXIS))

    def all(self, concept: Concept) -> list[Statement]:
        return list(self.by_concept.get(concept.name, {}).values())


def _meets(low: Decimal, high: Decimal, statement: Statement, value: Decimal) -> bool:
    half = statement.half_unit()
    return low <= value + half and value - half <= high


def _product(rule: Product, index: _Index) -> Iterable[Finding]:
    for result in index.all(rule.result):
        factors = [index.get(factor, result.where) for factor in rule.factors]
        if result.number is None or any(f is None or f.number is None for f in factors):
            continue
        operands = tuple(f for f in factors if f is not None)
        expected = Decimal(1)
        for factor in operands:
            expected *= factor.number or Decimal(0)
        if not _meets(expected, expected, result, result.number):
            yield Finding(rule, result, operands, expected)
        elif rule.result.upper_limit and result.upper_limit != any(f.upper_limit for f in operands):
            yield Finding(rule, result, operands, expected, limit=True)


def _sum(rule: Sum, index: _Index) -> Iterable[Finding]:
    for total in index.all(rule.total):
        items = [(index.get(concept, total.where), weight) for concept, weight in rule.items]
        present = [(s, w) for s, w in items if s is not None and s.number is not None]
        if total.number is None or not present:
            continue
        expected = sum((s.number * w for s, w in present if s.number is not None), Decimal(0))
        slack = sum((s.half_unit() for s, _ in present), Decimal(0))
        if not _meets(expected - slack, expected + slack, total, total.number):
            yield Finding(rule, total, tuple(s for s, _ in present), expected)


def _breakdown(rule: Breakdown, index: _Index) -> Iterable[Finding]:
    parts_by_rest: dict[Where, list[Statement]] = defaultdict(list)
    for part in index.all(rule.part):
        if any(axis == rule.axis.name for axis, _ in part.where):
            parts_by_rest[_without(part.where, rule.axis)].append(part)
    for rest, parts in parts_by_rest.items():
        total = index.by_concept.get(rule.total.name, {}).get(rest)
        if total is None or total.number is None or any(p.number is None for p in parts):
            continue
        expected = sum((p.number for p in parts if p.number is not None), Decimal(0))
        slack = sum((p.half_unit() for p in parts), Decimal(0))
        if not _meets(expected - slack, expected + slack, total, total.number):
            yield Finding(rule, total, tuple(parts), expected)
        elif not total.upper_limit and any(p.upper_limit for p in parts):
            yield Finding(rule, total, tuple(parts), expected, limit=True)


def _order(rule: Order, index: _Index) -> Iterable[Finding]:
    # Pairs by identity, in order of first appearance (a statement's hash would hash its concept).
    pairs: dict[tuple[int, int], tuple[Statement, Statement]] = {}
    for later in index.all(rule.later):
        earlier = index.get(rule.earlier, later.where)
        if earlier is not None:
            pairs.setdefault((id(earlier), id(later)), (earlier, later))
    # Tranche-specific earlier dates against a notice-wide later one.
    notice_wide = index.by_concept.get(rule.later.name, {}).get(())
    if notice_wide is not None:
        for earlier in index.all(rule.earlier):
            if earlier.where:
                pairs.setdefault((id(earlier), id(notice_wide)), (earlier, notice_wide))
    for earlier, later in pairs.values():
        if not isinstance(earlier.value, date) or not isinstance(later.value, date):
            continue
        if earlier.value > later.value or (rule.strict and earlier.value == later.value):
            yield Finding(rule, later, (earlier,))


def _fixed(rule: FixedByKind, index: _Index) -> Iterable[Finding]:
    for statement in index.all(rule.concept):
        kind = index.get(c.ISSUANCE_KIND, statement.where)
        if kind is not None and kind.value == token(rule.kind) and statement.number is not None \
                and statement.number != rule.value:
            yield Finding(rule, statement, (kind,), rule.value)


def _subject(rule: Rule) -> Concept:
    """The concept without whose statements a rule has nothing to check."""
    if isinstance(rule, Product):
        return rule.result
    if isinstance(rule, Sum):
        return rule.total
    if isinstance(rule, Breakdown):
        return rule.part
    if isinstance(rule, Order):
        return rule.earlier
    return rule.concept


def check(statements: Sequence[Statement], rules: Iterable[Rule] = RULES) -> list[Finding]:
    """Every finding of ``rules`` on ``statements``, in rule order then statement order."""
    index = _Index(statements)
    findings: list[Finding] = []
    for rule in rules:
        if _subject(rule).name not in index.by_concept:
            continue
        if isinstance(rule, Product):
            findings.extend(_product(rule, index))
        elif isinstance(rule, Sum):
            findings.extend(_sum(rule, index))
        elif isinstance(rule, Breakdown):
            findings.extend(_breakdown(rule, index))
        elif isinstance(rule, Order):
            findings.extend(_order(rule, index))
        else:
            findings.extend(_fixed(rule, index))
    return findings
