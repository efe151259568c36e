"""Hostile drafts given to ``validate``: refused with a clear message, quickly, with bounded memory,
and nothing is read or fetched. Checked in-process (validate_bytes / validate_path) and through the
command line in a child process (whose peak memory the kernel reports).

Opens are caught where Python cannot see them (libxml2 opens files from C): the "secret" is a
named pipe, and a poller notices any reader. Connections are caught by a local listener. (The
instruments are in hostile_support.py, the fixtures in conftest.py.)
"""
from __future__ import annotations

import io
import json
import re
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from hostile_support import CHILD_CLI as CLI
from hostile_support import (
    SECRET,
    FifoProbe,
    billion_laughs,
    bounded,
    connection_pending,
    external_dtd,
    external_entity,
)

from exporter.taxonomy.dts import archives
from exporter.validation import validate as validate_module
from exporter.validation import validate_bytes, validate_path

CHILD_RSS_BOUND_KB = 250 * 1024  # the whole CLI process, interpreter and schemas included
# (The child, hostile_support.CHILD_CLI, reports its own peak RSS on exit.)


def run_cli(*args: str) -> tuple[int, str, float, int]:
    """Run ``disclosure-exporter validate ARGS`` in a child: exit code, stdout, seconds, peak RSS (KB)."""
    started = time.perf_counter()
    done = subprocess.run([*CLI, "validate", *args], capture_output=True, timeout=60)
    elapsed = time.perf_counter() - started
    peaks = re.findall(rb"PEAK_KB=(\d+)", done.stderr)
    assert peaks, f"the child did not report its peak memory: {done.stderr[-500:]!r}"
    return done.returncode, done.stdout.decode(), elapsed, int(peaks[-1])


def codes_of(report) -> set[str]:
    return {m.code for m in report.messages}


# --- in-process -------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_quickly_and_cheaply() -> None:
    with bounded() as run:
        report = validate_bytes(billion_laughs(), file="bomb.xbrl")
    run.check()
    assert not report.valid and codes_of(report) == {"xml:entityDeclaration"}
    assert "entit" in report.messages[0].message


def test_external_entity_to_a_local_file_is_refused_and_never_opened(fifo_probe: FifoProbe,
                                                                      tmp_path: Path) -> None:
    draft = tmp_path / "draft.xbrl"
    draft.write_bytes(external_entity(fifo_probe.path.as_uri()))
    with bounded() as run:
        [report] = validate_path(draft)
    run.check(not_opened=fifo_probe.path)
    assert codes_of(report) == {"xml:entityDeclaration"}
    assert not fifo_probe.opened.is_set()
    assert SECRET not in json.dumps(report.as_dict())


def test_external_entity_to_a_url_is_refused_without_connecting(listener: socket.socket) -> None:
    host, port = listener.getsockname()
    with bounded() as run:
        report = validate_bytes(external_entity(f"http://{host}:{port}/secret"), file="draft.xbrl")
    run.check()
    assert codes_of(report) == {"xml:entityDeclaration"}
    assert not connection_pending(listener)


@pytest.mark.parametrize("kind", ["file", "url"])
def test_external_dtd_is_refused_and_never_loaded(kind: str, fifo_probe: FifoProbe,
                                                  listener: socket.socket) -> None:
    host, port = listener.getsockname()
    target = fifo_probe.path.as_uri() if kind == "file" else f"http://{host}:{port}/x.dtd"
    with bounded() as run:
        report = validate_bytes(external_dtd(target), file="draft.xbrl")
    run.check(not_opened=fifo_probe.path)
    assert codes_of(report) == {"xml:externalDtd"}
    assert not fifo_probe.opened.is_set() and not connection_pending(listener)


def test_hostile_members_of_a_folder_and_a_zip_are_reported_and_the_rest_validated(tmp_path: Path) -> None:
    from validation_corpus import base_documents

    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "bomb.xml").write_bytes(billion_laughs())
    (folder / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (folder / "notes.txt").write_text("not XML, skipped")
    reports = {Path(r.file).name: r for r in validate_path(folder)}
    assert set(reports) == {"bomb.xml", "good.xbrl", "notes.txt"}
    assert codes_of(reports["bomb.xml"]) == {"xml:entityDeclaration"} and reports["good.xbrl"].valid
    assert codes_of(reports["notes.txt"]) == {"input:skipped"}  # reported as skipped, never silently
    archive = tmp_path / "drafts.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.iterdir():
            zipped.write(path, path.name)
    reports = {r.file.rsplit("/", 1)[1]: r for r in validate_path(archive)}
    assert set(reports) == {"bomb.xml", "good.xbrl", "notes.txt"}
    assert not reports["bomb.xml"].valid and reports["good.xbrl"].valid


def test_a_symbolic_link_in_a_folder_is_not_followed(fifo_probe: FifoProbe, tmp_path: Path) -> None:
    from validation_corpus import base_documents

    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (folder / "link.xbrl").symlink_to(fifo_probe.path)
    with bounded() as run:
        reports = validate_path(folder)
    run.check(not_opened=fifo_probe.path)
    assert [Path(r.file).name for r in reports] == ["good.xbrl"]
    assert not fifo_probe.opened.is_set()


def test_zip_members_over_the_size_limit_are_refused_without_reading_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(validate_module, "MAX_FILE_BYTES", 1024 * 1024)
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("bomb.xbrl", b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>")  # 8 MB, compresses to ~8 KB
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(buffer.getvalue())
    with bounded() as run:
        [report] = validate_path(archive)
    run.check()
    assert codes_of(report) == {"input:archiveLimit"}


# --- the command line, in a child process ---------------------------------------------------------------


def test_cli_refuses_a_billion_laughs_quickly_with_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xbrl"
    bomb.write_bytes(billion_laughs())
    code, out, elapsed, peak_kb = run_cli(str(bomb), "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["valid"] is False and [m["code"] for m in result["messages"]] == ["xml:entityDeclaration"]
    assert elapsed < 15, f"{elapsed:.1f}s"  # a cold interpreter and its imports included
    assert peak_kb < CHILD_RSS_BOUND_KB, f"peak RSS {peak_kb} KB"


def test_cli_reads_and_fetches_nothing_an_entity_or_dtd_names(fifo_probe: FifoProbe, listener: socket.socket,
                                                               tmp_path: Path) -> None:
    host, port = listener.getsockname()
    drafts = {
        "local.xbrl": external_entity(fifo_probe.path.as_uri()),
        "remote.xbrl": external_entity(f"http://{host}:{port}/secret"),
        "dtd.xbrl": external_dtd(f"http://{host}:{port}/x.dtd"),
    }
    for name, data in drafts.items():
        (tmp_path / name).write_bytes(data)
    code, out, _elapsed, _peak = run_cli(*(str(tmp_path / n) for n in drafts), "--format", "json")
    assert code == 1 and SECRET not in out
    codes = {Path(m["file"]).name: m["code"] for m in json.loads(out)["messages"]}
    assert codes == {"local.xbrl": "xml:entityDeclaration", "remote.xbrl": "xml:entityDeclaration",
                     "dtd.xbrl": "xml:externalDtd"}
    assert not fifo_probe.opened.is_set() and not connection_pending(listener)
