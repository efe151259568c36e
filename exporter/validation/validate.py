"""Run every validation layer on one document, or on each document of a path (file, folder, zip).

One code path: ``export`` validates what it built with ``validate_bytes``, and the ``validate``
command runs the same function on each draft it finds. The kind of a document is read from its
content (root element, zip signature), never from its file name.
"""
from __future__ import annotations

import gc
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from exporter.safety.xml import UnsafeXmlError, XmlLimits, parse_untrusted
from exporter.validation.business_rules import business_rule_messages
from exporter.validation.calc11 import calc_messages
from exporter.validation.dimensions import dimension_messages
from exporter.validation.draft import detect_kind, read_draft
from exporter.validation.dts import load_dts
from exporter.validation.inline_rules import inline_messages
from exporter.validation.messages import Report, error
from exporter.validation.packages import TaxonomyPackages
from exporter.validation.xbrl21 import xbrl21_messages
from exporter.validation.xsd import xsd_messages

ZIP_SIGNATURE = b"PK\x03\x04"
MAX_ARCHIVE_MEMBERS = 10_000
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024  # uncompressed, all members together
MAX_FILE_BYTES = XmlLimits().max_bytes  # one document, a file or a zip member


class NoDrafts(LookupError):
    """A folder or zip holds no XBRL instance or Inline XBRL document (a usage error, exit 2)."""


def validate_tree(tree: etree._ElementTree, *, file: str | None = None,
                  packages: TaxonomyPackages | None = None, uniform_namespaces: bool = False) -> Report:
    """Every layer on a parsed document. (``uniform_namespaces``: see ``draft.read_draft``.)"""
    collecting = gc.isenabled()
    gc.disable()  # a draft is a few hundred thousand small objects and no cycles: skip the GC passes
    try:
        return _validate_tree(tree, file, packages, uniform_namespaces)
    finally:
        if collecting:
            gc.enable()


def _validate_tree(tree: etree._ElementTree, file: str | None, packages: TaxonomyPackages | None,
                   uniform_namespaces: bool) -> Report:
    draft = read_draft(tree, file, uniform_namespaces=uniform_namespaces)
    if draft is None:
        report = Report(file, None)
        report.messages.append(error("input:notXbrl", "neither an XBRL instance (xbrli:xbrl) nor an Inline XBRL "
                                     "document (XHTML with ix: elements)", file=file, line=tree.getroot().sourceline))
        return report
    dts = load_dts()
    report = Report(file, draft.kind)
    report.extend(xsd_messages(draft, dts))
    report.extend(draft.messages)
    if draft.kind == "inline":
        report.extend(inline_messages(draft))
    resolvable = (packages or TaxonomyPackages()).resolvable
    report.extend(xbrl21_messages(draft, dts, resolvable))
    report.extend(dimension_messages(draft, dts))
    report.extend(calc_messages(draft, dts))
    report.extend(business_rule_messages(draft, dts))
    return report


def validate_bytes(data: bytes, *, file: str | None = None, packages: TaxonomyPackages | None = None) -> Report:
    report = _validate_data(data, file, packages, only_drafts=False)
    assert report is not None
    return report


def _validate_data(data: bytes, file: str | None, packages: TaxonomyPackages | None, *, only_drafts: bool
                   ) -> Report | None:
    """The report for ``data``; with ``only_drafts``, None for content that is not a draft (skipped)."""
    if only_drafts and not _looks_like_xml(data):
        return None
    try:
        tree = parse_untrusted(data, name=file)
    except UnsafeXmlError as exc:  # hostile or broken XML is reported, never skipped
        report = Report(file, None)
        report.messages.append(error(exc.code, exc.message, file=file, line=exc.line))
        return report
    if only_drafts and detect_kind(tree.getroot()) is None:
        return None
    # Every namespace declared on the root (the usual case) lets QName values resolve faster.
    uniform = data.count(b"xmlns") == len(tree.getroot().nsmap)
    return validate_tree(tree, file=file, packages=packages, uniform_namespaces=uniform)


