"""The eqi profile's business rules on drafts: the domain's rules (sums excepted), located at the fact
that disagrees, set aside where the filing says it is filed as printed, duplicates counted once."""
from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from conftest import SAMPLES
from lxml import etree

from exporter.export import render_filing
from exporter.sources import load_filing
from exporter.validation import validate_bytes, validate_path

EQI = "{http://disclosure-exporter.dev/taxonomy/eqi/2026-11-25}"
XBRLI = "{http://www.xbrl.org/2003/instance}"


@cache
def rendered(sample: str):
    return render_filing(load_filing(SAMPLES / f"{sample}.yaml"), "en", stem=sample)


def messages(sample: str, change, *, inline: bool = False) -> list[tuple[str, str]]:
    """The rules' messages on the sample's document changed by ``change``, validated beside its extension."""
    filing = rendered(sample)
    name = filing.inline_name if inline else filing.instance_name
    root = etree.fromstring(filing.files[name])
    change(root)
    with tempfile.TemporaryDirectory() as folder:
        for other, data in filing.files.items():
            (Path(folder) / other).write_bytes(data)
        (Path(folder) / name).write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        reports = validate_path(Path(folder) / name)
    return [(m.code, m.message) for report in reports for m in report.messages if m.code.startswith("rules:")]


def set_text(name: str, value: str, index: int = 0):
    def change(root):
        root.findall(f"{EQI}{name}")[index].text = value
    return change


def test_the_valid_samples_break_no_rule():
    for sample in ("iij-2015-07-13", "sakura-robotics-2024-06-14", "hoya-2023-08-23", "minato-bio-2025-02-10"):
        assert messages(sample, lambda root: None) == [], sample


