"""Word (.docx) notices to XHTML: paragraphs, headings, lists, tables, bold and italics, exactly their text.

Written here rather than with mammoth or python-docx because both parse the package's XML with
their own parsers, and this project reads untrusted XML only through ``exporter.safety.xml``; we
also need the visible text exactly (no footnotes, comments or deleted text appended). The package
is read with bounds (``archive``); macros and external relationships other than hyperlinks (remote
templates, linked images, OLE links: things Word would fetch) are refused; hyperlinks keep their
text and lose their target. Each block remembers its paragraph number (provenance).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from exporter.notation.markup import append_text
from exporter.safety.xml import UnsafeXmlError, XmlLimits, parse_untrusted
from exporter.sources.notices.archive import read_package
from exporter.sources.notices.errors import NoticeError
from exporter.sources.notices.xhtml import LINE, h

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MACRO_CONTENT = re.compile(rb"macroEnabled|vbaProject|vbaData", re.IGNORECASE)
_LIMITS = XmlLimits(max_bytes=32 * 1024 * 1024)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _parse(data: bytes, name: str, file: str) -> etree._Element:
    try:
        return parse_untrusted(data, name=f"{file}!{name}", limits=_LIMITS).getroot()
    except UnsafeXmlError as exc:
        raise NoticeError(NoticeError.UNSAFE_XML, f"part {name} refused: {exc.message} ({exc.code})",
                          file=file) from None


def _check_package(names: tuple[str, ...], parts: dict[str, bytes], file: str) -> None:
    if any(re.search(r"vbaProject|vbaData", name, re.IGNORECASE) for name in names) \
            or _MACRO_CONTENT.search(parts.get("[Content_Types].xml", b"")):
        raise NoticeError(NoticeError.DOCX_MACROS, "the document contains macros (VBA); save it as a plain .docx",
                          file=file)
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        for relationship in _parse(data, name, file).iter(f"{{{_REL}}}Relationship"):
            if (relationship.get("TargetMode") or "").lower() == "external" and relationship.get("Type") != _HYPERLINK:
                kind = (relationship.get("Type") or "").rsplit("/", 1)[-1]
                raise NoticeError(NoticeError.DOCX_EXTERNAL, f"the document links an external {kind} "
                                  f"({relationship.get('Target')!r}); Word would fetch it, so it is refused", file=file)


class _Styles:
    """Heading levels by paragraph style id, and list kinds by numbering id."""

    def __init__(self, styles: etree._Element | None, numbering: etree._Element | None):
        self.levels: dict[str, int] = {}
        for style in styles.iter(_w("style")) if styles is not None else ():
            name_element = style.find(_w("name"))
            name = (name_element.get(_w("val")) if name_element is not None else "") or ""
            match = re.fullmatch(r"(?:heading|見出し)\s*([1-6])", name.strip(), re.IGNORECASE)
            level = 1 if name.strip().lower() in ("title", "表題") else int(match.group(1)) if match else None
            if level is not None:
                self.levels[style.get(_w("styleId")) or ""] = level
        self.bullets: set[str] = set()
        if numbering is not None:
            abstract_bullets = {a.get(_w("abstractNumId")) for a in numbering.iter(_w("abstractNum"))
                                if any(f.get(_w("val")) == "bullet" for f in a.iter(_w("numFmt")))}
            for num in numbering.iter(_w("num")):
                abstract = num.find(_w("abstractNumId"))
                if abstract is not None and abstract.get(_w("val")) in abstract_bullets:
                    self.bullets.add(num.get(_w("numId")) or "")


class _Converter:
    def __init__(self, styles: _Styles):
        self.styles = styles
        self.paragraphs = 0

    def body(self, body: etree._Element, target: etree._Element) -> None:
        current_list: etree._Element | None = None
        for child in self._blocks(body):
            if child.tag == _w("p"):
                numbering = child.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
                num_id = numbering.get(_w("val")) if numbering is not None else None
                if num_id and num_id != "0":
                    kind = "ul" if num_id in self.styles.bullets else "ol"
                    if current_list is None or current_list.tag != h(kind):
                        current_list = etree.SubElement(target, h(kind))
                    self.paragraph(child, etree.SubElement(current_list, h("li")))
                    continue
                current_list = None
                self.paragraph(child, target)
            elif child.tag == _w("tbl"):
                current_list = None
                self.table(child, target)

    def _blocks(self, parent: etree._Element) -> Iterator[etree._Element]:
        """Paragraphs and tables, also those inside content controls, custom XML and insertions."""
        yield from _within_wrappers(parent, (_w("p"), _w("tbl")), (_w("sdtContent"), _w("customXml"), _w("ins")))

    def paragraph(self, paragraph: etree._Element, target: etree._Element) -> None:
        self.paragraphs += 1
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        level = self.styles.levels.get(style.get(_w("val")) or "") if style is not None else None
        block = target if target.tag == h("li") else etree.SubElement(target, h(f"h{level}" if level else "p"))
        block.set(LINE, str(self.paragraphs))
        self.runs(paragraph, block)

    def runs(self, parent: etree._Element, block: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == _w("r"):
                self.run(child, block)
            elif tag in (_w("hyperlink"), _w("ins"), _w("smartTag"), _w("customXml"), _w("fldSimple"), _w("sdt"),
                         _w("sdtContent"), _w("dir"), _w("bdo")):
                self.runs(child, block)
            elif tag == f"{{{MC}}}AlternateContent":
                fallback = child.find(f"{{{MC}}}Fallback")
                if fallback is not None:
                    self.runs(fallback, block)

    def run(self, run: etree._Element, block: etree._Element) -> None:
        properties = run.find(_w("rPr"))

        def on(name: str) -> bool:
            element = properties.find(_w(name)) if properties is not None else None
            return element is not None and (element.get(_w("val")) or "true") not in ("0", "false", "none")

        if on("vanish") or on("webHidden"):
            return  # hidden text is not part of what a reader sees
        holder = block
        for flag, tag in (("b", "strong"), ("i", "em")):
            if on(flag):
                holder = etree.SubElement(holder, h(tag))
        for child in run:
            if child.tag == _w("t"):
                append_text(holder, child.text or "")
            elif child.tag == _w("tab"):
                append_text(holder, "\t")
            elif child.tag in (_w("br"), _w("cr")):
                etree.SubElement(holder, h("br"))
            elif child.tag == _w("noBreakHyphen"):
                append_text(holder, "-")

    def table(self, table: etree._Element, target: etree._Element) -> None:
        made = etree.SubElement(target, h("table"))
        # The table's own rows (also those in content controls), never the rows of a table nested in a cell.
        for row in _within_wrappers(table, (_w("tr"),), (_w("sdtContent"), _w("customXml"), _w("ins"))):
            tr = etree.SubElement(made, h("tr"))
            for cell in row.findall(_w("tc")):
                td = etree.SubElement(tr, h("td"))
                span = cell.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                if span is not None and (span.get(_w("val")) or "").isdigit():
                    td.set("colspan", span.get(_w("val")) or "1")
                self.body(cell, td)
            if not len(tr):
                made.remove(tr)
        if not len(made):
            made.tag = h("div")


def _within_wrappers(parent: etree._Element, wanted: tuple[str, ...], wrappers: tuple[str, ...]
                     ) -> Iterator[etree._Element]:
    """``parent``'s children of the ``wanted`` tags, in order, looking through wrapper elements and content
    controls (``w:sdt``, whose content is its ``w:sdtContent``)."""
    for child in parent:
        if child.tag in wanted:
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _within_wrappers(content, wanted, wrappers)
        elif child.tag in wrappers:
            yield from _within_wrappers(child, wanted, wrappers)


def read_docx(path: Path, file: str) -> etree._Element:
    """The document body as a ``div.notice`` of XHTML."""
    def wanted(name: str) -> bool:
        return name in ("[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml") \
            or name.endswith(".rels")

    package = read_package(path, wanted, file=file)
    parts = package.parts
    if "word/document.xml" not in parts:
        raise NoticeError(NoticeError.BAD_DOCX, "not a Word document: the package has no word/document.xml",
                          file=file)
    _check_package(package.names, parts, file)
    document = _parse(parts["word/document.xml"], "word/document.xml", file)
    styles = _Styles(_parse(parts["word/styles.xml"], "word/styles.xml", file) if "word/styles.xml" in parts else None,
                     _parse(parts["word/numbering.xml"], "word/numbering.xml", file)
                     if "word/numbering.xml" in parts else None)
    body = document.find(_w("body"))
    notice = etree.Element(h("div"), {"class": "notice"})
    if body is not None:
        _Converter(styles).body(body, notice)
    return notice
