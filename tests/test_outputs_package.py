"""Report Package 1.0 (``.xbri``): the layout the specification asks for, and Arelle's verdict.

The Recommendation (2025-03-11) asks an Inline XBRL report package for: a zip whose entries all
sit under one top-level folder; ``META-INF/reportPackage.json`` in it, whose
``documentInfo.documentType`` is ``https://xbrl.org/report-package/2023/xbri`` (and the ``.xbri``
extension to match); a ``reports`` folder holding exactly one report, an Inline XBRL document or
document set (the set in one subfolder); nothing but Inline XBRL reports. Arelle checks the same
rules (its ``rpe:`` codes) when it opens the package.
"""
from __future__ import annotations

import io
import json
import zipfile

import pytest
import yaml
from click.testing import CliRunner
from conftest import SEED
from outputs_support import RICH_NOTICE, fact_set, filing_files, judge, problems, write_files

from exporter.cli import main
from exporter.documents.report_package import (
    DOCUMENT_TYPE,
    NoInlineReport,
    build_report_package,
    package_members,
)
from exporter.models import Filing


def _entries(data: bytes) -> list[zipfile.ZipInfo]:
    return zipfile.ZipFile(io.BytesIO(data)).infolist()


def _check_layout(data: bytes, stem: str) -> dict[str, bytes]:
    """The specification's structural rules; returns the members under reports/ by their path there."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = archive.namelist()
    assert len(names) == len(set(names)), "duplicate entries"
    assert all("\\" not in name and not name.startswith("/") for name in names)
    assert {name.split("/", 1)[0] for name in names} == {stem}, "one top-level folder, named after the package"
    assert not any(info.flag_bits & 0x1 for info in archive.infolist()), "encrypted entry"
    assert all(info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for info in archive.infolist())
    metadata = json.loads(archive.read(f"{stem}/META-INF/reportPackage.json"))
    assert metadata == {"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}
    assert metadata["documentInfo"]["documentType"] == DOCUMENT_TYPE
    reports = {name[len(f"{stem}/reports/"):]: archive.read(name) for name in names
               if name.startswith(f"{stem}/reports/")}
    assert set(names) == {f"{stem}/META-INF/reportPackage.json"} | {f"{stem}/reports/{n}" for n in reports}
    assert not any(name.endswith((".xbrl", ".json")) for name in reports), "an .xbri holds Inline XBRL only"
    return reports


def test_the_seed_package_layout(seed_filing, tmp_path):
    result = CliRunner().invoke(main, ["export", str(SEED), "-o", str(tmp_path), "--package"])
    assert result.exit_code == 0, result.output
    stem = SEED.stem
    data = (tmp_path / f"{stem}.xbri").read_bytes()
    reports = _check_layout(data, stem)
    assert reports == {f"{stem}-en.html": (tmp_path / f"{stem}-en.html").read_bytes()}
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in _entries(data))
    assert f"{tmp_path / (stem + '.xbri')} (written)" in result.output


def test_an_extension_taxonomy_goes_beside_the_document_it_serves():
    _, files = filing_files(Filing.model_validate(yaml.safe_load(RICH_NOTICE)), "kumo", langs=("ja",))
    reports = _check_layout(build_report_package(files, "kumo"), "kumo")
    assert sorted(reports) == ["kumo-ja.html", "kumo.xsd", "kumo_def.xml", "kumo_lab-en.xml", "kumo_lab-ja.xml"]
    assert b'href="kumo.xsd"' in reports["kumo-ja.html"]  # the relative schemaRef still resolves


def test_a_document_set_is_one_report_in_one_subfolder():
    members = [name for name, _ in package_members({"a-en.html": b"<x/>", "a-ja.html": b"<y/>", "a.xbrl": b""}, "a")]
    assert members == ["a/META-INF/reportPackage.json", "a/reports/a/a-en.html", "a/reports/a/a-ja.html"]


def test_no_inline_document_no_package():
    with pytest.raises(NoInlineReport):
        build_report_package({"a.xbrl": b"<xbrl/>"}, "a")
    with pytest.raises(ValueError):
        build_report_package({"a-en.html": b"<x/>"}, "../a")


def test_same_files_same_bytes(seed_filing):
    _, files = filing_files(seed_filing, "seed", langs=("en",))
    assert build_report_package(files, "seed") == build_report_package(dict(reversed(files.items())), "seed")


@pytest.mark.arelle
def test_arelle_opens_the_packages_with_zero_issues_and_reads_every_fact(tmp_path, seed_filing, taxonomy_package):
    """The seed (from the CLI) and a filing with an extension taxonomy (from the library): Arelle opens
    each .xbri as a report package and reads the same facts as from the instance."""
    result = CliRunner().invoke(main, ["export", str(SEED), "-o", str(tmp_path / "seed"), "--package"])
    assert result.exit_code == 0, result.output
    rich_factset, rich = filing_files(Filing.model_validate(yaml.safe_load(RICH_NOTICE)), "kumo", langs=("en",))
    rich["kumo.xbri"] = build_report_package(rich, "kumo")
    write_files(tmp_path / "kumo", rich)
    stem = SEED.stem
    paths = [tmp_path / "seed" / f"{stem}.xbri", tmp_path / "seed" / f"{stem}.xbrl",
             tmp_path / "kumo" / "kumo.xbri", tmp_path / "kumo" / "kumo.xbrl"]
    reports = judge(paths, taxonomy_package)
    for path, report in reports.items():
        assert report.is_clean and not problems(report), f"{path.name}: {problems(report)}"
    for package, instance in ((paths[0], paths[1]), (paths[2], paths[3])):
        assert fact_set(reports[package]) == fact_set(reports[instance]), package.name
    assert len(fact_set(reports[paths[2]])) == len(rich_factset.facts)
