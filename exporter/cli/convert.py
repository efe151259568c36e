"""``disclosure-exporter convert``: a spreadsheet register (xlsx or csv) to one validated filing per issuance."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

from exporter.cli.common import EXIT_INVALID, EXIT_OK, fail, reported
from exporter.cli.outputs import output_options, outputs_of

MAX_ERRORS_SHOWN = 20


def _interactive() -> bool:
    """A progress bar only for a person watching: stderr is a terminal."""
    return sys.stderr.isatty()


class _Bar:
    """click's progress bar on stderr, only when stderr is a terminal; a counter when the total is unknown."""

    def __init__(self) -> None:
        self.bar: ProgressBar[int] | None = None
        self.count = 0
        self.last = 0.0
        self.total: int | None = None

    def start(self, total: int | None) -> None:
        self.total = total
        if total:
            self.bar = click.progressbar(length=total, label="converting", file=sys.stderr, show_pos=True)
            self.bar.__enter__()

    def advance(self, count: int) -> None:
        self.count += count
        if self.bar is not None:
            self.bar.update(count)
        elif time.monotonic() - self.last > 0.2:
            self.last = time.monotonic()
            click.echo(f"\rconverting: {self.count:,} issuances", err=True, nl=False)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        elif self.count:
            click.echo(f"\rconverting: {self.count:,} issuances", err=True)


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the filings and conversion-report.json (created if missing).")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the Inline XBRL documents.")
@click.option("--map", "mapping", type=click.Path(dir_okay=False, path_type=Path),
              help="YAML file mapping other headers onto our fields, e.g. 'Grant date: allotment_date'.")
@click.option("--strict", is_flag=True, help="If any issuance fails, write nothing at all.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per CPU). Outputs are identical for any N.")
@click.option("--force", is_flag=True, help="Replace output files that exist with other content.")
@output_options
def convert(input_file: Path, outdir: Path, lang: str, mapping: Path | None, strict: bool, jobs: int,
            force: bool, package: bool, oim: tuple[str, ...], viewer: bool) -> None:
    """Convert a register (INPUT.xlsx or INPUT.csv) into one filing per issuance.

    Each issuance becomes an XBRL instance and an Inline XBRL document, validated exactly as
    `export` validates; OUTDIR/conversion-report.json lists every source issuance with its rows,
    status, output files and errors (file, sheet, row, column, value, what was expected). Exit
    code 0 when every issuance converted, 1 when any failed (with --strict nothing is written),
    2 when INPUT or --map cannot be read, 3 when OUTDIR cannot be written (nothing written).
    --package, --oim and --viewer add each filing's Report Package, xBRL-JSON / xBRL-CSV reports
    and offline viewer (see docs/outputs.md).

    \b
    Examples:
      disclosure-exporter convert samples/iij-2015-07-13-register-a-en.xlsx -o out
      disclosure-exporter convert samples/iij-2015-07-13-register-a-ja-cp932.csv -o out --lang ja
      disclosure-exporter convert register.xlsx -o out --map columns.yaml --strict --jobs 2
    """
    from exporter.convert import convert_register
    from exporter.sources.spreadsheet.headers import load_mapping

    jobs = jobs or os.cpu_count() or 1
    progress = _Bar() if _interactive() else None
    with reported(input_file):
        headers = load_mapping(mapping)
        result = convert_register(input_file, outdir, lang=lang, headers=headers, strict=strict, jobs=jobs,
                                  force=force, progress=progress, outputs=outputs_of(package, oim, viewer))
    summary = result.summary
    for item in result.meta["unused_columns"]:
        where = [f"sheet {item['sheet']!r}"] if item["sheet"] else []
        if item["column"]:
            where.append(f"column {item['column']}" + (f" {item['header']!r}" if item["header"] else ""))
        click.echo(f"note: {', '.join(where)}: {item['reason']}", err=True)
    for text in result.error_texts[:MAX_ERRORS_SHOWN]:
        click.echo(text, err=True)
    if result.error_count > MAX_ERRORS_SHOWN:
        click.echo(f"... and {result.error_count - MAX_ERRORS_SHOWN:,} more errors "
                   f"(see {result.report_path.name})", err=True)
    counts = (f"{summary['ok']:,} of {summary['issuances']:,} issuances converted, {summary['error']:,} failed"
              + (f", {summary['register_errors']:,} register errors" if summary["register_errors"] else "")
              + (f", {result.warned:,} with warnings (in the report)" if result.warned else ""))
    if result.wrote_nothing:
        fail(f"{counts}; --strict: nothing written", EXIT_INVALID)
    click.echo(f"{counts}; {len(result.written):,} files written, {len(result.unchanged):,} unchanged; "
               f"report: {result.report_path}")
    sys.exit(EXIT_OK if result.all_converted else EXIT_INVALID)
