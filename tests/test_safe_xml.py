"""Tests for exporter.safety.xml: hostile documents are refused quickly, cheaply and
without touching files or the network; ordinary documents parse fast."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest
from hostile_support import SECRET, AuditRecorder, FifoProbe, billion_laughs, bounded, connection_pending
from lxml import etree

from exporter.safety import xml as safe_xml
from exporter.safety.xml import (
    LIBXML2_MAX_DEPTH,
    UnsafeXmlError,
    XmlLimits,
    hardened_parser,
    parse_untrusted,
)

# --- instruments: hostile_support.py; fixtures audit, fifo_probe and listener: conftest.py --------


def _refused(source: bytes | Path, **kwargs: Any) -> UnsafeXmlError:
    with pytest.raises(UnsafeXmlError) as info:
        parse_untrusted(source, **kwargs)
    return info.value


# --- ordinary documents -------------------------------------------------------------------------


def test_valid_document_parses_with_comments_and_base_url(tmp_path: Path) -> None:
    path = tmp_path / "ok.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!-- keep me -->\n<a xmlns="urn:x"><b n="1">text</b></a>')
    tree = parse_untrusted(path)
    root = tree.getroot()
    assert root.tag == "{urn:x}a"
    assert root[0].text == "text" and root[0].get("n") == "1"
    assert isinstance(root.getprevious(), etree._Comment)  # remove_comments=False
    assert str(path) == tree.docinfo.URL


def test_flat_100k_element_document_parses_fast() -> None:
    facts = b"".join(
        b'<f:c%d contextRef="c1" unitRef="u1" decimals="0">%d</f:c%d>\n' % (i % 50, i, i % 50)
        for i in range(100_000)
    )
    document = (
        b'<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        b'xmlns:f="urn:f">\n' + facts + b"</xbrli:xbrl>"
    )
    parse_untrusted(document)  # warm-up
    started = time.perf_counter()
    tree = parse_untrusted(document)
    elapsed = time.perf_counter() - started
    assert tree.getroot().xpath("count(//*)") == 100_001
    # ~55 ms on a developer machine; the generous bound only catches pathological regressions.
    assert elapsed < 1.0, f"100k-element parse took {elapsed:.3f}s"


def test_bare_doctype_and_entity_free_internal_subset_are_accepted() -> None:
    assert parse_untrusted(b"<!DOCTYPE html>\n<html/>").getroot().tag == "html"
    tree = parse_untrusted(b'<!DOCTYPE a [<!ATTLIST a x CDATA "%not-a-pe;]>">]><a/>')
    assert tree.getroot().attrib == {}  # the internal subset's default is not applied


def test_xinclude_is_not_processed(tmp_path: Path) -> None:
    secret = tmp_path / "included.txt"
    secret.write_text(SECRET)
    document = (
        f'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{secret}" parse="text"/></a>'
    ).encode()
    tree = parse_untrusted(document)
    assert SECRET not in etree.tostring(tree).decode()
    assert tree.getroot()[0].tag == "{http://www.w3.org/2001/XInclude}include"


# --- entities and DTDs ----------------------------------------------------------------------------


def test_billion_laughs_is_refused_before_expansion() -> None:
    with bounded():
        error = _refused(billion_laughs(), name="lol.xml")
    assert error.code == "xml:entityDeclaration"
    assert error.line == 3  # the first <!ENTITY
    assert error.file == "lol.xml"


def test_billion_laughs_is_refused_even_if_the_prolog_scan_is_bypassed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Defence in depth: pretend an encoding trick fooled the pre-scan.
    monkeypatch.setattr(safe_xml, "_check_prolog", lambda data, file: True)
    with bounded():
        error = _refused(billion_laughs())
    assert error.code == "xml:entityDeclaration"


def test_declared_but_unused_internal_entity_is_refused_by_the_backstop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "_check_prolog", lambda data, file: True)
    error = _refused(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')
    assert error.code == "xml:entityDeclaration"


def test_entity_declaration_in_utf16_document_is_refused() -> None:
    document = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [\n<!ENTITY e "x">]><a>&e;</a>'
    error = _refused(document.encode("utf-16"))
    assert (error.code, error.line) == ("xml:entityDeclaration", 3)


def test_parameter_entity_reference_is_refused() -> None:
    assert _refused(b"<!DOCTYPE a [ %pe; ]><a/>").code == "xml:entityDeclaration"


def test_external_entity_to_local_file_is_refused_without_opening_it(
    tmp_path: Path, audit: AuditRecorder
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    document = f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<a>&xxe;</a>'.encode()
    with bounded(), audit.recording():
        error = _refused(document)
    assert error.code == "xml:entityDeclaration"
    assert SECRET not in str(error) and SECRET not in error.message
    assert audit.opened(secret) == []


def test_external_entity_is_never_opened_at_the_c_level(fifo_probe: FifoProbe) -> None:
    document = f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{fifo_probe.path}">]><a>&xxe;</a>'.encode()
    error = _refused(document)
    assert error.code == "xml:entityDeclaration"
    # The hardened parser on its own (no pre-scan) must not read it either.
    root = etree.fromstring(document, hardened_parser())
    assert SECRET not in etree.tostring(root).decode()
    assert not fifo_probe.opened.wait(0.2)


def test_fifo_probe_detects_an_unsafe_parser(fifo_probe: FifoProbe) -> None:
    # Control experiment: proves the probe above is able to fail.
    document = f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{fifo_probe.path}">]><a>&xxe;</a>'.encode()
    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    root = etree.fromstring(document, unsafe)
    assert fifo_probe.opened.is_set()
    assert SECRET in (root.text or "")


def test_external_dtd_file_is_refused_and_never_opened(fifo_probe: FifoProbe, audit: AuditRecorder) -> None:
    document = f'<!DOCTYPE a SYSTEM "file://{fifo_probe.path}">\n<a/>'.encode()
    with audit.recording():
        error = _refused(document)
        etree.fromstring(document, hardened_parser())  # load_dtd=False: the DTD stays unread
    assert (error.code, error.line) == ("xml:externalDtd", 1)
    assert not fifo_probe.opened.wait(0.2)
    assert audit.opened(fifo_probe.path) == []


def test_external_entity_over_http_is_refused_without_connecting(
    listener: socket.socket, audit: AuditRecorder
) -> None:
    port = listener.getsockname()[1]
    document = f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/leak">]><a>&xxe;</a>'.encode()
    with bounded(), audit.recording():
        error = _refused(document)
        etree.fromstring(document, hardened_parser())
    assert error.code == "xml:entityDeclaration"
    assert not connection_pending(listener)
    assert audit.connects() == []


def test_external_dtd_over_http_is_refused_without_connecting(
    listener: socket.socket, audit: AuditRecorder
) -> None:
    port = listener.getsockname()[1]
    document = f'<?xml version="1.0"?>\n<!DOCTYPE a PUBLIC "-//X//DTD X//EN" "http://127.0.0.1:{port}/x.dtd">\n<a/>'
    with bounded(), audit.recording():
        error = _refused(document.encode())
        etree.fromstring(document.encode(), hardened_parser())  # the parser itself does not fetch either
    assert (error.code, error.line) == ("xml:externalDtd", 2)
    assert not connection_pending(listener)
    assert audit.connects() == []


def test_listener_and_audit_detect_a_connection(listener: socket.socket, audit: AuditRecorder) -> None:
    # Control experiment for the two tests above.
    with audit.recording(), socket.create_connection(listener.getsockname(), timeout=2):
        assert connection_pending(listener)
    assert len(audit.connects()) == 1


def test_external_dtd_is_refused_by_the_backstop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "_check_prolog", lambda data, file: True)
    assert _refused(b'<!DOCTYPE a SYSTEM "x.dtd"><a>&undeclared;</a>').code == "xml:externalDtd"


def test_undeclared_entity_reference_is_malformed() -> None:
    error = _refused(b"<a>\n&undeclared;</a>")
    assert (error.code, error.line) == ("xml:malformed", 2)


# --- resource limits -------------------------------------------------------------------------------


def test_ten_thousand_deep_nesting_is_refused() -> None:
    document = b"<a>" * 10_000 + b"</a>" * 10_000
    with bounded():
        error = _refused(document)
    assert error.code == "xml:tooDeep"


def test_stricter_depth_limit_is_enforced_at_the_boundary() -> None:
    limits = XmlLimits(max_depth=3)
    assert parse_untrusted(b"<a><b><c/></b></a>", limits=limits).getroot().tag == "a"
    assert _refused(b"<a><b><c><d/></c></b></a>", limits=limits).code == "xml:tooDeep"


def test_default_depth_limit_matches_libxml2() -> None:
    depth = LIBXML2_MAX_DEPTH
    assert parse_untrusted(b"<a>" * depth + b"</a>" * depth).getroot().tag == "a"
    assert _refused(b"<a>" * (depth + 1) + b"</a>" * (depth + 1)).code == "xml:tooDeep"


def test_oversize_bytes_are_refused() -> None:
    error = _refused(b"<a>" + b"x" * 100 + b"</a>", limits=XmlLimits(max_bytes=64), name="big.xml")
    assert (error.code, error.file) == ("xml:tooLarge", "big.xml")


def test_oversize_file_is_refused_without_reading_it(tmp_path: Path, audit: AuditRecorder) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(b"<a>" + b"x" * 10_000 + b"</a>")
    with bounded(), audit.recording():
        error = _refused(path, limits=XmlLimits(max_bytes=1_000))
    assert (error.code, error.file) == ("xml:tooLarge", str(path))
    assert audit.opened(path) == []
    with audit.recording():  # control: the recorder does see the read of an acceptable file
        parse_untrusted(path)
    assert len(audit.opened(path)) == 1


def test_oversize_text_node_hits_libxml2_limit() -> None:
    document = b"<a>" + b"x" * (11 * 1024 * 1024) + b"</a>"
    assert _refused(document).code == "xml:tooLarge"


def test_too_many_elements_is_refused_without_building_the_tree() -> None:
    document = b"<a>" + b"<b/>" * 2_000_000 + b"</a>"
    with bounded(seconds=5.0):
        error = _refused(document, limits=XmlLimits(max_elements=1_000_000))
    assert error.code == "xml:tooManyElements"


def test_element_limit_is_exact_despite_angle_brackets_in_cdata_and_comments() -> None:
    filler = b"<![CDATA[" + b"<x>" * 100 + b"]]><!--" + b"<y>" * 100 + b"-->"
    document = b"<a>" + filler + b"<b/>" * 9 + b"</a>"  # 10 elements
    assert len(parse_untrusted(document, limits=XmlLimits(max_elements=10)).getroot().findall("b")) == 9
    assert _refused(document, limits=XmlLimits(max_elements=9)).code == "xml:tooManyElements"


def test_element_limit_applies_to_utf16_documents() -> None:
    document = ("<a>" + "<b/>" * 20 + "</a>").encode("utf-16")
    assert _refused(document, limits=XmlLimits(max_elements=20)).code == "xml:tooManyElements"
    assert len(parse_untrusted(document, limits=XmlLimits(max_elements=21)).getroot()) == 20


@pytest.mark.parametrize(
    "limits",
    [
        {"max_depth": LIBXML2_MAX_DEPTH + 1},
        {"max_depth": 0},
        {"max_bytes": 0},
        {"max_elements": -1},
    ],
)
def test_impossible_limits_are_rejected(limits: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        XmlLimits(**limits)


# --- malformed input --------------------------------------------------------------------------------


def test_malformed_document_reports_line_and_lxml_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<a>\n  <b>\n  </c>\n</a>\n')
    error = _refused(path)
    assert error.code == "xml:malformed"
    assert error.line == 4
    assert error.file == str(path)
    assert "mismatch" in error.message
    assert str(error).startswith(f"{path}:4: [xml:malformed]")


@pytest.mark.parametrize(
    "document",
    [b"", b"   ", b"<a>", b"<!DOCTYPE a [<!ATTLIST a x CDATA 'unterminated", b"<?xml version='1.0'?>"],
)
def test_truncated_documents_are_malformed(document: bytes) -> None:
    assert _refused(document).code == "xml:malformed"


def test_long_prolog_is_scanned_past_the_first_window() -> None:
    comments = b"<!--" + b"c" * 100_000 + b"-->\n"
    error = _refused(b'<?xml version="1.0"?>\n' + comments + b'<!DOCTYPE a [<!ENTITY e "x">]><a/>')
    assert (error.code, error.line) == ("xml:entityDeclaration", 3)


def test_hardened_parser_factory_returns_independent_parsers() -> None:
    assert hardened_parser() is not hardened_parser()  # lxml parsers are not shared across threads
    assert dict(safe_xml.HARDENED_PARSER_KWARGS)["resolve_entities"] is False
    with pytest.raises(TypeError):
        safe_xml.HARDENED_PARSER_KWARGS["resolve_entities"] = True  # type: ignore[index]
