"""Publishing: the last stage, and the only one that writes into an output folder.

A run's files are published **as a set**, into one folder, by a :class:`Publication`:

1. the folder is created if missing and **locked** (``flock`` on the folder itself, so no lock file
   is left behind): a second run into the same folder is refused at once instead of interleaving;
2. staging folders of killed runs (``.disclosure-exporter-staging-*``: every staging folder has
   that prefix, and ``validate`` ignores them) are removed: under the lock no live run owns one;
3. every file is written into a fresh staging folder first, so a full disk or a read-only folder
   fails before anything is visible; then one ``os.sync``;
4. targets are checked for clashes: an existing file with other bytes is replaced only with
   ``overwrite`` (the CLI's ``--force``); one with exactly the same bytes is left alone;
5. the staged files are renamed into place; if a rename fails, the renames already done are
   undone (a replaced file gets its old bytes back), so the set appears whole or not at all.

Files get mode 0666 less the umask (0644 with the usual umask of 022), like any file a program
creates. Names longer than ``OUTPUT_NAME_BYTES`` are shortened with a hash (``fit_name``), so a
long input name or issuance ID never fails with "file name too long".

Failures of the folder (read-only, full, locked, not a folder) are :class:`OutputError` with the
path and a plain-words reason; a clash is :class:`OutputExists`.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from exporter.safety import limits
from exporter.safety.text import shorten

__all__ = ["STAGING_PREFIX", "OutputError", "OutputExists", "Publication", "fit_name", "write_files"]

STAGING_PREFIX: Final = ".disclosure-exporter-staging-"
_HASH_CHARS: Final = 10
_SHOWN_PATH: Final = 200  # characters of a path shown in full in a message


class OutputError(Exception):
    """The output cannot be written: ``path`` and a reason in plain words (``errno`` when the OS gave one)."""

    def __init__(self, path: Path, reason: str, *, errno_code: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.errno = errno_code
        shown = str(path) if len(str(path)) <= _SHOWN_PATH else shorten(str(path), _SHOWN_PATH // 2)
        super().__init__(f"{shown}: {reason}")


class OutputExists(OutputError):
    """Target files exist with other content and overwriting was not asked for."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = ", ".join(str(p) for p in paths[:5]) + (f" and {len(paths) - 5:,} more" if len(paths) > 5 else "")
        super().__init__(paths[0], f"would overwrite {names}; use --force to replace")
        self.args = (f"would overwrite {names}; use --force to replace",)

    def __str__(self) -> str:
        return str(self.args[0])


_REASONS: Final = {
    errno.EACCES: "permission denied (is the folder read-only?)",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file of that name is in the way",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ELOOP: "too many symbolic links",
    errno.EIO: "input/output error",
}


def os_failure(path: Path, exc: OSError, doing: str) -> OutputError:
    """An OSError as an OutputError: what we were doing, and the reason in plain words."""
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()
    return OutputError(path, f"cannot {doing}: {reason}", errno_code=exc.errno)


def fit_name(stem: str, max_bytes: int = limits.OUTPUT_NAME_BYTES.value) -> str:
    """``stem`` if its UTF-8 form fits ``max_bytes``, else its start and a hash of the whole.

    Deterministic and, in practice, unique: two long stems share a name only if their SHA-256
    digests share the first 40 bits.
    """
    encoded = stem.encode("utf-8")
    if len(encoded) <= max_bytes:
        return stem
    digest = hashlib.sha256(encoded).hexdigest()[:_HASH_CHARS]
    start = encoded[: max_bytes - _HASH_CHARS - 1].decode("utf-8", errors="ignore")
    return f"{start}~{digest}"


