"""Bounded reading of a zip package (a .docx): members counted and sized before anything is inflated.

One small function (``read_members``) so it can be swapped for ``exporter.safety.archives`` when
that lands: the central directory is read, the member count, each member's declared size, the total
and the compression ratio are bounded, and each member is then read with a hard cap (a member that
lies about its size is caught while it is inflated).
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from exporter.sources.notices.errors import NoticeError

MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 200  # a Word part compresses 5-20 times; zip bombs a thousand and more


def read_members(path: Path, wanted: Callable[[str], bool], *, file: str) -> dict[str, bytes]:
    """The members whose names ``wanted`` accepts, read within the bounds; raise NoticeError otherwise."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NoticeError(NoticeError.BAD_DOCX, f"not a Word document (.docx is a zip package): {exc}",
                          file=file) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise NoticeError(NoticeError.BAD_DOCX, f"the package has {len(infos):,} parts (at most {MAX_MEMBERS:,})",
                              file=file)
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_BYTES:
            raise NoticeError(NoticeError.TOO_LARGE, f"the package unpacks to {total:,} bytes "
                              f"(at most {MAX_TOTAL_BYTES:,})", file=file)
        found: dict[str, bytes] = {}
        for info in infos:
            if not wanted(info.filename):
                continue
            if info.file_size > MAX_MEMBER_BYTES or (info.compress_size and
                                                      info.file_size > MAX_RATIO * max(info.compress_size, 1024)):
                raise NoticeError(NoticeError.TOO_LARGE, f"part {info.filename} unpacks to {info.file_size:,} bytes "
                                  "(too large or too compressed)", file=file)
            try:
                with archive.open(info) as stream:
                    data = stream.read(MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError) as exc:
                raise NoticeError(NoticeError.BAD_DOCX, f"part {info.filename} cannot be read: {exc}",
                                  file=file) from None
            if len(data) > MAX_MEMBER_BYTES:
                raise NoticeError(NoticeError.TOO_LARGE, f"part {info.filename} is larger than it says", file=file)
            found[info.filename] = data
        return found


def member_names(path: Path, *, file: str) -> list[str]:
    """Every member's name (the central directory only)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NoticeError(NoticeError.BAD_DOCX, f"not a Word document (.docx is a zip package): {exc}",
                          file=file) from None
