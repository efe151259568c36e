"""Read a draft (an XBRL instance or an Inline XBRL document) into one neutral shape.

Owns extraction only: schemaRefs, contexts, units and facts with their source lines and XPaths.
For Inline XBRL it also applies formats, scale and sign, follows continuations and drops
exclusions, reporting what it cannot read as ``ix:`` messages, and builds the equivalent XBRL 2.1
instance so that the same schema and XBRL checks apply to both kinds of document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

from exporter.validation.messages import Message, error
from exporter.validation.transforms import TransformError, transform

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@dataclass
class DraftContext:
    id: str
    scheme: str | None
    identifier: str | None
    period: tuple  # ("instant", "2015-07-13") / ("duration", start, end) / ("forever",) / ("missing",)
    explicit: dict[str, str]  # dimension Clark -> member Clark
    typed: dict[str, etree._Element]  # dimension Clark -> the typed member's content element
    line: int | None
    element: etree._Element

    @property
    def aspect_key(self) -> tuple:
        typed = tuple(sorted((d, etree.tostring(e, method="c14n")) for d, e in self.typed.items()))
        return (self.scheme, self.identifier, self.period, tuple(sorted(self.explicit.items())), typed)


@dataclass
class DraftUnit:
    id: str
    numerators: tuple[str, ...]
    denominators: tuple[str, ...]
    line: int | None

    @property
    def aspect_key(self) -> tuple:
        return (tuple(sorted(self.numerators)), tuple(sorted(self.denominators)))


@dataclass
class DraftFact:
    concept: str  # Clark name
    context_ref: str | None
    unit_ref: str | None
    decimals: str | None
    precision: str | None
    value: str | None  # the fact's value (after transformation for inline); None when nil
    lang: str | None
    line: int | None
    xpath: str
    element: etree._Element
    numeric: bool  # ix:nonFraction, or (instance) has a unitRef

    @property
    def prefixed(self) -> str:
        prefix = self.element.prefix if self.element.tag == self.concept else None
        return f"{prefix}:{self.concept.split('}')[1]}" if prefix else self.concept.split("}")[1]


@dataclass
class Draft:
    kind: str  # "instance" or "inline"
    file: str | None
    tree: etree._ElementTree
    schema_refs: list[str] = field(default_factory=list)
    contexts: dict[str, DraftContext] = field(default_factory=dict)
    units: dict[str, DraftUnit] = field(default_factory=dict)
    facts: list[DraftFact] = field(default_factory=list)
    duplicate_ids: list[tuple[str, int | None]] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    target: etree._ElementTree | None = None  # inline: the equivalent instance
    target_facts: list[DraftFact] = field(default_factory=list)  # inline: facts in target order
    target_offset: int = 0  # inline: index of the first fact element in the target root


def detect_kind(root: etree._Element) -> str | None:
    """'instance' for xbrli:xbrl, 'inline' for an XHTML html with ix elements, else None."""
    if root.tag == f"{{{XBRLI}}}xbrl":
        return "instance"
    if root.tag in (f"{{{XHTML}}}html", "html") and next(root.iter(f"{{{IX}}}*"), None) is not None:
        return "inline"
    return None


def _clark(element: etree._Element, qname: str | None) -> str | None:
    if not qname:
        return None
    prefix, _, local = qname.strip().rpartition(":")
    ns = element.nsmap.get(prefix or None)
    return f"{{{ns}}}{local}" if ns else None


def _read_context(element: etree._Element) -> DraftContext:
    identifier = element.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}identifier")
    explicit: dict[str, str] = {}
    typed: dict[str, etree._Element] = {}
    for container in (f"{{{XBRLI}}}entity/{{{XBRLI}}}segment", f"{{{XBRLI}}}scenario"):
        holder = element.find(container)
        if holder is None:
            continue
        for member in holder.iterfind(f"{{{XBRLDI}}}explicitMember"):
            explicit[_clark(member, member.get("dimension")) or member.get("dimension", "")] = \
                _clark(member, member.text) or (member.text or "")
        for member in holder.iterfind(f"{{{XBRLDI}}}typedMember"):
            children = list(member)
            typed[_clark(member, member.get("dimension")) or member.get("dimension", "")] = \
                children[0] if children else member
    period = element.find(f"{{{XBRLI}}}period")
    if period is None:
        value: tuple = ("missing",)
    elif period.find(f"{{{XBRLI}}}instant") is not None:
        value = ("instant", (period.findtext(f"{{{XBRLI}}}instant") or "").strip())
    elif period.find(f"{{{XBRLI}}}forever") is not None:
        value = ("forever",)
    else:
        value = ("duration", (period.findtext(f"{{{XBRLI}}}startDate") or "").strip(),
                 (period.findtext(f"{{{XBRLI}}}endDate") or "").strip())
    return DraftContext(element.get("id", ""), identifier.get("scheme") if identifier is not None else None,
                        (identifier.text or "").strip() if identifier is not None else None, value,
                        explicit, typed, element.sourceline, element)


def _read_unit(element: etree._Element) -> DraftUnit:
    def measures(path: str) -> tuple[str, ...]:
        return tuple(_clark(m, m.text) or (m.text or "") for m in element.iterfind(path))
    divide = element.find(f"{{{XBRLI}}}divide")
    if divide is not None:
        return DraftUnit(element.get("id", ""), measures(f"{{{XBRLI}}}divide/{{{XBRLI}}}unitNumerator/{{{XBRLI}}}measure"),
                         measures(f"{{{XBRLI}}}divide/{{{XBRLI}}}unitDenominator/{{{XBRLI}}}measure"), element.sourceline)
    return DraftUnit(element.get("id", ""), measures(f"{{{XBRLI}}}measure"), (), element.sourceline)


def _collect_resources(draft: Draft, parent: etree._Element) -> None:
    for element in parent.iter(f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"):
        item = _read_context(element) if element.tag.endswith("context") else _read_unit(element)
        store = draft.contexts if isinstance(item, DraftContext) else draft.units
        if item.id in store:
            draft.duplicate_ids.append((item.id, element.sourceline))
        store[item.id] = item


def read_instance(tree: etree._ElementTree, file: str | None) -> Draft:
    root = tree.getroot()
    draft = Draft("instance", file, tree)
    draft.schema_refs = [ref.get(f"{{{XLINK}}}href", "") for ref in root.iterfind(f"{{{LINK}}}schemaRef")]
    _collect_resources(draft, root)
    for element in root:
        if not isinstance(element.tag, str) or element.tag.startswith((f"{{{XBRLI}}}", f"{{{LINK}}}")):
            continue
        nil = element.get(XSI_NIL) in ("true", "1")
        draft.facts.append(DraftFact(
            concept=element.tag, context_ref=element.get("contextRef"), unit_ref=element.get("unitRef"),
            decimals=element.get("decimals"), precision=element.get("precision"),
            value=None if nil else (element.text or ""), lang=_lang(element), line=element.sourceline,
            xpath=tree.getpath(element), element=element, numeric=element.get("unitRef") is not None))
    return draft


def _lang(element: etree._Element) -> str | None:
    while element is not None:
        lang = element.get(XML_LANG)
        if lang is not None:
            return lang
        element = element.getparent()
    return None


def _text_excluding(element: etree._Element) -> str:
    """The text of an ix:nonNumeric or continuation, without ix:exclude content."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{{{IX}}}exclude":
            parts.append(child.tail or "")
            continue
        if isinstance(child.tag, str):
            parts.append(_text_excluding(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_inline(tree: etree._ElementTree, file: str | None) -> Draft:
    root = tree.getroot()
    draft = Draft("inline", file, tree)
    headers = list(root.iter(f"{{{IX}}}header"))
    for header in headers:
        for ref in header.iter(f"{{{LINK}}}schemaRef"):
            draft.schema_refs.append(ref.get(f"{{{XLINK}}}href", ""))
        for resources in header.iterfind(f"{{{IX}}}resources"):
            _collect_resources(draft, resources)
    continuations = {c.get("id"): c for c in root.iter(f"{{{IX}}}continuation")}
    for element in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"):
        numeric = element.tag == f"{{{IX}}}nonFraction"
        fact = DraftFact(
            concept=_clark(element, element.get("name")) or element.get("name", ""),
            context_ref=element.get("contextRef"), unit_ref=element.get("unitRef"),
            decimals=element.get("decimals"), precision=element.get("precision"), value=None,
            lang=_lang(element), line=element.sourceline, xpath=tree.getpath(element), element=element,
            numeric=numeric)
        if element.get(XSI_NIL) in ("true", "1"):
            draft.facts.append(fact)
            continue
        text = ("".join(element.itertext()) if numeric else _continued_text(element, continuations, draft))
        fact.value = _apply_format(element, text, fact, draft, numeric)
        draft.facts.append(fact)
    draft.target = _target_instance(draft)
    return draft


def _continued_text(element: etree._Element, continuations: dict, draft: Draft) -> str:
    text = _text_excluding(element)
    seen = set()
    next_id = element.get("continuedAt")
    while next_id:
        if next_id in seen:
            draft.messages.append(error("ix:continuationCycle", f"continuation chain loops back to {next_id!r}",
                                        file=draft.file, line=element.sourceline, xpath=draft.tree.getpath(element)))
            break
        seen.add(next_id)
        part = continuations.get(next_id)
        if part is None:
            draft.messages.append(error("ix:missingContinuation",
                                        f"continuedAt={next_id!r} names no ix:continuation",
                                        file=draft.file, line=element.sourceline, xpath=draft.tree.getpath(element)))
            break
        text += _text_excluding(part)
        next_id = part.get("continuedAt")
    return text


def _apply_format(element: etree._Element, text: str, fact: DraftFact, draft: Draft, numeric: bool) -> str | None:
    where = dict(file=draft.file, line=element.sourceline, xpath=fact.xpath, concept=fact.prefixed)
    fmt = element.get("format")
    value = text
    if fmt:
        prefix, _, local = fmt.strip().rpartition(":")
        namespace = element.nsmap.get(prefix or None)
        try:
            value = transform(namespace or "", local, text)
        except KeyError:
            draft.messages.append(error("ix:unknownFormat", f"format {fmt!r} is not a Transformation Registry 4 or 5 "
                                        f"format this validator knows", **where))
            return None
        except TransformError as exc:
            draft.messages.append(error("ix:invalidTransformValue", f"{fmt}: {exc}", **where))
            return None
    if not numeric:
        return value
    value = value.strip()
    try:
        number = Decimal(value)
    except InvalidOperation:
        draft.messages.append(error("ix:invalidNumber", f"{text.strip()!r} is not a number (give a format such as "
                                    f"ixt:num-dot-decimal)", **where))
        return None
    scale = element.get("scale", "0")
    try:
        number = number.scaleb(int(scale))
    except ValueError:
        draft.messages.append(error("ix:invalidScale", f"scale={scale!r} is not an integer", **where))
        return None
    if element.get("sign") == "-":
        number = -number
    return format(number.normalize(), "f") if number == number.to_integral() else format(number, "f")


def _target_instance(draft: Draft) -> etree._ElementTree:
    """The XBRL 2.1 instance an inline document stands for, to run the same checks on both."""
    nsmap = {k: v for k, v in draft.tree.getroot().nsmap.items() if k}
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap={**nsmap, "xbrli": XBRLI, "link": LINK, "xlink": XLINK})
    for href in draft.schema_refs:
        etree.SubElement(root, f"{{{LINK}}}schemaRef", {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": href})
    for item in list(draft.contexts.values()) + list(draft.units.values()):
        source = item.element if isinstance(item, DraftContext) else None
        if source is not None:
            root.append(_copy(source))
    for header in draft.tree.getroot().iter(f"{{{IX}}}resources"):
        for unit in header.iterfind(f"{{{XBRLI}}}unit"):
            root.append(_copy(unit))
    draft.target_offset = len(root)
    for fact in draft.facts:
        if not fact.concept.startswith("{"):
            continue  # an unresolvable prefix: reported by the XBRL rules
        element = etree.SubElement(root, fact.concept)
        for attribute in ("contextRef", "unitRef", "decimals", "precision"):
            if fact.element.get(attribute) is not None:
                element.set(attribute, fact.element.get(attribute))
        if fact.value is None:
            element.set(XSI_NIL, "true")
        else:
            element.text = fact.value
        draft.target_facts.append(fact)
    return etree.ElementTree(root)


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def read_draft(tree: etree._ElementTree, file: str | None = None) -> Draft | None:
    kind = detect_kind(tree.getroot())
    if kind == "instance":
        return read_instance(tree, file)
    if kind == "inline":
        return read_inline(tree, file)
    return None
