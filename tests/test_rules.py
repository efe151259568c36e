"""The one rule engine: products, sums, breakdowns, orders and kind-fixed values, with Calculation 1.1
rounding. Each test would fail if its rule were dropped or its comparison loosened or tightened."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from exporter.domain import concepts as c
from exporter.domain.rules import (
    BY_ID,
    RULES,
    Breakdown,
    Order,
    Product,
    Statement,
    Sum,
    check,
    checked_by_formulas,
    formula_of,
)


def s(concept, value, where=(), *, decimals=None, upper=False):
    number = D(value) if concept.type.numeric and isinstance(value, (int, str)) else value
    return Statement(concept, number, tuple(sorted(where)), (concept.name,), upper_limit=upper, decimals=decimals)


def ids(statements, rule=None):
    return [f.rule.id for f in check(statements, [BY_ID[rule]] if rule else RULES)]


PRODUCT = "shares_equal_rights_times_shares_per_right"
TOTAL = "total_equals_price_times_shares"


def test_exact_product_holds_and_any_difference_is_found():
    base = [s(c.NUMBER_OF_RIGHTS, 151), s(c.SHARES_PER_RIGHT, 200)]
    assert ids([*base, s(c.UNDERLYING_SHARES, 30200)], PRODUCT) == []
    assert ids([*base, s(c.UNDERLYING_SHARES, 30201)], PRODUCT) == [PRODUCT]
    assert ids([*base, s(c.UNDERLYING_SHARES, 30199)], PRODUCT) == [PRODUCT]
    finding = check([*base, s(c.UNDERLYING_SHARES, 30000)], [BY_ID[PRODUCT]])[0]
    assert finding.expected == 30200 and finding.result.value == 30000
    assert [o.concept for o in finding.operands] == [c.NUMBER_OF_RIGHTS, c.SHARES_PER_RIGHT]


@pytest.mark.parametrize("total, decimals, consistent", [
    (131359808, 0, True),  # 131,359,807.5 rounds to it
    (131359807, 0, True),  # the other neighbour of an exact half is also within half a unit
    (131359809, 0, False),
    (131359806, 0, False),
    (131360000, -3, True),  # stated in thousands
    (131359000, -3, False),
])
def test_product_is_compared_to_the_stated_precision(total, decimals, consistent):
    statements = [s(c.PRICE_PER_SHARE, "1283.5", decimals=1), s(c.NUMBER_OF_SHARES, 102345),
                  s(c.TOTAL_ISSUE_VALUE, total, decimals=decimals)]
    assert ids(statements, TOTAL) == ([] if consistent else [TOTAL])


def test_missing_or_undetermined_operands_are_not_checked():
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), s(c.UNDERLYING_SHARES, 1)], PRODUCT) == []
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), s(c.SHARES_PER_RIGHT, None), s(c.UNDERLYING_SHARES, 1)], PRODUCT) == []
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), s(c.SHARES_PER_RIGHT, 2), s(c.UNDERLYING_SHARES, None)], PRODUCT) == []


def test_limits_must_agree_where_the_result_may_be_a_limit():
    rights, per = s(c.NUMBER_OF_RIGHTS, 10, upper=True), s(c.SHARES_PER_RIGHT, 100)
    assert ids([rights, per, s(c.UNDERLYING_SHARES, 1000, upper=True)], PRODUCT) == []
    finding = check([rights, per, s(c.UNDERLYING_SHARES, 1000)], [BY_ID[PRODUCT]])[0]
    assert finding.limit
    exact = s(c.NUMBER_OF_RIGHTS, 10)
    assert [f.limit for f in check([exact, per, s(c.UNDERLYING_SHARES, 1000, upper=True)], [BY_ID[PRODUCT]])] == [True]
    # An aggregate exercise value cannot be a limit: computed from a limit, it is simply the maximum.
    rule = "aggregate_exercise_value_equals_price_times_shares"
    assert ids([s(c.EXERCISE_PRICE, 10), s(c.UNDERLYING_SHARES, 1000, upper=True),
                s(c.AGGREGATE_EXERCISE, 10000)], rule) == []


def test_notice_wide_values_apply_to_each_tranche_but_not_the_reverse():
    tranche = (("TrancheAxis", "1"),)
    statements = [s(c.PRICE_PER_SHARE, 10), s(c.NUMBER_OF_SHARES, 5, tranche), s(c.TOTAL_ISSUE_VALUE, 51, tranche)]
    assert ids(statements, TOTAL) == [TOTAL]
    statements = [s(c.PRICE_PER_SHARE, 10, tranche), s(c.NUMBER_OF_SHARES, 5), s(c.TOTAL_ISSUE_VALUE, 51)]
    assert ids(statements, TOTAL) == []


def test_sums_use_weights_and_the_items_precision():
    rule = "net_proceeds_equal_gross_less_costs"
    gross, costs = s(c.GROSS_PROCEEDS, 8765198000, decimals=0), s(c.ISSUE_COSTS, 13783000, decimals=-3)
    assert ids([gross, costs, s(c.NET_PROCEEDS, 8751415000, decimals=0)], rule) == []
    assert ids([gross, costs, s(c.NET_PROCEEDS, 8751416000, decimals=0)], rule) == [rule]  # beyond 500 + 0.5 + 0.5
    assert ids([gross, costs, s(c.NET_PROCEEDS, 8751415500, decimals=0)], rule) == []  # within the costs' 500
    assert ids([gross, costs, s(c.NET_PROCEEDS, 8751415502, decimals=0)], rule) == [rule]
    finding = check([gross, costs, s(c.NET_PROCEEDS, 1, decimals=0)], [BY_ID[rule]])[0]
    assert finding.expected == 8751415000


def test_a_sum_with_one_item_present_checks_that_item_alone():
    rule = "issue_value_equals_paid_plus_exercise_value"
    assert ids([s(c.AGGREGATE_EXERCISE, 100, decimals=0), s(c.AGGREGATE_ISSUE, 100, decimals=0)], rule) == []
    assert ids([s(c.AGGREGATE_EXERCISE, 100, decimals=0), s(c.AGGREGATE_ISSUE, 102, decimals=0)], rule) == [rule]
    assert ids([s(c.AGGREGATE_ISSUE, 102, decimals=0)], rule) == []


def recipients(*values, upper=False):
    return [s(c.RIGHTS_ALLOTTED, v, (("RecipientCategoryAxis", f"k{i}"),), upper=upper) for i, v in enumerate(values)]


def test_breakdowns_add_up_exactly_for_counts():
    rule = "allotments_add_up_to_rights"
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, 51)], rule) == []
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, 50)], rule) == [rule]
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, 52)], rule) == [rule]
    assert ids([*recipients(100, 50)], rule) == []  # no total stated
    assert ids([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, None)], rule) == []  # a part to be determined


def test_an_exact_total_cannot_be_made_of_limits_but_a_limit_can_be_made_of_exact_parts():
    rule = "allotments_add_up_to_rights"
    assert [f.limit for f in check([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, 51, upper=True)],
                                   [BY_ID[rule]])] == [True]
    assert ids([s(c.NUMBER_OF_RIGHTS, 151, upper=True), *recipients(100, 51)], rule) == []


def test_tranches_add_up_to_the_notice_wide_total_only():
    rule = "tranche_shares_add_up"
    parts = [s(c.NUMBER_OF_SHARES, 3200, (("TrancheAxis", "1"),)), s(c.NUMBER_OF_SHARES, 400, (("TrancheAxis", "2"),))]
    assert ids([s(c.NUMBER_OF_SHARES, 3600), *parts], rule) == []
    assert ids([s(c.NUMBER_OF_SHARES, 3700), *parts], rule) == [rule]
    assert ids(parts, rule) == []
    # Allotments within a tranche add up to that tranche, not to the notice.
    allotted = [s(c.SHARES_ALLOTTED, 3200, (("RecipientCategoryAxis", "eo"), ("TrancheAxis", "1")))]
    assert ids([*parts, *allotted], "allotments_add_up_to_shares") == []
    assert ids([s(c.NUMBER_OF_SHARES, 3100, (("TrancheAxis", "1"),)), *allotted],
               "allotments_add_up_to_shares") == ["allotments_add_up_to_shares"]


def test_dates_in_order_strict_and_not():
    rule = "allotted_after_resolution"
    resolved = s(c.BOARD_RESOLUTION_DATE, date(2015, 6, 26))
    assert ids([resolved, s(c.ALLOTMENT_DATE, date(2015, 6, 26))], rule) == []
    assert ids([resolved, s(c.ALLOTMENT_DATE, date(2015, 6, 25))], rule) == [rule]
    strict = "exercise_period_in_order"
    start = s(c.EXERCISE_START, date(2015, 8, 1))
    assert ids([start, s(c.EXERCISE_END, date(2015, 8, 1))], strict) == [strict]
    assert ids([start, s(c.EXERCISE_END, date(2015, 8, 2))], strict) == []
    tranche = (("TrancheAxis", "2"),)
    assert ids([resolved, s(c.ALLOTMENT_DATE, date(2015, 6, 1), tranche)], rule) == [rule]
    # A tranche's own earlier date against a notice-wide later one.
    assert ids([s(c.BOARD_RESOLUTION_DATE, date(2015, 7, 1), tranche), s(c.ALLOTMENT_DATE, date(2015, 6, 30))],
               rule) == [rule]


def test_stock_compensation_options_have_a_one_yen_price():
    rule = "stock_compensation_price_is_one_yen"
    kind = s(c.ISSUANCE_KIND, "StockCompensationOptions")
    assert ids([kind, s(c.EXERCISE_PRICE, 1, decimals=0)], rule) == []
    assert ids([kind, s(c.EXERCISE_PRICE, 2, decimals=0)], rule) == [rule]
    assert ids([s(c.ISSUANCE_KIND, "StockOptions"), s(c.EXERCISE_PRICE, 2, decimals=0)], rule) == []


def test_every_rule_is_declared_once_and_kinds_are_covered():
    assert len(BY_ID) == len(RULES)
    assert {type(rule) for rule in RULES} >= {Product, Sum, Breakdown, Order}


def describe_all(statements, rule):
    """Every finding in full: rule, what disagrees and its value, the operands' concepts, expected, limit."""
    return [(f.rule.id, f.result.concept.name, f.result.value, tuple(o.concept.name for o in f.operands),
             f.expected, f.limit) for f in check(statements, [BY_ID[rule]])]


