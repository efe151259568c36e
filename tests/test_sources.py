"""YAML and JSON filing documents: every error says where (file and line) and what."""
from __future__ import annotations

import pytest
from conftest import SEED

from exporter.sources import InputError, load_filing


def problems(path):
    with pytest.raises(InputError) as caught:
        load_filing(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_rule_errors_point_at_the_field_that_disagrees(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("number_of_shares: 30200", "number_of_shares: 30000")
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems(path)
    assert problem.line == line_of(text, "number_of_shares: 30000")
    assert problem.field == "issuance.number_of_shares"
    assert str(problem).startswith(f"{path}:{problem.line}: issuance.number_of_shares: ")


def test_field_errors_point_at_the_field(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace('securities_code: "3774"', 'securities_code: "37-74"')
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems(path)
    assert (problem.line, problem.field) == (line_of(text, "37-74"), "issuer.securities_code")


def test_several_errors_are_all_reported(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("currency: JPY", "currency: XXY").replace(
        "announcement_date: 2015-07-13", "announcement_date: 2015-02-30")
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert {p.field for p in found} == {"issuance.currency", "announcement_date"}


def test_json_syntax_error_has_line_and_column(tmp_path):
    path = tmp_path / "f.json"
    path.write_text('{\n  "title": "x",\n  "issuer": {,}\n}', encoding="utf-8")
    [problem] = problems(path)
    assert (problem.line, problem.column) == (3, 14) and "JSON syntax error" in problem.message
    assert str(problem).startswith(f"{path}:3:14: ")


@pytest.mark.parametrize("content,expected", [
    (b"- just\n- a list\n", "expected a mapping"),
    (b"\xff\xfe t\x00i\x00", "not UTF-8"),
    (b"title: !!python/object/apply:os.system ['true']\n", "YAML syntax error"),
])
def test_unusable_documents(tmp_path, content, expected):
    path = tmp_path / "f.yaml"
    path.write_bytes(content)
    [problem] = problems(path)
    assert expected in problem.message


def test_missing_file(tmp_path):
    [problem] = problems(tmp_path / "nope.yaml")
    assert "cannot read the file" in problem.message
