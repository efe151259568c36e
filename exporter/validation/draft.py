"""Read a draft (an XBRL instance or an Inline XBRL document) into one neutral shape.

Owns extraction only: schemaRefs, contexts, units and facts with their elements (lines and
XPaths are computed only when a message needs them: a 100,000-fact draft must read fast). For
Inline XBRL it also applies formats, scale and sign, follows continuations and drops exclusions,
reporting what it cannot read as ``ix:`` messages. (``xsd.build_target`` turns the inline facts
into XBRL 2.1 items, so the taxonomy's types check the values of both kinds of document.)
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from sys import intern

from lxml import etree

from exporter.taxonomy.namespaces import IX, LINK, XBRLDI, XBRLI, XHTML, XLINK, XML_LANG
from exporter.validation.messages import Message, error, warning
from exporter.validation.numbers import EXACT, MAX_DIGITS, MAX_SCALE, bounded_decimal, plain
from exporter.validation.sequal import SEqual
from exporter.validation.transforms import FormatNotChecked, TransformError, transform

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"
_NON_FRACTION, _NON_NUMERIC = f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"
_CONTINUATION, _EXCLUDE = f"{{{IX}}}continuation", f"{{{IX}}}exclude"
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")  # a non-negative xs:decimal: the sign is an attribute


@dataclass
class DraftContext:
    id: str
    scheme: str | None
    identifier: str | None
    period: tuple  # ("instant", "2015-07-13") / ("duration", start, end) / ("forever",) / ("missing",)
    explicit: dict[str, str]  # dimension Clark -> member Clark
    typed: dict[str, etree._Element]  # dimension Clark -> the typed member's content element
    members: list[tuple[str, str, object, bool]]  # (kind, dimension, member, in segment?) in document order
    element: etree._Element
    segment: list[etree._Element] = field(default_factory=list)  # the segment's and scenario's children
    scenario: list[etree._Element] = field(default_factory=list)
    has_segment: bool = False
    has_scenario: bool = False
    _key: tuple | None = None

    @property
    def line(self) -> int | None:
        return self.element.sourceline

    @property
    def aspect_key(self) -> tuple:
        """Equal for s-equal contexts (XBRL 2.1 4.10): entity, period instants, segment and scenario."""
        if self._key is None:
            self.compute_key(SEqual(None))
        assert self._key is not None
        return self._key

    def compute_key(self, sequal: SEqual) -> None:
        typed = tuple(sorted((d, sequal.key(e)) for d, e in self.typed.items())) if self.typed else ()
        dimensional = (_EXPLICIT, _TYPED)
        segment = sequal.keys([e for e in self.segment if e.tag not in dimensional]) if self.segment else ()
        scenario = sequal.keys([e for e in self.scenario if e.tag not in dimensional]) if self.scenario else ()
        other = (typed, segment, scenario)
        self._key = (self.scheme, self.identifier, period_key(self.period), tuple(sorted(self.explicit.items())),
                     other)


@functools.lru_cache(maxsize=4096)
def period_key(period: tuple) -> tuple:
    """The period as points in time (a bare date is the start of that day, or its end as an instant or
    endDate), so that lexically different equal periods compare equal."""
    kind = period[0]
    if kind == "instant":
        return ("instant", _point(period[1], True))
    if kind == "duration":
        return ("duration", _point(period[1], False), _point(period[2], True))
    return period


def _point(text: str, end: bool) -> object:
    from datetime import date, datetime, timedelta

    value = text.strip()
    try:
        if "T" not in value:
            day = date.fromisoformat(value[:10])
            moment = datetime(day.year, day.month, day.day) + (timedelta(days=1) if end else timedelta())
            return moment.isoformat()
        if value.endswith("T24:00:00"):
            day = date.fromisoformat(value[:10])
            return (datetime(day.year, day.month, day.day) + timedelta(days=1)).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None).isoformat()
    except ValueError:
        return value


@dataclass
class DraftUnit:
    id: str
    numerators: tuple[str, ...]
    denominators: tuple[str, ...]
    element: etree._Element

    @property
    def line(self) -> int | None:
        return self.element.sourceline

    @property
    def aspect_key(self) -> tuple:
        return (tuple(sorted(self.numerators)), tuple(sorted(self.denominators)))


class DraftFact:
    """One fact: its concept (Clark name), references, attributes and value (after formats for inline)."""

    __slots__ = (
        "_line",
        "_prefix",
        "_xpath",
        "concept",
        "context_ref",
        "decimals",
        "element",
        "is_tuple",
        "lang",
        "nil",
        "numeric",
        "parent",
        "precision",
        "unit_ref",
        "value",
    )

    def __init__(self, concept, context_ref, unit_ref, decimals, precision, value, lang, element, numeric, nil):
        self.concept: str = concept
        self.context_ref: str | None = context_ref
        self.unit_ref: str | None = unit_ref
        self.decimals: str | None = decimals
        self.precision: str | None = precision
        self.value: str | None = value  # None when nil, or when an inline format could not read it
        self.lang: str | None = lang
        self.element: etree._Element = element
        self.numeric: bool = numeric  # ix:nonFraction, or (instance) has a unitRef
        self.nil: bool = nil
        self._xpath: str | None = None
        self.parent: int = -1  # index (in Draft.facts) of the tuple holding this fact, -1 at the top level
        self.is_tuple: bool = False
        self._line: int | None = None  # (streamed facts keep no element: their line and prefix instead)
        self._prefix: str | None = None

    @property
    def line(self) -> int | None:
        return self._line if self.element is None else self.element.sourceline

    @property
    def xpath(self) -> str | None:
        if self._xpath is None and self.element is not None:
            self._xpath = self.element.getroottree().getpath(self.element)
        return self._xpath

    @property
    def prefixed(self) -> str:
        local = self.concept.rpartition("}")[2]
        if self.element is None:
            return f"{self._prefix}:{local}" if self._prefix else local
        if self.element.tag == self.concept:  # instance: the element's own prefix
            return f"{self.element.prefix}:{local}" if self.element.prefix else local
        name = self.element.get("name", "")  # inline: the name attribute as written
        return name if name.endswith(local) and ":" in name else local

    def where(self) -> dict:
        return {"line": self.line, "xpath": self.xpath, "concept": self.prefixed}


@dataclass
class Draft:
    kind: str  # "instance" or "inline"
    file: str | None
    tree: etree._ElementTree
    schema_refs: list[tuple[str, etree._Element]] = field(default_factory=list)
    contexts: dict[str, DraftContext] = field(default_factory=dict)
    units: dict[str, DraftUnit] = field(default_factory=dict)
    facts: list[DraftFact] = field(default_factory=list)
    duplicate_ids: list[tuple[str, etree._Element]] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    # inline only
    headers: list[etree._Element] = field(default_factory=list)
    continuations: dict[str, etree._Element] = field(default_factory=dict)
    continued_at: dict[str, list[etree._Element]] = field(default_factory=dict)  # id -> referring elements
    target: etree._ElementTree | None = None  # the facts as XBRL 2.1 items, for the schema check
    target_facts: list[DraftFact] = field(default_factory=list)  # target root's fact children, in order
    target_offset: int = 0  # index of the first fact element in the target root

    def where(self, element: etree._Element | None, concept: str | None = None) -> dict:
        if element is None:
            return {"file": self.file}
        return {"file": self.file, "line": element.sourceline, "xpath": self.tree.getpath(element),
                "concept": concept}


def _intern(text: str | None) -> str | None:
    return None if text is None else intern(text)


def detect_kind(root: etree._Element) -> str | None:
    """'instance' for xbrli:xbrl, 'inline' for an XHTML html with ix elements, else None."""
    if root.tag == f"{{{XBRLI}}}xbrl":
        return "instance"
    if root.tag in (f"{{{XHTML}}}html", "html") and next(root.iter(f"{{{IX}}}*"), None) is not None:
        return "inline"
    return None


class _QNames:
    """QName-valued text and attributes (members, measures, concept names) to Clark names.

    ``element.nsmap`` is costly (it walks the ancestors), so when every namespace is declared on
    the root (``uniform``), the root's map serves every element.
    """

    def __init__(self, root: etree._Element, uniform: bool):
        self.fixed = dict(root.nsmap) if uniform else None
        self._clark: dict[str, str | None] = {}  # with one map, a QName always means the same Clark name

    def namespace(self, element: etree._Element, prefix: str) -> str | None:
        return (self.fixed if self.fixed is not None else element.nsmap).get(prefix or None)

    def clark(self, element: etree._Element, qname: str | None) -> str | None:
        if not qname:
            return None
        if self.fixed is not None:
            try:
                return self._clark[qname]
            except KeyError:
                found = self._clark[qname] = self._resolve(self.fixed, qname)
                return found
        return self._resolve(element.nsmap, qname)

    @staticmethod
    def _resolve(nsmap: dict, qname: str) -> str | None:
        prefix, _, local = qname.strip().rpartition(":")
        ns = nsmap.get(prefix or None)
        return f"{{{ns}}}{local}" if ns else None


_ENTITY, _IDENTIFIER, _SEGMENT = f"{{{XBRLI}}}entity", f"{{{XBRLI}}}identifier", f"{{{XBRLI}}}segment"
_PERIOD, _SCENARIO, _INSTANT = f"{{{XBRLI}}}period", f"{{{XBRLI}}}scenario", f"{{{XBRLI}}}instant"
_START, _END, _FOREVER = f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate", f"{{{XBRLI}}}forever"
_EXPLICIT, _TYPED = f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"


def _read_members(holder: etree._Element, in_segment: bool, names: _QNames, context: DraftContext) -> None:
    for member in holder:
        tag = member.tag
        if tag == _EXPLICIT:
            dimension = names.clark(member, member.get("dimension")) or member.get("dimension", "")
            value = names.clark(member, member.text) or (member.text or "").strip()
            context.explicit[dimension] = value
            context.members.append(("explicit", dimension, value, in_segment))
        elif tag == _TYPED:
            dimension = names.clark(member, member.get("dimension")) or member.get("dimension", "")
            content = next((c for c in member if isinstance(c.tag, str)), member)
            context.typed[dimension] = content
            context.members.append(("typed", dimension, content, in_segment))


def _read_context(element: etree._Element, names: _QNames) -> DraftContext:
    context = DraftContext(element.get("id", ""), None, None, ("missing",), {}, {}, [], element)
    for part in element:
        tag = part.tag
        if tag == _ENTITY:
            for child in part:
                if child.tag == _IDENTIFIER:
                    context.scheme, context.identifier = child.get("scheme"), (child.text or "").strip()
                elif child.tag == _SEGMENT:
                    context.has_segment = True
                    context.segment = [c for c in child if isinstance(c.tag, str)]
                    _read_members(child, True, names, context)
        elif tag == _PERIOD:
            dates = {child.tag: (child.text or "").strip() for child in part}
            if _INSTANT in dates:
                context.period = ("instant", dates[_INSTANT])
            elif _FOREVER in dates:
                context.period = ("forever",)
            else:
                context.period = ("duration", dates.get(_START, ""), dates.get(_END, ""))
        elif tag == _SCENARIO:
            context.has_scenario = True
            context.scenario = [c for c in part if isinstance(c.tag, str)]
            _read_members(part, False, names, context)
    return context


def _read_unit(element: etree._Element, names: _QNames) -> DraftUnit:
    def measures(path: str) -> tuple[str, ...]:
        return tuple(names.clark(m, m.text) or (m.text or "").strip() for m in element.iterfind(path))
    if element.find(f"{{{XBRLI}}}divide") is not None:
        return DraftUnit(element.get("id", ""),
                         measures(f"{{{XBRLI}}}divide/{{{XBRLI}}}unitNumerator/{{{XBRLI}}}measure"),
                         measures(f"{{{XBRLI}}}divide/{{{XBRLI}}}unitDenominator/{{{XBRLI}}}measure"), element)
    return DraftUnit(element.get("id", ""), measures(f"{{{XBRLI}}}measure"), (), element)


def _collect_resources(draft: Draft, elements, names: _QNames) -> None:
    for element in elements:
        if element.tag == _CONTEXT:
            item, store = _read_context(element, names), draft.contexts
        elif element.tag == _UNIT:
            item, store = _read_unit(element, names), draft.units
        else:
            continue
        if item.id in draft.contexts or item.id in draft.units:
            draft.duplicate_ids.append((item.id, element))
        store.setdefault(item.id, item)


def read_instance(tree: etree._ElementTree, file: str | None, uniform_namespaces: bool = False,
                  tuples: frozenset[str] | set[str] = frozenset()) -> Draft:
    """The instance's references, contexts, units and facts (``tuples``: the DTS's tuple concepts, whose
    children are facts too)."""
    root = tree.getroot()
    draft = Draft("instance", file, tree)
    draft.schema_refs = [(ref.get(f"{{{XLINK}}}href", ""), ref) for ref in root.iterfind(f"{{{LINK}}}schemaRef")]
    _collect_resources(draft, root, _QNames(root, uniform_namespaces))
    _read_facts(draft, root, root.get(XML_LANG), tuples, -1, True)
    return draft


def _read_facts(draft: Draft, holder: etree._Element, holder_lang: str | None, tuples: frozenset[str] | set[str],
                parent: int, top: bool) -> None:
    facts = draft.facts
    for element in holder:
        tag = element.tag
        if not isinstance(tag, str) or (top and tag.startswith((f"{{{XBRLI}}}", f"{{{LINK}}}"))):
            continue
        get = element.get
        if tag in tuples:
            fact = DraftFact(intern(tag), None, None, None, None, None, get(XML_LANG) or holder_lang, element, False,
                             get(XSI_NIL) in ("true", "1"))
            fact.is_tuple = True
            fact.parent = parent
            facts.append(fact)
            _read_facts(draft, element, get(XML_LANG) or holder_lang, tuples, len(facts) - 1, False)
            continue
        nil = get(XSI_NIL) in ("true", "1")
        unit_ref = get("unitRef")
        # (lxml returns a new string on every access: interning the few distinct names, references
        # and decimals keeps 100,000 facts from holding 100,000 copies of each)
        fact = DraftFact(intern(tag), _intern(get("contextRef")), _intern(unit_ref), _intern(get("decimals")),
                         get("precision"), None if nil else (element.text or ""), get(XML_LANG) or holder_lang,
                         element, unit_ref is not None, nil)
        if parent >= 0:
            fact.parent = parent
        facts.append(fact)


def _lang(element: etree._Element) -> str | None:
    while element is not None:
        lang = element.get(XML_LANG)
        if lang is not None:
            return lang
        element = element.getparent()
    return None


def _text_excluding(element: etree._Element) -> str:
    """The text of an ix:nonNumeric or continuation, without ix:exclude content (nested tags' text kept)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != _EXCLUDE and isinstance(child.tag, str):
            parts.append(_text_excluding(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_inline(tree: etree._ElementTree, file: str | None, uniform_namespaces: bool = False) -> Draft:
    root = tree.getroot()
    names = _QNames(root, uniform_namespaces)
    draft = Draft("inline", file, tree)
    draft.headers = list(root.iter(f"{{{IX}}}header"))
    for header in draft.headers:
        for ref in header.iter(f"{{{LINK}}}schemaRef"):
            draft.schema_refs.append((ref.get(f"{{{XLINK}}}href", ""), ref))
        for resources in header.iterfind(f"{{{IX}}}resources"):
            _collect_resources(draft, resources, names)
    elements = list(root.iter(_NON_FRACTION, _NON_NUMERIC, _CONTINUATION))  # one walk, document order
    for element in elements:
        if element.tag != _NON_FRACTION:
            if element.tag == _CONTINUATION and element.get("id"):
                draft.continuations.setdefault(element.get("id"), element)
            if element.get("continuedAt"):
                draft.continued_at.setdefault(element.get("continuedAt"), []).append(element)
    facts = draft.facts
    for element in elements:
        tag = element.tag
        if tag == _CONTINUATION:
            continue
        get = element.get
        numeric = tag == _NON_FRACTION
        nil = get(XSI_NIL) in ("true", "1")
        name = get("name")
        fact = DraftFact(intern(names.clark(element, name) or name or ""), _intern(get("contextRef")),
                         _intern(get("unitRef")), _intern(get("decimals")), get("precision"), None,
                         None if numeric else _lang(element), element, numeric, nil)
        if not nil:
            if not numeric and get("continuedAt"):
                text = _continued_text(element, draft)
            elif len(element) == 0:
                text = element.text or ""
            else:
                text = "".join(element.itertext()) if numeric else _text_excluding(element)
            fact.value = _apply_format(element, text, fact, draft, numeric, names)
        facts.append(fact)
    return draft


def _continued_text(element: etree._Element, draft: Draft) -> str:
    text = _text_excluding(element)
    seen: set[str] = set()
    next_id = element.get("continuedAt")
    while next_id:
        if next_id in seen:
            draft.messages.append(error("ix:continuationCycle", f"the continuation chain loops back to {next_id!r}",
                                        **draft.where(element, element.get("name"))))
            break
        seen.add(next_id)
        part = draft.continuations.get(next_id)
        if part is None:
            draft.messages.append(error("ix:missingContinuation", f"continuedAt={next_id!r} names no ix:continuation",
                                        **draft.where(element, element.get("name"))))
            break
        text += _text_excluding(part)
        next_id = part.get("continuedAt")
    return text


def _apply_format(element: etree._Element, text: str, fact: DraftFact, draft: Draft, numeric: bool,
                  names: _QNames) -> str | None:
    fmt = element.get("format")
    value = text
    if fmt:
        prefix, _, local = fmt.strip().rpartition(":")
        namespace = names.namespace(element, prefix)
        try:
            value = transform(namespace or "", local, text)
        except KeyError:
            draft.messages.append(error("ix:unknownFormat", f"format {fmt!r} is not a Transformation Registry (1 to 5, or the SEC's) "
                                        f"format (namespace {namespace or 'undeclared'})", **fact.where(), file=draft.file))
            return None
        except FormatNotChecked:
            draft.messages.append(warning("ix:formatNotChecked", f"format {fmt} is one of the SEC's formats, which "
                                          "this validator does not check; the value was not checked", **fact.where(), file=draft.file))
            return None
        except TransformError as exc:
            draft.messages.append(error("ix:invalidTransformValue", f"{fmt}: {exc}", **fact.where(), file=draft.file))
            return None
    if not numeric:
        return value
    value = value.strip()
    number = bounded_decimal(value) if _DECIMAL.fullmatch(value) else None
    if number is None:
        too_long = _DECIMAL.fullmatch(value) is not None
        draft.messages.append(error("ix:invalidNumber", (f"{len(value)} digits is more than this validator reads "
                                    f"({MAX_DIGITS})" if too_long else f"{text.strip()[:80]!r} is not a number (an "
                                    "ix:nonFraction without a format must hold digits, an optional '.' and nothing "
                                    "else; give a format such as ixt:num-dot-decimal)"), **fact.where(),
                                    file=draft.file))
        return None
    scale = element.get("scale")
    if scale:
        try:
            places = int(scale.strip())
        except ValueError:
            places = None
        if places is None or abs(places) > MAX_SCALE:
            draft.messages.append(error("ix:invalidScale", f"scale={scale[:40]!r} is not an integer between "
                                        f"-{MAX_SCALE} and {MAX_SCALE}", **fact.where(), file=draft.file))
            return None
        number = number.scaleb(places, context=EXACT)
    if element.get("sign") == "-":
        number = -number
    return plain(number)


def read_draft(tree: etree._ElementTree, file: str | None = None, *, uniform_namespaces: bool = False,
               tuples: frozenset[str] | set[str] = frozenset()) -> Draft | None:
    """The draft in ``tree``, or None if it is neither kind.

    ``uniform_namespaces``: the caller knows every namespace is declared on the root element (a
    faster path for QName values); ``validate_bytes`` checks that on the bytes.
    """
    kind = detect_kind(tree.getroot())
    if kind == "instance":
        return read_instance(tree, file, uniform_namespaces, tuples)
    if kind == "inline":
        return read_inline(tree, file, uniform_namespaces)
    return None