def test_a_product_names_its_facts_and_numbers():
    found = messages("iij-2015-07-13", set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000"))
    assert found == [("rules:sharesEqualRightsTimesSharesPerRight",
                      "eqi:NumberOfStockAcquisitionRights × eqi:NumberOfSharesPerStockAcquisitionRight must equal "
                      "eqi:NumberOfSharesUnderlyingStockAcquisitionRights: 151 × 200 = 30,200, but "
                      "eqi:NumberOfSharesUnderlyingStockAcquisitionRights is 30,000")]


def test_a_breakdown_by_recipient_category():
    found = messages("iij-2015-07-13", set_text("NumberOfStockAcquisitionRightsAllotted", "99"))
    assert [code for code, _ in found] == ["rules:allotmentsAddUpToRights"]
    assert "99 + 51 = 150, but eqi:NumberOfStockAcquisitionRights is 151" in found[0][1]


def test_dates_in_order_and_a_kind_fixed_price():
    assert [c for c, _ in messages("iij-2015-07-13", set_text("DeterminationDate", "2015-06-01"))] == \
        ["rules:determinedAfterResolution"]
    def price(root):
        element = etree.SubElement(root, f"{EQI}ExercisePricePerShare", contextRef="I20150713",
                                   unitRef="JPY_per_share", decimals="0")
        element.text = "2"
    assert [c for c, _ in messages("iij-2015-07-13", price)] == ["rules:stockCompensationPriceIsOneYen"]


def test_tranches_add_up_to_the_notice_wide_total():
    def change(root):
        total = next(e for e in root.findall(f"{EQI}NumberOfSharesIssuedOrDisposedOf")
                     if e.get("contextRef") == "I20230823")
        total.text = "3700"
    found = messages("hoya-2023-08-23", change)
    assert ("rules:trancheSharesAddUp" in [c for c, _ in found]) and \
        any("3,200 + 400 = 3,600" in message for _, message in found)


def test_an_upper_limit_stands_for_its_concept():
    found = messages("sakura-robotics-2024-06-14", set_text("NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit",
                                                            "125001"))
    assert [code for code, _ in found] == ["rules:sharesEqualRightsTimesSharesPerRight",
                                           "rules:aggregateExerciseValueEqualsPriceTimesShares"]


def test_a_rule_acknowledged_in_the_filing_is_set_aside_there_only():
    def acknowledged(root):
        set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
        element = etree.SubElement(root, f"{EQI}AcknowledgedRules", contextRef="I20150713")
        element.text = "SharesEqualRightsTimesSharesPerRight"
    assert messages("iij-2015-07-13", acknowledged) == []
    def other_rule(root):
        set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
        element = etree.SubElement(root, f"{EQI}AcknowledgedRules", contextRef="I20150713")
        element.text = "AllotmentsAddUpToRights"
    assert [c for c, _ in messages("iij-2015-07-13", other_rule)] == ["rules:sharesEqualRightsTimesSharesPerRight"]


def test_a_total_shown_twice_in_the_inline_document_counts_once():
    def change(root):
        shown = [e for e in root.iter("{http://www.xbrl.org/2013/inlineXBRL}nonFraction")
                 if e.get("name") == "eqi:NumberOfStockAcquisitionRights"]
        assert len(shown) == 2  # the item and the allotment table's total row
        for element in shown:
            element.text = "152"
    found = messages("iij-2015-07-13", change, inline=True)
    assert sorted(code for code, _ in found) == ["rules:allotmentsAddUpToRights",
                                                 "rules:sharesEqualRightsTimesSharesPerRight"]


def test_values_of_another_entity_do_not_mix():
    def change(root):
        for context in root.iter(f"{XBRLI}context"):
            if context.get("id") == "I20150713_Directors":
                context.find(f"{XBRLI}entity/{XBRLI}identifier").text = "9999"
    # The directors' allotment is now another company's: the rights left do not add up, and nothing mixes.
    found = messages("iij-2015-07-13", change)
    assert [code for code, _ in found] == ["rules:allotmentsAddUpToRights"] and ": 51 = 51, but" in found[0][1]


def test_stated_decimals_widen_a_product():
    # 2,315 × 125,000 = 289,375,000: stated in millions as 289,000,000 it agrees; in thousands it does not.
    assert messages("sakura-robotics-2024-06-14", set_decimals("AggregateExerciseValue", "289000000", "-6")) == []
    assert [c for c, _ in messages("sakura-robotics-2024-06-14", set_decimals("AggregateExerciseValue", "289000000",
                                                                                "-3"))] == \
        ["rules:aggregateExerciseValueEqualsPriceTimesShares"]
    assert [c for c, _ in messages("sakura-robotics-2024-06-14", set_decimals("AggregateExerciseValue", "289375000",
                                                                                "INF"))] == []


def set_decimals(name: str, value: str, decimals: str):
    def change(root):
        element = root.find(f"{EQI}{name}")
        element.text, element.attrib["decimals"] = value, decimals
    return change


def test_an_exact_count_under_an_upper_limit_total_is_named():
    def exact_rights(root):  # "not exceeding 125,000 shares" for exactly 1,250 rights
        element = root.find(f"{EQI}NumberOfStockAcquisitionRightsUpperLimit")
        element.tag = f"{EQI}NumberOfStockAcquisitionRights"
    found = messages("sakura-robotics-2024-06-14", exact_rights)
    assert sorted(code for code, _ in found) == ["rules:allotmentsAddUpToRights",
                                                 "rules:sharesEqualRightsTimesSharesPerRight"]
    assert all("not exceeding" in message for _, message in found), found


def test_facts_of_other_periods_and_segments_do_not_mix():
    # The number of shares, wrong for 151 × 200, moved to another period or segment: nothing to compare it with.
    def moved(change_context):
        def change(root):
            context = next(c for c in root.iter(f"{XBRLI}context") if c.get("id") == "I20150713")
            twin = etree.fromstring(etree.tostring(context))
            twin.set("id", "Other")
            change_context(twin)
            context.addnext(twin)
            fact = root.find(f"{EQI}NumberOfSharesUnderlyingStockAcquisitionRights")
            fact.set("contextRef", "Other")
            fact.text = "30000"
        return change

    def period(context):
        context.find(f"{XBRLI}period/{XBRLI}instant").text = "2016-01-01"

    def segment(context):
        etree.SubElement(etree.SubElement(context.find(f"{XBRLI}entity"), f"{XBRLI}segment"),
                         "{http://example.com/x}branch").text = "a"

    def scenario(context):
        etree.SubElement(etree.SubElement(context, f"{XBRLI}scenario"), "{http://example.com/x}case").text = "b"

    def same(context):
        pass
    assert [c for c, _ in messages("iij-2015-07-13", moved(same))] == ["rules:sharesEqualRightsTimesSharesPerRight"]
    for change_context in (period, segment, scenario):
        assert messages("iij-2015-07-13", moved(change_context)) == [], change_context.__name__


def test_only_the_acknowledged_rules_fact_sets_a_rule_aside():
    def text_naming_the_rule(root):
        set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
        element = etree.SubElement(root, f"{EQI}ClassOfShares", contextRef="I20150713")
        element.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
        element.text = "SharesEqualRightsTimesSharesPerRight"
    assert [c for c, _ in messages("iij-2015-07-13", text_naming_the_rule)] == \
        ["rules:sharesEqualRightsTimesSharesPerRight"]


def test_an_acknowledged_finding_does_not_hide_the_next_one():
    def two_broken(acknowledged: str):
        def change(root):
            set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
            set_text("NumberOfStockAcquisitionRightsAllotted", "99")(root)
            element = etree.SubElement(root, f"{EQI}AcknowledgedRules", contextRef="I20150713")
            element.text = acknowledged
        return change
    assert [c for c, _ in messages("iij-2015-07-13", two_broken("AllotmentsAddUpToRights"))] == \
        ["rules:sharesEqualRightsTimesSharesPerRight"]
    assert [c for c, _ in messages("iij-2015-07-13", two_broken("SharesEqualRightsTimesSharesPerRight"))] == \
        ["rules:allotmentsAddUpToRights"]


def test_facts_the_rules_cannot_read_are_passed_over_and_the_rest_still_checked():
    def first(root, element):
        root.find(f"{XBRLI}context").addprevious(element)

    def stray_facts(root):
        set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
        unknown = etree.Element(f"{EQI}NotAConceptOfOurs", contextRef="I20150713")
        unknown.text = "1"
        foreign = etree.Element("{http://example.com/x}Other", contextRef="I20150713")
        foreign.text = "1"
        unreadable = etree.Element(f"{EQI}NumberOfSharesPerStockAcquisitionRight", contextRef="I20150713",
                                   unitRef="shares", decimals="0")
        unreadable.text = "abc"
        no_context = etree.Element(f"{EQI}NumberOfStockAcquisitionRights", contextRef="missing", unitRef="pure",
                                   decimals="0")
        no_context.text = "5"
        for element in (no_context, unreadable, foreign, unknown):
            first(root, element)
    found = messages("iij-2015-07-13", stray_facts)
    assert [code for code, _ in found] == ["rules:sharesEqualRightsTimesSharesPerRight"]


def test_the_message_stands_at_the_fact_and_names_the_document():
    filing = rendered("iij-2015-07-13")
    root = etree.fromstring(filing.instance)
    set_text("NumberOfSharesUnderlyingStockAcquisitionRights", "30000")(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    [message] = [m for m in validate_bytes(data, file="draft.xbrl").messages if m.code.startswith("rules:")]
    written = etree.fromstring(data).find(f"{EQI}NumberOfSharesUnderlyingStockAcquisitionRights")
    assert (message.file, message.concept, message.line) == (
        "draft.xbrl", "eqi:NumberOfSharesUnderlyingStockAcquisitionRights", written.sourceline)
    assert message.xpath == "/xbrli:xbrl/eqi:NumberOfSharesUnderlyingStockAcquisitionRights"
