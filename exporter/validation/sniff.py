"""Could these bytes be XML? An encoding-aware sniff, so that no XML file is ever skipped.

A document may start with a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), or without one
in UTF-16 or UTF-32 (the first character '<' tells the width and order), and any amount of
whitespace may come before the first '<'. The whole leading whitespace is skipped however long
it is (300 newlines, or a megabyte), so what decides is the first character that is not
whitespace: '<' means XML, to be parsed (and refused by the parser if it is broken).
"""
from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
)
_WHITESPACE = frozenset(" \t\r\n\ufeff")


def _encoding(data: bytes) -> tuple[str, int]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    if len(data) >= 4:
        head = data[:4]
        if head[:3] == b"\x00\x00\x00" and head[3]:
            return "utf-32-be", 0
        if head[0] and head[1:] == b"\x00\x00\x00":
            return "utf-32-le", 0
    if len(data) >= 2:
        if data[0] == 0 and data[1]:
            return "utf-16-be", 0
        if data[0] and data[1] == 0:
            return "utf-16-le", 0
    return "utf-8", 0  # ASCII-compatible encodings (UTF-8, Shift_JIS, Latin-1...) share '<' and whitespace


def looks_like_xml(data: bytes) -> bool:
    """True when the first character after any whitespace is '<' (in the encoding the bytes show)."""
    codec, start = _encoding(data)
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    position = start
    window = 4096
    while position < len(data):
        text = decoder.decode(data[position:position + window], final=position + window >= len(data))
        position += window
        stripped = text.lstrip("".join(_WHITESPACE))
        if stripped:
            return stripped.startswith("<")
        window = min(window * 2, 1 << 20)
    return False