def _looks_like_xml(data: bytes) -> bool:
    """Worth parsing: starts (after a byte-order mark and whitespace) with '<', in UTF-8 or UTF-16."""
    head = data[:256].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:].replace(b"\x00", b"").lstrip()
    return head.startswith(b"<")


def _folder_files(folder: Path) -> Iterator[Path]:
    """Regular files under ``folder``, sorted; symbolic links are not followed (nothing outside is read)."""
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        subdirectories.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _read_bounded(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None if it is (or grows) larger than ``limit``; never reads past the limit."""
    if path.stat().st_size > limit:
        return None
    chunks, total = [], 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):  # (read(n) would allocate n bytes up front)
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def _archive_members(path: Path, name: str) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(member name, bytes or None, problem) for each file in the zip, within the limits."""
    limit = MAX_FILE_BYTES
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield name, None, f"input:badArchive:{exc}"
        return
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_ARCHIVE_MEMBERS:
            yield name, None, f"input:archiveLimit:the zip has {len(infos)} members (at most {MAX_ARCHIVE_MEMBERS})"
            return
        total = 0
        for info in sorted(infos, key=lambda i: i.filename):
            member = f"{name}!/{info.filename}"
            if info.file_size > limit:
                yield member, None, f"input:archiveLimit:{info.file_size} bytes uncompressed (at most {limit})"
                continue
            try:
                with archive.open(info) as stream:
                    data = stream.read(limit + 1)  # the declared size may lie: never read more
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
                yield member, None, f"input:badArchive:{exc}"
                continue
            total += len(data)
            if len(data) > limit or total > MAX_ARCHIVE_BYTES:
                yield member, None, f"input:archiveLimit:more than {limit if len(data) > limit else MAX_ARCHIVE_BYTES} " \
                                    "bytes uncompressed"
                return
            yield member, data, None


def read_member(file: str) -> bytes:
    """The bytes of a report's file: a path, or ``zip!/member`` as ``validate_path`` names zip members."""
    archive, separator, member = file.partition("!/")
    if not separator:
        return Path(file).read_bytes()
    with zipfile.ZipFile(archive) as opened, opened.open(member) as stream:
        return stream.read(MAX_FILE_BYTES + 1)


def _problem_report(file: str, problem: str) -> Report:
    layer, code, text = problem.split(":", 2)
    report = Report(file, None)
    report.messages.append(error(f"{layer}:{code}", text, file=file))
    return report


def validate_path(path: Path, *, packages: TaxonomyPackages | None = None) -> list[Report]:
    """Validate a file, every draft in a folder (recursively, sorted), or every draft in a zip.

    A single file is always validated (and reported if it is not a draft); in a folder or zip,
    files that are not XBRL instances or Inline XBRL documents (schemas, linkbases, images) are
    skipped. Raises NoDrafts if a folder or zip holds none, and OSError if ``path`` cannot be read.
    """
    limit = MAX_FILE_BYTES
    if path.is_dir():
        reports = []
        for file in _folder_files(path):
            data = _read_bounded(file, limit)
            if data is None:
                reports.append(_problem_report(str(file), f"xml:tooLarge:the file is larger than {limit} bytes"))
            elif (report := _validate_data(data, str(file), packages, only_drafts=True)) is not None:
                reports.append(report)
        if not reports:
            raise NoDrafts(f"{path}: no XBRL instance or Inline XBRL document in this folder")
        return reports
    with path.open("rb") as handle:
        signature = handle.read(len(ZIP_SIGNATURE))  # raises OSError for an unreadable path
    if signature == ZIP_SIGNATURE:
        reports = []
        for member, data, problem in _archive_members(path, str(path)):
            if problem is not None:
                reports.append(_problem_report(member, problem))
            elif (report := _validate_data(data, member, packages, only_drafts=True)) is not None:
                reports.append(report)
        if not reports:
            raise NoDrafts(f"{path}: no XBRL instance or Inline XBRL document in this zip")
        return reports
    data = _read_bounded(path, limit)
    if data is None:
        return [_problem_report(str(path), f"xml:tooLarge:the file is larger than {limit} bytes")]
    return [validate_bytes(data, file=str(path), packages=packages)]
