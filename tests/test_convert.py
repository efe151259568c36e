"""The conversion job and the convert/template commands: outputs, report, no row lost, --strict,
--force, --jobs (byte-identical), exit codes, progress only on a terminal."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_spreadsheet_support import DROP, register_a, register_b, seed_b, seed_row, write_csv

from exporter.cli import main
from exporter.convert import REPORT_NAME, convert_register
from exporter.output import OutputExists
from exporter.sources.spreadsheet.template import template_bytes
from exporter.validation import validate_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Rows that fail, each for another reason (a cell, a model rule, a missing value).
BAD = {
    "cell": {"resolution_date": "someday"},
    "rule": {"number_of_shares": "30,000"},
    "empty": {"company_name": None},
    "total": {"number_of_rights": 150, "number_of_shares": 30000},
}


def good(i: int) -> dict:
    return seed_row(announcement_date=f"2015-07-{13 + i % 10}", securities_code=str(1301 + i))


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_convert_writes_validated_documents_and_a_report(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0), dict(good(1), **BAD["rule"]), good(2)])
    result = convert_register(source, tmp_path / "out")
    assert (result.ok, result.failed, result.all_converted) == (2, 1, False)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["1301-2015-07-13-r2-en.html", "1301-2015-07-13-r2.xbrl", "1303-2015-07-15-r4-en.html",
                     "1303-2015-07-15-r4.xbrl", REPORT_NAME]
    for name in files[:-1]:
        assert validate_bytes((tmp_path / "out" / name).read_bytes(), file=name).valid
    report = json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8"))
    assert report == result.report
    assert report["summary"] == {"issuances": 3, "ok": 2, "error": 1, "register_errors": 0}
    entry = report["issuances"][1]
    assert entry["source"] == {"file": str(source), "sheet": "Register", "rows": [3]}
    assert entry["status"] == "error" and entry["outputs"] == []
    error = entry["errors"][0]
    assert set(error) >= {"file", "sheet", "row", "column", "cell", "value", "expected", "message"}
    assert "151 × 200 = 30,200, but 'Number of shares' is 30,000" in error["message"]
    assert report["issuances"][0]["outputs"] == ["1301-2015-07-13-r2.xbrl", "1301-2015-07-13-r2-en.html"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # staging removed


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(["ok", "blank", *BAD]), min_size=1, max_size=6))
def test_no_row_is_lost(tmp_path_factory, kinds):
    """Every non-empty source row is in the report, in order, converted or with its errors."""
    tmp = tmp_path_factory.mktemp("rows")
    rows = [({} if kind == "blank" else dict(good(i), **BAD.get(kind, {}))) for i, kind in enumerate(kinds)]
    source = register_a(tmp / "r.xlsx", [seed_row(), *rows])  # the first row fixes the column order
    result = convert_register(source, tmp / "out")
    entries = result.report["issuances"]
    expected = [(i + 3, kind) for i, kind in enumerate(kinds) if kind != "blank"]
    assert [e["source"]["rows"][0] for e in entries] == [2] + [row for row, _ in expected]
    assert [e["status"] for e in entries[1:]] == ["ok" if kind == "ok" else "error" for _, kind in expected]
    assert all(e["errors"] for e in entries if e["status"] == "error")
    assert all(len(e["outputs"]) == 2 and not e["errors"] for e in entries if e["status"] == "ok")


def test_report_of_an_empty_register_is_valid_json(tmp_path):
    source = write_csv(tmp_path / "r.csv", [["Company name", "Securities code", "Announcement date"]])
    result = convert_register(source, tmp_path / "out")
    assert result.all_converted and result.report["issuances"] == []
    assert json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8")) == result.report


def test_strict_writes_nothing_at_all(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0), dict(good(1), **BAD["cell"])])
    result = convert_register(source, tmp_path / "out", strict=True)
    assert result.wrote_nothing and result.failed == 1 and not (tmp_path / "out").exists()
    (tmp_path / "existing").mkdir()
    convert_register(source, tmp_path / "existing", strict=True)
    assert list((tmp_path / "existing").iterdir()) == []


def test_strict_writes_everything_when_all_convert(tmp_path):
    result = convert_register(register_a(tmp_path / "r.xlsx", [good(0)]), tmp_path / "out", strict=True)
    assert not result.wrote_nothing and len(result.written) == 3


def test_never_overwrites_without_force(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0)])
    out = tmp_path / "out"
    convert_register(source, out)
    again = convert_register(source, out)  # same bytes: nothing to do
    assert again.written == [] and len(again.unchanged) == 2
    (out / "1301-2015-07-13-r2.xbrl").write_bytes(b"edited")
    before = tree(out)
    with pytest.raises(OutputExists):
        convert_register(source, out)
    assert tree(out) == before
    forced = convert_register(source, out, force=True)
    assert forced.written == ["1301-2015-07-13-r2.xbrl"]


def test_register_errors_fail_the_run(tmp_path):
    issuances, allotments = seed_b()
    allotments.append({"id": "NOPE", "category": "Employees", "persons": 1, "rights": 1})
    source = register_b(tmp_path / "b.xlsx", issuances, allotments)
    result = convert_register(source, tmp_path / "out")
    assert result.ok == 1 and not result.all_converted
    assert result.report["errors"][0]["sheet"] == "Allotments" and result.report["errors"][0]["row"] == 4
    assert convert_register(source, tmp_path / "strict", strict=True).wrote_nothing


def test_jobs_give_byte_identical_outputs(tmp_path):
    rows = [dict(good(i), **BAD[kind]) if kind else good(i)
            for i, kind in enumerate([None, "cell", None, None, "rule", None, None, None, "empty", None, None, None,
                                      None, "total", None, None, None, None, None, None])]
    source = register_a(tmp_path / "r.xlsx", rows)
    one = convert_register(source, tmp_path / "one", jobs=1)
    two = convert_register(source, tmp_path / "two", jobs=2)
    assert one.report == two.report
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "one")) == 2 * 16 + 1


# --- command line --------------------------------------------------------------------------------


def test_cli_exit_0_when_all_converted(tmp_path):
    result = run("convert", str(SAMPLES / "iij-2015-07-13-register-a-ja.xlsx"), "-o", str(tmp_path / "out"),
                 "--lang", "ja")
    assert result.exit_code == 0, result.output
    assert "1 of 1 issuances converted" in result.stdout
    assert "column R '備考': not a recognised header" in result.stderr  # unused columns are reported
    assert (tmp_path / "out" / "3774-2015-07-13-r4-ja.html").is_file()
    assert "converting" not in result.stderr  # no progress bar when stderr is not a terminal


def test_cli_exit_1_when_any_failed_with_located_errors(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0), dict(good(1), **BAD["cell"])])
    result = run("convert", str(source), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "r.xlsx, sheet 'Register', row 3, column 'Resolution date' (G3) = 'someday': expected a date" in result.stderr
    assert "1 of 2 issuances converted, 1 failed" in result.stdout
    strict = run("convert", str(source), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.exit_code == 1 and "--strict: nothing written" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_cli_clash_without_force(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0)])
    assert run("convert", str(source), "-o", str(tmp_path / "out")).exit_code == 0
    (tmp_path / "out" / REPORT_NAME).write_text("{}", encoding="utf-8")
    clash = run("convert", str(source), "-o", str(tmp_path / "out"))
    assert clash.exit_code == 1 and "use --force" in clash.stderr
    assert run("convert", str(source), "-o", str(tmp_path / "out"), "--force").exit_code == 0


@pytest.mark.parametrize("make, code, says", [
    (lambda p: p / "missing.xlsx", 2, "no such file"),
    (lambda p: (p / "r.xls").write_bytes(b"x") and p / "r.xls", 2, "expected an .xlsx"),
    (lambda p: (p / "r.csv").write_bytes(b"\xff\xfea\x00") and p / "r.csv", 2, "UTF-16"),
    (lambda p: write_csv(p / "r.csv", [["a", "b"], ["1", "2"]]), 1, "no header row"),
])
def test_cli_unreadable_inputs(tmp_path, make, code, says):
    result = run("convert", str(make(tmp_path)), "-o", str(tmp_path / "out"))
    assert result.exit_code == code and says in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_map_option(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [seed_row(resolution_date=DROP, decided="2015-06-26")],
                        headers={"decided": "Decided on"})
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Decided on: resolution_date\n", encoding="utf-8")
    unmapped = run("convert", str(source), "-o", str(tmp_path / "a"))
    assert unmapped.exit_code == 0 and "Decided on" in unmapped.output + unmapped.stderr  # an unused column
    assert "BoardResolutionDate" not in "".join(p.read_text("utf-8") for p in (tmp_path / "a").glob("*.xbrl"))
    assert run("convert", str(source), "-o", str(tmp_path / "b"), "--map", str(mapping)).exit_code == 0
    assert "BoardResolutionDate" in "".join(p.read_text("utf-8") for p in (tmp_path / "b").glob("*.xbrl"))
    mapping.write_text("Decided on: decision_day\n", encoding="utf-8")
    bad = run("convert", str(source), "-o", str(tmp_path / "c"), "--map", str(mapping))
    assert bad.exit_code == 2 and "is not one of our fields" in bad.stderr


def test_cli_jobs_zero_means_one_per_cpu(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [good(0)])
    assert run("convert", str(source), "-o", str(tmp_path / "out"), "--jobs", "0").exit_code == 0


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):
    cli_convert = importlib.import_module("exporter.cli.convert")

    events = []

    class Recorder:
        def start(self, total):
            events.append(("start", total))

        def advance(self, count):
            events.append(("advance", count))

        def finish(self):
            events.append(("finish",))

    monkeypatch.setattr(cli_convert, "_Bar", Recorder)
    source = register_a(tmp_path / "r.xlsx", [good(0), good(1)])
    assert run("convert", str(source), "-o", str(tmp_path / "a")).exit_code == 0
    assert events == []
    monkeypatch.setattr(cli_convert, "_interactive", lambda: True)
    assert run("convert", str(source), "-o", str(tmp_path / "b")).exit_code == 0
    assert events == [("start", 2), ("advance", 1), ("advance", 1), ("finish",)]


def test_the_real_progress_bar_draws_on_stderr(capsys):
    from exporter.cli.convert import _Bar

    bar = _Bar()
    bar.start(None)  # total unknown: a counter
    bar.advance(3)
    bar.finish()
    assert "converting: 3 issuances" in capsys.readouterr().err


# --- template ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("layout", ["a", "b"])
def test_template_converts_to_a_valid_filing(tmp_path, lang, layout):
    target = tmp_path / "t.xlsx"
    result = run("template", str(target), "--lang", lang, "--layout", layout)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == template_bytes(lang, layout)  # byte-stable
    converted = convert_register(target, tmp_path / "out", lang=lang)
    assert converted.all_converted, converted.error_texts
    assert converted.report["unused_columns"] == []
    assert run("template", str(target), "--lang", lang, "--layout", layout).exit_code == 0  # same bytes


def test_template_refuses_to_overwrite_and_other_suffixes(tmp_path):
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"mine")
    assert run("template", str(target)).exit_code == 1 and target.read_bytes() == b"mine"
    assert run("template", str(target), "--force").exit_code == 0
    assert run("template", str(tmp_path / "t.csv")).exit_code == 2


def test_an_id_that_takes_another_rows_file_name(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [dict(seed_row(), id="r3"), dict(seed_row(), id=None)])
    result = convert_register(source, tmp_path / "out")
    first, second = result.report["issuances"]
    assert first["status"] == "ok" and first["outputs"][0] == "3774-2015-07-13-r3.xbrl"
    assert second["status"] == "error" and "already written for the issuance on row 2 (ID 'r3')" in \
        second["errors"][0]["message"]
    assert validate_bytes((tmp_path / "out" / "3774-2015-07-13-r3.xbrl").read_bytes()).valid
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_a_register_without_a_code_or_a_resolution_date_converts_with_a_warning(tmp_path):
    source = register_a(tmp_path / "r.xlsx", [seed_row(securities_code=DROP, market=DROP, resolution_date=DROP)])
    result = convert_register(source, tmp_path / "out")
    assert result.all_converted, result.error_texts
    (entry,) = result.report["issuances"]
    assert entry["warnings"] == ["no securities code, LEI or EDINET code is given: the entity is identified by its "
                                 "name 'Internet Initiative Japan Inc.' under the scheme "
                                 "http://disclosure-exporter.dev/entity-name"]
    assert entry["outputs"][0] == "Internet~20Initiative~20Japan~20Inc.-2015-07-13-r2.xbrl"
    assert result.warned == 1


def test_template_rows_are_a_stock_option_and_a_restricted_stock_disposal(tmp_path):
    target = tmp_path / "t.xlsx"
    target.write_bytes(template_bytes("ja", "b"))
    result = convert_register(target, tmp_path / "out", lang="ja")
    assert [e["source"]["id"] for e in result.report["issuances"]] == ["IIJ-2015-1", "SAKURA-2025-RS"]
    assert all(e["status"] == "ok" and not e["warnings"] for e in result.report["issuances"])
    columns = {c["field"] for c in result.report["columns"]}
    assert {"kind", "method", "price_per_share", "disposal_date", "transfer_restriction_period"} <= columns


# A value its XML Schema type refuses, put into one document of good(1) (announced 14 July 2015):
# the instance's announcement date fact (xs:date), the inline document's context instant.
BROKEN_VALUES = {
    "instance": ("serialize", rb'(<eqi:AnnouncementDate contextRef="[^"]+">)2015-07-14<', rb"\g<1>2015-06-31<"),
    "inline": ("serialize_inline", rb"<xbrli:instant>2015-07-14</xbrli:instant>", rb"<xbrli:instant>2015-06-31</xbrli:instant>"),
}


@pytest.mark.parametrize("document", sorted(BROKEN_VALUES))
def test_a_document_with_a_broken_typed_value_is_caught_and_not_written(tmp_path, monkeypatch, document):
    """Validation stays complete however fast the conversion: a value its XSD type refuses (31 June)
    in either document fails that issuance, which writes none of its files; the others convert."""
    import re

    import exporter.export as export

    serializer, pattern, replacement = BROKEN_VALUES[document]
    original = getattr(export, serializer)
    broken = []

    def serialize(tree):
        data = original(tree)
        changed, count = re.subn(pattern, replacement, data)
        broken.append(count)
        return changed

    monkeypatch.setattr(export, serializer, serialize)
    source = register_a(tmp_path / "r.xlsx", [good(0), good(1), good(2)])
    result = convert_register(source, tmp_path / "out")
    assert sum(broken) >= 1 and (result.ok, result.failed) == (2, 1)
    entry = result.report["issuances"][1]
    assert entry["status"] == "error" and entry["outputs"] == []
    message = entry["errors"][0]["message"]
    assert message.startswith("the generated document failed validation") and "2015-06-31" in message
    assert sorted({p.name.split("-")[0] for p in (tmp_path / "out").iterdir()}) == ["1301", "1303", "conversion"]
