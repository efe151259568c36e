"""Showing untrusted text in a message: bounded, so a 30,000-character cell never floods a terminal."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CONTROL_CHARACTERS", "SHOWN_CHARS", "line_and_column", "shorten"]

SHOWN_CHARS: Final = 60

# Characters no filing text holds and no XML document can carry: C0 controls but tab, LF and CR;
# DEL; C1 controls; lone surrogates; the two non-characters XML forbids.
CONTROL_CHARACTERS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def line_and_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of ``text[position]`` (a line ends at LF, CR LF or a lone CR)."""
    before = text[:position]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, position - start + 1


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` quoted (``repr``) if it has at most ``limit`` characters, else its start quoted, an
    ellipsis and its length: ``'AAAA…' (30,000 characters)``."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
