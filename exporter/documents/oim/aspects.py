"""The Open Information Model form of a fact's aspects, shared by xBRL-JSON and xBRL-CSV.

OIM names every aspect a fact has: concept, entity, period, unit, language and the taxonomy's
dimensions, each written as text with namespace prefixes the report declares. The differences from
XBRL 2.1 that matter here: an instant is the end of its day (``2015-07-13`` is
``2015-07-14T00:00:00``); ``xbrli:pure`` is written as no unit at all; exact numbers
(``decimals="INF"``) have no decimals; a nil value is null; language is an aspect of text facts
only; an entity identifier is the local part of an SQName, so it may not contain whitespace.
"""
from __future__ import annotations

from datetime import date, timedelta

from exporter.documents.xbrl import fact_text, qname_text
from exporter.facts.factset import Context, ExplicitMember, Fact, FactSet, Unit
from exporter.taxonomy.files import NAMESPACE, PREFIX
from exporter.taxonomy.namespaces import ISO4217, XBRLI

ENTITY_PREFIX = "scheme"  # the prefix that names the entity identifier's scheme
_PURE = (f"{{{XBRLI}}}pure",)


class NotRepresentable(ValueError):
    """The fact set holds something the Open Information Model cannot express (nothing is written)."""

    def __init__(self, code: str, message: str, value: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.value = value


def namespaces(factset: FactSet) -> dict[str, str]:
    """Prefix -> namespace of everything a report of ``factset`` names, in a fixed order."""
    found = {"xbrli": XBRLI, "iso4217": ISO4217, PREFIX: NAMESPACE}
    if factset.extension is not None:
        found[factset.extension.prefix] = factset.extension.namespace
    schemes = sorted({context.scheme for context in factset.contexts})
    if len(schemes) > 1:
        raise NotRepresentable("oim:severalSchemes", f"the facts name entities under {len(schemes)} schemes; "
                                                     "an OIM report of this tool declares one", ", ".join(schemes))
    if schemes:
        found[ENTITY_PREFIX] = schemes[0]
    return found


def entity(context: Context) -> str:
    """The entity as an SQName (``scheme:3774``); an identifier with whitespace has no such form."""
    if not context.identifier or any(char.isspace() for char in context.identifier):
        raise NotRepresentable(
            "oim:entityIdentifier",
            f"the entity identifier {context.identifier!r} contains whitespace, which xBRL-JSON and xBRL-CSV "
            "cannot express (OIM writes it as the local part of an SQName); give the issuer a securities "
            "code, LEI or EDINET code",
            context.identifier)
    return f"{ENTITY_PREFIX}:{context.identifier}"


def instant_end(day: date) -> str:
    """An XBRL 2.1 instant date as OIM writes it: the midnight that ends the day."""
    return f"{(day + timedelta(days=1)).isoformat()}T00:00:00"


def unit(value: Unit | None) -> str | None:
    """``iso4217:JPY``, ``iso4217:JPY/xbrli:shares``; None for no unit and for ``xbrli:pure``."""
    if value is None or (value.numerators == _PURE and not value.denominators):
        return None
    text = _product(value.numerators)
    return f"{text}/{_product(value.denominators)}" if value.denominators else text


def _product(measures: tuple[str, ...]) -> str:
    names = [qname_text(measure) for measure in sorted(measures, key=qname_text)]
    return names[0] if len(names) == 1 else "(" + "*".join(names) + ")"


def concept(fact: Fact) -> str:
    return f"{PREFIX}:{fact.name}"


def dimensions(context: Context, extension_prefix: str | None) -> dict[str, str]:
    """Taxonomy-defined dimensions: explicit members as QNames, typed members as their text."""
    found = {}
    for member in context.members:
        if isinstance(member, ExplicitMember):
            prefix = extension_prefix if member.extension else PREFIX
            found[f"{PREFIX}:{member.dimension}"] = f"{prefix}:{member.member}"
        else:
            found[f"{PREFIX}:{member.dimension}"] = member.value
    return found


def decimals(fact: Fact) -> int | None:
    """Stated decimals as a number; None for exact values ("INF"), nil and non-numeric facts."""
    if fact.decimals is None or fact.decimals == "INF":
        return None
    return int(fact.decimals)


def value(fact: Fact) -> str | None:
    """The value's canonical text (a text block's as XHTML, as in the instance); None for a nil fact."""
    return None if fact.value is None else fact_text(fact)


def extension_prefix(factset: FactSet) -> str | None:
    return factset.extension.prefix if factset.extension is not None else None
