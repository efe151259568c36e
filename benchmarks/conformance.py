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
import sys
import tempfile
from pathlib import Path

from children import PEAK, run_child

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SUITE = REPO.parent / "shared" / "xbrl-conformance" / "xbrl-2.1-2014-12-10"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    if not (SUITE / "xbrl.xml").is_file():
        sys.exit(f"the conformance suite is not at {SUITE}")
    ours = [run_child(OURS, check=False) for _ in range(options.repeat)]
    with tempfile.TemporaryDirectory() as scratch:
        arelle = [run_child(ARELLE, str(SUITE / "xbrl.xml"), str(Path(scratch) / "arelle.log"), check=False)
                  for _ in range(options.repeat)]
    passed = ours[-1].stdout
    ours_s, arelle_s = statistics.median(r.wall for r in ours), statistics.median(r.wall for r in arelle)
    print("| suite | variations passed (ours) | ours | Arelle | Arelle / ours | MB ours | MB Arelle |")
    print("|---|---|---|---|---|---|---|")
    print(f"| XBRL 2.1 (2014-12-10, as shared) | {passed.replace(' ', ' of ')} | {ours_s:.1f} s | {arelle_s:.1f} s | "
          f"{arelle_s / ours_s:.1f}x | {statistics.median(r.peak_kb for r in ours) / 1024:.0f} | "
          f"{statistics.median(r.peak_kb for r in arelle) / 1024:.0f} |")


if __name__ == "__main__":
    main()
