"""Coverage of real notices, and the speed of a many-tranche export.

    .venv/bin/python benchmarks/coverage.py                       # coverage of ../shared/notices
    .venv/bin/python benchmarks/coverage.py --speed               # and a 20-tranche notice against the seed
    .venv/bin/python benchmarks/coverage.py --notices DIR --verbose

**Coverage.** For each real notice ``<id>.json`` in the notices folder that has a sample
``samples/<id>.yaml``: the sample is exported in English and Japanese, Arelle (offline, our taxonomy
package) loads the instance and both inline documents, and each figure and date the ``.json`` lists
must be a fact in each document with the right kind of unit: shares as ``xbrli:shares``, JPY as
``iso4217:JPY``, JPY per share as JPY/shares, rights and persons as ``xbrli:pure``; a per-right
amount is an amount (JPY) and shares per right are shares. An upper limit must be reported by an
``…UpperLimit`` concept and an exact figure must not; a date must be a fact of a date concept.
Text the ``.json`` lists is matched by the concept ``TEXT_FACTS`` names (the notice's wording
differs from ours): a string, a flag (``NoUpperLimitOnExercisePrice``), or a nil fact for "to be
decided". Each listed fact needs a fact of its own (two directors' counts of 4 are two facts).

**Speed.** A generated notice of 20 RSU tranches (each with dates, shares, price, total and two
recipient categories) against the seed, Japanese document: medians of in-process runs of the build
(facts, extension taxonomy, instance and inline document) and, where our validator can check the
filing, of ``render_filing`` (build and validation); and of ``disclosure-exporter export`` as a fresh
process, start-up included (what a user waits for).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.arelle_adapter import ArelleFact, ArelleReport, run_arelle  # noqa: E402
from exporter.documents import build_inline, build_instance, serialize, serialize_inline  # noqa: E402
from exporter.domain.concepts import BY_NAME  # noqa: E402
from exporter.domain.values import ValueType  # noqa: E402
from exporter.export import output_names, render_filing  # noqa: E402
from exporter.facts import build_factset  # noqa: E402
from exporter.models import Filing  # noqa: E402
from exporter.sources import load_filing  # noqa: E402
from exporter.taxonomy.extension import build_extension  # noqa: E402
from exporter.taxonomy.package import build_package_bytes  # noqa: E402

NOTICES = ROOT.parent / "shared" / "notices"
SAMPLES = ROOT / "samples"
XBRLI = "{http://www.xbrl.org/2003/instance}"
ISO = "{http://www.xbrl.org/2003/iso4217}"
TRANSLATION = "{http://disclosure-exporter.dev/taxonomy/eqi/2026-11-25}AmountPresentationAxis"

# The unit each kind of figure must carry: (numerators, denominators).
UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "shares": ((f"{XBRLI}shares",), ()),
    "shares/right": ((f"{XBRLI}shares",), ()),
    "rights": ((f"{XBRLI}pure",), ()),
    "persons": ((f"{XBRLI}pure",), ()),
    "JPY": ((f"{ISO}JPY",), ()),
    "JPY/right": ((f"{ISO}JPY",), ()),
    "JPY/share": ((f"{ISO}JPY",), (f"{XBRLI}shares",)),
}

# Text a notice lists, by the concept that reports it: (concept, what the fact is, how many facts).
TEXT_FACTS: dict[str, dict[str, tuple[str, str, int]]] = {
    "disco-2015-09-29": {"legal basis": ("LegalBasis", "string", 1), "class of shares": ("ClassOfShares", "string", 1)},
    "enish-2017-12-26": {"series": ("SeriesName", "string", 1), "commitment agreement": ("OtherMatters", "string", 1)},
    "hepco-2021-07-30": {"plan": ("PlanName", "string", 1), "class of shares": ("ClassOfShares", "string", 1),
                         "allottee": ("AllotteeName", "string", 1), "condition": ("ConditionsOfIssuance", "string", 1)},
    "hoya-2023-08-23": {"listing": ("ListingMarket", "string", 1), "class of shares": ("ClassOfShares", "string", 1)},
    "kisoji-2021-08-31": {"listing": ("ListingMarket", "string", 1), "series": ("SeriesName", "string", 1),
                          "upper limit exercise price": ("NoUpperLimitOnExercisePrice", "flag", 1)},
    "netone-2022-08-19": {"listing": ("ListingMarket", "string", 1), "class of shares": ("ClassOfShares", "string", 1),
                          "securities filing": ("OtherMatters", "string", 1),
                          "payment method": ("PaymentMethod", "string", 1)},
    "nippon-shinyaku-2025-07-18": {"class of shares": ("ClassOfShares", "string", 1)},
    "rakuten-2020-02-28": {"plan part": ("TrancheLabel", "string", 1),
                           "recipients": ("RecipientCategoryDescription", "string", 1),
                           "class of shares": ("ClassOfShares", "string", 1),
                           "cash payment for the share options": ("NoPaymentRequired", "flag", 1)},
    "recruit-2014-11-13": {"legal basis": ("LegalBasis", "string", 1), "plan type": ("PlanName", "string", 1),
                           "payment for the rights": ("NoPaymentRequired", "flag", 1),
                           "basis of the number of rights": ("FurtherSection", "string", 1),
                           "class of shares": ("ClassOfShares", "string", 1)},
    "softbanktech-2017-08-23": {"legal basis": ("LegalBasis", "string", 1), "plan type": ("PlanName", "string", 1),
                                "class of shares": ("ClassOfShares", "string", 1)},
    "sosei-2020-04-16": {"class of shares": ("ClassOfShares", "string", 1),
                         "8th and 9th RSU payment amount": ("IssuePricePerShare", "nil", 2),
                         "condition": ("ConditionsOfIssuance", "string", 1)},
    "temairazu-2021-10-14": {"listing": ("ListingMarket", "string", 1), "class of shares": ("ClassOfShares", "string", 1)},
}


# -- exporting a sample ---------------------------------------------------------------------------------

def export_documents(filing: Filing, out: Path, stem: str) -> list[Path]:
    """The instance and both inline documents of ``filing``, validated and written to ``out``."""
    paths: list[Path] = []
    for lang in ("en", "ja"):
        files = render_filing(filing, lang, stem=stem).files
        for name, data in files.items():
            (out / name).write_bytes(data)
        paths.extend(out / name for name in output_names(stem, lang) if out / name not in paths)
    return paths


def render_unvalidated(filing: Filing, lang: str, stem: str) -> dict[str, bytes]:
    """The files ``render_filing`` builds, without validation (to time the building alone)."""
    factset = build_factset(filing)
    href = f"{stem}.xsd" if factset.extension is not None else None
    files = dict(build_extension(factset.extension, stem)) if factset.extension is not None else {}
    instance_name, inline_name = output_names(stem, lang)
    files[instance_name] = serialize(build_instance(factset, href))
    files[inline_name] = serialize_inline(build_inline(factset, lang, schema_href=href))
    return files


# -- matching a notice's facts to Arelle's --------------------------------------------------------------

@dataclass
class Coverage:
    """How many of a notice's listed facts one document reports, and which it misses."""

    document: str
    total: int
    covered: int
    missing: list[str] = field(default_factory=list)
    clean: bool = True

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0


