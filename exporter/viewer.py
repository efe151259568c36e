"""An offline ixbrl-viewer for each Inline XBRL document of a filing (``<document stem>-viewer.html``).

The viewer is the ``ixbrl-viewer`` package's Arelle plugin: Arelle loads the document with our
taxonomy package (so the viewer carries every concept's English and Japanese labels and its
references) and the plugin writes a copy of the document with the viewer's data and a script tag.
The script (``ixbrlviewer.js``, shipped inside the package) is copied beside the viewers once, not
fetched: the viewer needs no network. Arelle runs offline, without its user configuration, with an
empty web cache, in a child process of its own per document (Arelle keeps process-global state),
on a scratch folder holding the filing's files.

The plugin's output is deterministic (checked by the tests); the script is the package's file as is.
"""
from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

SCRIPT_NAME = "ixbrlviewer.js"
_PLUGIN = "iXBRLViewerPlugin"
_TIMEOUT_SECONDS = 300


class ViewerFailed(RuntimeError):
    """The viewer could not be generated (the plugin is missing, or Arelle did not write it)."""

    def __init__(self, document: str, message: str, log: str = ""):
        super().__init__(f"{document}: {message}")
        self.document = document
        self.message = message
        self.log = log


def viewer_name(document: str) -> str:
    """``iij-2015-07-13-en.html`` -> ``iij-2015-07-13-en-viewer.html``."""
    return f"{PurePosixPath(document).stem}-viewer.html"


@functools.cache
def script_path() -> Path:
    """The viewer script inside the installed ``ixbrl-viewer`` package."""
    try:
        import iXBRLViewerPlugin
    except ImportError as exc:  # a dependency, but say so plainly if an installation lacks it
        raise ViewerFailed(SCRIPT_NAME, "the ixbrl-viewer package is not installed") from exc
    path = Path(iXBRLViewerPlugin.__file__).resolve().parent / "viewer" / "dist" / SCRIPT_NAME
    if not path.is_file():
        raise ViewerFailed(SCRIPT_NAME, f"the ixbrl-viewer package has no built script ({path})")
    return path


def viewer_script() -> bytes:
    """The bytes of ``ixbrlviewer.js``, to be written beside the viewers."""
    return script_path().read_bytes()


def build_viewers(files: Mapping[str, bytes], documents: Sequence[str]) -> dict[str, bytes]:
    """Viewer name -> bytes for each of ``documents`` (names in ``files``, which holds what they reference).

    One Arelle process per document, all started at once (they share nothing but the scratch folder).
    """
    from exporter.taxonomy.package import build_package_bytes

    script = script_path()
    viewers: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="disclosure-exporter-viewer-") as scratch:
        folder = Path(scratch)
        filing, out = folder / "filing", folder / "out"
        filing.mkdir()
        out.mkdir()
        for name, data in files.items():
            (filing / name).write_bytes(data)
        package = folder / "eqi.zip"
        package.write_bytes(build_package_bytes())
        targets = {document: out / viewer_name(document) for document in documents}
        runs = {document: _start_arelle(filing / document, target, script, package, folder / f"cache-{index}")
                for index, (document, target) in enumerate(targets.items())}
        try:
            logs = {document: _finish(document, run) for document, run in runs.items()}
        finally:
            for run in runs.values():  # none is left running if one failed
                if run.poll() is None:
                    run.kill()
                    run.communicate()
        for document, target in targets.items():
            if not target.is_file():
                log = logs[document]
                raise ViewerFailed(document, "Arelle's ixbrl-viewer plugin wrote no viewer"
                                   + (f":\n{_tail(log)}" if log else ""), log)
            viewers[target.name] = target.read_bytes()
    return viewers


def _start_arelle(document: Path, target: Path, script: Path, package: Path, cache: Path) -> subprocess.Popen[str]:
    cache.mkdir()
    command = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(document), "--packages", str(package),
               "--plugins", _PLUGIN, "--save-viewer", str(target), "--viewer-url", str(script),
               "--workOffline", "--disablePersistentConfig", "--cacheDirectory", str(cache), "--logLevel", "warning"]
    return subprocess.Popen(command, cwd=document.parent, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")


def _finish(document: str, run: subprocess.Popen[str]) -> str:
    """Wait for one Arelle run; its log. A run past the time limit is killed and reported."""
    try:
        log, _ = run.communicate(timeout=_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        run.kill()
        run.communicate()
        raise ViewerFailed(document, f"Arelle did not finish within {_TIMEOUT_SECONDS} s") from exc
    return log.strip()


def _tail(log: str, lines: int = 10) -> str:
    return "\n".join(log.splitlines()[-lines:])
