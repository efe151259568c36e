"""The Inline XBRL 1.1 document (XHTML) of a fact set: a notice people read, every fact tagged.

The layout is a Japanese timely-disclosure notice's: the date and header block (company,
representative, code and market, contact), the title, a lead paragraph saying what the notice does
(``phrases.LEADS`` by notice type), 記, the numbered items of each issuance with its allotment table
and total row, the notice's sections of prose, and 以上. Headings are the concepts' labels in the
document's language; the words around values are ``exporter.domain.phrases``. Each fact is tagged
where the text shows it, with the Transformation Registry 4 format that reads the shown text back;
what the text does not show (vocabulary tokens, the other language's text) goes to ``ix:hidden``.

A document in one language needs every text of the filing in that language: ``MissingText`` names
the fields that lack it, rather than mixing languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from exporter.documents.xbrl import XSI_NIL, document_nsmap, resources, schema_ref, value_text
from exporter.domain import concepts as c
from exporter.domain import phrases
from exporter.domain.concepts import Concept, base_of
from exporter.domain.dimensions import RECIPIENT_AXIS, TRANCHE_AXIS
from exporter.domain.kinds import KINDS, SHARE_METHODS, Instrument, IssuanceKind, NoticeType, ShareMethod, token
from exporter.domain.values import ValueType
from exporter.facts.factset import Context, ExplicitMember, Fact, FactSet
from exporter.notation.render import render_date, render_number
from exporter.taxonomy.files import PREFIX
from exporter.taxonomy.namespaces import IX, TR4, XHTML, XML_LANG

STYLE = """
body { font-family: serif; max-width: 48em; margin: 2em auto; line-height: 1.5; }
.date, .issuer, .end { text-align: right; margin: 0; }
.record { text-align: center; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0; }
h2 { font-size: 1em; margin: 1.2em 0 0.25em 0; }
h3 { font-size: 1em; margin: 0.8em 0 0.25em 0; font-weight: normal; text-decoration: underline; }
.item { margin: 0.25em 0; }
.text { white-space: pre-line; }
table { border-collapse: collapse; margin-top: 0.5em; }
th, td { border: 1px solid #444; padding: 0.25em 0.75em; }
td.num { text-align: right; }
"""

HEADER_CONCEPTS = (c.DOCUMENT_TITLE, c.ANNOUNCEMENT_DATE, c.ISSUER_NAME, c.SECURITIES_CODE, c.LEI, c.EDINET_CODE,
                   c.MARKET, c.REPRESENTATIVE, c.CONTACT, c.TELEPHONE, c.ADDRESS, c.TRADING_SYMBOL,
                   c.BOARD_RESOLUTION_DATE, c.EARLIER_NOTICE_DATE, c.EARLIER_NOTICE_TITLE)
_NOT_ITEMS = {concept.name for concept in HEADER_CONCEPTS}


class MissingText(ValueError):
    """A document in ``lang`` was asked for, but these fields give no text in that language."""

    def __init__(self, lang: str, paths: list[str]):
        self.lang, self.paths = lang, paths
        language = "Japanese" if lang == "ja" else "English"
        super().__init__(f"a {language} document needs {language} text ({lang}:) in: {', '.join(paths)}")


def _h(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True)
class _Tranche:
    context_members: tuple[ExplicitMember, ...]  # () for the notice as a whole
    heading: str | None


class _InlineBuilder:
    def __init__(self, factset: FactSet, lang: str, era: bool):
        self.factset, self.lang, self.era = factset, lang, era
        self.shown: set[int] = set()
        self.next_id = 1
        self._check_language()

    def _check_language(self) -> None:
        texts: dict[tuple[object, ...], set[str | None]] = {}
        paths: dict[tuple[object, ...], tuple[str | int, ...]] = {}
        for fact in self.factset.facts:
            if fact.lang is not None:
                key = (fact.concept.name, fact.context.id)
                texts.setdefault(key, set()).add(fact.lang)
                paths.setdefault(key, fact.source)
        missing = [_dotted(paths[key]) for key, langs in texts.items() if self.lang not in langs]
        if missing:
            raise MissingText(self.lang, missing)

    # -- tagging -------------------------------------------------------------------------------
    def text(self, parent: etree._Element, text: str) -> None:
        if not text:
            return
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def _id(self) -> str:
        fact_id = f"f{self.next_id}"
        self.next_id += 1
        return fact_id

    def tag(self, parent: etree._Element, fact: Fact, *, hidden: bool = False) -> None:
        """Append ``fact`` as an ix element showing its value (with its unit words when shown)."""
        self.shown.add(id(fact))
        name = f"{PREFIX}:{fact.name}"
        spec = fact.concept.type.spec
        if fact.unit is not None:
            before, after, scale = ("", "", 0) if hidden else self.number_words(fact)
            self.text(parent, before)
            element = etree.SubElement(parent, f"{{{IX}}}nonFraction", name=name, contextRef=fact.context.id,
                                       unitRef=fact.unit.id, id=self._id())
            if fact.value is None:
                element.set(XSI_NIL, "true")
                if not hidden:
                    self.text(parent, phrases.TO_BE_DETERMINED[self.lang])
                return
            assert isinstance(fact.value, Decimal)
            element.set("decimals", fact.decimals or "INF")
            element.set("scale", str(scale))
            if hidden:
                element.text = value_text(fact.value)
            else:
                rendered = render_number(fact.value, scale)
                element.set("format", f"ixt:{rendered.format}")
                element.text = rendered.text
            self.text(parent, after)
            return
        element = etree.SubElement(parent, f"{{{IX}}}nonNumeric", name=name, contextRef=fact.context.id, id=self._id())
        if fact.concept.type is ValueType.DATE and not hidden and fact.value is not None:
            rendered = render_date(fact.value, self.lang, era=self.era)  # type: ignore[arg-type]
            element.set("format", f"ixt:{rendered.format}")
            element.text = rendered.text
        elif fact.concept.type is ValueType.BOOLEAN and not hidden:
            element.set("format", "ixt:fixed-true" if fact.value else "ixt:fixed-false")
            element.text = fact.concept.heading(self.lang)
        else:
            if fact.concept.type is ValueType.TEXT_BLOCK:
                element.set("escape", "true")
            element.text = value_text(fact.value)
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        elif not spec.localized and fact.concept.type in (ValueType.CODE, ValueType.TOKEN):
            # Codes and tokens have no natural language: xml:lang="" says so, rather than letting them
            # inherit the page's, so they mean the same here as in the instance.
            element.set(XML_LANG, "")

    def number_words(self, fact: Fact) -> tuple[str, str, int]:
        """(words before, words after, scale) around a number, in this document's language."""
        concept, lang = base_of(fact.concept), self.lang
        limit = phrases.NOT_EXCEEDING[lang] if fact.concept is not concept else ""
        kind = concept.type
        if kind in (ValueType.MONEY, ValueType.PER_SHARE):
            currency = fact.unit.numerators[0].rsplit("}", 1)[1] if fact.unit else "JPY"
            decimals = int(fact.decimals) if fact.decimals not in (None, "INF") else 0  # type: ignore[arg-type]
            scale = max((s for s in phrases.SCALE_WORDS if s <= -decimals), default=0)
            scale_word = phrases.SCALE_WORDS[scale][lang]
            per = phrases.PER_SHARE[lang] if kind is ValueType.PER_SHARE else ""
            if lang == "ja":
                return limit, f"{scale_word}{phrases.CURRENCY_JA.get(currency, currency)}{per}", scale
            return f"{limit}{currency} ", f"{scale_word}{per}", scale
        if kind is ValueType.PERCENT:
            return limit, phrases.UNITS["percent"][lang], -2
        noun = "shares" if kind is ValueType.SHARES else concept.noun
        return limit, phrases.UNITS[noun][lang] if noun else "", 0

    # -- finding facts -------------------------------------------------------------------------
    def facts_in(self, context_members: tuple[object, ...]) -> list[Fact]:
        return [f for f in self.factset.facts if f.context.members == context_members]

    def shown_in_language(self, facts: Iterable[Fact]) -> list[Fact]:
        """Facts to show: non-text facts, and text facts in this document's language."""
        return [f for f in facts if f.lang in (None, self.lang)]

    def first(self, concept: Concept, members: tuple[object, ...] = ()) -> Fact | None:
        for fact in self.factset.facts:
            if base_of(fact.concept) is concept and fact.context.members == members and fact.lang in (None, self.lang):
                return fact
        return None

    def tranches(self) -> list[_Tranche]:
        labels = {m.name: m.label for m in (self.factset.extension.members if self.factset.extension else ())}
        found: dict[ExplicitMember, None] = {}
        for fact in self.factset.facts:
            for member in fact.context.members:
                if isinstance(member, ExplicitMember) and member.dimension == TRANCHE_AXIS.name:
                    found.setdefault(member, None)
        return [_Tranche((), None)] + [_Tranche((m,), labels[m.member][self.lang] if m.member in labels else m.member)
                                       for m in found]

    # -- document ------------------------------------------------------------------------------
    def build(self, schema_href: str | None) -> etree._ElementTree:
        html = etree.Element(_h("html"), nsmap={None: XHTML, "ix": IX, "ixt": TR4, **document_nsmap(self.factset)})
        html.set(XML_LANG, self.lang)
        head = etree.SubElement(html, _h("head"))
        etree.SubElement(head, _h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
        title = self.first(c.DOCUMENT_TITLE)
        etree.SubElement(head, _h("title")).text = str(title.value) if title else "Notice"
        etree.SubElement(head, _h("style"), type="text/css").text = STYLE
        body = etree.SubElement(html, _h("body"))
        header_holder = etree.SubElement(body, _h("div"), style="display:none")

        self.masthead(body)
        if title:
            self.tag(etree.SubElement(body, _h("h1")), title)
        self.lead(body)
        if self.lang == "ja":
            etree.SubElement(body, _h("p"), {"class": "record"}).text = phrases.RECORD
        number = 1
        for tranche in self.tranches():
            number = self.issuance(body, tranche, number)
        self.sections(body, number)
        if self.lang == "ja":
            etree.SubElement(body, _h("p"), {"class": "end"}).text = phrases.END
        self.header(header_holder, schema_href)
        return etree.ElementTree(html)

    def line(self, parent: etree._Element, caption: str, *facts: Fact | None, sep: str = " ") -> None:
        present = [f for f in facts if f is not None]
        if not present:
            return
        para = etree.SubElement(parent, _h("p"), {"class": "issuer"})
        self.text(para, caption)
        for index, fact in enumerate(present):
            self.text(para, sep if index else "")
            self.tag(para, fact)

    def masthead(self, body: etree._Element) -> None:
        announced = self.first(c.ANNOUNCEMENT_DATE)
        if announced:
            self.tag(etree.SubElement(body, _h("p"), {"class": "date"}), announced)
        if self.lang == "ja":
            etree.SubElement(body, _h("p")).text = phrases.TO_ALL.ja
        captions = phrases.CAPTIONS
        self.line(body, captions["company"][self.lang], self.first(c.ISSUER_NAME))
        self.line(body, captions["address"][self.lang], self.first(c.ADDRESS))
        self.line(body, captions["representative"][self.lang], self.first(c.REPRESENTATIVE))
        code, market = self.first(c.SECURITIES_CODE), self.first(c.MARKET)
        if code or market:
            para = etree.SubElement(body, _h("p"), {"class": "issuer"})
            self.text(para, "(" if self.lang == "en" else "（")
            if code:
                self.text(para, captions["code"][self.lang])
                self.tag(para, code)
            if market:
                self.text(para, ", " if code and self.lang == "en" else ("　" if code else ""))
                self.tag(para, market)
            self.text(para, ")" if self.lang == "en" else "）")
        self.line(body, captions["lei"][self.lang], self.first(c.LEI))
        self.line(body, captions["edinet"][self.lang], self.first(c.EDINET_CODE))
        listings = [f for f in self.factset.facts if f.concept is c.TRADING_SYMBOL]
        if listings:
            para = etree.SubElement(body, _h("p"), {"class": "issuer"})
            self.text(para, phrases.CAPTIONS["listings"][self.lang])
            for index, fact in enumerate(listings):
                exchange = next(m.value for m in fact.context.members if not isinstance(m, ExplicitMember))
                self.text(para, (", " if index else "") + f"{exchange}: ")
                self.tag(para, fact)
        self.line(body, captions["contact"][self.lang], self.first(c.CONTACT))
        self.line(body, captions["telephone"][self.lang], self.first(c.TELEPHONE))

    def subject(self) -> str:
        kinds = {f.value for f in self.factset.facts if f.concept is c.ISSUANCE_KIND}
        methods = {f.value for f in self.factset.facts if f.concept is c.SHARE_METHOD}
        instruments = {KINDS[k].instrument for k in IssuanceKind if token(k) in kinds}
        if instruments == {Instrument.SHARES} and len(methods) == 1:
            method = next(m for m in ShareMethod if token(m) in methods)
            return phrases.SUBJECTS[method][self.lang]
        if len(instruments) == 1:
            return phrases.SUBJECTS[next(iter(instruments))][self.lang]
        return " / ".join(phrases.SUBJECTS[i][self.lang] for i in Instrument)

    def fill(self, parent: etree._Element, template: str, tagged: dict[str, Fact | None]) -> None:
        for piece in re.split(r"(\[\w+\])", template):
            name = piece[1:-1] if piece.startswith("[") and piece.endswith("]") else None
            fact = tagged.get(name) if name else None
            if fact is not None:
                self.tag(parent, fact)
            elif name is None:
                self.text(parent, piece)

    def lead(self, body: etree._Element) -> None:
        notice_type = next((t for t in NoticeType for f in self.factset.facts
                            if f.concept is c.NOTICE_TYPE and f.value == token(t)), NoticeType.RESOLUTION)
        resolved = self.first(c.BOARD_RESOLUTION_DATE)
        with_date, without_date = phrases.LEADS[notice_type]
        template = (with_date if resolved else without_date)[self.lang]
        name = self.first(c.ISSUER_NAME)
        company = str(name.value) if name and self.lang == "en" else ""
        para = etree.SubElement(body, _h("p"))
        self.fill(para, template.format(company=company, subject=self.subject()), {"date": resolved})
        earlier_date, earlier_title = self.first(c.EARLIER_NOTICE_DATE), self.first(c.EARLIER_NOTICE_TITLE)
        if earlier_date and earlier_title:
            self.text(para, " " if self.lang == "en" else "")
            self.fill(para, phrases.EARLIER[self.lang], {"date": earlier_date, "title": earlier_title})

    def issuance(self, body: etree._Element, tranche: _Tranche, number: int) -> int:
        facts = [f for f in self.shown_in_language(self.facts_in(tranche.context_members))
                 if f.name not in _NOT_ITEMS and f.concept.type is not ValueType.TEXT_BLOCK]
        allotment_rows = self.allotment_contexts(tranche)
        if not facts and not allotment_rows:
            return number
        heading = phrases.OUTLINE[self.lang] if tranche.heading is None else tranche.heading
        etree.SubElement(body, _h("h2")).text = f"{number}. {heading}" if self.lang == "en" else f"{number}．{heading}"
        items = etree.SubElement(body, _h("ol"))
        for fact in facts:
            if fact.concept.type is ValueType.TOKEN:
                self.token_item(items, fact)
                continue
            li = etree.SubElement(items, _h("li"), {"class": "item"})
            self.text(li, base_of(fact.concept).heading(self.lang) + (": " if self.lang == "en" else "　"))
            self.tag(li, fact)
        if allotment_rows:
            self.allotment_table(items, tranche, allotment_rows)
        return number + 1

    def token_item(self, items: etree._Element, fact: Fact) -> None:
        """A vocabulary code is shown by its label; the token itself is tagged hidden."""
        label = None
        if fact.concept is c.ISSUANCE_KIND:
            label = next((KINDS[k].label for k in IssuanceKind if token(k) == fact.value), None)
        elif fact.concept is c.SHARE_METHOD:
            label = next((SHARE_METHODS[m] for m in ShareMethod if token(m) == fact.value), None)
        if label is not None:
            li = etree.SubElement(items, _h("li"), {"class": "item"})
            self.text(li, fact.concept.heading(self.lang) + (": " if self.lang == "en" else "　") + label[self.lang])

    def allotment_contexts(self, tranche: _Tranche) -> list[Context]:
        contexts: dict[str, Context] = {}
        for fact in self.factset.facts:
            members = fact.context.members
            recipient = [m for m in members if isinstance(m, ExplicitMember) and m.dimension == RECIPIENT_AXIS.name]
            rest = tuple(m for m in members if m not in recipient)
            if recipient and rest == tranche.context_members:
                contexts.setdefault(fact.context.id, fact.context)
        return list(contexts.values())

    def allotment_table(self, items: etree._Element, tranche: _Tranche, rows: list[Context]) -> None:
        li = etree.SubElement(items, _h("li"), {"class": "item"})
        self.text(li, phrases.ALLOTMENTS[self.lang])
        columns = [concept for concept in (c.RECIPIENT_DESCRIPTION, c.ALLOTTEE_NAME, c.NUMBER_OF_RECIPIENTS,
                                           c.RIGHTS_ALLOTTED, c.SHARES_ALLOTTED)
                   if any(self.first(concept, ctx.members) for ctx in rows)]
        table = etree.SubElement(li, _h("table"))
        header = etree.SubElement(table, _h("tr"))
        for concept in columns:
            etree.SubElement(header, _h("th")).text = concept.heading(self.lang)
        for context in rows:
            row = etree.SubElement(table, _h("tr"))
            for concept in columns:
                numeric = concept.type.numeric
                cell = etree.SubElement(row, _h("td"), {"class": "num"} if numeric else {})
                fact = self.first(concept, context.members)
                if fact is not None:
                    self.tag(cell, fact)
        totals = {c.RIGHTS_ALLOTTED.name: c.NUMBER_OF_RIGHTS, c.SHARES_ALLOTTED.name: c.NUMBER_OF_SHARES}
        total_facts = {name: self.first(total, tranche.context_members) for name, total in totals.items()}
        if any(total_facts.get(concept.name) for concept in columns):
            row = etree.SubElement(table, _h("tr"))
            for index, concept in enumerate(columns):
                fact = total_facts.get(concept.name)
                cell = etree.SubElement(row, _h("td"), {"class": "num"} if concept.type.numeric else {})
                if index == 0:
                    cell.text = phrases.TOTAL[self.lang]
                elif fact is not None:
                    self.tag(cell, fact)  # the issuance's own total, stated again: a consistent duplicate

    def sections(self, body: etree._Element, number: int) -> None:
        blocks = [f for f in self.shown_in_language(self.factset.facts) if f.concept.type is ValueType.TEXT_BLOCK]
        for fact in blocks:
            heading = fact.concept.heading(self.lang)
            typed = [m for m in fact.context.members if not isinstance(m, ExplicitMember)]
            if typed:
                heading = typed[0].value
            etree.SubElement(body, _h("h2")).text = f"{number}. {heading}" if self.lang == "en" else f"{number}．{heading}"
            self.tag(etree.SubElement(body, _h("div"), {"class": "text"}), fact)
            number += 1

    def header(self, holder: etree._Element, schema_href: str | None) -> None:
        header = etree.SubElement(holder, f"{{{IX}}}header")
        leftovers = [f for f in self.factset.facts if id(f) not in self.shown]
        if leftovers:
            hidden = etree.SubElement(header, f"{{{IX}}}hidden")
            for fact in leftovers:
                self.tag(hidden, fact, hidden=True)
        schema_ref(etree.SubElement(header, f"{{{IX}}}references"), schema_href)
        resources(etree.SubElement(header, f"{{{IX}}}resources"), self.factset)


def build_inline(factset: FactSet, lang: str = "en", *, schema_href: str | None = None, era: bool = False
                 ) -> etree._ElementTree:
    """The notice in ``lang`` (en or ja); ``era`` writes Japanese dates in the era form (令和7年7月18日)."""
    if lang not in ("en", "ja"):
        raise ValueError(f"lang must be 'en' or 'ja', not {lang!r}")
    return _InlineBuilder(factset, lang, era).build(schema_href)


def serialize_inline(tree: etree._ElementTree) -> bytes:
    """Deterministic bytes. No re-indentation: whitespace inside tagged text is part of the facts."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
