"""docs/tag.md: its worked examples (English and Japanese) run and say what the command really writes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "tag.md"
_BLOCK = re.compile(r"<!-- tag-(example|draft): (\S+) -->\n```\w+\n(.*?)```", re.DOTALL)


def _blocks(kind: str) -> dict[str, str]:
    return {name: body for found, name, body in _BLOCK.findall(DOC.read_text(encoding="utf-8")) if found == kind}


@pytest.mark.parametrize("name", sorted(_blocks("example")))
def test_worked_example_gives_the_draft_the_doc_shows(name, tmp_path):
    notice = tmp_path / name
    notice.write_text(_blocks("example")[name], encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    if name == "birch-rs.txt":
        assert "14 facts tagged in place, 3 hidden, 0 figures or dates left untagged" in result.output
    draft = (tmp_path / "out" / f"{notice.stem}.draft.yaml").read_text(encoding="utf-8").splitlines()
    for line in _blocks("draft")[name].splitlines():
        assert line in draft, line


def test_both_languages_have_a_worked_example():
    assert set(_blocks("example")) == set(_blocks("draft")) == {"birch-rs.txt", "sakura-so.txt"}
    assert "14 facts tagged in place, 3 hidden, 0 figures or dates left untagged" in DOC.read_text(encoding="utf-8")


def test_the_library_api_is_exporter_tag(tmp_path):
    import exporter

    notice = tmp_path / "birch-rs.txt"
    notice.write_text(_blocks("example")["birch-rs.txt"], encoding="utf-8")
    result = exporter.tag(notice, tmp_path / "out")
    assert result.tagged.shown == 14 and result.tagged.hidden == 3
    assert (tmp_path / "out" / "birch-rs-tagged.html") in result.written
