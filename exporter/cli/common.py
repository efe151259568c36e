"""Shared pieces of the command line: exit codes and how failures are reported."""
from __future__ import annotations

import sys

import click

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def fail(message: str, code: int) -> None:
    """Print ``message`` to stderr and exit with ``code``."""
    click.echo(message, err=True)
    sys.exit(code)
