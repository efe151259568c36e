"""The conversion job: a spreadsheet register -> one validated filing per issuance, and a report.

For each source issuance (a row of layout a, or an Issuances row with its Allotments rows in layout
b): read the cells into a ``Filing`` (``sources.spreadsheet.register``), then render and validate
both documents exactly as ``export`` does (``export.render_filing``). Nothing is published until
every issuance is done: rendered documents are staged in a hidden folder inside OUTDIR by whichever
process rendered them (so memory stays flat however long the register is, and document bytes never
cross a process boundary), then published as one set by ``output.Publication`` (the folder locked
against a concurrent run, renames undone if one fails), and
the report ``conversion-report.json`` is written last. With ``strict``, a single failure means nothing at all
is written (not even the report, nor OUTDIR itself). Existing files with other content are replaced
only with ``force``, as for ``export``.

``outputs`` (the CLI's --package, --oim, --viewer) adds each filing's derived files, rendered with
it; the viewers' script, which they share, is staged once.

``jobs`` > 1 converts in worker processes (forkserver, else spawn), in batches, with a bounded
number of batches in flight; results are taken in source order, so the outputs and the report are
byte-identical to ``jobs=1``.
"""
from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from exporter.documents import MissingText
from exporter.export import Outputs, filing_warnings, render_filing, shared_outputs
from exporter.output import Publication, os_failure
from exporter.sources.spreadsheet.headers import HeaderMap, default_headers
from exporter.sources.spreadsheet.layouts import Plan, Record, read_records
from exporter.sources.spreadsheet.reader import open_register
from exporter.sources.spreadsheet.register import build_filing
from exporter.validation import Severity, ValidationFailed

REPORT_NAME = "conversion-report.json"
REPORT_VERSION = 1
BATCH = 8  # records per task sent to a worker
IN_FLIGHT_PER_JOB = 4  # batches queued per worker: bounds memory, keeps workers busy


@dataclass(frozen=True)
class Outcome:
    """One issuance converted (status "ok", with the documents' bytes) or not (status "error")."""

    index: int
    source: dict[str, Any]
    status: str
    outputs: tuple[str, ...] = ()
    documents: tuple[bytes, ...] = ()
    errors: tuple[dict[str, Any], ...] = ()
    error_texts: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def entry(self) -> dict[str, Any]:
        return {"source": self.source, "status": self.status, "outputs": list(self.outputs),
                "errors": list(self.errors), "warnings": list(self.warnings)}


def convert_record(record: Record, lang: str, staging: Path | None = None, outputs: Outputs | None = None) -> Outcome:
    """Read, render and validate one issuance. Never raises for bad input: failures are outcomes.

    With ``staging``, the documents are written there (by the worker that rendered them, so their
    bytes never cross a process boundary) instead of being returned in the outcome.
    """
    built = build_filing(record)
    source = record.source()
    warnings = tuple(built.warnings) + (tuple(filing_warnings(built.filing)) if built.filing else ())
    if built.filing is None or built.stem is None:
        return Outcome(record.index, source, "error", errors=tuple(p.to_dict() for p in built.problems),
                       error_texts=tuple(str(p) for p in built.problems), warnings=warnings)
    try:
        rendered = render_filing(built.filing, lang, stem=built.stem, outputs=outputs)
    except MissingText as exc:
        error = {"file": record.file, "sheet": record.main.sheet, "row": record.main.row, "column": None,
                 "cell": None, "value": None, "expected": None, "message": str(exc)}
        return Outcome(record.index, source, "error", errors=(error,),
                       error_texts=(f"{record.file}, row {record.main.row}: {exc}",), warnings=warnings)
    except ValidationFailed as exc:
        messages = [m for report in exc.reports for m in report.messages if m.severity is Severity.ERROR]
        errors = tuple({"file": record.file, "sheet": record.main.sheet, "row": record.main.row, "column": None,
                        "cell": None, "value": None, "expected": None,
                        "message": f"the generated document failed validation: {m.as_text()}"} for m in messages)
        return Outcome(record.index, source, "error", errors=errors,
                       error_texts=tuple(f"{record.file}, row {record.main.row}: {e['message']}" for e in errors),
                       warnings=warnings)
    names = tuple(rendered.files)
    documents: tuple[bytes, ...] = tuple(rendered.files.values())
    if staging is not None:
        for name, data in rendered.files.items():
            staged_path(staging, record.index, name).write_bytes(data)
        documents = ()
    return Outcome(record.index, source, "ok", names, documents, warnings=warnings)


