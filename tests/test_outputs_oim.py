"""xBRL-JSON and xBRL-CSV: written from the fact set, and equal to the instance once Arelle reads them.

The round trip: every sample (and a notice written to use every aspect: extension members, typed
dimensions, a nil fact, a translation, languages, special characters) is rendered with both OIM
reports; Arelle, with its loadFromOIM plugin, loads the instance and both reports offline with
zero issues, and the facts it reads from each report equal the facts it reads from the instance:
concept, value, unit, period, dimensions, decimals and language.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import FILING_SAMPLES, SAMPLES, SEED
from outputs_support import RICH_NOTICE, fact_set, filing_files, problems, write_files

from exporter.arelle_adapter import run_arelle
from exporter.cli import main
from exporter.documents.oim import NotRepresentable, build_xbrl_csv, build_xbrl_json, csv_names, json_name
from exporter.documents.oim import aspects as oim
from exporter.export import Outputs, render_filing
from exporter.facts.factset import Context, Fact, FactSet, Unit
from exporter.models import Filing
from exporter.sources import load_filing
from exporter.taxonomy.files import ENTRY_POINT_URL, NAMESPACE

BOTH = Outputs(oim=("json", "csv"))
RICH = "kumo-rich"
EQI = f"{{{NAMESPACE}}}"


def _rich() -> Filing:
    return Filing.model_validate(yaml.safe_load(RICH_NOTICE))


@pytest.fixture(scope="module")
def arelle_pool():
    """Two Arelle processes for the whole module (each run is isolated in its worker; workers are reused)."""
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


def _files(name: str) -> tuple[dict[str, bytes], int | None]:
    """A sample (or the rich notice) with both OIM reports; and its fact count where the test built the facts."""
    if name != RICH:
        return render_filing(load_filing(SAMPLES / f"{name}.yaml"), "en", stem=name, outputs=BOTH).files, None
    factset, files = filing_files(_rich(), RICH, langs=())
    files[json_name(RICH)] = build_xbrl_json(factset, f"{RICH}.xsd")
    files.update(build_xbrl_csv(factset, f"{RICH}.xsd", RICH))
    return files, len(factset.facts)


def _load(pool, package: Path, paths: list[Path], *, validate: bool) -> list:
    run = partial(run_arelle, packages=(package,), validate=validate, plugins="loadFromOIM")
    return [future.result() for future in [pool.submit(run, path) for path in paths]]


@pytest.mark.arelle
@pytest.mark.parametrize("name", [s.stem for s in FILING_SAMPLES] + [RICH])
def test_arelle_reads_the_instances_facts_from_both_oim_reports(name, tmp_path, arelle_pool, taxonomy_package):
    files, count = _files(name)
    write_files(tmp_path, files)
    paths = [tmp_path / f"{name}.xbrl", tmp_path / json_name(name), tmp_path / csv_names(name)[0]]
    instance, from_json, from_csv = _load(arelle_pool, taxonomy_package, paths, validate=False)
    for label, report in (("instance", instance), ("xBRL-JSON", from_json), ("xBRL-CSV", from_csv)):
        assert report.is_clean and not problems(report), f"{name} {label}: {problems(report)}"
        assert report.facts, f"{name} {label}: no facts"
    expected = fact_set(instance)
    assert len(expected) == len(instance.facts)  # no duplicates: the comparison is one to one
    assert fact_set(from_json) == expected
    assert fact_set(from_csv) == expected
    assert len(from_json.facts) == len(from_csv.facts) == len(instance.facts)
    if count is not None:
        assert len(instance.facts) == count
    if name == RICH:
        _exercises_every_aspect(instance)


def _exercises_every_aspect(instance) -> None:
    """Guard the guard: the rich notice's round trip really carries what it claims to."""
    tranches = {f.dimensions.get(f"{EQI}TrancheAxis") for f in instance.facts}
    assert any(member and "/taxonomy/ext/" in member for member in tranches)  # extension members
    assert any(f.value is None for f in instance.facts)  # nil
    assert {"en", "ja"} <= {f.lang for f in instance.facts}
    assert {"INF", "0"} <= {f.decimals for f in instance.facts}
    assert any("Schedule, in brief" in f.dimensions.values() for f in instance.facts)  # a typed member
    assert any(isinstance(f.value, str) and f.value.startswith("#") for f in instance.facts)


