"""``disclosure-exporter template``: an empty register with our headers and one filled example row."""
from __future__ import annotations

from pathlib import Path

import click

from exporter.cli.common import EXIT_USAGE, fail, reported


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True,
              help="Language of the headers and of the example row.")
@click.option("--layout", type=click.Choice(["a", "b"]), default="a", show_default=True,
              help="a: one row per issuance, allotments in one cell; b: sheets Issuances and Allotments.")
@click.option("--force", is_flag=True, help="Replace TARGET if it exists with other content.")
def template(target: Path, lang: str, layout: str, force: bool) -> None:
    """Write a register (.xlsx) with every header we read and two filled example rows.

    The example rows are the seed notice (stock-compensation options of Internet Initiative Japan,
    13 July 2015) and a made-up restricted stock disposal; each converts to a valid filing. Replace
    them with your issuances; leave out the columns you do not need.

    \b
    Examples:
      disclosure-exporter template register.xlsx
      disclosure-exporter template 登録簿.xlsx --lang ja --layout b
    """
    from exporter.output import write_files
    from exporter.sources.spreadsheet.template import template_bytes

    if target.suffix.lower() != ".xlsx":
        fail(f"{target}: the template is a workbook; give a name ending in .xlsx", EXIT_USAGE)
    with reported(target):
        write_files({target: template_bytes(lang, layout)}, overwrite=force)
    click.echo(f"{target} (register template, layout {layout}, {lang})")
