"""Validation messages and reports: what every layer of the validator returns.

Codes are stable strings, ``layer:name`` (e.g. ``xbrl21:missingContext``); they are documented in
``docs/validation.md`` and tested. A report's status is "invalid" when it holds an error, else
"notJudged" when something it needs could not be had offline (``dts:notOffline`` names each URL),
else "valid" (warnings are allowed).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


NOT_JUDGED_CODES = frozenset({"dts:notOffline"})


@dataclass(frozen=True)
class Message:
    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    xpath: str | None = None
    concept: str | None = None
    source: str = "exporter"  # or "arelle", when merged from Arelle's run

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def as_text(self) -> str:
        """One line: control characters in any part (a newline in a zip member name) are escaped."""
        file = printable(self.file or "-")
        where = f"{file}:{self.line}" if self.line else file
        origin = "" if self.source == "exporter" else f" [{self.source}]"
        return f"{where}: {self.severity.value} {self.code}: {printable(self.message)}{origin}"


def printable(text: str) -> str:
    """Control characters escaped (\\n, \\x1b...), so no input can forge or hide a line of output."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def error(code: str, message: str, **where: object) -> Message:
    return Message(code, Severity.ERROR, message, **where)  # type: ignore[arg-type]


def warning(code: str, message: str, **where: object) -> Message:
    return Message(code, Severity.WARNING, message, **where)  # type: ignore[arg-type]


def info(code: str, message: str, **where: object) -> Message:
    return Message(code, Severity.INFO, message, **where)  # type: ignore[arg-type]


@dataclass
class Report:
    """Everything found about one document."""

    file: str | None
    kind: str | None  # "instance", "inline" or None when unreadable
    messages: list[Message] = field(default_factory=list)

    @property
    def status(self) -> str:
        """"invalid" (an error), "notJudged" (a document not available offline) or "valid"."""
        if any(m.severity is Severity.ERROR for m in self.messages):
            return "invalid"
        if any(m.code in NOT_JUDGED_CODES for m in self.messages):
            return "notJudged"
        return "valid"

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    @property
    def judged(self) -> bool:
        return self.status != "notJudged"

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(m.severity.value for m in self.messages)
        return {severity.value: counted.get(severity.value, 0) for severity in Severity}

    def extend(self, messages: Iterable[Message]) -> None:
        self.messages.extend(messages)

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "kind": self.kind, "valid": self.valid, "status": self.status, "counts": self.counts,
                "messages": [m.as_dict() for m in self.messages]}


class ValidationFailed(Exception):
    """Raised by ``export`` when a document it built does not validate: nothing is written."""

    def __init__(self, reports: list[Report]):
        self.reports = reports
        lines = [m.as_text() for r in reports for m in r.messages if m.severity is Severity.ERROR]
        super().__init__("output failed validation:\n" + "\n".join(lines))
