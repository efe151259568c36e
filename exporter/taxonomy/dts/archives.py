"""Zip archives read within bounds: report packages, taxonomy packages and zips of drafts.

Every member is read with its size bounded before it is read (the declared size may lie, so the
read itself stops one byte past the limit), the member count and the total are bounded, and any
failure of the archive (a corrupt deflate or LZMA stream, an unsupported method, a truncated file)
becomes one exception, :class:`ArchiveError`, never a traceback.
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

try:  # (lzma is optional in CPython builds)
    from lzma import LZMAError
except ImportError:  # pragma: no cover
    class LZMAError(Exception):  # type: ignore[no-redef]
        pass

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # uncompressed, all members read from one archive
ZIP_SIGNATURE = b"PK\x03\x04"
_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, NotImplementedError, RuntimeError,
                EOFError, zlib.error, LZMAError, ValueError, KeyError)


class ArchiveError(Exception):
    """A zip, or one member of it, that cannot be read within the limits; ``code`` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class BoundedArchive:
    """One zip file, opened once; members are read by name within the limits."""

    path: Path
    max_member_bytes: int = 0  # 0: MAX_MEMBER_BYTES (read when opened, so tests can lower it)
    max_total_bytes: int = 0  # 0: MAX_TOTAL_BYTES

    def __post_init__(self) -> None:
        self.max_member_bytes = self.max_member_bytes or MAX_MEMBER_BYTES
        self.max_total_bytes = self.max_total_bytes or MAX_TOTAL_BYTES
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = [i for i in self._zip.infolist() if not i.is_dir()]
        except _READ_ERRORS as exc:
            raise ArchiveError("input:badArchive", f"cannot read the zip: {_reason(exc)}") from None
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError("input:archiveLimit", f"the zip has {len(infos)} members (at most {MAX_MEMBERS})")
        self._infos = {i.filename: i for i in infos}
        self._read_total = 0

    @property
    def names(self) -> list[str]:
        return sorted(self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise KeyError(name)
        limit = self.max_member_bytes
        if info.file_size > limit:
            raise ArchiveError("input:archiveLimit", f"{info.file_size} bytes uncompressed (at most {limit})")
        try:
            with self._zip.open(info) as stream:
                data = stream.read(limit + 1)  # the declared size may lie: never read more
        except _READ_ERRORS as exc:
            raise ArchiveError("input:badArchive", f"cannot read member {_printable(name)}: {_reason(exc)}") from None
        self._read_total += len(data)
        if len(data) > limit:
            raise ArchiveError("input:archiveLimit", f"more than {limit} bytes uncompressed")
        if self._read_total > self.max_total_bytes:
            raise ArchiveError("input:archiveLimit", f"more than {self.max_total_bytes} bytes uncompressed in all")
        return data

    def close(self) -> None:
        self._zip.close()


def _reason(exc: BaseException) -> str:
    return _printable(str(exc) or type(exc).__name__)


def _printable(text: str) -> str:
    """Control characters (a newline in a member name could forge a line of output) escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(ZIP_SIGNATURE)) == ZIP_SIGNATURE
