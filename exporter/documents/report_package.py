"""A filing's Inline XBRL report as a Report Package 1.0 (``.xbri``), XBRL International Recommendation 2025-03-11.

Owns the package's layout and bytes. The zip has one top-level folder named after the filing
(``<stem>/``) holding ``META-INF/reportPackage.json`` (the documentType of an Inline XBRL report
package) and ``reports/``: the Inline XBRL document and, beside it, the filing's extension taxonomy
where it has one (its schemaRef is relative, so the files keep their relative places). Several
Inline XBRL documents are one document set, so they go together in one subfolder of ``reports/``
(an ``.xbri`` holds exactly one report). The instance (``.xbrl``) is not included: an Inline XBRL
report package may hold Inline XBRL reports only. The eqi taxonomy itself is not bundled: like every
base taxonomy it is resolved by its URL (our taxonomy package maps it to files offline).

Same files, same bytes: members in a fixed order with fixed timestamps and permissions.
"""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import PurePosixPath

DOCUMENT_TYPE = "https://xbrl.org/report-package/2023/xbri"
EXTENSION = ".xbri"
INLINE_SUFFIXES = (".html", ".xhtml", ".htm")
TAXONOMY_SUFFIXES = (".xsd", ".xml")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: no clock reaches the bytes


class NoInlineReport(ValueError):
    """The files hold no Inline XBRL document, so there is nothing to package."""


def package_name(stem: str) -> str:
    """The package's file name: ``<stem>.xbri``."""
    return stem + EXTENSION


def report_package_json() -> bytes:
    """``META-INF/reportPackage.json``: the document type of an Inline XBRL report package."""
    return (json.dumps({"documentInfo": {"documentType": DOCUMENT_TYPE}}, indent=2) + "\n").encode()


def package_members(files: Mapping[str, bytes], stem: str) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) of every member, in writing order.

    ``files`` are a filing's files by name (as ``RenderedFiling.files``): Inline XBRL documents
    (``.html``, ``.xhtml``, ``.htm``) and extension taxonomy files (``.xsd``, ``.xml``) are packaged;
    anything else (the instance, OIM reports, viewers, packages) is left out.
    """
    names = sorted(files)
    inline = [name for name in names if name.lower().endswith(INLINE_SUFFIXES)]
    if not inline:
        raise NoInlineReport(f"no Inline XBRL document among {', '.join(names) or 'no files'}")
    taxonomy = [name for name in names if name.lower().endswith(TAXONOMY_SUFFIXES)]
    reports = PurePosixPath(stem, "reports")
    folder = reports if len(inline) == 1 else reports / stem  # a document set: one subfolder, one report
    members = [(f"{stem}/META-INF/reportPackage.json", report_package_json())]
    members += [(str(folder / name), files[name]) for name in inline + taxonomy]
    return members


def build_report_package(files: Mapping[str, bytes], stem: str) -> bytes:
    """The ``.xbri`` bytes of the filing's Inline XBRL report (see ``package_members``)."""
    if "/" in stem or "\\" in stem or stem in ("", ".", ".."):
        raise ValueError(f"not a folder name: {stem!r}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package_members(files, stem):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform, so the bytes do not depend on it
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
