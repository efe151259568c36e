"""YAML and JSON filing documents: parse, validate into a Filing, and say where any error is.

Line numbers: YAML nodes carry their marks, so a model error at ``issuance.payment.amount_per_right``
is reported at that key's line. JSON is parsed as YAML 1.2-compatible input for the same reason
(a JSON document is valid YAML), after a strict JSON parse to report JSON syntax errors as such.

Untrusted input is bounded before anything big is built (limits in ``safety.limits``): the file's
size; control characters anywhere in the text; then one pass over the parser's events (libyaml's,
iterative, so depth cannot exhaust a stack) checks nesting depth, the number of values with
aliases expanded (YAML's billion laughs), each text's length and each number's digits, and
duplicate keys (an error naming both lines, not "the last one wins"). Only then is the node tree
composed and the data constructed. A JSON document's nesting is checked by a bracket scan before
``json`` (which recurses) sees it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import ValidationError

from exporter.domain.rules import Statement
from exporter.models import Filing
from exporter.models.errors import model_location, useful_errors
from exporter.models.statements import describe
from exporter.safety import limits
from exporter.safety.text import CONTROL_CHARACTERS, line_and_column, shorten

MAX_INPUT_BYTES = limits.DOCUMENT_BYTES.value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (file, line, column, field path) and what."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


class InputError(Exception):
    """The input cannot become a valid Filing; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnreadableInput(InputError):
    """The file cannot be read at all (missing, a folder, no permission): not a property of its content."""


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: 8x faster


class _SafeLineLoader(_Base):  # type: ignore[misc]
    """SafeLoader (no arbitrary objects) that leaves dates as text for the models to check.

    PyYAML's own timestamp constructor crashes on 2015-02-30 instead of reporting it; pydantic
    reports it with the field's path and line like any other error.
    """


_SafeLineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_NUMBER_TAGS: Final = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


def _at(file: str, message: str, mark: Any) -> InputError:
    """An InputError at a YAML mark (0-based line and column)."""
    if mark is None:
        return InputError([Problem(file, message)])
    return InputError([Problem(file, message, mark.line + 1, column=mark.column + 1)])


@dataclass
class _Frame:
    """One open mapping or list while the events are checked."""

    is_mapping: bool
    anchor: str | None
    depth: int  # of the deepest value below, aliases expanded
    keys: dict[str, int] = field(default_factory=dict)  # scalar key -> its line
    expect_key: bool = True
    nodes: int = 1


def check_events(loader: Any, file: str) -> None:
    """One pass over the parser's events; InputError at the first value past a limit or repeated key."""
    stack: list[_Frame] = []
    sizes: dict[str, tuple[int, int]] = {}  # anchor -> (values, depth), aliases expanded
    total = 0
    max_depth, max_nodes = limits.DOCUMENT_DEPTH.value, limits.DOCUMENT_NODES.value
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _key_seen(stack, None, event, file)
            if len(stack) + 1 > max_depth:
                raise _at(file, f"values are nested more than {max_depth} levels deep; a filing has about 5",
                          event.start_mark)
            stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), event.anchor, len(stack) + 1))
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = stack.pop()
            if done.anchor:
                sizes[done.anchor] = (done.nodes, done.depth - len(stack))
            nodes, depth = done.nodes, done.depth
        elif isinstance(event, yaml.ScalarEvent):
            _check_scalar(loader, event, file)
            if _key_seen(stack, event.value if event.implicit[0] or event.implicit[1] else None, event, file):
                pass
            nodes, depth = 1, len(stack)
            if event.anchor:
                sizes[event.anchor] = (1, 0)
        elif isinstance(event, yaml.AliasEvent):
            _key_seen(stack, None, event, file)
            nodes, below = sizes.get(event.anchor or "", (1, 0))
            depth = len(stack) + below
            if depth > max_depth:
                raise _at(file, f"the alias *{event.anchor} nests values more than {max_depth} levels deep",
                          event.start_mark)
        else:
            continue
        total += nodes
        if total > max_nodes:
            raise _at(file, f"the document holds more than {max_nodes:,} values (each use of an alias counts "
                            "all the values it stands for)", event.start_mark)
        if stack:
            stack[-1].nodes += nodes
            stack[-1].depth = max(stack[-1].depth, depth)


def _key_seen(stack: list[_Frame], key: str | None, event: Any, file: str) -> bool:
    """Track keys and values of the innermost mapping; InputError on a key written twice."""
    if not stack or not stack[-1].is_mapping:
        return False
    frame = stack[-1]
    frame.expect_key = not frame.expect_key
    if frame.expect_key or key is None:  # (that was a value, or a key that is not plain text)
        return False
    line = event.start_mark.line + 1
    first = frame.keys.setdefault(key, line)
    if first != line:
        raise _at(file, f"the key {shorten(key)} is written twice, on line {first} and on line {line}; "
                        "expected each key once", event.start_mark)
    return True


