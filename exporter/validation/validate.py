"""Run every validation layer on one document, or on each document of a path (file, folder, zip).

One code path: ``export`` validates what it built with ``validate_bytes``, and the ``validate``
command runs the same function on each draft it finds. The kind of a document is read from its
content (root element, zip signature), never from its file name. An XBRL instance or Inline XBRL
document is validated with the DTS its references discover; a taxonomy schema or linkbase given
as the entry point has its DTS validated.
"""
from __future__ import annotations

import gc
import os
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from exporter.safety.xml import UnsafeXmlError, XmlLimits, parse_untrusted
from exporter.taxonomy.dts.archives import ArchiveError, BoundedArchive, is_zip
from exporter.taxonomy.dts.discovery import kind_of
from exporter.taxonomy.dts.packages import Package, open_report_package
from exporter.taxonomy.dts.urls import file_url, zip_url
from exporter.validation.messages import Report, error, info, printable
from exporter.validation.sniff import looks_like_xml
from exporter.validation.taxonomy import Taxonomies

MAX_FILE_BYTES = XmlLimits().max_bytes  # one document, a file or a zip member
MAX_FOLDER_DEPTH = 64
MAX_FOLDER_FILES = 100_000
PROFILES = ("auto", "xbrl", "eqi")


class NoDrafts(LookupError):
    """A folder or zip holds no XBRL instance or Inline XBRL document (a usage error, exit 2)."""


@dataclass
class Options:
    """How documents are judged: the profile ("auto": ours when the DTS includes eqi) and calculations."""

    profile: str = "auto"
    calc: str | None = None  # "1.0" (XBRL 2.1), "1.1" (round to nearest); None: the profile's
    taxonomies: Taxonomies = field(default_factory=Taxonomies)
    fast: bool = True  # large instances try the streaming path first (stream.py)
    ixds: bool = False  # the Inline XBRL documents of one folder form one document set (report packages: always)


_DEFAULT = Options()


def validate_tree(tree: etree._ElementTree, *, file: str | None = None, packages: object = None,
                  uniform_namespaces: bool = False, options: Options | None = None,
                  roots: Sequence[Path] = (), url: str | None = None) -> Report:
    """Every layer on a parsed document. (``uniform_namespaces``: see ``draft.read_draft``.)"""
    options = options or _options(packages)
    collecting = gc.isenabled()
    gc.disable()  # a draft is a few hundred thousand small objects and no cycles: skip the GC passes
    try:
        from exporter.validation.document import validate_document

        return validate_document(tree, file=file, url=url or _url_of(file), roots=roots, options=options,
                                 uniform_namespaces=uniform_namespaces)
    finally:
        if collecting:
            gc.enable()


def _url_of(file: str | None) -> str:
    if file is None:
        return "urn:disclosure-exporter:document"
    if "!/" in file:
        archive, _, member = file.partition("!/")
        return zip_url(os.path.abspath(archive), member)
    return file_url(os.path.abspath(file))


def _options(packages: object) -> Options:
    from exporter.validation.packages import TaxonomyPackages

    if isinstance(packages, TaxonomyPackages) and packages.packages:
        return Options(taxonomies=Taxonomies(packages=packages.packages))
    return _DEFAULT


def validate_bytes(data: bytes, *, file: str | None = None, packages: object = None,
                   options: Options | None = None, roots: Sequence[Path] = ()) -> Report:
    report = _validate_data(data, file, options or _options(packages), roots, only_drafts=False)
    assert report is not None
    return report


def _validate_data(data: bytes, file: str | None, options: Options, roots: Sequence[Path], *, only_drafts: bool,
                   url: str | None = None) -> Report | None:
    """The report for ``data``; with ``only_drafts``, None for content that is not XML (skipped)."""
    if only_drafts and not looks_like_xml(data):
        return None
    if options.fast:
        from exporter.validation.stream import validate_instance

        fast = validate_instance(data, file, url or _url_of(file), roots, options)
        if fast is not None:
            return fast
    try:
        tree = parse_untrusted(data, name=file)
    except UnsafeXmlError as exc:  # hostile or broken XML is reported, never skipped
        from exporter.validation.schema_set import clean_libxml2_message

        report = Report(file, None)
        report.messages.append(error(exc.code, clean_libxml2_message(exc.message), file=file, line=exc.line))
        return report
    # Every namespace declared on the root (the usual case) lets QName values resolve faster.
    uniform = data.count(b"xmlns") == len(tree.getroot().nsmap)
    return validate_tree(tree, file=file, uniform_namespaces=uniform, options=options, roots=roots, url=url)


