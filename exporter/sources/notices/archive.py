"""A Word package (.docx) read through the project's one bounded archive reader.

``exporter.safety.archives.BoundedArchive`` counts the entries before the directory is read and the
bytes of each part as they are decompressed (a part that lies about its size is caught while it is
inflated); this module only sets the bounds a Word notice needs and says what went wrong in a
notice's terms (``NoticeError``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from exporter.safety import limits
from exporter.safety.archives import ArchiveError, ArchiveLimits, BoundedArchive
from exporter.sources.notices.errors import NoticeError

# A Word notice has a few dozen parts and its document.xml is well under a megabyte; these bounds
# (declared, with their reasons, in ``safety.limits``) are generous for a notice and tight for a bomb.
DOCX_LIMITS: Final = ArchiveLimits(max_file_bytes=limits.NOTICE_BYTES.value, max_members=limits.DOCX_MEMBERS.value,
                                   max_member_bytes=limits.DOCX_MEMBER_BYTES.value,
                                   max_total_bytes=limits.DOCX_TOTAL_BYTES.value)


@dataclass(frozen=True)
class Package:
    """What was read of a Word package: every member's name and the wanted members' bytes."""

    names: tuple[str, ...]
    parts: dict[str, bytes]


def read_package(path: Path, wanted: Callable[[str], bool], *, file: str) -> Package:
    """Every member's name and the bytes of those ``wanted`` accepts, within ``DOCX_LIMITS``; NoticeError otherwise."""
    try:
        with BoundedArchive(path, DOCX_LIMITS, name=file) as archive:
            names = tuple(archive.names())
            return Package(names, {name: archive.read(name) for name in names if wanted(name)})
    except ArchiveError as exc:
        code = NoticeError.TOO_LARGE if exc.code == ArchiveError.LIMIT else NoticeError.BAD_DOCX
        where = f"part {exc.member}: " if exc.member else "not a readable Word document (.docx is a zip package): "
        raise NoticeError(code, where + exc.message, file=file) from None
