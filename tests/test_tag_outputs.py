"""``tag`` with the derived outputs ``export`` has: --package, --oim json|csv, --viewer, published as one set.

The files are made by the same functions as ``export``'s (``exporter.export.derived_outputs``), from
the tagged notice's own files: the review page and the draft are never packaged. Arelle opens the
report package and both OIM reports offline and reads the instance's facts from each; the viewer
opens in Chromium (skipped where it is not installed) without fetching anything.
"""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from outputs_support import fact_set, judge, problems
from tag_notices import EN_TRANCHES, SEED_LIKE
from test_outputs_viewer import CHROMIUM, LOCAL_SCHEMES, _tagged_facts
from test_outputs_viewer import browser as browser  # the fixture: system Chromium driven by Playwright

from exporter.cli import main
from exporter.viewer import SCRIPT_NAME, viewer_script

REPO = Path(__file__).resolve().parents[1]
SEED_DATA = REPO / "samples" / "iij-2015-07-13.yaml"


def _tag(notice: Path, out: Path, *options: str) -> list[str]:
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return sorted(path.name for path in out.iterdir())


def test_package_and_oim_reports_are_written_with_the_tagged_notice(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    names = _tag(notice, tmp_path / "out", "--package", "--oim", "json", "--oim", "csv")
    assert names == ["seed-like-csv.json", "seed-like-facts.csv", "seed-like-review.html", "seed-like-tagged.html",
                     "seed-like.draft.yaml", "seed-like.json", "seed-like.xbri", "seed-like.xbrl"]
    with zipfile.ZipFile(tmp_path / "out" / "seed-like.xbri") as package:
        assert package.namelist() == ["seed-like/META-INF/reportPackage.json",
                                      "seed-like/reports/seed-like-tagged.html"]  # not the review page
        assert package.read("seed-like/reports/seed-like-tagged.html") == \
            (tmp_path / "out" / "seed-like-tagged.html").read_bytes()
    facts = json.loads((tmp_path / "out" / "seed-like.json").read_bytes())["facts"]
    instance = (tmp_path / "out" / "seed-like.xbrl").read_bytes()
    assert len(facts) == instance.count(b"contextRef=")
    rows = (tmp_path / "out" / "seed-like-facts.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(facts) + 1  # a header row, then one fact a row


def test_an_extension_taxonomy_goes_into_the_package_beside_the_document(tmp_path):
    notice = EN_TRANCHES.write(tmp_path)
    names = _tag(notice, tmp_path / "out", "--package")
    stem = notice.stem
    with zipfile.ZipFile(tmp_path / "out" / f"{stem}.xbri") as package:
        packaged = {Path(name).name for name in package.namelist() if "/reports/" in name}
    assert f"{stem}.xsd" in packaged and f"{stem}-tagged.html" in packaged
    assert packaged == {name for name in names if name.endswith((".xsd", ".xml"))} | {f"{stem}-tagged.html"}


def test_same_notice_same_bytes_and_nothing_rewritten(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    options = ("--data", str(SEED_DATA), "--package", "--oim", "json")
    _tag(notice, tmp_path / "first", *options)
    _tag(notice, tmp_path / "second", *options)
    for path in (tmp_path / "first").iterdir():
        assert path.read_bytes() == (tmp_path / "second" / path.name).read_bytes(), path.name
    again = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "first"), *options])
    assert again.exit_code == 0 and "(written)" not in again.output and "(unchanged)" in again.output


