"""Run every validation layer on one document, or on each document of a path (file, folder, zip)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from exporter.taxonomy.concepts import Taxonomy, load_taxonomy
from exporter.validation.draft import read_draft
from exporter.validation.inline_rules import inline_messages
from exporter.validation.messages import Report, error
from exporter.validation.safe_xml import UnsafeXmlError, parse_untrusted
from exporter.validation.xbrl21 import xbrl21_messages
from exporter.validation.xsd import xsd_messages

DRAFT_SUFFIXES = (".xbrl", ".xml", ".html", ".htm", ".xhtml")


def validate_tree(tree: etree._ElementTree, *, file: str | None = None, taxonomy: Taxonomy | None = None) -> Report:
    draft = read_draft(tree, file)
    if draft is None:
        report = Report(file, None)
        report.messages.append(error("input:notXbrl", "neither an XBRL instance (xbrli:xbrl) nor an Inline XBRL "
                                     "document (XHTML with ix: elements)", file=file, line=tree.getroot().sourceline))
        return report
    report = Report(file, draft.kind)
    report.extend(xsd_messages(draft))
    report.extend(draft.messages)
    if draft.kind == "inline":
        report.extend(inline_messages(draft))
    report.extend(xbrl21_messages(draft, taxonomy or load_taxonomy()))
    return report


def validate_bytes(data: bytes, *, file: str | None = None) -> Report:
    try:
        tree = parse_untrusted(data, name=file)
    except UnsafeXmlError as exc:
        report = Report(file, None)
        report.messages.append(error(exc.code, exc.message, file=file, line=exc.line))
        return report
    return validate_tree(tree, file=file)


def validate_path(path: Path) -> list[Report]:
    """Validate a file, every draft in a folder (recursively, sorted), or every draft in a zip."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES)
        return [validate_bytes(p.read_bytes(), file=str(p)) for p in files]
    if zipfile.is_zipfile(path):
        reports = []
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if not info.is_dir() and info.filename.lower().endswith(DRAFT_SUFFIXES):
                    reports.append(validate_bytes(archive.read(info), file=f"{path}!/{info.filename}"))
        return reports
    return [validate_bytes(path.read_bytes(), file=str(path))]
