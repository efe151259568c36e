"""The draft filing: the extraction's dict made a valid Filing, and written as reviewable YAML.

``draft_filing`` validates the extracted dict with the models. Their rules run on it: a real
arithmetic disagreement in the notice (the rights of the categories add up to 7,955, the notice
says 7,905) is kept as printed, acknowledged in the draft and reported as a warning naming both
numbers; any other value the models refuse is left out of the draft with a warning. Nothing is
corrected silently. ``draft_yaml`` writes the export input format with each value's provenance
(source line, column and the snippet it was read from) as a comment, so the draft loads with
``disclosure-exporter export`` and a person can check it line by line.
"""
from __future__ import annotations

import copy
from typing import Any

import yaml
from pydantic import ValidationError

from exporter.domain.dimensions import TRANCHE_AXIS
from exporter.models import Filing
from exporter.models.errors import model_location, useful_errors
from exporter.models.statements import describe, dotted
from exporter.sources.notices.extract import Extraction
from exporter.sources.notices.spots import Found, Path

MAX_ATTEMPTS = 40
_REQUIRED = {("title",), ("issuer",), ("announcement_date",), ("issuances",), ("issuer", "name")}


def _remove(data: dict[str, Any], path: Path, found: dict[Path, Found]) -> bool:
    """Delete ``path`` (or its deepest existing prefix) from ``data``, keeping ``found`` aligned."""
    for length in range(len(path), 0, -1):
        node: Any = data
        try:
            for part in path[:length - 1]:
                node = node[part]
            last = path[length - 1]
            if path[:length - 1] == ("issuances",):
                continue  # a filing needs its issuances: never drop one
            if isinstance(node, list) and isinstance(last, int) and last < len(node):
                del node[last]
                _shift(found, path[:length - 1], last)
                return True
            if isinstance(node, dict) and last in node and path[:length] not in _REQUIRED:
                del node[last]
                for key in [k for k in found if k[:length] == path[:length]]:
                    del found[key]
                return True
        except (KeyError, IndexError, TypeError):
            continue
    return False


def _shift(found: dict[Path, Found], prefix: Path, removed: int) -> None:
    depth = len(prefix)
    moved: dict[Path, Found] = {}
    for key in list(found):
        position = key[depth] if key[:depth] == prefix and len(key) > depth else None
        if isinstance(position, int) and position >= removed:
            item = found.pop(key)
            if position > removed:
                new_key = (*prefix, position - 1, *key[depth + 1:])
                item.path = new_key
                moved[new_key] = item
    found.update(moved)


def draft_filing(extraction: Extraction) -> tuple[Filing, dict[str, Any], list[tuple[int | None, str]]]:
    """A valid Filing to tag, the draft dict to write, and warnings.

    A rule the notice's own figures break is named with both numbers; the draft keeps the figures
    as printed and acknowledges the disagreement, while the filing that is tagged leaves the
    disagreeing figure out (untagged on the page), so the documents stay consistent for any XBRL
    processor.
    """
    data = copy.deepcopy(extraction.data)
    draft = copy.deepcopy(extraction.data)
    warnings: list[tuple[int | None, str]] = []
    for _ in range(MAX_ATTEMPTS):
        try:
            filing = Filing.model_validate(data)
        except ValidationError as exc:
            if not _repair(exc, data, draft, extraction, warnings):
                raise
            continue
        return filing, draft, warnings
    raise RuntimeError("the draft could not be made valid")  # pragma: no cover


