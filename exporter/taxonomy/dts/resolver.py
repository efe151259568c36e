"""Where a taxonomy URL's bytes may come from, offline: the only reader of taxonomy files.

A URL resolves, in this order, to our own taxonomy (``schemas/taxonomy``), a file a given
taxonomy package (or the report package being validated) maps it to, the XBRL International
base schemas arelle-release ships (``arelle/resources/cache``), or a local file. Local files are
read only inside the allowed roots (the entry point's folder or the folder given on the command
line), only when they are regular files (never a device, a pipe or a socket: the file is opened
non-blocking and checked with ``fstat`` before any byte is read), and within a size limit. The
network is never used: a URL no source provides raises :class:`NotOffline` ("not judged"), a
local file outside the roots or not regular raises :class:`Refused`, a missing one :class:`Missing`.
"""
from __future__ import annotations

import errno
import functools
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from exporter.taxonomy.dts.archives import ArchiveError, BoundedArchive
from exporter.taxonomy.dts.packages import Package
from exporter.taxonomy.dts.urls import file_path, normalize, zip_parts
from exporter.taxonomy.files import BASE_URL, arelle_cache_dir, taxonomy_dir

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


class Unresolved(Exception):
    """A URL whose document cannot be had; ``kind`` says why (see the subclasses)."""

    kind = "missing"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class NotOffline(Unresolved):
    """No offline copy: neither our taxonomy, a given package nor the bundled base schemas has it."""

    kind = "offline"


class Refused(Unresolved):
    """A local file outside the allowed folders, or not a regular file (device, pipe, socket)."""

    kind = "refused"


class Missing(Unresolved):
    """A local file (or package member) that does not exist or cannot be read."""

    kind = "missing"


def _real(path: Path) -> str:
    return os.path.realpath(path)


@functools.cache
def _fixed_folders() -> tuple[str, str]:
    """The bundled base schemas' and our own taxonomy's folders (resolved once per process)."""
    return _real(arelle_cache_dir()), _real(taxonomy_dir())


class Resolver:
    """Reads documents by URL from the offline sources above; never the network."""

    def __init__(self, roots: Iterable[Path] = (), packages: Sequence[Package] = (),
                 archives: Iterable[BoundedArchive] = ()) -> None:
        self.roots = tuple(_real(Path(r)) for r in roots)
        self.packages = tuple(packages)
        self.archives = {_real(a.path): a for a in archives}
        self._bundled = _fixed_folders()[0]
        self._own = _fixed_folders()[1]

    def with_roots(self, roots: Iterable[Path]) -> Resolver:
        other = Resolver.__new__(Resolver)
        other.__dict__.update(self.__dict__)
        other.roots = tuple(_real(Path(r)) for r in roots)
        return other

    def locate(self, url: str) -> str:
        """The canonical URL of the document's bytes (a published URL stays as it is)."""
        return normalize(url)

    def read(self, url: str) -> bytes:
        url = normalize(url)
        if url.startswith(BASE_URL):
            return _read_regular(self._own, os.path.join(self._own, url[len(BASE_URL):]), url)
        for package in self.packages:
            member = package.member_for(url)
            if member is not None:
                return _read_member(package.archive, member, url)
        if url.startswith(("http://", "https://")):
            bundled = self._bundled_path(url)
            if bundled is not None:
                return _read_regular(self._bundled, bundled, url)
            raise NotOffline(url, "no offline copy (not in our taxonomy, a given taxonomy package or the bundled "
                                  "XBRL International schemas)")
        parts = zip_parts(url)
        if parts is not None:
            archive = self.archives.get(_real(Path(parts[0])))
            if archive is None:
                raise Refused(url, "not inside the archive being validated")
            return _read_member(archive, parts[1], url)
        path = file_path(url)
        if path is None:
            raise NotOffline(url, "not a file and not a URL with an offline copy")
        real = _real(Path(path))
        if not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots):
            raise Refused(url, "outside the folder of the document being validated (and of the given packages)")
        return _read_regular(None, real, url)

    def _bundled_path(self, url: str) -> str | None:
        scheme, _, rest = url.partition("://")
        for folder in (scheme, "https" if scheme == "http" else "http"):
            candidate = os.path.join(self._bundled, folder, rest)
            if os.path.isfile(candidate):
                return candidate
        return None


def _read_member(archive: BoundedArchive, member: str, url: str) -> bytes:
    if member not in archive:
        raise Missing(url, "no such file in the package")
    try:
        return archive.read(member)
    except ArchiveError as exc:
        raise Missing(url, exc.message) from None


def _read_regular(root: str | None, path: str, url: str) -> bytes:
    """A regular file's bytes, bounded; opened non-blocking so a pipe can never hang us."""
    if root is not None and not _real(Path(path)).startswith(root):
        raise Refused(url, "outside the bundled files")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):  # never even open a device, pipe or socket
            raise Refused(url, "not a regular file (a device, pipe, socket, folder or link)")
    except OSError as exc:
        raise Missing(url, exc.strerror or "cannot be read") from None
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(url, "a symbolic link") from None
        raise Missing(url, exc.strerror or "cannot be opened") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(url, "not a regular file (a device, pipe, socket or folder)")
        if info.st_size > MAX_DOCUMENT_BYTES:
            raise Refused(url, f"larger than {MAX_DOCUMENT_BYTES} bytes")
        chunks, total = [], 0
        while True:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_DOCUMENT_BYTES:
                raise Refused(url, f"larger than {MAX_DOCUMENT_BYTES} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise Missing(url, exc.strerror or "cannot be read") from None
    finally:
        os.close(descriptor)
