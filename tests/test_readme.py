"""The README tells the truth: its input example validates and its commands exist as shown."""
from __future__ import annotations

import re
import shutil
import sys

import yaml
from click.testing import CliRunner
from conftest import REPO

from exporter.cli import main
from exporter.models import Filing

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_input_example_is_a_valid_filing():
    block = README.split("## Input format", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    filing = Filing.model_validate(yaml.safe_load(block))
    assert filing.issuances[0].number_of_rights.value == 151


def test_reference_pages_are_what_the_declarations_generate():
    sys.path.insert(0, str(REPO / "docs"))
    try:
        import build
    finally:
        sys.path.remove(str(REPO / "docs"))
    for name, page in build.PAGES.items():
        assert (REPO / "docs" / name).read_text(encoding="utf-8") == page(), f"run python docs/build.py ({name})"
        assert f"docs/{name.replace('-fields', '')}" in README or name == "input-fields.md"


def test_documented_commands_exist():
    commands = set(re.findall(r"^disclosure-exporter (\w+)", README, flags=re.M))
    assert {"export", "taxonomy"} <= commands
    for command in commands:
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0, command


def test_quick_start_uses_the_bundled_sample():
    assert "disclosure-exporter export samples/iij-2015-07-13.yaml -o out" in README
    assert (REPO / "samples" / "iij-2015-07-13.yaml").is_file()
    assert ".venv/bin/pytest -q" in README and 'bin/pytest" -q' in (REPO / ".ci" / "run").read_text()



def test_every_example_in_the_input_guide_is_a_valid_filing():
    guide = (REPO / "docs" / "input.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in guide.split("```yaml")[1:]]
    assert len(blocks) >= 4
    for block in blocks:
        Filing.model_validate(yaml.safe_load(block))


def test_the_library_example_runs(tmp_path, monkeypatch):
    """The README's library block, run as written from a copy of the samples (it writes into ./out)."""
    block = README.split("### The library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "out" / "iij-2015-07-13-ja.html").is_file()
    assert (tmp_path / "out" / "lantern-systems-2023-09-04-tagged.html").is_file()
