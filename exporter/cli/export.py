"""``disclosure-exporter export``: a YAML or JSON filing document to a validated filing."""
from __future__ import annotations

from pathlib import Path

import click

from exporter.cli.common import EXIT_USAGE, fail, reported
from exporter.cli.outputs import output_options, outputs_of


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the filing (created if missing).")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the Inline XBRL document.")
@click.option("--era", is_flag=True, help="Write Japanese dates in the era form (令和7年7月18日).")
@click.option("--force", is_flag=True, help="Replace output files that exist with other content.")
@output_options
def export(input_file: Path, outdir: Path, lang: str, era: bool, force: bool, package: bool, oim: tuple[str, ...],
           viewer: bool) -> None:
    """Export a filing document (YAML or JSON) as an XBRL instance and an Inline XBRL document.

    A filing with several issuances or company-specific recipient categories also gets its own
    extension taxonomy (INPUT-stem.xsd and its linkbases) beside the documents. Everything is
    validated (XML Schema, XBRL 2.1, Dimensions, Inline XBRL) before anything is written; on any
    error nothing is written and the exit code is 1. The files appear together or not at all; exit
    code 3 when OUTDIR cannot be written (read-only, full, another run in it). --package, --oim and
    --viewer add the Report Package, the xBRL-JSON / xBRL-CSV reports and the offline viewer (see
    docs/outputs.md).

    \b
    Examples:
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out --lang ja
      disclosure-exporter export filing.json -o out --force
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out --package --oim json --viewer
    """
    # Imported here, not at the top: ``--help`` must not pay for the pipeline.
    from exporter.export import export_filing, filing_warnings
    from exporter.sources import load_filing

    if input_file.suffix.lower() not in (".yaml", ".yml", ".json"):
        fail(f"{input_file}: expected a .yaml, .yml or .json filing document", EXIT_USAGE)
    with reported(input_file):
        filing = load_filing(input_file)
        result = export_filing(filing, outdir, input_file.stem, lang=lang, overwrite=force, era=era,
                               outputs=outputs_of(package, oim, viewer))
    for warning in filing_warnings(filing):
        click.echo(f"{input_file}: warning: {warning}", err=True)
    for path in result.paths:
        state = "written" if path in result.written else "unchanged"
        valid = ", valid" if path in (result.instance_path, result.inline_path) else ""
        click.echo(f"{path} ({state}{valid})")
