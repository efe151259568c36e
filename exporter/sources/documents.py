"""YAML and JSON filing documents: parse, validate into a Filing, and say where any error is.

Line numbers: YAML nodes carry their marks, so a model error at ``issuance.payment.amount_per_right``
is reported at that key's line. JSON is parsed as YAML 1.2-compatible input for the same reason
(a JSON document is valid YAML), after a strict JSON parse to report JSON syntax errors as such.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from exporter.domain.rules import Statement
from exporter.models import Filing
from exporter.models.errors import model_location, useful_errors
from exporter.models.statements import describe

MAX_INPUT_BYTES = 20 * 1024 * 1024  # a filing document is a few kB; refuse absurd inputs early


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (file, line, field path) and what."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


class InputError(Exception):
    """The input cannot become a valid Filing; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _SafeLineLoader(yaml.SafeLoader):
    """SafeLoader (no arbitrary objects) that leaves dates as text for the models to check.

    PyYAML's own timestamp constructor crashes on 2015-02-30 instead of reporting it; pydantic
    reports it with the field's path and line like any other error.
    """


_SafeLineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _node_line(node: yaml.Node | None, path: tuple) -> int | None:
    """The 1-based line of the deepest node along ``path`` (keys and list indexes)."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _describe_path(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _as_written(loc: tuple, data: dict) -> tuple:
    """A model location in the input's own shape: a file with one ``issuance`` has no ``issuances`` list."""
    loc = model_location(loc)
    if "issuance" in data and loc[:1] == ("issuances",):
        return ("issuance", *loc[2:]) if len(loc) > 1 else ("issuance",)
    return loc


def _pydantic_problems(exc: ValidationError, file: str, node: yaml.Node | None, data: dict) -> list[Problem]:
    problems = []
    for item in useful_errors(exc):
        findings = (item.get("ctx") or {}).get("findings") if item["type"] == "rules" else None
        if findings:
            # A rule names several fields; the one whose stated value disagrees locates it.
            for finding in findings:
                def name(statement: Statement) -> str:
                    return _describe_path(_as_written(statement.source, data))

                loc = _as_written(finding.result.source, data)
                problems.append(Problem(file, describe(finding, name), _node_line(node, loc), _describe_path(loc)))
            continue
        loc = _as_written(tuple(item["loc"]), data)
        message = item["msg"].removeprefix("Value error, ")
        problems.append(Problem(file, message, _node_line(node, loc), _describe_path(loc) or None))
    return problems


def parse_document(text: str, file: str, *, is_json: bool) -> tuple[Any, yaml.Node | None]:
    if is_json:
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError([Problem(file, f"JSON syntax error: {exc.msg} (column {exc.colno})", exc.lineno)]) from None
    try:
        # Compose once: the node tree gives line numbers, and the data is constructed from it.
        loader = _SafeLineLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f" (column {mark.column + 1})" if mark else ""
        raise InputError([Problem(file, f"YAML syntax error: {exc.problem or exc.context}{column}", line)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(file, f"YAML error: {exc}")]) from None
    return data, node


def load_filing(path: Path) -> Filing:
    """Read a YAML (.yaml/.yml) or JSON (.json) filing document into a validated Filing."""
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError([Problem(file, f"the file is {size:,} bytes; a filing document may be at most "
                                            f"{MAX_INPUT_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(file, f"cannot read the file: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(file, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8")]) from None
    data, node = parse_document(text, file, is_json=path.suffix.lower() == ".json")
    if not isinstance(data, dict):
        raise InputError([Problem(file, "expected a mapping with title, announcement_date, issuer and issuance "
                                        f"at the top, got {type(data).__name__}", 1)])
    try:
        return Filing.model_validate(data)
    except ValidationError as exc:
        raise InputError(_pydantic_problems(exc, file, node, data)) from None
