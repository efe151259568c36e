"""Shared pieces of the command line: exit codes and how failures are reported.

Exit codes, the same for every command (the README's "Exit codes" lists them):

* ``0`` success;
* ``1`` invalid input or output: the input was read but is not a valid filing, or a target exists
  with other content (nothing written);
* ``2`` usage error or unreadable input (missing, damaged, unsupported, over a limit, undecodable);
* ``3`` the output cannot be written: the folder is read-only, full, locked by another run, or a
  file is in the way (nothing written);
* ``4`` internal error: a bug. The last-resort guard in ``exporter.cli`` prints one line saying what
  was being done and what went wrong, never a traceback.

Which error gets which code and message is decided once, here (``FAILURES``); a command runs its
work inside ``reported(input)`` and prints only its results.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

import click

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERNAL = 4


@dataclass(frozen=True)
class Failure:
    """How one kind of error is reported: its exit code and its message.

    ``message`` is a template: ``{error}`` is the error's own text, which names the file (and the line,
    cell or field) it concerns; ``{input}`` is the command's input, for an error that does not name it.
    """

    exit_code: int
    message: str


_NOTHING_WRITTEN = "{error}\nnothing written"

# Every error a command reports, by the qualified name of its class. An error is looked up along its
# classes from the most specific, so UnreadableInput (an InputError) and OutputExists (an OutputError)
# have codes of their own. Names rather than the classes: importing them here would make every
# ``--help`` pay for the whole pipeline (tests/test_cli_common.py checks that each name exists).
FAILURES: dict[str, Failure] = {
    # The input cannot be read: missing, damaged, unsupported, over a limit, undecodable, hostile.
    "exporter.sources.documents.UnreadableInput": Failure(EXIT_USAGE, _NOTHING_WRITTEN),
    "exporter.sources.notices.errors.NoticeError": Failure(EXIT_USAGE, _NOTHING_WRITTEN),
    "exporter.sources.spreadsheet.reader.ReadError": Failure(EXIT_USAGE, _NOTHING_WRITTEN),
    "exporter.sources.spreadsheet.headers.MappingError": Failure(EXIT_USAGE, "--map: {error}"),
    # The input was read but is not a valid filing, or the filing is not valid.
    "exporter.sources.documents.InputError": Failure(EXIT_INVALID, "invalid input, nothing written:\n{error}"),
    "exporter.documents.inline.MissingText": Failure(EXIT_INVALID, "{input}: {error}; nothing written"),
    "exporter.tag.Contradicted": Failure(EXIT_INVALID, "the notice contradicts the data, nothing written:\n{error}"),
    "exporter.sources.spreadsheet.layouts.LayoutError": Failure(EXIT_INVALID, _NOTHING_WRITTEN),
    "exporter.validation.messages.ValidationFailed": Failure(EXIT_INVALID, _NOTHING_WRITTEN),
    "exporter.output.OutputExists": Failure(EXIT_INVALID, _NOTHING_WRITTEN),
    # The output cannot be written.
    "exporter.output.OutputError": Failure(EXIT_OUTPUT, _NOTHING_WRITTEN),
}


def failure_of(error: BaseException) -> Failure | None:
    """How ``error`` is reported, or None when no command expects it (a bug, for the last-resort guard)."""
    for kind in type(error).__mro__:
        failure = FAILURES.get(f"{kind.__module__}.{kind.__qualname__}")
        if failure is not None:
            return failure
    return None


@contextmanager
def reported(input_name: object = "") -> Iterator[None]:
    """Run the block; an error ``FAILURES`` lists is printed to stderr and ends the command with its code.

    Anything else propagates to the command group's guard (one line, exit code 4).
    """
    try:
        yield
    except Exception as error:
        failure = failure_of(error)
        if failure is None:
            raise
        fail(failure.message.format(error=error, input=input_name), failure.exit_code)


def fail(message: str, code: int) -> NoReturn:
    """Print ``message`` to stderr and exit with ``code``."""
    click.echo(message, err=True)
    sys.exit(code)
