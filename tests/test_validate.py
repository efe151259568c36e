"""The validator's parts and its command: formats, Calculation 1.1, business rules, the concept model,
paths and content detection, taxonomy packages, output formats and exit codes."""
from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from lxml import etree
from validation_corpus import IX, base_documents, fact

from exporter.cli import main
from exporter.domain.concepts import all_concepts
from exporter.validation import validate_bytes, validate_path
from exporter.validation.codes import CODES
from exporter.validation.dts import load_dts
from exporter.validation.transforms import SEC, TR4, TR5, FormatNotChecked, TransformError, transform

EQI = "http://disclosure-exporter.dev/taxonomy/eqi/2026-11-25"


def mutated(base: str, change) -> bytes:
    root = etree.fromstring(base_documents()[base])
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def codes(data: bytes) -> set[str]:
    return {m.code for m in validate_bytes(data, file="draft").messages}


# --- Transformation Registry 4 and 5 -----------------------------------------------------------------

@pytest.mark.parametrize("name, text, value", [
    ("num-dot-decimal", "30,200", "30200"),
    ("num-dot-decimal", " 1,846.50 ", "1846.5"),
    ("num-dot-decimal", "1 234 567", "1234567"),
    ("num-dot-decimal", ".5", "0.5"),
    ("num-comma-decimal", "1.234,5", "1234.5"),
    ("num-unit-decimal", "5円30銭", "5.3"),
    ("fixed-zero", "-", "0"),
    ("fixed-true", "無償", "true"),
    ("date-monthname-day-year-en", "July 13, 2015", "2015-07-13"),
    ("date-monthname-day-year-en", "Feb 29, 2024", "2024-02-29"),
    ("date-day-monthname-year-en", "13 July 2015", "2015-07-13"),
    ("date-year-month-day", "2024年6月14日", "2024-06-14"),
    ("date-year-month-day", "２０２４年６月１４日", "2024-06-14"),
    ("date-day-month-year", "13/07/2015", "2015-07-13"),
    ("date-month-day-year", "07-13-15", "2015-07-13"),
    ("date-jpn-era-year-month-day", "平成27年7月13日", "2015-07-13"),
    ("date-jpn-era-year-month-day", "令和元年5月1日", "2019-05-01"),
    ("date-year-month", "2024年6月", "2024-06"),
    ("date-day-month", "29/02", "--02-29"),
])
def test_registry_formats(name: str, text: str, value: str) -> None:
    assert transform(TR4, name, text) == value
    assert transform(TR5, name, text) == value  # TR5 keeps every TR4 format


@pytest.mark.parametrize("name, text", [
    ("num-dot-decimal", "30,2OO"), ("num-dot-decimal", "1.2.3"), ("num-dot-decimal", ""),
    ("num-dot-decimal", "-5"), ("num-comma-decimal", "1,2,3"),
    ("date-monthname-day-year-en", "June 31, 2015"), ("date-monthname-day-year-en", "Feb 29, 2023"),
    ("date-year-month-day", "2024年13月1日"), ("date-jpn-era-year-month-day", "平成27年2月30日"),
    ("date-day-month", "31/04"),
])
def test_values_not_of_the_format_are_refused(name: str, text: str) -> None:
    with pytest.raises(TransformError):
        transform(TR4, name, text)


def test_unknown_and_unimplemented_formats_are_told_apart() -> None:
    with pytest.raises(KeyError):
        transform(TR4, "num-dot-comma", "1")
    with pytest.raises(KeyError):
        transform(TR4, "num-dot-decimal-apos", "1'000")  # TR5 only
    assert transform(TR5, "num-dot-decimal-apos", "1'000.5") == "1000.5"
    assert transform(TR4, "date-day-monthname-year-de", "13. Juli 2015") == "2015-07-13"
    with pytest.raises(FormatNotChecked):
        transform(SEC, "datequarterend", "Q3 2015")  # the SEC's formats are not checked


def test_a_foreign_date_is_checked_and_an_sec_format_is_a_warning_not_an_error() -> None:
    def german(text: str):
        def change(root):
            target = next(e for e in root.iter(f"{{{IX}}}nonNumeric") if e.get("format", "").endswith("day-year-en"))
            target.set("format", "ixt:date-day-monthname-year-de")
            target.text = text
        return mutated("iij-en.html", change)
    report = validate_bytes(german("13. Juli 2015"), file="draft")
    assert report.valid and not report.messages, [m.as_text() for m in report.messages]
    assert "ix:invalidTransformValue" in codes(german("31. Februar 2015"))

    def sec(root):
        target = next(e for e in root.iter(f"{{{IX}}}nonNumeric") if e.get("format", "").endswith("day-year-en"))
        target.set("format", "ixt-sec:datequarterend")
    data = mutated("iij-en.html", sec).replace(b"<html ", f'<html xmlns:ixt-sec="{SEC}" '.encode(), 1)
    report = validate_bytes(data, file="draft")
    assert report.valid and {m.code for m in report.messages} == {"ix:formatNotChecked"}


