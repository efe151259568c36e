"""``disclosure-exporter taxonomy``: the eqi taxonomy as a Taxonomy Package."""
from __future__ import annotations

from pathlib import Path

import click

from exporter.cli.common import reported


@click.group()
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
    from exporter.output import write_files
    from exporter.taxonomy.package import build_package_bytes

    with reported(target):
        write_files({target: build_package_bytes()}, overwrite=force)
    click.echo(f"{target} (taxonomy package)")
