"""The ``disclosure-exporter`` command line: a thin click layer over the library.

Exit codes: 0 success; 1 invalid input or output (nothing written); 2 usage error or unreadable
input (click's own usage errors also exit 2).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from exporter.export import export_filing
from exporter.output import OutputExists, write_files
from exporter.sources import InputError, load_filing
from exporter.validation import ValidationFailed

EXIT_INVALID = 1
EXIT_USAGE = 2


def _fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="disclosure-exporter")
def main() -> None:
    """Turn equity-issuance disclosures into validated XBRL 2.1 and Inline XBRL 1.1 filings."""


@main.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the filing (created if missing).")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the Inline XBRL document.")
@click.option("--force", is_flag=True, help="Replace output files that exist with other content.")
def export(input_file: Path, outdir: Path, lang: str, force: bool) -> None:
    """Export a filing document (YAML or JSON) as an XBRL instance and an Inline XBRL document.

    Both documents are validated (XML Schema, XBRL 2.1, Dimensions, Inline XBRL) before anything
    is written; on any error nothing is written and the exit code is 1.

    \b
    Examples:
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out --lang ja
      disclosure-exporter export filing.json -o out --force
    """
    if input_file.suffix.lower() not in (".yaml", ".yml", ".json"):
        _fail(f"{input_file}: expected a .yaml, .yml or .json filing document", EXIT_USAGE)
    if not input_file.is_file():
        _fail(f"{input_file}: no such file", EXIT_USAGE)
    try:
        filing = load_filing(input_file)
        result = export_filing(filing, outdir, input_file.stem, lang=lang, overwrite=force)
    except InputError as exc:
        _fail(f"invalid input, nothing written:\n{exc}", EXIT_INVALID)
    except ValidationFailed as exc:
        _fail(f"{exc}\nnothing written", EXIT_INVALID)
    except OutputExists as exc:
        _fail(str(exc), EXIT_INVALID)
    for path in (result.instance_path, result.inline_path):
        state = "written" if path in result.written else "unchanged"
        click.echo(f"{path} ({state}, valid)")


@main.group()
def taxonomy() -> None:
    """The eqi disclosure taxonomy."""


@taxonomy.command("package")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace TARGET if it exists with other content.")
def taxonomy_package(target: Path, force: bool) -> None:
    """Write the taxonomy as a Taxonomy Package 1.0 zip, for XBRL processors to resolve offline.

    \b
    Examples:
      disclosure-exporter taxonomy package eqi.zip
      arelleCmdLine --packages eqi.zip --file out/iij-2015-07-13-en.html --validate --workOffline
    """
    from exporter.taxonomy.package import build_package_bytes

    try:
        write_files({target: build_package_bytes()}, overwrite=force)
    except OutputExists as exc:
        _fail(str(exc), EXIT_INVALID)
    click.echo(f"{target} (taxonomy package)")
