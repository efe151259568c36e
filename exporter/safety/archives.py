"""Reading zip archives (xlsx workbooks) with every size bounded while decompressing.

The one way this project reads a zip it did not write. The standard library's ``zipfile`` trusts
the archive in three ways that matter here, so this module bounds each before it can cost much:

* the number of entries: ``ZipFile`` builds one object per entry of the central directory when it
  opens the file, so the count declared in the end-of-central-directory record is checked first
  (and the file's own size before that);
* each member's uncompressed size: the size a zip header states is a claim (a zip bomb claims a
  small one), so bytes are counted as they come out of the decompressor, and reading stops one
  byte past the limit;
* the total uncompressed size of everything read from one archive.

A corrupt member (bad deflate, LZMA or bzip2 data, a bad CRC, encryption, an unknown compression
method) becomes an :class:`ArchiveError` naming the archive and the member, never the
decompressor's own exception. Nothing outside the named file is opened.
"""

from __future__ import annotations

import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from exporter.safety import limits

__all__ = ["ArchiveError", "ArchiveLimits", "BoundedArchive"]

_CHUNK: Final = 64 * 1024
_EOCD_SIGNATURE: Final = b"PK\x05\x06"
_EOCD_SIZE: Final = 22
_ZIP64_LOCATOR_SIGNATURE: Final = b"PK\x06\x07"
_ZIP64_EOCD_SIGNATURE: Final = b"PK\x06\x06"
# The end-of-central-directory record (22 bytes and a comment of up to 64 KiB) ends the file; a zip64
# locator (20 bytes) and zip64 record (56 bytes) come just before it.
_TAIL: Final = _EOCD_SIZE + 0xFFFF + 20 + 56


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Bounds for one archive; the defaults are ``safety.limits``' workbook limits."""

    max_file_bytes: int = limits.ARCHIVE_BYTES.value
    max_members: int = limits.ARCHIVE_MEMBERS.value
    max_member_bytes: int = limits.ARCHIVE_MEMBER_BYTES.value
    max_total_bytes: int = limits.ARCHIVE_TOTAL_BYTES.value


class ArchiveError(Exception):
    """An archive or one of its members was refused; ``code`` is ``input:badArchive`` or ``input:archiveLimit``."""

    BAD_ARCHIVE: Final = "input:badArchive"
    LIMIT: Final = "input:archiveLimit"

    def __init__(self, code: str, message: str, *, file: str, member: str | None = None) -> None:
        self.code = code
        self.message = message
        self.file = file
        self.member = member
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}, part {self.member}" if self.member else self.file
        return f"{where}: {self.message}"


# Every exception a decompressor or zipfile raises for damaged data, an unknown method or encryption.
_DAMAGE: Final = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, NotImplementedError,
                  RuntimeError, struct.error)


class BoundedArchive:
    """A zip archive opened for bounded reading. Use as a context manager.

    ``names()`` lists the members (directories left out); ``read(name)`` returns a member's bytes
    and ``chunks(name)`` streams them, both counting what the decompressor yields against the
    per-member and total limits.
    """

    def __init__(self, path: Path, limits: ArchiveLimits | None = None, *, name: str | None = None) -> None:
        self.path = path
        self.file = name or str(path)
        self.limits = limits or ArchiveLimits()
        self._read_sizes: dict[str, int] = {}  # member -> bytes it held, once read to the end
        self._zip = self._open()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return [info.filename for info in self._zip.infolist() if not info.is_dir()]

    def __contains__(self, name: str) -> bool:
        return name in self._zip.NameToInfo

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in pieces, as they are decompressed; ArchiveError past a limit or on damage."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise self._error(ArchiveError.BAD_ARCHIVE, "no such part in the archive", name) from None
        if info.flag_bits & 0x1:
            raise self._error(ArchiveError.BAD_ARCHIVE, "the part is encrypted: save the workbook without a "
                                                        "password", name)
        max_member = self.limits.max_member_bytes
        if info.file_size > max_member:
            raise self._member_too_large(name)
        already = sum(self._read_sizes.values()) - self._read_sizes.get(name, 0)
        produced = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    produced += len(chunk)
                    if produced > max_member:
                        raise self._member_too_large(name)
                    if already + produced > self.limits.max_total_bytes:
                        raise self._error(
                            ArchiveError.LIMIT,
                            f"the parts read so far hold more than {self.limits.max_total_bytes:,} bytes "
                            "uncompressed (a zip bomb?)", name)
                    yield chunk
        except ArchiveError:
            raise
        except _DAMAGE as exc:
            raise self._error(ArchiveError.BAD_ARCHIVE, f"the part is damaged and cannot be decompressed "
                                                        f"({_describe(exc)})", name) from None
        self._read_sizes[name] = produced

    # --- opening -------------------------------------------------------------------------------

    def _open(self) -> zipfile.ZipFile:
        try:
            size = self.path.stat().st_size
            if size > self.limits.max_file_bytes:
                raise self._error(ArchiveError.LIMIT, f"the file is {size:,} bytes; at most "
                                                      f"{self.limits.max_file_bytes:,} are read")
            with self.path.open("rb") as handle:
                handle.seek(max(0, size - _TAIL))
                declared = _declared_entries(handle.read())
            if declared is not None and declared > self.limits.max_members:
                raise self._error(ArchiveError.LIMIT, f"the archive declares {declared:,} entries; at most "
                                                      f"{self.limits.max_members:,} are read")
            archive = zipfile.ZipFile(self.path)
        except ArchiveError:
            raise
        except _DAMAGE as exc:
            if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.strerror:
                raise self._error(ArchiveError.BAD_ARCHIVE, f"cannot read the file: {exc.strerror}") from None
            raise self._error(ArchiveError.BAD_ARCHIVE, f"not a readable zip archive ({_describe(exc)})") from None
        if len(archive.infolist()) > self.limits.max_members:  # a directory that lied about its count
            archive.close()
            raise self._error(ArchiveError.LIMIT, f"the archive has more than {self.limits.max_members:,} entries")
        return archive

    def _member_too_large(self, name: str) -> ArchiveError:
        return self._error(ArchiveError.LIMIT, f"the part holds more than {self.limits.max_member_bytes:,} bytes "
                                               "uncompressed (a zip bomb?)", name)

    def _error(self, code: str, message: str, member: str | None = None) -> ArchiveError:
        return ArchiveError(code, message, file=self.file, member=member)


def _declared_entries(tail: bytes) -> int | None:
    """The entry count the end-of-central-directory record declares (zip64 aware), or None if not found."""
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return None  # zipfile will say it is not a zip
    count = struct.unpack_from("<H", tail, at + 10)[0]
    if count != 0xFFFF:
        return int(count)
    locator = at - 20
    if locator >= 0 and tail[locator:locator + 4] == _ZIP64_LOCATOR_SIGNATURE:
        record = locator - 56
        if record >= 0 and tail[record:record + 4] == _ZIP64_EOCD_SIGNATURE:
            return int(struct.unpack_from("<Q", tail, record + 32)[0])
    return None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
