"""Notices as companies publish them (HTML, Word, Markdown, text): read, understood, located.

``read`` turns a notice file into clean XHTML (``xhtml`` sanitises, ``docx`` reads Word packages
through ``archive``'s bounded zip reading), refusing hostile input with a ``NoticeError``.
``lines`` gives its text as lines traced back to the XHTML; ``tokens`` finds the figures and dates
it prints; ``structure`` its layout (header, lead, items, tranches); ``wording`` what the notice is
about; ``classify`` and ``allot`` say what each value is, ``texts`` reads the facts that are words;
``extract`` assembles the draft filing with each value's spots (``spots``); ``draft`` makes it a
valid Filing and writes it as reviewable YAML; ``locate`` finds given data's facts in it.
"""
from exporter.sources.notices.errors import NoticeError
from exporter.sources.notices.extract import Extraction, extract
from exporter.sources.notices.read import Notice, read_notice

__all__ = ["Extraction", "Notice", "NoticeError", "extract", "read_notice"]
