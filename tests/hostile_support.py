"""Shared instruments for the hostile-input tests (test_safe_xml.py, test_validate_hostile.py).

A hostile-document test is only as good as its detectors: "nothing was opened" proves nothing if
the detector could not have seen the open. So each instrument below says what it can see, and
each has a control experiment in test_safe_xml.py showing that it does fire when it should.

- ``billion_laughs``, ``external_entity``, ``external_dtd``: the hostile drafts themselves.
- ``AuditRecorder`` (the ``audit`` fixture in conftest.py): Python audit events ``open`` and
  ``socket.connect`` raised by the recording thread. It sees every open and connect made through
  the Python runtime (``open``, ``os.open``, ``socket``), but not a C library calling the OS
  directly - libxml2 opens files and URLs itself - which is why the two probes below exist.
  Controls: test_oversize_file_is_refused_without_reading_it, test_listener_and_audit_detect_a_connection.
- ``FifoProbe`` (the ``fifo_probe`` fixture): the "secret file" is a named pipe. Opening a FIFO
  for reading blocks in the kernel until a writer appears, and a non-blocking writer-open fails
  (ENXIO) unless a reader is waiting; a poller keeps trying that writer-open, so any reader - from
  Python or from C - is noticed and cannot slip past between polls: it waits until it is served.
  Control: test_fifo_probe_detects_an_unsafe_parser.
- ``local_listener`` / ``connection_pending`` (the ``listener`` fixture): a TCP socket listening
  on 127.0.0.1. The kernel completes the handshake into the backlog before anyone calls
  ``accept``, so a connection attempt from any code leaves the socket readable.
  Control: test_listener_and_audit_detect_a_connection.
- ``bounded``: a wall-clock bound and a peak-memory bound, while recording opens and connects.
  tracemalloc only traces the Python heap (libxml2's own allocations are invisible to it), so
  test_validate_hostile.py also bounds the peak RSS of a child process running the command line.

Kept as plain helpers and classes; the fixtures that wrap them live in conftest.py.
"""

from __future__ import annotations

import os
import select
import socket
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The command line in a child process that reports its own peak memory (VmHWM of its own address
# space) on exit, as "PEAK_KB=n" on stderr. Neither RUSAGE_CHILDREN (the maximum over every child the
# session reaped) nor the child's ru_maxrss (Linux carries the forked parent's high-water mark across
# exec) would measure the CLI alone.
CHILD_CLI = [sys.executable, "-c",
             "import atexit, re, sys\n"
             "def _peak():\n"
             "    status = open('/proc/self/status').read()\n"
             "    sys.stderr.write('\\nPEAK_KB=%s\\n' % re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
             "atexit.register(_peak)\n"
             "from exporter.cli import main\n"
             "main()"]

TIME_BOUND_S = 2.0
MEMORY_BOUND_BYTES = 50 * 1024 * 1024  # Python heap (tracemalloc), in-process
SECRET = "S3CRET-7f3a9c1e-do-not-leak"

XBRLI_NS = "http://www.xbrl.org/2003/instance"


# --- hostile drafts -----------------------------------------------------------------------------


def billion_laughs(levels: int = 10) -> bytes:
    """An XBRL instance whose one entity reference expands to 3 * 10**(levels-1) characters.

    The first ``<!ENTITY`` is on line 3.
    """
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return ('<?xml version="1.0"?>\n<!DOCTYPE xbrl [\n' + "\n".join(entities) + "\n]>\n"
            f'<xbrl xmlns="{XBRLI_NS}">&lol{levels - 1};</xbrl>').encode()


def external_entity(target: str) -> bytes:
    """An XBRL instance whose content is an external entity naming ``target`` (a file or URL)."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE xbrl [<!ENTITY secret SYSTEM "{target}">]>\n'
            f'<xbrl xmlns="{XBRLI_NS}">&secret;</xbrl>').encode()


def external_dtd(target: str) -> bytes:
    """An XBRL instance whose external DTD subset is ``target`` (a file or URL)."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE xbrl SYSTEM "{target}">\n'
            f'<xbrl xmlns="{XBRLI_NS}"/>').encode()


# --- Python-level opens and connections ----------------------------------------------------------


class AuditHub:
    """The process's one audit hook (``sys.addaudithook`` cannot be undone), forwarding ``open`` and
    ``socket.connect`` events to the recorders active on the thread that raised them."""

    def __init__(self) -> None:
        self.active: list[tuple[int, AuditRecorder]] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self.active and event in ("open", "socket.connect"):
            thread = threading.get_ident()
            for recording_thread, recorder in tuple(self.active):
                if recording_thread == thread:
                    recorder.events.append((event, args))


