"""Facts: the model's statements in XBRL form, as a neutral fact set.

Owns the fact set's data types, with contexts and units de-duplicated by their aspects
(``factset``), and the builder that gives a ``Filing``'s statements their concepts, contexts,
units and decimals, and says which members the filing's extension taxonomy must declare
(``build``). Serializers read only the fact set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exporter.facts.build import build_factset
from exporter.facts.factset import Context, Fact, FactSet, Unit

if TYPE_CHECKING:
    from exporter.taxonomy.extension import Extension, ExtensionMember

__all__ = ["Context", "Extension", "ExtensionMember", "Fact", "FactSet", "Unit", "build_factset"]


def __getattr__(name: str) -> Any:
    # The extension taxonomy's types, imported on first use: a filing without one never needs them.
    if name in ("Extension", "ExtensionMember"):
        from exporter.taxonomy import extension

        return getattr(extension, name)
    raise AttributeError(f"module 'exporter.facts' has no attribute {name!r}")
