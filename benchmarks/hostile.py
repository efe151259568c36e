"""Every hostile input of tests/hostile_inputs.py through the real command, with its time and peak memory.

    .venv/bin/python benchmarks/hostile.py             # all attacks, one child process each
    .venv/bin/python benchmarks/hostile.py xlsx csv    # only these families

Each attack runs as ``python -m exporter.cli`` in a fresh process under a 3 GB address-space cap
and a 60 s timeout (as the product owner's check does); the child reports its own peak resident
memory (VmHWM). Printed: exit code (and whether it is the expected one), seconds, peak MB, and the
first line of the message; at the end the slowest and the largest.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import ACCEPTED, ATTACKS  # noqa: E402  (the tests folder is not a package)
from hostile_support import CHILD_CLI  # noqa: E402

CAP_BYTES = 3 * 1024**3


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="attack families to run (default: all)")
    args = parser.parse_args()
    chosen = [a for a in ATTACKS + ACCEPTED if not args.families or a.family in args.families]
    results = []
    print("| attack | exit (expected) | seconds | peak MB | message |")
    print("|---|---|---|---|---|")
    for attack in chosen:
        if attack.hangs:
            print(f"| {attack.id} | not run: {attack.lead} | | | |")
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            inputs = Path(folder) / "in"
            inputs.mkdir()
            argv = [*CHILD_CLI, attack.command, *attack.make(inputs), "-o", str(Path(folder) / "out")]
            started = time.perf_counter()
            try:
                done = subprocess.run(argv, capture_output=True, timeout=60, preexec_fn=_cap, check=False)
            except subprocess.TimeoutExpired:
                print(f"| {attack.id} | TIMEOUT | >60 | | |")
                continue
            elapsed = time.perf_counter() - started
        stderr = done.stderr.decode(errors="replace")
        peaks = re.findall(r"PEAK_KB=(\d+)", stderr)
        peak_mb = int(peaks[-1]) / 1024 if peaks else float("nan")
        text = (done.stdout.decode(errors="replace") + stderr).strip().splitlines()
        first = next((line for line in text if line and not line.startswith("PEAK_KB")), "")
        first = first.replace(str(Path(tempfile.gettempdir())), "…").replace("|", "\\|")[:110]
        mark = "" if done.returncode == attack.exit_code else " MISMATCH"
        traceback = " TRACEBACK" if "Traceback" in stderr else ""
        results.append((attack.id, elapsed, peak_mb))
        print(f"| {attack.id} | {done.returncode} ({attack.exit_code}){mark}{traceback} | {elapsed:.2f} | "
              f"{peak_mb:.0f} | {first} |")
    if results:
        slowest = max(results, key=lambda r: r[1])
        largest = max(results, key=lambda r: r[2])
        print(f"\n{len(results)} inputs; slowest {slowest[0]} {slowest[1]:.2f} s; largest {largest[0]} "
              f"{largest[2]:.0f} MB")


if __name__ == "__main__":
    main()