def _repair(exc: ValidationError, data: dict[str, Any], draft: dict[str, Any], extraction: Extraction,
            warnings: list[tuple[int | None, str]]) -> bool:
    progressed = False
    removed: set[Path] = set()
    for item in useful_errors(exc):
        findings = (item.get("ctx") or {}).get("findings") if item["type"] == "rules" else None
        if findings:
            for finding in findings:
                tranche = dict(finding.result.where).get(TRANCHE_AXIS.name)
                message = describe(finding, lambda s: dotted(s.source))
                draft.setdefault("acknowledged", []).append(
                    {"rule": finding.rule.id, **({"issuance": int(tranche)} if tranche else {}),
                     "reason": f"as printed in the notice: {message}"})
                # The disagreeing value is left out of what is tagged; a required one (the announcement
                # date) cannot be, so the value it disagrees with is.
                for statement in (finding.result, *finding.operands):
                    path = tuple(statement.source)
                    if path in removed:
                        break  # already left out for another disagreement: nothing more to leave out
                    if _remove(data, path, {}):
                        removed.add(path)
                        progressed = True
                        break
                spot = extraction.found.get(path)
                line = spot.spots[0].line if spot and spot.spots else None
                warnings.append((line, f"the notice disagrees with itself: {message}; the draft keeps the figures as "
                                       f"printed, and {dotted(path)} is left untagged"))
            continue
        location = model_location(tuple(item["loc"]))
        if len(location) == 2 and location[0] == "issuances":
            # An issuance cannot be left out (a filing needs one): its allotments can.
            location = (*location, "allotments")
        message = item["msg"].removeprefix("Value error, ")
        spot = extraction.found.get(location)
        line = spot.spots[0].line if spot and spot.spots else None
        if _remove(data, location, {}):
            _remove(draft, location, extraction.found)
            warnings.append((line, f"{dotted(location)}: {message}; left out of the draft"))
            progressed = True
    return progressed


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def draft_yaml(data: dict[str, Any], extraction: Extraction, warnings: list[tuple[int | None, str]],
               source: str) -> str:
    """The draft as YAML in the export input format, each value commented with where it was read."""
    lines = [f"# Draft filing read from {source} by `disclosure-exporter tag`.",
             "# Check every value against the notice (each comment says where it was read), correct what is",
             f"# wrong, then tag again with the data as the truth: disclosure-exporter tag {source} --data THIS_FILE"]
    for line_index, message in [*extraction.warnings, *warnings]:
        where = ""
        if line_index is not None and line_index < len(extraction.text.lines):
            source_line = extraction.text.lines[line_index].source_line
            where = f"line {source_line}: " if source_line else ""
        lines.append(f"# warning: {where}{message}".replace("\n", " "))
    _emit(data, (), 0, lines, extraction)
    return "\n".join(lines) + "\n"


def _comment(path: Path, extraction: Extraction) -> str:
    if path in extraction.placeholders:
        return "  # NOT PRINTED in the notice: a placeholder, replace it"
    found = extraction.found.get(path)
    if found is None:
        return ""
    if not found.spots:
        return f"  # not printed as such: read from {found.text!r}"
    source_line, column, snippet = extraction.provenance(found.spots[0])
    more = f" (and {len(found.spots) - 1} more)" if len(found.spots) > 1 else ""
    where = f"line {source_line}, col {column}" if source_line else f"col {column}"
    return f"  # {where}: {snippet!r}{more}".replace("\n", " ")


def _emit(node: Any, path: Path, indent: int, lines: list[str], extraction: Extraction) -> None:
    pad = " " * indent
    if isinstance(node, dict):
        for key, value in node.items():
            here = (*path, key)
            if isinstance(value, dict) and ("value" in value or not value):
                lines.append(f"{pad}{key}: {_scalar(value)}{_comment(here, extraction)}")
            elif isinstance(value, dict | list):
                lines.append(f"{pad}{key}:{_comment(here, extraction)}")
                _emit(value, here, indent + 2, lines, extraction)
            else:
                lines.append(f"{pad}{key}: {_scalar(value)}{_comment(here, extraction)}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, dict | list):
                lines.append(f"{pad}-")
                _emit(value, (*path, index), indent + 2, lines, extraction)
            else:
                lines.append(f"{pad}- {_scalar(value)}{_comment((*path, index), extraction)}")
