"""Footnote links in an XBRL instance (XBRL 2.1 4.11 and the XLink rules they follow).

A footnote link's locators point at facts (items or tuples) of this same instance (an href with
no document part, or naming the instance itself); its arcs name labels the link has, never the
same from/to pair twice; a fact-footnote arc goes from locators to link:footnote resources; roles
and arcroles that are not standard need a roleRef/arcroleRef in the instance.
"""
from __future__ import annotations

import posixpath
from urllib.parse import unquote

from lxml import etree

from exporter.taxonomy.dts import xpointer
from exporter.validation.draft import Draft
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error

LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
_TYPE, _HREF, _LABEL = f"{{{XLINK}}}type", f"{{{XLINK}}}href", f"{{{XLINK}}}label"
_FROM, _TO, _ARCROLE, _ROLE = f"{{{XLINK}}}from", f"{{{XLINK}}}to", f"{{{XLINK}}}arcrole", f"{{{XLINK}}}role"
STANDARD_ROLES = {"http://www.xbrl.org/2003/role/link"}
FOOTNOTE_ROLES = {"http://www.xbrl.org/2003/role/footnote"}


def footnote_messages(draft: Draft, dts: Dts) -> list[Message]:
    root = draft.tree.getroot()
    messages: list[Message] = []

    def err(code: str, text: str, element: etree._Element) -> None:
        messages.append(error(code, text, file=draft.file, line=element.sourceline,
                              xpath=draft.tree.getpath(element)))

    roles = {(e.get("roleURI") or "").strip() for e in root.iterfind(f"{{{LINK}}}roleRef")}
    arcroles = {(e.get("arcroleURI") or "").strip() for e in root.iterfind(f"{{{LINK}}}arcroleRef")}
    fact_elements = {id(f.element) for f in draft.facts}
    facts_by_id = {f.element.get("id"): f for f in draft.facts if f.element.get("id")}
    own_name = posixpath.basename((draft.file or "").split("!/")[-1])
    for link in root.iterfind(f"{{{LINK}}}footnoteLink"):
        role = link.get(_ROLE)
        if role and role not in STANDARD_ROLES and role not in roles:
            err("xbrl21:missingRoleRef", f"footnoteLink role {role} is not standard and has no roleRef in the "
                "instance (XBRL 2.1 3.5.2.4)", link)
        kinds: dict[str, set[str]] = {}
        for child in link:
            kind = child.get(_TYPE) if isinstance(child.tag, str) else None
            label = child.get(_LABEL)
            if kind == "locator":
                href = child.get(_HREF, "")
                document, _, fragment = href.partition("#")
                if document and posixpath.basename(unquote(document)) != own_name:
                    err("xbrl21:footnoteLocator", f"footnote locator href {href!r} points outside this instance "
                        "(XBRL 2.1 4.11.1.1)", child)
                    continue
                target = None
                try:
                    target = xpointer.resolve(draft.tree, fragment) if fragment else None
                except xpointer.BadPointer as exc:
                    err("xbrl21:locatorPointer", f"footnote locator href {href!r}: {exc}", child)
                    continue
                if target is None or (id(target) not in fact_elements and target.get("id") not in facts_by_id):
                    err("xbrl21:footnoteLocator", f"footnote locator href {href!r} does not point at a fact of "
                        "this instance (XBRL 2.1 4.11.1.1)", child)
                    continue
                kinds.setdefault(label or "", set()).add("fact")
            elif kind == "resource":
                if child.tag == f"{{{LINK}}}footnote" and child.get("{http://www.w3.org/XML/1998/namespace}lang") is None:
                    err("xbrl21:footnoteLang", "a link:footnote must have an xml:lang attribute (XBRL 2.1 4.11.1.2.1)",
                        child)
                if child.tag == f"{{{LINK}}}footnote":
                    footnote_role = child.get(_ROLE)
                    if footnote_role and footnote_role not in FOOTNOTE_ROLES and footnote_role not in roles:
                        err("xbrl21:missingRoleRef", f"footnote role {footnote_role} is not standard and has no "
                            "roleRef in the instance", child)
                kinds.setdefault(label or "", set()).add("footnote" if child.tag == f"{{{LINK}}}footnote"
                                                         else "resource")
        pairs: set[tuple[str, str]] = set()
        for arc in link:
            if not isinstance(arc.tag, str) or arc.get(_TYPE) != "arc":
                continue
            source, target_label, arcrole = arc.get(_FROM, ""), arc.get(_TO, ""), arc.get(_ARCROLE, "")
            if (source, target_label) in pairs:
                err("xlink:duplicateArc", f"two arcs from {source!r} to {target_label!r} in one footnote link", arc)
            pairs.add((source, target_label))
            missing = next((n for n in (source, target_label) if n not in kinds), None)
            if missing is not None:
                err("xlink:missingLabel", f"footnote arc names {missing!r}, which no locator or footnote in this "
                    "link has (XLink 1.0)", arc)
                continue
            if arcrole == FACT_FOOTNOTE:
                if kinds[source] != {"fact"}:
                    err("xbrl21:footnoteArc", "a fact-footnote arc must go from locators to facts (XBRL 2.1 4.11.1.3)",
                        arc)
                elif kinds[target_label] != {"footnote"}:
                    err("xbrl21:footnoteArc", "a fact-footnote arc must go to link:footnote resources "
                        "(XBRL 2.1 4.11.1.3)", arc)
            elif arcrole not in arcroles:
                err("xbrl21:missingArcroleRef", f"footnote arc uses arcrole {arcrole}, which is not standard and has "
                    "no arcroleRef in the instance (XBRL 2.1 3.5.2.5)", arc)
            elif arc.tag == f"{{{LINK}}}footnoteArc" and dts.model is not None and not any(
                    arc.tag in t.used_on for t in dts.model.arcrole_types.get(arcrole, ())):
                err("xbrl21:arcroleUsedOn", f"arcrole {arcrole} is not declared for link:footnoteArc (usedOn)", arc)
    return messages