# --- Calculation 1.1, round to nearest ---------------------------------------------------------------

@pytest.mark.parametrize("value, decimals, consistent", [
    ("289375000", "0", True),
    ("289375001", "0", True),  # within the three amounts' rounding (±0.5 each)
    ("289375002", "0", False),
    ("289000000", "-6", True),  # 288.5M..289.5M holds 289,375,000
    ("290000000", "-6", False),  # 289.5M..290.5M misses 289,374,999..289,375,001
    ("289400000", "-5", True),
    ("289500000", "-5", False),
    ("289375000", "INF", True),
])
def test_calculation_intervals(value: str, decimals: str, consistent: bool) -> None:
    def change(root):
        total = fact(root, "AggregateIssueValue")
        total.text, total.attrib["decimals"] = value, decimals
    found = codes(mutated("sakura.xbrl", change))
    assert ("calc11:inconsistency" not in found) is consistent, found


def test_inconsistent_duplicates_are_left_to_the_duplicate_rule() -> None:
    def change(root):
        total = fact(root, "AggregateIssueValue")
        twin = etree.fromstring(etree.tostring(total))
        twin.text = "1"
        total.addnext(twin)
    found = codes(mutated("sakura.xbrl", change))
    assert "xbrl21:inconsistentDuplicates" in found and "calc11:inconsistency" not in found


# --- business rules ---------------------------------------------------------------------------------------

def test_business_rules_hold_for_exact_and_upper_limit_concepts() -> None:
    assert not codes(base_documents()["iij.xbrl"]) and not codes(base_documents()["sakura.xbrl"])

    def change(root):  # sakura reports upper limits: 1,250 rights x 100 = 125,000 shares
        fact(root, "NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit").text = "125100"
    assert "rules:sharesEqualRightsTimesSharesPerRight" in codes(mutated("sakura.xbrl", change))


def test_allotments_are_summed_within_one_issuer_and_date() -> None:
    def change(root):  # another issuer's allotment, in a context of its own, must not count
        for element in list(root.iter("{http://www.xbrl.org/2003/instance}context")):
            if element.get("id") == "I20150713_Directors":
                twin = etree.fromstring(etree.tostring(element))
                twin.set("id", "Other_Directors")
                twin.find(".//{http://www.xbrl.org/2003/instance}identifier").text = "9999"
                element.addnext(twin)
        allotted = fact(root, "NumberOfStockAcquisitionRightsAllotted")
        other = etree.fromstring(etree.tostring(allotted))
        other.set("contextRef", "Other_Directors")
        allotted.addnext(other)
    assert codes(mutated("iij.xbrl", change)) == set()


# --- the concept model (xmlschema) and the taxonomy files agree -----------------------------------------

def test_the_validators_taxonomy_model_reads_what_the_domain_declares() -> None:
    """One model of the taxonomy (the DTS the validator discovers) and one declaration (exporter.domain)."""
    dts = load_dts()
    for concept in all_concepts():
        info = dts.concepts[f"{{{EQI}}}{concept.name}"]
        assert (info.period_type, info.abstract, info.item, info.numeric) == \
               ("instant", False, True, concept.type.numeric), concept.name


def test_every_code_in_the_source_is_documented() -> None:
    folders = (REPO / "exporter" / "validation", REPO / "exporter" / "taxonomy" / "dts")
    source = "".join(p.read_text(encoding="utf-8") for folder in folders for p in folder.glob("*.py"))
    used = set(re.findall(r'"((?:input|xml|xsd|xbrl21|utr|eqi|xdt|calc11|calc|rules|ix|dts|xlink):[A-Za-z]+)"',
                          source))
    used |= set(re.findall(r'UnsafeXmlError\.\w+: Final = "(xml:\w+)"', source))
    assert used - set(CODES) == set()


# --- paths: files, folders, zips; the kind is read from the content ----------------------------------------

def test_kind_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    (tmp_path / "instance.txt").write_bytes(base_documents()["iij.xbrl"])
    (tmp_path / "inline.xml").write_bytes(base_documents()["iij-ja.html"])
    with zipfile.ZipFile(tmp_path / "filing.dat", "w") as zipped:
        zipped.writestr("a/notice", base_documents()["sakura-en.html"])
        zipped.writestr("a/schema.xsd", "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>")
    assert [r.kind for r in validate_path(tmp_path / "instance.txt")] == ["instance"]
    assert [r.kind for r in validate_path(tmp_path / "inline.xml")] == ["inline"]
    [report] = validate_path(tmp_path / "filing.dat")
    assert report.kind == "inline" and report.valid and report.file.endswith("filing.dat!/a/notice")


