"""The broken-draft corpus: valid exporter output, and drafts made from it by one precise mutation each.

Every case names its base document (an exporter output for one of the samples), the one change it
makes, and what the validator must say: ``expect`` is the message code that names the defect, and
``valid`` the verdict (a few mutations leave a document valid, with a warning or without). Arelle,
run offline on the same bytes, must reach the same verdict (``tests/test_validate_corpus.py``).

The cases are generated, so the corpus is reproducible; ``python tests/validation_corpus.py``
also writes them to ``tests/corpus/`` (with ``MANIFEST.json``) for people to open and read.
"""
from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exporter.export import render_filing  # noqa: E402
from exporter.sources import load_filing  # noqa: E402

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"
EQI = "http://disclosure-exporter.dev/taxonomy/eqi/2026-11-25"
TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TR5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
CORPUS = Path(__file__).resolve().parent / "corpus"

SAMPLES = {"iij": "iij-2015-07-13", "sakura": "sakura-robotics-2024-06-14"}


@cache
def base_documents() -> dict[str, bytes]:
    """The valid originals: ``iij.xbrl``, ``iij-en.html``, ``iij-ja.html``, and the same for sakura."""
    documents = {}
    for short, stem in SAMPLES.items():
        filing = load_filing(REPO / "samples" / f"{stem}.yaml")
        for lang in ("en", "ja"):
            rendered = render_filing(filing, lang)
            documents[f"{short}.xbrl"] = rendered.instance
            documents[f"{short}-{lang}.html"] = rendered.inline
    return documents


# -- finding things in a document ---------------------------------------------------------------------

def fact(root: etree._Element, concept: str, index: int = 0) -> etree._Element:
    """The ``index``-th fact of ``concept`` (a local name), instance or inline."""
    if root.tag == f"{{{XBRLI}}}xbrl":
        found = list(root.iterfind(f"{{{EQI}}}{concept}"))
    else:
        found = [e for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")
                 if e.get("name") == f"eqi:{concept}"]
    return found[index]


def shown(root: etree._Element, concept: str) -> etree._Element:
    """The first fact of ``concept`` in the body of an inline document (not in ix:hidden)."""
    return next(e for e in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")
                if e.get("name") == f"eqi:{concept}"
                and not any(a.tag == f"{{{IX}}}header" for a in e.iterancestors()))


def context(root: etree._Element, context_id: str) -> etree._Element:
    return next(e for e in root.iter(f"{{{XBRLI}}}context") if e.get("id") == context_id)


def unit(root: etree._Element, unit_id: str) -> etree._Element:
    return next(e for e in root.iter(f"{{{XBRLI}}}unit") if e.get("id") == unit_id)


def header(root: etree._Element, child: str | None = None) -> etree._Element:
    element = next(root.iter(f"{{{IX}}}header"))
    return element if child is None else element.find(f"{{{IX}}}{child}")


