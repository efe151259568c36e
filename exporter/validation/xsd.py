"""Schema validity: the document against its XML Schemas, each failure with a line and an XPath.

An instance is checked against our taxonomy with the XBRL 2.1 and Dimensions schemas; an inline
document against the Inline XBRL 1.1 schema, and then its facts, as the XBRL items they stand for
(``build_target``), against the taxonomy (so a date that is not a date fails for both kinds).

lxml's XMLSchema gives the verdict (fast enough for 100,000 facts); only when it fails does
xmlschema explain: each failing element's enclosing fact, context or unit is validated again by
xmlschema, whose reason (with the expected type or content) becomes the message. Where xmlschema
has nothing to add (an id used twice, an element out of place), libxml2's own reason is given.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

from lxml import etree

from exporter.validation.draft import IX, LINK, XBRLI, XLINK, XSI_NIL, Draft, DraftFact
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error
from exporter.validation.schema_set import clean_libxml2_message
from exporter.validation.schemas import inline_schema, instance_schema, lxml_inline_schema, lxml_instance_schema

MAX_PER_DOCUMENT = 100
_NOT_FACTS = ("{http://www.xbrl.org/2003/instance}", "{http://www.xbrl.org/2003/linkbase}")  # a broken generator can produce one error per fact; the first ones tell


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _xmlschema_reasons(lookup: Callable[[str], object], element: etree._Element) -> list[str]:
    """xmlschema's reasons for ``element`` (a fact, context, unit or ix element) being invalid."""
    declaration = lookup(element.tag)
    if declaration is None:
        return []
    namespaces = {prefix or "": uri for prefix, uri in element.nsmap.items()}
    try:
        errors = list(declaration.iter_errors(element, namespaces=namespaces))
    except Exception:
        return []
    return [_explain(e, declaration) for e in errors]


def _explain(exc, declaration) -> str:
    reason = _one_line(exc.reason or exc.message or str(exc))
    elem = exc.elem if isinstance(exc.elem, etree._Element) else None
    if elem is None:
        return reason
    name = etree.QName(elem).localname
    name = f"{elem.prefix}:{name}" if elem.prefix else name
    text = (elem.text or "").strip()
    type_name = getattr(getattr(declaration, "type", None), "local_name", None)
    if "<class " in reason and type_name:  # elementpath's internal wording for a bad date or number
        reason = f"invalid value for {type_name}"
    if text and len(text) <= 80 and not len(elem) and text not in reason and "attribute" not in reason:
        reason = f"{reason} (value {text!r})"
    return f"{name}: {reason}"


def _locate(tree: etree._ElementTree, entry) -> etree._Element | None:
    root = tree.getroot()
    namespaces = {k: v for k, v in root.nsmap.items() if k}
    try:
        found = tree.xpath(entry.path, namespaces=namespaces) if entry.path else []
    except etree.XPathError:
        found = []
    if found and isinstance(found[0], etree._Element):
        return found[0]
    return next((e for e in root.iter() if e.sourceline == entry.line), None)


def _unit_of(element: etree._Element, root: etree._Element) -> etree._Element:
    """The element xmlschema should re-validate: the enclosing fact, context or unit (or ix element)."""
    if root.tag == f"{{{XBRLI}}}xbrl":
        while element.getparent() is not None and element.getparent() is not root:
            element = element.getparent()
        return element
    current = element
    while current is not None:
        if isinstance(current.tag, str) and current.tag.startswith((f"{{{IX}}}", f"{{{XBRLI}}}")):
            return current
        current = current.getparent()
    return element


@functools.cache
def _inline_declarations() -> dict[str, object]:
    """Inline XBRL's elements are local to model groups, not global: index them by tag."""
    schema = inline_schema()
    found: dict[str, object] = dict(schema.maps.elements)
    for name, group in schema.maps.groups.items():
        if name.startswith(f"{{{IX}}}"):
            for declaration in group.iter_elements():
                found.setdefault(declaration.name, declaration)
    return found


def _schema_messages(lxml_schema: etree.XMLSchema, diagnostician: Callable, tree: etree._ElementTree, code: str,
                     draft: Draft, describe: Callable[[etree._Element], dict]) -> list[Message]:
    if lxml_schema.validate(tree):
        return []
    messages: list[Message] = []
    explained: set[int] = set()
    for entry in lxml_schema.error_log:
        if len(messages) >= MAX_PER_DOCUMENT:
            messages.append(error(code, f"more than {MAX_PER_DOCUMENT} schema errors; the rest are not listed",
                                  file=draft.file))
            break
        element = _locate(tree, entry)
        where = describe(element) if element is not None else {"line": entry.line, "xpath": entry.path}
        if where is None:
            continue
        reasons: list[str] = []
        if element is not None:
            unit = _unit_of(element, tree.getroot())
            if id(unit) in explained:
                continue  # xmlschema already explained everything wrong with this fact, context or unit
            reasons = _xmlschema_reasons(diagnostician(), unit)
            if reasons:
                explained.add(id(unit))
        for reason in reasons or [clean_libxml2_message(entry.message)]:
            messages.append(error(code, reason, file=draft.file, **where))
    return messages


