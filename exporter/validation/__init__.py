"""Validation: is a draft (ours, hand-made or another tool's) a valid filing, and what is wrong.

Owns the layers, one module each, each with its own stable message codes (``codes``): safe
parsing (``exporter.safety.xml``), reading a draft (``draft``, with Inline XBRL formats in ``transforms``),
XML Schema (``xsd``, engines in ``schemas``), XBRL 2.1 (``xbrl21``), Dimensions 1.0
(``dimensions``), Calculation 1.1 (``calc11``), the taxonomy's business rules
(``business_rules``), Inline XBRL 1.1 structure (``inline_rules``); the taxonomy as the rules see
it (``dts``), taxonomy packages (``packages``), Arelle as a second opinion (``arelle_source``) and
the report (``messages``). ``validate`` runs them on bytes, files, folders and zips; ``export``
calls ``validate_bytes`` on every document it builds: one code path for our output and for drafts.
"""
from exporter.validation.messages import Message, Report, Severity, ValidationFailed
from exporter.validation.validate import validate_bytes, validate_path, validate_tree

__all__ = ["Message", "Report", "Severity", "ValidationFailed", "validate_bytes", "validate_path", "validate_tree"]
