"""validate on taxonomies other than ours: discovery, profiles, Inline XBRL 1.0, packages, safe resolution.

Each test writes its own small foreign taxonomy (a schema, a label and a calculation linkbase) and
drafts against it; nothing here depends on ../shared.
"""
from __future__ import annotations

import json
import socket
import zipfile
from pathlib import Path

from click.testing import CliRunner
from hostile_support import FifoProbe, connection_pending
from validation_corpus import base_documents

from exporter.cli import main
from exporter.validation import validate_bytes, validate_path

SCHEMA = """<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  targetNamespace="http://example.com/acme" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
    <link:linkbaseRef xlink:type="simple" xlink:href="acme_lab.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"
      xlink:role="http://www.xbrl.org/2003/role/labelLinkbaseRef"/>
    <link:linkbaseRef xlink:type="simple" xlink:href="acme_cal.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"
      xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef"/>
  </xs:appinfo></xs:annotation>
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="Revenue" id="acme_Revenue" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" xbrli:balance="credit"/>
  <xs:element name="Sales" id="acme_Sales" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" xbrli:balance="credit"/>
  <xs:element name="Other" id="acme_Other" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration" xbrli:balance="credit"/>
  <xs:element name="Name" id="acme_Name" type="xbrli:stringItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="duration"/>
</xs:schema>"""
LINKBASE = """<?xml version="1.0" encoding="utf-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  {body}
</link:linkbase>"""
LABELS = """<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
    <link:loc xlink:type="locator" xlink:href="acme.xsd#acme_Revenue" xlink:label="Revenue"/>
    <link:label xlink:type="resource" xlink:label="RevenueLabel" xlink:role="http://www.xbrl.org/2003/role/label"
      xml:lang="en">Revenue</link:label>
    <link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="Revenue"
      xlink:to="RevenueLabel"/>
  </link:labelLink>"""
CALCULATION = """<link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
    <link:loc xlink:type="locator" xlink:href="acme.xsd#acme_Revenue" xlink:label="Revenue"/>
    <link:loc xlink:type="locator" xlink:href="acme.xsd#acme_Sales" xlink:label="Sales"/>
    <link:loc xlink:type="locator" xlink:href="acme.xsd#acme_Other" xlink:label="Other"/>
    <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"
      xlink:from="Revenue" xlink:to="Sales" weight="{weight}" order="1"/>
    <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"
      xlink:from="Revenue" xlink:to="Other" weight="1" order="2"/>
  </link:calculationLink>"""
INSTANCE = """<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:acme="http://example.com/acme">
  <link:schemaRef xlink:type="simple" xlink:href="{schema}"/>
  <xbrli:context id="FY"><xbrli:entity><xbrli:identifier scheme="http://example.com">ACME</xbrli:identifier>
    </xbrli:entity><xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate><xbrli:endDate>2025-12-31</xbrli:endDate>
    </xbrli:period></xbrli:context>
  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
  <acme:Revenue contextRef="FY" unitRef="EUR" decimals="0">{revenue}</acme:Revenue>
  <acme:Sales contextRef="FY" unitRef="EUR" decimals="0">900</acme:Sales>
  <acme:Other contextRef="FY" unitRef="EUR" decimals="0">100</acme:Other>
  <acme:Name contextRef="FY">ACME</acme:Name>
</xbrli:xbrl>"""


def acme(folder: Path, *, revenue: str = "1000", weight: str = "1", schema: str = "acme.xsd") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "acme.xsd").write_text(SCHEMA, encoding="utf-8")
    (folder / "acme_lab.xml").write_text(LINKBASE.format(body=LABELS), encoding="utf-8")
    (folder / "acme_cal.xml").write_text(LINKBASE.format(body=CALCULATION.format(weight=weight)), encoding="utf-8")
    instance = folder / "acme.xbrl"
    instance.write_text(INSTANCE.format(revenue=revenue, schema=schema), encoding="utf-8")
    return instance


def codes(reports) -> set[str]:
    return {m.code for r in reports for m in r.messages}


def test_a_foreign_filing_is_valid_with_its_own_taxonomy(tmp_path: Path) -> None:
    [report] = validate_path(acme(tmp_path / "filing"))
    assert report.valid and report.status == "valid", [m.as_text() for m in report.messages]


def test_the_xbrl_profile_applies_xbrl_21_calculations_to_a_foreign_filing(tmp_path: Path) -> None:
    [report] = validate_path(acme(tmp_path / "filing", revenue="1001"))
    assert codes([report]) == {"calc:inconsistency"}