def test_a_single_file_that_is_not_a_draft_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "note.xml"
    path.write_text("<note>not XBRL</note>")
    [report] = validate_path(path)
    assert {m.code for m in report.messages} == {"input:notXbrl"}


# --- the command -------------------------------------------------------------------------------------------

@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (tmp_path / "bad.html").write_bytes(mutated("iij-en.html", lambda r: fact(r, "SecuritiesCode").set(
        "contextRef", "nowhere")))
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_text_output_and_exit_codes(drafts: Path) -> None:
    good = run(str(drafts / "good.xbrl"))
    assert good.exit_code == 0 and good.stdout == ""
    bad = run(str(drafts))
    assert bad.exit_code == 1
    line = next(ln for ln in bad.stdout.splitlines() if "xbrl21:missingContext" in ln)
    assert re.fullmatch(r".*bad\.html:\d+: error xbrl21:missingContext: .+", line)


def test_json_output_is_one_documented_object(drafts: Path) -> None:
    result = run(str(drafts), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"format", "valid", "status", "counts", "documents", "messages"}
    assert data["format"] == "disclosure-exporter/validate/1" and data["valid"] is False
    assert set(data["counts"]) == {"error", "warning", "info"} and data["counts"]["error"] >= 1
    assert [Path(d["file"]).name for d in data["documents"]] == ["bad.html", "good.xbrl"]
    message = next(m for m in data["messages"] if m["code"] == "xbrl21:missingContext")
    assert set(message) == {"code", "severity", "message", "file", "line", "xpath", "concept", "source"}
    assert message["concept"] == "eqi:SecuritiesCode" and message["xpath"].startswith("/")
    assert message["source"] == "exporter" and message["severity"] == "error"


@pytest.mark.parametrize("args", [[], ["missing.xbrl"], ["--format", "yaml", "x"]])
def test_usage_errors_exit_2(args, tmp_path: Path) -> None:
    assert run(*[str(tmp_path / a) if a.endswith(".xbrl") else a for a in args]).exit_code == 2


def test_a_folder_without_drafts_and_a_bad_package_exit_2(tmp_path: Path, drafts: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert run(str(tmp_path / "empty")).exit_code == 2
    (tmp_path / "not.zip").write_text("no")
    assert run("--taxonomy-package", str(tmp_path / "not.zip"), str(drafts / "good.xbrl")).exit_code == 2


def test_a_taxonomy_package_makes_its_urls_resolvable(tmp_path: Path) -> None:
    other = "http://example.com/taxonomy/2026/"
    package = tmp_path / "other.zip"
    with zipfile.ZipFile(package, "w") as zipped:
        zipped.writestr("other/META-INF/catalog.xml", f"""<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
            <rewriteURI uriStartString="{other}" rewritePrefix="../files/"/></catalog>""")
        zipped.writestr("other/files/other.xsd", '<schema xmlns="http://www.w3.org/2001/XMLSchema" '
                        'targetNamespace="http://example.com/taxonomy/2026"/>')
    draft = tmp_path / "draft.html"

    def change(root):
        ref = next(root.iter("{http://www.xbrl.org/2003/linkbase}schemaRef"))
        ref.set("{http://www.w3.org/1999/xlink}href", EQI + "/eqi-2026-11-25.xsd")
        extra = etree.SubElement(ref.getparent(), ref.tag, ref.attrib)
        extra.set("{http://www.w3.org/1999/xlink}href", other + "other.xsd")
    draft.write_bytes(mutated("iij-en.html", change))
    without = run(str(draft), "--format", "json")
    assert "dts:notOffline" in without.stdout and without.exit_code == 3  # not judged, naming the URL
    assert json.loads(without.stdout)["status"] == "notJudged" and other + "other.xsd" in without.stdout
    assert run(str(draft), "--taxonomy-package", str(package)).exit_code == 0


def test_export_validates_with_the_same_code_path() -> None:
    import exporter.export
    import exporter.validation.validate

    assert exporter.export.validate_path is exporter.validation.validate.validate_path


def test_generated_benchmark_documents_are_valid() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import inline_bytes, instance_bytes
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    for data in (instance_bytes(1000), inline_bytes(1000)):
        report = validate_bytes(data, file="big")
        assert report.valid and not report.messages, [m.as_text() for m in report.messages[:5]]


@pytest.mark.arelle
def test_arelle_messages_are_merged_and_marked(drafts: Path) -> None:
    import subprocess

    command = [sys.executable, "-c", "from exporter.cli import main; main()", "validate", str(drafts / "bad.html"),
               "--arelle"]  # in a child process: Arelle's global state stays out of the test process
    result = subprocess.run([*command, "--format", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    messages = json.loads(result.stdout)["messages"]
    assert {m["source"] for m in messages} == {"exporter", "arelle"}
    assert any(m["source"] == "arelle" and m["severity"] == "error" for m in messages)
    text = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    assert "[arelle]" in text