def _check_scalar(loader: Any, event: Any, file: str) -> None:
    value: str = event.value
    if len(value) > limits.SCALAR_CHARS.value:
        raise _at(file, f"a text of {len(value):,} characters; at most {limits.SCALAR_CHARS.value:,} are read",
                  event.start_mark)
    # The text was checked for control characters before parsing; only a double-quoted scalar's
    # escapes ("\x00", "\u0000") can bring one in. Only a long scalar can hold too many digits.
    if event.style == '"' and (bad := CONTROL_CHARACTERS.search(value)) is not None:
        raise _at(file, f"expected text, found the control character U+{ord(bad.group()):04X} (written as an "
                        "escape)", event.start_mark)
    if len(value) > limits.NUMBER_DIGITS.value and event.implicit[0] \
            and loader.resolve(yaml.ScalarNode, value, event.implicit) in _NUMBER_TAGS:
        digits = sum(1 for c in value if c.isdigit())
        if digits > limits.NUMBER_DIGITS.value:
            raise _at(file, f"a number of {digits:,} digits; expected at most {limits.NUMBER_DIGITS.value}",
                      event.start_mark)


_JSON_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_json_nesting(text: str, file: str) -> None:
    """Brackets outside strings nested no deeper than the limit (``json`` recurses once per level)."""
    depth, max_depth = 0, limits.DOCUMENT_DEPTH.value
    for token in _JSON_TOKEN.finditer(text):
        kind = token.group()[0]
        if kind in "[{":
            depth += 1
            if depth > max_depth:
                line, column = line_and_column(text, token.start())
                raise InputError([Problem(file, f"values are nested more than {max_depth} levels deep; a filing "
                                                "has about 5", line, column=column)])
        elif kind in "]}":
            depth -= 1


def _check_characters(text: str, file: str) -> None:
    if (bad := CONTROL_CHARACTERS.search(text)) is not None:
        line, column = line_and_column(text, bad.start())
        raise InputError([Problem(file, f"expected text, found the control character U+{ord(bad.group()):04X}",
                                  line, column=column)])


def _node_line(node: yaml.Node | None, path: tuple[Any, ...]) -> int | None:
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


def _describe_path(loc: tuple[Any, ...]) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _as_written(loc: tuple[Any, ...], data: dict[str, Any]) -> tuple[Any, ...]:
    """A model location in the input's own shape: a file with one ``issuance`` has no ``issuances`` list."""
    loc = model_location(loc)
    if "issuance" in data and loc[:1] == ("issuances",):
        return ("issuance", *loc[2:]) if len(loc) > 1 else ("issuance",)
    return loc


def _pydantic_problems(exc: ValidationError, file: str, node: yaml.Node | None, data: dict[str, Any]
                       ) -> list[Problem]:
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
    """The document's data and its node tree (for line numbers), every bound checked first."""
    _check_characters(text, file)
    if is_json:
        _check_json_nesting(text, file)
        try:
            # Numbers stay text: this parse only checks the syntax, and builds no huge integer.
            json.loads(text, parse_int=str, parse_float=str, parse_constant=str)
        except json.JSONDecodeError as exc:
            raise InputError([Problem(file, f"JSON syntax error: {exc.msg}", exc.lineno, column=exc.colno)]) from None
    try:
        checker = _SafeLineLoader(text)
        try:
            check_events(checker, file)
        finally:
            checker.dispose()
        # Compose once: the node tree gives line numbers, and the data is constructed from it.
        loader = _SafeLineLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "unreadable"
        raise _at(file, f"YAML syntax error: {problem}", mark) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(file, f"YAML error: {shorten(str(exc), 200)}")]) from None
    return data, node


def _read_bounded(path: Path, file: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError([Problem(file, f"the file is {size:,} bytes; a filing document may be at most "
                                            f"{MAX_INPUT_BYTES:,}")])
        with path.open("rb") as stream:
            raw = stream.read(MAX_INPUT_BYTES + 1)  # the file may have grown since (or be a device)
    except OSError as exc:
        raise UnreadableInput([Problem(file, f"cannot read the file: {(exc.strerror or str(exc)).lower()}")]) from None
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError([Problem(file, f"the file holds more than {MAX_INPUT_BYTES:,} bytes; a filing document "
                                        "may be at most that")])
    return raw


def _decoded(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([Problem(file, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8", line,
                                  column=column)]) from None


def read_document(path: Path) -> tuple[Any, yaml.Node | None]:
    """A YAML (or, for a .json name, JSON) file's data and node tree, bounded; InputError, located, if not."""
    file = str(path)
    text = _decoded(_read_bounded(path, file), file)
    return parse_document(text, file, is_json=path.suffix.lower() == ".json")


def load_filing(path: Path) -> Filing:
    """Read a YAML (.yaml/.yml) or JSON (.json) filing document into a validated Filing."""
    file = str(path)
    data, node = read_document(path)
    if not isinstance(data, dict):
        raise InputError([Problem(file, "expected a mapping with title, announcement_date, issuer and issuance "
                                        f"at the top, got {type(data).__name__}", 1)])
    try:
        return Filing.model_validate(data)
    except ValidationError as exc:
        raise InputError(_pydantic_problems(exc, file, node, data)) from None
