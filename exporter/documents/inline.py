"""The Inline XBRL 1.1 document (XHTML) of a fact set: a notice people read, every fact tagged.

The layout follows the seed notice: date and issuer, title, an introduction, numbered items, and
the allotment table. Headings are the taxonomy's labels in the document's language; the words
around values come from ``presentation.PHRASES``. Each fact is tagged exactly once where the
text shows it; facts the text does not show (the plan type token, the other language's text) go
to ``ix:hidden``.
"""
from __future__ import annotations

from lxml import etree

from exporter.documents.presentation import CURRENCY_JA, phrase, render_date, render_number
from exporter.documents.xbrl import NSMAP, context_element, schema_ref, unit_element, value_text
from exporter.facts.factset import ExplicitMember, Fact, FactSet, TypedMember
from exporter.taxonomy.concepts import Taxonomy, load_taxonomy
from exporter.taxonomy.files import PREFIX
from exporter.taxonomy.namespaces import IX, TR4, XHTML, XML_LANG

INLINE_NSMAP = {None: XHTML, "ix": IX, "ixt": TR4, **NSMAP}

STYLE = """
body { font-family: serif; max-width: 48em; margin: 2em auto; line-height: 1.5; }
.date, .issuer { text-align: right; margin: 0; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0; }
h2 { font-size: 1em; margin: 1em 0 0.25em 0; }
table { border-collapse: collapse; margin-top: 0.5em; }
th, td { border: 1px solid #444; padding: 0.25em 0.75em; }
td.num { text-align: right; }
"""


