"""Arelle is the judge: every document the tool writes loads in Arelle offline with zero errors,
warnings and inconsistencies, and the facts Arelle reads equal the model's."""
from __future__ import annotations

import functools
import importlib.util
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest
from conftest import FILING_SAMPLES, REPO, SEED

from exporter import export_filing, load_filing
from exporter.arelle_adapter import ArelleReport, run_arelle
from exporter.domain.kinds import IssuanceKind, NoticeType
from exporter.domain.values import ValueType
from exporter.facts import build_factset
from exporter.facts.factset import ExplicitMember
from exporter.taxonomy import NAMESPACE

pytestmark = pytest.mark.arelle

EQI = f"{{{NAMESPACE}}}"
ISO = "{http://www.xbrl.org/2003/iso4217}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
NOTICES = REPO.parent / "shared" / "notices"


@pytest.fixture(scope="session")
def judged(tmp_path_factory, taxonomy_package) -> dict[str, ArelleReport]:
    """Every sample exported in both languages, each document run through Arelle (2 processes)."""
    out = tmp_path_factory.mktemp("judged")
    paths: list[Path] = []
    for sample in FILING_SAMPLES:
        filing = load_filing(sample)
        for lang in ("en", "ja"):
            result = export_filing(filing, out, sample.stem, lang=lang)
            paths.extend(p for p in (result.instance_path, result.inline_path) if p not in paths)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        reports = pool.map(partial(run_arelle, packages=(taxonomy_package,)), paths)
        return {path.name: report for path, report in zip(paths, reports, strict=False)}


def test_every_document_is_clean_in_arelle(judged):
    assert len(judged) == 3 * len(FILING_SAMPLES)
    for name, report in judged.items():
        problems = [f"{m.level} {m.code}: {m.text}" for m in report.messages
                    if m.level not in ("info", "debug")]
        assert report.is_clean and not problems, f"{name}: {problems}"
        assert report.facts, f"{name}: Arelle read no facts"


def _aspects(report: ArelleReport) -> set[tuple]:
    return {(f.concept, f.value, f.unit, f.period, tuple(sorted(f.dimensions.items())), f.lang or None)
            for f in report.facts}


def _expected(filing) -> set[tuple]:
    rows = set()
    factset = build_factset(filing)
    extension = f"{{{factset.extension.namespace}}}" if factset.extension else None
    for fact in factset.facts:
        unit = None
        if fact.unit:
            unit = (fact.unit.numerators, fact.unit.denominators)
        dims = []
        for m in fact.context.members:
            value = (f"{extension if m.extension else EQI}{m.member}" if isinstance(m, ExplicitMember)
                     else m.value)
            dims.append((f"{EQI}{m.dimension}", value))
        value = fact.value
        if fact.concept.type is ValueType.TEXT_BLOCK and isinstance(value, str):
            # An escaped inline fact's value is its content as XHTML; the instance states the same.
            value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = "true" if value else "false"
        rows.add((f"{EQI}{fact.name}", value, unit, ("instant", fact.context.instant), tuple(sorted(dims)),
                  fact.lang))
    return rows


@pytest.mark.parametrize("sample", FILING_SAMPLES, ids=[s.stem for s in FILING_SAMPLES])
def test_arelle_reads_the_models_facts_from_every_document(judged, sample):
    expected = _expected(load_filing(sample))
    for name in (f"{sample.stem}.xbrl", f"{sample.stem}-en.html", f"{sample.stem}-ja.html"):
        assert _aspects(judged[name]) == expected, name


