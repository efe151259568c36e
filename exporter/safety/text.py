"""Showing untrusted text in a message: bounded, so a 30,000-character cell never floods a terminal."""

from __future__ import annotations

from typing import Final

__all__ = ["SHOWN_CHARS", "shorten"]

SHOWN_CHARS: Final = 60


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` quoted (``repr``) if it has at most ``limit`` characters, else its start quoted, an
    ellipsis and its length: ``'AAAA…' (30,000 characters)``."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
