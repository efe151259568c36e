"""A filing as the values it states: the one walk of the models that rules and facts read.

Each field that carries a concept (``Annotated[..., concept]``) yields statements; a nested model
is walked; a tuple annotated with an axis yields its items along that axis (recipient categories,
listings, further sections, and tranches when there is more than one issuance). Text yields one
statement per language; a quantity or amount yields its value with its status (exact, upper limit,
to be determined) and precision; a convenience translation yields a second statement on the
translation axis. ``source`` is the model path of each value, so a finding can name its fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from enum import Enum

from pydantic import BaseModel

from exporter.domain.concepts import ACKNOWLEDGED_RULES, ACKNOWLEDGEMENT_REASONS, Concept
from exporter.domain.dimensions import TRANCHE_AXIS, TRANSLATION_AXIS, Axis
from exporter.domain.kinds import token
from exporter.domain.rules import Breakdown, Finding, FixedByKind, Order, Product, Statement, Sum, Where
from exporter.models.values import LocalizedText, Money, Percent, Quantity, fmt

Path = tuple[str | int, ...]


def _concept(model: type[BaseModel], name: str) -> Concept | None:
    return next((m for m in model.model_fields[name].metadata if isinstance(m, Concept)), None)


def _axis(model: type[BaseModel], name: str) -> Axis | None:
    return next((m for m in model.model_fields[name].metadata if isinstance(m, Axis)), None)


def _where(where: Where, axis: Axis, key: str) -> Where:
    return tuple(sorted((*where, (axis.name, key))))


def _values(concept: Concept, value: object, where: Where, path: Path, currency: str) -> Iterator[Statement]:
    if isinstance(value, LocalizedText):
        for lang, text in value.items():
            yield Statement(concept, text, where, path, lang=lang)
    elif isinstance(value, Quantity):
        number = None if value.value is None else Decimal(value.value)
        yield Statement(concept, number, where, path, upper_limit=value.upper_limit)
    elif isinstance(value, Money):
        yield Statement(concept, value.value, where, path, upper_limit=value.upper_limit, decimals=value.precision,
                        currency=currency)
        if value.translation is not None:
            translated = value.translation.value
            exponent = translated.as_tuple().exponent
            yield Statement(concept, translated, _where(where, TRANSLATION_AXIS, TRANSLATION_AXIS.members[0].name),
                            (*path, "translation"), decimals=max(0, -exponent) if isinstance(exponent, int) else 0,
                            currency=value.translation.currency)
    elif isinstance(value, Percent):
        yield Statement(concept, value.value, where, path, decimals=value.precision)
    elif isinstance(value, bool):
        if value:  # a flag says something only when it is set (no payment, no cap)
            yield Statement(concept, True, where, path)
    elif isinstance(value, Enum):
        yield Statement(concept, token(str(value.value)), where, path)
    elif isinstance(value, int):
        yield Statement(concept, Decimal(value), where, path)
    elif isinstance(value, tuple):
        if value:
            yield Statement(concept, " ".join(str(v) for v in value), where, path)
    elif isinstance(value, str | date):
        yield Statement(concept, value, where, path)
    else:  # pragma: no cover - a field type the walk does not know is a programming error
        raise TypeError(f"{'.'.join(map(str, path))}: cannot state a {type(value).__name__}")


def _walk(model: BaseModel, where: Where, path: Path, currency: str) -> Iterator[Statement]:
    cls = type(model)
    currency = getattr(model, "currency", currency)
    for name in cls.model_fields:
        value = getattr(model, name)
        if value is None or value == () or name not in model.model_fields_set:
            continue  # only what the input states: no default becomes a fact
        concept = _concept(cls, name)
        if concept is not None:
            yield from _values(concept, value, where, (*path, name), currency)
        elif isinstance(value, BaseModel):
            yield from _walk(value, where, (*path, name), currency)
        elif isinstance(value, tuple) and (axis := _axis(cls, name)) is not None:
            for index, item in enumerate(value):
                if axis is TRANCHE_AXIS:
                    # A notice of one issuance states its figures for the notice as a whole.
                    item_where = where if len(value) == 1 else _where(where, axis, str(index + 1))
                else:
                    item_where = _where(where, axis, item.key)
                yield from _walk(item, item_where, (*path, name, index), currency)


def statements(model: BaseModel) -> list[Statement]:
    """Every value ``model`` (a Filing, or any part of one) states, in field order; then, for a filing
    with acknowledged disagreements, which rules each context is filed as printed against, and why."""
    return [*_walk(model, (), (), "JPY"), *_acknowledgements(model)]


def _acknowledgements(model: BaseModel) -> Iterator[Statement]:
    """One ``AcknowledgedRules`` fact (rule tokens) and its reasons per context where a rule is set aside."""
    findings: list[Finding] = list(getattr(model, "warnings", ()))
    acknowledged = getattr(model, "acknowledged", ())
    by_where: dict[Where, list[Finding]] = {}
    for finding in findings:
        by_where.setdefault(finding.result.where, []).append(finding)
    for where, found in by_where.items():
        rules = list(dict.fromkeys(finding.rule.id for finding in found))
        yield Statement(ACKNOWLEDGED_RULES, " ".join(token(rule) for rule in rules), where, ("acknowledged",))
        reasons = [(index, ack) for index, ack in enumerate(acknowledged) if ack.rule in rules]
        for lang in ("en", "ja"):
            texts = [text for _, ack in reasons if (text := ack.reason.get(lang))]
            if texts:
                source: Path = ("acknowledged", reasons[0][0], "reason")
                yield Statement(ACKNOWLEDGEMENT_REASONS, "; ".join(dict.fromkeys(texts)), where, source, lang=lang)


def dotted(path: Path) -> str:
    """A model path as input files spell it: issuances[0].allotments[1].rights."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _number(statement: Statement) -> str:
    if statement.number is None:
        return "to be determined"
    return ("not exceeding " if statement.upper_limit else "") + fmt(statement.number)


