"""XBRL Dimensions 1.0 on a draft: its contexts' members, and each fact against its concept's hypercube.

Context level (every context, used or not): the dimension attribute names a dimension of the
right kind (explicit or typed), an explicit member is a declared concept, a typed member holds the
dimension's domain element, no dimension is repeated, and no default member is written out.
Fact level (concepts in a closed hypercube, ``xbrldt:contextElement="segment"``): only the
hypercube's dimensions, explicit members from the dimension's domain, and every dimension
without a default present. Concepts in no hypercube are not dimensionally constrained.
"""
from __future__ import annotations

from exporter.validation.draft import Draft, DraftContext
from exporter.validation.dts import Dts
from exporter.validation.messages import Message, error


def _local(clark: str) -> str:
    return clark.rpartition("}")[2] or clark


def _context_messages(draft: Draft, dts: Dts, context: DraftContext) -> list[Message]:
    messages = []

    def where() -> dict:  # computed only for a message: getpath is not cheap
        return {"file": draft.file, "line": context.element.sourceline, "xpath": draft.tree.getpath(context.element)}

    seen: set[str] = set()
    for kind, dimension_name, member, _ in context.members:
        dimension = dts.dimensions.get(dimension_name)
        label = f"context {context.id!r}: {_local(dimension_name)}"
        if dimension_name in seen:
            messages.append(error("xdt:repeatedDimension", f"{label} is given more than once", **where()))
        seen.add(dimension_name)
        if dimension is None or (kind == "typed") != (dimension.typed_domain is not None):
            what = "typed" if kind == "typed" else "explicit"
            messages.append(error("xdt:notADimension", f"{label} is not an {what} dimension of the taxonomy "
                                  f"(xbrldi:{what}Member names it)", **where()))
            continue
        if kind == "typed":
            if member.tag != dimension.typed_domain:
                messages.append(error("xdt:invalidTypedMember", f"{label} must hold {_local(dimension.typed_domain)}, "
                                      f"not {_local(str(member.tag))}", **where()))
            continue
        concept = dts.concepts.get(member)
        if concept is None:
            messages.append(error("xdt:undefinedMember", f"{label} member {_local(member)} is not declared in the "
                                  "taxonomy", **where()))
        elif member == dimension.default:
            messages.append(error("xdt:defaultMemberUsed", f"{label} names {_local(member)}, the dimension's "
                                  "default; leave the dimension out instead", **where()))
    return messages


def _fact_problems(dts: Dts, concept: str, members: tuple) -> list[tuple[str, str]]:
    """Problems of a fact of ``concept`` in a context with these members; "{context}" is filled in later.

    XBRL Dimensions 1.0: the fact is valid when, for at least one role of its has-hypercube
    relationships, every ``all`` hypercube of that role is satisfied and no ``notAll`` one is. A
    hypercube is satisfied when each of its dimensions has a value in the cube's context element
    (given there, or the dimension's default) that is a usable member of its domain, and, when the
    cube is closed, that element has no other dimension. The problems of the first role are reported.
    """
    cubes = dts.xdt.cubes.get(concept, []) if dts.xdt is not None else []
    if not cubes:
        return []
    given: dict[str, dict[str, object]] = {"segment": {}, "scenario": {}}
    for kind, dimension_name, member, in_segment in members:
        dimension = dts.dimensions.get(dimension_name)
        if dimension is None or (kind == "typed") != (dimension.typed_domain is not None):
            continue  # reported for the context
        given["segment" if in_segment else "scenario"][dimension_name] = member
    roles: dict[str, list] = {}
    for cube in cubes:
        roles.setdefault(cube.role, []).append(cube)
    first: list[tuple[str, str]] | None = None
    for role_cubes in roles.values():
        problems: list[tuple[str, str]] = []
        for cube in role_cubes:
            found = _cube_problems(dts, concept, cube, given)
            if cube.positive:
                problems += found
            elif not found:
                problems.append(("xdt:notAllSatisfied", f"context {{context}} falls in hypercube "
                                 f"{_local(cube.hypercube)}, which is excluded (notAll) for {_local(concept)}"))
        if not problems:
            return []
        if first is None:
            first = problems
    return first or []


def _cube_problems(dts: Dts, concept: str, cube, given: dict[str, dict[str, object]]) -> list[tuple[str, str]]:
    where = given[cube.context_element]
    problems = []
    for dimension_name, usable in cube.dimensions.items():
        dimension = dts.dimensions.get(dimension_name)
        value = where.get(dimension_name)
        if value is None:
            if dimension is None or dimension.default is None:
                problems.append(("xdt:missingDimension", f"context {{context}} lacks {_local(dimension_name)}, which "
                                 f"{_local(concept)} requires (it has no default)"))
            continue
        if usable is not None and isinstance(value, str) and value not in usable:
            problems.append(("xdt:invalidMember", f"{_local(value)} is not a member of {_local(dimension_name)} "
                             f"for {_local(concept)} (context {{context}})"))
    if cube.closed:
        for dimension_name in where:
            if dimension_name not in cube.dimensions:
                problems.append(("xdt:dimensionNotAllowed", f"context {{context}} has dimension "
                                 f"{_local(dimension_name)}, which the hypercube of {_local(concept)} does not "
                                 f"include (in the {cube.context_element})"))
    return problems


def _signature(context: DraftContext) -> tuple:
    """What the fact-level check depends on: the members (a typed member by its element's name)."""
    return tuple((kind, dimension, member if kind == "explicit" else member.tag, in_segment)
                 for kind, dimension, member, in_segment in context.members)


_CACHE_LIMIT = 65_536


def _problems_cache(dts: Dts) -> dict[tuple[str, tuple], list[tuple[str, str]]]:
    """The fact-level problems already worked out for this DTS, by (concept, context signature).

    Kept with the DTS (and bounded), not per draft: the problems depend on nothing else, and the
    drafts of one taxonomy (a conversion's thousands of filings) repeat the same pairs.
    """
    cache = dts.__dict__.get("_fact_dimension_problems")  # (not a field: views pickled before it still load)
    if cache is None or len(cache) > _CACHE_LIMIT:
        cache = dts.__dict__["_fact_dimension_problems"] = {}
    return cache


def dimension_messages(draft: Draft, dts: Dts) -> list[Message]:
    messages: list[Message] = []
    for context in draft.contexts.values():
        if context.members:
            messages += _context_messages(draft, dts, context)
    signatures: dict[str, tuple] = {}
    cache = _problems_cache(dts)
    constrained = dts.xdt.cubes if dts.xdt is not None else dts.item_dimensions
    contexts = draft.contexts
    for fact in draft.facts:
        if fact.concept not in constrained:
            continue  # in no hypercube: not dimensionally constrained (or not an item: reported elsewhere)
        context = contexts.get(fact.context_ref)
        if context is None:
            continue
        signature = signatures.get(context.id)
        if signature is None:
            signature = signatures[context.id] = _signature(context)
        key = (fact.concept, signature)
        problems = cache.get(key)
        if problems is None:
            problems = cache[key] = _fact_problems(dts, fact.concept, signature)
        for code, text in problems:
            messages.append(error(code, f"{fact.prefixed}: " + text.replace("{context}", repr(context.id)),
                                  file=draft.file, **fact.where()))
    return messages
