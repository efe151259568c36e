"""Every hostile or broken input (tests/hostile_inputs.py) through the command line: the expected exit
code, a message naming the place and what was expected, never a traceback, nothing half-written or
stray in the output folder. In-process with CliRunner for all; in a real child process (whose peak
memory the kernel reports) for a representative subset. Output-folder failures (read-only, full,
locked, stale staging, names too long, renames failing half-way) are here too.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_inputs import ACCEPTED, ATTACKS, SEED, Attack, seed_workbook
from hostile_support import CHILD_CLI as CLI

from exporter import output
from exporter.cli import main
from exporter.output import STAGING_PREFIX

CHILD_PEAK_BOUND_KB = 600 * 1024  # the product owner's bound is 1 GB; the whole CLI process counts


def _marks(attack: Attack) -> list[pytest.MarkDecorator]:
    if attack.lead is None:
        return []
    return [pytest.mark.xfail(reason=attack.lead, strict=True, run=not attack.hangs)]


def _params(attacks: list[Attack]) -> list[object]:
    return [pytest.param(a, id=a.id, marks=_marks(a)) for a in attacks]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback would have reached the user: fail with it
    return result.exit_code, result.output


def assert_nothing_stray(out: Path, *, published: bool) -> None:
    """No staging folder left; if nothing was to be published, the folder is absent or empty."""
    if not out.exists():
        return
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.startswith(STAGING_PREFIX) or n.endswith(".tmp")], names
    if not published:
        assert names == [], names


def run_attack(attack: Attack, tmp_path: Path) -> tuple[int, str, Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    args = attack.make(inputs)
    out = tmp_path / "out"
    code, text = invoke(attack.command, *args, "-o", str(out))
    return code, text, out


@pytest.mark.parametrize("attack", _params(ATTACKS))
def test_attack_ends_with_its_exit_code_and_a_located_message(attack: Attack, tmp_path: Path) -> None:
    code, text, out = run_attack(attack, tmp_path)
    assert "Traceback" not in text
    assert code == attack.exit_code, text[-2000:]
    for fragment in attack.says:
        assert fragment in text, (fragment, text[-2000:])
    assert len(text) < 5_000, "a long value was echoed whole"
    assert_nothing_stray(out, published=False)


@pytest.mark.parametrize("attack", _params(ACCEPTED))
def test_ordinary_inputs_are_still_accepted(attack: Attack, tmp_path: Path) -> None:
    code, text, out = run_attack(attack, tmp_path)
    assert code == attack.exit_code == 0, text
    for fragment in attack.says:
        assert fragment in text
    assert_nothing_stray(out, published=True)
    assert any(p.suffix == ".xbrl" for p in out.iterdir())


# A representative subset as real processes: the installed entry point, a fresh interpreter, the
# kernel's count of the peak memory.
CHILD_SUBSET = ["yaml-billion-laughs", "yaml-deep-flow", "json-huge-integer", "xlsx-whitespace-bomb",
                "xlsx-long-shared-string", "xlsx-element-bomb", "xlsx-number-abc", "xlsx-corrupt-lzma",
                "csv-nul", "csv-no-line-breaks"]


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.id in CHILD_SUBSET], ids=lambda a: a.id)
def test_attack_in_a_child_process(attack: Attack, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    args = attack.make(inputs)
    out = tmp_path / "out"
    done = subprocess.run([*CLI, attack.command, *args, "-o", str(out)], capture_output=True, timeout=60)
    stderr = done.stderr.decode(errors="replace")
    text = done.stdout.decode(errors="replace") + stderr
    assert "Traceback" not in text
    assert done.returncode == attack.exit_code, text[-2000:]
    for fragment in attack.says:
        assert fragment in text
    peak = int(re.findall(r"PEAK_KB=(\d+)", stderr)[-1])
    assert peak < CHILD_PEAK_BOUND_KB, f"peak {peak} KB"
    assert_nothing_stray(out, published=False)


def test_long_cells_are_shortened_on_stderr(tmp_path: Path) -> None:
    """A cell that is wrong and long is shown by its start, an ellipsis and its length."""
    import csv
    import io

    from hostile_inputs import seed_csv_rows
    from test_spreadsheet_support import header

    rows = seed_csv_rows()
    column = rows[0].index(header("number_of_rights"))
    rows[1][column] = "9" * 20 + "x" * 20_000
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    source = tmp_path / "register.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    code, text = invoke("convert", str(source), "-o", str(tmp_path / "out"))
    assert code == 1 and "Traceback" not in text
    assert "x" * 1_000 not in text
    assert "20,020 characters" in text


def test_map_file_is_read_with_the_same_bounds(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("a: " + "[" * 5_000 + "]" * 5_000, encoding="utf-8")
    register = tmp_path / "register.xlsx"
    register.write_bytes(seed_workbook())
    code, text = invoke("convert", str(register), "-o", str(tmp_path / "out"), "--map", str(mapping))
    assert code == 2 and "--map" in text and "map.yaml:1:" in text
    assert not (tmp_path / "out").exists()


def test_31_digit_amount_is_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "a.yaml"
    source.write_text(SEED.read_text(encoding="utf-8").replace("amount_per_share: 1846", "amount_per_share: "
                                                                + "1" * 31), encoding="utf-8")
    code, text = invoke("export", str(source), "-o", str(tmp_path / "out"))
    assert code == 1 and "a.yaml:" in text and "issuance.payment.amount_per_share" in text
    assert "more than 18 digits" in text and "Traceback" not in text


@pytest.mark.parametrize("command", ["export", "convert"])
def test_an_input_that_may_not_be_read_is_exit_2(command: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / ("seed.yaml" if command == "export" else "register.xlsx")
    source.write_bytes(SEED.read_bytes() if command == "export" else seed_workbook())
    real_stat = Path.stat

    def refuse(path: Path, *args: object, **kwargs: object) -> os.stat_result:
        if path == source:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", refuse)
    code, text = invoke(command, str(source), "-o", str(tmp_path / "out"))
    assert code == 2 and f"{source}: cannot read the file: permission denied" in text, text


# --- the output folder -------------------------------------------------------------------------------


def test_a_locked_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another run holds the folder
        code, text = invoke("export", str(SEED), "-o", str(out))
    finally:
        os.close(fd)
    assert code == 3 and "another disclosure-exporter run is writing into this folder" in text
    assert list(out.iterdir()) == []


def test_a_second_convert_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    register = tmp_path / "register.xlsx"
    register.write_bytes(seed_workbook())
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        code, text = invoke("convert", str(register), "-o", str(out))
    finally:
        os.close(fd)
    assert code == 3 and "another disclosure-exporter run" in text and "nothing written" in text
    assert list(out.iterdir()) == []


def test_stale_staging_of_a_killed_run_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = out / f"{STAGING_PREFIX}killed"
    stale.mkdir(parents=True)
    (stale / "000000001.x.xbrl").write_bytes(b"half")
    code, _text = invoke("export", str(SEED), "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["iij-2015-07-13-en.html", "iij-2015-07-13.xbrl"]


def test_a_full_disk_fails_before_anything_is_visible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = output.write_new_file
    calls = []

    def fill_up(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(output, "write_new_file", fill_up)
    out = tmp_path / "out"
    code, text = invoke("export", str(SEED), "-o", str(out))
    assert code == 3 and "no space left on the device" in text and "nothing written" in text
    assert not out.exists()  # created for this run, removed again


def test_a_read_only_folder_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Only the output stage's own temporary folders are refused (validation's scratch folder is elsewhere).
    monkeypatch.setattr(output, "tempfile", types.SimpleNamespace(mkdtemp=refuse))
    out = tmp_path / "out"
    out.mkdir()
    for args in (["export", str(SEED), "-o", str(out)], ["template", str(out / "t.xlsx")],
                 ["taxonomy", "package", str(out / "eqi.zip")]):
        code, text = invoke(*args)
        assert code == 3 and f"{out}: cannot write into the folder: permission denied" in text, text
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(), reason="needs root and setpriv")
def test_a_read_only_folder_for_a_real_user(tmp_path: Path) -> None:
    """The same through a real process run as nobody (root ignores a folder's permissions)."""
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="read-only-test-"))  # pytest's own folders are private to root
    shared.chmod(0o755)
    out = shared / "out"
    out.mkdir(mode=0o555)
    source = shared / "seed.yaml"
    source.write_bytes(SEED.read_bytes())
    source.chmod(0o644)
    done = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                           sys.executable, "-m", "exporter.cli", "export", str(source), "-o", str(out)],
                          capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    text = (done.stdout + done.stderr).decode()
    import shutil

    shutil.rmtree(shared, ignore_errors=True)
    if done.returncode == 126 or "No module named" in text or "Permission denied: '" in text:
        pytest.skip(f"the project is not importable as nobody here: {text[-200:]}")
    assert done.returncode == 3 and "permission denied" in text and "Traceback" not in text, text