def _folder_files(folder: Path) -> Iterator[Path]:
    """Regular files under ``folder``, sorted; symbolic links are not followed (nothing outside is read).

    Bounded in depth and count: a folder nested deeper than MAX_FOLDER_DEPTH is not entered (and
    said so), so a pathological tree cannot exhaust the stack or the clock.
    """
    base_depth = len(folder.parts)
    count = 0
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        subdirectories.sort()
        if len(Path(directory).parts) - base_depth >= MAX_FOLDER_DEPTH:
            subdirectories.clear()
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                count += 1
                if count > MAX_FOLDER_FILES:
                    return
                yield path


def _too_deep(folder: Path) -> list[str]:
    deep = []
    base_depth = len(folder.parts)
    for directory, subdirectories, _files in os.walk(folder, followlinks=False):
        if len(Path(directory).parts) - base_depth >= MAX_FOLDER_DEPTH and subdirectories:
            deep.append(directory)
            subdirectories.clear()
    return deep


def _read_bounded(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None if it is (or grows) larger than ``limit``; never reads past the limit."""
    if path.stat().st_size > limit:
        return None
    chunks, total = [], 0
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not os.path.isfile(path):
            return b""
        while chunk := handle.read(1 << 20):  # (read(n) would allocate n bytes up front)
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def read_member(file: str) -> bytes:
    """The bytes of a report's file: a path, or ``zip!/member`` as ``validate_path`` names zip members."""
    archive, separator, member = file.partition("!/")
    if not separator:
        data = _read_bounded(Path(file), MAX_FILE_BYTES)
        if data is None:
            raise OSError(f"{file} is larger than {MAX_FILE_BYTES} bytes")
        return data
    opened = BoundedArchive(Path(archive))
    try:
        return opened.read(member)
    finally:
        opened.close()


def _problem_report(file: str, code: str, text: str) -> Report:
    report = Report(file, None)
    report.messages.append(error(code, text, file=file))
    return report


def _skipped_report(file: str, why: str) -> Report:
    report = Report(file, None)
    report.messages.append(info("input:skipped", f"skipped: {why}", file=file))
    return report


def validate_path(path: Path, *, packages: object = None, options: Options | None = None) -> list[Report]:
    """Validate a file, every document in a folder (recursively, sorted), or every document in a zip.

    A single file is always validated (and reported if it is not XBRL); in a folder or zip, files
    that are not XML (images, text) are reported as skipped (``input:skipped``), never silently;
    schemas and linkbases found there are part of the filings' taxonomies, validated with them.
    Raises NoDrafts if a folder or zip holds no XBRL document, and OSError if ``path`` cannot be read.
    """
    options = options or _options(packages)
    limit = MAX_FILE_BYTES
    if path.is_dir():
        return _validate_folder(path, options, limit)
    if is_zip(path):
        return _validate_zip(path, options)
    data = _read_bounded(path, limit)
    if data is None:
        return [_problem_report(str(path), "xml:tooLarge", f"the file is larger than {limit} bytes")]
    return [validate_bytes(data, file=str(path), options=options, roots=[path.resolve().parent])]


def _is_draft(report: Report) -> bool:
    """A report about a document (or a refused one), as opposed to a file that was only skipped."""
    return report.kind in ("instance", "inline") or not report.valid


def _validate_folder(path: Path, options: Options, limit: int) -> list[Report]:
    reports: list[Report] = []
    roots = [path.resolve()]
    taxonomy_files: list[Report] = []
    sets: dict[str, list[tuple[str, str, bytes]]] = {}
    for file in _folder_files(path):
        data = _read_bounded(file, limit)
        if data is None:
            reports.append(_problem_report(str(file), "xml:tooLarge", f"the file is larger than {limit} bytes"))
            continue
        if not looks_like_xml(data):
            reports.append(_skipped_report(str(file), "not XML"))
            continue
        kind = _kind_of_bytes(data)
        if kind in ("schema", "linkbase"):
            taxonomy_files.append(_skipped_report(str(file), f"a taxonomy {kind} (validated as part of the DTS of "
                                                  "the filings that use it)"))
            continue
        if options.ixds and kind == "inline":
            sets.setdefault(str(file.parent), []).append((str(file), file_url(str(file.resolve())), data))
            continue
        report = _validate_data(data, str(file), options, roots, only_drafts=True)
        if report is not None:
            reports.append(report if report.kind is not None or not _not_xbrl(report) else
                           _skipped_report(str(file), "XML, but neither an XBRL instance nor an Inline XBRL "
                                           "document"))
    for members in sets.values():
        reports.append(_validate_set(members, options, roots))
    for deep in _too_deep(path):
        reports.append(_problem_report(deep, "input:tooDeep", f"folders nested deeper than {MAX_FOLDER_DEPTH} "
                                       "levels are not read"))
    if not any(_is_draft(r) for r in reports):
        raise NoDrafts(f"{path}: no XBRL instance or Inline XBRL document in this folder")
    return reports + taxonomy_files


def _validate_set(members: list[tuple[str, str, bytes]], options: Options, roots: Sequence[Path]) -> Report:
    """An Inline XBRL document set (one document alone is validated as usual)."""
    if len(members) == 1:
        file, url, data = members[0]
        report = _validate_data(data, file, options, roots, only_drafts=False, url=url)
        assert report is not None
        return report
    trees = []
    for file, url, data in members:
        try:
            trees.append((file, url, parse_untrusted(data, name=file)))
        except UnsafeXmlError as exc:
            from exporter.validation.schema_set import clean_libxml2_message

            report = Report(file, None)
            report.messages.append(error(exc.code, clean_libxml2_message(exc.message), file=file, line=exc.line))
            return report
    from exporter.validation.ixds import validate_set

    collecting = gc.isenabled()
    gc.disable()
    try:
        return validate_set(trees, roots, options)
    finally:
        if collecting:
            gc.enable()


def _not_xbrl(report: Report) -> bool:
    return [m.code for m in report.messages] == ["input:notXbrl"]


def _kind_of_bytes(data: bytes) -> str | None:
    try:
        return kind_of(parse_untrusted(data).getroot())
    except UnsafeXmlError:
        return None


def _validate_zip(path: Path, options: Options) -> list[Report]:
    name = str(path)
    try:
        archive = BoundedArchive(path)
    except ArchiveError as exc:
        return [_problem_report(name, exc.code, exc.message)]
    try:
        package = open_report_package(archive, name)
    except Exception as exc:
        return [_problem_report(name, "input:badArchive", printable(str(exc)))]
    extra: list[Package] = [package.package] if package is not None else []
    run = Options(options.profile, options.calc, Taxonomies(packages=[*extra, *options.taxonomies.packages],
                                                            archives=[archive], disk=options.taxonomies.disk),
                  options.fast, options.ixds)
    reports: list[Report] = []
    sets: dict[str, list[tuple[str, str, bytes]]] = {}
    members = package.reports if package is not None else archive.names
    for member in members:
        file = f"{name}!/{member}"
        if "/META-INF/" in f"/{member}":
            continue  # a package's metadata (catalog, taxonomyPackage.xml, reportPackage.json), never a document
        try:
            data = archive.read(member)
        except ArchiveError as exc:
            reports.append(_problem_report(file, exc.code, exc.message))
            continue
        if not looks_like_xml(data):
            reports.append(_skipped_report(file, "not XML"))
            continue
        kind = _kind_of_bytes(data)
        if kind in ("schema", "linkbase"):
            continue
        if kind == "inline" and (package is not None or options.ixds):
            folder = posixpath.dirname(member)
            sets.setdefault(folder, []).append((file, zip_url(os.path.abspath(name), member), data))
            continue
        report = _validate_data(data, file, run, [], only_drafts=True, url=zip_url(os.path.abspath(name), member))
        if report is not None:
            reports.append(report if report.kind is not None or not _not_xbrl(report) else
                           _skipped_report(file, "XML, but neither an XBRL instance nor an Inline XBRL document"))
    for documents in sets.values():
        reports.append(_validate_set(documents, run, []))
    archive.close()
    if not any(_is_draft(r) for r in reports):
        raise NoDrafts(f"{path}: no XBRL instance or Inline XBRL document in this zip")
    return reports
