"""XML Schema built-in types: which primitive each derives from, and how its values compare.

The DTS model resolves every declared type down to one of these, so that a rule can ask "is
this numeric?" or compare two values in their value space (s-equal, duplicates, essence-alias),
without an XML Schema processor. Value comparison follows XML Schema 1.0 part 2: decimals by
value, floats and doubles as IEEE values (NaN equal to nothing), booleans 1/true and 0/false,
whitespace collapsed for every type but string.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

XS = "http://www.w3.org/2001/XMLSchema"

# built-in type local name -> its base (primitive types and anySimpleType map to None)
_DERIVED = {
    "normalizedString": "string", "token": "normalizedString", "language": "token", "Name": "token",
    "NCName": "Name", "ID": "NCName", "IDREF": "NCName", "ENTITY": "NCName", "NMTOKEN": "token",
    "IDREFS": "IDREF", "ENTITIES": "ENTITY", "NMTOKENS": "NMTOKEN",
    "integer": "decimal", "nonPositiveInteger": "integer", "negativeInteger": "nonPositiveInteger",
    "long": "integer", "int": "long", "short": "int", "byte": "short", "nonNegativeInteger": "integer",
    "unsignedLong": "nonNegativeInteger", "unsignedInt": "unsignedLong", "unsignedShort": "unsignedInt",
    "unsignedByte": "unsignedShort", "positiveInteger": "nonNegativeInteger",
}
PRIMITIVES = frozenset({
    "string", "boolean", "decimal", "float", "double", "duration", "dateTime", "time", "date", "gYearMonth",
    "gYear", "gMonthDay", "gDay", "gMonth", "hexBinary", "base64Binary", "anyURI", "QName", "NOTATION",
    "anySimpleType", "anyType",
})
NUMERIC_PRIMITIVES = frozenset({"decimal", "float", "double"})
LIST_TYPES = frozenset({"IDREFS", "ENTITIES", "NMTOKENS"})


def is_builtin(clark: str) -> bool:
    if not clark.startswith(f"{{{XS}}}"):
        return False
    local = clark[len(XS) + 2:]
    return local in PRIMITIVES or local in _DERIVED


def builtin_base(clark: str) -> str | None:
    local = clark[len(XS) + 2:]
    base = _DERIVED.get(local)
    if base is not None:
        return f"{{{XS}}}{base}"
    if local in ("anySimpleType",):
        return f"{{{XS}}}anyType"
    if local in PRIMITIVES and local != "anyType":
        return f"{{{XS}}}anySimpleType"
    return None


def primitive_of(clark: str) -> str:
    """The primitive local name of a built-in type (e.g. 'decimal' for xs:int)."""
    local = clark[len(XS) + 2:] if clark.startswith(f"{{{XS}}}") else clark
    while local in _DERIVED:
        local = _DERIVED[local]
    return local


def collapse(text: str) -> str:
    return " ".join(text.split())


_TRUE, _FALSE = frozenset({"true", "1"}), frozenset({"false", "0"})


def typed_value(primitive: str, text: str) -> object:
    """A value that compares (==) as XML Schema says two values of ``primitive`` are equal.

    A value that is not in the type's lexical space compares as its collapsed text; NaN compares
    unequal to everything, itself included (an object with no equal).
    """
    if primitive == "string":
        return ("s", text)
    value = collapse(text)
    if primitive == "decimal":
        try:
            return ("n", Decimal(value)) if value and "e" not in value.lower() and value.lower() not in (
                "inf", "-inf", "+inf", "nan", "infinity", "-infinity") else ("t", value)
        except InvalidOperation:
            return ("t", value)
    if primitive in ("float", "double"):
        if value == "NaN":
            return _NaN()
        try:
            number = float({"INF": "inf", "-INF": "-inf", "+INF": "inf"}.get(value, value))
        except ValueError:
            return ("t", value)
        return ("n", number + 0.0)  # -0.0 == 0.0 already
    if primitive == "boolean":
        return ("b", True) if value in _TRUE else ("b", False) if value in _FALSE else ("t", value)
    return ("t", value)


class _NaN:
    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return 0