def test_a_failed_rename_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert invoke("export", str(SEED), "-o", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    changed = tmp_path / "changed.yaml"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("Stock Options", "Share Options"), encoding="utf-8")
    (out / "iij-2015-07-13.xbrl").rename(out / "changed.xbrl")  # so the set has one new and one replaced file
    (out / "iij-2015-07-13-en.html").rename(out / "changed-en.html")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = output.os.replace
    renames = []

    def fail_second(source: object, target: object) -> None:
        renames.append(target)
        if len(renames) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", fail_second)
    code, text = invoke("export", str(changed), "-o", str(out), "--force")
    assert code == 3 and "cannot publish the files: input/output error" in text
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # the first rename was undone


def test_names_too_long_for_the_file_system_are_shortened(tmp_path: Path) -> None:
    source = tmp_path / ("a" * 240 + ".yaml")
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    code, text = invoke("export", str(source), "-o", str(out))
    assert code == 0, text
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and all(len(n.encode()) <= 255 and n.startswith("a" * 100) and "~" in n for n in names)


def test_a_long_japanese_issuance_id_gets_a_safe_name(tmp_path: Path) -> None:
    from test_spreadsheet_support import register_b, seed_b

    issuances, allotments = seed_b()
    long_id = "第一回新株予約権割当対象者別明細株式報酬型ストックオプション発行"  # 30 characters
    issuances[0]["id"] = long_id
    for allotment in allotments:
        allotment["id"] = long_id
    register = register_b(tmp_path / "register.xlsx", issuances, allotments)
    out = tmp_path / "out"
    code, text = invoke("convert", str(register), "-o", str(out))
    assert code == 0, text
    names = [p.name for p in out.iterdir() if p.suffix in (".xbrl", ".html")]
    assert len(names) == 2 and all(len(n.encode()) <= 255 for n in names)


