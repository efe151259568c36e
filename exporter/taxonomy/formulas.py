"""The domain's rules as XBRL Formula 1.0 value assertions, so that any processor that runs formulas
(Arelle does with ``--formula run``) applies the same arithmetic the models enforce and our
validator's business rules check. Generated from ``exporter.domain.rules``; sums are left to the
calculation linkbase.

Each fact variable covers its concept and unit; every other aspect (entity, period, dimensions not
filtered) must match across the variables (implicit filtering), so a rule applies within one issuer,
one date and one set of dimensions. Products compare to the result's stated precision (Calculation
1.1's rounding); breakdowns sum the members below the axis's domain; orders compare dates.
"""

from __future__ import annotations

from lxml import etree

from exporter.domain.concepts import ACKNOWLEDGED_RULES, Concept, upper_limit_of
from exporter.domain.dimensions import TABLES, TRANCHE_AXIS, Axis
from exporter.domain.kinds import token
from exporter.domain.rules import RULES, Breakdown, FixedByKind, Order, Product, Rule, checked_by_formulas
from exporter.taxonomy.files import NAMESPACE, PREFIX
from exporter.taxonomy.linkbase import DIM, XML_NS, XSI, q, sub
from exporter.taxonomy.namespaces import LINK, XLINK

GEN = "http://xbrl.org/2008/generic"
VARIABLE = "http://xbrl.org/2008/variable"
VA = "http://xbrl.org/2008/assertion/value"
CF = "http://xbrl.org/2008/filter/concept"
DF = "http://xbrl.org/2008/filter/dimension"
ACF = "http://xbrl.org/2010/filter/aspect-cover"
MSG = "http://xbrl.org/2010/message"
SCHEMAS = {
    GEN: "http://www.xbrl.org/2008/generic-link.xsd",
    VARIABLE: "http://www.xbrl.org/2008/variable.xsd",
    VA: "http://www.xbrl.org/2008/value-assertion.xsd",
    CF: "http://www.xbrl.org/2008/concept-filter.xsd",
    DF: "http://www.xbrl.org/2008/dimension-filter.xsd",
    ACF: "http://www.xbrl.org/2010/aspect-cover-filter.xsd",
    MSG: "http://www.xbrl.org/2010/generic-message.xsd",
}
ARCROLES = {
    "variable-set": ("http://xbrl.org/arcrole/2008/variable-set", SCHEMAS[VARIABLE]),
    "variable-filter": ("http://xbrl.org/arcrole/2008/variable-filter", SCHEMAS[VARIABLE]),
    "assertion-unsatisfied-message": ("http://xbrl.org/arcrole/2010/assertion-unsatisfied-message",
                                      "http://www.xbrl.org/2010/validation-message.xsd"),
}


def _tolerance(variable: str) -> str:
    """Half a unit of the last stated digit of ``$variable`` (0 for exact values), as XPath."""
    decimals = f"xfi:decimals(${variable})"
    return f"(if (string({decimals}) eq 'INF') then 0 else 0.5 * number(concat('1E', string(-{decimals}))))"


def _concepts(concept: Concept) -> tuple[Concept, ...]:
    return (concept, upper_limit_of(concept)) if concept.upper_limit else (concept,)


def _role_of(axis: Axis, concept: Concept) -> str:
    from exporter.taxonomy.generate import role_uri

    return role_uri(next(t for t in TABLES if concept.scope in t.scopes and axis in t.axes))


