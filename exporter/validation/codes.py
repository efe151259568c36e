"""Every message code the validator emits, with its severity and what it means: the stable list.

Codes are ``layer:name``; a code never changes meaning. ``tests/test_validate.py`` checks that
every code a corpus draft produces is listed here, and the README's table is this list.
"""
from __future__ import annotations

from exporter.validation.messages import Severity

E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, tuple[Severity, str]] = {
    # input and safe parsing
    "input:notXbrl": (E, "the file is XML but neither an XBRL instance nor an Inline XBRL document"),
    "input:archiveLimit": (E, "a zip member or the whole zip is larger, or has more members, than allowed"),
    "input:badArchive": (E, "the zip cannot be read"),
    "xml:malformed": (E, "not well-formed XML"),
    "xml:entityDeclaration": (E, "the DOCTYPE declares entities (refused: billion laughs, external entities)"),
    "xml:externalDtd": (E, "the DOCTYPE names an external DTD (refused, never loaded)"),
    "xml:tooLarge": (E, "the document (or one text node) is larger than allowed"),
    "xml:tooDeep": (E, "elements are nested deeper than allowed"),
    "xml:tooManyElements": (E, "the document has more elements than allowed"),
    # XML Schema
    "xsd:instanceInvalid": (E, "the instance is not valid against the taxonomy and the XBRL 2.1/XDT schemas"),
    "xsd:inlineInvalid": (E, "the document is not valid against the Inline XBRL 1.1 schema"),
    "xsd:factInvalid": (E, "an inline fact's value (after its format) is not valid for its concept's type"),
    # XBRL 2.1
    "xbrl21:missingSchemaRef": (E, "no link:schemaRef"),
    "xbrl21:unresolvableSchemaRef": (E, "a schemaRef that no bundled file or given taxonomy package provides"),
    "xbrl21:duplicateId": (E, "two contexts or units share an id"),
    "xbrl21:duplicateContext": (W, "a context repeats another's entity, period and dimensions"),
    "xbrl21:duplicateUnit": (W, "a unit repeats another's measures"),
    "xbrl21:entityIdentifier": (W, "an empty entity identifier"),
    "xbrl21:invalidPeriod": (E, "a period date that is not a date"),
    "xbrl21:periodStartAfterEnd": (E, "a duration whose startDate is not before its endDate"),
    "xbrl21:missingContext": (E, "a contextRef that names no context"),
    "xbrl21:periodType": (E, "an instant concept in a duration context, or a duration concept at an instant"),
    "xbrl21:unknownConcept": (E, "a fact of a concept the taxonomy does not declare"),
    "xbrl21:notAnItem": (E, "a fact of an abstract concept, a dimension or a hypercube"),
    "xbrl21:unitOnNonNumeric": (E, "a unit on a non-numeric fact"),
    "xbrl21:decimalsOnNonNumeric": (E, "decimals or precision on a non-numeric fact"),
    "xbrl21:nilWithDecimals": (E, "decimals or precision on a nil fact"),
    "xbrl21:missingDecimals": (E, "a numeric fact without decimals or precision"),
    "xbrl21:decimalsAndPrecision": (E, "a numeric fact with both decimals and precision"),
    "xbrl21:missingUnit": (E, "a numeric fact without a unitRef, or whose unitRef names no unit"),
    "xbrl21:monetaryUnit": (E, "a monetary fact whose unit is not one ISO 4217 currency"),
    "xbrl21:sharesUnit": (E, "a shares fact whose unit is not xbrli:shares"),
    "xbrl21:inconsistentDuplicates": (E, "one fact reported twice with different values"),
    "xbrl21:unusedContext": (W, "a context no fact uses"),
    "xbrl21:unusedUnit": (W, "a unit no fact uses"),
    "utr:unitForType": (E, "a unit the Units Registry does not allow for the type (per share, pure, currency)"),
    "eqi:unitForCount": (W, "a count (decimalItemType) whose unit is not xbrli:pure, the taxonomy's convention"),
    # Dimensions 1.0
    "xdt:notADimension": (E, "xbrldi:explicitMember/typedMember names something that is not such a dimension"),
    "xdt:repeatedDimension": (E, "a context gives one dimension twice"),
    "xdt:undefinedMember": (E, "an explicit member the taxonomy does not declare"),
    "xdt:defaultMemberUsed": (E, "a context names a dimension's default member"),
    "xdt:invalidTypedMember": (E, "a typed member that does not hold the dimension's domain element"),
    "xdt:dimensionNotAllowed": (E, "a fact's context has a dimension its concept's closed hypercube lacks"),
    "xdt:invalidMember": (E, "an explicit member outside the dimension's domain"),
    "xdt:missingDimension": (E, "a fact's context lacks a dimension (without default) its hypercube requires"),
    # Calculation 1.1 and business rules
    "calc11:inconsistency": (E, "a summation-item total that its items do not add up to (round to nearest)"),
    "rules:sharesEqualRightsTimesSharesPerRight": (E, "rights x shares per right differs from the shares"),
    "rules:allotmentsAddUpToRights": (E, "the rights allotted by recipient category do not add up to the rights"),
    "rules:amountPerRightEqualsAmountPerShareTimesSharesPerRight": (
        E, "amount per share x shares per right differs from the amount per right"),
    # Inline XBRL 1.1
    "ix:missingHeader": (E, "no ix:header"),
    "ix:missingReferences": (E, "no ix:references (so no schemaRef)"),
    "ix:missingResources": (E, "facts but no ix:resources (so no contexts or units)"),
    "ix:duplicateId": (E, "an id used twice in the document"),
    "ix:nonFractionContent": (E, "an ix:nonFraction holding markup or a fact other than one nested ix:nonFraction"),
    "ix:missingContinuation": (E, "continuedAt names no ix:continuation"),
    "ix:continuationCycle": (E, "a continuation chain that loops"),
    "ix:unreferencedContinuation": (E, "an ix:continuation nothing continues into"),
    "ix:continuationReferences": (E, "an ix:continuation continued into from more than one place"),
    "ix:misplacedExclude": (E, "an ix:exclude outside ix:nonNumeric, ix:continuation or ix:footnote"),
    "ix:unknownFormat": (E, "a format that is not in Transformation Registry 4 or 5 (under its namespace)"),
    "ix:formatNotChecked": (W, "a registry format this validator does not implement: the value is not checked"),
    "ix:invalidTransformValue": (E, "the displayed text is not of its format's form (e.g. an impossible date)"),
    "ix:invalidNumber": (E, "an ix:nonFraction without a format whose text is not a plain number"),
    "ix:invalidScale": (E, "a scale that is not an integer"),
}