def test_a_taxonomy_schema_is_an_entry_point_and_its_dts_is_validated(tmp_path: Path) -> None:
    instance = acme(tmp_path / "filing", weight="-1")  # credit summing credit with a negative weight
    reports = validate_path(instance.parent / "acme.xsd")
    assert reports[0].kind == "schema" and "xbrl21:balanceWeight" in codes(reports)


def test_a_missing_local_file_is_invalid_but_a_missing_url_is_not_judged(tmp_path: Path) -> None:
    missing = validate_path(acme(tmp_path / "a", schema="nowhere.xsd"))
    assert missing[0].status == "invalid" and "dts:missingDocument" in codes(missing)
    offline = validate_path(acme(tmp_path / "b", schema="http://example.com/acme/acme.xsd"))
    assert offline[0].status == "notJudged" and codes(offline) == {"dts:notOffline"}
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "b" / "acme.xbrl")])
    assert result.exit_code == 3 and "http://example.com/acme/acme.xsd" in result.output


def test_taxonomy_resolution_never_opens_a_pipe_nor_connects(tmp_path: Path, fifo_probe: FifoProbe,
                                                             listener: socket.socket) -> None:
    host, port = listener.getsockname()
    folder = tmp_path / "filing"
    instance = acme(folder)
    (folder / "pipe.xsd").symlink_to(fifo_probe.path)
    data = instance.read_text().replace(
        '<link:schemaRef xlink:type="simple" xlink:href="acme.xsd"/>',
        '<link:schemaRef xlink:type="simple" xlink:href="acme.xsd"/>'
        f'<link:schemaRef xlink:type="simple" xlink:href="{fifo_probe.path.as_uri()}"/>'
        '<link:schemaRef xlink:type="simple" xlink:href="pipe.xsd"/>'
        f'<link:linkbaseRef xlink:type="simple" xlink:href="http://{host}:{port}/lab.xml" '
        'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>')
    instance.write_text(data)
    [report] = validate_path(instance)
    assert {"dts:refusedLocation", "dts:notOffline"} <= codes([report])
    assert not fifo_probe.opened.is_set() and not connection_pending(listener)


def test_inline_xbrl_1_0_with_older_transformation_registries(tmp_path: Path) -> None:
    text = base_documents()["iij-en.html"].decode()
    text = text.replace("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
    text = text.replace("http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
                        "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31")  # TR2
    text = text.replace("ixt:num-dot-decimal", "ixt:numdotdecimal")
    text = text.replace("ixt:date-monthname-day-year-en", "ixt:datemonthdayyearen")
    report = validate_bytes(text.encode(), file="ix10.html")
    assert report.valid, [m.as_text() for m in report.messages]
    broken = text.replace(">July 13, 2015<", ">July 32, 2015<", 1)
    assert broken != text
    assert "ix:invalidTransformValue" in codes([validate_bytes(broken.encode(), file="ix10.html")])


def test_a_report_package_is_validated_and_meta_inf_is_never_a_document(tmp_path: Path) -> None:
    package = tmp_path / "acme.xbri"
    source = acme(tmp_path / "src")
    with zipfile.ZipFile(package, "w") as zipped:
        zipped.writestr("acme/META-INF/reportPackage.json",
                        json.dumps({"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbr"}}))
        zipped.writestr("acme/META-INF/catalog.xml", """<?xml version="1.0"?>
<!DOCTYPE catalog PUBLIC "-//OASIS//DTD XML Catalogs V1.1//EN" "http://www.oasis-open.org/committees/entity/release/1.1/catalog.dtd">
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString="http://example.com/acme/" rewritePrefix="../taxonomy/"/>
</catalog>""")
        zipped.writestr("acme/META-INF/taxonomyPackage.xml", "<taxonomyPackage/>")
        for name in ("acme.xsd", "acme_lab.xml", "acme_cal.xml"):
            zipped.write(source.parent / name, f"acme/taxonomy/{name}")
        zipped.writestr("acme/reports/acme.xbrl",
                        INSTANCE.format(revenue="1000", schema="http://example.com/acme/acme.xsd"))
    reports = validate_path(package)
    assert [r.file.split("!/")[1] for r in reports] == ["acme/reports/acme.xbrl"]
    assert reports[0].valid, [m.as_text() for m in reports[0].messages]