def build_target(draft: Draft, needs_check: Callable[[DraftFact], bool]) -> None:
    """The inline facts as XBRL 2.1 items under one xbrli:xbrl, for the taxonomy's schema check.

    Only values and value attributes are checked here (contexts and units are checked by the
    inline schema and the XBRL rules), so every item points at one placeholder context and unit.
    ``needs_check(fact)`` leaves out facts whose concept is not a reportable item (other messages
    name them) and values already known valid (any text for a plain string type; a number read
    by a format or the plain-number rule for a plain decimal type). Unreadable values are left
    out too: their ix: message names them.
    """
    nsmap = {k: v for k, v in draft.tree.getroot().nsmap.items() if k}
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap={**nsmap, "xbrli": XBRLI, "link": LINK, "xlink": XLINK})
    etree.SubElement(root, f"{{{LINK}}}schemaRef", {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": "x.xsd"})
    context = etree.SubElement(root, f"{{{XBRLI}}}context", id="c")
    etree.SubElement(etree.SubElement(context, f"{{{XBRLI}}}entity"), f"{{{XBRLI}}}identifier", scheme="x").text = "x"
    etree.SubElement(etree.SubElement(context, f"{{{XBRLI}}}period"), f"{{{XBRLI}}}forever")
    etree.SubElement(etree.SubElement(root, f"{{{XBRLI}}}unit", id="u"), f"{{{XBRLI}}}measure").text = "xbrli:pure"
    draft.target_offset = len(root)
    sub = etree.SubElement
    for fact in draft.facts:
        if (fact.value is None and not fact.nil) or not needs_check(fact):
            continue
        attributes = {"contextRef": "c"}
        if fact.numeric:
            attributes["unitRef"] = "u"
            for name in ("decimals", "precision"):
                if fact.element.get(name) is not None:
                    attributes[name] = fact.element.get(name)
        if fact.nil:
            attributes[XSI_NIL] = "true"
        element = sub(root, fact.concept, attributes)
        element.text = fact.value
        draft.target_facts.append(fact)
    draft.target = etree.ElementTree(root)


def _needs_check(dts: Dts) -> Callable[[DraftFact], bool]:
    def needs_check(fact: DraftFact) -> bool:
        concept = dts.concepts.get(fact.concept)
        if concept is None or not concept.item:
            return False  # not a reportable concept: the XBRL rules say so
        # any text is a valid plain string, and a number read by a format (or the plain-number rule)
        # a valid plain decimal; decimals and precision are typed by the inline schema itself; a nil
        # fact asks "nillable?"
        return fact.nil or concept.free_value != ("decimal" if fact.numeric else "string")
    return needs_check


def xsd_messages(draft: Draft, dts: Dts, schema: etree.XMLSchema | None = None, inline_schema: bool = True
                 ) -> list[Message]:
    """XML Schema messages of a draft against its DTS's compiled ``schema`` (none when it does not compile)."""
    root = draft.tree.getroot()
    if schema is None and dts.model is None:
        schema = lxml_instance_schema()
    # (schema None: the taxonomy's own messages say why its schemas cannot be used, or it is incomplete)
    diagnostician = _instance_lookup if dts.eqi else _no_lookup

    def describe_element(element: etree._Element) -> dict:
        where = {"line": element.sourceline, "xpath": draft.tree.getpath(element)}
        fact = element
        while fact.getparent() is not None and fact.getparent() is not root:
            fact = fact.getparent()
        if draft.kind == "instance" and fact.getparent() is root and not fact.tag.startswith(_NOT_FACTS):
            where["concept"] = f"{fact.prefix}:{etree.QName(fact).localname}" if fact.prefix else fact.tag
        elif element.tag in (f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"):
            where["concept"] = element.get("name")
        return where

    if draft.kind == "instance":
        if schema is None:
            return _dangling_idrefs(draft)
        return (_schema_messages(schema, diagnostician, draft.tree, "xsd:instanceInvalid", draft,
                                 describe_element) + _dangling_idrefs(draft))
    messages = _schema_messages(lxml_inline_schema(), _inline_lookup, draft.tree, "xsd:inlineInvalid", draft,
                                describe_element) if inline_schema else []
    if schema is None:
        return messages
    build_target(draft, _needs_check(dts))
    target_root = draft.target.getroot()

    def describe_fact(element: etree._Element) -> dict | None:
        while element.getparent() is not None and element.getparent() is not target_root:
            element = element.getparent()
        index = target_root.index(element) - draft.target_offset if element.getparent() is target_root else -1
        if not 0 <= index < len(draft.target_facts):
            return None  # the placeholder context or unit: not the draft's
        fact: DraftFact = draft.target_facts[index]
        return fact.where()

    return messages + _schema_messages(schema, diagnostician, draft.target, "xsd:factInvalid",
                                       draft, describe_fact)


_IDS = etree.XPath("//@id", smart_strings=False)


def _dangling_idrefs(draft: Draft) -> list[Message]:
    """xs:IDREF attributes (contextRef, unitRef) naming no id: part of XML Schema validity that
    libxml2 does not check, so it is checked here (xmlschema does check it; the engines agree)."""
    ids = set(_IDS(draft.tree))
    messages = []
    for fact in draft.facts:
        for attribute, value in (("contextRef", fact.context_ref), ("unitRef", fact.unit_ref)):
            if value is not None and value not in ids:
                messages.append(error("xsd:instanceInvalid", f"{fact.prefixed}: {attribute}={value!r} is an xs:IDREF "
                                      "but no element has that id", file=draft.file, **fact.where()))
    return messages


def _no_lookup() -> Callable[[str], object]:
    return lambda name: None


def _instance_lookup() -> Callable[[str], object]:
    return instance_schema().maps.elements.get


def _inline_lookup() -> Callable[[str], object]:
    return _inline_declarations().get


def inline_schema_messages(tree: etree._ElementTree, file: str | None) -> list[Message]:
    """One document of a set against the Inline XBRL 1.1 schema (libxml2's reasons, with lines)."""
    schema = lxml_inline_schema()
    if schema.validate(tree):
        return []
    return [error("xsd:inlineInvalid", clean_libxml2_message(entry.message), file=file, line=entry.line or None,
                  xpath=entry.path) for entry in list(schema.error_log)[:MAX_PER_DOCUMENT]]
