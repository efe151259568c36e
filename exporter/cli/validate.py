"""``disclosure-exporter validate``: is a draft a valid filing, and what is wrong with it."""
from __future__ import annotations

import json
from pathlib import Path

import click

from exporter.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, fail

JSON_FORMAT = "disclosure-exporter/validate/1"


@click.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one 'file:line: severity code: message' per line; json: one documented object.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A Taxonomy Package zip whose schemas a draft may point at (repeatable); also given to Arelle.")
@click.option("--arelle", "with_arelle", is_flag=True,
              help="Also run Arelle in-process, offline, and merge its messages (marked [arelle]).")
def validate(paths: tuple[Path, ...], output_format: str, packages: tuple[Path, ...], with_arelle: bool) -> None:
    """Validate XBRL instances and Inline XBRL documents: each PATH a file, a folder or a zip.

    The kind of each document is read from its content, not its name. Layers: safe parsing, XML
    Schema, XBRL 2.1, Dimensions 1.0, Calculation 1.1 and the taxonomy's business rules, Inline
    XBRL 1.1. Exit code 0 when every document is valid (warnings allowed), 1 when any is invalid,
    2 for a usage error or an unreadable path.

    \b
    Examples:
      disclosure-exporter validate out/iij-2015-07-13.xbrl out/iij-2015-07-13-en.html
      disclosure-exporter validate out/ --format json
      disclosure-exporter validate filing.zip --arelle
    """
    from exporter.validation.packages import PackageError, TaxonomyPackages
    from exporter.validation.validate import NoDrafts, validate_path

    try:
        loaded = TaxonomyPackages.load(packages)
    except (PackageError, OSError) as exc:
        fail(f"--taxonomy-package: {exc}", EXIT_USAGE)
    reports = []
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder", EXIT_USAGE)
        try:
            reports += validate_path(path, packages=loaded)
        except NoDrafts as exc:
            fail(str(exc), EXIT_USAGE)
        except OSError as exc:
            fail(f"{path}: cannot be read ({exc.strerror or exc})", EXIT_USAGE)
    if with_arelle:
        _merge_arelle(reports, packages)
    valid = all(report.valid for report in reports)
    if output_format == "json":
        click.echo(json.dumps(_json(reports, valid), ensure_ascii=False, indent=1))
    else:
        for report in reports:
            for message in report.messages:
                click.echo(message.as_text())
        counts = _counts(reports)
        click.echo(f"{len(reports)} document(s): {'valid' if valid else 'INVALID'} "
                   f"({counts['error']} error(s), {counts['warning']} warning(s))", err=True)
    raise SystemExit(EXIT_OK if valid else EXIT_INVALID)


def _merge_arelle(reports: list, packages: tuple[Path, ...]) -> None:
    """Run Arelle on each document we validated and add its messages (source "arelle")."""
    import tempfile

    from exporter.validation.arelle_source import as_messages, run_arelle_offline
    from exporter.validation.validate import read_member

    with tempfile.TemporaryDirectory(prefix="exporter-validate-") as scratch:
        files = []
        for index, report in enumerate(reports):
            if report.kind is None:
                files.append(None)  # not parsed by us (hostile or broken): Arelle is not asked either
                continue
            if "!/" not in report.file:
                files.append(Path(report.file))
                continue
            copy = Path(scratch) / f"{index}{'.html' if report.kind == 'inline' else '.xbrl'}"
            copy.write_bytes(read_member(report.file))  # a zip member: Arelle reads a file of its own
            files.append(copy)
        results = iter(run_arelle_offline([f for f in files if f is not None], packages))
        for report, file in zip(reports, files, strict=False):
            if file is not None:
                report.extend(as_messages(next(results), report.file))


def _counts(reports) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for severity, count in report.counts.items():
            counts[severity] += count
    return counts


def _json(reports, valid: bool) -> dict:
    return {
        "format": JSON_FORMAT,
        "valid": valid,
        "counts": _counts(reports),
        "documents": [{"file": r.file, "kind": r.kind, "valid": r.valid, "counts": r.counts} for r in reports],
        "messages": [m.as_dict() for r in reports for m in r.messages],
    }
