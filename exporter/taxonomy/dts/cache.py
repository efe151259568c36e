"""The compiled DTS cache: a loaded taxonomy kept on disk, keyed by the content of its files.

An entry is found by a key (the references a document starts discovery from, and the options
that change the result) and holds the SHA-256 of every file the DTS was read from. It is used only
when every one of those files still has the same bytes (each is read again through the same
offline resolver and hashed: reading and hashing is far cheaper than parsing and checking), so a
changed taxonomy is never judged from a stale entry. Entries are pickles read back with a
restricted unpickler that builds only the model's own classes and plain values, never arbitrary
objects; the folder is private to the user (0700), files are written atomically.
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

VERSION = 1
ENVIRONMENT = "DISCLOSURE_EXPORTER_CACHE"  # a folder, or "off"
_ALLOWED_MODULES = ("exporter.taxonomy.dts.model", "exporter.validation.dts", "exporter.validation.xdt",
                    "exporter.validation.messages")
_ALLOWED_GLOBALS = {("decimal", "Decimal"), ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "tuple"),
                    ("builtins", "list"), ("builtins", "dict"), ("collections", "OrderedDict"),
                    ("builtins", "getattr"), ("copyreg", "_reconstructor"), ("builtins", "object")}


class _Restricted(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module in _ALLOWED_MODULES or (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a taxonomy model")


def default_folder() -> Path | None:
    """$DISCLOSURE_EXPORTER_CACHE, else $XDG_CACHE_HOME or ~/.cache, /disclosure-exporter/dts (None: off)."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "disclosure-exporter" / "dts"


class DiskCache:
    """Entries in one folder; every failure to read or write one is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode()).hexdigest() + ".pickle")

    def get(self, key: str, read: Callable[[str], bytes]) -> tuple[Any, dict[str, bytes]] | None:
        """(payload, the bytes of every file it was built from) if each file is unchanged, else None."""
        collecting = gc.isenabled()
        gc.disable()  # a model is a large graph of small objects with no cycles: collecting only slows it
        try:
            raw = self._path(key).read_bytes()
            entry = _Restricted(io.BytesIO(raw)).load()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, IndexError,
                KeyError, ImportError):
            return None
        finally:
            if collecting:
                gc.enable()
        if not isinstance(entry, dict) or entry.get("version") != VERSION or entry.get("key") != key:
            return None
        data: dict[str, bytes] = {}
        for url, digest in entry["hashes"].items():
            try:
                content = read(url)
            except Exception:
                return None
            if hashlib.sha256(content).hexdigest() != digest:
                return None
            data[url] = content
        return entry["payload"], data

    def put(self, key: str, payload: Any, data: Mapping[str, bytes]) -> None:
        entry = {"version": VERSION, "key": key,
                 "hashes": {url: hashlib.sha256(content).hexdigest() for url, content in data.items()},
                 "payload": payload}
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._path(key))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return