class _Writer:
    def __init__(self, link: etree._Element):
        self.link = link

    def arc(self, tag: str, arcrole: str, source: str, target: str, **extra: str) -> None:
        sub(self.link, tag, {q(XLINK, "type"): "arc", q(XLINK, "arcrole"): ARCROLES[arcrole][0],
                             q(XLINK, "from"): source, q(XLINK, "to"): target, **extra})

    def filter_arc(self, variable: str, target: str) -> None:
        self.arc(q(VARIABLE, "variableFilterArc"), "variable-filter", variable, target, complement="false", cover="true")

    def variable(self, assertion: str, name: str, concepts: tuple[Concept, ...], *, sequence: bool = False,
                 below: tuple[Axis, str] | None = None, default_of: Axis | None = None, nils: bool = False,
                 fallback: str | None = None) -> None:
        label = f"{assertion}_{name}"
        attributes = {q(XLINK, "type"): "resource", q(XLINK, "label"): label, "bindAsSequence": str(sequence).lower()}
        if nils:
            attributes["nils"] = "true"
        if fallback is not None:
            attributes["fallbackValue"] = fallback
        sub(self.link, q(VARIABLE, "factVariable"), attributes)
        self.arc(q(VARIABLE, "variableArc"), "variable-set", assertion, label, name=name)
        concept_filter = sub(self.link, q(CF, "conceptName"), {q(XLINK, "type"): "resource",
                                                               q(XLINK, "label"): f"{label}_concept"})
        for concept in concepts:
            sub(sub(concept_filter, q(CF, "concept")), q(CF, "qname"), text=f"{PREFIX}:{concept.name}")
        self.filter_arc(label, f"{label}_concept")
        unit_cover = sub(self.link, q(ACF, "aspectCover"), {q(XLINK, "type"): "resource",
                                                            q(XLINK, "label"): f"{label}_unit"})
        sub(unit_cover, q(ACF, "aspect"), text="unit")
        self.filter_arc(label, f"{label}_unit")
        if below is not None:  # members below the axis's domain, in the ELR where the concept uses the axis
            axis, role = below
            assert axis.domain is not None
            self.dimension_filter(label, "members", axis, axis.domain.name, role=role, descendants=True)
        if default_of is not None:  # the axis's default: the whole, not one of its members
            assert default_of.domain is not None
            self.dimension_filter(label, "whole", default_of, default_of.domain.name)

    def dimension_filter(self, label: str, suffix: str, axis: Axis, member: str, *, role: str | None = None,
                         descendants: bool = False) -> None:
        dimension = sub(self.link, q(DF, "explicitDimension"), {q(XLINK, "type"): "resource",
                                                                q(XLINK, "label"): f"{label}_{suffix}"})
        sub(sub(dimension, q(DF, "dimension")), q(DF, "qname"), text=f"{PREFIX}:{axis.name}")
        spec = sub(dimension, q(DF, "member"))
        sub(spec, q(DF, "qname"), text=f"{PREFIX}:{member}")
        if descendants:
            sub(spec, q(DF, "linkrole"), text=role)
            sub(spec, q(DF, "arcrole"), text=DIM + "domain-member")
            sub(spec, q(DF, "axis"), text="descendant")
        self.filter_arc(label, f"{label}_{suffix}")

    def assertion(self, rule: Rule, test: str, message: str) -> str:
        """The assertion, set aside in a context whose AcknowledgedRules fact names the rule (filed as printed)."""
        name = token(rule.id)
        acknowledged = f"(some $rule in tokenize($acknowledged, ' ') satisfies $rule eq '{name}')"
        sub(self.link, q(VA, "valueAssertion"), {q(XLINK, "type"): "resource", q(XLINK, "label"): name,
                                                 "id": f"{PREFIX}_{name}", "aspectModel": "dimensional",
                                                 "implicitFiltering": "true", "test": f"{acknowledged} or ({test})"})
        sub(self.link, q(MSG, "message"), {q(XLINK, "type"): "resource", q(XLINK, "label"): f"{name}_message",
                                           q(XLINK, "role"): "http://www.xbrl.org/2010/role/message",
                                           q(XML_NS, "lang"): "en"}, message)
        self.arc(q(GEN, "arc"), "assertion-unsatisfied-message", name, f"{name}_message")
        self.variable(name, "acknowledged", (ACKNOWLEDGED_RULES,), fallback="''")
        return name


