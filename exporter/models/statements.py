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
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache

from pydantic import BaseModel

from exporter.domain.concepts import ACKNOWLEDGED_RULES, ACKNOWLEDGEMENT_REASONS, Concept
from exporter.domain.dimensions import TRANCHE_AXIS, TRANSLATION_AXIS, Axis
from exporter.domain.kinds import token
from exporter.domain.rules import Breakdown, Finding, FixedByKind, Order, Product, Statement, Sum, Where
from exporter.models.values import LocalizedText, Money, Percent, Quantity, fmt

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class _Field:
    """How the walk reads one field of a model class: its concept, or the axis its items stand on."""

    name: str
    concept: Concept | None
    axis: Axis | None


@dataclass(frozen=True)
class _Plan:
    fields: tuple[_Field, ...]
    has_currency: bool  # the model states the currency of its amounts


@cache
def _plan(model: type[BaseModel]) -> _Plan:
    """What the walk needs of a model class, read once from its fields' annotations (not per filing)."""
    fields = []
    for name, info in model.model_fields.items():
        concept = next((m for m in info.metadata if isinstance(m, Concept)), None)
        axis = next((m for m in info.metadata if isinstance(m, Axis)), None)
        fields.append(_Field(name, concept, axis))
    return _Plan(tuple(fields), "currency" in model.model_fields)


@cache
def _token(code: str) -> str:
    return token(code)


def _where(where: Where, axis: Axis, key: str) -> Where:
    return tuple(sorted((*where, (axis.name, key))))


_TRANSLATED = TRANSLATION_AXIS.members[0].name


def _values(concept: Concept, value: object, where: Where, path: Path, currency: str, out: list[Statement]) -> None:
    """Append the statements one tagged value makes."""
    if isinstance(value, LocalizedText):
        for lang, text in value.items():
            out.append(Statement(concept, text, where, path, lang=lang))
    elif isinstance(value, Quantity):
        number = None if value.value is None else Decimal(value.value)
        out.append(Statement(concept, number, where, path, upper_limit=value.upper_limit))
    elif isinstance(value, Money):
        out.append(Statement(concept, value.value, where, path, upper_limit=value.upper_limit,
                             decimals=value.precision, currency=currency))
        if value.translation is not None:
            translated = value.translation.value
            exponent = translated.as_tuple().exponent
            out.append(Statement(concept, translated, _where(where, TRANSLATION_AXIS, _TRANSLATED),
                                 (*path, "translation"), decimals=max(0, -exponent) if isinstance(exponent, int) else 0,
                                 currency=value.translation.currency))
    elif isinstance(value, Percent):
        out.append(Statement(concept, value.value, where, path, decimals=value.precision))
    elif isinstance(value, bool):
        if value:  # a flag says something only when it is set (no payment, no cap)
            out.append(Statement(concept, True, where, path))
    elif isinstance(value, Enum):
        out.append(Statement(concept, _token(str(value.value)), where, path))
    elif isinstance(value, int):
        out.append(Statement(concept, Decimal(value), where, path))
    elif isinstance(value, tuple):
        if value:
            out.append(Statement(concept, " ".join(str(v) for v in value), where, path))
    elif isinstance(value, str | date):
        out.append(Statement(concept, value, where, path))
    else:  # pragma: no cover - a field type the walk does not know is a programming error
        raise TypeError(f"{'.'.join(map(str, path))}: cannot state a {type(value).__name__}")


def _walk(model: BaseModel, where: Where, path: Path, currency: str, out: list[Statement]) -> None:
    plan = _plan(type(model))
    if plan.has_currency:
        currency = model.currency  # type: ignore[attr-defined]
    stated = model.model_fields_set
    for field in plan.fields:
        name = field.name
        if name not in stated:
            continue  # only what the input states: no default becomes a fact
        value = getattr(model, name)
        if value is None or value == ():
            continue
        if field.concept is not None:
            _values(field.concept, value, where, (*path, name), currency, out)
        elif isinstance(value, BaseModel):
            _walk(value, where, (*path, name), currency, out)
        elif isinstance(value, tuple) and (axis := field.axis) is not None:
            for index, item in enumerate(value):
                if axis is TRANCHE_AXIS:
                    # A notice of one issuance states its figures for the notice as a whole.
                    item_where = where if len(value) == 1 else _where(where, axis, str(index + 1))
                else:
                    item_where = _where(where, axis, item.key)
                _walk(item, item_where, (*path, name, index), currency, out)


def statements(model: BaseModel) -> list[Statement]:
    """Every value ``model`` (a Filing, or any part of one) states, in field order; then, for a filing
    with acknowledged disagreements, which rules each context is filed as printed against, and why."""
    found: list[Statement] = []
    _walk(model, (), (), "JPY", found)
    found.extend(_acknowledgements(model))
    return found


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