def test_findings_name_the_rule_the_statements_and_the_numbers():
    rights, per = s(c.NUMBER_OF_RIGHTS, 10, upper=True), s(c.SHARES_PER_RIGHT, 100)
    assert describe_all([rights, per, s(c.UNDERLYING_SHARES, 1000)], PRODUCT) == [
        (PRODUCT, c.UNDERLYING_SHARES.name, 1000, (c.NUMBER_OF_RIGHTS.name, c.SHARES_PER_RIGHT.name), 1000, True)]
    rule = "allotments_add_up_to_rights"
    assert describe_all([s(c.NUMBER_OF_RIGHTS, 151), *recipients(100, 51, upper=True)], rule) == [
        (rule, c.NUMBER_OF_RIGHTS.name, 151, (c.RIGHTS_ALLOTTED.name,) * 2, 151, True)]
    assert describe_all([s(c.NUMBER_OF_RIGHTS, 150), *recipients(100, 51)], rule) == [
        (rule, c.NUMBER_OF_RIGHTS.name, 150, (c.RIGHTS_ALLOTTED.name,) * 2, 151, False)]
    fixed = "stock_compensation_price_is_one_yen"
    assert describe_all([s(c.ISSUANCE_KIND, "StockCompensationOptions"), s(c.EXERCISE_PRICE, 2)], fixed) == [
        (fixed, c.EXERCISE_PRICE.name, 2, (c.ISSUANCE_KIND.name,), 1, False)]
    order = "allotted_after_resolution"
    assert describe_all([s(c.BOARD_RESOLUTION_DATE, date(2015, 6, 26)), s(c.ALLOTMENT_DATE, date(2015, 6, 1))],
                        order) == [(order, c.ALLOTMENT_DATE.name, date(2015, 6, 1), (c.BOARD_RESOLUTION_DATE.name,),
                                    None, False)]
    rule = "net_proceeds_equal_gross_less_costs"
    assert describe_all([s(c.GROSS_PROCEEDS, 100, decimals=0), s(c.ISSUE_COSTS, 10, decimals=0),
                         s(c.NET_PROCEEDS, 80, decimals=0)], rule) == [
        (rule, c.NET_PROCEEDS.name, 80, (c.GROSS_PROCEEDS.name, c.ISSUE_COSTS.name), 90, False)]


