"""Tests for exporter.arelle_adapter: Arelle judges tiny hand-written XBRL 2.1 and Inline XBRL 1.1
documents offline, and its verdict and facts come back as plain values."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from exporter.arelle_adapter import (
    ArelleFact,
    ArelleMessage,
    ArelleReport,
    arelle_options,
    run_arelle,
    run_arelle_in_subprocess,
)

pytestmark = pytest.mark.arelle

NS = "http://example.com/test"
CASH = f"{{{NS}}}Cash"
NAME = f"{{{NS}}}Name"
RESOLVED = f"{{{NS}}}Resolved"
EUR = "{http://www.xbrl.org/2003/iso4217}EUR"
CLASS_AXIS = f"{{{NS}}}ClassAxis"
CLASS_A = f"{{{NS}}}ClassA"

SCHEMA = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:t="{NS}" targetNamespace="{NS}" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance"
    schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
  <xs:element id="t_Cash" name="Cash" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="instant" nillable="true"/>
  <xs:element id="t_Name" name="Name" type="xbrli:stringItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" nillable="true"/>
  <xs:element id="t_Resolved" name="Resolved" type="xbrli:dateItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" nillable="true"/>
  <xs:element id="t_ClassAxis" name="ClassAxis" type="xbrli:stringItemType" substitutionGroup="xbrldt:dimensionItem"
    abstract="true" xbrli:periodType="duration" nillable="true"/>
  <xs:element id="t_ClassA" name="ClassA" type="xbrli:stringItemType" substitutionGroup="xbrli:item"
    abstract="true" xbrli:periodType="duration" nillable="true"/>
</xs:schema>
"""

ENTITY = '<xbrli:entity><xbrli:identifier scheme="http://example.com/id">ACME</xbrli:identifier></xbrli:entity>'
CONTEXTS = f"""
  <xbrli:context id="I2024">{ENTITY}
    <xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:context id="D2024">{ENTITY}
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:context id="I2024_A"><xbrli:entity>
      <xbrli:identifier scheme="http://example.com/id">ACME</xbrli:identifier>
      <xbrli:segment><xbrldi:explicitMember dimension="t:ClassAxis">t:ClassA</xbrldi:explicitMember></xbrli:segment>
    </xbrli:entity>
    <xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>"""

NAMESPACES = f"""xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="{NS}\""""

CASH_FACT = '<t:Cash contextRef="I2024" unitRef="EUR" decimals="2">1234.50</t:Cash>'
NAME_FACT = '<t:Name contextRef="D2024" xml:lang="en">ACME Corp</t:Name>'
CLASS_FACT = '<t:Cash contextRef="I2024_A" unitRef="EUR" decimals="0">7</t:Cash>'
DATE_FACT = '<t:Resolved contextRef="D2024" xml:lang="en"> 2024-06-30 </t:Resolved>'
NIL_FACT = '<t:Name contextRef="D2024" xsi:nil="true"/>'


