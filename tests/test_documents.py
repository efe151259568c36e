"""Serializers: deterministic bytes (golden files), every fact tagged once, readable in both languages."""
from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

import pytest
from arelle import FunctionIxt
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from exporter.documents import build_inline, build_instance, serialize
from exporter.documents.inline import IX, serialize_inline
from exporter.facts import build_factset
from exporter.notation.render import render_date, render_number
from exporter.validation.transforms import TR4, transform

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _documents(filing):
    factset = build_factset(filing)
    return {
        "iij-2015-07-13.xbrl": serialize(build_instance(factset)),
        "iij-2015-07-13-en.html": serialize_inline(build_inline(factset, "en")),
        "iij-2015-07-13-ja.html": serialize_inline(build_inline(factset, "ja")),
    }


@pytest.mark.parametrize("name", ["iij-2015-07-13.xbrl", "iij-2015-07-13-en.html", "iij-2015-07-13-ja.html"])
def test_seed_output_matches_golden_file(seed_filing, name):
    data = _documents(seed_filing)[name]
    if UPDATE:
        (GOLDEN / name).write_bytes(data)
    assert data == (GOLDEN / name).read_bytes(), f"{name} changed; UPDATE_GOLDEN=1 pytest to accept"


def test_same_input_same_bytes(seed_filing):
    assert _documents(seed_filing) == _documents(seed_filing)


def test_every_fact_is_tagged_and_hidden_only_when_not_shown(seed_filing):
    factset = build_factset(seed_filing)
    for lang in ("en", "ja"):
        root = build_inline(factset, lang).getroot()
        lang_attribute = "{http://www.w3.org/XML/1998/namespace}lang"
        tagged = [(e.get("name"), e.get("contextRef"), e.get(lang_attribute) or None)
                  for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")]
        assert set(tagged) == {(f"eqi:{f.name}", f.context.id, f.lang) for f in factset.facts}
        # Stated twice: only the issuance's total, again in the allotment table's total row.
        assert [t for t in set(tagged) if tagged.count(t) > 1] == [
            ("eqi:NumberOfStockAcquisitionRights", "I20150713", None)]
        hidden = root.find(f".//{{{IX}}}hidden")
        other = "ja" if lang == "en" else "en"
        # Hidden: vocabulary tokens (shown by their labels) and the other language's text, nothing else.
        for element in hidden:
            if element.get("name") not in ("eqi:IssuanceKind", "eqi:NoticeType"):
                assert element.get("{http://www.w3.org/XML/1998/namespace}lang") == other, element.get("name")


def test_english_document_reads_like_the_notice(seed_filing):
    root = build_inline(build_factset(seed_filing), "en").getroot()
    body = root.find("{http://www.w3.org/1999/xhtml}body")
    body.remove(body[0])  # the hidden ix:header
    for cell in body.iter("{http://www.w3.org/1999/xhtml}td"):
        cell.tail = " "
    text = " ".join("".join(body.itertext()).split())
    assert "July 13, 2015" in text
    assert "the terms of the issuance of stock acquisition rights resolved by its Board of Directors on June 26, " \
           "2015 have been determined" in text
    assert "Number of rights: 151 rights" in text and "Number of shares: 30,200 shares" in text
    assert "Amount paid per right: JPY 369,200" in text and "Amount paid per share: JPY 1,846 per share" in text
    assert "Directors (excluding Part-time and Outside Directors) of IIJ 7 persons 100 rights" in text
    assert "Total 151 rights" in text
    assert "NASDAQ: IIJ" in text and "TSE1: 3774" in text


def test_japanese_document_uses_japanese_labels_and_numbers(seed_filing):
    root = build_inline(build_factset(seed_filing), "ja").getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
    body = root.find("{http://www.w3.org/1999/xhtml}body")
    text = "".join(body.itertext())
    assert "2015年7月13日" in text and "2015年6月26日" in text
    assert "新株予約権の数　151個" in text
    assert "369,200円" in text and "30,200株" in text
    assert "当社取締役（社外取締役及び非常勤取締役を除く）" in text
    assert "発行内容が下記のとおり確定いたしました" in text  # a determination notice, so 確定
    assert text.index("記") < text.index("新株予約権の数") < text.rindex("以上")


def test_japanese_era_dates_and_missing_japanese_text(seed_filing):
    text = "".join(build_inline(build_factset(seed_filing), "ja", era=True).getroot().itertext())
    assert "平成27年7月13日" in text
    from exporter.documents import MissingText
    from exporter.models import Filing
    data = seed_filing.model_dump(mode="json", exclude_unset=True)
    data["title"] = {"en": data["title"]["en"]}
    with pytest.raises(MissingText, match=r"a Japanese document needs Japanese text \(ja:\) in: title"):
        build_inline(build_factset(Filing.model_validate(data)), "ja")


def test_numeric_facts_state_decimals_scale_and_format(seed_filing):
    root = build_inline(build_factset(seed_filing), "en").getroot()
    shown = [e for e in root.iter(f"{{{IX}}}nonFraction") if e.getparent().tag != f"{{{IX}}}hidden"]
    assert shown
    for element in shown:
        assert element.get("decimals") and element.get("scale") == "0"
        assert element.get("format") == "ixt:num-dot-decimal"


def test_instance_facts_carry_language_and_decimals(seed_filing):
    root = etree.fromstring(_documents(seed_filing)["iij-2015-07-13.xbrl"])
    names = root.findall("{*}IssuerName")
    assert {n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in names} == {"en", "ja"}
    rights = root.find("{*}NumberOfStockAcquisitionRights")
    assert (rights.text, rights.get("decimals"), rights.get("unitRef")) == ("151", "INF", "pure")


amounts = st.decimals(min_value=0, max_value=Decimal("1e15"), places=2, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_rendered_numbers_read_back_as_the_value(value):
    rendered = render_number(value)
    assert Decimal(transform(TR4, rendered.format, rendered.text)) == value
    assert Decimal(FunctionIxt.tr4Functions[rendered.format](rendered.text)) == value


@given(amounts, st.sampled_from([3, 6, -2]))
def test_scaled_numbers_read_back_as_the_value(value, scale):
    rendered = render_number(value.quantize(Decimal(1)).scaleb(scale), scale)
    assert Decimal(transform(TR4, rendered.format, rendered.text)).scaleb(scale) == value.quantize(Decimal(1)).scaleb(scale)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from(["en", "ja"]),
       st.booleans())
def test_rendered_dates_read_back_as_the_date(day, lang, era):
    rendered = render_date(day, lang, era=era)
    assert transform(TR4, rendered.format, rendered.text) == day.isoformat()
    assert FunctionIxt.tr4Functions[rendered.format](rendered.text) == day.isoformat()
