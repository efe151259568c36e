"""Documents: a fact set serialized as XBRL 2.1 (``instance``) and Inline XBRL 1.1 (``inline``).

Owns the XML: element construction with lxml, namespaces and prefixes, the human-readable
rendering of values in English and Japanese with their Transformation Registry formats
(``presentation``), and deterministic bytes. Reads only the fact set and the taxonomy's labels.
"""
from exporter.documents.inline import build_inline
from exporter.documents.instance import build_instance, serialize

__all__ = ["build_inline", "build_instance", "serialize"]
