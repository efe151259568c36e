"""The eqi taxonomy's business rules on any draft: the rules of ``exporter.domain.rules``, the same
ones the models enforce on input and the taxonomy's formula linkbase states for other processors.

A draft's facts of eqi concepts become the domain's ``Statement`` objects (an ``…UpperLimit``
sibling stands for its concept as a limit; a nil fact is a value to be determined; entity and period
are part of where a value stands, so the rules never mix issuers or dates), and the one rule engine
checks them. Sums are left to the calculation layer (the calculation linkbase states them). A
context whose ``AcknowledgedRules`` fact names a rule is filed as printed against it: that rule's
findings there are not reported. Consistent duplicate facts (a total shown again in a table) count
once. Codes are ``rules:`` and the rule's id (``exporter.domain.rules.code_of``).
"""

from __future__ import annotations

import functools
from datetime import date

from exporter.domain.concepts import ACKNOWLEDGED_RULES, BY_NAME, Concept, base_of
from exporter.domain.dimensions import AXES
from exporter.domain.kinds import token
from exporter.domain.rules import (
    RULES,
    Statement,
    Value,
    Where,
    check,
    checked_by_formulas,
    code_of,
    concepts_of,
)
from exporter.domain.values import ValueType
from exporter.models.statements import describe
from exporter.taxonomy.files import NAMESPACE
from exporter.validation.draft import Draft, DraftFact
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error
from exporter.validation.numbers import bounded_decimal

RULES_CHECKED = tuple(rule for rule in RULES if checked_by_formulas(rule))


# Only statements of these concepts can take part in a finding (the engine looks statements up by
# the rules' concepts alone), so the facts of any other concept are not turned into statements.
_RULE_CONCEPTS = frozenset({concept.name for rule in RULES_CHECKED for concept in concepts_of(rule)}
                           | {ACKNOWLEDGED_RULES.name})
_EQI = f"{{{NAMESPACE}}}"
_AXES = {f"{_EQI}{axis.name}": axis.name for axis in AXES}


@functools.lru_cache(maxsize=1024)
def _concept_of(clark: str) -> tuple[Concept, bool, ValueType, bool] | None:
    """(base concept, stated as an upper limit?, its value type, numeric?) for an eqi Clark name; None
    for any other name, and for a concept no rule reads. Computed once per name: a conversion reads the same few dozen concepts
    thousands of times."""
    if not clark.startswith(_EQI):
        return None
    declared = BY_NAME.get(clark[len(_EQI):])
    if declared is None:
        return None
    concept = base_of(declared)
    if concept.name not in _RULE_CONCEPTS:
        return None
    return concept, concept is not declared, concept.type, concept.type.numeric


def _value(fact: DraftFact, kind: ValueType, numeric: bool) -> Value | str:
    if fact.nil:
        return None
    if numeric:
        return bounded_decimal(fact.value)
    if kind is ValueType.DATE and fact.value:
        try:
            return date.fromisoformat(fact.value.strip())
        except ValueError:
            return fact.value
    return fact.value


def _decimals(fact: DraftFact) -> int | None:
    if fact.decimals is None or fact.decimals.strip() == "INF":
        return None
    try:
        return int(fact.decimals)
    except ValueError:
        return None


def _where(draft: Draft, context_ref: str | None) -> Where | None:
    """The context's dimensions (eqi axes by name, others by Clark name), with its entity and period."""
    context = draft.contexts.get(context_ref or "")
    if context is None:
        return None
    scheme, identifier, period, explicit, other = context.aspect_key
    pairs = [(_AXES.get(dimension, dimension), member) for dimension, member in explicit]
    pairs += [(_AXES.get(dimension, dimension), repr(key)) for dimension, key in other[0]]
    pairs += [("(entity)", f"{scheme} {identifier}"), ("(period)", repr(period)), ("(other)", repr(other[1:]))]
    return tuple(sorted(pairs))


def _statements(draft: Draft) -> tuple[list[Statement], dict[int, DraftFact]]:
    """The draft's eqi facts as statements, and each statement's fact (by the statement's identity:
    hashing a statement would hash its concept, labels and all)."""
    statements: list[Statement] = []
    facts: dict[int, DraftFact] = {}
    wheres: dict[str | None, Where | None] = {}  # per context: a draft has few contexts and many facts
    for fact in draft.facts:
        if fact.is_tuple:
            continue
        known = _concept_of(fact.concept)
        if known is None:
            continue
        context_ref = fact.context_ref
        if context_ref in wheres:
            where = wheres[context_ref]
        else:
            where = wheres[context_ref] = _where(draft, context_ref)
        if where is None:
            continue
        concept, upper_limit, kind, numeric = known
        value = _value(fact, kind, numeric)
        if numeric and value is None and not fact.nil:
            continue  # a number that does not read is the schema layer's to report
        statement = Statement(concept, value, where, (fact.prefixed,), upper_limit=upper_limit,
                              decimals=_decimals(fact), lang=fact.lang or None)
        statements.append(statement)
        facts[id(statement)] = fact
    return statements, facts


def _acknowledged(statements: list[Statement]) -> set[tuple[str, Where]]:
    """(rule token, where) for every rule a context is filed as printed against."""
    return {(rule, statement.where) for statement in statements if statement.concept is ACKNOWLEDGED_RULES
            and isinstance(statement.value, str) for rule in statement.value.split()}


def business_rule_messages(draft: Draft, dts: Dts) -> list[Message]:
    """One error per finding of the domain's rules (sums excepted) on the draft's eqi facts."""
    statements, facts = _statements(draft)
    acknowledged = _acknowledged(statements)
    messages = []
    for finding in check(statements, RULES_CHECKED):
        if (token(finding.rule.id), finding.result.where) in acknowledged:
            continue
        fact = facts[id(finding.result)]
        messages.append(error(code_of(finding.rule), describe(finding, _name), file=draft.file, **fact.where()))
    return messages


def _name(statement: Statement) -> str:
    return str(statement.source[0])

