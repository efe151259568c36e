"""Helpers for the tests of the derived outputs (report package, OIM, viewer): a notice that uses
every aspect OIM must carry, building a filing's files without the CLI, and comparing facts."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from exporter.arelle_adapter import ArelleFact, ArelleReport, run_arelle
from exporter.documents import build_inline, build_instance, serialize, serialize_inline
from exporter.facts import build_factset
from exporter.facts.factset import FactSet
from exporter.models import Filing
from exporter.taxonomy.extension import build_extension

# A notice written for these tests: two tranches and a recipient category of the company's own (so an
# extension taxonomy), a nil amount, a convenience translation, a typed section, a text that starts
# with '#', quotes and a comma, English and Japanese texts.
RICH_NOTICE = """\
title: {en: Notice Regarding Disposal of Treasury Shares as PSU and RSU, ja: 業績連動型株式報酬及び譲渡制限付株式報酬としての自己株式の処分に関するお知らせ}
announcement_date: 2023-08-23
notice_type: completion
issuer: {name: {en: Kumo Optics Corporation, ja: クモ光学株式会社}, securities_code: "9999"}
totals:
  method: treasury_shares
  number_of_shares: 3600
  price_per_share: 15915
  total_amount: {value: 57294000, translation: {currency: USD, value: 400000}}
sections:
  purpose_and_reasons: {en: "#1 To align pay with results.", ja: 業績と報酬を連動させるため。}
  further:
    - heading: {en: "Schedule, in brief", ja: 日程}
      text: {en: "Payment on August 23, 2023; \\"settled\\" the same day.", ja: 2023年8月23日払込み。}
issuances:
  - kind: psu
    label: {en: PSU granted in FY2020, ja: 2020年度付与PSU}
    number_of_shares: 3200
    allotments: [{category: executive_officers, description: {en: Executive Officers, ja: 執行役員}, persons: 2,
                  shares: 3200}]
  - kind: rsu
    label: {en: RSU granted in FY2022, ja: 2022年度付与RSU}
    number_of_shares: 400
    price_per_share: tbd
    allotments:
      - custom_category: retiring_external_directors
        description: {en: Retiring External Directors, ja: 退任社外取締役}
        persons: 2
        shares: 400
"""


def filing_files(filing: Filing, stem: str, langs: Sequence[str] = ("en", "ja")) -> tuple[FactSet, dict[str, bytes]]:
    """The fact set and the files of a filing (extension taxonomy, instance, inline documents),
    built by the library's document functions directly, as ``render_filing`` builds them."""
    factset = build_factset(filing)
    href = f"{stem}.xsd" if factset.extension else None
    files = dict(build_extension(factset.extension, stem)) if factset.extension else {}
    files[f"{stem}.xbrl"] = serialize(build_instance(factset, href))
    for lang in langs:
        files[f"{stem}-{lang}.html"] = serialize_inline(build_inline(factset, lang, schema_href=href))
    return factset, files


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def judge(paths: Iterable[Path], package: Path, plugins: str | None = None) -> dict[Path, ArelleReport]:
    """Arelle's report on each path (offline, our taxonomy package), two processes at a time."""
    paths = list(paths)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        reports = pool.map(partial(run_arelle, packages=(package,), plugins=plugins), paths)
        return dict(zip(paths, reports, strict=True))


def aspects(fact: ArelleFact) -> tuple:
    """Everything that makes a fact what it is, as Arelle read it (not its context id or document)."""
    return (fact.concept, fact.value, fact.unit, fact.period, tuple(sorted(fact.dimensions.items())),
            fact.decimals, fact.lang or None)


def fact_set(report: ArelleReport) -> set[tuple]:
    return {aspects(fact) for fact in report.facts}


def problems(report: ArelleReport) -> list[str]:
    return [f"{m.level} {m.code}: {m.text}" for m in report.messages if m.level not in ("info", "debug")]
