"""Text written into an XML tree the way a reader sees it: after the last child, or as the element's text.

A foundation helper (lxml only): the notice readers (``sources.notices``), which rebuild a notice as
XHTML, and the document builders (``documents``), which write the generated notice, both append text
this way; it lives here so neither has to import the other's stage.
"""
from __future__ import annotations

from lxml import etree


def append_text(parent: etree._Element, text: str | None) -> None:
    """Add ``text`` at the end of ``parent``'s content: after its last child (as its tail), or as its text."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
