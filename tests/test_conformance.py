"""The XBRL 2.1 conformance suite (../shared/xbrl-conformance): every variation's verdict as expected.

Runs the whole suite in this one process (see conformance_suite.py). Skipped, saying why, where the
suite is absent. The product owner runs the full suite, held-back part included.
"""
from __future__ import annotations

import pytest
from conformance_suite import SUITE, run


@pytest.mark.skipif(not (SUITE / "xbrl.xml").is_file(), reason=f"the XBRL 2.1 conformance suite is not at {SUITE}")
def test_every_variation_gets_its_expected_verdict() -> None:
    outcomes = run()
    failed = [f"{o.testcase} {o.variation} ({o.entry}): expected {o.expected}, got {o.actual} {list(o.codes)}"
              for o in outcomes if not o.passed]
    assert len(outcomes) >= 455
    assert not failed, "\n".join(failed)
