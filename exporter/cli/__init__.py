"""The ``disclosure-exporter`` command line: a thin click layer over the library.

One module per command (``export``, ``validate``, ``convert``, ``taxonomy``, ``template``, ``schema``,
``tag``), each calling the library; this module only assembles the group and holds the last-resort
guard. Exit codes (see ``common``): 0 success; 1 invalid input or output (nothing written); 2 usage
error or unreadable input; 3 the output cannot be written; 4 internal error.

Every failure of input or environment is caught where it happens and reported with its place. The
guard in ``LazyGroup.invoke`` is for what is left (a bug): one line naming the command, its
arguments and the exception, exit code 4, and never a Python traceback.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from exporter.cli.common import EXIT_INTERNAL

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
_ARGV = "exporter.argv"


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"exporter.cli.{COMMANDS[name]}")
        command: click.Command = getattr(module, name)
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGV] = list(args)  # kept for the guard's message
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last resort: a bug, reported in one line
            click.echo(internal_error_line(ctx, exc), err=True)
            sys.exit(EXIT_INTERNAL)


def internal_error_line(ctx: click.Context, exc: BaseException) -> str:
    """One line: the command and its arguments, the exception's kind and (bounded) text."""
    from exporter.safety.text import shorten

    command = " ".join(shorten(arg, 80) if len(arg) > 80 else arg for arg in ctx.meta.get(_ARGV, []))
    detail = str(exc).replace("\n", " ").strip()
    detail = shorten(detail, 200) if len(detail) > 200 else detail
    if isinstance(exc, MemoryError):
        detail = "out of memory"
    elif isinstance(exc, RecursionError):
        detail = "nested too deeply"
    return (f"internal error in 'disclosure-exporter {command}': {type(exc).__name__}: {detail} "
            f"(a bug; please report it with the input; exit code {EXIT_INTERNAL})")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="disclosure-exporter")
def main() -> None:
    """Turn equity-issuance disclosures into validated XBRL 2.1 and Inline XBRL 1.1 filings."""
