"""Every message code the validator emits, with its severity and what it means: the stable list.

Codes are ``layer:name``; a code never changes meaning. ``tests/test_validate.py`` checks that
every code a corpus draft produces is listed here, and the README's table is this list.
"""
from __future__ import annotations

from exporter.domain.rules import RULES, checked_by_formulas, code_of, formula_of
from exporter.validation.messages import Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CODES: dict[str, tuple[Severity, str]] = {
    # input and safe parsing
    "input:notXbrl": (E, "the file is XML but neither an XBRL instance nor an Inline XBRL document"),
    "input:archiveLimit": (E, "a zip member or the whole zip is larger, or has more members, than allowed"),
    "input:badArchive": (E, "the zip (or one member of it) cannot be read: corrupt, truncated or an unknown method"),
    "input:skipped": (INFO, "a file in a folder or zip that is not XML, or XML that is not XBRL, reported and not validated"),
    "input:tooDeep": (E, "folders nested deeper than allowed: the deeper ones are not read"),
    # the taxonomy (DTS): discovery
    "dts:notOffline": (W, "a document the DTS needs is not available offline: the result is 'not judged' (exit 3)"),
    "dts:missingDocument": (E, "a document the DTS references does not exist or cannot be read"),
    "dts:refusedLocation": (E, "a reference to a local file outside the allowed folders, or to a device, pipe or "
                               "socket: never read"),
    "dts:refusedHint": (W, "an xsi:schemaLocation hint naming a local file outside the allowed folders or a device: "
                           "never read (and --arelle does not run on the document)"),
    "xsd:duplicateDeclaration": (E, "one element declared in two schema documents"),
    "xbrl21:notASchema": (E, "a schemaRef, import or roleRef that reaches a document that is not a schema"),
    "xbrl21:notALinkbase": (E, "a linkbaseRef that reaches a document that is not a linkbase"),
    "xbrl21:redefine": (E, "xs:redefine in a taxonomy schema"),
    "xbrl21:locatorTarget": (E, "a locator that points at no element, or into a document outside the DTS"),
    "xbrl21:locatorPointer": (E, "a locator whose fragment is not a shorthand or element() pointer"),
    "xbrl21:locatorNotConcept": (E, "a locator in a label, reference, presentation, calculation or definition link "
                                    "that does not point at a concept"),
    "xlink:duplicateArc": (E, "two arcs with the same from and to labels in one extended link"),
    "xlink:missingLabel": (E, "an arc naming a label that no locator or resource of its link has"),
    # the taxonomy: XML Schema and XBRL 2.1 rules
    "xsd:schemaInvalid": (E, "the taxonomy's XML Schemas do not compile"),
    "xsd:linkbaseInvalid": (E, "a linkbase is not valid against its schemas"),
    "xsd:appinfoInvalid": (E, "appinfo content or an attribute from another namespace is not valid where the DTS "
                              "declares it"),
    "xbrl21:targetNamespace": (E, "a taxonomy schema with an empty or missing targetNamespace"),
    "xbrl21:missingPeriodType": (E, "an item declared without a (valid) xbrli:periodType"),
    "xbrl21:itemType": (E, "an item whose type does not derive from an XBRL item type"),
    "xbrl21:itemComplexContent": (E, "an item type with complex content (only fractionItemType may have it)"),
    "xbrl21:balance": (E, "a balance that is neither debit nor credit"),
    "xbrl21:balanceNotMonetary": (E, "a balance on an item that is not monetary"),
    "xbrl21:tuplePeriodType": (E, "a tuple declared with a periodType"),
    "xbrl21:tupleBalance": (E, "a tuple declared with a balance"),
    "xbrl21:tupleMixed": (E, "a tuple type with mixed content"),
    "xbrl21:tupleContent": (E, "a tuple type with simple content"),
    "xbrl21:tupleLocalElement": (E, "a tuple type declaring a local element (children must be references)"),
    "xbrl21:tupleChild": (E, "a tuple type whose child is not an item or a tuple"),
    "xbrl21:tupleAttribute": (E, "a tuple (type or fact) with an attribute in a namespace XBRL reserves"),
    "xbrl21:usedOnDuplicate": (E, "a roleType or arcroleType naming one element twice in usedOn"),
    "xbrl21:roleURI": (E, "a roleType or arcroleType without a URI"),
    "xbrl21:duplicateRoleType": (E, "one role or arcrole URI declared twice in one schema"),
    "xbrl21:roleTypesDiffer": (E, "one role or arcrole URI declared differently in two schemas"),
    "xbrl21:duplicateRef": (E, "two roleRefs (or arcroleRefs) for one URI in one linkbase or instance"),
    "xbrl21:refTarget": (E, "a roleRef or arcroleRef that does not point at a declaration of its URI"),
    "xbrl21:linkbaseRefArcrole": (E, "a linkbaseRef whose arcrole is not the linkbase arcrole"),
    "xbrl21:linkbaseRefRole": (E, "a linkbaseRef whose role names one kind of link but whose linkbase holds others"),
    "xbrl21:missingRoleRef": (E, "a role that is not standard for its element, used without a roleRef"),
    "xbrl21:roleUsedOn": (E, "a role used on an element its roleType's usedOn does not list"),
    "xbrl21:missingArcroleRef": (E, "an arcrole that is not standard for its arc, used without an arcroleRef"),
    "xbrl21:arcroleUsedOn": (E, "an arcrole used on an arc its arcroleType's usedOn does not list"),
    "xbrl21:arcSource": (E, "a standard arc from something that is not a concept"),
    "xbrl21:arcTarget": (E, "a standard arc to something of the wrong kind (a concept, label or reference)"),
    "xbrl21:summationNotNumeric": (E, "a summation-item relationship with an end that is not a numeric item"),
    "xbrl21:weight": (E, "a summation-item weight of zero (or none)"),
    "xbrl21:balanceWeight": (E, "a summation-item weight whose sign disagrees with the two balances"),
    "xbrl21:essenceAlias": (E, "an essence-alias relationship between concepts of different types, period types or "
                              "balances"),
    "xbrl21:preferredLabel": (E, "a preferredLabel role that no label of the target concept has"),
    "xbrl21:cycle": (E, "relationships forming a cycle their arcrole does not allow"),
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
    "xbrl21:numberOutOfRange": (E, "a numeric value longer (or with a larger exponent) than this validator reads"),
    "xbrl21:segmentContent": (E, "a segment or scenario holding an xbrli element, an item or a tuple"),
    "xbrl21:measurePrefix": (E, "a measure whose prefix has no namespace declared"),
    "xbrl21:xbrliMeasure": (E, "a measure of the xbrli namespace other than pure and shares"),
    "xbrl21:unitNotSimplest": (E, "a unit with one measure in both numerator and denominator"),
    "xbrl21:essenceAliasUnits": (E, "an essence fact and its alias in one context with different units"),
    "xbrl21:essenceAliasValues": (E, "an essence fact and its alias in one context with different values"),
    "xbrl21:requiresElement": (E, "a fact whose concept requires another concept that has no fact"),
    "xbrl21:footnoteLocator": (E, "a footnote locator that does not point at a fact of the instance"),
    "xbrl21:footnoteArc": (E, "a fact-footnote arc not from facts to footnotes"),
    "xbrl21:footnoteLang": (E, "a footnote without xml:lang"),
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
    "xdt:notAllSatisfied": (E, "a fact's context falls in a hypercube its concept excludes (notAll)"),
    "xdt:missingDimension": (E, "a fact's context lacks a dimension (without default) its hypercube requires"),
    # Calculations and business rules
    "calc:inconsistency": (E, "a summation-item total its items do not add up to (XBRL 2.1 calculations)"),
    "calc11:inconsistency": (E, "a summation-item total that its items do not add up to (round to nearest)"),
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
    "ix:unknownFormat": (E, "a format that is not in Transformation Registries 1 to 5 or the SEC's (under its namespace)"),
    "ix:formatNotChecked": (W, "one of the SEC's `ixt-sec` formats, which this validator does not check: the value is not checked"),
    "ix:invalidTransformValue": (E, "the displayed text is not of its format's form (e.g. an impossible date)"),
    "ix:invalidNumber": (E, "an ix:nonFraction without a format whose text is not a plain number"),
    "ix:invalidScale": (E, "a scale that is not an integer"),
}

# The eqi taxonomy's business rules (its profile): one code per rule of the domain, sums excepted
# (the calculation layer reports those).
CODES.update({code_of(rule): (E, f"stated values break the rule {formula_of(rule)}") for rule in RULES
              if checked_by_formulas(rule)})
