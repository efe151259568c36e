"""``export`` and ``taxonomy package`` through the CLI: click's runner and a real subprocess."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import SEED

from exporter.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def seed_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_export_writes_both_documents(tmp_path):
    result = run("export", str(SEED), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["iij-2015-07-13-en.html", "iij-2015-07-13.xbrl"]
    assert "valid" in result.output


def test_export_japanese_adds_the_japanese_document(tmp_path):
    out = tmp_path / "out"
    assert run("export", str(SEED), "-o", str(out)).exit_code == 0
    result = run("export", str(SEED), "-o", str(out), "--lang", "ja")
    assert result.exit_code == 0
    assert "iij-2015-07-13.xbrl (unchanged" in result.output
    assert "2015年7月13日" in (out / "iij-2015-07-13-ja.html").read_text(encoding="utf-8")


def test_json_input_gives_the_same_bytes(tmp_path):
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    json_path = tmp_path / "iij-2015-07-13.json"
    json_path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    assert run("export", str(json_path), "-o", str(tmp_path / "a")).exit_code == 0
    assert run("export", str(SEED), "-o", str(tmp_path / "b")).exit_code == 0
    for name in ("iij-2015-07-13.xbrl", "iij-2015-07-13-en.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


BROKEN = [
    ("yaml_syntax", None, ["YAML syntax error", ":4:", ":4:18: YAML syntax error"]),
    ("shares", lambda d: d["issuance"].update(number_of_shares=30000),
     ["number_of_shares", "151 × 200 = 30,200", "30,000"]),
    ("allotments", lambda d: d["issuance"]["allotments"][1].update(rights=50),
     ["issuance.allotments[0].rights + issuance.allotments[1].rights must equal issuance.number_of_rights", "= 150", "151"]),
    ("currency", lambda d: d["issuance"].update(currency="YEN"), ["issuance.currency", "'YEN'", "ISO 4217"]),
    ("resolution_after_allotment", lambda d: (d["issuance"].pop("determination_date"),
                                              d["issuance"].update(allotment_date="2015-06-01")),
     ["board_resolution_date (2015-06-26)", "allotment_date (2015-06-01)"]),
]


@pytest.mark.parametrize("name,change,expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_input_exits_1_names_the_problem_and_writes_nothing(tmp_path, name, change, expected):
    if change is None:
        source = tmp_path / "broken.yaml"
        source.write_text("title: x\nissuer:\n  name: [unclosed\n  securities_code: 3774\n", encoding="utf-8")
    else:
        source = seed_variant(tmp_path, change)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    for fragment in expected:
        assert fragment in result.output
    assert str(source) in result.output
    assert not out.exists()


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "iij-2015-07-13.xbrl").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(SEED), "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    assert (out / "iij-2015-07-13.xbrl").read_text(encoding="utf-8") == "mine"
    assert not (out / "iij-2015-07-13-en.html").exists()
    assert run("export", str(SEED), "-o", str(out), "--force").exit_code == 0
    assert (out / "iij-2015-07-13.xbrl").read_bytes().startswith(b"<?xml")
    assert not list(out.glob(".*.tmp"))


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["export", str(SEED)]).exit_code == 2
    assert CliRunner().invoke(main, ["export", str(tmp_path / "missing.yaml"), "-o", "x"]).exit_code == 2
    notes = tmp_path / "notes.txt"
    notes.write_text("hi", encoding="utf-8")
    assert CliRunner().invoke(main, ["export", str(notes), "-o", str(tmp_path)]).exit_code == 2
    assert CliRunner().invoke(main, ["export", str(SEED), "-o", "x", "--lang", "fr"]).exit_code == 2


def test_every_command_help_has_examples():
    for args in (["export"], ["taxonomy", "package"]):
        result = run(*args, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output


def test_taxonomy_package_command(tmp_path):
    target = tmp_path / "eqi.zip"
    assert run("taxonomy", "package", str(target)).exit_code == 0
    first = target.read_bytes()
    assert run("taxonomy", "package", str(target)).exit_code == 0  # same bytes: not an overwrite
    assert target.read_bytes() == first
    target.write_bytes(b"other")
    assert CliRunner().invoke(main, ["taxonomy", "package", str(target)]).exit_code == 1


def test_console_script_in_a_real_process(tmp_path):
    script = shutil.which("disclosure-exporter", path=str(Path(sys.executable).parent))
    assert script, "the console script is installed next to the interpreter"
    done = subprocess.run([script, "export", str(SEED), "-o", str(tmp_path), "--lang", "ja"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "iij-2015-07-13-ja.html").is_file()
    bad = seed_variant(tmp_path, lambda d: d["issuance"].update(number_of_shares=30000))
    done = subprocess.run([script, "export", str(bad), "-o", str(tmp_path / "bad")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "30,000" in done.stderr
