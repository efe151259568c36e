"""Register headers: derived from the concepts, the issue's header table, matching, language marks, --map files."""
from __future__ import annotations

from collections import defaultdict

import pytest

from exporter.domain.kinds import KINDS
from exporter.notation import header_key
from exporter.sources.spreadsheet.fields import KEY_ALIASES, headings, key_of, model_places, spec
from exporter.sources.spreadsheet.headers import (
    FIELDS,
    MappingError,
    default_headers,
    load_mapping,
    markdown_table,
)
from exporter.sources.spreadsheet.vocabulary import KIND_WORDS, KINDS_VOCABULARY

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
    key = KEY_ALIASES.get(key, key)
    for header in headers:
        assert key in table.match(header, "issuances").fields, header


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f.table}.{f.key}")
def test_every_field_has_both_headings_and_every_heading_reaches_it(field):
    assert field.heading("en") and field.heading("ja") and field.headers
    assert field.note or field.concept is not None
    table = default_headers()
    for header in field.headers:
        target = table.match(header, field.table)
        assert target is not None and field.key in target.fields and target.lang is None, header


@pytest.mark.parametrize("field", [f for f in FIELDS if f.places], ids=lambda f: f"{f.table}.{f.key}")
def test_headings_are_the_concepts_labels_and_declared_synonyms(field):
    for place in field.places:
        concept = place.concept
        expected = {concept.label.en, concept.label.ja, *concept.headers}
        if concept.terse:
            expected |= {concept.terse.en, concept.terse.ja}
        assert expected <= set(field.headers)


def test_every_value_the_models_take_is_a_register_field():
    """No drift: a concept added to the models is a column at once (composites cover the rest)."""
    fields = {(f.table, f.key): f for f in FIELDS}
    for place in model_places():
        found = [f for f in fields.values() if place in f.places]
        assert len(found) == 1, place.path
    composite_paths = {"issuer.listings", "issuance.allotments", "issuance.currency", "issuer.isin"}
    assert all(key_of(p) for p in composite_paths)


def test_composites_keep_only_what_no_concept_declares():
    """The declared table never repeats a heading a concept already has (no heading typed twice)."""
    from exporter.domain.concepts import all_concepts

    concept_headings = {header_key(h) for c in all_concepts() for h in (c.label.en, c.label.ja, *c.headers)}
    concept_headings |= {header_key(h) for c in all_concepts() if c.terse for h in (c.terse.en, c.terse.ja)}
    for field in FIELDS:
        if not field.places and field.key != "id":
            assert not {header_key(h) for h in field.declared} & concept_headings, field.key


def test_a_heading_names_several_fields_only_where_the_kind_or_the_cell_chooses():
    for table in ("issuances", "allotments"):
        seen = defaultdict(set)
        for field in FIELDS:
            if field.table == table:
                for header in field.headers:
                    seen[header_key(header)].add(field.key)
        for key, names in seen.items():
            if len(names) < 2:
                continue
            specs = [spec(name, table) for name in names]
            disjoint = all(not (a.instruments & b.instruments) for a in specs for b in specs if a is not b)
            kind_or_text = sorted(f.shape for f in specs) == ["text", "token"]
            assert disjoint or kind_or_text, (key, names)


def test_shared_headings_are_routed_by_the_kind():
    target = default_headers().match("発行価額", "issuances")
    assert set(target.fields) == {"amount_per_right", "price_per_share"}
    assert default_headers().match("Plan", "issuances").fields == ("kind", "plan_name")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("table", ["issuances", "allotments"])
def test_template_headings_are_unique_and_read_back(lang, table):
    names = headings(table, lang)
    assert len({header_key(h) for h in names.values()}) == len(names)
    for key, heading in names.items():
        assert default_headers().match(heading, table).fields == (key,), heading


def test_every_standard_kind_word_and_label_reads():
    for kind, kind_spec in KINDS.items():
        for text in (kind.value, kind_spec.label.en, kind_spec.label.ja, *KIND_WORDS[kind]):
            assert KINDS_VOCABULARY.read(text) == kind.value, text


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
                    "Remarks: ignore\nInternal ref: null\nRecipients: category\nCode: lei\nType: plan_type\n", encoding="utf-8")
    table = load_mapping(path)
    assert table.match("grant date", "issuances").field == "allotment_date"
    assert table.match("付与日", "issuances").field == "allotment_date"
    name = table.match("Name (EN)", "issuances")
    assert (name.field, name.lang, name.source) == ("company_name", "en", "map")
    assert table.match("Remarks", "issuances").field is None and table.match("Internal ref", "issuances").field is None
    assert table.match("Recipients", "allotments").field == "category"
    assert table.match("Code", "issuances").field == "lei"  # the map wins over a built-in synonym
    assert table.match("Type", "issuances").field == "kind"
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
        assert f"`{field.key}`" in table
        for header in field.headers:
            assert f"`{header}`" in table


def test_the_registers_page_table_is_current_and_the_readme_links_it():
    from conftest import REPO

    page = (REPO / "docs" / "registers.md").read_text(encoding="utf-8")
    assert markdown_table() in page, "run python docs/build.py"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    convert = readme.split("### `convert`", 1)[1].split("\n### ", 1)[0]
    assert "(docs/registers.md)" in convert
    assert markdown_table().splitlines()[0] not in readme  # one copy of the table, on the page
