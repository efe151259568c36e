"""``disclosure-exporter tag``: the company's own notice as Inline XBRL, its facts tagged where it prints them."""
from __future__ import annotations

from pathlib import Path

import click

from exporter.cli.common import EXIT_USAGE, fail, reported
from exporter.cli.outputs import output_options, outputs_of


@click.command()
@click.argument("notice", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the tagged notice and its files (created if missing).")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="A filing document (YAML or JSON): the truth the notice's figures are checked against.")
@click.option("--lang", type=click.Choice(["en", "ja"]), default=None,
              help="Language of the document (default: the notice's own).")
@click.option("--entity", metavar="CODE", help="Securities code for a notice that prints none.")
@click.option("--force", is_flag=True, help="Replace output files that exist with other content.")
@output_options
def tag(notice: Path, outdir: Path, data: Path | None, lang: str | None, entity: str | None, force: bool,
        package: bool, oim: tuple[str, ...], viewer: bool) -> None:
    """Tag a notice (.html, .htm, .xhtml, .docx, .md, .txt) as Inline XBRL, keeping its own text.

    Writes OUTDIR/STEM-tagged.html (the notice, each figure and date it prints tagged in place),
    OUTDIR/STEM.xbrl (the instance), the extension taxonomy where one is needed, and
    OUTDIR/STEM-review.html (tagged facts and untagged figures highlighted). Without --data the
    filing is read from the notice and OUTDIR/STEM.draft.yaml is written, every value with the line
    it came from: review it, then tag again with --data. With --data, a figure the notice prints
    differently under the same item is an error naming both. Everything is validated first; on any
    error nothing is written and the exit code is 1 (2 when NOTICE or --data cannot be read: missing,
    damaged, unsupported, too large). The files appear together or not at all; exit code 3 when
    OUTDIR cannot be written (read-only, full, another run in it). --package, --oim and
    --viewer add the Report Package, the xBRL-JSON / xBRL-CSV reports and the offline viewer of the
    tagged notice, as for export (see docs/outputs.md).

    \b
    Examples:
      disclosure-exporter tag notice.txt -o out
      disclosure-exporter tag notice.docx -o out --data out/notice.draft.yaml --force
      disclosure-exporter tag お知らせ.html -o out --entity 3774
      disclosure-exporter tag notice.html -o out --data filing.yaml --package --oim json --viewer
    """
    # Imported here, not at the top: ``--help`` must not pay for the pipeline.
    from exporter.tag import tag as run

    if not notice.is_file():
        fail(f"{notice}: no such file", EXIT_USAGE)
    if data is not None and not data.is_file():
        fail(f"{data}: no such file", EXIT_USAGE)
    with reported(notice):
        result = run(notice, outdir, data=data, lang=lang, entity=entity, overwrite=force,
                     outputs=outputs_of(package, oim, viewer))
    # Anything else is a bug: the command group's last-resort guard reports it in one line (exit code 4).
    tagged = result.tagged
    for warning in tagged.warnings:
        click.echo(f"{notice}: warning: {warning}", err=True)
    for path in result.paths:
        click.echo(f"{path} ({'written' if path in result.written else 'unchanged'})")
    click.echo(f"{tagged.shown} facts tagged in place, {tagged.hidden} hidden, {tagged.untagged} figures or dates "
               "left untagged (see the review page)", err=True)
