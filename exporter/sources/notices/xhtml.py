"""Clean XHTML from HTML: the one sanitiser every reader's output passes through.

HTML (a company's page, markdown-it's output, our Word and text readers' output) becomes XHTML 1.1
elements inside one ``<div class="notice">``: only structure a reader sees is kept (paragraphs,
headings, lists, tables, emphasis, links); scripts, styles, forms, frames, objects and images are
removed (nothing is ever fetched), as are elements hidden from the reader; attributes other than
``href`` (web and mail links only), ``colspan``/``rowspan`` and our source-line marker are dropped.
Text is kept exactly: the visible text of the result is the visible text of the input.

``LINE`` marks each block with the line of the source it came from (provenance); it is removed
when the document is written.
"""
from __future__ import annotations

import re

from lxml import etree

from exporter.notation.markup import append_text
from exporter.taxonomy.namespaces import XHTML

LINE = "data-line"
BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody",
                    "tfoot", "tr", "td", "th", "blockquote", "pre", "caption", "address", "dl", "dt", "dd", "hr"})
_AS_DIV = frozenset({"section", "article", "header", "footer", "main", "nav", "aside", "figure", "figcaption",
                     "center", "form", "fieldset", "details", "summary", "body", "html", "legend", "hgroup"})
_INLINE = frozenset({"strong", "em", "b", "i", "span", "a", "sub", "sup", "br", "code", "small", "big", "abbr",
                     "cite", "dfn", "kbd", "samp", "var", "tt"})
_AS_SPAN = frozenset({"u", "s", "strike", "del", "ins", "mark", "q", "font", "label", "time", "bdi", "bdo", "nobr",
                      "button", "data", "output", "ruby", "rb", "rt", "rp", "meter", "blink", "acronym"})
_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "frame",
                      "frameset", "input", "select", "textarea", "svg", "math", "canvas", "audio", "video", "img",
                      "picture", "source", "track", "map", "area", "link", "meta", "base", "head", "title",
                      "param", "option", "datalist", "dialog", "wbr"})
_FETCHING = frozenset({"img", "picture", "source", "iframe", "object", "embed", "applet", "frame", "link", "audio",
                       "video", "track", "script", "input"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SAFE_HREF = re.compile(r"(?:https?:|mailto:|#)", re.IGNORECASE)
_PARENTS = {"li": {"ul", "ol"}, "tr": {"table", "thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
            "thead": {"table"}, "tbody": {"table"}, "tfoot": {"table"}, "caption": {"table"},
            "dt": {"dl"}, "dd": {"dl"}}


def h(tag: str) -> str:
    """The XHTML name of ``tag``."""
    return f"{{{XHTML}}}{tag}"


def text_of(element: etree._Element) -> str:
    """The element's visible text (its descendants' text and tails), as one string."""
    return "".join(text for text in element.itertext() if isinstance(text, str))


def local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


class Sanitiser:
    """Copies an HTML tree into clean XHTML, counting what it removed (``removed``: what -> how many)."""

    def __init__(self) -> None:
        self.removed: dict[str, int] = {}

    def notes(self) -> list[str]:
        return [f"removed {count} {what}" for what, count in sorted(self.removed.items())]

    def _drop(self, what: str) -> None:
        self.removed[what] = self.removed.get(what, 0) + 1

    def convert(self, root: etree._Element) -> etree._Element:
        """``root`` (an HTML element, e.g. body) as a ``div.notice`` of XHTML."""
        notice = etree.Element(h("div"), {"class": "notice"})
        self._children(root, notice, inline=False)
        return notice

    def _children(self, source: etree._Element, target: etree._Element, *, inline: bool) -> None:
        append_text(target, source.text)
        for child in source:
            if isinstance(child.tag, str):
                self._element(child, target, inline=inline)
            append_text(target, child.tail)

    def _hidden(self, element: etree._Element) -> bool:
        return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))

    def _element(self, element: etree._Element, target: etree._Element, *, inline: bool) -> None:
        name = local(element)
        if name in _DROPPED:
            self._drop("images (not fetched)" if name in ("img", "picture") else
                       "scripts" if name == "script" else "embedded or fetching elements" if name in _FETCHING
                       else f"<{name}> elements")
            return
        if self._hidden(element):
            self._drop("hidden elements")
            return
        if name in _AS_DIV:
            name = "div"
        elif name in _AS_SPAN or (name not in BLOCKS and name not in _INLINE):
            name = "span"
        if name in BLOCKS:
            parents = _PARENTS.get(name)
            if inline or (parents and local(target) not in parents):
                name = "div" if not inline else "span"
        if inline and name in BLOCKS:
            name = "span"
        if name == "hr" or name == "br":
            made = etree.SubElement(target, h(name))
            return
        made = etree.SubElement(target, h(name))
        if name == "a":
            href = (element.get("href") or "").strip()
            if _SAFE_HREF.match(href):
                made.set("href", href)
        if name in ("td", "th"):
            for attribute in ("colspan", "rowspan"):
                value = element.get(attribute)
                if value and value.isdigit() and 0 < int(value) < 1000:
                    made.set(attribute, value)
        line = element.get(LINE) or (str(element.sourceline) if element.sourceline else None)
        if name in BLOCKS and line:
            made.set(LINE, line)
        self._children(element, made, inline=inline or name in _INLINE or name == "span")
        if name in ("ul", "ol") and not len(made):
            made.tag = h("div")  # an empty list is not valid XHTML; it shows nothing either way
        if name in ("table", "tr", "thead", "tbody", "tfoot") and not len(made):
            made.tag = h("div")
