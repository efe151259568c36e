"""Fragment identifiers of locators and references: shorthand pointers and the element() scheme.

XBRL 2.1 (3.5.4) allows a bare shorthand pointer (an id) or a sequence of ``element()`` scheme
parts; the first part that identifies an element wins. Any other scheme (``xpointer()``,
``xmlns()``) makes the whole pointer illegal, even where an earlier part would resolve.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

_NCNAME = re.compile(r"^[^\W\d][\w.\-\u00b7]*$")
_PART = re.compile(r"\s*([A-Za-z_][\w.\-:]*)\(((?:[^()^]|\^.)*)\)\s*")


class BadPointer(ValueError):
    """A fragment XBRL does not allow (another scheme, or not a pointer at all)."""


def parse(fragment: str) -> list[str]:
    """The element() scheme data of each part, or ``[id]`` for a shorthand pointer."""
    fragment = unquote(fragment)
    if _NCNAME.match(fragment):
        return [fragment]
    parts, pos = [], 0
    while pos < len(fragment):
        match = _PART.match(fragment, pos)
        if match is None:
            raise BadPointer(f"#{fragment} is not a shorthand pointer or element() scheme pointer")
        if match.group(1) != "element":
            raise BadPointer(f"#{fragment}: the {match.group(1)}() scheme is not allowed (only element())")
        parts.append(match.group(2))
        pos = match.end()
    if not parts:
        raise BadPointer("an empty pointer")
    return parts


def _by_id(root: etree._Element, identifier: str) -> etree._Element | None:
    for element in root.iter():
        if isinstance(element.tag, str) and (element.get("id") == identifier or
                                             element.get("{http://www.w3.org/XML/1998/namespace}id") == identifier):
            return element
    return None


def _children(element: etree._Element) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str)]


def _step(element: etree._Element | None, data: str) -> etree._Element | None:
    if element is None:
        return None
    for number in data.split("/"):
        if not number.isdigit() or int(number) < 1:
            return None
        children = _children(element)
        if int(number) > len(children):
            return None
        element = children[int(number) - 1]
    return element


def resolve(tree: etree._ElementTree, fragment: str, ids: dict[str, etree._Element] | None = None
            ) -> etree._Element | None:
    """The element a pointer identifies in ``tree`` (None if it identifies nothing)."""
    root = tree.getroot()
    for data in parse(fragment):
        if data.startswith("/"):
            steps = data[1:]
            first, _, rest = steps.partition("/")
            found = root if first == "1" else None
            found = _step(found, rest) if rest else found
        else:
            identifier, _, rest = data.partition("/")
            found = ids.get(identifier) if ids is not None else _by_id(root, identifier)
            found = _step(found, rest) if rest else found
        if found is not None:
            return found
    return None


def id_index(tree: etree._ElementTree) -> dict[str, etree._Element]:
    index: dict[str, etree._Element] = {}
    for element in tree.getroot().iter():
        if isinstance(element.tag, str):
            identifier = element.get("id")
            if identifier is not None:
                index.setdefault(identifier, element)
    return index
