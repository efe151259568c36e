"""Reading pydantic's errors about the models as locations in the input, for the sources to report.

Pydantic adds its own steps to an error's location (a union member's tag, a validator's name) and
reports a list that lost a failing item as too short; sources want the field path as the input
spells it, and only the errors that say something.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from exporter.domain.kinds import IssuanceKind

_KIND_TAGS = {kind.value for kind in IssuanceKind}


def model_location(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """``loc`` without pydantic's own steps: validator names and the issuance-kind tag of the union."""
    parts: list[str | int] = []
    for index, part in enumerate(loc):
        if isinstance(part, str) and ("[" in part or part.startswith("function")):
            continue
        if isinstance(part, str) and part in _KIND_TAGS and index > 0 and isinstance(loc[index - 1], int):
            continue
        parts.append(part)
    return tuple(parts)


def useful_errors(exc: ValidationError) -> list[Any]:
    """The errors, less a list's "too short" when an item of that list has its own error."""
    items = exc.errors(include_url=False)
    locations = [model_location(tuple(item["loc"])) for item in items]
    useful = []
    for item, loc in zip(items, locations, strict=True):
        if item["type"] == "too_short" and any(other[:len(loc)] == loc and len(other) > len(loc) for other in locations):
            continue
        useful.append(item)
    return useful