def describe(finding: Finding, name: Callable[[Statement], str] = lambda s: dotted(s.source)) -> str:
    """The finding in words, each value named by ``name`` (model paths by default)."""
    rule, result = finding.rule, finding.result
    if isinstance(rule, Order):
        earlier = finding.operands[0]
        relation = "before" if rule.strict else "on or before"
        return (f"dates out of order: {name(earlier)} ({earlier.value}) must be {relation} {name(result)} "
                f"({result.value})")
    if isinstance(rule, FixedByKind):
        return (f"a {rule.kind.value} issuance has {name(result)} of {fmt(rule.value)}, but it is "
                f"{_number(result)}")
    if finding.limit:
        parts = ", ".join(f"{name(s)} ({_number(s)})" for s in finding.operands)
        return (f"{name(result)} ({_number(result)}) and {parts} must agree on being exact or upper limits: an exact "
                f"total cannot come from upper limits, nor an upper limit from exact figures")
    expected = fmt(finding.expected) if finding.expected is not None else "?"
    if isinstance(rule, Product):
        formula = " × ".join(name(s) for s in finding.operands)
        numbers = " × ".join(fmt(s.number) for s in finding.operands if s.number is not None)
    elif isinstance(rule, Sum):
        weights = dict((c.name, w) for c, w in rule.items)
        formula = _signed(finding.operands, weights, name)
        numbers = _signed(finding.operands, weights, lambda s: fmt(s.number or 0))
    else:
        assert isinstance(rule, Breakdown)
        formula = " + ".join(name(s) for s in finding.operands)
        numbers = " + ".join(fmt(s.number or 0) for s in finding.operands)
    return f"{formula} must equal {name(result)}: {numbers} = {expected}, but {name(result)} is {_number(result)}"


def _signed(operands: tuple[Statement, ...], weights: dict[str, int], show: Callable[[Statement], str]) -> str:
    text = ""
    for statement in operands:
        sign = "-" if weights[statement.concept.name] < 0 else "+"
        text += (f" {sign} " if text else ("-" if sign == "-" else "")) + show(statement)
    return text
