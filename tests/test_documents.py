"""Serializers: deterministic bytes (golden files), every fact tagged once, readable in both languages."""
from __future__ import annotations

import copy
import functools
import os
from datetime import date
from decimal import Decimal

import pytest
from arelle import FunctionIxt
from conftest import FILING_SAMPLES, REPO, SAMPLES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from exporter.documents import build_inline, build_instance, serialize
from exporter.documents.inline import IX, serialize_inline
from exporter.domain import concepts as c
from exporter.domain import phrases
from exporter.domain.concepts import SECTIONS
from exporter.domain.kinds import IssuanceKind
from exporter.facts import build_factset
from exporter.models import Filing
from exporter.notation.render import render_date, render_number
from exporter.sources import load_filing
from exporter.validation.transforms import TR4, transform

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _text(root: etree._Element) -> str:
    """The body's text as a reader sees it: words, cells and lines separated by single spaces."""
    body = copy.deepcopy(root.find(f"{XHTML}body"))
    body.remove(body[0])  # the hidden ix:header
    for element in body.iter(f"{XHTML}td", f"{XHTML}th", f"{XHTML}p", f"{XHTML}h1", f"{XHTML}h2", f"{XHTML}div",
                             f"{XHTML}br", f"{XHTML}tr"):
        element.tail = " " + (element.tail or "")
        if element.tag in (f"{XHTML}td", f"{XHTML}th", f"{XHTML}p", f"{XHTML}h2", f"{XHTML}div"):
            element.text = " " + (element.text or "")
    return " ".join("".join(body.itertext()).split())

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
        tagged = [(e.get("name"), e.get("contextRef"), e.get(XML_LANG) or None)
                  for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")]
        assert set(tagged) == {(f"eqi:{f.name}", f.context.id, f.lang) for f in factset.facts}
        # Stated twice: only the issuance's total, again in the allotment table's total row.
        assert [t for t in set(tagged) if tagged.count(t) > 1] == [
            ("eqi:NumberOfStockAcquisitionRights", "I20150713", None)]
        hidden = root.find(f".//{{{IX}}}hidden")
        other = "ja" if lang == "en" else "en"
        # Hidden: vocabulary tokens (told in words) and the other language's text, nothing else.
        for element in hidden:
            if element.get("name") not in ("eqi:IssuanceKind", "eqi:NoticeType"):
                assert element.get(XML_LANG) == other, element.get("name")


def test_english_document_reads_like_the_notice(seed_filing):
    text = _text(build_inline(build_factset(seed_filing), "en").getroot())
    assert text.startswith("July 13, 2015 To whom it may concern: Company name: Internet Initiative Japan Inc.")
    assert "hereby announces that the terms of the issuance of stock acquisition rights as stock-compensation-type " \
           "stock options resolved by its Board of Directors on June 26, 2015 have been determined on July 13, 2015" \
           in text
    assert "(3) Total number of stock acquisition rights 151 rights" in text
    assert "30,200 shares of common stock (200 shares per stock acquisition right)" in text
    assert "JPY 369,200 per stock acquisition right (JPY 1,846 per share)" in text
    assert "Directors (excluding Part-time and Outside Directors) of IIJ 7 persons 100 rights" in text
    assert "Total 151 rights" in text
    assert "NASDAQ: IIJ, TSE1: 3774" in text and text.endswith("End")


def test_japanese_document_uses_japanese_labels_and_numbers(seed_filing):
    root = build_inline(build_factset(seed_filing), "ja").getroot()
    assert root.get(XML_LANG) == "ja"
    text = _text(root)
    assert "2015年7月13日" in text and "2015年6月26日" in text
    assert "(3) 新株予約権の総数 151個" in text
    assert "新株予約権1個当たり369,200円（1株当たり1,846円）" in text and "普通株式30,200株" in text
    assert "当社取締役（社外取締役及び非常勤取締役を除く）" in text
    assert "発行内容が下記のとおり確定いたしました" in text  # a determination notice, so 確定
    assert text.index("記") < text.index("新株予約権の総数") < text.rindex("以上")


@functools.cache
def _factset(stem: str):
    return build_factset(load_filing(SAMPLES / f"{stem}.yaml"))


@functools.cache
def _root(stem: str, lang: str, era: bool = False) -> etree._Element:
    return build_inline(_factset(stem), lang, era=era).getroot()


def _tagged(root: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric") if e.get("name") == f"eqi:{name}"
            and not any(a.tag == f"{{{IX}}}hidden" for a in e.iterancestors())]


HIDDEN = {f"eqi:{concept.name}" for concept in phrases.HIDDEN}
TOTALS_RESTATED = {f"eqi:{concept.name}{limit}" for concept in (c.NUMBER_OF_RIGHTS, c.NUMBER_OF_SHARES,
                                                                 c.UNDERLYING_SHARES) for limit in ("", "UpperLimit")}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("sample", [s.stem for s in FILING_SAMPLES])
def test_every_sample_shows_each_fact_once_and_hides_only_what_it_tells_in_words(sample, lang):
    factset, root = _factset(sample), _root(sample, lang)
    tagged = [(e.get("name"), e.get("contextRef"), e.get(XML_LANG) or None)
              for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")]
    assert set(tagged) == {(f"eqi:{f.name}", f.context.id, f.lang) for f in factset.facts}
    # Shown twice at most: an issuance's total, again in its allotment table's total row.
    assert {t[0] for t in set(tagged) if tagged.count(t) > 1} <= TOTALS_RESTATED
    assert all(tagged.count(t) <= 2 for t in tagged)
    other = "ja" if lang == "en" else "en"
    hidden = root.find(f".//{{{IX}}}hidden")
    for element in hidden if hidden is not None else ():
        assert element.get("name") in HIDDEN or element.get(XML_LANG) == other, element.get("name")
    assert root.get(XML_LANG) == lang
    text = _text(root)
    assert ("記" in text.split() and text.endswith("以上")) if lang == "ja" else text.endswith("End")


LEADS = {  # sample: what its lead says it does, in each language
    "iij-2015-07-13": ("have been determined on", "発行内容が下記のとおり確定いたしました"),
    "hoya-2023-08-23": ("the payment procedures for the disposal of treasury shares as stock compensation resolved by "
                        "its Board of Directors on July 31, 2023 have been completed",
                        "2023年7月31日開催の取締役会において決議いたしました株式報酬としての自己株式の処分について、"
                        "払込手続きが完了いたしました"),
    "aoba-pharma-2024-08-01": ("announces the results of the allotment in the issuance of stock acquisition rights as "
                               "stock options", "割当ての結果が下記のとおりとなりました"),
    "kumo-optics-2025-06-30": ("there are matters to be corrected in its notice “Notice Regarding the Disposal of "
                               "Treasury Shares as Restricted Stock Compensation” released on June 20, 2025",
                               "当社が2025年6月20日付で公表いたしました「譲渡制限付株式報酬としての自己株式の処分に関するお知らせ」"
                               "について、訂正すべき事項がありました"),
    "nippon-shinyaku-2025-07-18": ("at the meeting of its Board of Directors held on July 18, 2025, it resolved to "
                                   "proceed with the disposal of treasury shares as restricted stock compensation",
                                   "当社は、2025年7月18日開催の取締役会において、下記のとおり、譲渡制限付株式報酬としての"
                                   "自己株式の処分を行うことについて決議いたしました"),
    "temairazu-2021-10-14": ("on October 14, 2021, by written resolution in lieu of a board meeting",
                             "2021年10月14日、会社法第370条及び当社定款の定めに基づく書面決議（みなし決議）により、"),
    "hepco-2021-07-30": ("the disposal of treasury shares by third-party allotment to the trust of the stock "
                         "compensation plan", "株式報酬制度に係る信託を割当先とする第三者割当による自己株式の処分"),
    "minato-bio-2025-02-10": ("the issuance of new shares by third-party allotment", "第三者割当による新株式の発行"),
    "sosei-2020-04-16": ("the issuance of new shares under the restricted stock unit (RSU) plan",
                         "RSU制度に基づく新株式の発行"),
    "tsubasa-logistics-2025-05-23": ("the issuance of stock acquisition rights as stock-compensation-type stock options "
                                     "and the disposal of treasury shares as restricted stock compensation",
                                     "株式報酬型ストックオプションとしての新株予約権の発行及び譲渡制限付株式報酬としての自己株式の処分"),
}


@pytest.mark.parametrize("sample", sorted(LEADS))
def test_the_lead_says_what_the_notice_does(sample):
    for lang, expected in zip(("en", "ja"), LEADS[sample], strict=True):
        lead = _text(_root(sample, lang)).split(" 1. " if lang == "en" else " 記 ")[0]
        assert expected in lead, lead


@pytest.mark.parametrize("sample", [s.stem for s in FILING_SAMPLES])
def test_a_notice_that_announces_a_resolution_never_says_it_is_determined(sample):
    notice_type = next(f.value for f in _factset(sample).facts if f.name == "NoticeType") \
        if _factset(sample).find("NoticeType") else "Resolution"
    lead = _root(sample, "ja").find(f".//{XHTML}p[@class='lead']")
    said = "".join(lead.itertext())
    assert ("確定" in said) == (notice_type == "Determination"), said
    assert ("決議いたしましたので" in said) == (notice_type == "Resolution"), said


def _headings(root: etree._Element) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in root.iter(f"{XHTML}td", f"{XHTML}h2")
            if e.get("class") == "heading" or e.tag == f"{XHTML}h2"]


ORDER = {  # sample: parts and items in the order notices of that kind give them
    "nippon-shinyaku-2025-07-18": ["1．処分の概要", "処分期日", "処分する株式の種類及び数", "処分価額", "処分価額の総額",
                                   "処分予定先", "2．処分の目的及び理由", "3．関連事項"],
    "temairazu-2021-10-14": ["1．発行の概要", "払込期日", "発行する株式の種類及び数", "発行価額", "発行価額の総額",
                             "割当予定先", "2．発行の目的及び理由"],
    "kaede-systems-2024-05-15": ["1．新株予約権を発行する理由", "2．新株予約権の発行要項", "新株予約権の名称",
                                 "新株予約権の割当の対象者及びその人数並びに割り当てる新株予約権の数",
                                 "新株予約権の目的となる株式の種類及び数", "新株予約権の総数", "新株予約権の払込金額",
                                 "新株予約権の行使に際して出資される財産の価額", "新株予約権を行使することができる期間",
                                 "新株予約権の行使の条件", "新株予約権の割当日"],
    "kisoji-2021-08-31": ["1．募集の概要", "新株予約権の名称", "割当日", "新株予約権の総数", "発行価額",
                          "当該発行による潜在株式数", "資金調達の額（差引手取概算額）", "行使価額及び行使価額の修正条件"],
    "minato-bio-2025-02-10": ["1．募集の概要", "払込期日", "発行する株式の種類及び数", "発行価額", "発行価額の総額",
                              "増加する資本金及び資本準備金の額", "募集又は割当方法（割当予定先）", "2．募集の目的及び理由",
                              "3．調達する資金の額、使途及び支出予定時期"],
    "kumo-optics-2025-06-30": ["1．訂正の内容", "2．訂正後の処分の概要", "譲渡制限期間", "3．関連事項"],  # related matters are not amended
}


@pytest.mark.parametrize("sample", sorted(ORDER))
def test_items_come_in_the_order_notices_of_the_kind_use(sample):
    headings = _headings(_root(sample, "ja"))
    positions = [headings.index(heading) for heading in ORDER[sample]]
    assert positions == sorted(positions), headings


def test_composite_items_read_as_one_phrase_with_each_value_tagged():
    root = _root("nippon-shinyaku-2025-07-18", "ja")
    cell = _tagged(root, "ClassOfShares")[0].getparent()
    assert "".join(cell.itertext()) == "当社普通株式22,409株"
    assert [e.get("name") for e in cell] == ["eqi:ClassOfShares", "eqi:NumberOfSharesIssuedOrDisposedOf"]
    assert "1株につき3,128円" in _text(root) and "22,409 shares of common stock of the Company" in \
        _text(_root("nippon-shinyaku-2025-07-18", "en"))
    period = _tagged(_root("kaede-systems-2024-05-15", "ja"), "ExercisePeriodStartDate")[0].getparent()
    assert "".join(period.itertext()) == "2026年7月1日から2031年5月31日まで"


def test_allotment_table_closes_with_the_stated_total():
    table = _root("kaede-systems-2024-05-15", "ja").find(f".//{XHTML}table[@class='allotments']")
    rows = [" ".join("".join(row.itertext()).split()) for row in table]
    assert rows == ["付与対象者人数新株予約権の数", "当社取締役 3名 400個".replace(" ", ""),
                    "当社従業員25名600個", "合計1,000個"]
    assert table[-1].find(f".//{{{IX}}}nonFraction").get("name") == "eqi:NumberOfStockAcquisitionRights"
    # One recipient category reads as a line, as notices print it.
    assert "当社の取締役（社外取締役を除きます。）　6名　22,409株" in "".join(
        _root("nippon-shinyaku-2025-07-18", "ja").itertext())


def test_tranches_are_listed_item_by_item_under_their_tagged_names():
    text = _text(_root("hoya-2023-08-23", "en"))
    assert "3,600 shares of common stock of the Company PSU granted in FY2020: 3,200 shares RSU granted in FY2022: " \
           "400 shares" in text
    assert "PSU granted in FY2020: Executive Officers: 2 persons, 3,200 shares" in text
    labels = _tagged(_root("hoya-2023-08-23", "en"), "TrancheLabel")
    assert [e.text for e in labels] == ["PSU granted in FY2020", "RSU granted in FY2022"]
    sosei = _text(_root("sosei-2020-04-16", "ja"))
    assert "第7回RSU 1株につき1,426円 第8回RSU 未定 第9回RSU 未定" in sosei  # to be determined: nil, in words


def test_limits_translations_scales_and_stated_decimals_read_as_printed():
    assert "not exceeding 1,270 rights" in _text(_root("softbanktech-2017-08-23", "en"))
    minato = _text(_root("minato-bio-2025-02-10", "ja"))
    assert "900,000,000円（約6,000,000米ドル）" in minato  # a convenience translation, tagged as such
    assert "12,000千円" in minato and "10.00%" in minato
    scaled = _tagged(_root("minato-bio-2025-02-10", "ja"), "EstimatedIssueCosts")[0]
    assert (scaled.get("scale"), scaled.get("decimals"), scaled.text) == ("3", "-3", "12,000")


def test_era_dates_on_request_and_sections_under_their_own_headings():
    text = _text(_root("kumo-optics-2025-06-30", "ja", era=True))
    assert "令和7年6月30日" in text and "令和7年7月18日から令和37年7月17日まで" in text
    assert "割り当てる新株予約権の数の算定根拠" in _headings(_root("recruit-2014-11-13", "ja"))[-1]
    assert "Basis of the number of rights allotted" in _headings(_root("recruit-2014-11-13", "en"))[-1]


def test_values_no_item_takes_are_still_shown():
    data = {"title": {"en": "Notice", "ja": "お知らせ"}, "announcement_date": "2025-07-18",
            "issuer": {"name": {"en": "Kumo", "ja": "くも"}},
            "issuance": {"kind": "restricted_stock", "dilution": {"ratio": "1.5%"}}}
    root = build_inline(build_factset(Filing.model_validate(data)), "en").getroot()
    assert "1. Other particulars (1) Dilution ratio (shares) 1.5%" in _text(root)
    assert _tagged(root, "DilutionRatio")


def test_every_kind_has_a_layout_and_every_concept_a_place():
    assert set(phrases.KIND_LAYOUTS) == set(IssuanceKind)
    placed = {concept.name for parts in phrases.LAYOUTS.values() for part in parts
              for concept in ((part.text,) if part.text else ()) + tuple(x for i in part.items for x in i.concepts)}
    placed |= {concept.name for part in phrases.NOTICE_PARTS.values() for p in part for concept in (p.text,) if concept}
    told = {c.DOCUMENT_TITLE, c.ANNOUNCEMENT_DATE, c.EARLIER_NOTICE_DATE, c.EARLIER_NOTICE_TITLE, c.ISSUER_NAME,
            c.SECURITIES_CODE, c.LEI, c.EDINET_CODE, c.MARKET, c.REPRESENTATIVE, c.CONTACT, c.TELEPHONE, c.ADDRESS,
            c.TRADING_SYMBOL, c.TRANCHE_LABEL, c.SECTION_TEXT, *phrases.HIDDEN}  # header, lead, captions, hidden
    unplaced = [concept.name for section in SECTIONS for concept in section.concepts
                if concept.name not in placed and concept not in told]
    assert unplaced == []


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


def test_a_text_block_states_the_same_xhtml_value_in_every_document():
    """The inline document shows R&D (its escaped value reads R&amp;D); the instance and OIM carry R&amp;D."""
    from exporter.documents.oim import build_xbrl_json
    from exporter.taxonomy.files import ENTRY_POINT_URL

    factset = build_factset(load_filing(SAMPLES / "kaede-systems-2024-05-15.yaml"))
    shown = "sales, operating profit & R&D milestones"
    stated = "sales, operating profit &amp; R&amp;D milestones"
    inline = build_inline(factset, "en")
    block = next(e for e in inline.iter(f"{{{IX}}}nonNumeric")
                 if e.get("name") == "eqi:PurposeAndReasons" and e.get("{http://www.w3.org/XML/1998/namespace}lang") == "en")
    assert block.get("escape") == "true" and shown in block.text
    assert b"operating profit &amp; R&amp;D" in serialize_inline(inline)
    instance = build_instance(factset).getroot()
    purpose = [e for e in instance if e.tag.endswith("}PurposeAndReasons")
               and e.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"]
    assert len(purpose) == 1 and stated in purpose[0].text
    report = build_xbrl_json(factset, ENTRY_POINT_URL).decode()
    assert stated in report and shown not in report
    title = next(e for e in instance if e.tag.endswith("}DocumentTitle"))
    assert "&amp;" not in title.text  # only text blocks hold markup
