"""The fast path for large XBRL instances: one streaming pass, memory bounded by the contexts.

The instance is parsed as a stream of events with its DTS's schemas validating as it goes; each
fact becomes a compact record (no element kept) and its element is dropped at once, so memory
grows with the taxonomy and the contexts and units (kept: facts refer to them), not with the
facts. Then the same rules as for any draft run on the records.

The fast path only says "valid, nothing to report". Anything else (an XML Schema error, any
message of any rule, a tuple or footnote link, a DOCTYPE, a taxonomy with problems) makes it
return None, and the document is validated again on the ordinary path, which reads the whole
tree and reports every message with its line and XPath. So both paths give one verdict and the
messages always come from one place.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING

from lxml import etree

from exporter.safety.xml import UnsafeXmlError, iterparse_untrusted
from exporter.validation.draft import (
    XSI_NIL,
    Draft,
    DraftFact,
    _collect_resources,
    _intern,
    _QNames,
)
from exporter.validation.messages import Report
from exporter.validation.sequal import SEqual

if TYPE_CHECKING:
    from exporter.validation.validate import Options

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_REFERENCES = frozenset(f"{{{LINK}}}{n}" for n in ("schemaRef", "linkbaseRef", "roleRef", "arcroleRef"))
_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"
MIN_BYTES = 1024 * 1024  # smaller documents take the ordinary path (no gain, and one path is simpler)


class _Bail(Exception):
    """Something the fast path does not judge: validate on the ordinary path."""


def _head(data: bytes, file: str | None) -> etree._ElementTree | None:
    """The root and its leading references (schemaRef...), parsed up to the first other child."""
    try:
        events = iterparse_untrusted(data, name=file, events=("start", "end"))
        depth = 0
        root = None
        for event, element in events:
            if event == "start":
                depth += 1
                if root is None:
                    root = element
                    if root.tag != f"{{{XBRLI}}}xbrl":
                        return None
                elif depth == 2 and element.tag not in _REFERENCES:
                    return root.getroottree() if root is not None else None
            else:
                depth -= 1
    except (etree.XMLSyntaxError, UnsafeXmlError):
        return None
    return None


def validate_instance(data: bytes, file: str | None, url: str, roots: Sequence[Path], options: Options
                      ) -> Report | None:
    """A report with no message for a valid, silent instance, else None (use the ordinary path)."""
    if len(data) < MIN_BYTES:
        return None
    head = _head(data, file)
    if head is None:
        return None
    checked = options.taxonomies.for_document(url, head, roots, options.profile)
    if checked.messages or checked.schema is None or not checked.model.complete:
        return None
    from exporter.validation.document import _profile

    view = checked.view
    profile = _profile(options, view.eqi)
    tuples = view.tuple_concepts()
    sequal = SEqual(checked.model)
    try:
        draft = _read(data, file, checked.schema, tuples, data.count(b"xmlns") == len(head.getroot().nsmap), sequal,
                      list(checked.model.namespaces))
    except (_Bail, etree.XMLSyntaxError, UnsafeXmlError):
        return None
    from exporter.validation.calc import calc_messages
    from exporter.validation.dimensions import dimension_messages
    from exporter.validation.xbrl21 import xbrl21_messages

    if draft.duplicate_ids or xbrl21_messages(draft, view, profile=profile, streamed=True):
        return None
    if dimension_messages(draft, view):
        return None
    if calc_messages(draft, view, options.calc or ("1.1" if profile == "eqi" else "1.0")):
        return None
    if profile == "eqi":
        from exporter.validation.business_rules import business_rule_messages

        if business_rule_messages(draft, view):
            return None
    return Report(file, "instance")


class _Tag:
    """What the rules ask of a typed member once its element is gone: its name."""

    __slots__ = ("tag",)

    def __init__(self, tag: str) -> None:
        self.tag = tag


def _read(data: bytes, file: str | None, schema: etree.XMLSchema, tuples: set[str], uniform: bool,
          sequal: SEqual, namespaces: list[str]) -> Draft:
    # Only the elements that can be children of the root raise events: contexts, units, link elements
    # and anything in the DTS's namespaces (a fact elsewhere fails the schema). The parts of contexts
    # (entity, period, members) never reach Python as events: they are read from their context.
    wanted = [_CONTEXT, _UNIT, f"{{{LINK}}}*", "{}*", *(f"{{{ns}}}*" for ns in namespaces
                                                       if ns and ns not in (XBRLI, LINK, XBRLDI))]
    events = iterparse_untrusted(data, name=file, schema=schema, events=("end",), tag=wanted)
    root: etree._Element | None = None
    draft: Draft | None = None
    names: _QNames | None = None
    facts: list[DraftFact] = []
    append = facts.append
    root_lang: str | None = None
    link, xbrli = f"{{{LINK}}}", f"{{{XBRLI}}}"
    for _event, element in events:
        parent = element.getparent()
        if parent is not root:
            if root is not None or parent is None:
                continue
            top: etree._Element = parent  # the first element to end is a child (or deeper) of the root
            while (above := top.getparent()) is not None:
                top = above
            root = top
            if parent is not root:
                continue
            root_lang = root.get(XML_LANG)
            draft = Draft("instance", file, root.getroottree())
            names = _QNames(root, uniform)
        tag = element.tag
        if not isinstance(tag, str):
            continue
        assert draft is not None and names is not None
        if tag.startswith(xbrli):
            if tag in (_CONTEXT, _UNIT):
                _collect_resources(draft, (element,), names)
                item = draft.contexts.get(element.get("id", "")) if tag == _CONTEXT else None
                if item is not None and item.element is element:
                    item.compute_key(sequal)  # now, while the element is here: then it can go
                    item.typed = {d: _Tag(m.tag) for d, m in item.typed.items()}  # type: ignore[misc]
                    item.members = [(k, d, _Tag(getattr(m, "tag", "")) if k == "typed" else m, s)
                                    for k, d, m, s in item.members]
                    item.segment, item.scenario = [], []
                    item.element = None  # type: ignore[assignment]
                    root.remove(element)
            continue
        if tag.startswith(link):
            if tag in _REFERENCES:
                if tag == f"{{{LINK}}}schemaRef":
                    draft.schema_refs.append((element.get("{http://www.w3.org/1999/xlink}href", ""), element))
                continue
            raise _Bail  # a footnote link: the ordinary path reads it
        if len(element) or tag in tuples:
            raise _Bail  # tuples and fraction items: the ordinary path
        get = element.get
        nil = get(XSI_NIL) in ("true", "1")
        unit_ref = get("unitRef")
        fact = DraftFact(intern(tag), _intern(get("contextRef")), _intern(unit_ref),  # type: ignore[no-untyped-call]
                         _intern(get("decimals")), get("precision"), None if nil else (element.text or ""),
                         get(XML_LANG) or root_lang, None, unit_ref is not None, nil)
        fact._line = element.sourceline
        fact._prefix = element.prefix
        append(fact)
        root.remove(element)  # the fact is read: drop its element, so memory does not grow with the facts
    if draft is None:
        raise _Bail
    draft.facts = facts
    return draft
