"""Facts: the model mapped onto the taxonomy, as a neutral fact set.

Owns the one declared mapping from model fields to concepts (``mapping``), the fact set's data
types with contexts and units de-duplicated by their aspects (``factset``), and the builder that
walks a ``Filing`` through the mapping (``build``). Serializers read only the fact set.
"""
from exporter.facts.build import build_factset
from exporter.facts.factset import Context, Fact, FactSet, Unit

__all__ = ["Context", "Fact", "FactSet", "Unit", "build_factset"]
