"""The ``disclosure-exporter`` command line: a thin click layer over the library.

One module per command (``export``, ``validate``, ``convert``, ``taxonomy``, ``template``), each
calling the library; this module only assembles the group. Exit codes: 0 success; 1 invalid input
or output (nothing written); 2 usage error or unreadable input.
"""
from __future__ import annotations

import click

from exporter.cli.convert import convert
from exporter.cli.export import export
from exporter.cli.taxonomy import taxonomy
from exporter.cli.template import template
from exporter.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="disclosure-exporter")
def main() -> None:
    """Turn equity-issuance disclosures into validated XBRL 2.1 and Inline XBRL 1.1 filings."""


main.add_command(export)
main.add_command(taxonomy)
main.add_command(convert)
main.add_command(template)
main.add_command(validate)
