"""docs/validation.md, the validate reference, stays true: every message code, exit code and profile."""
from __future__ import annotations

from pathlib import Path

from exporter.cli.validate import EXIT_NOT_JUDGED
from exporter.validation.codes import CODES

DOC = (Path(__file__).resolve().parents[1] / "docs" / "validation.md").read_text(encoding="utf-8")


def test_every_validation_code_is_documented_with_its_severity() -> None:
    missing = [code for code, (severity, _) in CODES.items() if f"| `{code}` | {severity.value} |" not in DOC]
    assert not missing


def test_exit_codes_and_profiles_are_documented() -> None:
    assert f"| `{EXIT_NOT_JUDGED}` |" in DOC and "| `0` |" in DOC and "| `1` |" in DOC and "| `2` |" in DOC
    for profile in ("auto", "xbrl", "eqi"):
        assert f"`{profile}`" in DOC
