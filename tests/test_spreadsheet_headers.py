"""Register headers: the issue's header table, synonyms, matching rules, language marks and --map files."""
from __future__ import annotations

from collections import defaultdict

import pytest

from exporter.notation import header_key
from exporter.sources.spreadsheet.headers import (
    FIELDS,
    MappingError,
    default_headers,
    load_mapping,
    markdown_table,
)

# The issue's table: field -> (English header, Japanese header).
ISSUE_TABLE = {
    "company_name": ("Company name", "会社名"),
    "securities_code": ("Securities code", "証券コード"),
    "announcement_date": ("Announcement date", "公表日"),
    "series": ("Series", "名称"),
    "plan_type": ("Plan type", "種類"),
    "resolution_date": ("Resolution date", "決議日"),
    "allotment_date": ("Allotment date", "割当日"),
    "number_of_rights": ("Number of rights", "新株予約権の数"),
    "shares_per_right": ("Shares per right", "新株予約権1個当たりの株式数"),
    "class_of_shares": ("Class of shares", "株式の種類"),
    "number_of_shares": ("Number of shares", "目的となる株式の数"),
    "amount_per_right": ("Amount paid per right", "1個当たりの払込金額"),
    "amount_per_share": ("Amount paid per share", "1株当たりの払込金額"),
    "payment_method": ("Payment method", "払込方法"),
    "exercise_price": ("Exercise price per share", "1株当たりの行使価額"),
    "exercise_period": ("Exercise period", "行使期間"),
    "allotment": ("Allotment", "付与対象者の区分及び人数"),
    "currency": ("Currency", "通貨"),
}


@pytest.mark.parametrize("key, headers", ISSUE_TABLE.items())
def test_the_issue_table_is_recognised_in_both_languages(key, headers):
    table = default_headers()
    for header in headers:
        assert table.match(header, "issuances").field == key


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f.table}.{f.key}")
def test_every_field_has_both_headers_and_synonyms_that_reach_it(field):
    assert field.en and field.ja and field.synonyms and field.note
    table = default_headers()
    for header in field.headers:
        target = table.match(header, field.table)
        assert target is not None and target.field == field.key and target.lang is None, header


def test_no_header_means_two_fields():
    for table in ("issuances", "allotments"):
        seen = defaultdict(set)
        for field in FIELDS:
            if field.table == table:
                for header in field.headers:
                    seen[header_key(header)].add(field.key)
        assert {k: v for k, v in seen.items() if len(v) > 1} == {}


@pytest.mark.parametrize("written", ["Number of rights", "number of rights", "NUMBER OF RIGHTS", "  Number  of  rights ",
                                     "ＮＵＭＢＥＲ　ＯＦ　ＲＩＧＨＴＳ", "number_of_rights", "Number-of-rights:",
                                     "NumberOfRights"])
def test_headers_match_regardless_of_case_space_and_width(written):
    assert default_headers().match(written, "issuances").field == "number_of_rights"


def test_full_width_japanese_header_digits():
    assert default_headers().match("新株予約権１個当たりの株式数", "issuances").field == "shares_per_right"


@pytest.mark.parametrize("written, key, lang", [
    ("Company name (English)", "company_name", "en"), ("会社名（日本語）", "company_name", "ja"),
    ("会社名(英文)", "company_name", "en"), ("英文会社名", "company_name", "en"), ("Title [ja]", "title", "ja"),
    ("Allotment (Japanese)", "allotment", "ja"), ("区分（英語）", "category", "en"),
])
def test_language_marks_on_text_fields(written, key, lang):
    table = "allotments" if key == "category" else "issuances"
    target = default_headers().match(written, table)
    assert (target.field, target.lang) == (key, lang)


def test_language_marks_only_on_text_fields():
    assert default_headers().match("Securities code (English)", "issuances") is None


def test_unknown_and_empty_headers():
    assert default_headers().match("Remarks", "issuances") is None
    assert default_headers().match("   ", "issuances") is None


def test_mapping_file(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("Grant date: allotment_date\n付与日: Allotment date\nName (EN): company_name.en\n"
                    "Remarks: ignore\nInternal ref: null\nRecipients: category\nCode: lei\n", encoding="utf-8")
    table = load_mapping(path)
    assert table.match("grant date", "issuances").field == "allotment_date"
    assert table.match("付与日", "issuances").field == "allotment_date"
    name = table.match("Name (EN)", "issuances")
    assert (name.field, name.lang, name.source) == ("company_name", "en", "map")
    assert table.match("Remarks", "issuances").field is None and table.match("Internal ref", "issuances").field is None
    assert table.match("Recipients", "allotments").field == "category"
    assert table.match("Code", "issuances").field == "lei"  # the map wins over a built-in synonym
    assert default_headers().match("Code", "issuances").field == "securities_code"


def test_mapping_under_columns(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("columns:\n  Grant date: allotment_date\n", encoding="utf-8")
    assert load_mapping(path).match("Grant date", "issuances").field == "allotment_date"


@pytest.mark.parametrize("text, says", [
    ("Grant date: grant_day\n", "is not one of our fields"),
    ("Code: securities_code.ja\n", "not a text field"),
    ("- a\n- b\n", "expected a mapping"),
    ("Grant date: [1, 2]\n", "expected a field name"),
    ("a: : b: [\n", "YAML syntax error"),
    ("'': company_name\n", "empty header"),
])
def test_mapping_errors(tmp_path, text, says):
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=says):
        load_mapping(path)


def test_mapping_file_missing(tmp_path):
    with pytest.raises(MappingError, match="cannot read"):
        load_mapping(tmp_path / "nope.yaml")


def test_markdown_table_lists_every_header():
    table = markdown_table()
    for field in FIELDS:
        assert f"`{field.key}`" in table and f"`{field.en}`" in table and f"`{field.ja}`" in table
        for synonym in field.synonyms:
            assert f"`{synonym}`" in table
