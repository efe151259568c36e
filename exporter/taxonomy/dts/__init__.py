"""One taxonomy model for discovery, validation and generation, for any taxonomy.

``load(resolver, entries)`` discovers the DTS of one or more entry points (an instance's
references, or a schema or linkbase) offline and returns a :class:`Loaded`: the model
(:class:`~exporter.taxonomy.dts.model.Dts`) and the parsed documents the validator checks.
Modules: ``urls`` (joining, xml:base), ``resolver`` (where bytes come from, safely),
``archives`` and ``packages`` (zips, taxonomy and report packages), ``discovery`` (the walk),
``schemas`` and ``linkbases`` (reading declarations and links), ``build`` (the model), ``model``
(the classes), ``xsd_types`` (built-in types and value comparison), ``xpointer`` (fragments),
``cache`` (the compiled cache).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from exporter.taxonomy.dts.build import build
from exporter.taxonomy.dts.discovery import Discovered, discover
from exporter.taxonomy.dts.model import Concept, Dts, Problem, Relationship, Resource, RoleType, TypeDef
from exporter.taxonomy.dts.resolver import Resolver

__all__ = ["Concept", "Dts", "Loaded", "Problem", "Relationship", "Resolver", "Resource", "RoleType", "TypeDef",
           "load"]


@dataclass
class Loaded:
    dts: Dts
    found: Discovered | None  # the parsed documents (None when the model came from the cache)


def load(resolver: Resolver, entries: Sequence[tuple[str, etree._ElementTree | None]],
         references: Sequence[tuple[int | None, str, str]] = (), hints: Sequence[tuple[str, str]] = ()) -> Loaded:
    """The DTS of ``entries`` (a schema or linkbase, with its tree or None to read it) or of an
    instance's ``references`` and ``hints`` (see ``discovery.instance_references``)."""
    found = discover(resolver, entries, references, hints)
    return Loaded(build(found), found)