_HUB: AuditHub | None = None


def audit_hub() -> AuditHub:
    """The shared hub, installed on first use."""
    global _HUB
    if _HUB is None:
        _HUB = AuditHub()
    return _HUB


@dataclass
class AuditRecorder:
    """Collects audit events raised by the recording thread while ``recording()`` is active.

    Only the recording thread counts, so helper threads (e.g. the FIFO poller) are ignored.
    """

    hub: AuditHub = field(default_factory=audit_hub)
    events: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    @contextmanager
    def recording(self) -> Iterator[None]:
        entry = (threading.get_ident(), self)
        self.hub.active.append(entry)
        try:
            yield
        finally:
            self.hub.active.remove(entry)

    def opened(self, path: os.PathLike[str] | str) -> list[tuple[Any, ...]]:
        """The recorded opens of ``path`` (given as str, bytes or path-like; file descriptors ignored)."""
        target = os.fsencode(path)
        return [
            args
            for name, args in self.events
            if name == "open"
            and isinstance(args[0], (str, bytes, os.PathLike))
            and os.fsencode(args[0]) == target
        ]

    def connects(self) -> list[tuple[Any, ...]]:
        return [args for name, args in self.events if name == "socket.connect"]


# --- time and memory ------------------------------------------------------------------------------


class bounded:
    """Assert the block finishes within a time bound and a (Python-heap) memory bound, recording the
    Python-level opens and connections made meanwhile by this thread.

    The bounds are asserted when the block exits normally; ``check()`` asserts them again and that
    nothing connected and, if given, that ``not_opened`` was not opened.
    """

    def __init__(self, seconds: float = TIME_BOUND_S, memory: int = MEMORY_BOUND_BYTES) -> None:
        self.seconds = seconds
        self.memory = memory
        self.audit = AuditRecorder()
        self.elapsed = 0.0
        self.peak = 0

    def __enter__(self) -> bounded:
        self._recording = self.audit.recording()
        self._recording.__enter__()
        self._was_tracing = tracemalloc.is_tracing()
        if self._was_tracing:  # e.g. python -X tracemalloc: measure from here, and leave it running
            tracemalloc.reset_peak()
            self._baseline = tracemalloc.get_traced_memory()[0]
        else:
            tracemalloc.start()
            self._baseline = 0
        self._started = time.perf_counter()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.elapsed = time.perf_counter() - self._started
        _current, peak = tracemalloc.get_traced_memory()
        self.peak = peak - self._baseline
        if not self._was_tracing:
            tracemalloc.stop()
        self._recording.__exit__(None, None, None)
        if exc_type is None:
            self._check_bounds()

    @property
    def events(self) -> list[tuple[str, tuple[Any, ...]]]:
        return self.audit.events

    def _check_bounds(self) -> None:
        assert self.elapsed < self.seconds, f"took {self.elapsed:.2f}s"
        assert self.peak < self.memory, f"peak traced memory {self.peak} bytes"

    def check(self, *, not_opened: Path | None = None) -> None:
        self._check_bounds()
        assert not self.audit.connects(), self.events
        if not_opened is not None:
            assert self.audit.opened(not_opened) == [], self.events


# --- opens from C: a named pipe --------------------------------------------------------------------


class FifoProbe:
    """A named pipe standing for a secret file: ``opened`` is set if anything opens it for reading.

    A poller keeps trying a non-blocking writer-open, which only succeeds while a reader is waiting;
    it then records the reader and feeds it ``secret``. It keeps serving after a first reader, so a
    regression fails the test instead of hanging it. POSIX only; call ``close()`` when done.
    """

    def __init__(self, path: Path, secret: str = SECRET) -> None:
        self.path = path
        self.secret = secret
        self.opened = threading.Event()
        self._stop = threading.Event()
        os.mkfifo(path)
        self._thread = threading.Thread(target=self._poll, name="fifo-probe", daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader has the pipe open
                time.sleep(0.0005)
                continue
            self.opened.set()
            try:
                os.write(fd, self.secret.encode())
            except OSError:  # EPIPE: the reader closed the pipe before reading; serve the next one
                pass
            finally:
                os.close(fd)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# --- connections from C: a local listener ----------------------------------------------------------


def local_listener() -> socket.socket:
    """A TCP listener on 127.0.0.1: any connection attempt (from Python or C) leaves a pending accept."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
    except OSError:
        server.close()
        raise
    return server


def connection_pending(server: socket.socket, timeout: float = 0.2) -> bool:
    """Whether a connection is waiting to be accepted, giving a slow connector ``timeout`` seconds."""
    readable, _, _ = select.select([server], [], [], timeout)
    return bool(readable)