def _local(concept: str) -> str:
    return concept.rsplit("}", 1)[-1]


def _fits(listed: dict[str, Any], fact: ArelleFact, text: tuple[str, str, int] | None) -> bool:
    """Whether ``fact`` reports the figure, date or text ``listed`` (a fact of the notice's .json)."""
    concept = BY_NAME.get(_local(fact.concept))
    if concept is None or TRANSLATION in fact.dimensions:
        return False
    unit = listed["unit"]
    if unit == "text":
        assert text is not None
        name, kind, _ = text
        if concept.name != name:
            return False
        if kind == "nil":
            return fact.value is None
        if kind == "flag":
            return fact.value == "true"
        return isinstance(fact.value, str) and bool(fact.value.strip())
    if unit == "date":
        return concept.type is ValueType.DATE and fact.value == str(listed["value"])
    if fact.unit != UNITS[unit] or not isinstance(fact.value, Decimal):
        return False
    return fact.value == Decimal(str(listed["value"])) and concept.name.endswith("UpperLimit") == listed["upper_limit"]


def _match(needs: list[tuple[int, dict[str, Any]]], facts: list[ArelleFact],
           text: dict[str, tuple[str, str, int]]) -> set[int]:
    """A largest assignment of distinct facts to the listed ones (augmenting paths); the indexes it covers."""
    candidates = [[j for j, fact in enumerate(facts) if _fits(listed, fact, text.get(listed["name"]))]
                  for _, listed in needs]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = {i for i in range(len(needs)) if assign(i, set())}
    by_listed: dict[int, int] = {}
    for i in matched:
        by_listed[needs[i][0]] = by_listed.get(needs[i][0], 0) + 1
    return {index for index, count in by_listed.items()
            if count == sum(1 for listed_index, _ in needs if listed_index == index)}


