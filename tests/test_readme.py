"""The README tells the truth: its input example validates and its commands exist as shown."""
from __future__ import annotations

import re

import yaml
from click.testing import CliRunner
from conftest import REPO

from exporter.cli import main
from exporter.models import Filing
from exporter.taxonomy import load_taxonomy

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_input_example_is_a_valid_filing():
    block = README.split("## Input format", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    filing = Filing.model_validate(yaml.safe_load(block))
    assert filing.issuance.number_of_rights.value == 151


def test_concept_table_lists_every_reportable_concept_with_its_labels():
    for concept in load_taxonomy().concepts.values():
        if concept.is_item:
            row = next(line for line in README.splitlines() if line.startswith(f"| `eqi:{concept.name}` |"))
            assert concept.label("en") in row and concept.label("ja") in row


def test_documented_commands_exist():
    commands = set(re.findall(r"^disclosure-exporter (\w+)", README, flags=re.M))
    assert {"export", "taxonomy"} <= commands
    for command in commands:
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0, command


def test_quick_start_uses_the_bundled_sample():
    assert "disclosure-exporter export samples/iij-2015-07-13.yaml -o out" in README
    assert (REPO / "samples" / "iij-2015-07-13.yaml").is_file()
    assert ".venv/bin/pytest -q" in README and 'bin/pytest" -q' in (REPO / ".ci" / "run").read_text()

