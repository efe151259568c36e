"""Calculation 1.1 (round to nearest) on our own filings: totals too large and too small, items' own
precision, negative weights, duplicates, bindings by context and unit. Each case would pass if the
check lost a bound, a weight or a rounding."""
from __future__ import annotations

from functools import cache

import pytest
from conftest import SAMPLES
from lxml import etree

from exporter.export import render_filing
from exporter.sources import load_filing
from exporter.validation import validate_bytes

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