def coverage(notice: dict[str, Any], document: str, report: ArelleReport) -> Coverage:
    """The notice's listed facts that ``report`` (Arelle's reading of one document) contains."""
    text = TEXT_FACTS.get(notice["id"], {})
    needs: list[tuple[int, dict[str, Any]]] = []
    for index, listed in enumerate(notice["facts"]):
        count = text[listed["name"]][2] if listed["unit"] == "text" and listed["name"] in text else 1
        if listed["unit"] == "text" and listed["name"] not in text:
            continue  # unmapped text: counted as missing below
        needs.extend((index, listed) for _ in range(count))
    unique: dict[tuple[object, ...], ArelleFact] = {}
    for fact in report.facts:  # a fact shown twice (a total restated) is one fact
        unique.setdefault((fact.concept, fact.value, fact.unit, tuple(sorted(fact.dimensions.items())), fact.lang),
                          fact)
    covered = _match(needs, list(unique.values()), text)
    missing = [listed["name"] for index, listed in enumerate(notice["facts"]) if index not in covered]
    problems = [m for m in report.messages if m.level not in ("info", "debug")]
    return Coverage(document, len(notice["facts"]), len(notice["facts"]) - len(missing), missing,
                    report.is_clean and not problems)


def measure_coverage(notices: Path, workers: int = 2) -> list[tuple[dict[str, Any], list[Coverage]]]:
    """Every notice with a sample: export, judge with Arelle, match."""
    found = []
    with tempfile.TemporaryDirectory(prefix="coverage-") as folder:
        out = Path(folder)
        package = out / "eqi.zip"
        package.write_bytes(build_package_bytes())
        jobs: list[tuple[dict[str, Any], list[Path]]] = []
        for path in sorted(notices.glob("*.json")):
            notice = json.loads(path.read_text(encoding="utf-8"))
            sample = SAMPLES / f"{notice['id']}.yaml"
            if sample.is_file():
                jobs.append((notice, export_documents(load_filing(sample), out, sample.stem)))
        documents = [p for _, paths in jobs for p in paths]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            reports = dict(zip(documents, pool.map(partial(run_arelle, packages=(package,)), documents), strict=True))
        for notice, paths in jobs:
            found.append((notice, [coverage(notice, p.name, reports[p]) for p in paths]))
    return found


# -- speed ----------------------------------------------------------------------------------------------

def tranche_notice(tranches: int) -> Filing:
    """A notice of ``tranches`` RSU deliveries, each stating what sosei-2020-04-16 states for its 7th RSU."""
    issuances = []
    for n in range(1, tranches + 1):
        shares = 1000 + 37 * n
        issuances.append({
            "kind": "rsu", "label": {"en": f"RSU tranche {n}", "ja": f"第{n}回RSU"},
            "payment_date": f"2026-{1 + n % 12:02d}-{1 + n % 27:02d}", "number_of_shares": shares,
            "price_per_share": 1426, "total_amount": 1426 * shares,
            "allotments": [
                {"category": "directors", "description": {"en": "Directors", "ja": "取締役"}, "persons": 3,
                 "shares": shares - 500},
                {"category": "executive_officers", "description": {"en": "Executive officers", "ja": "執行役員"},
                 "persons": 5, "shares": 500}]})
    total = sum(i["number_of_shares"] for i in issuances)
    return Filing.model_validate({
        "title": {"en": "Notice of Issuance of New Shares Under the RSU Plan", "ja": "RSU制度に基づく新株式の発行に関するお知らせ"},
        "announcement_date": "2025-04-16", "board_resolution_date": "2025-04-16",
        "issuer": {"name": {"en": "Kumo Optics Corporation", "ja": "くもオプティクス株式会社"}, "securities_code": "7799"},
        "totals": {"method": "new_shares", "class_of_shares": {"en": "common stock", "ja": "普通株式"},
                   "number_of_shares": total, "total_amount": 1426 * total},
        "issuances": issuances})


