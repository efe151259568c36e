"""``disclosure-exporter export``: a YAML or JSON filing document to a validated filing."""
from __future__ import annotations

from pathlib import Path

import click

from exporter.cli.common import EXIT_INVALID, EXIT_OUTPUT, EXIT_USAGE, fail


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the filing (created if missing).")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the Inline XBRL document.")
@click.option("--force", is_flag=True, help="Replace output files that exist with other content.")
def export(input_file: Path, outdir: Path, lang: str, force: bool) -> None:
    """Export a filing document (YAML or JSON) as an XBRL instance and an Inline XBRL document.

    Both documents are validated (XML Schema, XBRL 2.1, Dimensions, Inline XBRL) before anything
    is written; on any error nothing is written and the exit code is 1. Both files appear together
    or not at all; exit code 3 when OUTDIR cannot be written (read-only, full, another run in it).

    \b
    Examples:
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out
      disclosure-exporter export samples/iij-2015-07-13.yaml -o out --lang ja
      disclosure-exporter export filing.json -o out --force
    """
    # Imported here, not at the top: ``--help`` must not pay for the pipeline.
    from exporter.export import export_filing
    from exporter.output import OutputError, OutputExists
    from exporter.sources import InputError, UnreadableInput, load_filing
    from exporter.validation import ValidationFailed

    if input_file.suffix.lower() not in (".yaml", ".yml", ".json"):
        fail(f"{input_file}: expected a .yaml, .yml or .json filing document", EXIT_USAGE)
    try:
        filing = load_filing(input_file)
        result = export_filing(filing, outdir, input_file.stem, lang=lang, overwrite=force)
    except UnreadableInput as exc:
        fail(str(exc), EXIT_USAGE)
    except InputError as exc:
        fail(f"invalid input, nothing written:\n{exc}", EXIT_INVALID)
    except ValidationFailed as exc:
        fail(f"{exc}\nnothing written", EXIT_INVALID)
    except OutputExists as exc:
        fail(f"{exc}\nnothing written", EXIT_INVALID)
    except OutputError as exc:
        fail(f"{exc}\nnothing written", EXIT_OUTPUT)
    for path in (result.instance_path, result.inline_path):
        state = "written" if path in result.written else "unchanged"
        click.echo(f"{path} ({state}, valid)")


