"""Taxonomy Packages 1.0 and Report Packages 1.0: which URLs a package's files stand for.

A taxonomy package's ``META-INF/catalog.xml`` (at the root or under one top-level folder)
rewrites URL prefixes to folders inside the zip. The catalog's usual DOCTYPE names the OASIS DTD:
it is accepted and ignored, never loaded (entity declarations are still refused). A report
package (``.xbri``/``.xbr``/``.zip`` with ``META-INF/reportPackage.json``) may carry such a
catalog too, for the extension taxonomy beside its reports; its reports are in ``reports/``.
"""
from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from exporter.safety.xml import UnsafeXmlError, parse_untrusted
from exporter.taxonomy.dts.archives import ArchiveError, BoundedArchive

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
REPORT_PACKAGE_TYPES = {
    "https://xbrl.org/report-package/2023/xbri": "inline",
    "https://xbrl.org/report-package/2023/xbr": "instance",
    "https://xbrl.org/report-package/2023": "any",
}


class PackageError(ValueError):
    """A package that cannot be read as a Taxonomy Package or Report Package."""


@dataclass
class Package:
    """One zip and the URL prefixes its catalog maps into it."""

    archive: BoundedArchive
    top: str  # "" or "name/": the folder that holds META-INF
    rewrites: list[tuple[str, str]] = field(default_factory=list)  # (URL prefix, member folder)

    def member_for(self, url: str) -> str | None:
        """The member a URL stands for, if this package's catalog maps it (longest prefix wins)."""
        for prefix, folder in sorted(self.rewrites, key=lambda r: -len(r[0])):
            if url.startswith(prefix):
                member = posixpath.normpath(folder + url[len(prefix):])
                if member in self.archive:
                    return member
        return None


def _top_folders(archive: BoundedArchive, marker: str) -> list[str]:
    """Folders ("" or "x/") directly holding ``marker`` (a path such as META-INF/catalog.xml)."""
    found = []
    for name in archive.names:
        if name == marker:
            found.append("")
        elif name.endswith("/" + marker) and name.count("/") == marker.count("/") + 1:
            found.append(name[: -len(marker)])
    return found


def read_catalog(archive: BoundedArchive, top: str, name: str) -> list[tuple[str, str]]:
    catalog = top + "META-INF/catalog.xml"
    try:
        root = parse_untrusted(archive.read(catalog), name=f"{name}!/{catalog}", ignore_external_dtd=True).getroot()
    except UnsafeXmlError as exc:
        raise PackageError(f"{name}: META-INF/catalog.xml: {exc.message}") from None
    except ArchiveError as exc:
        raise PackageError(f"{name}: {exc.message}") from None
    rewrites = []
    base = posixpath.dirname(catalog)
    for rewrite in root.iter(f"{{{CATALOG_NS}}}rewriteURI"):
        prefix, target = rewrite.get("uriStartString"), rewrite.get("rewritePrefix")
        if prefix and target is not None:
            folder = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
            rewrites.append((prefix, "" if folder == "." else folder.rstrip("/") + "/"))
    return rewrites


def open_taxonomy_package(path: Path) -> Package:
    """A ``--taxonomy-package`` zip; PackageError if it has no catalog or cannot be read."""
    try:
        archive = BoundedArchive(Path(path))
    except (ArchiveError, OSError) as exc:
        raise PackageError(f"{path}: cannot read the zip ({getattr(exc, 'message', None) or exc})") from None
    tops = _top_folders(archive, "META-INF/catalog.xml")
    if not tops:
        raise PackageError(f"{path}: not a Taxonomy Package (no META-INF/catalog.xml)")
    return Package(archive, tops[0], read_catalog(archive, tops[0], str(path)))


@dataclass
class ReportPackage:
    """A report package: its reports (members) and, as a package, the catalog it may carry."""

    package: Package
    kind: str  # "inline", "instance" or "any"
    reports: list[str]


def open_report_package(archive: BoundedArchive, name: str) -> ReportPackage | None:
    """The zip as a Report Package 1.0 (None when it has no META-INF/reportPackage.json)."""
    tops = _top_folders(archive, "META-INF/reportPackage.json")
    if not tops:
        return None
    top = tops[0]
    try:
        document = json.loads(archive.read(top + "META-INF/reportPackage.json"))
        package_type = document.get("documentInfo", {}).get("documentType")
    except (ArchiveError, ValueError, AttributeError, RecursionError):
        package_type = None
    kind = REPORT_PACKAGE_TYPES.get(str(package_type), "any")
    rewrites = read_catalog(archive, top, name) if top + "META-INF/catalog.xml" in archive else []
    reports = [n for n in archive.names if n.startswith(top + "reports/")]
    return ReportPackage(Package(archive, top, rewrites), kind, reports)
