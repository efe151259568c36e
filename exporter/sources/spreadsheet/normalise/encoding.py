"""Decoding of CSV bytes.

This module owns `decode_csv_bytes`: CSV registers are read as UTF-8 (with or without a BOM) or else
CP932, UTF-8 first and strictly, because CP932 text is almost never valid UTF-8 while the reverse is
common.  UTF-16 is refused, and bytes CP932 leaves undefined are errors rather than placeholders.
"""

from __future__ import annotations

import codecs
import re

from exporter.notation import messages as msg
from exporter.notation.messages import NormaliseError

# Python's cp932 maps the bytes CP932 leaves undefined (0x80, 0xA0, 0xFD-0xFF) to these
# placeholders instead of failing; real Shift_JIS text never contains them.
_CP932_UNDEFINED = re.compile("[\u0080\uf8f0-\uf8f3]")


def _decode_cp932(data: bytes) -> str:
    text = data.decode("cp932")
    if bad := _CP932_UNDEFINED.search(text):
        offset = len(text[: bad.start()].encode("cp932"))
        raise UnicodeDecodeError("cp932", data, offset, offset + 1, "undefined in CP932")
    return text


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 (BOM optional) or else CP932; return (text, encoding).

    UTF-8 is tried first and strictly: CP932 text is almost never valid UTF-8,
    while the reverse is common.  The encoding is "utf-8-sig" when a BOM was
    present, "utf-8" without one, or "cp932".
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NormaliseError(data, msg.EXPECTED_CSV_ENCODING, msg.UTF16_NOT_SUPPORTED)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return _decode_cp932(data), "cp932"
        except UnicodeDecodeError as cp932_error:
            reason = msg.not_decodable(utf8_error.start, cp932_error.start)
            raise NormaliseError(data, msg.EXPECTED_CSV_ENCODING, reason) from None
    return text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
