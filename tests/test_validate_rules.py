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
from exporter.validation import validate_path

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
