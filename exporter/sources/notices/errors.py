"""What can be wrong with a notice file, as an object: a stable code, the file, the line, a message."""
from __future__ import annotations


class NoticeError(Exception):
    """A notice that cannot be read (empty, too large, binary, hostile); nothing is written."""

    EMPTY = "notice:empty"
    TOO_LARGE = "notice:tooLarge"
    UNDECODABLE = "notice:undecodable"
    UNSUPPORTED = "notice:unsupportedFormat"
    BAD_DOCX = "notice:badDocx"
    DOCX_EXTERNAL = "notice:docxExternalRelationship"
    DOCX_MACROS = "notice:docxMacros"
    UNSAFE_XML = "notice:unsafeXml"
    NO_TEXT = "notice:noText"
    UNREADABLE = "notice:unreadable"

    def __init__(self, code: str, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.code, self.message, self.file, self.line = code, message, file, line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<notice>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message} [{self.code}]"
