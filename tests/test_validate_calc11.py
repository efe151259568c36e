"""Calculation 1.1 (round to nearest) on our own filings: totals too large and too small, items' own
precision, negative weights, duplicates, bindings by context and unit. Each case would pass if the
check lost a bound, a weight or a rounding."""
from __future__ import annotations

from decimal import Decimal
from functools import cache
from types import SimpleNamespace

import pytest
from conftest import SAMPLES
from lxml import etree

from exporter.export import render_filing
from exporter.sources import load_filing
from exporter.validation import calc11, validate_bytes

EQI = "{http://disclosure-exporter.dev/taxonomy/eqi/2026-11-25}"


@cache
def instance(sample: str) -> bytes:
    return render_filing(load_filing(SAMPLES / f"{sample}.yaml"), "en", stem=sample).instance


def calc(sample: str, change) -> set[str]:
    root = etree.fromstring(instance(sample))
    change(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return {m.code for m in validate_bytes(data, file="draft").messages if m.code.startswith(("calc", "xbrl21:incons"))}


def set_fact(name: str, value: str, decimals: str | None = None, index: int = 0):
    def change(root):
        element = root.findall(f"{EQI}{name}")[index]
        element.text = value
        if decimals is not None:
            element.set("decimals", decimals)
    return change


# Sakura: issue value 289,375,000 = amount paid 0 + exercise value 289,375,000, each stated to the yen.
@pytest.mark.parametrize("total, decimals, consistent", [
    ("289375000", "0", True),
    ("289374999", "0", True),  # the items' rounding: ±0.5 each
    ("289374998", "0", False),  # too small
    ("289375002", "0", False),  # too large
    ("288000000", "-6", False),  # 287.5M..288.5M: too small at millions
    ("289000000", "-6", True),
    ("289375000", "INF", True),
    ("289375001.5", "1", False),  # stated to the tenth: 289,375,001.45..289,375,001.55 misses ..001
])
def test_a_total_must_meet_the_sum_of_its_items(total, decimals, consistent):
    found = calc("sakura-robotics-2024-06-14", set_fact("AggregateIssueValue", total, decimals))
    assert ("calc11:inconsistency" not in found) is consistent, found


def test_an_item_stated_coarsely_widens_the_sum():
    coarse = set_fact("AggregateExerciseValue", "289000000", "-6")  # 288.5M..289.5M
    assert calc("sakura-robotics-2024-06-14", coarse) == set()
    def both(root):
        coarse(root)
        set_fact("AggregateIssueValue", "289600000", "-5")(root)  # 289.55M..289.65M: beyond 289.5M
    assert calc("sakura-robotics-2024-06-14", both) == {"calc11:inconsistency"}


def test_precision_counts_like_decimals():
    def change(root):
        total = root.find(f"{EQI}AggregateIssueValue")
        del total.attrib["decimals"]
        total.set("precision", "3")  # 289,000,000 stated to 3 significant digits: 288.5M..289.5M
        total.text = "289000000"
    assert calc("sakura-robotics-2024-06-14", change) == set()
    def wrong(root):
        change(root)
        root.find(f"{EQI}AggregateIssueValue").text = "291000000"
    assert calc("sakura-robotics-2024-06-14", wrong) == {"calc11:inconsistency"}


# Minato: net proceeds 888,000 thousand = gross 900,000,000 - issue costs 12,000 thousand (weight -1).
@pytest.mark.parametrize("net, consistent", [
    ("888000000", True),
    ("887000000", False),  # the costs subtracted twice would give this
    ("912000000", False),  # the costs added instead of subtracted
    ("889000000", False),
])
def test_a_negative_weight_subtracts(net, consistent):
    found = calc("minato-bio-2025-02-10", set_fact("EstimatedNetProceeds", net))
    assert ("calc11:inconsistency" not in found) is consistent, found


def test_consistent_duplicates_count_once_and_inconsistent_ones_are_left_to_their_rule():
    def duplicate(value: str):
        def change(root):
            total = root.find(f"{EQI}AggregateIssueValue")
            twin = etree.fromstring(etree.tostring(total))
            twin.text = value
            total.addnext(twin)
        return change
    assert calc("sakura-robotics-2024-06-14", duplicate("289375000")) == set()
    found = calc("sakura-robotics-2024-06-14", duplicate("1"))
    assert "calc11:inconsistency" not in found and "xbrl21:inconsistentDuplicates" in found


def test_facts_in_another_unit_are_another_binding():
    def change(root):
        total = root.find(f"{EQI}AggregateIssueValue")
        unit = etree.SubElement(root, "{http://www.xbrl.org/2003/instance}unit", id="USD")
        etree.SubElement(unit, "{http://www.xbrl.org/2003/instance}measure").text = "iso4217:USD"
        total.set("unitRef", "USD")  # now alone in its binding: nothing to add up
        total.text = "1"
    assert "calc11:inconsistency" not in calc("sakura-robotics-2024-06-14", change)


# The pieces, one by one: a fact's decimals, the interval it stands for, a binding's value, the numbers shown.

def fact(value: str | None, decimals: str | None = None, precision: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(value=value, decimals=decimals, precision=precision)


@pytest.mark.parametrize("decimals, precision, value, expected", [
    ("2", None, "1", Decimal(2)),
    (" -3 ", None, "1", Decimal(-3)),
    ("INF", None, "1", None),
    (" INF ", "5", "1", None),  # decimals wins over precision
    ("5000", None, "1", Decimal(1000)),  # bounded: no 10^5000 is built
    ("-5000", None, "1", Decimal(-1000)),
    (None, "3", "289000000", Decimal(-6)),  # 3 significant digits of a 9-digit number
    (None, " 4 ", "-0.01234", Decimal(5)),  # the sign does not count; a fraction's leading zeros do not
    (None, "1", "5", Decimal(0)),
    (None, "INF", "5", None),
    (None, None, "5", None),  # neither: exact
    (None, "3", "0", None),  # zero has no significant digits: exact
    (None, "5000", "1", Decimal(1000)),
    (None, "1", "1E+5000", Decimal(-1000)),
])
def test_decimals_of_a_fact(decimals, precision, value, expected):
    assert calc11._decimals(fact(value, decimals, precision), Decimal(value)) == expected


@pytest.mark.parametrize("value, decimals, expected", [
    ("100", "0", ((Decimal("99.5"), Decimal("100.5")), Decimal(0))),
    ("100", "-1", ((Decimal("95"), Decimal("105")), Decimal(-1))),
    ("-100", "-1", ((Decimal("-105"), Decimal("-95")), Decimal(-1))),
    ("123.44", "1", ((Decimal("123.35"), Decimal("123.45")), Decimal(1))),  # rounded first, then ± half
    ("7", "INF", ((Decimal(7), Decimal(7)), None)),
    ("abc", "0", None),
    ("7", "x", None),
    (None, "0", None),
])
def test_the_interval_a_fact_stands_for(value, decimals, expected):
    assert calc11._interval(fact(value, decimals)) == expected


def test_a_binding_value_takes_the_most_precise_of_consistent_duplicates():
    assert calc11._binding_value([]) is None
    assert calc11._binding_value([fact("abc", "0")]) is None
    coarse, fine = fact("100", "0"), fact("100.2", "1")
    assert calc11._binding_value([coarse, fine]) == (Decimal("100.15"), Decimal("100.25"))
    assert calc11._binding_value([fine, coarse]) == (Decimal("100.15"), Decimal("100.25"))
    assert calc11._binding_value([coarse, fact("100", "INF")]) == (Decimal(100), Decimal(100))
    assert calc11._binding_value([fact("abc", "0"), coarse]) == (Decimal("99.5"), Decimal("100.5"))
    # Intervals that only touch are consistent; apart, they are not.
    assert calc11._binding_value([fact("100", "0"), fact("101", "0")]) == (Decimal("99.5"), Decimal("100.5"))
    assert calc11._binding_value([fact("100", "0"), fact("102", "0")]) is False


@pytest.mark.parametrize("value, shown", [
    (Decimal("289375000"), "289375000"),
    (Decimal("2.89E+8"), "289000000"),
    (Decimal("5.0"), "5"),
    (Decimal("0E+2"), "0"),
    (Decimal("0.5"), "0.5"),
    (Decimal("1.50"), "1.50"),
    (Decimal("-12.25"), "-12.25"),
])
def test_numbers_in_messages_are_plain(value, shown):
    assert calc11._n(value) == shown


def test_the_message_names_the_total_its_interval_the_items_and_their_sum():
    root = etree.fromstring(instance("sakura-robotics-2024-06-14"))
    set_fact("AggregateIssueValue", "289374998", "0")(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    [message] = [m for m in validate_bytes(data, file="draft.xbrl").messages if m.code == "calc11:inconsistency"]
    total = etree.fromstring(data).find(f"{EQI}AggregateIssueValue")
    assert message.severity.value == "error" and message.file == "draft.xbrl"
    assert (message.line, message.xpath, message.concept) == (total.sourceline, "/xbrli:xbrl/eqi:AggregateIssueValue",
                                                              "eqi:AggregateIssueValue")
    assert message.message == (
        "eqi:AggregateIssueValue 289374998 (so between 289374997.5 and 289374998.5) does not match the sum of its "
        "items, eqi:AggregateAmountPaidForStockAcquisitionRights 0 + eqi:AggregateExerciseValue 289375000 (between "
        f"289374999 and 289375001), in context {total.get('contextRef')!r} (Calculation 1.1, round to nearest)")


def test_nil_facts_and_facts_without_context_or_unit_are_not_added_up():
    def nil_total(root):
        total = root.find(f"{EQI}AggregateIssueValue")
        total.text = None
        total.set("{http://www.w3.org/2001/XMLSchema-instance}nil", "true")
        del total.attrib["decimals"]
    assert "calc11:inconsistency" not in calc("sakura-robotics-2024-06-14", nil_total)

    def no_unit(root):
        total = root.find(f"{EQI}AggregateIssueValue")
        total.text = "1"
        total.set("unitRef", "missing")
    assert "calc11:inconsistency" not in calc("sakura-robotics-2024-06-14", no_unit)

    def no_context(root):
        total = root.find(f"{EQI}AggregateIssueValue")
        total.text = "1"
        total.set("contextRef", "missing")
    assert "calc11:inconsistency" not in calc("sakura-robotics-2024-06-14", no_context)


def test_a_total_without_items_in_its_binding_is_not_checked():
    def items_gone(root):
        for name in ("AggregateExerciseValue", "AggregateAmountPaidForStockAcquisitionRights"):
            for element in root.findall(f"{EQI}{name}"):
                root.remove(element)
        root.find(f"{EQI}AggregateIssueValue").text = "1"
    assert "calc11:inconsistency" not in calc("sakura-robotics-2024-06-14", items_gone)


# Minato's intervals: gross 899,999,999.5..900,000,000.5 (decimals 0), costs 11,999,500..12,000,500
# (decimals -3, weight -1), so net proceeds may be 887,999,499.5..888,000,500.5: the costs' upper bound
# gives the sum's lower bound and the other way round.
@pytest.mark.parametrize("net, consistent", [
    ("887999499.5", True),  # exactly the lower bound
    ("887999500", True),
    ("888000500", True),
    ("888000500.5", True),  # exactly the upper bound
    ("887999499", False),
    ("888000501", False),
])
def test_a_negative_weight_takes_the_opposite_bound(net, consistent):
    found = calc("minato-bio-2025-02-10", set_fact("EstimatedNetProceeds", net, "INF"))
    assert ("calc11:inconsistency" not in found) is consistent, found


def test_bindings_and_facts_that_are_passed_over_do_not_stop_the_check():
    def change(root):
        set_fact("EstimatedNetProceeds", "1")(root)
        first = root.find("{http://www.xbrl.org/2003/instance}context")
        # A binding with items but no total (the USD translation) and facts without a unit or a context,
        # all before the inconsistent binding.
        translation = next(e for e in root.findall(f"{EQI}GrossProceeds") if e.get("unitRef") != "JPY")
        first.addprevious(translation)
        for attribute in ("unitRef", "contextRef"):
            stray = etree.fromstring(etree.tostring(root.find(f"{EQI}EstimatedNetProceeds")))
            stray.set(attribute, "missing")
            first.addprevious(stray)
    assert "calc11:inconsistency" in calc("minato-bio-2025-02-10", change)


def test_an_item_with_inconsistent_duplicates_leaves_its_binding_unchecked():
    def change(root):
        item = root.find(f"{EQI}AggregateExerciseValue")
        twin = etree.fromstring(etree.tostring(item))
        twin.text = "5"
        item.addnext(twin)
        set_fact("AggregateIssueValue", "1")(root)
    found = calc("sakura-robotics-2024-06-14", change)
    assert "calc11:inconsistency" not in found and "xbrl21:inconsistentDuplicates" in found
