"""The command line's one table of failures: every error it names exists, gets its documented exit code,
and reaches the user as a message naming the file, for every command alike."""
from __future__ import annotations

import importlib
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SEED
from tag_notices import SEED_LIKE

from exporter.cli import main
from exporter.cli.common import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    FAILURES,
    failure_of,
    reported,
)
from exporter.output import OutputError, OutputExists
from exporter.sources import InputError, UnreadableInput
from exporter.sources.notices import NoticeError

NOTICE_CODES = [value for name, value in vars(NoticeError).items() if name.isupper()]


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_every_listed_error_is_an_exception_class(name):
    module, _, qualname = name.rpartition(".")
    kind = getattr(importlib.import_module(module), qualname)
    assert isinstance(kind, type) and issubclass(kind, Exception)
    assert f"{kind.__module__}.{kind.__qualname__}" == name  # where it is defined, not re-exported


@pytest.mark.parametrize("code", NOTICE_CODES)
def test_a_notice_that_cannot_be_read_is_unreadable_input_whatever_the_reason(code):
    assert len(NOTICE_CODES) >= 10
    failure = failure_of(NoticeError(code, "why", file="notice.docx"))
    assert failure is not None and failure.exit_code == EXIT_USAGE


@pytest.mark.parametrize(("error", "exit_code"), [
    (UnreadableInput([]), EXIT_USAGE),  # the most specific class wins over InputError's
    (InputError([]), EXIT_INVALID),
    (OutputExists([Path("out/a.xbrl")]), EXIT_INVALID),  # over OutputError's
    (OutputError(Path("out"), "read-only file system"), EXIT_OUTPUT),
])
def test_subclasses_get_their_own_exit_code(error, exit_code):
    failure = failure_of(error)
    assert failure is not None and failure.exit_code == exit_code


def test_an_unexpected_error_is_left_to_the_guard():
    assert failure_of(KeyError("x")) is None
    with pytest.raises(KeyError), reported("in.yaml"):
        raise KeyError("x")


def test_a_reported_error_names_its_file_and_exits_with_its_code(capsys):
    with pytest.raises(SystemExit) as exited, reported("in.yaml"):
        raise OutputError(Path("out/in.xbrl"), "no space left on the device")
    assert exited.value.code == EXIT_OUTPUT
    assert capsys.readouterr().err == "out/in.xbrl: no space left on the device\nnothing written\n"


def test_the_readme_documents_the_same_exit_codes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sentence = " ".join(readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1].split())
    codes = [int(code) for code in re.findall(r"`(\d)`", sentence)]
    assert codes[:5] == [EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERNAL]
    unreadable = sentence.split("`2`", 1)[1].split("`3`", 1)[0]
    assert all(word in unreadable for word in ("unreadable", "missing", "damaged", "unsupported", "limit"))


def _damaged_docx(folder: Path) -> Path:
    path = folder / "notice.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")  # a zip, but no word/document.xml
    return path


@pytest.mark.parametrize(("make", "says"), [
    (lambda folder: _write(folder / "notice.pdf", b"%PDF-1.7"), "notice:unsupportedFormat"),
    (lambda folder: _write(folder / "notice.txt", b""), "notice:empty"),
    (lambda folder: _write(folder / "notice.docx", b"PK\x03\x04 not really a zip"), "notice:badDocx"),
    (_damaged_docx, "notice:badDocx"),
])
def test_tag_exits_2_for_a_notice_it_cannot_read(tmp_path, make, says):
    notice = make(tmp_path)
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE, result.output
    assert str(notice) in result.output and says in result.output and "nothing written" in result.output
    assert not (tmp_path / "out").exists()


def test_tag_exits_2_for_data_it_cannot_read_and_1_for_invalid_data(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    folder = tmp_path / "data.yaml"
    folder.mkdir()
    unreadable = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(folder)])
    assert unreadable.exit_code == EXIT_USAGE and str(folder) in unreadable.output
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(SEED.read_text(encoding="utf-8").replace("number_of_shares: 30200", "number_of_shares: 30000"),
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(invalid)])
    assert result.exit_code == EXIT_INVALID, result.output
    assert "invalid input, nothing written" in result.output and "invalid.yaml" in result.output
    assert not (tmp_path / "out").exists()


def test_every_writing_command_reports_a_clash_the_same_way(tmp_path):
    runner = CliRunner()
    commands = {
        "export": ["export", str(SEED), "-o", str(tmp_path / "export")],
        "template": ["template", str(tmp_path / "register.xlsx")],
        "taxonomy package": ["taxonomy", "package", str(tmp_path / "eqi.zip")],
    }
    clashes = {"export": tmp_path / "export" / "iij-2015-07-13.xbrl", "template": tmp_path / "register.xlsx",
               "taxonomy package": tmp_path / "eqi.zip"}
    for name, args in commands.items():
        clashes[name].parent.mkdir(exist_ok=True)
        clashes[name].write_bytes(b"someone else's file")
        result = runner.invoke(main, args)
        assert result.exit_code == EXIT_INVALID, (name, result.output)
        assert str(clashes[name]) in result.output and "--force" in result.output, name
        assert result.output.rstrip().endswith("nothing written"), name
        assert clashes[name].read_bytes() == b"someone else's file", name


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
