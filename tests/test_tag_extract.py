"""Extraction without data, and locating given data: the facts a notice prints, with provenance, never guessed."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from tag_notices import ALL, GARBLED, JA_RESTRICTED, SEED_LIKE
from tag_support import fact_key

from exporter.export import render_filing
from exporter.sources import load_filing
from exporter.sources.notices import extract, read_notice
from exporter.tag import Contradicted, render_tagged

REPO = Path(__file__).resolve().parents[1]
SHARED_SEED = REPO.parent / "shared" / "seeds" / "iij-2015-07-13-stock-options.txt"
SEED_DATA = REPO / "samples" / "iij-2015-07-13.yaml"
SEED_FIGURES = {("pure", "151"), ("shares", "200"), ("shares", "30200"), ("money", "369200"), ("per_share", "1846"),
                ("pure", "7"), ("pure", "100"), ("pure", "11"), ("pure", "51"), ("date", "2015-06-26"),
                ("date", "2015-07-13"), ("code", "3774")}


@pytest.mark.parametrize("notice", ALL, ids=lambda n: n.name)
def test_every_printed_figure_and_date_is_a_fact_and_no_other(notice, tmp_path):
    tagged = render_tagged(notice.write(tmp_path))
    keys = {fact_key(fact) for fact in tagged.factset.facts}
    assert set(notice.facts) <= keys
    figures = {key for key in keys if key[0] in ("pure", "shares", "money", "per_share", "date")}
    assert figures <= set(notice.facts), "a figure or date the notice does not print became a fact"


def test_seed_like_notice_gives_every_seed_figure_and_date(tmp_path):
    tagged = render_tagged(SEED_LIKE.write(tmp_path))
    assert {fact_key(fact) for fact in tagged.factset.facts} >= SEED_FIGURES


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="../shared/seeds is not here")
def test_the_seed_notice_gives_every_seed_figure_and_date():
    tagged = render_tagged(SHARED_SEED)
    assert {fact_key(fact) for fact in tagged.factset.facts} >= SEED_FIGURES
    assert tagged.hidden <= 3  # only what the text cannot show: the kind and type tokens, and no more


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="../shared/seeds is not here")
def test_with_the_seed_data_the_facts_equal_those_export_produces():
    tagged = render_tagged(SHARED_SEED, data=SEED_DATA)
    exported = render_filing(load_filing(SEED_DATA), "en", stem="iij")

    def facts(instance: bytes) -> set[tuple[str, str]]:
        from lxml import etree
        root = etree.fromstring(instance)
        return {(etree.QName(e).localname, (e.text or "") + "|" + "|".join(f"{k}={v}" for k, v in sorted(e.attrib.items())))
                for e in root if etree.QName(e).namespace.endswith("eqi/2026-11-25")}

    assert facts(tagged.files[tagged.instance_name]) == facts(exported.instance)
    assert tagged.shown >= 17  # the notice prints most of them; the Japanese texts and tokens are hidden


def test_data_written_in_our_own_seed_words_is_located(tmp_path):
    tagged = render_tagged(SEED_LIKE.write(tmp_path), data=SEED_DATA)
    assert tagged.draft_name is None
    located = {fact.name for index, fact in enumerate(tagged.factset.facts) if fact.lang != "ja"}
    assert {"NumberOfStockAcquisitionRights", "AmountPaidPerShare", "BoardResolutionDate"} <= located
    assert any("not printed in the notice" in str(w) and "株式会社インターネットイニシアティブ" in str(w)
               for w in tagged.warnings)


def test_a_figure_contradicting_the_data_is_an_error_naming_both(tmp_path):
    path = tmp_path / "seed-152.txt"
    path.write_text(SEED_LIKE.text.replace("151 rights", "152 rights"), encoding="utf-8")
    with pytest.raises(Contradicted) as caught:
        render_tagged(path, data=SEED_DATA)
    message = str(caught.value)
    assert "151" in message and "152" in message and "number_of_rights" in message


def test_an_arithmetic_disagreement_in_the_notice_is_named_with_both_numbers(tmp_path):
    path = tmp_path / "seed-disagrees.txt"
    path.write_text(SEED_LIKE.text.replace("151 rights", "150 rights"), encoding="utf-8")
    tagged = render_tagged(path)
    text = " ".join(str(w) for w in tagged.warnings)
    assert "150" in text and "30,200" in text and "disagrees" in text
    draft = yaml.safe_load(tagged.files[tagged.draft_name])
    assert draft["acknowledged"][0]["rule"] == "shares_equal_rights_times_shares_per_right"


def test_the_draft_loads_with_export_and_says_where_each_value_was_read(tmp_path):
    tagged = render_tagged(JA_RESTRICTED.write(tmp_path))
    draft = tmp_path / "draft.yaml"
    draft.write_bytes(tagged.files[tagged.draft_name])
    filing = load_filing(draft)
    assert filing.issuances[0].total_amount.value == Decimal(18750000)
    assert filing.issuances[0].total_amount.stated_in.value == "thousand"
    text = draft.read_text(encoding="utf-8")
    assert "number_of_shares: 15000  # line 13, col" in text
    assert "'18,750'" in text  # the snippet, as printed
    assert "board_resolution_date: '2025-06-20'  # not printed as such: read from '本日 / today'" in text


def test_the_draft_retagged_as_data_gives_the_same_facts(tmp_path):
    path = JA_RESTRICTED.write(tmp_path)
    first = render_tagged(path)
    draft = tmp_path / "draft.yaml"
    draft.write_bytes(first.files[first.draft_name])
    second = render_tagged(path, data=draft)
    assert second.files[second.instance_name] == first.files[first.instance_name]
    assert second.shown == first.shown


def test_garbled_text_is_warned_about_and_never_read_as_a_value(tmp_path):
    tagged = render_tagged(GARBLED.write(tmp_path))
    warnings = " ".join(str(w) for w in tagged.warnings)
    assert "garbled text '2 0 2 5'" in warnings and "88,,880000" in warnings
    values = {fact_key(fact) for fact in tagged.factset.facts}
    assert not any(kind == "money" for kind, _ in values)  # the doubled total is not read at all
    assert ("date", "2025-06-20") not in values


def test_entity_code_identifies_a_notice_that_prints_none(tmp_path):
    path = tmp_path / "no-code.txt"
    path.write_text(GARBLED.text, encoding="utf-8")
    tagged = render_tagged(path, entity="7777")
    contexts = {fact.context.identifier for fact in tagged.factset.facts}
    assert contexts == {"7777"}


def test_provenance_of_every_value_points_at_its_text(tmp_path):
    extraction = extract(read_notice(SEED_LIKE.write(tmp_path)))
    for found in extraction.found.values():
        for spot in found.spots:
            _, _, snippet = extraction.provenance(spot)
            shown = found.value.get("value") if isinstance(found.value, dict) else found.value
            assert snippet.replace(",", "").replace(" ", "") in str(shown).replace(" ", "") or \
                snippet in SEED_LIKE.text


def test_the_purpose_section_is_one_escaped_text_block(tmp_path):
    tagged = render_tagged(JA_RESTRICTED.write(tmp_path))
    from lxml import etree

    root = etree.fromstring(tagged.files[tagged.inline_name])
    blocks = root.xpath("//ix:nonNumeric[@name='eqi:PurposeAndReasons']",
                        namespaces={"ix": "http://www.xbrl.org/2013/inlineXBRL"})
    assert len(blocks) == 1 and blocks[0].get("escape") == "true"
    text = "".join(blocks[0].itertext())
    assert text.startswith("当社は、令和6年5月10日開催の取締役会") and "以上" not in text
    assert any(fact.name == "PlanIntroductionDate" for fact in tagged.factset.facts)


def test_shares_per_right_written_in_words_are_read_with_where_they_are():
    from exporter.sources.notices.texts import shares_per_right_written_in_words

    text = "two hundred shares of common stock will be issued for each stock acquisition right; a thousand shares"
    [(shares, match)] = list(shares_per_right_written_in_words(text))
    assert shares == 200 and match.group().startswith("two hundred shares")
    assert list(shares_per_right_written_in_words("200 shares per right")) == []


def test_shares_per_right_in_words_becomes_a_hidden_fact_with_a_warning(tmp_path):
    words = SEED_LIKE.text.replace("(200 shares per Stock Acquisition Right)",
                                   "(Two hundred shares will be issued for each Stock Acquisition Right)")
    path = tmp_path / "words.txt"
    path.write_text(words, encoding="utf-8")
    tagged = render_tagged(path)
    assert ("shares", "200") in {fact_key(fact) for fact in tagged.factset.facts}
    assert any("read from words (Two hundred = 200)" in str(warning) for warning in tagged.warnings)
