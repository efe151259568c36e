"""Measured runs as child processes: a fresh interpreter per run, each reporting its own peak memory.

Shared by the benchmarks that time us against Arelle (``conformance.py``, ``taxonomy.py``,
``validate.py``). A child's code starts with ``PEAK``: at exit it writes its peak resident memory
(VmHWM: per address space, so unlike ``ru_maxrss`` it does not inherit the parent's high-water mark
across fork and exec) on its last stderr line. A child that times itself prints its seconds as the
last line of its stdout.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PEAK = """
import atexit, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            sys.stderr.write("\\nPEAK " + line.split()[1] + "\\n")
atexit.register(_peak)
"""


@dataclass(frozen=True)
class Child:
    """One finished child: wall seconds (interpreter start-up included), peak memory, what it printed."""

    wall: float
    peak_kb: int
    stdout: str

    @property
    def reported(self) -> float:
        """The seconds the child measured itself: the last line of its output."""
        lines = self.stdout.splitlines()
        if not lines:
            raise RuntimeError("the child printed no time")
        return float(lines[-1])


def run_child(code: str, *args: str, check: bool = True) -> Child:
    """Run ``python -c code args`` from the repository root; with ``check``, a failed child raises."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    if check and result.returncode != 0:
        raise RuntimeError(f"child failed ({result.returncode}): {result.stderr[-2000:]}")
    peak = int(next(ln for ln in reversed(result.stderr.splitlines()) if ln.startswith("PEAK ")).split()[1])
    return Child(wall, peak, result.stdout.strip())


def measure(code: str, args: list[str], repeat: int, *, use_wall: bool = False) -> tuple[float, float]:
    """Median seconds (the child's own, or its wall time) and median peak MB of ``repeat`` fresh children."""
    runs = [run_child(code, *args) for _ in range(repeat)]
    seconds = statistics.median(run.wall if use_wall else run.reported for run in runs)
    return seconds, statistics.median(run.peak_kb for run in runs) / 1024