def test_a_taxonomy_package_with_the_usual_catalog_doctype(tmp_path: Path) -> None:
    source = acme(tmp_path / "src")
    package = tmp_path / "acme-taxonomy.zip"
    with zipfile.ZipFile(package, "w") as zipped:
        zipped.writestr("acme/META-INF/catalog.xml", """<?xml version="1.0"?>
<!DOCTYPE catalog PUBLIC "-//OASIS//DTD XML Catalogs V1.1//EN" "http://www.oasis-open.org/committees/entity/release/1.1/catalog.dtd">
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString="http://example.com/acme/" rewritePrefix="../"/>
</catalog>""")
        for name in ("acme.xsd", "acme_lab.xml", "acme_cal.xml"):
            zipped.write(source.parent / name, f"acme/{name}")
    draft = acme(tmp_path / "draft", schema="http://example.com/acme/acme.xsd")
    for name in ("acme.xsd", "acme_lab.xml", "acme_cal.xml"):
        (draft.parent / name).unlink()
    result = CliRunner().invoke(main, ["validate", str(draft), "--taxonomy-package", str(package)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["validate", str(draft)]).exit_code == 3


def test_the_eqi_profile_can_be_asked_for_on_a_foreign_filing(tmp_path: Path) -> None:
    instance = acme(tmp_path / "filing")
    instance.write_text(instance.read_text().replace(
        "</xbrli:xbrl>", '<xbrli:unit id="spare"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit></xbrli:xbrl>'))
    assert validate_path(instance)[0].messages == []  # the specifications alone: an unused unit is fine
    result = CliRunner().invoke(main, ["validate", str(instance), "--profile", "eqi", "--format", "json"])
    assert "xbrl21:unusedUnit" in {m["code"] for m in json.loads(result.output)["messages"]}


def test_large_instances_take_the_streaming_path_and_agree_with_the_tree_path(tmp_path: Path) -> None:
    import sys

    from exporter.validation import stream
    from exporter.validation.validate import Options

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from generate import instance_bytes
    finally:
        sys.path.pop(0)
    data = instance_bytes(8000)
    assert len(data) > stream.MIN_BYTES
    good = tmp_path / "good.xbrl"
    good.write_bytes(data)
    fast = stream.validate_instance(data, str(good), good.as_uri(), [tmp_path], Options())
    assert fast is not None and fast.valid and not fast.messages  # the fast path judged it
    slow = validate_path(good, options=Options(fast=False))[0]
    assert slow.valid and not slow.messages
    broken = data.replace(b'unitRef="JPY"', b'unitRef="pure"', 1)
    assert broken != data
    bad = tmp_path / "bad.xbrl"
    bad.write_bytes(broken)
    assert stream.validate_instance(broken, str(bad), bad.as_uri(), [tmp_path], Options()) is None
    [report] = validate_path(bad)  # the tree path reports it, with a line
    assert not report.valid and all(m.line for m in report.messages if m.severity.value == "error")


def test_an_inline_document_set_in_a_report_package_is_one_target_document(tmp_path: Path) -> None:
    """Facts in one document, the header (contexts, units) in the other: valid only as one set."""
    from lxml import etree

    text = base_documents()["iij-en.html"]
    ix = "http://www.xbrl.org/2013/inlineXBRL"
    first = etree.fromstring(text)
    second = etree.fromstring(text)
    for fact in list(first.iter(f"{{{ix}}}nonFraction", f"{{{ix}}}nonNumeric")):  # first: the header only
        if not any(a.tag == f"{{{ix}}}header" for a in fact.iterancestors()):
            fact.getparent().remove(fact)
    for header in list(second.iter(f"{{{ix}}}header")):  # second: the visible facts, no header
        header.getparent().remove(header)
    package = tmp_path / "set.xbri"
    with zipfile.ZipFile(package, "w") as zipped:
        zipped.writestr("set/META-INF/reportPackage.json",
                        json.dumps({"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}))
        zipped.writestr("set/reports/notice/a.html", etree.tostring(first))
        zipped.writestr("set/reports/notice/b.html", etree.tostring(second))
    [report] = validate_path(package)
    assert report.kind == "inline" and " + " in report.file
    assert report.valid, [m.as_text() for m in report.messages]
    alone = tmp_path / "b.html"
    alone.write_bytes(etree.tostring(second))
    assert not validate_path(alone)[0].valid  # without the other document its facts have no contexts
