"""Hostile drafts given to ``validate``: refused with a clear message, quickly, with bounded memory,
and nothing is read or fetched. Checked in-process (validate_bytes / validate_path) and through the
command line in a child process (whose peak memory the kernel reports).

Opens are caught where Python cannot see them (libxml2 opens files from C): the "secret" is a
named pipe, and a poller notices any reader. Connections are caught by a local listener.
"""
from __future__ import annotations

import io
import json
import os
import re
import select
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from exporter.validation import validate as validate_module
from exporter.validation import validate_bytes, validate_path

SECRET = "S3CRET-validate-0b5e"
TIME_BOUND_S = 2.0
MEMORY_BOUND = 50 * 1024 * 1024  # Python heap (tracemalloc), in-process
CHILD_RSS_BOUND_KB = 250 * 1024  # the whole CLI process, interpreter and schemas included
# The child reports its own peak RSS on exit: RUSAGE_CHILDREN in this process would be the maximum
# over every child the test session ever reaped (Arelle workers included), not this one's.
CLI = [sys.executable, "-c",
       "import atexit, resource, sys\n"
       "atexit.register(lambda: sys.stderr.write('\\nPEAK_KB=%d\\n' % "
       "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
       "from exporter.cli import main\n"
       "main()"]


def billion_laughs(levels: int = 10) -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE xbrl [\n' + "\n".join(entities) + "\n]>\n"
            f'<xbrl xmlns="http://www.xbrl.org/2003/instance">&lol{levels - 1};</xbrl>').encode()


def external_entity(target: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE xbrl [<!ENTITY secret SYSTEM "{target}">]>\n'
            '<xbrl xmlns="http://www.xbrl.org/2003/instance">&secret;</xbrl>').encode()


def external_dtd(target: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE xbrl SYSTEM "{target}">\n'
            '<xbrl xmlns="http://www.xbrl.org/2003/instance"/>').encode()


class Probe:
    """A named pipe standing for a secret file: ``opened`` is set if anything opens it for reading."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.opened = threading.Event()
        self._stop = threading.Event()
        os.mkfifo(path)
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader
                time.sleep(0.0005)
                continue
            self.opened.set()
            os.write(fd, SECRET.encode())
            os.close(fd)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


@pytest.fixture
def probe(tmp_path: Path) -> Iterator[Probe]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX named pipes")
    secret = Probe(tmp_path / "secret.txt")
    try:
        yield secret
    finally:
        secret.close()


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield server
    finally:
        server.close()


def connection_pending(server: socket.socket) -> bool:
    return bool(select.select([server], [], [], 0.2)[0])


class _Audit:
    """Python-level opens and connections made by this thread while recording (hooks cannot be removed)."""

    events: list[tuple[str, tuple]] = []
    recording = False
    thread: int | None = None

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.recording and threading.get_ident() == cls.thread and event in ("open", "socket.connect"):
            cls.events.append((event, args))


sys.addaudithook(_Audit.hook)


class bounded:
    """Within a time bound and a Python-heap memory bound, recording opens and connections."""

    def __enter__(self):
        _Audit.events, _Audit.recording, _Audit.thread = [], True, threading.get_ident()
        tracemalloc.start()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.elapsed = time.perf_counter() - self.started
        _current, self.peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _Audit.recording = False
        self.events = list(_Audit.events)

    def check(self, *, not_opened: Path | None = None) -> None:
        assert self.elapsed < TIME_BOUND_S, f"took {self.elapsed:.2f}s"
        assert self.peak < MEMORY_BOUND, f"peak {self.peak} bytes"
        assert not [e for e in self.events if e[0] == "socket.connect"], self.events
        if not_opened is not None:
            assert not [e for e in self.events if e[0] == "open" and str(e[1][0]) == str(not_opened)]


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


def test_external_entity_to_a_local_file_is_refused_and_never_opened(probe: Probe, tmp_path: Path) -> None:
    draft = tmp_path / "draft.xbrl"
    draft.write_bytes(external_entity(probe.path.as_uri()))
    with bounded() as run:
        [report] = validate_path(draft)
    run.check(not_opened=probe.path)
    assert codes_of(report) == {"xml:entityDeclaration"}
    assert not probe.opened.is_set()
    assert SECRET not in json.dumps(report.as_dict())


def test_external_entity_to_a_url_is_refused_without_connecting(listener: socket.socket) -> None:
    host, port = listener.getsockname()
    with bounded() as run:
        report = validate_bytes(external_entity(f"http://{host}:{port}/secret"), file="draft.xbrl")
    run.check()
    assert codes_of(report) == {"xml:entityDeclaration"}
    assert not connection_pending(listener)


@pytest.mark.parametrize("kind", ["file", "url"])
def test_external_dtd_is_refused_and_never_loaded(kind: str, probe: Probe, listener: socket.socket) -> None:
    host, port = listener.getsockname()
    target = probe.path.as_uri() if kind == "file" else f"http://{host}:{port}/x.dtd"
    with bounded() as run:
        report = validate_bytes(external_dtd(target), file="draft.xbrl")
    run.check(not_opened=probe.path)
    assert codes_of(report) == {"xml:externalDtd"}
    assert not probe.opened.is_set() and not connection_pending(listener)


def test_hostile_members_of_a_folder_and_a_zip_are_reported_and_the_rest_validated(tmp_path: Path) -> None:
    from validation_corpus import base_documents

    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "bomb.xml").write_bytes(billion_laughs())
    (folder / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (folder / "notes.txt").write_text("not XML, skipped")
    reports = {Path(r.file).name: r for r in validate_path(folder)}
    assert set(reports) == {"bomb.xml", "good.xbrl"}
    assert codes_of(reports["bomb.xml"]) == {"xml:entityDeclaration"} and reports["good.xbrl"].valid
    archive = tmp_path / "drafts.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.iterdir():
            zipped.write(path, path.name)
    reports = {r.file.rsplit("/", 1)[1]: r for r in validate_path(archive)}
    assert set(reports) == {"bomb.xml", "good.xbrl"}
    assert not reports["bomb.xml"].valid and reports["good.xbrl"].valid


def test_a_symbolic_link_in_a_folder_is_not_followed(probe: Probe, tmp_path: Path) -> None:
    from validation_corpus import base_documents

    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (folder / "link.xbrl").symlink_to(probe.path)
    with bounded() as run:
        reports = validate_path(folder)
    run.check(not_opened=probe.path)
    assert [Path(r.file).name for r in reports] == ["good.xbrl"]
    assert not probe.opened.is_set()


def test_zip_members_over_the_size_limit_are_refused_without_reading_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(validate_module, "MAX_FILE_BYTES", 1024 * 1024)
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


def test_cli_reads_and_fetches_nothing_an_entity_or_dtd_names(probe: Probe, listener: socket.socket,
                                                                tmp_path: Path) -> None:
    host, port = listener.getsockname()
    drafts = {
        "local.xbrl": external_entity(probe.path.as_uri()),
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
    assert not probe.opened.is_set() and not connection_pending(listener)