def test_seed_facts_as_the_notice_states_them(judged):
    """The seed's facts, written out by hand from the notice (not from our own mapping)."""
    instant = ("instant", date(2015, 7, 13))
    pure, shares = ((f"{XBRLI}pure",), ()), ((f"{XBRLI}shares",), ())
    jpy, jpy_per_share = ((f"{ISO}JPY",), ()), ((f"{ISO}JPY",), (f"{XBRLI}shares",))
    axis = f"{EQI}RecipientCategoryAxis"
    directors = ((axis, f"{EQI}DirectorsMember"),)
    officers = ((axis, f"{EQI}ExecutiveOfficersMember"),)
    notice = {
        ("NumberOfStockAcquisitionRights", Decimal(151), pure, ()),
        ("NumberOfSharesPerStockAcquisitionRight", Decimal(200), shares, ()),
        ("NumberOfSharesUnderlyingStockAcquisitionRights", Decimal(30200), shares, ()),
        ("AmountPaidPerStockAcquisitionRight", Decimal(369200), jpy, ()),
        ("AmountPaidPerShare", Decimal(1846), jpy_per_share, ()),
        ("NumberOfRecipients", Decimal(7), pure, directors),
        ("NumberOfStockAcquisitionRightsAllotted", Decimal(100), pure, directors),
        ("NumberOfRecipients", Decimal(11), pure, officers),
        ("NumberOfStockAcquisitionRightsAllotted", Decimal(51), pure, officers),
        ("BoardResolutionDate", "2015-06-26", None, ()),
        ("AnnouncementDate", "2015-07-13", None, ()),
        ("DeterminationDate", "2015-07-13", None, ()),
        ("SecuritiesCode", "3774", None, ()),
        ("TradingSymbol", "IIJ", None, ((f"{EQI}ListingAxis", "NASDAQ"),)),
        ("TradingSymbol", "3774", None, ((f"{EQI}ListingAxis", "TSE1"),)),
        ("IssuerName", "Internet Initiative Japan Inc.", None, ()),
        ("IssuerName", "株式会社インターネットイニシアティブ", None, ()),
        ("ClassOfShares", "common stock", None, ()),
        ("RecipientCategoryDescription", "Directors (excluding Part-time and Outside Directors) of IIJ", None, directors),
        ("RecipientCategoryDescription", "Executive Officers of IIJ", None, officers),
        ("IssuanceKind", "StockCompensationOptions", None, ()),
    }
    for name in ("iij-2015-07-13.xbrl", "iij-2015-07-13-en.html", "iij-2015-07-13-ja.html"):
        read = {(f.concept.removeprefix(EQI), f.value, f.unit, tuple(sorted(f.dimensions.items())))
                for f in judged[name].facts if f.period == instant}
        assert notice <= read, f"{name}: missing {notice - read}"
        assert len(_aspects(judged[name])) == len(build_factset(load_filing(SEED)).facts)


def test_samples_cover_every_kind_and_notice_type():
    filings = [load_filing(sample) for sample in FILING_SAMPLES]
    assert {issuance.kind for filing in filings for issuance in filing.issuances} == set(IssuanceKind)
    assert {filing.notice_type for filing in filings} == set(NoticeType)
    assert any(len(filing.issuances) > 1 for filing in filings)
    assert any(getattr(i, "exercise", None) and i.exercise.initial_price_per_share for f in filings for i in f.issuances)


# -- the real notices: every figure and date they print is a fact Arelle reads --------------------------

@functools.cache
def _coverage_module():
    """``benchmarks/coverage.py``, whose matching the tests hold to the notices' facts."""
    spec = importlib.util.spec_from_file_location("coverage_benchmark", REPO / "benchmarks" / "coverage.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


REAL = sorted(NOTICES.glob("*.json")) if NOTICES.is_dir() else []


@pytest.mark.skipif(not REAL, reason=f"the real notices are not at {NOTICES}")
@pytest.mark.parametrize("notice", REAL, ids=[p.stem for p in REAL])
def test_every_figure_and_date_of_a_real_notice_is_a_fact_with_the_right_unit(judged, notice):
    coverage = _coverage_module()
    listed = json.loads(notice.read_text(encoding="utf-8"))
    assert (REPO / "samples" / f"{notice.stem}.yaml").is_file(), "every real notice has its sample"
    for name in (f"{notice.stem}.xbrl", f"{notice.stem}-en.html", f"{notice.stem}-ja.html"):
        found = coverage.coverage(listed, name, judged[name])
        assert found.missing == [] and found.covered == found.total, f"{name}: {found.missing}"


@pytest.mark.skipif(not REAL, reason=f"the real notices are not at {NOTICES}")
def test_coverage_counts_a_figure_only_with_its_value_unit_and_limit(judged):
    """The measure can fail: a changed figure, a limit read as exact, a shared fact are all misses."""
    coverage = _coverage_module()
    listed = json.loads((NOTICES / "softbanktech-2017-08-23.json").read_text(encoding="utf-8"))
    report = judged["softbanktech-2017-08-23.xbrl"]
    assert coverage.coverage(listed, "x", report).missing == []
    changed = json.loads(json.dumps(listed))
    by_name = {fact["name"]: fact for fact in changed["facts"]}
    by_name["shares per right"]["value"] = 101
    by_name["total shares (initially)"]["upper_limit"] = False
    by_name["class of shares"]["name"] = "an unmapped text"
    changed["facts"].append(dict(by_name["recipients: employees of the Company persons (planned)"]))
    missing = coverage.coverage(changed, "x", report).missing
    assert sorted(missing) == sorted(["shares per right", "total shares (initially)", "an unmapped text",
                                      "recipients: employees of the Company persons (planned)"])
