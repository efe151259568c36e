"""Shared fixtures: the samples, their models, and the taxonomy package."""
from __future__ import annotations

from pathlib import Path

import pytest

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
