"""Input: reading what people and other systems give us into validated models.

Owns the file formats: YAML and JSON filing documents (``documents``) and legacy spreadsheet
registers (``spreadsheet``). Every error names where it is (file, line, or sheet/row/column) and
what was expected.
"""
from exporter.sources.documents import InputError, UnreadableInput, load_filing

__all__ = ["InputError", "UnreadableInput", "load_filing"]
