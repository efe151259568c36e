"""Arelle as a second opinion: ``validate --arelle`` and the judge the tests compare our verdicts with.

Arelle runs in-process through ``exporter.arelle_adapter``'s options (config-free, Calculation
1.1 round-to-nearest, UTR checks, formulas run when the taxonomy has them, which ours does), with
three settings forced here so both sides apply the same rules:

* offline (``workOffline``): nothing is ever fetched;
* ``validateDuplicateFacts="inconsistent"``: Arelle then reports inconsistent duplicate facts,
  as a *warning* (``arelle:duplicateFacts``). The SEC and ESEF filing rules make them errors and
  so do we (``xbrl21:inconsistentDuplicates``), so that warning counts as an error in Arelle's
  verdict;
* our taxonomy package (built in a temporary folder), and any packages the caller gives.

Arelle's verdict: valid iff no message at an error level (error, assertion failure, critical)
and no calculation inconsistency. Arelle's code is never used by our own validator.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from exporter.validation.messages import Message, Severity

INVALID_LEVELS = frozenset({"error", "error-semantic", "assertion-not-satisfied", "critical", "fatal",
                            "inconsistency"})
WARNING_LEVELS = frozenset({"warning", "warning-semantic"})
DUPLICATES_CODE = "arelle:duplicateFacts"


@dataclasses.dataclass(frozen=True)
class ArelleResult:
    file: str
    messages: tuple  # of exporter.arelle_adapter.ArelleMessage

    @property
    def problems(self) -> list:
        return [m for m in self.messages if m.level in INVALID_LEVELS | WARNING_LEVELS]

    @property
    def valid(self) -> bool:
        return not any(_counts_as_error(m) for m in self.messages)


def _counts_as_error(message) -> bool:
    return message.level in INVALID_LEVELS or message.code == DUPLICATES_CODE


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _options(path: Path, packages: Sequence[Path], cache_dir: Path, formulas: bool):
    from exporter.arelle_adapter import arelle_options

    options = arelle_options(path, packages=packages, validate=True, cache_dir=cache_dir)
    return dataclasses.replace(options, internetConnectivity="offline", workOffline=True, keepOpen=False,
                               validateDuplicateFacts="inconsistent", pluginOptions=None,
                               formulaAction="run" if formulas else "none")


def run_arelle_offline(paths: Iterable[Path], packages: Sequence[Path] = (), *, formulas: bool = True
                       ) -> list[ArelleResult]:
    """Arelle's messages for each file, one fresh Arelle session per file, in this process.

    Not thread-safe (Arelle's global state). Our taxonomy package is always given to Arelle, then
    ``packages`` (the CLI's ``--taxonomy-package`` zips). ``formulas=False`` skips the taxonomy's value assertions (the benchmark's comparison of the
    other layers; Arelle's formula processor is slow on large documents).
    """
    from arelle.api.Session import Session

    from exporter.arelle_adapter import ArelleMessage

    results = []
    with tempfile.TemporaryDirectory(prefix="exporter-arelle-") as scratch:
        scratch_dir = Path(scratch)
        from exporter.taxonomy.package import build_package_bytes

        ours = scratch_dir / "eqi.zip"
        ours.write_bytes(build_package_bytes())
        packages = [ours, *packages]
        for path in paths:
            entry = Path(path).resolve()
            recorder = _Recorder()
            cache_dir = scratch_dir / "cache"
            cache_dir.mkdir(exist_ok=True)
            with Session() as session:
                session.run(_options(entry, packages, cache_dir, formulas), logHandler=recorder)
            messages = []
            for record in recorder.records:
                refs = getattr(record, "refs", None) or []
                line = next((r.get("sourceLine") for r in refs if r.get("sourceLine")), None)
                try:
                    text = record.getMessage()
                except (TypeError, ValueError, KeyError):
                    text = str(record.msg)
                messages.append(ArelleMessage(code=str(getattr(record, "messageCode", "") or ""),
                                              level=record.levelname.lower(), text=text, file=str(entry),
                                              line=int(line) if line else None))
            results.append(ArelleResult(str(path), tuple(messages)))
    return results


def as_messages(result: ArelleResult, file: str | None) -> list[Message]:
    """Arelle's problems as our messages (``source="arelle"``), for ``validate --arelle``."""
    found = []
    for message in result.problems:
        severity = Severity.ERROR if _counts_as_error(message) else Severity.WARNING
        found.append(Message(message.code or "arelle", severity, " ".join(message.text.split()), file=file,
                             line=message.line, source="arelle"))
    return found


# Messages that mean the document's taxonomy reaches something our resolver refuses or lacks:
# Arelle, which reads whatever a document names, is then not given the document at all.
_NOT_FOR_ARELLE = frozenset({"dts:refusedLocation", "dts:refusedHint", "dts:notOffline", "dts:missingDocument"})


@contextlib.contextmanager
def arelle_inputs(reports: Sequence[Any]) -> Iterator[tuple[list[Path | None], list[str | None]]]:
    """For each report: the file Arelle may read (None: not given to Arelle) and why not.

    Only documents we parsed, whose DTS our resolver read whole and within the allowed folders,
    are given to Arelle; a zip member is copied to a file of its own first.
    """
    from exporter.validation.validate import read_member

    with tempfile.TemporaryDirectory(prefix="exporter-validate-") as scratch:
        files: list[Path | None] = []
        reasons: list[str | None] = []
        for index, report in enumerate(reports):
            refused = sorted({m.code for m in report.messages if m.code in _NOT_FOR_ARELLE})
            if report.kind is None or refused:
                files.append(None)
                reasons.append(f"its taxonomy reaches what may not be read ({', '.join(refused)})" if refused
                               else None)
                continue
            reasons.append(None)
            if "!/" not in report.file:
                files.append(Path(report.file))
                continue
            copy = Path(scratch) / f"{index}{'.html' if report.kind == 'inline' else '.xbrl'}"
            copy.write_bytes(read_member(report.file))
            files.append(copy)
        yield files, reasons
