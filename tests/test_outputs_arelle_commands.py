"""The README's Arelle commands, run exactly as written, the way a user runs them: a shell, the
installed ``arelleCmdLine`` and ``disclosure-exporter``, a folder with ``eqi.zip`` and ``out/``.

On a valid export every command exits 0. On an invalid document (written over the same file name)
at least one exits non-zero and says why: an XBRL 2.1 error and a calculation inconsistency fail
the Arelle command itself; a broken business rule (which only the taxonomy's formula assertions
state) fails the second command, and Arelle's own assertion message is among the reasons.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES, SEED
from lxml import etree

from exporter.export import Outputs, export_filing, render_filing
from exporter.sources import load_filing
from exporter.taxonomy.namespaces import IX
from exporter.taxonomy.package import build_package_bytes

pytestmark = pytest.mark.arelle

README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # the environment's console scripts: arelleCmdLine, disclosure-exporter


def _commands() -> list[str]:
    """The sh block of the README's `taxonomy package` section: continuation lines joined, comments dropped."""
    section = README.split("### `taxonomy package`", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    joined = re.sub(r"\\\n\s*", "", block)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


COMMANDS = _commands()
DOCUMENT = "out/iij-2015-07-13-en.html"


def test_the_readme_documents_the_commands_this_test_runs():
    assert COMMANDS[0] == "disclosure-exporter taxonomy package eqi.zip"
    arelle = [command for command in COMMANDS if command.startswith("arelleCmdLine ")]
    assert len(arelle) == 1 and "--formula none" in arelle[0] and "--validationExitCode" in arelle[0]
    assert any(command.startswith("disclosure-exporter validate ") and "--arelle" in command for command in COMMANDS)
    assert all(DOCUMENT in command for command in COMMANDS[1:])


def _run_all(folder: Path) -> list[subprocess.CompletedProcess[str]]:
    """The README's commands in ``folder``: the package first, then the checks side by side (two processes)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

    def start(command: str) -> subprocess.Popen[str]:
        return subprocess.Popen(["bash", "-c", command], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    first = start(COMMANDS[0])
    output, _ = first.communicate(timeout=120)
    results = [subprocess.CompletedProcess(COMMANDS[0], first.returncode, output)]
    running = [(command, start(command)) for command in COMMANDS[1:]]
    for command, process in running:
        output, _ = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(command, process.returncode, output))
    return results


def _folder(tmp_path: Path, document: bytes) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / DOCUMENT).write_bytes(document)
    return tmp_path


def _inline(sample: Path) -> bytes:
    return render_filing(load_filing(sample), "en", stem=sample.stem).inline


def _changed(document: bytes, change) -> bytes:
    root = etree.fromstring(document)
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _number(root: etree._Element, concept: str) -> etree._Element:
    return next(e for e in root.iter(f"{{{IX}}}nonFraction") if e.get("name") == concept)


def _set(element: etree._Element, value: int) -> None:
    element.text = f"{value:,}"


def _shown(element: etree._Element) -> int:
    return int(re.sub(r"\D", "", element.text or ""))


def test_a_valid_export_passes_every_command(tmp_path):
    results = _run_all(_folder(tmp_path, _inline(SEED)))
    for result in results:
        assert result.returncode == 0, f"{result.args}\n{result.stdout}"
    assert (tmp_path / "eqi.zip").is_file()


def test_an_xbrl_error_and_a_calculation_inconsistency_fail_the_arelle_command(tmp_path):
    """Two defects in one document (each command run costs seconds): a unit that does not exist, and
    a total that is not the sum of its items."""
    def broken(root):
        next(e for e in root.iter(f"{{{IX}}}nonFraction") if e.get("unitRef") == "pure").set("unitRef", "nowhere")
        total = _number(root, "eqi:AggregateIssueValue")
        _set(total, _shown(total) * 2)

    results = _run_all(_folder(tmp_path, _changed(_inline(SAMPLES / "sakura-robotics-2024-06-14.yaml"), broken)))
    arelle, ours = results[1], results[2]
    assert arelle.returncode == 3, arelle.stdout
    assert "numericUnit" in arelle.stdout and "calc11e:inconsistentCalculation" in arelle.stdout, arelle.stdout
    assert ours.returncode == 1, ours.stdout
    assert "xbrl21:missingUnit" in ours.stdout and "calc11:inconsistency" in ours.stdout, ours.stdout


def test_a_broken_business_rule_fails_the_assertions_command(tmp_path):
    def fewer_shares(root):
        shares = _number(root, "eqi:NumberOfSharesUnderlyingStockAcquisitionRights")
        _set(shares, _shown(shares) - 200)  # 151 rights x 200 shares per right is 30,200, not 30,000

    results = _run_all(_folder(tmp_path, _changed(_inline(SEED), fewer_shares)))
    arelle, ours = results[1], results[2]
    assert arelle.returncode == 0, arelle.stdout  # valid XBRL: only the assertions state this rule
    assert ours.returncode == 1, ours.stdout
    assert re.search(r"error message:eqi_SharesEqualRightsTimesSharesPerRight: .* \[arelle\]", ours.stdout), ours.stdout


def _reopen_command() -> str:
    """The README export section's command that reopens an output in Arelle (continuation lines joined)."""
    section = README.split("### `export`", 1)[1].split("### ", 1)[0]
    block = next(b.split("```", 1)[0] for b in section.split("```sh")[1:] if "arelleCmdLine" in b)
    return re.sub(r"\\\n\s*", "", block).strip()


def test_the_readme_reopens_the_package_and_both_oim_reports_in_arelle(tmp_path):
    """The product owner's check: export the seed with the outputs, then Arelle, as the README says."""
    command = _reopen_command()
    assert command.startswith("arelleCmdLine ") and "--file out/iij-2015-07-13.json " in command
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    (tmp_path / "eqi.zip").write_bytes(build_package_bytes())  # what `taxonomy package eqi.zip` writes
    export_filing(load_filing(SEED), tmp_path / "out", SEED.stem,
                  outputs=Outputs(package=True, oim=("json", "csv")))  # what `export --package --oim ...` writes
    files = ("out/iij-2015-07-13.json", "out/iij-2015-07-13-csv.json", "out/iij-2015-07-13.xbri")
    runs = [subprocess.Popen(["bash", "-c", command.replace("out/iij-2015-07-13.json", name)], cwd=tmp_path,
                             env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for name in files]
    for name, run in zip(files, runs, strict=True):
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, f"{name}\n{output}"
        messages = [line for line in output.splitlines() if line and not line.startswith("[info]")]
        assert not messages, f"{name}: {messages}"
        assert "loaded in" in output and name.split("/")[1] in output