def test_taxonomy_package_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "deeper" / "eqi.zip"
    code, text = invoke("taxonomy", "package", str(target))
    assert code == 0 and target.is_file(), text


def test_an_output_path_too_long_for_the_system_is_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path.joinpath(*["deep"] * 1_200)  # 6,000 characters: past PATH_MAX
    code, text = invoke("export", str(SEED), "-o", str(out))
    assert code == 3 and "cannot create the folder: the name is too long for the file system" in text
    assert list(tmp_path.iterdir()) == []


def test_a_target_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    target = tmp_path / ("t" * 300 + ".xlsx")
    code, text = invoke("template", str(target))
    assert code == 3 and "cannot write the file: the name is too long for the file system" in text
    assert "t" * 100 not in text  # the name is shown shortened
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_through_a_file_is_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, text = invoke("export", str(SEED), "-o", str(blocker / "out"))
    assert code == 3 and "a part of the path is a file, not a folder" in text
    code, text = invoke("taxonomy", "package", str(blocker / "eqi.zip"))
    assert code == 3 and "nothing written" in text


@pytest.mark.parametrize("command", ["export", "template", "taxonomy", "convert"])
def test_files_are_0644_under_the_usual_umask(command: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    register = tmp_path / "register.xlsx"
    register.write_bytes(seed_workbook())
    args = {"export": ["export", str(SEED), "-o", str(out)], "template": ["template", str(out / "t.xlsx")],
            "taxonomy": ["taxonomy", "package", str(out / "eqi.zip")],
            "convert": ["convert", str(register), "-o", str(out)]}[command]
    previous = os.umask(0o022)
    try:
        code, text = invoke(*args)
    finally:
        os.umask(previous)
    assert code == 0, text
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()}
    assert modes and set(modes.values()) == {0o644}, modes


def test_unexpected_errors_are_one_line_with_exit_code_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import exporter.export

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(exporter.export, "render_filing", broken)
    code, text = invoke("export", str(SEED), "-o", str(tmp_path / "out"))
    assert code == 4 and "Traceback" not in text
    [line] = text.strip().splitlines()
    assert line.startswith("internal error in 'disclosure-exporter export ") and "ZeroDivisionError" in line
    assert not (tmp_path / "out").exists()
