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
from exporter.documents.presentation import render_date, render_number
from exporter.facts import build_factset
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


def test_every_fact_is_tagged_exactly_once_and_hidden_only_when_not_shown(seed_filing):
    factset = build_factset(seed_filing)
    for lang in ("en", "ja"):
        root = build_inline(factset, lang).getroot()
        tagged = list(root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"))
        assert len(tagged) == len(factset.facts)
        hidden = root.find(f".//{{{IX}}}hidden")
        hidden_names = sorted(e.get("name") for e in hidden)
        other = "ja" if lang == "en" else "en"
        # Hidden: the plan type token and the text facts of the other language, nothing else.
        assert "eqi:PlanType" in hidden_names
        assert all(e.get("{http://www.w3.org/XML/1998/namespace}lang") == other for e in hidden
                   if e.get("name") != "eqi:PlanType")


def test_english_document_reads_like_the_notice(seed_filing):
    root = build_inline(build_factset(seed_filing), "en").getroot()
    body = root.find("{http://www.w3.org/1999/xhtml}body")
    text = " ".join("".join(body.itertext()).split())
    assert "July 13, 2015" in text
    assert "151 rights" in text
    assert "30,200 shares of common stock" in text
    assert "JPY369,200 per stock acquisition right (JPY1,846 per share)" in text
    assert "Directors (excluding Part-time and Outside Directors) of IIJ" in text
    assert "NASDAQ: IIJ" in text and "TSE1: 3774" in text


def test_japanese_document_uses_japanese_labels_and_numbers(seed_filing):
    root = build_inline(build_factset(seed_filing), "ja").getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
    body = root.find("{http://www.w3.org/1999/xhtml}body")
    text = "".join(body.itertext())
    assert "2015年7月13日" in text and "2015年6月26日" in text
    assert "新株予約権の総数" in text and "151個" in text
    assert "369,200円" in text and "30,200株" in text
    assert "当社取締役（社外取締役及び非常勤取締役を除く）" in text


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


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from(["en", "ja"]))
def test_rendered_dates_read_back_as_the_date(day, lang):
    rendered = render_date(day, lang)
    assert transform(TR4, rendered.format, rendered.text) == day.isoformat()
    assert FunctionIxt.tr4Functions[rendered.format](rendered.text) == day.isoformat()
