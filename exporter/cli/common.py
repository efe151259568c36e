"""Shared pieces of the command line: exit codes and how failures are reported.

Exit codes, the same for every command (the README's "Exit codes" lists them):

* ``0`` success;
* ``1`` invalid input or output: the input was read but is not a valid filing, or a target exists
  with other content (nothing written);
* ``2`` usage error or unreadable input (missing, damaged, over a limit, undecodable);
* ``3`` the output cannot be written: the folder is read-only, full, locked by another run, or a
  file is in the way (nothing written);
* ``4`` internal error: a bug. The last-resort guard in ``exporter.cli`` prints one line saying what
  was being done and what went wrong, never a traceback.
"""
from __future__ import annotations

import sys
from typing import NoReturn

import click

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERNAL = 4


def fail(message: str, code: int) -> NoReturn:
    """Print ``message`` to stderr and exit with ``code``."""
    click.echo(message, err=True)
    sys.exit(code)
