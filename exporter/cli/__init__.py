"""The ``disclosure-exporter`` command line: a thin click layer over the library.

One module per command (``export``, ``validate``, ``convert``, ``taxonomy``, ``template``, ``schema``,
``tag``), each
calling the library; this module only assembles the group. Exit codes: 0 success; 1 invalid input
or output (nothing written); 2 usage error or unreadable input.
"""
from __future__ import annotations

import importlib

import click

# Command name -> module of exporter.cli defining it (a function of the same name). Commands are
# imported when run, so ``validate`` does not pay for the models and serializers ``export`` needs.
COMMANDS = {
    "export": "export",
    "validate": "validate",
    "convert": "convert",
    "template": "template",
    "taxonomy": "taxonomy",
    "schema": "schema",
    "tag": "tag",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"exporter.cli.{COMMANDS[name]}")
        return getattr(module, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="disclosure-exporter")
def main() -> None:
    """Turn equity-issuance disclosures into validated XBRL 2.1 and Inline XBRL 1.1 filings."""