def _write(writer: _Writer, rule: Rule) -> None:
    if isinstance(rule, Product):
        names = [f"f{index}" for index in range(1, len(rule.factors) + 1)]
        product = " * ".join(f"${n}" for n in names)
        words = " × ".join(f"{{${n}}}" for n in names)
        assertion = writer.assertion(rule, f"abs({product} - $result) le {_tolerance('result')}",
                                     f"{' × '.join(f.label.en for f in rule.factors)} ({words}) must equal "
                                     f"{rule.result.label.en} ({{$result}}).")
        for name, factor in zip(names, rule.factors, strict=True):
            writer.variable(assertion, name, _concepts(factor))
        writer.variable(assertion, "result", _concepts(rule.result))
    elif isinstance(rule, Breakdown):
        # A part to be determined (nil) leaves the sum unknown: nothing to check, as in the models.
        slack = f"(count($parts) + 1) * {_tolerance('total')}"
        assertion = writer.assertion(rule, f"(some $part in $parts satisfies nilled($part)) or "
                                           f"abs(sum($parts) - $total) le {slack}",
                                     f"{rule.part.label.en} by {rule.axis.label.en.lower()} ({{sum($parts)}} in "
                                     f"all) must add up to {rule.total.label.en} ({{$total}}).")
        writer.variable(assertion, "total", _concepts(rule.total),
                        default_of=rule.axis if rule.axis is TRANCHE_AXIS else None)
        writer.variable(assertion, "parts", _concepts(rule.part), sequence=True,
                        below=(rule.axis, _role_of(rule.axis, rule.part)), nils=True)
    elif isinstance(rule, Order):
        comparison = "lt" if rule.strict else "le"
        assertion = writer.assertion(rule, f"$earlier {comparison} $later",
                                     f"{rule.earlier.label.en} ({{$earlier}}) must not be after "
                                     f"{rule.later.label.en} ({{$later}}).")
        writer.variable(assertion, "earlier", (rule.earlier,))
        writer.variable(assertion, "later", (rule.later,))
    elif isinstance(rule, FixedByKind):
        assertion = writer.assertion(rule, f"$kind ne '{token(rule.kind)}' or $value eq {rule.value}",
                                     f"{rule.concept.label.en} of a {rule.kind.value} issuance must be {rule.value} "
                                     f"({{$value}}).")
        writer.variable(assertion, "kind", (rule.kind_concept,))
        writer.variable(assertion, "value", _concepts(rule.concept))


def build_formulas() -> etree._Element:
    nsmap = {"link": LINK, "xlink": XLINK, "xsi": XSI, "gen": GEN, "variable": VARIABLE, "va": VA, "cf": CF,
             "df": DF, "acf": ACF, "msg": MSG, "xfi": "http://www.xbrl.org/2008/function/instance", PREFIX: NAMESPACE}
    root = etree.Element(q(LINK, "linkbase"), nsmap=nsmap)
    locations = {LINK: "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd", **SCHEMAS}
    root.set(q(XSI, "schemaLocation"), " ".join(f"{ns} {url}" for ns, url in locations.items()))
    sub(root, q(LINK, "roleRef"), {"roleURI": "http://www.xbrl.org/2008/role/link", q(XLINK, "type"): "simple",
                                   q(XLINK, "href"): f"{SCHEMAS[GEN]}#standard-link-role"})
    sub(root, q(LINK, "roleRef"), {"roleURI": "http://www.xbrl.org/2010/role/message", q(XLINK, "type"): "simple",
                                   q(XLINK, "href"): f"{SCHEMAS[MSG]}#standard-message"})
    for name, (uri, schema) in ARCROLES.items():
        sub(root, q(LINK, "arcroleRef"), {"arcroleURI": uri, q(XLINK, "type"): "simple",
                                          q(XLINK, "href"): f"{schema}#{name}"})
    writer = _Writer(sub(root, q(GEN, "link"), {q(XLINK, "type"): "extended",
                                                q(XLINK, "role"): "http://www.xbrl.org/2008/role/link"}))
    for rule in RULES:
        if checked_by_formulas(rule):
            _write(writer, rule)
    return root
