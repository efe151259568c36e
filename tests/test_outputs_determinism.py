"""Same input, same bytes: every output of ``export --package --oim json --oim csv --viewer``, from two
processes run side by side with a different hash seed and time zone."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import SEED


def test_every_output_is_byte_identical_across_processes_hash_seeds_and_time_zones(tmp_path):
    runs = []
    for name, seed, zone in (("a", "1", "UTC"), ("b", "4242", "Asia/Tokyo")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        command = [str(Path(sys.executable).parent / "disclosure-exporter"), "export", str(SEED), "-o", str(tmp_path / name),
                   "--package", "--oim", "json", "--oim", "csv", "--viewer"]
        runs.append(subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True))
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output
    first, second = ({p.name: p.read_bytes() for p in (tmp_path / name).iterdir()} for name in ("a", "b"))
    stem = SEED.stem
    assert sorted(first) == sorted([f"{stem}.xbrl", f"{stem}-en.html", f"{stem}.json", f"{stem}-csv.json",
                                    f"{stem}-facts.csv", f"{stem}.xbri", f"{stem}-en-viewer.html", "ixbrlviewer.js"])
    assert first == second
    assert all(Path(tmp_path / "a" / name).stat().st_size > 0 for name in first)
