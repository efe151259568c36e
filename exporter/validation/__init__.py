"""Validation: is a draft (ours, hand-made or another tool's) a valid filing, and what is wrong.

Owns the layers, each with its own message codes: safe parsing (``safe_xml``), schema validity
(``xsd``), XBRL 2.1 and Dimensions rules (``xbrl21``), Inline XBRL structure (``inline_rules``),
and the report (``messages``). ``export`` calls ``validate_tree`` on every document it builds:
one code path for our output and for drafts.
"""
from exporter.validation.messages import Message, Report, Severity, ValidationFailed
from exporter.validation.validate import validate_bytes, validate_path, validate_tree

__all__ = ["Message", "Report", "Severity", "ValidationFailed", "validate_bytes", "validate_path", "validate_tree"]
