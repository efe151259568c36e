"""The XBRL 2.1 conformance suite (XBRL International) run through our validator, in one process.

``run(suite)`` reads the suite's index, each testcase's variations (the ``readMeFirst`` document
of each ``<data>``) and the expected ``<result>``, validates each entry point as ``validate`` does
(its testcase's folder the only one that may be read), and returns one :class:`Outcome` per variation. The
test (``test_conformance.py``) and the benchmark (``benchmarks/conformance.py``) share it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SUITE = REPO.parent / "shared" / "xbrl-conformance" / "xbrl-2.1-2014-12-10"


@dataclass
class Outcome:
    testcase: str
    variation: str
    entry: str
    expected: str  # "valid" or "invalid"
    actual: str  # "valid", "invalid" or "notJudged"
    codes: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.expected == self.actual


def variations(suite: Path = SUITE) -> list[tuple[str, str, Path, str]]:
    """(testcase, variation id, entry point, expected) for every variation of the suite's index."""
    index = etree.parse(str(suite / "xbrl.xml")).getroot()
    found = []
    for testcase in index.iter("testcase"):
        uri = testcase.get("uri", "")
        path = suite / uri
        root = etree.parse(str(path)).getroot()
        for variation in root.iter("{*}variation"):
            data = variation.find("{*}data")
            entries = [d for d in (data if data is not None else []) if isinstance(d.tag, str)
                       and d.get("readMeFirst") == "true"]
            result = variation.find("{*}result")
            expected = result.get("expected", "") if result is not None else ""
            if entries:
                found.append((uri, variation.get("id", ""), path.parent / (entries[0].text or "").strip(), expected))
    return found


def testcase_folder(suite: Path, testcase: str) -> Path:
    return (suite / testcase).parent


def run(suite: Path = SUITE) -> list[Outcome]:
    from exporter.validation.validate import Options, validate_bytes

    options = Options(profile="xbrl")
    outcomes = []
    for testcase, variation, entry, expected in variations(suite):
        roots = [testcase_folder(suite, testcase)]  # a variation's files are in its testcase's folder
        report = validate_bytes(entry.read_bytes(), file=str(entry), options=options, roots=roots)
        actual = report.status
        codes = tuple(sorted({m.code for m in report.messages if m.severity.value == "error"}))
        outcomes.append(Outcome(testcase, variation, str(entry.relative_to(suite)), expected, actual, codes))
    return outcomes


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    results = run()
    elapsed = time.perf_counter() - started
    failed = [o for o in results if not o.passed]
    for outcome in failed:
        print(f"FAIL {outcome.testcase} {outcome.variation} {outcome.entry}: expected {outcome.expected}, got "
              f"{outcome.actual} {list(outcome.codes)}")
    print(f"{len(results) - len(failed)}/{len(results)} passed in {elapsed:.1f} s", file=sys.stderr)