class Publication:
    """One run's files for one folder, staged and then published as a set. Use as a context manager.

    ``staging`` is the folder to write staged files into (``stage`` does it for bytes at hand;
    worker processes may write there themselves); ``publish`` moves them into place.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._created: list[Path] = []
        self._lock_fd: int | None = None
        self._staging: Path | None = None

    def __enter__(self) -> Self:
        self._make_folder()
        try:
            self._lock()
            self._remove_stale_staging()
            try:
                self._staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.folder))
            except OSError as exc:
                raise os_failure(self.folder, exc, "write into the folder") from None
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._release()

    @property
    def staging(self) -> Path:
        assert self._staging is not None, "use Publication as a context manager"
        return self._staging

    def stage(self, name: str, data: bytes) -> Path:
        """Write ``data`` into the staging folder under ``name``; OutputError if it cannot be written."""
        path = self.staging / name
        try:
            write_new_file(path, data)
        except OSError as exc:
            raise os_failure(self.folder, exc, f"write {name}") from None
        return path

    def publish(self, moves: list[tuple[str, Path]], *, overwrite: bool = False) -> tuple[list[Path], list[Path]]:
        """Rename staged files onto ``folder / name``, as a set; returns (written, unchanged) targets.

        Every clash is checked before the first rename; a target with identical bytes is left alone.
        If a rename fails, the ones done are undone and OutputError is raised.
        """
        targets = [(self.folder / name, staged) for name, staged in moves]
        try:
            for target, _ in targets:
                if target.is_dir() or target.is_symlink():
                    raise OutputError(target, "a folder or symbolic link of that name is in the way")
            unchanged = {target for target, staged in targets if target.is_file() and _same_file(target, staged)}
            clashes = [target for target, _ in targets if target.exists() and target not in unchanged]
        except OSError as exc:  # a name too long, a file that may not be read
            raise os_failure(Path(exc.filename) if exc.filename else self.folder, exc, "write the file") from None
        if clashes and not overwrite:
            raise OutputExists(clashes)
        pending = [(target, staged) for target, staged in targets if target not in unchanged]
        if hasattr(os, "sync"):
            os.sync()  # the staged bytes are on disk before any rename makes them visible
        self._rename_all(pending)
        return [target for target, _ in pending], [target for target, _ in targets if target in unchanged]

    def _rename_all(self, pending: list[tuple[Path, Path]]) -> None:
        done: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
        backups = self.staging / ".replaced"
        try:
            for index, (target, staged) in enumerate(pending):
                backup = None
                if target.exists():
                    backups.mkdir(exist_ok=True)
                    backup = backups / str(index)
                    _keep(target, backup)  # the old bytes stay reachable until the set is complete
                os.replace(staged, target)
                done.append((target, backup))
        except OSError as exc:
            for target, backup in reversed(done):
                try:
                    if backup is None:
                        target.unlink()
                    else:
                        os.replace(backup, target)
                except OSError:
                    pass  # nothing better can be done; the error below names the folder
            raise os_failure(self.folder, exc, "publish the files") from None
        if self._lock_fd is not None:
            os.fsync(self._lock_fd)  # the renames themselves are durable

    # --- the folder --------------------------------------------------------------------------

    def _make_folder(self) -> None:
        missing = []
        parent = self.folder
        try:
            while not parent.exists() and parent != parent.parent:
                missing.append(parent)
                parent = parent.parent
        except OSError as exc:  # e.g. a path longer than the system allows
            raise os_failure(self.folder, exc, "create the folder") from None
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                self._remove_created()
                raise os_failure(folder, exc, "create the folder") from None
            self._created.append(folder)
        if not self.folder.is_dir():
            raise OutputError(self.folder, "expected a folder, but a file of that name is in the way")

    def _lock(self) -> None:
        import fcntl

        try:
            self._lock_fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError as exc:
            raise os_failure(self.folder, exc, "open the folder") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise OutputError(self.folder, "another disclosure-exporter run is writing into this folder; "
                                           "try again when it has finished") from None

    def _remove_stale_staging(self) -> None:
        try:
            stale = [entry for entry in os.scandir(self.folder)
                     if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False)]
        except OSError as exc:
            raise os_failure(self.folder, exc, "read the folder") from None
        for entry in stale:  # under the lock, no live run owns one
            shutil.rmtree(entry.path, ignore_errors=True)

    def _release(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None
        self._remove_created()

    def _remove_created(self) -> None:
        """Folders this run created and left empty go again: a failed run leaves no trace."""
        for folder in reversed(self._created):
            try:
                folder.rmdir()
            except OSError:
                break  # not empty: files were published into it
        self._created = []


def write_new_file(path: Path, data: bytes) -> None:
    """Create ``path`` (which must not exist) with mode 0666 less the umask, and write ``data``."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)


def _keep(target: Path, backup: Path) -> None:
    try:
        os.link(target, backup)
    except OSError:  # a file system without hard links: a copy does the same job
        shutil.copy2(target, backup)


def _same_file(target: Path, staged: Path) -> bool:
    if target.stat().st_size != staged.stat().st_size:
        return False
    with target.open("rb") as old, staged.open("rb") as new:
        while True:
            a, b = old.read(1 << 20), new.read(1 << 20)
            if a != b:
                return False
            if not a:
                return True


def write_files(files: dict[Path, bytes], *, overwrite: bool = False) -> tuple[list[Path], list[Path]]:
    """Publish ``files`` (all in one folder) as a set; returns (written, unchanged) paths.

    Raises OutputExists for a clash without ``overwrite`` and OutputError if the folder cannot be
    written; in both cases nothing was published.
    """
    folders = {path.parent for path in files}
    if len(folders) != 1:
        raise ValueError("write_files publishes into one folder at a time")
    with Publication(folders.pop()) as publication:
        moves = [(path.name, publication.stage(f"{index:06d}", data)) for index, (path, data) in enumerate(files.items())]
        return publication.publish(moves, overwrite=overwrite)
