"""The options ``export`` and ``convert`` share for the derived outputs: --package, --oim, --viewer."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from exporter.export import Outputs

F = TypeVar("F", bound=Callable[..., Any])


def output_options(command: F) -> F:
    """Add --package, --oim and --viewer; the command receives them as ``package``, ``oim``, ``viewer``."""
    for option in reversed((
        click.option("--package", is_flag=True,
                     help="Also write STEM.xbri: the Inline XBRL report (and any extension taxonomy) as a "
                          "Report Package 1.0."),
        click.option("--oim", type=click.Choice(["json", "csv"]), multiple=True,
                     help="Also write the facts as xBRL-JSON (STEM.json) or xBRL-CSV (STEM-csv.json with "
                          "STEM-facts.csv); repeatable."),
        click.option("--viewer", is_flag=True,
                     help="Also write STEM-LANG-viewer.html, an offline ixbrl-viewer of the Inline XBRL "
                          "document (its script ixbrlviewer.js beside it)."),
    )):
        command = option(command)
    return command


def outputs_of(package: bool, oim: tuple[str, ...], viewer: bool) -> Outputs | None:
    """The outputs asked for on the command line (None: the instance and inline document only)."""
    if not (package or oim or viewer):
        return None
    from exporter.export import Outputs

    return Outputs(package=package, oim=tuple(dict.fromkeys(oim)), viewer=viewer)
