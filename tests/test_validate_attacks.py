"""Hostile and broken input to ``validate`` (issue 11, the validator's side), each run through the CLI.

Every attack is a generator here (small on disk), run by the real command line, and asserted on
its exit code, a message that names the place, and the absence of any Python traceback. The
attacks: encodings and leading whitespace that used to bypass the folder/zip sniff; a draft's
taxonomy naming local files (a device, a named pipe, a file outside the folder) for ``--arelle``;
namespace-heavy typed contexts; huge scales and numbers; zip member names that would forge lines;
libxml2's own advice leaking out; corrupt compressed zip members; folders nested too deep.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_support import FifoProbe
from validation_corpus import base_documents

from exporter.cli import main

PROGRAM = [sys.executable, "-c", "from exporter.cli import main; main()"]


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    output = result.output
    assert ("Traceback" not in output and not isinstance(result.exception, Exception | None)) or \
        isinstance(result.exception, SystemExit), output
    return result.exit_code, output


def invalid_instance() -> bytes:
    """Our valid instance with its securities code made an unknown concept (so: invalid)."""
    return base_documents()["iij.xbrl"].replace(b"eqi:SecuritiesCode", b"eqi:NotAConceptAtAll")


def reencode(data: bytes, codec: str) -> bytes:
    text = data.decode("utf-8").replace('encoding="utf-8"', f'encoding="{codec.upper()}"')
    text = text.replace("encoding='utf-8'", f"encoding='{codec.upper()}'")
    return text.encode(codec)


# --- no bypass: any file that could be XML is validated ---------------------------------------------

@pytest.mark.parametrize("variant", ["utf-16-be", "utf-32-be", "utf-16-le", "newlines"])
@pytest.mark.parametrize("container", ["folder", "zip"])
def test_an_invalid_instance_is_never_skipped(variant: str, container: str, tmp_path: Path) -> None:
    data = invalid_instance()
    data = b"\n" * 300 + data.split(b"?>", 1)[1].lstrip() if variant == "newlines" else reencode(data, variant)
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "draft.xbrl").write_bytes(data)
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    target = folder
    if container == "zip":
        target = tmp_path / "drafts.zip"
        with zipfile.ZipFile(target, "w") as zipped:
            zipped.write(folder / "draft.xbrl", "draft.xbrl")
            zipped.write(folder / "logo.png", "logo.png")
    code, out = cli(str(target), "--format", "json")
    result = json.loads(out)
    assert code == 1 and result["status"] == "invalid"
    by_file = {Path(m["file"].split("!/")[-1]).name: m["code"] for m in result["messages"]}
    assert by_file["draft.xbrl"] in {"xbrl21:unknownConcept", "xsd:instanceInvalid"}
    assert by_file["logo.png"] == "input:skipped"  # a skipped file is said to be skipped


# --- --arelle reads only what our resolver allows -------------------------------------------------------

def _pointing_at(target: str, how: str) -> bytes:
    data = base_documents()["iij.xbrl"]
    if how == "schemaRef":
        return data.replace(b'<link:schemaRef ', f'<link:schemaRef xlink:type="simple" xlink:href="{target}"/>'
                            '<link:schemaRef '.encode(), 1)
    if how == "linkbaseRef":
        return data.replace(b"<xbrli:context", f'<link:linkbaseRef xlink:type="simple" xlink:href="{target}" '
                            'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/><xbrli:context'
                            .encode(), 1)
    return data.replace(b"<xbrli:xbrl ", f'<xbrli:xbrl xsi:schemaLocation="http://example.com/x {target}" '
                        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '.encode(), 1)


@pytest.mark.arelle
@pytest.mark.parametrize("how", ["schemaRef", "linkbaseRef", "schemaLocation"])
@pytest.mark.parametrize("target", ["device", "fifo", "outside"])
def test_arelle_is_never_given_a_draft_whose_taxonomy_reaches_a_forbidden_file(
        how: str, target: str, fifo_probe: FifoProbe, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.xsd"
    secret.parent.mkdir()
    secret.write_text("<schema/>")
    location = {"device": "/dev/zero", "fifo": fifo_probe.path.as_uri(), "outside": secret.as_uri()}[target]
    folder = tmp_path / "draft"
    folder.mkdir()
    (folder / "draft.xbrl").write_bytes(_pointing_at(location, how))
    done = subprocess.run([*PROGRAM, "validate", str(folder / "draft.xbrl"), "--arelle",
                           "--format", "json"], capture_output=True, timeout=120, cwd=Path(__file__).parents[1])
    assert b"Traceback" not in done.stderr + done.stdout
    result = json.loads(done.stdout)
    codes = {m["code"] for m in result["messages"]}
    assert codes & {"dts:refusedLocation", "dts:refusedHint"}, codes
    assert "arelle:notRun" in codes or (how == "schemaLocation" and "arelle:notRun" in codes)
    assert not fifo_probe.opened.is_set()
    assert done.returncode in (0, 1, 3)


# --- hangs and numbers ----------------------------------------------------------------------------------------

def namespace_heavy(declarations: int = 3000, contexts: int = 300) -> bytes:
    """An instance whose root declares thousands of namespaces, with hundreds of typed contexts."""
    data = base_documents()["iij.xbrl"].decode()
    extra = " ".join(f'xmlns:n{i}="http://example.com/ns/{i}"' for i in range(declarations))
    data = data.replace("<xbrli:xbrl ", f"<xbrli:xbrl {extra} ", 1)
    typed = re.search(r"<xbrli:context id=\"[^\"]*Listing1\".*?</xbrli:context>", data, re.S)
    assert typed is not None
    copies = "".join(typed.group(0).replace("Listing1\"", f"Listing1x{i}\"").replace(">IIJ<", f">IIJ{i}<")
                     for i in range(contexts))
    return data.replace(typed.group(0), typed.group(0) + copies, 1).encode()


def test_namespace_heavy_typed_contexts_are_compared_without_c14n(tmp_path: Path) -> None:
    draft = tmp_path / "heavy.xbrl"
    draft.write_bytes(namespace_heavy())
    done = subprocess.run([*PROGRAM, "validate", str(draft), "--format", "json"],
                          capture_output=True, timeout=60, cwd=Path(__file__).parents[1])
    assert b"Traceback" not in done.stderr
    codes = {m["code"] for m in json.loads(done.stdout)["messages"]}
    assert codes <= {"xbrl21:unusedContext", "xbrl21:duplicateContext"}  # warnings only, and it ended


@pytest.mark.parametrize("mutation", ["scale30", "scale9999", "digits5000", "exponent"])
def test_huge_numbers_end_in_a_located_message(mutation: str, tmp_path: Path) -> None:
    document = "iij.xbrl" if mutation in ("digits5000", "exponent") else "iij-en.html"
    data = base_documents()[document].decode()
    if mutation.startswith("scale"):
        # The number of rights: scaled up, it breaks the allotments' sum (an error to locate).
        data = re.sub(r'(<ix:nonFraction name="eqi:NumberOfStockAcquisitionRights"[^>]*?) scale="0"',
                      rf'\1 scale="{mutation[5:]}"', data, count=1)
        if f'scale="{mutation[5:]}"' not in data:
            data = data.replace("<ix:nonFraction ", f'<ix:nonFraction scale="{mutation[5:]}" ', 1)
    else:
        number = "9" * 5000 if mutation == "digits5000" else "1E999999999"
        data = re.sub(r"(<eqi:NumberOfStockAcquisitionRights [^>]*>)[^<]*", rf"\g<1>{number}", data, count=1)
    draft = tmp_path / ("draft.html" if document.endswith("html") else "draft.xbrl")
    draft.write_text(data, encoding="utf-8")
    code, out = cli(str(draft), "--format", "json")
    result = json.loads(out)
    assert code == 1, result["messages"]
    located = [m for m in result["messages"] if m["severity"] == "error" and m["line"]]
    assert located, result["messages"]


# --- output and archives --------------------------------------------------------------------------------------

def test_zip_member_names_cannot_forge_lines_of_output(tmp_path: Path) -> None:
    archive = tmp_path / "forged.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a\nfake.xbrl: error xml:malformed: forged\n.xbrl", b"<a><b></a>")
        zipped.writestr("good.xbrl", base_documents()["iij.xbrl"])
    code, out = cli(str(archive))
    assert code == 1
    lines = out.strip().splitlines()
    assert not any(line.startswith("fake.xbrl") for line in lines)
    assert any("\\n" in line for line in lines)


def test_libxml2_advice_never_reaches_the_user(tmp_path: Path) -> None:
    deep = tmp_path / "deep.xbrl"
    deep.write_bytes(b"<a>" * 300 + b"</a>" * 300)
    code, out = cli(str(deep))
    assert code == 1 and "xml:tooDeep" in out
    assert "XML_PARSE_HUGE" not in out and "huge" not in out.lower()


def _corrupt(method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as zipped:
        zipped.writestr("draft.xbrl", base_documents()["iij.xbrl"])
    data = bytearray(buffer.getvalue())
    start = data.index(b"draft.xbrl") + len(b"draft.xbrl") + 20  # inside the compressed stream
    for offset in range(start, start + 40):
        data[offset] ^= 0x5A
    return bytes(data)


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_a_corrupt_compressed_member_is_reported(method: int, tmp_path: Path) -> None:
    archive = tmp_path / "corrupt.zip"
    archive.write_bytes(_corrupt(method))
    code, out = cli(str(archive), "--format", "json")
    assert code in (1, 2)
    if code == 1:
        assert {m["code"] for m in json.loads(out)["messages"]} & {"input:badArchive", "xml:malformed"}


def test_folders_nested_a_thousand_deep_are_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "top"
    folder.mkdir()
    levels = [folder]
    for _ in range(1000):  # (os.makedirs and shutil.rmtree recurse: build and remove level by level)
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (folder / "good.xbrl").write_bytes(base_documents()["iij.xbrl"])
    (levels[-1] / "bad.xbrl").write_bytes(invalid_instance())
    try:
        code, out = cli(str(folder), "--format", "json")
    finally:
        (levels[-1] / "bad.xbrl").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()
    result = json.loads(out)
    assert code == 1 and "input:tooDeep" in {m["code"] for m in result["messages"]}


def test_zlib_is_what_python_uses_for_deflate() -> None:
    assert zlib.decompressobj  # (the corrupt-deflate case above depends on zlib raising, caught as badArchive)