@pytest.mark.arelle
def test_oim_reports_validate_clean_in_arelle(tmp_path, arelle_pool, taxonomy_package):
    """Fully validated (XBRL 2.1, Dimensions, Calculations 1.1, units, the taxonomy's formulas), not only loaded."""
    paths = []
    for name in (SEED.stem, RICH):
        files, _ = _files(name)
        write_files(tmp_path / name, files)
        paths.append(tmp_path / name / json_name(name))
    paths.append(tmp_path / SEED.stem / csv_names(SEED.stem)[0])
    for path, report in zip(paths, _load(arelle_pool, taxonomy_package, paths, validate=True), strict=True):
        assert report.is_clean and not problems(report), f"{path.name}: {problems(report)}"
        assert report.facts


TEXT_BLOCK_SAMPLE = "kaede-systems-2024-05-15"  # its English purpose says "sales, operating profit & R&D milestones"


@pytest.mark.arelle
def test_arelle_reads_a_text_block_with_ampersands_alike_from_every_document(tmp_path, arelle_pool, taxonomy_package):
    """An escaped ix:nonNumeric's value is its content as XHTML (R&amp;D): the instance and xBRL-JSON say the same."""
    name = TEXT_BLOCK_SAMPLE
    files = render_filing(load_filing(SAMPLES / f"{name}.yaml"), "en", stem=name, outputs=Outputs(oim=("json",))).files
    write_files(tmp_path, files)
    paths = [tmp_path / f"{name}.xbrl", tmp_path / f"{name}-en.html", tmp_path / json_name(name)]
    values = []
    for path, report in zip(paths, _load(arelle_pool, taxonomy_package, paths, validate=False), strict=True):
        assert report.is_clean and not problems(report), f"{path.name}: {problems(report)}"
        values.append({f.value for f in report.facts if f.concept == f"{EQI}PurposeAndReasons" and f.lang == "en"})
    instance, inline, from_json = values
    assert len(instance) == 1 and "operating profit &amp; R&amp;D milestones" in next(iter(instance))
    assert inline == instance and from_json == instance


# --- the formats themselves -------------------------------------------------------------------------


