"""``disclosure-exporter validate``: is a draft a valid filing, and what is wrong with it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from exporter.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, fail

JSON_FORMAT = "disclosure-exporter/validate/1"
EXIT_NOT_JUDGED = 3  # something the documents need is not available offline (validate only)


@click.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one 'file:line: severity code: message' per line; json: one documented object.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A Taxonomy Package zip whose files a document's taxonomy may use offline (repeatable); "
                   "also given to Arelle.")
@click.option("--profile", type=click.Choice(["auto", "xbrl", "eqi"]), default="auto", show_default=True,
              help="xbrl: the XBRL specifications alone; eqi: also our filing rules; auto: eqi when the taxonomy "
                   "includes ours, else xbrl.")
@click.option("--calc", type=click.Choice(["1.0", "1.1", "none"]), default=None,
              help="Calculations: 1.0 (XBRL 2.1), 1.1 (round to nearest) or none. Default: 1.1 with the eqi "
                   "profile, else 1.0.")
@click.option("--ixds", is_flag=True,
              help="The Inline XBRL documents of each folder (or zip folder) form one document set, validated as "
                   "one target document (in a report package they always do).")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Do not use the compiled taxonomy cache ($DISCLOSURE_EXPORTER_CACHE, default ~/.cache/"
                   "disclosure-exporter/dts; entries are used only while the taxonomy's files keep their bytes).")
@click.option("--arelle", "with_arelle", is_flag=True,
              help="Also run Arelle in-process, offline, and merge its messages (marked [arelle]).")
def validate(paths: tuple[Path, ...], output_format: str, packages: tuple[Path, ...], profile: str,
             calc: str | None, ixds: bool, no_cache: bool, with_arelle: bool) -> None:
    """Validate XBRL instances, Inline XBRL documents and taxonomies: each PATH a file, a folder or a zip.

    The kind of each document is read from its content, not its name; a taxonomy schema or linkbase
    given alone has its DTS validated. Layers: safe parsing, taxonomy discovery (offline), XML
    Schema, XBRL 2.1, Dimensions 1.0, calculations, Inline XBRL, and with the eqi profile our filing
    rules. Exit code 0 when every document is valid (warnings allowed), 1 when any is invalid, 3
    when none is invalid but one could not be judged (its taxonomy is not available offline: the
    message names the URL), 2 for a usage error or an unreadable path.

    \b
    Examples:
      disclosure-exporter validate out/iij-2015-07-13.xbrl out/iij-2015-07-13-en.html
      disclosure-exporter validate out/ --format json
      disclosure-exporter validate filing.xbri --taxonomy-package ifrs.zip --profile xbrl
      disclosure-exporter validate filing.zip --arelle
    """
    from exporter.validation.packages import PackageError, TaxonomyPackages
    from exporter.validation.taxonomy import Taxonomies
    from exporter.validation.validate import NoDrafts, Options, validate_path

    try:
        loaded = TaxonomyPackages.load(packages)
    except (PackageError, OSError) as exc:
        fail(f"--taxonomy-package: {exc}", EXIT_USAGE)
    from exporter.taxonomy.dts.cache import DiskCache, default_folder

    folder = None if no_cache else default_folder()
    disk = DiskCache(folder) if folder is not None else None
    options = Options(profile=profile, calc=calc, taxonomies=Taxonomies(packages=loaded.packages, disk=disk),
                      ixds=ixds)
    reports = []
    for path in paths:
        if not path.exists():
            fail(f"{_printable(str(path))}: no such file or folder", EXIT_USAGE)
        try:
            reports += validate_path(path, options=options)
        except NoDrafts as exc:
            fail(_printable(str(exc)), EXIT_USAGE)
        except OSError as exc:
            fail(f"{_printable(str(path))}: cannot be read ({exc.strerror or exc})", EXIT_USAGE)
    if with_arelle:
        _merge_arelle(reports, loaded)
    status = _overall(reports)
    if output_format == "json":
        click.echo(json.dumps(_json(reports, status), ensure_ascii=False, indent=1))
    else:
        for report in reports:
            for message in report.messages:
                click.echo(message.as_text())
        counts = _counts(reports)
        words = {"valid": "valid", "invalid": "INVALID", "notJudged": "NOT JUDGED (not available offline)"}
        click.echo(f"{len(reports)} document(s): {words[status]} "
                   f"({counts['error']} error(s), {counts['warning']} warning(s))", err=True)
    raise SystemExit({"valid": EXIT_OK, "invalid": EXIT_INVALID, "notJudged": EXIT_NOT_JUDGED}[status])


def _printable(text: str) -> str:
    from exporter.validation.messages import printable

    return printable(text)


def _overall(reports: list[Any]) -> str:
    statuses = {report.status for report in reports}
    if "invalid" in statuses:
        return "invalid"
    return "notJudged" if "notJudged" in statuses else "valid"


def _merge_arelle(reports: list[Any], packages: Any) -> None:
    """Run Arelle on each document we validated and add its messages (source "arelle").

    Arelle is given only what our resolver allows: each document's DTS is checked first, and a
    document whose taxonomy reaches anything our resolver refuses (a local file outside its folder,
    a device, a pipe) or cannot have offline is not given to Arelle at all (said so in a message).
    """
    from exporter.validation.arelle_source import arelle_inputs, as_messages, run_arelle_offline
    from exporter.validation.messages import Message, Severity

    with arelle_inputs(reports) as (files, refused):
        results = iter(run_arelle_offline([f for f in files if f is not None], packages.paths))
        for report, file, reason in zip(reports, files, refused, strict=True):
            if file is not None:
                report.extend(as_messages(next(results), report.file))
            elif reason:
                report.messages.append(Message("arelle:notRun", Severity.INFO, f"Arelle was not run: {reason}",
                                               file=report.file, source="arelle"))


def _counts(reports: list[Any]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for severity, count in report.counts.items():
            counts[severity] += count
    return counts


def _json(reports: list[Any], status: str) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "valid": status == "valid",
        "status": status,
        "counts": _counts(reports),
        "documents": [{"file": r.file, "kind": r.kind, "valid": r.valid, "status": r.status, "counts": r.counts}
                      for r in reports],
        "messages": [m.as_dict() for r in reports for m in r.messages],
    }