def test_an_existing_different_file_refuses_the_whole_set(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "seed-like.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(out), "--oim", "json"])
    assert result.exit_code == 1 and "--force" in result.output and "nothing written" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["seed-like.json"]  # nothing else appeared
    forced = CliRunner().invoke(main, ["tag", str(notice), "-o", str(out), "--oim", "json", "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads((out / "seed-like.json").read_bytes())["facts"]


def test_an_entity_oim_cannot_name_fails_before_anything_is_written(tmp_path):
    """Data without a code identifies the company by its name, which xBRL-JSON cannot carry (spaces)."""
    document = yaml.safe_load(SEED_DATA.read_text(encoding="utf-8"))
    document["issuer"].pop("securities_code")
    document["issuer"]["name"] = {"en": "Internet Initiative Japan Inc."}
    data = tmp_path / "nameless.yaml"
    data.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    notice = SEED_LIKE.write(tmp_path)
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(data),
                                       "--oim", "json"])
    assert result.exit_code == 1, result.output
    assert "oim:entityIdentifier" in result.output and "nothing written" in result.output
    assert not (tmp_path / "out").exists()


def test_an_output_folder_in_use_by_another_run_exits_3_and_gets_nothing(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    folder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a run publishing into it holds it
        result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(out), "--package"])
    finally:
        os.close(folder)
    assert result.exit_code == 3, result.output
    assert "another disclosure-exporter run" in result.output and "nothing written" in result.output
    assert list(out.iterdir()) == []


def test_an_output_path_under_a_file_exits_3(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    (tmp_path / "plain").write_text("a file, not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "plain" / "out")])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and "nothing written" in result.output


def test_help_shows_the_output_options_without_importing_the_pipeline():
    probe = ("import sys\nfrom exporter.cli import main\ntry:\n    main(['tag', '--help'])\nexcept SystemExit:\n"
             "    pass\nheavy = sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'pydantic', 'arelle', "
             "'openpyxl', 'xmlschema') or m in ('exporter.tag', 'exporter.export', 'exporter.sources.notices'))\n"
             "print('HEAVY=' + ','.join(heavy))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--package" in done.stdout and "--oim [json|csv]" in done.stdout and "--viewer" in done.stdout
    assert "HEAVY=\n" in done.stdout, done.stdout.splitlines()[-1]


@pytest.mark.arelle
def test_arelle_reads_the_instances_facts_from_the_package_and_both_oim_reports(tmp_path, taxonomy_package):
    paths = []
    for notice, options in ((SEED_LIKE, ("--oim", "json", "--oim", "csv")), (EN_TRANCHES, ())):
        stem = Path(notice.name).stem
        out = tmp_path / f"{stem}-out"
        _tag(notice.write(tmp_path), out, "--package", *options)
        paths += [out / f"{stem}.xbrl", out / f"{stem}.xbri"]
        if options:
            paths += [out / f"{stem}.json", out / f"{stem}-csv.json"]
    reports = judge(paths, taxonomy_package, plugins="loadFromOIM")
    for path, report in reports.items():
        assert report.is_clean and not problems(report), f"{path.name}: {problems(report)}"
        assert report.facts, path.name
    for path, report in reports.items():
        if path.suffix != ".xbrl":
            assert fact_set(report) == fact_set(reports[path.with_name(path.name.split(".")[0].removesuffix("-csv")
                                                                       + ".xbrl")]), path.name


@pytest.fixture(scope="module")
def tagged_viewer(tmp_path_factory) -> tuple[Path, bytes]:
    """The seed-like notice tagged with --viewer: (viewer file, tagged Inline XBRL document)."""
    folder = tmp_path_factory.mktemp("tag-viewer")
    out = folder / "out"
    names = _tag(SEED_LIKE.write(folder), out, "--viewer")
    assert "seed-like-tagged-viewer.html" in names and SCRIPT_NAME in names
    return out / "seed-like-tagged-viewer.html", (out / "seed-like-tagged.html").read_bytes()


def test_the_viewer_holds_every_tagged_fact_and_its_script_is_beside_it(tagged_viewer):
    path, inline = tagged_viewer
    html = path.read_bytes()
    assert b'<script src="ixbrlviewer.js"' in html
    assert _tagged_facts(inline) == html.count(b"<ix:nonFraction") + html.count(b"<ix:nonNumeric")
    assert (path.parent / SCRIPT_NAME).read_bytes() == viewer_script()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_the_tagged_notices_viewer_in_chromium(browser, tagged_viewer):
    path, inline = tagged_viewer
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri() + "?lang=en")
        page.wait_for_selector("div.loader", state="hidden", timeout=60_000)
        assert page.inner_text(".total-facts-value").strip() == str(_tagged_facts(inline))
    finally:
        page.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith(LOCAL_SCHEMES)]
    assert requests and not outside, f"the viewer fetched {outside}"
