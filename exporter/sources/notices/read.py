"""Reading a notice file (HTML, XHTML, Word, Markdown, text) into clean XHTML, refusing hostile input.

The format is chosen by the file's suffix and checked against its content (a binary named .txt or
.docx that is not a zip is refused). Text is UTF-8 (with or without BOM), UTF-16 with a BOM, or
CP932 (Shift_JIS), detected. The size is bounded before anything is read. The result is a
``Notice``: a ``div.notice`` of XHTML whose visible text is the file's, each block marked with
its source line, and notes on anything removed (scripts, images, hidden elements).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from exporter.safety import limits
from exporter.safety.xml import UnsafeXmlError, parse_untrusted
from exporter.sources.notices.docx import read_docx
from exporter.sources.notices.errors import NoticeError
from exporter.sources.notices.xhtml import LINE, Sanitiser, h, local, text_of

MAX_NOTICE_BYTES = limits.NOTICE_BYTES.value  # declared, with its reason, in safety.limits
SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "xhtml", ".docx": "docx", ".md": "markdown",
            ".markdown": "markdown", ".txt": "text", ".text": "text"}


@dataclass
class Notice:
    """A notice as clean XHTML (``body``: a ``div.notice``), with what reading it changed."""

    file: str
    format: str
    body: etree._Element
    title: str | None = None  # an HTML page's <title>, for the document head
    notes: list[str] = field(default_factory=list)


def decode_text(data: bytes, file: str) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, or CP932; refuse binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NoticeError(NoticeError.UNDECODABLE, f"not valid UTF-16 (byte {exc.start})", file=file) from None
    if b"\x00" in data[:8192]:
        raise NoticeError(NoticeError.UNDECODABLE, "this is binary data, not text", file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:
        try:
            return data.decode("cp932")
        except UnicodeDecodeError as cp932:
            raise NoticeError(NoticeError.UNDECODABLE, f"neither UTF-8 (invalid byte at {utf8.start}) nor "
                              f"Shift_JIS/CP932 (invalid byte at {cp932.start})", file=file) from None


def _read_bytes(path: Path, file: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_NOTICE_BYTES:
            raise NoticeError(NoticeError.TOO_LARGE, f"the file is {size:,} bytes; a notice may be at most "
                              f"{MAX_NOTICE_BYTES:,}", file=file)
        with path.open("rb") as stream:
            data = stream.read(MAX_NOTICE_BYTES + 1)
    except OSError as exc:
        raise NoticeError(NoticeError.UNREADABLE, f"cannot read the file: {exc.strerror or exc}", file=file) from None
    if len(data) > MAX_NOTICE_BYTES:
        raise NoticeError(NoticeError.TOO_LARGE, f"the file is larger than {MAX_NOTICE_BYTES:,} bytes", file=file)
    if not data.strip():
        raise NoticeError(NoticeError.EMPTY, "the file is empty", file=file)
    return data


# --- plain text ------------------------------------------------------------------------------------

def text_to_xhtml(text: str) -> etree._Element:
    """One block per line (its layout kept with pre-wrap); lines of tab-separated cells become table rows."""
    notice = etree.Element(h("div"), {"class": "notice"})
    table: etree._Element | None = None
    gap = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            table, gap = None, True
            continue
        if "\t" in line.strip():
            if table is None:
                table = etree.SubElement(notice, h("table"))
            row = etree.SubElement(table, h("tr"), {LINE: str(number)})
            for cell in line.split("\t"):
                etree.SubElement(row, h("td")).text = cell
            continue
        table = None
        paragraph = etree.SubElement(notice, h("p"), {"class": "l gap" if gap else "l", LINE: str(number)})
        paragraph.text = line
        gap = False
    return notice


# --- markdown --------------------------------------------------------------------------------------

def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt  # imported when needed: only markdown notices pay for it

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"])
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    for token in tokens:
        if token.map and token.nesting >= 0 and token.block:
            token.attrSet(LINE, str(token.map[0] + 1))
    html: str = md.renderer.render(tokens, md.options, env)
    return html


# --- HTML and XHTML --------------------------------------------------------------------------------

def _html_root(data: bytes) -> etree._Element:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding=None)
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring(b"<html><body></body></html>", parser=parser)


_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*>", re.IGNORECASE)


def _xhtml_root(data: bytes, file: str) -> etree._Element:
    """XHTML through the hardened parser; a plain public DOCTYPE (never loaded anyway) is set aside."""
    try:
        return parse_untrusted(data, name=file).getroot()
    except UnsafeXmlError as exc:
        if exc.code == UnsafeXmlError.EXTERNAL_DTD and _DOCTYPE.search(data[:4096]):
            try:
                return parse_untrusted(_DOCTYPE.sub(b"", data, count=1), name=file).getroot()
            except UnsafeXmlError as again:
                exc = again
        raise NoticeError(NoticeError.UNSAFE_XML, f"{exc.message} ({exc.code})", file=file, line=exc.line) from None


def _body_and_title(root: etree._Element) -> tuple[etree._Element, str | None]:
    body = next((e for e in root.iter() if isinstance(e.tag, str) and local(e) == "body"), root)
    title = next((e for e in root.iter() if isinstance(e.tag, str) and local(e) == "title"), None)
    text = " ".join(text_of(title).split()) if title is not None else None
    return body, text or None


def read_notice(path: Path, *, file: str | None = None) -> Notice:
    """Read ``path`` into a Notice, or raise NoticeError saying what is wrong."""
    file = file or str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise NoticeError(NoticeError.UNSUPPORTED, f"expected a notice in .html, .htm, .xhtml, .docx, .md or .txt, "
                          f"not {path.suffix or 'a file without a suffix'}", file=file)
    data = _read_bytes(path, file)
    sanitiser = Sanitiser()
    title = None
    if kind == "docx":
        if not data.startswith(b"PK\x03\x04"):
            raise NoticeError(NoticeError.BAD_DOCX, "not a Word document (a .docx file is a zip package)", file=file)
        body = read_docx(path, file)
    elif kind == "text":
        body = text_to_xhtml(decode_text(data, file))
    elif kind == "markdown":
        body = sanitiser.convert(_body_and_title(_html_root(_markdown_html(decode_text(data, file)).encode()))[0])
    else:
        root = _xhtml_root(data, file) if kind == "xhtml" else _html_root(data)
        source, title = _body_and_title(root)
        body = sanitiser.convert(source)
    if not text_of(body).strip():
        raise NoticeError(NoticeError.NO_TEXT, "the notice has no text", file=file)
    return Notice(file, kind, body, title, sanitiser.notes())