def _median_seconds(work: Any, repeat: int) -> float:
    work()  # warm-up: imports, schema models
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class Speed:
    notice: str
    facts: int
    build: float  # in-process: facts, extension taxonomy, instance, inline document
    render: float | None  # in-process render_filing (build and validation); None: ours cannot validate it yet
    command: float  # `disclosure-exporter export` as a fresh process, start-up included
    exit_code: int


def _command_seconds(path: Path, repeat: int) -> tuple[float, int]:
    script = "from exporter.cli import main; main()"
    times, code = [], 0
    with tempfile.TemporaryDirectory(prefix="speed-") as folder:
        for run in range(repeat + 1):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", script, "export", str(path), "-o", f"{folder}/{run}",
                                   "--lang", "ja"], capture_output=True, check=False)
            if run:  # the first run warms the file cache
                times.append(time.perf_counter() - start)
            code = done.returncode
    return statistics.median(times), code


def measure_speed(tranches: int, repeat: int) -> list[Speed]:
    """The seed and a notice of ``tranches`` tranches: medians of ``repeat`` runs each way."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="speed-input-") as folder:
        generated = Path(folder) / f"tranches-{tranches}.json"
        generated.write_text(tranche_notice(tranches).model_dump_json(exclude_unset=True), encoding="utf-8")
        for name, path in (("seed (iij-2015-07-13)", SAMPLES / "iij-2015-07-13.yaml"),
                           (f"{tranches} tranches", generated)):
            filing = load_filing(path)
            build = _median_seconds(lambda f=filing: render_unvalidated(f, "ja", "speed"), repeat)
            render: float | None = _median_seconds(lambda f=filing: render_filing(f, "ja", stem="speed"), repeat)
            command, code = _command_seconds(path, repeat)
            rows.append(Speed(name, len(build_factset(filing).facts), build, render, command, code))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=Path, default=NOTICES, help="folder of <id>.json notices")
    parser.add_argument("--speed", action="store_true", help="also time a many-tranche notice against the seed")
    parser.add_argument("--tranches", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="list what each document misses")
    args = parser.parse_args(argv)
    if not args.notices.is_dir():
        print(f"no notices at {args.notices}", file=sys.stderr)
        return 2
    print("| notice | kind | figures and dates | instance | inline en | inline ja | Arelle clean |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0]
    for notice, documents in measure_coverage(args.notices):
        worst = min(documents, key=lambda d: d.covered)
        totals[0] += worst.covered
        totals[1] += worst.total
        cells = " | ".join(f"{d.covered}/{d.total} ({d.percent:.0f}%)" for d in documents)
        clean = "yes" if all(d.clean for d in documents) else "no"
        print(f"| {notice['id']} | {notice['kind']} | {worst.total} | {cells} | {clean} |")
        if args.verbose:
            for document in documents:
                if document.missing:
                    print(f"  {document.document} misses: {', '.join(document.missing)}")
    print(f"\nall notices: {totals[0]}/{totals[1]} ({100.0 * totals[0] / max(totals[1], 1):.1f}%) in every document")
    if args.speed:
        rows = measure_speed(args.tranches, args.repeat)
        print("\n| notice | facts | build in-process | build + validate in-process | `export` command | exit |")
        print("|---|---|---|---|---|---|")
        for row in rows:
            render = "n/a" if row.render is None else f"{row.render * 1000:.0f} ms"
            print(f"| {row.notice} | {row.facts} | {row.build * 1000:.0f} ms | {render} | {row.command:.2f} s | "
                  f"{row.exit_code} |")
        seed, many = rows
        print(f"\n`export` command: {many.command / seed.command:.2f}x the seed; build in-process: "
              f"{many.build / seed.build:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
