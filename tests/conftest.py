"""Shared fixtures: the samples, their models, the taxonomy package, and the hostile-input instruments."""
from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import AuditRecorder, FifoProbe, local_listener

from exporter.models import Filing
from exporter.sources import load_filing
from exporter.taxonomy.package import build_package_bytes

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = SAMPLES / "iij-2015-07-13.yaml"
FILING_SAMPLES = sorted(SAMPLES.glob("*.yaml"))


@pytest.fixture(scope="session")
def seed_filing() -> Filing:
    return load_filing(SEED)


@pytest.fixture(scope="session")
def taxonomy_package(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("taxonomy") / "eqi.zip"
    path.write_bytes(build_package_bytes())
    return path


# --- hostile-input instruments (see hostile_support.py) ---------------------------------------------


@pytest.fixture
def audit() -> AuditRecorder:
    """Python-level opens and connections made by this thread inside ``audit.recording()``."""
    return AuditRecorder()


@pytest.fixture
def fifo_probe(tmp_path: Path) -> Iterator[FifoProbe]:
    """A named pipe standing for a secret file, noticing any reader (from Python or C)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX named pipes")
    probe = FifoProbe(tmp_path / "secret.txt")
    try:
        yield probe
    finally:
        probe.close()


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP listener: any connection attempt (from Python or C) leaves a pending accept."""
    server = local_listener()
    try:
        yield server
    finally:
        server.close()
