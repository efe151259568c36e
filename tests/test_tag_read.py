"""Reading notices: every format to clean XHTML with the notice's own text; hostile input refused or sanitised."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tag_notices import ALL, EN_HTML, JA_DOCX, SEED_LIKE
from tag_support import input_visible_text, output_visible_text, squeeze

from exporter.sources.notices import NoticeError, read_notice
from exporter.sources.notices.lines import NoticeText
from exporter.tag import render_tagged

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("notice", ALL, ids=lambda n: n.name)
def test_visible_text_of_input_and_output_is_equal(notice, tmp_path):
    path = notice.write(tmp_path)
    tagged = render_tagged(path)
    assert squeeze(output_visible_text(tagged.files[tagged.inline_name])) == squeeze(input_visible_text(notice, path))


def test_text_in_cp932_and_with_a_bom_is_detected(tmp_path):
    text = "令和7年6月20日\n当社普通株式 15,000株\n"
    for name, data in (("sjis.txt", text.encode("cp932")), ("bom.txt", "\ufeff".encode() + text.encode())):
        path = tmp_path / name
        path.write_bytes(data)
        lines = NoticeText.of(read_notice(path).body).lines
        assert [line.text for line in lines] == ["令和7年6月20日", "当社普通株式 15,000株"]


def test_every_line_remembers_its_source_line(tmp_path):
    lines = NoticeText.of(read_notice(SEED_LIKE.write(tmp_path)).body).lines
    by_text = {line.text: line.source_line for line in lines}
    assert by_text["151 rights"] == 8


def test_html_is_sanitised_and_nothing_is_fetched(tmp_path, audit, listener):
    path = EN_HTML.write(tmp_path)
    with audit.recording():
        notice = read_notice(path)
    xml = etree.tostring(notice.body, encoding=str)
    assert "script" not in xml and "<img" not in xml and "onload" not in xml and "javascript:" not in xml
    assert "hidden 999" not in xml and "bg.png" not in xml
    assert 'href="https://example.invalid/ir"' in xml  # a plain web link keeps its target
    assert "removed 1 images (not fetched)" in notice.notes
    assert not audit.connects()
    listener.settimeout(0.2)
    with pytest.raises(OSError):
        listener.accept()  # no connection was attempted to the listener either


def test_word_document_keeps_headings_tables_and_bold(tmp_path):
    body = read_notice(JA_DOCX.write(tmp_path)).body
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert body.xpath("//h:h1/text()", namespaces=ns) == ["ストック・オプション（新株予約権）の発行に関するお知らせ"]
    assert body.xpath("//h:td//text()", namespaces=ns) == ["当社従業員", "120名", "800個"]
    assert "３．新株予約権の総数" in body.xpath("//h:strong/text()", namespaces=ns)


def _docx_with(tmp_path: Path, name: str, extra: dict[str, str]) -> Path:
    path = JA_DOCX.write(tmp_path)
    target = tmp_path / name
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename in extra:
                data = extra.pop(item.filename).encode()
            out.writestr(item, data)
        for member, content in extra.items():
            out.writestr(member, content)
    return target


@pytest.mark.parametrize(("case", "code"), [
    ("empty", NoticeError.EMPTY), ("binary-docx", NoticeError.BAD_DOCX), ("external", NoticeError.DOCX_EXTERNAL),
    ("macros", NoticeError.DOCX_MACROS), ("entities", NoticeError.UNSAFE_XML), ("binary-txt", NoticeError.UNDECODABLE),
    ("suffix", NoticeError.UNSUPPORTED)])
def test_hostile_input_is_refused_with_a_located_message(tmp_path, case, code):
    if case == "empty":
        path = tmp_path / "empty.txt"
        path.write_bytes(b"  \n")
    elif case == "binary-docx":
        path = tmp_path / "photo.docx"
        path.write_bytes(bytes(range(256)) * 8)
    elif case == "external":
        rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/attachedTemplate" Target="http://127.0.0.1:9/t.dotm" TargetMode="External"/>'
                '</Relationships>')
        path = _docx_with(tmp_path, "template.docx", {"word/_rels/settings.xml.rels": rels})
    elif case == "macros":
        path = _docx_with(tmp_path, "macros.docx", {"word/vbaProject.bin": "\x00macro"})
    elif case == "entities":
        bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
                '<w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
        path = _docx_with(tmp_path, "bomb.docx", {"word/document.xml": bomb})
    elif case == "binary-txt":
        path = tmp_path / "binary.txt"
        path.write_bytes(b"\x00\x01\x02" * 100)
    else:
        path = tmp_path / "notice.pdf"
        path.write_bytes(b"%PDF-1.7")
    with pytest.raises(NoticeError) as caught:
        read_notice(path)
    assert caught.value.code == code
    assert str(path) in str(caught.value)


def test_a_200_mb_text_is_refused_before_it_is_read(tmp_path, audit):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk is used
    with audit.recording(), pytest.raises(NoticeError) as caught:
        read_notice(path)
    assert caught.value.code == NoticeError.TOO_LARGE
    assert not audit.opened(path)  # refused from its size alone


@pytest.mark.parametrize("payload", ["empty", "binary"])
def test_the_command_reports_bad_input_without_a_traceback(tmp_path, payload):
    path = tmp_path / ("notice.txt" if payload == "empty" else "notice.docx")
    path.write_bytes(b"" if payload == "empty" else os.urandom(2048))
    result = subprocess.run([sys.executable, "-c", "from exporter.cli import main; main()", "tag", str(path), "-o",
                             str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 2  # unreadable input, as for every command
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_word_hyperlink_keeps_its_text_and_is_never_followed(tmp_path):
    path = JA_DOCX.write(tmp_path)
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        document = archive.read("word/document.xml").decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/hyperlink" Target="http://127.0.0.1:9/ir" '
                        'TargetMode="External"/></Relationships>')
    link = ('<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>IRサイト</w:t></w:r></w:hyperlink></w:p>')
    document = document.replace("<w:sectPr", link + "<w:sectPr", 1)
    linked = _docx_with(tmp_path, "linked.docx", {"word/_rels/document.xml.rels": rels, "word/document.xml": document})
    body = read_notice(linked).body
    assert "IRサイト" in "".join(body.itertext())
    assert b"127.0.0.1" not in etree.tostring(body)


def test_xhtml_is_read_through_the_hardened_parser(tmp_path):
    public = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
              '<title>t</title></head><body><p>H27.7.13</p><p>当社普通株式 1,000株</p></body></html>')
    path = tmp_path / "notice.xhtml"
    path.write_text(public, encoding="utf-8")
    assert [line.text for line in NoticeText.of(read_notice(path).body).lines] == ["H27.7.13", "当社普通株式 1,000株"]
    path.write_text(public.replace('"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
                                   '"x.dtd" [<!ENTITY boom "boom">]>'), encoding="utf-8")
    with pytest.raises(NoticeError) as caught:
        read_notice(path)
    assert caught.value.code == NoticeError.UNSAFE_XML


def test_a_word_table_nested_in_a_cell_is_read_once_and_controlled_rows_are_kept(tmp_path):
    """A table inside a cell belongs to that cell (its text appears once), and rows in a content control
    (w:sdt) are the table's own rows."""
    path = JA_DOCX.write(tmp_path)
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode()

    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"

    nested = f"<w:tbl>{row('内側A', '内側B')}</w:tbl>"
    table = (f"<w:tbl>{row('外側1', '外側2')}<w:tr><w:tc>{nested}<w:p/></w:tc><w:tc><w:p><w:r><w:t>外側3</w:t>"
             f"</w:r></w:p></w:tc></w:tr><w:sdt><w:sdtContent>{row('管理行', '値')}</w:sdtContent></w:sdt></w:tbl>")
    document = document.replace("<w:sectPr", table + "<w:sectPr", 1)
    body = read_notice(_docx_with(tmp_path, "nested.docx", {"word/document.xml": document})).body
    text = "".join(body.itertext())
    assert text.count("内側A") == 1 and text.count("内側B") == 1
    assert "管理行" in text and "外側3" in text
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    outer = body.xpath("//h:table[.//h:td[.='外側1']]", namespaces=ns)[0]
    assert len(outer.xpath("h:tr", namespaces=ns)) == 3  # its own rows, the controlled one included


def test_a_word_part_that_inflates_past_its_bound_is_refused_while_it_is_read(tmp_path):
    """The package is read by the project's bounded archive reader: a highly compressed document part
    is counted as it inflates and refused once it passes the bound, whatever its header claims."""
    from exporter.sources.notices.archive import DOCX_LIMITS

    path = JA_DOCX.write(tmp_path)
    bomb = tmp_path / "inflating.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename == "word/styles.xml":
                out.writestr(item.filename, b" " * (DOCX_LIMITS.max_member_bytes + 1))
            else:
                out.writestr(item, source.read(item))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(NoticeError) as caught:
        read_notice(bomb)
    assert caught.value.code == NoticeError.TOO_LARGE
    assert "word/styles.xml" in str(caught.value) and str(bomb) in str(caught.value)