def remove(element: etree._Element) -> None:
    """Remove ``element``, keeping its tail text in place."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def set_text(element: etree._Element, text: str) -> None:
    for child in list(element):
        remove(child)
    element.text = text


def el(tag: str, attrib: dict | None = None, text: str | None = None, nsmap: dict | None = None) -> etree._Element:
    element = etree.Element(tag, attrib or {}, nsmap=nsmap)
    element.text = text
    return element


# -- valid variants: still valid, they exercise what the plain outputs do not ------------------------

def with_continuation(root: etree._Element) -> None:
    """Split the English payment method over an ix:continuation in a second span."""
    target = next(e for e in root.iter(f"{{{IX}}}nonNumeric")
                  if e.get("name") == "eqi:PaymentMethod" and " by offsetting" in (e.text or ""))
    text = target.text
    cut = text.index(" by offsetting")
    target.text = text[:cut]
    target.set("continuedAt", "cont1")
    paragraph = etree.SubElement(target.getparent(), f"{{{XHTML}}}span")
    continuation = etree.SubElement(paragraph, f"{{{IX}}}continuation", id="cont1")
    continuation.text = text[cut:]


def with_exclusion(root: etree._Element) -> None:
    """An ix:exclude inside a nonNumeric: a footnote marker that is not part of the value."""
    target = shown(root, "ClassOfShares")
    marker = etree.SubElement(target, f"{{{IX}}}exclude")
    marker.text = "*1"


def with_scale(root: etree._Element) -> None:
    """Show 30,200 shares as '30.2' thousand: scale 3 turns it back into 30200."""
    target = fact(root, "NumberOfSharesUnderlyingStockAcquisitionRights")
    target.text = "30.2"
    target.set("scale", "3")


def with_nested_nonfraction(root: etree._Element) -> None:
    """One number tagged twice: an ix:nonFraction inside another of the same value (allowed)."""
    outer = fact(root, "NumberOfStockAcquisitionRights")
    text = outer.text
    outer.text = None
    inner = etree.SubElement(outer, f"{{{IX}}}nonFraction", {k: v for k, v in outer.attrib.items()})
    inner.set("id", "nested1")
    inner.set("name", "eqi:NumberOfStockAcquisitionRightsUpperLimit")
    inner.text = text


def with_rounded_total(root: etree._Element) -> None:
    """AggregateIssueValue stated to the nearest 100,000 yen: consistent under Calculation 1.1."""
    target = fact(root, "AggregateIssueValue")
    target.text = "289400000"
    target.set("decimals", "-5")


@dataclass(frozen=True)
class Case:
    name: str
    base: str  # a key of base_documents()
    change: str  # what the mutation does, in one sentence
    mutate: Callable[[etree._Element], None] | None  # None: the base itself (or raw bytes)
    expect: str | None  # the message code that names the defect (a warning for valid cases), or None
    valid: bool = False
    raw: Callable[[bytes], bytes] | None = None  # a byte-level change, for documents lxml cannot build

    @property
    def file_name(self) -> str:
        return f"{self.name}{Path(self.base).suffix}"

    def build(self) -> bytes:
        data = base_documents()[self.base]
        if self.raw is not None:
            return self.raw(data)
        if self.mutate is None:
            return data
        root = etree.fromstring(data)
        self.mutate(root)
        return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def _case(name, base, change, expect, valid=False, raw=None):
    def decorator(mutate):
        CASES.append(Case(name, base, change, mutate, expect, valid, raw))
        return mutate
    return decorator


CASES: list[Case] = [
    Case(f"valid-{Path(base).stem}", base, "none: the exporter's output", None, None, valid=True)
    for base in ("iij.xbrl", "iij-en.html", "iij-ja.html", "sakura.xbrl", "sakura-en.html", "sakura-ja.html")
]
CASES += [
    Case("valid-continuation", "iij-en.html", "the payment method continues in an ix:continuation",
         with_continuation, None, valid=True),
    Case("valid-exclusion", "iij-en.html", "an ix:exclude marker inside the class of shares", with_exclusion, None,
         valid=True),
    Case("valid-tr5-formats", "iij-en.html", "the ixt prefix bound to Transformation Registry 5", None, None,
         valid=True, raw=lambda data: data.replace(TR4.encode(), TR5.encode())),
    Case("valid-scale", "iij-en.html", "30,200 shares shown as 30.2 with scale 3", with_scale, None, valid=True),
    Case("valid-rounded-total", "sakura-ja.html", "the aggregate issue value rounded to 100,000 yen (decimals -5)",
         with_rounded_total, None, valid=True),
]

# -- XBRL 2.1: contexts, units, facts ---------------------------------------------------------------


@_case("missing-context", "iij.xbrl", "the context of the directors' allotment is deleted", "xbrl21:missingContext")
def _(root):
    remove(context(root, "I20150713_Directors"))


@_case("contextref-typo", "iij-en.html", "a fact's contextRef names no context", "xbrl21:missingContext")
def _(root):
    fact(root, "SecuritiesCode").set("contextRef", "I20150731")


@_case("missing-unit", "iij.xbrl", "a fact's unitRef names no unit", "xbrl21:missingUnit")
def _(root):
    fact(root, "AmountPaidPerStockAcquisitionRight").set("unitRef", "USD")


@_case("monetary-unit-shares", "iij.xbrl", "a monetary fact uses the shares unit", "xbrl21:monetaryUnit")
def _(root):
    fact(root, "AmountPaidPerStockAcquisitionRight").set("unitRef", "shares")


@_case("monetary-unit-not-iso", "sakura.xbrl", "the currency unit's measure is not an ISO 4217 code",
       "utr:unitForType")
def _(root):
    unit(root, "JPY").find(f"{{{XBRLI}}}measure").text = "iso4217:YEN"


@_case("shares-unit-currency", "iij-en.html", "a shares fact uses the yen unit", "xbrl21:sharesUnit")
def _(root):
    fact(root, "NumberOfSharesPerStockAcquisitionRight").set("unitRef", "JPY")


@_case("per-share-unit-currency", "iij.xbrl", "a per-share amount uses plain yen, not yen per share",
       "utr:unitForType")
def _(root):
    fact(root, "AmountPaidPerShare").set("unitRef", "JPY")


@_case("count-unit-shares", "iij.xbrl", "a count of persons uses the shares unit (a convention, not a rule)",
       "eqi:unitForCount", valid=True)
def _(root):
    fact(root, "NumberOfRecipients").set("unitRef", "shares")


@_case("missing-decimals", "iij.xbrl", "a numeric fact loses its decimals attribute", "xbrl21:missingDecimals")
def _(root):
    del fact(root, "NumberOfStockAcquisitionRights").attrib["decimals"]


@_case("missing-decimals-inline", "sakura-en.html", "an ix:nonFraction loses its decimals attribute",
       "xbrl21:missingDecimals")
def _(root):
    del fact(root, "ExercisePricePerShare").attrib["decimals"]


@_case("nil-with-decimals", "iij.xbrl", "a nil numeric fact keeps its decimals attribute",
       "xbrl21:nilWithDecimals")
def _(root):
    target = fact(root, "NumberOfRecipients")
    target.set("{http://www.w3.org/2001/XMLSchema-instance}nil", "true")
    target.text = None


@_case("nested-nonfraction", "iij-en.html", "the number of rights tagged twice, one ix:nonFraction inside another",
       None, valid=True)
def _(root):
    with_nested_nonfraction(root)


@_case("decimals-and-precision", "iij.xbrl", "a numeric fact has both decimals and precision",
       "xbrl21:decimalsAndPrecision")
def _(root):
    fact(root, "NumberOfRecipients").set("precision", "INF")


@_case("decimals-on-string", "iij.xbrl", "a text fact has a decimals attribute", "xsd:instanceInvalid")
def _(root):
    fact(root, "SecuritiesCode").set("decimals", "0")


@_case("unit-on-string", "iij-en.html", "a text fact has a unitRef", "xsd:inlineInvalid")
def _(root):
    fact(root, "SecuritiesCode").set("unitRef", "pure")


@_case("bad-number", "iij.xbrl", "the number of rights is '15l' (a letter for a digit)", "xsd:instanceInvalid")
def _(root):
    fact(root, "NumberOfStockAcquisitionRights").text = "15l"


@_case("impossible-day", "iij.xbrl", "the board resolution date is 31 June", "xsd:instanceInvalid")
def _(root):
    fact(root, "BoardResolutionDate").text = "2015-06-31"


@_case("impossible-context-date", "sakura.xbrl", "a context's instant is 30 February", "xsd:instanceInvalid")
def _(root):
    context(root, "I20240614_Listing1").find(f".//{{{XBRLI}}}instant").text = "2024-02-30"


@_case("bad-boolean", "sakura.xbrl", "no-payment-required is 'yes'", "xsd:instanceInvalid")
def _(root):
    fact(root, "NoPaymentRequired").text = "yes"


@_case("bad-plan-type", "iij.xbrl", "the issuance kind is a token outside the enumeration", "xsd:instanceInvalid")
def _(root):
    fact(root, "IssuanceKind").text = "Premium"


@_case("unknown-concept", "iij.xbrl", "a fact of a concept the taxonomy does not declare",
       "xbrl21:unknownConcept")
def _(root):
    fact(root, "SecuritiesCode").tag = f"{{{EQI}}}StockCode"


@_case("abstract-concept", "iij.xbrl", "a fact of an abstract concept", "xbrl21:notAnItem")
def _(root):
    fact(root, "SecuritiesCode").tag = f"{{{EQI}}}DocumentAndEntityInformationAbstract"


@_case("period-type", "iij.xbrl", "a listing context gets a duration period for instant facts",
       "xbrl21:periodType")
def _(root):
    period = context(root, "I20150713_Listing1").find(f"{{{XBRLI}}}period")
    period.clear()
    etree.SubElement(period, f"{{{XBRLI}}}startDate").text = "2015-07-01"
    etree.SubElement(period, f"{{{XBRLI}}}endDate").text = "2015-07-13"


@_case("start-after-end", "iij.xbrl", "an extra context whose startDate is after its endDate",
       "xbrl21:periodStartAfterEnd")
def _(root):
    extra = copy.deepcopy(context(root, "I20150713"))
    extra.set("id", "D2015")
    period = extra.find(f"{{{XBRLI}}}period")
    period.clear()
    etree.SubElement(period, f"{{{XBRLI}}}startDate").text = "2015-12-31"
    etree.SubElement(period, f"{{{XBRLI}}}endDate").text = "2015-01-01"
    context(root, "I20150713").addnext(extra)


@_case("unused-context", "iij.xbrl", "a context no fact uses", "xbrl21:unusedContext", valid=True)
def _(root):
    extra = copy.deepcopy(context(root, "I20150713"))
    extra.set("id", "I20150714")
    extra.find(f".//{{{XBRLI}}}instant").text = "2015-07-14"
    context(root, "I20150713").addnext(extra)


@_case("unused-unit", "sakura-en.html", "a unit no fact uses", "xbrl21:unusedUnit", valid=True)
def _(root):
    extra = copy.deepcopy(unit(root, "JPY"))
    extra.set("id", "USD")
    extra.find(f"{{{XBRLI}}}measure").text = "iso4217:USD"
    unit(root, "JPY").addnext(extra)


@_case("duplicate-context", "iij.xbrl", "a second context with the same aspects as another, used by one fact",
       "xbrl21:duplicateContext", valid=True)
def _(root):
    extra = copy.deepcopy(context(root, "I20150713"))
    extra.set("id", "I20150713_copy")
    context(root, "I20150713").addnext(extra)
    fact(root, "SecuritiesCode").set("contextRef", "I20150713_copy")


@_case("duplicate-context-id", "iij.xbrl", "two contexts share one id", "xbrl21:duplicateId")
def _(root):
    context(root, "I20150713_ExecutiveOfficers").set("id", "I20150713_Directors")


@_case("empty-identifier", "iij.xbrl", "a context's entity identifier is empty (allowed, but suspicious)",
       "xbrl21:entityIdentifier", valid=True)
def _(root):
    context(root, "I20150713").find(f".//{{{XBRLI}}}identifier").text = ""


@_case("inconsistent-duplicates", "iij.xbrl", "the securities code is reported twice with different values",
       "xbrl21:inconsistentDuplicates")
def _(root):
    original = fact(root, "SecuritiesCode")
    twin = copy.deepcopy(original)
    twin.text = "3775"
    original.addnext(twin)


@_case("inconsistent-duplicates-inline", "sakura-ja.html", "a hidden copy of the exercise price with another value",
       "xbrl21:inconsistentDuplicates")
def _(root):
    original = fact(root, "ExercisePricePerShare")
    twin = el(f"{{{IX}}}nonFraction", {**original.attrib, "id": "twin1"}, "2316")
    del twin.attrib["format"]
    header(root, "hidden").append(twin)


@_case("consistent-duplicates", "iij.xbrl", "the securities code is reported twice with the same value", None,
       valid=True)
def _(root):
    original = fact(root, "SecuritiesCode")
    original.addnext(copy.deepcopy(original))


@_case("missing-schemaref", "iij.xbrl", "the link:schemaRef is deleted", "xbrl21:missingSchemaRef")
def _(root):
    remove(root.find(f"{{{LINK}}}schemaRef"))


@_case("unresolvable-schemaref", "iij-en.html", "the schemaRef points at a taxonomy that is not available offline "
       "(not judged: exit 3, naming the URL)", "dts:notOffline")
def _(root):
    next(root.iter(f"{{{LINK}}}schemaRef")).set(f"{{{XLINK}}}href", "http://example.com/taxonomy/other.xsd")


# -- Dimensions 1.0 -------------------------------------------------------------------------------------

def _explicit_member(root, context_id):
    return context(root, context_id).find(f".//{{{XBRLDI}}}explicitMember")


@_case("undeclared-member", "iij.xbrl", "a recipient category member the taxonomy does not declare",
       "xdt:undefinedMember")
def _(root):
    _explicit_member(root, "I20150713_Directors").text = "eqi:PresidentsMember"


@_case("member-outside-domain", "iij-ja.html", "a declared concept that is not a member of the recipient axis",
       "xdt:invalidMember")
def _(root):
    _explicit_member(root, "I20150713_Directors").text = "eqi:ListingLineItems"


@_case("default-member", "iij.xbrl", "a context names the default member of the recipient axis",
       "xdt:defaultMemberUsed")
def _(root):
    _explicit_member(root, "I20150713_Directors").text = "eqi:AllRecipientCategoriesMember"


@_case("dimension-not-in-hypercube", "iij.xbrl", "a listing context also names a recipient category",
       "xdt:dimensionNotAllowed")
def _(root):
    segment = context(root, "I20150713_Listing1").find(f".//{{{XBRLI}}}segment")
    segment.append(copy.deepcopy(_explicit_member(root, "I20150713_Directors")))


@_case("missing-typed-dimension", "sakura.xbrl", "the listing context loses its typed exchange member",
       "xdt:missingDimension")
def _(root):
    remove(context(root, "I20240614_Listing1").find(f".//{{{XBRLI}}}segment"))


@_case("undeclared-dimension", "iij.xbrl", "an explicit member of an axis the taxonomy does not declare",
       "xdt:notADimension")
def _(root):
    _explicit_member(root, "I20150713_Directors").set("dimension", "eqi:RecipientTypeAxis")


@_case("explicit-member-typed-dimension", "sakura-en.html", "the typed listing axis given an explicit member",
       "xdt:notADimension")
def _(root):
    typed = context(root, "I20240614_Listing1").find(f".//{{{XBRLDI}}}typedMember")
    explicit = el(f"{{{XBRLDI}}}explicitMember", {"dimension": "eqi:ListingAxis"}, "eqi:DirectorsMember")
    typed.addnext(explicit)
    remove(typed)


@_case("repeated-dimension", "iij.xbrl", "a context names the recipient axis twice", "xdt:repeatedDimension")
def _(root):
    member = _explicit_member(root, "I20150713_Directors")
    twin = copy.deepcopy(member)
    twin.text = "eqi:EmployeesMember"
    member.addnext(twin)


@_case("wrong-typed-member-content", "iij.xbrl", "the typed listing member holds the wrong element",
       "xdt:invalidTypedMember")
def _(root):
    typed = context(root, "I20150713_Listing1").find(f".//{{{XBRLDI}}}typedMember")
    typed[0].tag = f"{{{EQI}}}SecuritiesCode"


# -- Calculation 1.1 and the taxonomy's business rules ---------------------------------------------

@_case("calc-within-rounding", "sakura.xbrl", "the aggregate issue value is one yen more than its parts, within "
       "the rounding of three amounts stated to the yen", None, valid=True)
def _(root):
    fact(root, "AggregateIssueValue").text = "289375001"


@_case("calc-inconsistent", "sakura.xbrl", "the aggregate issue value is two yen more than its parts",
       "calc11:inconsistency")
def _(root):
    fact(root, "AggregateIssueValue").text = "289375002"


@_case("calc-inconsistent-rounded", "sakura-ja.html", "the aggregate issue value, rounded to 100,000 yen, is "
       "outside its parts' total", "calc11:inconsistency")
def _(root):
    target = fact(root, "AggregateIssueValue")
    target.text = "289500000"
    target.set("decimals", "-5")


@_case("shares-not-rights-times-per-right", "iij.xbrl", "the number of shares is not rights x shares per right",
       "rules:sharesEqualRightsTimesSharesPerRight")
def _(root):
    fact(root, "NumberOfSharesUnderlyingStockAcquisitionRights").text = "30000"


@_case("allotments-do-not-add-up", "iij-en.html", "the directors' allotment no longer adds up to the total",
       "rules:allotmentsAddUpToRights")
def _(root):
    fact(root, "NumberOfStockAcquisitionRightsAllotted").text = "90"


@_case("allotments-do-not-add-up-limits", "sakura.xbrl", "an upper-limit allotment no longer adds up",
       "rules:allotmentsAddUpToRights")
def _(root):
    fact(root, "NumberOfStockAcquisitionRightsAllottedUpperLimit").text = "801"


@_case("per-right-not-per-share-times-shares", "iij-ja.html", "the amount per share does not match the amount "
       "per right", "rules:amountPerRightEqualsAmountPerShareTimesSharesPerRight")
def _(root):
    set_text(fact(root, "AmountPaidPerShare"), "1,850")


@_case("wrong-scale", "iij-en.html", "scale 3 on the number of shares makes it 30,200,000",
       "rules:sharesEqualRightsTimesSharesPerRight")
def _(root):
    fact(root, "NumberOfSharesUnderlyingStockAcquisitionRights").set("scale", "3")


@_case("negative-allotment", "iij-en.html", "sign='-' on the executive officers' allotment",
       "rules:allotmentsAddUpToRights")
def _(root):
    fact(root, "NumberOfStockAcquisitionRightsAllotted", 1).set("sign", "-")


# -- Inline XBRL 1.1 -------------------------------------------------------------------------------------

@_case("bad-number-format", "iij-en.html", "'30,2OO' (letters for digits) under ixt:num-dot-decimal",
       "ix:invalidTransformValue")
def _(root):
    fact(root, "NumberOfSharesUnderlyingStockAcquisitionRights").text = "30,2OO"


@_case("impossible-day-inline", "iij-en.html", "'June 31, 2015' under ixt:date-monthname-day-year-en",
       "ix:invalidTransformValue")
def _(root):
    fact(root, "BoardResolutionDate").text = "June 31, 2015"


@_case("impossible-month-ja", "sakura-ja.html", "'2024年13月1日' under ixt:date-year-month-day",
       "ix:invalidTransformValue")
def _(root):
    fact(root, "AllotmentDate").text = "2024年13月1日"


@_case("unknown-format", "iij-en.html", "a format the registries do not define", "ix:unknownFormat")
def _(root):
    fact(root, "NumberOfStockAcquisitionRights").set("format", "ixt:num-dot-comma")


@_case("format-wrong-type", "iij-en.html", "a date shown with a number format", "xsd:factInvalid")
def _(root):
    target = fact(root, "AnnouncementDate")
    target.set("format", "ixt:num-dot-decimal")
    target.text = "20150713"


@_case("number-without-format", "iij-en.html", "'30,200' shown without a format", "ix:invalidNumber")
def _(root):
    del fact(root, "NumberOfSharesUnderlyingStockAcquisitionRights").attrib["format"]


@_case("bad-scale", "iij-en.html", "scale='three'", "xsd:inlineInvalid")
def _(root):
    fact(root, "NumberOfStockAcquisitionRights").set("scale", "three")


@_case("bad-sign", "iij-en.html", "sign='+'", "xsd:inlineInvalid")
def _(root):
    fact(root, "NumberOfStockAcquisitionRights").set("sign", "+")


@_case("broken-continuation", "iij-en.html", "continuedAt names an ix:continuation that is not there",
       "ix:missingContinuation")
def _(root):
    with_continuation(root)
    next(root.iter(f"{{{IX}}}continuation")).set("id", "cont2")


@_case("continuation-cycle", "iij-en.html", "a continuation continues at itself", "ix:continuationCycle")
def _(root):
    with_continuation(root)
    next(root.iter(f"{{{IX}}}continuation")).set("continuedAt", "cont1")


@_case("orphan-continuation", "iij-en.html", "an ix:continuation no fact continues into",
       "ix:unreferencedContinuation")
def _(root):
    with_continuation(root)
    next(e for e in root.iter(f"{{{IX}}}nonNumeric") if e.get("continuedAt")).attrib.pop("continuedAt")


@_case("exclude-outside-fact", "iij-en.html", "an ix:exclude in plain text, outside any fact", "ix:misplacedExclude")
def _(root):
    paragraph = shown(root, "ClassOfShares").getparent()
    etree.SubElement(paragraph, f"{{{IX}}}exclude").text = "*"


@_case("nested-fact-wrong-kind", "iij-en.html", "an ix:nonNumeric inside an ix:nonFraction",
       "ix:nonFractionContent")
def _(root):
    outer = fact(root, "NumberOfStockAcquisitionRights")
    inner = el(f"{{{IX}}}nonNumeric", {"name": "eqi:SecuritiesCode", "contextRef": "I20150713", "id": "nested1"},
               outer.text)
    outer.text = None
    outer.append(inner)


@_case("nonfraction-with-markup", "sakura-en.html", "an ix:nonFraction holding an XHTML <b> element",
       "ix:nonFractionContent")
def _(root):
    outer = fact(root, "ExercisePricePerShare")
    bold = el(f"{{{XHTML}}}b", None, outer.text)
    outer.text = None
    outer.append(bold)


@_case("duplicate-fact-id", "iij-en.html", "two facts share one id", "ix:duplicateId")
def _(root):
    fact(root, "SecuritiesCode").set("id", fact(root, "IssuerName").get("id"))


@_case("missing-references", "iij-en.html", "the ix:references holding the schemaRef is deleted",
       "ix:missingReferences")
def _(root):
    remove(header(root, "references"))


@_case("missing-resources", "sakura-en.html", "the ix:resources holding the contexts and units is deleted",
       "ix:missingResources")
def _(root):
    remove(header(root, "resources"))


@_case("missing-header", "iij-ja.html", "the ix:header is deleted", "ix:missingHeader")
def _(root):
    remove(header(root))


@_case("two-headers", "iij-en.html", "a second, empty ix:header (allowed)", None, valid=True)
def _(root):
    holder = header(root).getparent()
    etree.SubElement(holder, f"{{{IX}}}header")


@_case("markup-in-hidden", "iij-en.html", "an XHTML paragraph inside ix:hidden", "xsd:inlineInvalid")
def _(root):
    etree.SubElement(header(root, "hidden"), f"{{{XHTML}}}p").text = "note"


@_case("hidden-fact-outside-header", "iij-en.html", "an ix:hidden in the body, outside ix:header",
       "xsd:inlineInvalid")
def _(root):
    body = root.find(f"{{{XHTML}}}body")
    hidden = etree.SubElement(body, f"{{{IX}}}hidden")
    hidden.append(header(root, "hidden")[0])


@_case("nil-with-content", "sakura-en.html", "a nil ix:nonFraction that still shows a number", "xsd:inlineInvalid")
def _(root):
    target = fact(root, "ExercisePricePerShare")
    target.set("{http://www.w3.org/2001/XMLSchema-instance}nil", "true")
    del target.attrib["format"]


CASES.append(Case("malformed", "iij.xbrl", "a closing tag is misspelt (not well-formed XML)", None, "xml:malformed",
                  raw=lambda data: data.replace(b"</xbrli:context>", b"</xbrli:contex>", 1)))
CASES.append(Case("tr4-format-in-tr5-only", "sakura-en.html", "a TR5-only format (num-dot-decimal-apos) under the "
                  "TR4 namespace", None, "ix:unknownFormat",
                  raw=lambda data: data.replace(b'format="ixt:num-dot-decimal">2,315', b'format="ixt:num-dot-decimal-apos">2,315', 1)))


def cases() -> list[Case]:
    return list(CASES)


def write_corpus(folder: Path = CORPUS) -> None:
    """Write every case and MANIFEST.json into ``folder`` (replacing what is there)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_file():
            stale.unlink()
    manifest = []
    for case in CASES:
        (folder / case.file_name).write_bytes(case.build())
        manifest.append({"file": case.file_name, "base": case.base, "change": case.change,
                         "valid": case.valid, "expect": case.expect})
    (folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


if __name__ == "__main__":
    write_corpus()
    print(f"wrote {len(CASES)} cases to {CORPUS}")