def instance(*facts: str, schema_href: str = "schema.xsd") -> str:
    body = "\n  ".join(facts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl {NAMESPACES}>
  <link:schemaRef xlink:type="simple" xlink:href="{schema_href}"/>{CONTEXTS}
  {body}
</xbrli:xbrl>
"""


INLINE_CASH = (
    '<ix:nonFraction name="t:Cash" contextRef="I2024" unitRef="EUR" decimals="-3" scale="3" '
    'format="ixt:num-dot-decimal">1,234</ix:nonFraction>'
)
INLINE_NAME = '<ix:nonNumeric name="t:Name" contextRef="D2024">ACME Corp</ix:nonNumeric>'


def inline(cash: str = INLINE_CASH, name: str = INLINE_NAME) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" {NAMESPACES} xml:lang="en">
<head><title>Test</title></head>
<body>
<div style="display:none"><ix:header>
  <ix:references><link:schemaRef xlink:type="simple" xlink:href="schema.xsd"/></ix:references>
  <ix:resources>{CONTEXTS}
  </ix:resources>
</ix:header></div>
<p>Cash: {cash} thousand</p>
<p>Name: {name}</p>
</body>
</html>
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arelle")
    (folder / "schema.xsd").write_text(SCHEMA, encoding="utf-8")
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def by_concept(report: ArelleReport, concept: str) -> list[ArelleFact]:
    return [fact for fact in report.facts if fact.concept == concept]


# --- valid documents -------------------------------------------------------------------------------


def test_valid_instance_is_clean_and_facts_come_back(folder: Path) -> None:
    report = run_arelle(write(folder, "valid.xbrl", instance(CASH_FACT, NAME_FACT, CLASS_FACT, DATE_FACT)))
    assert report.is_clean, report.messages
    assert report.errors == report.warnings == report.inconsistencies == ()
    assert any(m.level == "info" for m in report.messages)  # timings are kept, but do not count

    cash, cash_a = by_concept(report, CASH)
    assert cash == ArelleFact(
        concept=CASH,
        value=Decimal("1234.50"),
        unit=((EUR,), ()),
        period=("instant", date(2024, 12, 31)),  # as written; Arelle internally says 2025-01-01
        dimensions={},
        decimals="2",
        lang=None,
        context_id="I2024",
    )
    assert cash_a.dimensions == {CLASS_AXIS: CLASS_A}
    assert cash_a.value == Decimal("7")

    (name,) = by_concept(report, NAME)
    assert name.value == "ACME Corp"
    assert name.unit is None and name.decimals is None
    assert name.period == ("duration", date(2024, 1, 1), date(2024, 12, 31))
    assert name.lang == "en"

    (resolved,) = by_concept(report, RESOLVED)
    assert resolved.value == "2024-06-30"  # lexical form, whitespace collapsed
    assert resolved.lang is None  # language is an aspect of text facts only


def test_valid_inline_document_is_clean_and_facts_come_back_transformed(folder: Path) -> None:
    report = run_arelle(write(folder, "valid.xhtml", inline()))
    assert report.is_clean, report.messages
    (cash,) = by_concept(report, CASH)
    assert cash.value == Decimal("1234000")  # ixt:num-dot-decimal and scale="3" applied
    assert cash.decimals == "-3"
    assert cash.unit == ((EUR,), ())
    assert cash.period == ("instant", date(2024, 12, 31))
    (name,) = by_concept(report, NAME)
    assert name.value == "ACME Corp"
    assert name.lang == "en"  # inherited from <html xml:lang="en">
    assert name.period == ("duration", date(2024, 1, 1), date(2024, 12, 31))


def test_nil_fact_has_no_value(folder: Path) -> None:
    report = run_arelle(write(folder, "nil.xbrl", instance(CASH_FACT, NIL_FACT)))
    assert report.is_clean, report.messages
    (name,) = by_concept(report, NAME)
    assert name.value is None


# --- broken documents --------------------------------------------------------------------------------


def test_monetary_fact_with_shares_unit_is_an_error_at_its_line(folder: Path) -> None:
    bad_fact = CASH_FACT.replace('unitRef="EUR"', 'unitRef="shares"')
    text = instance(bad_fact, NAME_FACT)
    path = write(folder, "shares.xbrl", text)
    report = run_arelle(path)
    assert not report.is_clean
    (error,) = [m for m in report.errors if m.code == "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure"]
    assert error.file == str(path.resolve())
    assert error.line == line_of(text, bad_fact)
    assert "utre:error-NumericFactUtrInvalid" in report.codes()  # utrValidate is on


def test_missing_context_is_an_error_and_the_fact_has_no_period(folder: Path) -> None:
    bad_fact = NAME_FACT.replace('contextRef="D2024"', 'contextRef="Nowhere"')
    report = run_arelle(write(folder, "nocontext.xbrl", instance(CASH_FACT, bad_fact)))
    assert "xbrl.4.6.1:itemContextRef" in [m.code for m in report.errors]
    (name,) = by_concept(report, NAME)
    assert (name.context_id, name.period) == ("Nowhere", None)


def test_inline_transform_error_is_reported(folder: Path) -> None:
    text = inline(cash=INLINE_CASH.replace(">1,234<", ">one<"))
    path = write(folder, "badformat.xhtml", text)
    report = run_arelle(path)
    (error,) = report.errors
    assert error.code == "ix11.10.1.1:transformValueError"
    assert error.line == line_of(text, ">one<")


def test_calculation_inconsistency_level_counts_against_is_clean() -> None:
    report = ArelleReport(
        messages=(
            ArelleMessage("info", "info", "loaded"),
            ArelleMessage("calc11e:inconsistentCalculationUsingRounding", "inconsistency", "x"),
        ),
        facts=(),
    )
    assert [m.code for m in report.inconsistencies] == ["calc11e:inconsistentCalculationUsingRounding"]
    assert not report.is_clean
    assert ArelleReport(messages=(ArelleMessage("info", "info", "loaded"),), facts=()).is_clean


# --- isolation: offline, nothing written outside a temporary directory --------------------------------------


@dataclass
class _Recorder:
    events: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    active: bool = False

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self.active and event in ("socket.connect", "socket.getaddrinfo", "os.mkdir", "open"):
            self.events.append((event, args))

    @contextmanager
    def recording(self) -> Iterator[None]:
        self.active = True
        try:
            yield
        finally:
            self.active = False

    def created_directories(self) -> list[str]:
        return [os.fsdecode(args[0]) for name, args in self.events if name == "os.mkdir"]

    def written_files(self) -> list[str]:
        written = []
        for name, args in self.events:
            if name != "open" or not isinstance(args[0], (str, bytes)):
                continue
            mode, flags = args[1], args[2]
            if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            ):
                written.append(os.fsdecode(args[0]))
        return written

    def network(self) -> list[tuple[str, tuple[Any, ...]]]:
        return [(name, args) for name, args in self.events if name.startswith("socket.")]


@contextmanager
def _trap_server() -> Iterator[tuple[int, list[tuple[str, int]]]]:
    """A local TCP port that records and immediately drops every connection, so that a
    regression (going online) fails the test quickly instead of hanging on a silent socket."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.05)
    accepted: list[tuple[str, int]] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except OSError:  # timeout: check stop again
                continue
            accepted.append(address)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


@pytest.fixture(scope="module")
def recorder() -> _Recorder:
    # Audit hooks cannot be removed; this one only records while its recorder is active.
    recorder = _Recorder()
    sys.addaudithook(recorder.hook)
    return recorder


def test_run_is_offline_and_writes_nothing_outside_a_temporary_directory(
    folder: Path, recorder: _Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_home = tmp_path / "home"
    fake_home.mkdir()
    monkeypatch.setenv("HOME", str(fake_home))  # Arelle's default config dir is ~/.config/arelle
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    with _trap_server() as (port, accepted):
        remote = f"http://127.0.0.1:{port}/remote.xsd"
        path = write(folder, "remote.xbrl", instance(CASH_FACT, schema_href=remote))
        with recorder.recording():
            report = run_arelle(path)
    assert accepted == [], "Arelle connected to the network"
    assert "IOerror" in report.codes()  # offline: the remote schema is not fetched
    assert recorder.network() == []
    assert list(fake_home.iterdir()) == []
    temp_root = Path(tempfile.gettempdir()).resolve()
    created = [Path(d).resolve() for d in recorder.created_directories()]
    assert created, "the recorder saw no directory creation at all (not even the private cache)"
    assert all(temp_root in d.parents for d in created), created
    assert not any(d.exists() for d in created)  # the private cache directory is removed
    assert all(temp_root in Path(f).resolve().parents for f in recorder.written_files())


def test_options_are_offline_and_config_free(tmp_path: Path) -> None:
    options = arelle_options(tmp_path / "x.xbrl", packages=[tmp_path / "p.zip"], cache_dir=tmp_path)
    assert options.workOffline is True and options.internetConnectivity == "offline"
    assert options.disablePersistentConfig is True
    assert options.keepOpen is True
    assert (options.calcs, options.utrValidate, options.validate) == ("c11r", True, True)
    assert options.packages == [str(tmp_path / "p.zip")]
    assert options.cacheDirectory == str(tmp_path)


# --- subprocess and timing ----------------------------------------------------------------------------------


def test_subprocess_run_matches_in_process_run(folder: Path) -> None:
    path = write(folder, "sub.xbrl", instance(CASH_FACT, NAME_FACT))
    in_process = run_arelle(path)
    isolated = run_arelle_in_subprocess(path)
    assert isolated.facts == in_process.facts
    assert [(m.code, m.level) for m in isolated.messages] == [(m.code, m.level) for m in in_process.messages]
    assert isolated.is_clean


def test_runs_are_sequentially_repeatable_and_quick(folder: Path) -> None:
    path = write(folder, "repeat.xbrl", instance(CASH_FACT, NAME_FACT))
    first = run_arelle(path)
    started = time.perf_counter()
    second = run_arelle(path)
    elapsed = time.perf_counter() - started
    assert first.facts == second.facts and second.is_clean
    # ~0.03 s warm on a developer machine; the bound only catches pathological regressions.
    assert elapsed < 5.0, f"warm Arelle run took {elapsed:.2f}s"