def test_xbrl_json_of_the_seed(seed_filing):
    rendered = render_filing(seed_filing, "en", stem="seed", outputs=Outputs(oim=("json",)))
    document = json.loads(rendered.files["seed.json"])
    info = document["documentInfo"]
    assert info["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == [ENTRY_POINT_URL]
    assert info["namespaces"]["scheme"] == "http://www.jpx.co.jp/securities-code"
    facts = list(document["facts"].values())
    by_concept = {f["dimensions"]["concept"]: f for f in facts
                  if not any(name.endswith("Axis") for name in f["dimensions"])}
    rights = by_concept["eqi:NumberOfStockAcquisitionRights"]
    assert rights == {"value": "151", "dimensions": {"concept": "eqi:NumberOfStockAcquisitionRights",
                                                     "entity": "scheme:3774", "period": "2015-07-14T00:00:00"}}
    assert by_concept["eqi:AmountPaidPerShare"]["dimensions"]["unit"] == "iso4217:JPY/xbrli:shares"
    assert by_concept["eqi:NumberOfSharesPerStockAcquisitionRight"]["dimensions"]["unit"] == "xbrli:shares"
    assert by_concept["eqi:IssuerName"]["dimensions"]["language"] in ("en", "ja")
    directors = [f for f in facts if f["dimensions"].get("eqi:RecipientCategoryAxis") == "eqi:DirectorsMember"]
    assert directors and all("period" in f["dimensions"] for f in directors)
    assert list(document["facts"]) == [f"f{n}" for n in range(1, len(facts) + 1)]


def _context(identifier: str = "3774") -> Context:
    return Context("I20150713", "http://www.jpx.co.jp/securities-code", identifier, date(2015, 7, 13))


def test_pure_units_exact_decimals_and_nil_in_oim_form():
    from exporter.domain import concepts as c

    pure = Unit("pure", ("{http://www.xbrl.org/2003/instance}pure",))
    yen = Unit("JPY", ("{http://www.xbrl.org/2003/iso4217}JPY",))
    assert oim.unit(pure) is None and oim.unit(None) is None
    assert oim.unit(yen) == "iso4217:JPY"
    assert oim.instant_end(date(2015, 12, 31)) == "2016-01-01T00:00:00"
    exact = Fact(c.NUMBER_OF_RIGHTS, _context(), Decimal(151), pure, "INF")
    stated = Fact(c.NUMBER_OF_RIGHTS, _context(), Decimal("13783000"), yen, "-3")
    nil = Fact(c.NUMBER_OF_RIGHTS, _context(), None, pure)
    assert (oim.decimals(exact), oim.decimals(stated), oim.decimals(nil)) == (None, -3, None)
    facts = json.loads(build_xbrl_json(FactSet([exact, stated, nil]), ENTRY_POINT_URL))["facts"]
    assert facts["f1"] == {"value": "151", "dimensions": facts["f1"]["dimensions"]}
    assert facts["f2"]["decimals"] == -3 and facts["f2"]["dimensions"]["unit"] == "iso4217:JPY"
    assert facts["f3"]["value"] is None and "decimals" not in facts["f3"]


def test_csv_cells_use_the_special_values():
    from exporter.domain import concepts as c

    facts = [Fact(c.ISSUER_NAME, _context(), "#1, \"quoted\"", lang="en"), Fact(c.ISSUER_NAME, _context(), "", lang="ja"),
             Fact(c.NUMBER_OF_RIGHTS, _context(), None, Unit("pure", ("{http://www.xbrl.org/2003/instance}pure",)))]
    files = build_xbrl_csv(FactSet(facts), ENTRY_POINT_URL, "t")
    rows = list(csv.reader(io.StringIO(files["t-facts.csv"].decode("utf-8"), newline="")))
    assert rows[0] == ["concept", "value", "unit", "decimals", "language"]
    assert rows[1] == ["eqi:IssuerName", "##1, \"quoted\"", "", "", "en"]
    assert rows[2][1] == "#empty" and rows[3][1] == "#nil"
    assert files["t-facts.csv"].endswith(b"\r\n") and not files["t-facts.csv"].startswith(b"\xef\xbb\xbf")
    metadata = json.loads(files["t-csv.json"])
    assert metadata["tables"] == {"facts": {"url": "t-facts.csv"}}
    assert metadata["tableTemplates"]["facts"]["dimensions"] == {"entity": "scheme:3774", "period": "2015-07-13@end"}


def test_an_entity_identifier_with_spaces_cannot_be_written_as_oim():
    from exporter.domain import concepts as c

    facts = FactSet([Fact(c.ISSUER_NAME, _context("Sakura Robotics"), "Sakura Robotics", lang="en")])
    with pytest.raises(NotRepresentable) as caught:
        build_xbrl_json(facts, ENTRY_POINT_URL)
    assert caught.value.code == "oim:entityIdentifier" and caught.value.value == "Sakura Robotics"


def test_export_refuses_oim_for_an_entity_named_by_its_name_and_writes_nothing(tmp_path):
    document = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    document["issuer"].pop("securities_code")
    document["issuer"]["name"] = {"en": "Internet Initiative Japan Inc."}  # the identifier has spaces
    source = tmp_path / "nameless.yaml"
    source.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(source), "-o", str(tmp_path / "out"), "--oim", "json"])
    assert result.exit_code == 1, result.output
    assert "oim:entityIdentifier" in result.output and "nothing written" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_export_writes_both_oim_reports_beside_the_instance(tmp_path):
    result = CliRunner().invoke(main, ["export", str(SEED), "-o", str(tmp_path), "--oim", "json", "--oim", "csv"])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in tmp_path.iterdir())
    stem = SEED.stem
    assert names == sorted([f"{stem}.xbrl", f"{stem}-en.html", f"{stem}.json", f"{stem}-csv.json",
                            f"{stem}-facts.csv"])
    table = (tmp_path / f"{stem}-facts.csv").read_bytes().decode("utf-8")
    assert table.count("\r\n") == 1 + len(json.loads((tmp_path / f"{stem}.json").read_bytes())["facts"])