def staged_path(staging: Path, index: int, name: str) -> Path:
    """Where issuance ``index`` stages output ``name``: unique per issuance, whatever the names."""
    return staging / f"{index:09d}.{name}"


def _convert_batch(records: list[Record], lang: str, staging: Path | None, outputs: Outputs | None) -> list[Outcome]:
    return [convert_record(record, lang, staging, outputs) for record in records]


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["exporter.convert"])
        return context
    return multiprocessing.get_context("spawn")


def _batched(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def outcomes(records: Iterable[Record], lang: str, jobs: int = 1, staging: Path | None = None,
             outputs: Outputs | None = None) -> Iterator[Outcome]:
    """Outcomes in source order, converted here (jobs=1) or in ``jobs`` worker processes."""
    if jobs <= 1:
        for record in records:
            yield convert_record(record, lang, staging, outputs)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        pending: deque = deque()
        for batch in _batched(records, BATCH):
            pending.append(pool.submit(_convert_batch, batch, lang, staging, outputs))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


class Progress(Protocol):
    def start(self, total: int | None) -> None: ...
    def advance(self, count: int) -> None: ...
    def finish(self) -> None: ...


MAX_ERROR_TEXTS = 200  # errors kept as text for the command line; the report has them all


@dataclass
class ConversionResult:
    """What a conversion did. The issuances' entries are kept as compact JSON lines, not as objects,
    so that a long register costs a few hundred bytes per issuance; ``report`` rebuilds the whole."""

    meta: dict[str, Any]  # the report without its issuances
    report_path: Path
    entry_lines: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # names of the files written into OUTDIR
    unchanged: list[str] = field(default_factory=list)  # documents already there with the same bytes
    error_texts: list[str] = field(default_factory=list)  # the first MAX_ERROR_TEXTS errors, one line each
    error_count: int = 0
    warned: int = 0  # issuances with warnings (a kind inferred, a title made, an entity identified by name)
    wrote_nothing: bool = False  # --strict and something failed

    @property
    def report(self) -> dict[str, Any]:
        return {**self.meta, "issuances": [json.loads(line) for line in self.entry_lines]}

    @property
    def summary(self) -> dict[str, int]:
        return self.meta["summary"]

    @property
    def ok(self) -> int:
        return self.summary["ok"]

    @property
    def failed(self) -> int:
        return self.summary["error"]

    @property
    def all_converted(self) -> bool:
        return self.failed == 0 and not self.meta["errors"]

    def add_errors(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.error_count += 1
            if len(self.error_texts) < MAX_ERROR_TEXTS:
                self.error_texts.append(text)


def _meta(plan: Plan, issuances: int, ok: int, lang: str, strict: bool) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "source": plan.to_dict(),
        "options": {"lang": lang, "strict": strict},
        "summary": {"issuances": issuances, "ok": ok, "error": issuances - ok, "register_errors": len(plan.problems)},
        "columns": plan.columns(),
        "unused_columns": plan.unused_columns(),
        "errors": [p.to_dict() for p in plan.problems],
    }


def write_report(path: Path, meta: dict[str, Any], entry_lines: list[str]) -> None:
    """The report as indented JSON, each issuance on one line, written as a stream."""
    head = json.dumps({**meta, "issuances": []}, ensure_ascii=False, indent=2)
    tail = '"issuances": []\n}'
    assert head.endswith(tail)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(head[: -len(tail)] + '"issuances": [\n')
        last = len(entry_lines) - 1
        for index, line in enumerate(entry_lines):
            stream.write("    " + line + (",\n" if index < last else "\n"))
        stream.write("  ]\n}\n")


def convert_register(source: Path, outdir: Path, *, lang: str = "en", headers: HeaderMap | None = None,
                     strict: bool = False, jobs: int = 1, force: bool = False,
                     progress: Progress | None = None, outputs: Outputs | None = None) -> ConversionResult:
    """Convert every issuance of ``source`` into ``outdir``; see the module docstring.

    Raises ReadError (unreadable file), LayoutError (no header row), OutputExists (a target exists
    with other content and not ``force``; nothing written).
    """
    headers = headers or default_headers()
    report_path = outdir / REPORT_NAME
    with open_register(source) as register:
        plan, records = read_records(register, headers)
        # The folder is locked from here on, and nothing in it changes until every issuance is staged.
        with Publication(outdir) as publication:
            staging = publication.staging
            if progress:
                sheet = plan.sheets["issuances"]
                hint = register.size_hint(sheet.sheet or "")
                progress.start(max(hint - sheet.header_row, 0) if hint else None)
            result = ConversionResult({}, report_path)
            staged: list[tuple[int, tuple[str, ...]]] = []
            claimed: dict[str, tuple[int, str | None]] = {}  # output name -> (row, ID) of the issuance writing it
            ok = 0
            try:
                for outcome in outcomes(records, lang, jobs, staging, outputs):
                    outcome = _claim(outcome, claimed, staging)
                    result.entry_lines.append(json.dumps(outcome.entry(), ensure_ascii=False))
                    result.add_errors(outcome.error_texts)
                    result.warned += bool(outcome.warnings)
                    if outcome.outputs:
                        ok += 1
                        staged.append((outcome.index, outcome.outputs))
                    if progress:
                        progress.advance(1)
            except OSError as exc:  # writing a staged document (a full disk), here or in a worker
                raise os_failure(outdir, exc, "write the documents") from None
            if progress:
                progress.finish()
            result.add_errors(str(p) for p in plan.problems)
            result.meta = _meta(plan, len(result.entry_lines), ok, lang, strict)
            if strict and not result.all_converted:
                result.wrote_nothing = True
                return result
            staged_report = staging / REPORT_NAME
            try:
                write_report(staged_report, result.meta, result.entry_lines)
                if ok:  # files the filings share (the viewers' script), staged once
                    for name, data in shared_outputs(outputs or Outputs()).items():
                        staged_path(staging, -1, name).write_bytes(data)
                        staged.append((-1, (name,)))
            except OSError as exc:
                raise os_failure(outdir, exc, f"write {REPORT_NAME}") from None
            _publish(publication, staged, staged_report, force, result)
            return result


def _claim(outcome: Outcome, claimed: dict[str, tuple[int, str | None]], staging: Path) -> Outcome:
    """The outcome, or an error if another issuance already writes one of its files.

    Names are <code>-<date>-<ID or row>, and IDs are unique, so this takes an ID that looks like
    another row's name (an ID 'r7' next to an ID-less row 7 of the same company and date).
    """
    taken = [name for name in outcome.outputs if name in claimed]
    if not taken:
        for name in outcome.outputs:
            claimed[name] = (outcome.source["rows"][0], outcome.source.get("id"))
        return outcome
    for name in outcome.outputs:
        staged_path(staging, outcome.index, name).unlink(missing_ok=True)
    row, ident = claimed[taken[0]]
    message = (f"the output file {taken[0]} is already written for the issuance on row {row}"
               f"{' (ID ' + repr(ident) + ')' if ident else ''}; give this issuance an ID of its own")
    source = outcome.source
    error = {"file": source["file"], "sheet": source["sheet"], "row": source["rows"][0], "column": None,
             "cell": None, "value": None, "expected": "output names unique to each issuance", "message": message}
    return Outcome(outcome.index, source, "error", errors=(error,),
                   error_texts=(f"{source['file']}, row {source['rows'][0]}: {message}",), warnings=outcome.warnings)


def _publish(publication: Publication, staged: list[tuple[int, tuple[str, ...]]], staged_report: Path,
             force: bool, result: ConversionResult) -> None:
    """Move the staged documents and the report into place, as one set; every clash checked first."""
    moves = [(name, staged_path(publication.staging, index, name)) for index, names in staged for name in names]
    moves.append((REPORT_NAME, staged_report))
    written, unchanged = publication.publish(moves, overwrite=force)
    result.written.extend(path.name for path in written)
    result.unchanged.extend(path.name for path in unchanged if path.name != REPORT_NAME)
