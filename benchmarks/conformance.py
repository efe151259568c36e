"""Benchmark: the XBRL 2.1 conformance suite, run whole by us and by Arelle, side by side.

Each processor runs every variation of ``../shared/xbrl-conformance`` in one fresh child process
(interpreter start-up included): ours through ``tests/conformance_suite.py`` (the same code the
test uses), Arelle through its own testcase runner (``arelleCmdLine -f xbrl.xml -v``, offline).
Prints wall times, peak memory and our pass count. Run from the repository root:

    .venv/bin/python benchmarks/conformance.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SUITE = REPO.parent / "shared" / "xbrl-conformance" / "xbrl-2.1-2014-12-10"
PEAK = """
import atexit, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            sys.stderr.write("\\nPEAK " + line.split()[1] + "\\n")
atexit.register(_peak)
"""
OURS = PEAK + """
import sys
sys.path.insert(0, "tests")
from conformance_suite import run
outcomes = run()
print(sum(o.passed for o in outcomes), len(outcomes))
"""
ARELLE = PEAK + """
import sys
from arelle import CntlrCmdLine
sys.argv = ["arelleCmdLine", "--file", sys.argv[1], "--validate", "--internetConnectivity", "offline",
            "--disablePersistentConfig", "--logFile", sys.argv[2], "--logLevel", "error"]
try:
    CntlrCmdLine.main()
except SystemExit:
    pass
"""


def child(code: str, *args: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    peak = int(next(ln for ln in reversed(result.stderr.splitlines()) if ln.startswith("PEAK ")).split()[1])
    return wall, peak, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    if not (SUITE / "xbrl.xml").is_file():
        sys.exit(f"the conformance suite is not at {SUITE}")
    ours = [child(OURS) for _ in range(options.repeat)]
    with tempfile.TemporaryDirectory() as scratch:
        arelle = [child(ARELLE, str(SUITE / "xbrl.xml"), str(Path(scratch) / "arelle.log"))
                  for _ in range(options.repeat)]
    passed = ours[-1][2]
    ours_s, arelle_s = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in arelle)
    print("| suite | variations passed (ours) | ours | Arelle | Arelle / ours | MB ours | MB Arelle |")
    print("|---|---|---|---|---|---|---|")
    print(f"| XBRL 2.1 (2014-12-10, as shared) | {passed.replace(' ', ' of ')} | {ours_s:.1f} s | {arelle_s:.1f} s | "
          f"{arelle_s / ours_s:.1f}x | {statistics.median(r[1] for r in ours) / 1024:.0f} | "
          f"{statistics.median(r[1] for r in arelle) / 1024:.0f} |")


if __name__ == "__main__":
    main()
