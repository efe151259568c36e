"""Validation messages and reports: what every layer of the validator returns.

Codes are stable strings, ``layer:name`` (e.g. ``xbrl21:missingContext``); they are documented in
the README and tested. A report is valid when it holds no error (warnings are allowed).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


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

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def as_text(self) -> str:
        where = f"{self.file or '-'}:{self.line}" if self.line else f"{self.file or '-'}"
        origin = "" if self.source == "exporter" else f" [{self.source}]"
        return f"{where}: {self.severity.value} {self.code}: {self.message}{origin}"


def error(code: str, message: str, **where) -> Message:
    return Message(code, Severity.ERROR, message, **where)


def warning(code: str, message: str, **where) -> Message:
    return Message(code, Severity.WARNING, message, **where)


@dataclass
class Report:
    """Everything found about one document."""

    file: str | None
    kind: str | None  # "instance", "inline" or None when unreadable
    messages: list[Message] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(m.severity is Severity.ERROR for m in self.messages)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(m.severity.value for m in self.messages)
        return {severity.value: counted.get(severity.value, 0) for severity in Severity}

    def extend(self, messages) -> None:
        self.messages.extend(messages)

    def as_dict(self) -> dict:
        return {"file": self.file, "kind": self.kind, "valid": self.valid, "counts": self.counts,
                "messages": [m.as_dict() for m in self.messages]}


class ValidationFailed(Exception):
    """Raised by ``export`` when a document it built does not validate: nothing is written."""

    def __init__(self, reports: list[Report]):
        self.reports = reports
        lines = [m.as_text() for r in reports for m in r.messages if m.severity is Severity.ERROR]
        super().__init__("output failed validation:\n" + "\n".join(lines))
