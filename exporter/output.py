"""Atomic writing: the last stage, and the only one that touches the output folder.

Files are written to a temporary file in the target folder, flushed, and renamed into place, so a
reader never sees half a file (``write_files``); a job that staged its files itself hands them over
with ``publish_staged``. A set of files is checked for clashes before the first is written:
an existing file is replaced only with ``overwrite`` (the CLI's ``--force``), except when its bytes
are already exactly what would be written.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(FileExistsError):
    """A target file exists with other content and overwriting was not asked for."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = ", ".join(str(p) for p in paths)
        super().__init__(f"would overwrite {names}; use --force to replace")


def _differs(path: Path, data: bytes) -> bool:
    return not path.exists() or path.read_bytes() != data


def check_targets(files: dict[Path, bytes], *, overwrite: bool) -> None:
    """Raise OutputExists if any target exists with different bytes and overwrite is off."""
    clashes = [path for path, data in files.items() if path.exists() and _differs(path, data)]
    if clashes and not overwrite:
        raise OutputExists(clashes)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _same_file(target: Path, staged: Path) -> bool:
    if not target.is_file() or target.stat().st_size != staged.stat().st_size:
        return False
    return target.read_bytes() == staged.read_bytes()


def publish_staged(moves: list[tuple[Path, Path]], *, overwrite: bool = False) -> tuple[list[Path], list[Path]]:
    """Rename already-written staged files (same file system) onto their targets, in order.

    The same rules as ``write_files``: every clash is checked before the first rename; a target
    with identical bytes is left alone. One ``os.sync`` first, so the staged bytes are on disk
    before any rename makes them visible. Returns (written, unchanged) targets.
    """
    unchanged = {target for target, staged in moves if target.exists() and _same_file(target, staged)}
    clashes = [target for target, _ in moves if target.exists() and target not in unchanged]
    if clashes and not overwrite:
        raise OutputExists(clashes)
    if hasattr(os, "sync"):
        os.sync()
    written = []
    for target, staged in moves:
        if target not in unchanged:
            os.replace(staged, target)
            written.append(target)
    return written, [target for target, _ in moves if target in unchanged]


def write_files(files: dict[Path, bytes], *, overwrite: bool = False) -> list[Path]:
    """Write every file atomically after checking them all; returns the paths actually written."""
    check_targets(files, overwrite=overwrite)
    written = []
    for path, data in files.items():
        if _differs(path, data):
            write_bytes_atomic(path, data)
            written.append(path)
    return written
