"""Documents: a fact set serialized as XBRL 2.1 (``instance``), Inline XBRL 1.1 (``inline``), and the
filing's extension taxonomy where it needs one (``exporter.taxonomy.extension``).

Owns the XML: element construction with lxml, namespaces and prefixes (``xbrl``), the notice's
layout and wording in English and Japanese, and deterministic bytes. Reads only the fact set, the
domain's labels and phrases, and `exporter.notation` for how values are written.
"""

from exporter.documents.inline import MissingText, build_inline, serialize_inline
from exporter.documents.instance import build_instance, serialize

__all__ = ["MissingText", "build_inline", "build_instance", "serialize", "serialize_inline"]