def test_a_skipped_statement_does_not_stop_the_others_from_being_checked():
    t1, t2 = (("TrancheAxis", "1"),), (("TrancheAxis", "2"),)
    # Tranche 1 cannot be checked (no shares per right); tranche 2 can, and disagrees.
    statements = [s(c.NUMBER_OF_RIGHTS, 1, t1), s(c.UNDERLYING_SHARES, 5, t1),
                  s(c.NUMBER_OF_RIGHTS, 2, t2), s(c.SHARES_PER_RIGHT, 10, t2), s(c.UNDERLYING_SHARES, 21, t2)]
    assert [f.result.where for f in check(statements, [BY_ID[PRODUCT]])] == [t2]
    rule = "issue_value_equals_paid_plus_exercise_value"
    statements = [s(c.AGGREGATE_ISSUE, 5, t1, decimals=0), s(c.AGGREGATE_EXERCISE, 3, t2, decimals=0),
                  s(c.AGGREGATE_ISSUE, 9, t2, decimals=0)]
    assert [f.result.where for f in check(statements, [BY_ID[rule]])] == [t2]
    rule = "allotments_add_up_to_rights"
    statements = [*recipients(1), s(c.RIGHTS_ALLOTTED, 5, (("RecipientCategoryAxis", "a"), ("TrancheAxis", "2"))),
                  s(c.NUMBER_OF_RIGHTS, 6, t2)]
    assert [f.result.where for f in check(statements, [BY_ID[rule]])] == [t2]
    fixed = "stock_compensation_price_is_one_yen"
    statements = [s(c.EXERCISE_PRICE, None), s(c.ISSUANCE_KIND, "StockCompensationOptions", t2),
                  s(c.EXERCISE_PRICE, 3, t2)]
    assert [f.result.where for f in check(statements, [BY_ID[fixed]])] == [t2]


