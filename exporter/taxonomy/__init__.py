"""The disclosure taxonomy as the tool sees it.

Owns: where the taxonomy files live (``files``), what they declare (``concepts``: concept types,
period types, labels, dimensions), how ``http://`` schema URLs map to local files offline
(``files.resolve_url``), and the Taxonomy Package zip (``package``). The taxonomy itself is data in
``schemas/``; nothing here writes it.
"""
from exporter.taxonomy.concepts import Concept, Taxonomy, load_taxonomy
from exporter.taxonomy.files import (
    ENTRY_POINT_URL,
    NAMESPACE,
    PREFIX,
    resolve_url,
    taxonomy_dir,
)

__all__ = [
    "ENTRY_POINT_URL",
    "NAMESPACE",
    "PREFIX",
    "Concept",
    "Taxonomy",
    "load_taxonomy",
    "resolve_url",
    "taxonomy_dir",
]