def _h(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


class _InlineBuilder:
    def __init__(self, factset: FactSet, lang: str, taxonomy: Taxonomy):
        self.factset, self.lang, self.taxonomy = factset, lang, taxonomy
        self.shown: set[int] = set()
        self.next_id = 1

    # -- tagging ---------------------------------------------------------------------------------
    def _fact_id(self) -> str:
        fact_id = f"f{self.next_id}"
        self.next_id += 1
        return fact_id

    def tag(self, parent: etree._Element, fact: Fact, *, hidden: bool = False) -> etree._Element:
        """Append ``fact`` to ``parent`` as an ix element showing its value in this language."""
        self.shown.add(id(fact))
        concept = f"{PREFIX}:{fact.concept}"
        if fact.unit is not None:
            element = etree.SubElement(parent, f"{{{IX}}}nonFraction", name=concept, contextRef=fact.context.id,
                                       unitRef=fact.unit.id, id=self._fact_id(), decimals=fact.decimals or "INF",
                                       scale="0")
            if hidden:
                element.text = value_text(fact.value)
            else:
                rendered = render_number(fact.value)
                element.set("format", f"ixt:{rendered.format}")
                element.text = rendered.text
            return element
        element = etree.SubElement(parent, f"{{{IX}}}nonNumeric", name=concept, contextRef=fact.context.id,
                                   id=self._fact_id())
        kind = self.taxonomy.concept(fact.concept).value_kind
        if kind == "date" and not hidden:
            rendered = render_date(fact.value, self.lang)
            element.set("format", f"ixt:{rendered.format}")
            element.text = rendered.text
        elif kind == "boolean" and not hidden:
            element.set("format", "ixt:fixed-true" if fact.value else "ixt:fixed-false")
            element.text = phrase(self.lang, "no_payment")
        else:
            element.text = value_text(fact.value)
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        elif kind in ("string", "token"):
            # Codes, tickers and tokens have no natural language: xml:lang="" says so, rather than
            # letting them inherit the page's, so they mean the same here as in the instance.
            element.set(XML_LANG, "")
        return element

    def text_fact(self, concept: str, **where) -> Fact | None:
        """The fact of a text concept in this language, or in the other one if this one is missing."""
        facts = self.factset.find(concept, **where)
        for fact in facts:
            if fact.lang in (None, self.lang):
                return fact
        return facts[0] if facts else None

    def label(self, concept: str, role: str = "terse") -> str:
        return self.taxonomy.concept(concept).label(self.lang, role)

    # -- text helpers ----------------------------------------------------------------------------
    @staticmethod
    def append_text(parent: etree._Element, text: str) -> None:
        if not text:
            return
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def p(self, parent: etree._Element, css: str | None = None) -> etree._Element:
        element = etree.SubElement(parent, _h("p"))
        if css:
            element.set("class", css)
        return element

    def money(self, parent: etree._Element, fact: Fact, suffix_key: str) -> None:
        currency = fact.unit.numerators[0].rsplit("}", 1)[1]
        self.append_text(parent, phrase(self.lang, "currency_before", currency=currency))
        self.tag(parent, fact)
        self.append_text(parent, phrase(self.lang, "currency_after", currency_ja=CURRENCY_JA.get(currency, currency)))
        self.append_text(parent, phrase(self.lang, suffix_key))

    def quantity(self, parent: etree._Element, concept: str, unit_key: str, **where) -> Fact | None:
        """Show a count, prefixed 'not exceeding' / 上限 when it is the upper-limit concept."""
        fact = self.factset.first(concept, **where)
        limit = self.factset.first(f"{concept}UpperLimit", **where) if fact is None else None
        if fact is None and limit is None:
            return None
        if limit is not None:
            self.append_text(parent, phrase(self.lang, "not_exceeding"))
        self.tag(parent, fact or limit)
        self.append_text(parent, phrase(self.lang, unit_key))
        return fact or limit

    # -- document --------------------------------------------------------------------------------
    def build(self) -> etree._ElementTree:
        html = etree.Element(_h("html"), nsmap=INLINE_NSMAP)
        html.set(XML_LANG, self.lang)
        head = etree.SubElement(html, _h("head"))
        etree.SubElement(head, _h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
        title_fact = self.text_fact("DocumentTitle")
        etree.SubElement(head, _h("title")).text = title_fact.value if title_fact else "Notice"
        etree.SubElement(head, _h("style"), type="text/css").text = STYLE
        body = etree.SubElement(html, _h("body"))
        header_holder = etree.SubElement(body, _h("div"), style="display:none")

        self.masthead(body)
        if title_fact:
            self.tag(etree.SubElement(body, _h("h1")), title_fact)
        self.introduction(body)
        items = etree.SubElement(body, _h("ol"))
        for section in (self.item_series, self.item_rights, self.item_shares, self.item_payment,
                        self.item_exercise, self.item_allotment_date, self.item_aggregates, self.item_allotments):
            section(items)
        self.header(header_holder)
        return etree.ElementTree(html)

    def masthead(self, body: etree._Element) -> None:
        announced = self.factset.first("AnnouncementDate")
        if announced:
            self.tag(self.p(body, "date"), announced)
        issuer = self.p(body, "issuer")
        name = self.text_fact("IssuerName")
        if name:
            self.tag(issuer, name)
        # Codes follow the name in parentheses: securities code; listings; LEI.
        code = self.factset.first("SecuritiesCode")
        listings = [f for f in self.factset.facts if f.concept == "TradingSymbol"]
        lei = self.factset.first("LegalEntityIdentifier")
        parts = [part for part in (code, listings, lei) if part]
        if not parts:
            return
        self.append_text(issuer, phrase(self.lang, "open"))
        for index, part in enumerate(parts):
            if index:
                self.append_text(issuer, phrase(self.lang, "semicolon"))
            if part is code:
                self.append_text(issuer, phrase(self.lang, "securities_code"))
                self.tag(issuer, code)
            elif part is lei:
                self.append_text(issuer, phrase(self.lang, "lei"))
                self.tag(issuer, lei)
            else:
                self.append_text(issuer, phrase(self.lang, "listings"))
                for position, fact in enumerate(listings):
                    exchange = next(m.value for m in fact.context.members if isinstance(m, TypedMember))
                    self.append_text(issuer, (phrase(self.lang, "list_sep") if position else "") + f"{exchange}: ")
                    self.tag(issuer, fact)
        self.append_text(issuer, phrase(self.lang, "close_paren"))

    def introduction(self, body: etree._Element) -> None:
        resolved = self.factset.first("BoardResolutionDate")
        if not resolved:
            return
        para = self.p(body)
        name = self.text_fact("IssuerName")
        self.append_text(para, name.value if name else "")
        self.append_text(para, phrase(self.lang, "intro_resolved"))
        self.tag(para, resolved)
        self.append_text(para, phrase(self.lang, "intro_after_date"))
        determined = self.factset.first("DeterminationDate")
        if determined:
            self.append_text(para, phrase(self.lang, "intro_determined"))
            self.tag(para, determined)
        self.append_text(para, phrase(self.lang, "intro_end"))

    def item(self, items: etree._Element, concept: str, role: str = "label") -> etree._Element:
        li = etree.SubElement(items, _h("li"))
        etree.SubElement(li, _h("h2")).text = self.label(concept, role)
        return etree.SubElement(li, _h("p"))

    def item_series(self, items: etree._Element) -> None:
        fact = self.text_fact("SeriesName")
        if fact:
            self.tag(self.item(items, "SeriesName"), fact)

    def item_rights(self, items: etree._Element) -> None:
        if self.factset.first("NumberOfStockAcquisitionRights") or \
                self.factset.first("NumberOfStockAcquisitionRightsUpperLimit"):
            para = self.item(items, "NumberOfStockAcquisitionRights")
            self.quantity(para, "NumberOfStockAcquisitionRights", "rights")

    def item_shares(self, items: etree._Element) -> None:
        total = self.factset.first("NumberOfSharesUnderlyingStockAcquisitionRights") or \
            self.factset.first("NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit")
        if not total:
            return
        para = self.item(items, "NumberOfSharesUnderlyingStockAcquisitionRights")
        share_class = self.text_fact("ClassOfShares")
        if self.lang == "ja" and share_class:
            self.tag(para, share_class)
            self.append_text(para, " ")
        self.quantity(para, "NumberOfSharesUnderlyingStockAcquisitionRights", "shares")
        if self.lang == "en" and share_class:
            self.append_text(para, phrase(self.lang, "of"))
            self.tag(para, share_class)
        per_right = self.factset.first("NumberOfSharesPerStockAcquisitionRight")
        if per_right:
            self.append_text(para, " " if self.lang == "en" else "")
            self.append_text(para, phrase(self.lang, "shares_per_right"))
            self.tag(para, per_right)
            self.append_text(para, phrase(self.lang, "shares") + phrase(self.lang, "close"))

    def item_payment(self, items: etree._Element) -> None:
        per_right = self.factset.first("AmountPaidPerStockAcquisitionRight")
        per_share = self.factset.first("AmountPaidPerShare")
        free = self.factset.first("NoPaymentRequired")
        method = self.text_fact("PaymentMethod")
        if not (per_right or per_share or free or method):
            return
        para = self.item(items, "AmountPaidPerStockAcquisitionRight", "label")
        if free:
            self.tag(para, free)
        if per_right:
            self.money(para, per_right, "per_right")
        if per_share:
            self.append_text(para, " (" if per_right and self.lang == "en" else "")
            self.money(para, per_share, "per_share")
            self.append_text(para, ")" if per_right and self.lang == "en" else "")
        if method:
            body = etree.SubElement(para.getparent(), _h("p"))
            self.tag(body, method)

    def item_exercise(self, items: etree._Element) -> None:
        price = self.factset.first("ExercisePricePerShare")
        start = self.factset.first("ExercisePeriodStartDate")
        end = self.factset.first("ExercisePeriodEndDate")
        conditions = self.text_fact("ExerciseConditions")
        if price:
            self.money(self.item(items, "ExercisePricePerShare", "terse"), price, "per_share")
        if start or end:
            para = self.item(items, "ExercisePeriodStartDate")
            para.getprevious().text = phrase(self.lang, "exercise_period")
            self.append_text(para, phrase(self.lang, "period_from"))
            if start:
                self.tag(para, start)
            self.append_text(para, phrase(self.lang, "period_to"))
            if end:
                self.tag(para, end)
            self.append_text(para, phrase(self.lang, "period_end"))
        if conditions:
            self.tag(self.item(items, "ExerciseConditions"), conditions)

    def item_allotment_date(self, items: etree._Element) -> None:
        fact = self.factset.first("AllotmentDate")
        if fact:
            self.tag(self.item(items, "AllotmentDate"), fact)

    def item_aggregates(self, items: etree._Element) -> None:
        for concept in ("AggregateAmountPaidForStockAcquisitionRights", "AggregateExerciseValue", "AggregateIssueValue"):
            fact = self.factset.first(concept)
            if fact:
                self.money(self.item(items, concept), fact, "none")

    def item_allotments(self, items: etree._Element) -> None:
        members = [m for m in self.factset.members_of("RecipientCategoryAxis") if isinstance(m, ExplicitMember)]
        if not members:
            return
        li = etree.SubElement(items, _h("li"))
        etree.SubElement(li, _h("h2")).text = phrase(self.lang, "category")
        table = etree.SubElement(li, _h("table"))
        header = etree.SubElement(table, _h("tr"))
        for concept in ("RecipientCategoryDescription", "NumberOfRecipients", "NumberOfStockAcquisitionRightsAllotted"):
            etree.SubElement(header, _h("th")).text = self.label(concept)
        for member in members:
            row = etree.SubElement(table, _h("tr"))
            description = self.text_fact("RecipientCategoryDescription", member=member.member)
            cell = etree.SubElement(row, _h("td"))
            if description:
                self.tag(cell, description)
            cell = etree.SubElement(row, _h("td"), {"class": "num"})
            persons = self.factset.first("NumberOfRecipients", member=member.member)
            if persons:
                self.tag(cell, persons)
                self.append_text(cell, phrase(self.lang, "persons"))
            cell = etree.SubElement(row, _h("td"), {"class": "num"})
            self.quantity(cell, "NumberOfStockAcquisitionRightsAllotted", "rights", member=member.member)

    def header(self, holder: etree._Element) -> None:
        header = etree.SubElement(holder, f"{{{IX}}}header")
        leftovers = [f for f in self.factset.facts if id(f) not in self.shown]
        if leftovers:
            hidden = etree.SubElement(header, f"{{{IX}}}hidden")
            for fact in leftovers:
                self.tag(hidden, fact, hidden=True)
        schema_ref(etree.SubElement(header, f"{{{IX}}}references"))
        resources = etree.SubElement(header, f"{{{IX}}}resources")
        for context in self.factset.contexts:
            context_element(resources, context)
        for unit in self.factset.units:
            unit_element(resources, unit)


def build_inline(factset: FactSet, lang: str = "en", taxonomy: Taxonomy | None = None) -> etree._ElementTree:
    if lang not in ("en", "ja"):
        raise ValueError(f"lang must be 'en' or 'ja', not {lang!r}")
    return _InlineBuilder(factset, lang, taxonomy or load_taxonomy()).build()


def serialize_inline(tree: etree._ElementTree) -> bytes:
    """Deterministic bytes. No re-indentation: whitespace inside tagged text is part of the facts."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