def test_several_earlier_dates_are_each_compared():
    rule = "allotted_after_resolution"
    t1, t2 = (("TrancheAxis", "1"),), (("TrancheAxis", "2"),)
    statements = [s(c.BOARD_RESOLUTION_DATE, date(2015, 6, 1), t1), s(c.BOARD_RESOLUTION_DATE, date(2015, 7, 1), t2),
                  s(c.ALLOTMENT_DATE, date(2015, 6, 15))]
    assert [(f.result.value, f.operands[0].value) for f in check(statements, [BY_ID[rule]])] == [
        (date(2015, 6, 15), date(2015, 7, 1))]
    assert check([s(c.BOARD_RESOLUTION_DATE, "not a date"), s(c.ALLOTMENT_DATE, date(2015, 6, 15))],
                 [BY_ID[rule]]) == []


def test_breakdown_slack_is_symmetric_and_counts_each_part():
    rule = "tranche_totals_add_up"
    parts = [s(c.TOTAL_ISSUE_VALUE, 1000, (("TrancheAxis", str(i)),), decimals=-3) for i in (1, 2)]
    for total, consistent in ((2000, True), (3000, True), (1000, True), (3002, False), (998, False)):
        statements = [*parts, s(c.TOTAL_ISSUE_VALUE, D(str(total)), decimals=0)]
        assert ids(statements, rule) == ([] if consistent else [rule]), total
    statements = [*parts, s(c.TOTAL_ISSUE_VALUE, 4000, decimals=-3)]
    assert describe_all(statements, rule)[0][4] == 2000


@pytest.mark.parametrize("rule_id, formula", [
    ("shares_equal_rights_times_shares_per_right",
     "NumberOfStockAcquisitionRights × NumberOfSharesPerStockAcquisitionRight = "
     "NumberOfSharesUnderlyingStockAcquisitionRights"),
    ("issue_value_equals_paid_plus_exercise_value",
     "AggregateAmountPaidForStockAcquisitionRights + AggregateExerciseValue = AggregateIssueValue"),
    ("net_proceeds_equal_gross_less_costs", "GrossProceeds - EstimatedIssueCosts = EstimatedNetProceeds"),
    ("allotments_add_up_to_rights",
     "Σ NumberOfStockAcquisitionRightsAllotted over RecipientCategoryAxis = NumberOfStockAcquisitionRights"),
    ("announced_after_resolution", "BoardResolutionDate ≤ AnnouncementDate"),
    ("exercise_period_in_order", "ExercisePeriodStartDate < ExercisePeriodEndDate"),
    ("stock_compensation_price_is_one_yen", "ExercisePricePerShare = 1 for stock_compensation_options"),
])
def test_each_kind_of_rule_reads_as_one_line(rule_id, formula):
    assert formula_of(BY_ID[rule_id]) == formula


def test_only_sums_are_left_to_the_calculation_linkbase():
    assert {type(rule) for rule in RULES if not checked_by_formulas(rule)} == {Sum}
    assert all(checked_by_formulas(rule) for rule in RULES if not isinstance(rule, Sum))
