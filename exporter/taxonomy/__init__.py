"""The disclosure taxonomy: its files, its generation, and the one model of any taxonomy.

Owns where the taxonomy files live and how ``http://`` schema URLs map to local files offline
(``files``), the generation of eqi and of a filing's extension taxonomy from the domain declaration
(``generate``, ``extension``, ``formulas``, ``linkbase``), the Taxonomy Package zip (``package``), and
the taxonomy model the validator discovers and reads for any filing (``dts``).
"""
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
    "resolve_url",
    "taxonomy_dir",
]
