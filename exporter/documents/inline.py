"""The Inline XBRL 1.1 document (XHTML) of a fact set: a notice people read, every fact tagged.

The layout is a Japanese timely-disclosure notice's, declared in ``exporter.domain.phrases``: the
date and header block (company, representative, code and market, contact), the title, a lead
paragraph saying what the notice does (``phrases.LEADS`` by notice type), 記, the numbered parts
and items of the notice's kind (``phrases.LAYOUTS``) with the allotment table and its total row,
the notice's further sections of prose, and 以上. This module only walks that declaration: it finds
each item's facts (for the notice as a whole and tranche by tranche), reads them into the item's
pattern, and tags each fact where the text shows it, with the Transformation Registry 4 format that
reads the shown text back. What the text does not show (vocabulary tokens, article numbers, the
other language's text) goes to ``ix:hidden``; a fact no item takes is still shown, after the items.

A document in one language needs every text of the filing in that language: ``MissingText`` names
the fields that lack it, rather than mixing languages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from lxml import etree

from exporter.documents.xbrl import XSI_NIL, document_nsmap, resources, schema_ref, value_text, xhtml_nsmap
from exporter.domain import concepts as c
from exporter.domain import phrases
from exporter.domain.categories import CATEGORIES
from exporter.domain.concepts import Concept, base_of
from exporter.domain.dimensions import LISTING_AXIS, RECIPIENT_AXIS, SECTION_AXIS, TRANCHE_AXIS, TRANSLATION_AXIS
from exporter.domain.kinds import KINDS, Instrument, IssuanceKind, NoticeType, ShareMethod, token
from exporter.domain.text import Labels
from exporter.domain.values import ValueType
from exporter.facts.factset import ExplicitMember, Fact, FactSet, Member
from exporter.notation.markup import append_text
from exporter.notation.render import render_date, render_number
from exporter.taxonomy.files import PREFIX
from exporter.taxonomy.namespaces import IX, TR4, XHTML, XML_LANG

STYLE = """
body { font-family: serif; max-width: 50em; margin: 2em auto; line-height: 1.6; }
.date, .issuer { text-align: right; margin: 0; }
.end { text-align: right; margin-top: 1.5em; }
.record { text-align: center; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0; }
h2 { font-size: 1em; margin: 1.2em 0 0.25em 0; }
h3 { font-size: 1em; margin: 0.8em 0 0.25em 0; font-weight: normal; }
.lead { text-indent: 1em; }
.text { white-space: pre-line; }
body > .text { margin-left: 1em; }
table.items { border-collapse: collapse; margin-left: 1em; }
table.items td { padding: 0.15em 0.4em; vertical-align: top; }
table.items td.heading { padding-right: 1.5em; }
.tranche { margin: 0 0 0.2em 0; }
table.allotments { border-collapse: collapse; margin: 0 0 0.3em 0; }
table.allotments th, table.allotments td { border: 1px solid #444; padding: 0.2em 0.6em; vertical-align: middle; }
table.allotments td.num { text-align: right; white-space: nowrap; }
"""

_TRANSLATED = ExplicitMember(TRANSLATION_AXIS.name, TRANSLATION_AXIS.members[0].name)
_KIND_TOKENS = tuple((token(kind), kind) for kind in IssuanceKind)
_METHOD_TOKENS = tuple((token(method), method) for method in ShareMethod)
_NOTICE_TYPES = {token(notice_type): notice_type for notice_type in NoticeType}
_NON_NUMERIC = f"{{{IX}}}nonNumeric"
_NON_FRACTION = f"{{{IX}}}nonFraction"
_CATEGORY_LABELS = {category.member: category.label for category in CATEGORIES}
_FIELD = re.compile(r"(\[\w+\])")

Members = tuple[Member, ...]
Key = str  # a context's id; NOTICE for the notice as a whole
NOTICE: Key = ""


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


def _as_stated(value: Decimal, decimals: str | None) -> Decimal:
    """The value with as many digits as it is stated to (10.00% stays 10.00; 12,000 thousand loses no zeros)."""
    if decimals in (None, "INF"):
        return value
    stated = value.quantize(Decimal(1).scaleb(-int(decimals)))
    return stated if stated == value else value


@lru_cache(maxsize=1024)
def _fields(template: str) -> frozenset[str]:
    return frozenset(piece[1:-1] for piece in _FIELD.findall(template))


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, bool], ...]:
    """The template's text and ``[field]`` pieces, in order: (text or field name, is a field)."""
    return tuple((piece[1:-1], True) if _FIELD.fullmatch(piece) else (piece, False)
                 for piece in _FIELD.split(template) if piece)


@dataclass(frozen=True)
class _Group:
    """Issuances the notice lays out together: one layout, one set of method words."""

    layout: str
    contexts: tuple[Key, ...]  # NOTICE (the notice as a whole); then the tranches
    words: phrases.MethodWords
    named: tuple[Key, ...]  # tranches the part headings name: when a notice mixes layouts


class _InlineBuilder:
    """Builds one document. Contexts are known by ``Key`` s (strings), not by their members: a
    context's members are hashed once here, not at every lookup."""

    def __init__(self, factset: FactSet, lang: str, era: bool):
        self.factset, self.lang, self.era = factset, lang, era
        self.shown: set[int] = set()
        self.next_id = 1
        self.method_words: dict[int, dict[str, str]] = {}  # by id(group.words): the words headings take
        self._check_language()
        self.keys: dict[Members, Key] = {(): NOTICE}
        self.members: dict[Key, Members] = {NOTICE: ()}
        contexts = factset.contexts
        for context in contexts:
            if context.members:
                self.keys[context.members] = context.id
                self.members[context.id] = context.members
        # Facts by context and concept, in this document's language; upper limits under their base.
        self.index: dict[Key, dict[str, list[Fact]]] = defaultdict(dict)
        self.translations: dict[tuple[str, Key], Fact] = {}
        translated = {context.id: self.key(tuple(m for m in context.members if m != _TRANSLATED))
                      for context in contexts if _TRANSLATED in context.members}
        for fact in factset.facts:
            if fact.lang not in (None, lang):
                continue
            name = base_of(fact.concept).name
            rest = translated.get(fact.context.id)
            if rest is not None:
                self.translations[(name, rest)] = fact
            else:
                self.index[fact.context.id if fact.context.members else NOTICE].setdefault(name, []).append(fact)
        # The tranches, in order: each a context of one TrancheAxis member (a notice of one issuance has none).
        tranches = (tuple(m for m in context.members if isinstance(m, ExplicitMember)
                          and m.dimension == TRANCHE_AXIS.name) for context in contexts)
        self.tranches: list[Key] = [self.key(t) for t in dict.fromkeys(tranches) if t]
        self.extension_labels = {m.name: m.label for m in (factset.extension.members if factset.extension else ())}
        # Recipient-category contexts by the rest of their members (the notice, or one tranche), in order.
        self.rows: dict[Key, list[Key]] = defaultdict(list)
        for context in contexts:
            recipient = [m for m in context.members if isinstance(m, ExplicitMember)
                         and m.dimension == RECIPIENT_AXIS.name]
            if recipient:
                self.rows[self.key(tuple(m for m in context.members if m not in recipient))].append(context.id)

    def key(self, members: Members) -> Key:
        """The key of the context of exactly ``members`` (made up when no fact has that context)."""
        key = self.keys.get(members)
        if key is None:
            key = self.keys[members] = f"~{len(self.keys)}"
            self.members[key] = members
        return key

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

    # -- finding facts -------------------------------------------------------------------------
    def get(self, concept: Concept, key: Key = NOTICE, *, unshown: bool = True) -> Fact | None:
        """The fact of ``concept`` (or its upper-limit sibling) in the context ``key``."""
        for fact in self.index.get(key, {}).get(concept.name, ()):
            if not (unshown and id(fact) in self.shown):
                return fact
        return None

    def word(self, labels: Labels) -> str:
        return labels[self.lang]

    # -- tagging -------------------------------------------------------------------------------
    text = staticmethod(append_text)  # text after the last child, or as the element's text

    def _id(self) -> str:
        fact_id = f"f{self.next_id}"
        self.next_id += 1
        return fact_id

    def tag(self, parent: etree._Element, fact: Fact, *, hidden: bool = False) -> None:
        """Append ``fact`` as an ix element showing its value (with its unit words when shown)."""
        self.shown.add(id(fact))
        name = f"{PREFIX}:{fact.name}"
        if fact.unit is not None:
            self._tag_number(parent, fact, name, hidden)
            return
        element = etree.SubElement(parent, _NON_NUMERIC, name=name, contextRef=fact.context.id, id=self._id())
        if fact.concept.type is ValueType.DATE and not hidden and fact.value is not None:
            rendered = render_date(fact.value, self.lang, era=self.era)  # type: ignore[arg-type]
            element.set("format", f"ixt:{rendered.format}")
            element.text = rendered.text
        elif fact.concept.type is ValueType.BOOLEAN and not hidden:
            element.set("format", "ixt:fixed-true" if fact.value else "ixt:fixed-false")
            element.text = fact.concept.label[self.lang]
        else:
            if fact.concept.type is ValueType.TEXT_BLOCK:
                element.set("escape", "true")
            element.text = value_text(fact.value)
        if fact.lang:
            element.set(XML_LANG, fact.lang)
        elif fact.concept.type in (ValueType.CODE, ValueType.TOKEN):
            # Codes and tokens have no natural language: xml:lang="" says so, rather than letting them
            # inherit the page's, so they mean the same here as in the instance.
            element.set(XML_LANG, "")

    def _tag_number(self, parent: etree._Element, fact: Fact, name: str, hidden: bool) -> None:
        assert fact.unit is not None
        before, after, scale = ("", "", 0) if hidden or fact.value is None else self.number_words(fact)
        self.text(parent, before)
        element = etree.SubElement(parent, _NON_FRACTION, name=name, contextRef=fact.context.id,
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
            return
        rendered = render_number(_as_stated(fact.value, fact.decimals), scale)
        element.set("format", f"ixt:{rendered.format}")
        element.text = rendered.text
        self.text(parent, after)
        translation = self.translations.get((base_of(fact.concept).name,
                                             fact.context.id if fact.context.members else NOTICE))
        if translation is not None and id(translation) not in self.shown:
            self.fill(parent, phrases.TRANSLATION[self.lang], {"value": translation})

    def number_words(self, fact: Fact) -> tuple[str, str, int]:
        """(words before, words after, scale) around a number, in this document's language."""
        concept, lang = base_of(fact.concept), self.lang
        limit = phrases.NOT_EXCEEDING[lang] if fact.concept is not concept else ""
        kind = concept.type
        if kind in (ValueType.MONEY, ValueType.PER_SHARE):
            currency = fact.unit.numerators[0].rsplit("}", 1)[1] if fact.unit else "JPY"
            decimals = int(fact.decimals) if fact.decimals is not None and fact.decimals != "INF" else 0
            scale = max((s for s in phrases.SCALE_WORDS if s <= -decimals), default=0)
            if isinstance(fact.value, Decimal) and fact.value % Decimal(1).scaleb(scale):
                scale = 0  # not a whole number of thousands (millions): shown in full
            scale_word = phrases.SCALE_WORDS[scale][lang]
            if lang == "ja":
                return limit, f"{scale_word}{phrases.CURRENCY_JA.get(currency, currency)}", scale
            return f"{limit}{currency} ", scale_word, scale
        if kind is ValueType.PERCENT:
            return limit, phrases.UNITS["percent"][lang], -2
        noun = "shares" if kind is ValueType.SHARES else concept.noun
        return limit, phrases.UNITS[noun][lang] if noun else "", 0

    def fill(self, parent: etree._Element, template: str, tagged: dict[str, Fact | None]) -> None:
        """Write ``template``, tagging the fact named by each ``[field]`` where it stands."""
        for piece, field in _pieces(template):
            if field:
                fact = tagged.get(piece)
                if fact is not None:
                    self.tag(parent, fact)
            else:
                self.text(parent, piece)

    # -- the document --------------------------------------------------------------------------
    def build(self, schema_href: str | None) -> etree._ElementTree:
        html = etree.Element(_h("html"), nsmap=xhtml_nsmap({"ix": IX, "ixt": TR4, **document_nsmap(self.factset)}))
        html.set(XML_LANG, self.lang)
        head = etree.SubElement(html, _h("head"))
        etree.SubElement(head, _h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
        title = self.get(c.DOCUMENT_TITLE)
        etree.SubElement(head, _h("title")).text = str(title.value) if title else "Notice"
        etree.SubElement(head, _h("style"), type="text/css").text = STYLE
        body = etree.SubElement(html, _h("body"))
        header_holder = etree.SubElement(body, _h("div"), style="display:none")

        self.masthead(body)
        if title:
            self.tag(etree.SubElement(body, _h("h1")), title)
        groups = self.groups()
        self.lead(body, groups)
        if self.word(phrases.RECORD):
            etree.SubElement(body, _h("p"), {"class": "record"}).text = self.word(phrases.RECORD)
        number = 1
        notice_type = self.notice_type()
        for part in phrases.NOTICE_PARTS.get(notice_type, ()):
            number = self.part(body, part, groups[0], number, amended=False)
        for group in groups:
            for part in phrases.LAYOUTS[group.layout]:
                number = self.part(body, part, group, number, amended=notice_type is NoticeType.AMENDMENT)
            number = self.remaining(body, group, number)
        self.sections(body, number)
        etree.SubElement(body, _h("p"), {"class": "end"}).text = self.word(phrases.END)
        self.header(header_holder, schema_href)
        return etree.ElementTree(html)

    def masthead(self, body: etree._Element) -> None:
        announced = self.get(c.ANNOUNCEMENT_DATE)
        if announced:
            self.tag(etree.SubElement(body, _h("p"), {"class": "date"}), announced)
        etree.SubElement(body, _h("p")).text = self.word(phrases.TO_ALL)
        captions = phrases.CAPTIONS
        self.line(body, captions["company"], self.get(c.ISSUER_NAME))
        self.line(body, captions["address"], self.get(c.ADDRESS))
        self.line(body, captions["representative"], self.get(c.REPRESENTATIVE))
        code, market = self.get(c.SECURITIES_CODE), self.get(c.MARKET)
        if code or market:
            para = etree.SubElement(body, _h("p"), {"class": "issuer"})
            self.text(para, "(" if self.lang == "en" else "（")
            if code:
                self.text(para, self.word(captions["code"]))
                self.tag(para, code)
            if market:
                self.text(para, ", " if code and self.lang == "en" else ("　" if code else ""))
                self.tag(para, market)
            self.text(para, ")" if self.lang == "en" else "）")
        self.line(body, captions["lei"], self.get(c.LEI))
        self.line(body, captions["edinet"], self.get(c.EDINET_CODE))
        listings = [f for f in self.factset.facts if f.concept is c.TRADING_SYMBOL]
        if listings:
            para = etree.SubElement(body, _h("p"), {"class": "issuer"})
            self.text(para, self.word(captions["listings"]))
            for index, fact in enumerate(listings):
                exchange = next(m.value for m in fact.context.members
                                if not isinstance(m, ExplicitMember) and m.dimension == LISTING_AXIS.name)
                self.text(para, (", " if index else "") + f"{exchange}: ")
                self.tag(para, fact)
        self.line(body, captions["contact"], self.get(c.CONTACT))
        telephone = self.get(c.TELEPHONE)
        if telephone:
            para = etree.SubElement(body, _h("p"), {"class": "issuer"})
            self.text(para, ("(" if self.lang == "en" else "（") + self.word(captions["telephone"]))
            self.tag(para, telephone)
            self.text(para, ")" if self.lang == "en" else "）")

    def line(self, parent: etree._Element, caption: Labels, fact: Fact | None) -> None:
        if fact is not None:
            para = etree.SubElement(parent, _h("p"), {"class": "issuer"})
            self.text(para, self.word(caption))
            self.tag(para, fact)

    # -- what the notice is about --------------------------------------------------------------
    def notice_type(self) -> NoticeType:
        fact = self.get(c.NOTICE_TYPE, unshown=False)
        if fact is None or not isinstance(fact.value, str):
            return NoticeType.RESOLUTION
        return _NOTICE_TYPES.get(fact.value, NoticeType.RESOLUTION)

    def kinds(self, contexts: tuple[Key, ...]) -> list[IssuanceKind]:
        values = {f.value for key in contexts for f in self.index.get(key, {}).get(c.ISSUANCE_KIND.name, ())}
        return [kind for value, kind in _KIND_TOKENS if value in values]

    def method(self, contexts: tuple[Key, ...]) -> ShareMethod | None:
        values = {f.value for key in contexts for f in self.index.get(key, {}).get(c.SHARE_METHOD.name, ())}
        found = [method for value, method in _METHOD_TOKENS if value in values]
        return found[0] if len(found) == 1 else None

    def groups(self) -> list[_Group]:
        """The issuances by layout: usually one group; a notice mixing rights and shares has two."""
        by_layout: dict[str, list[Key]] = {}
        for key in self.tranches or [NOTICE]:
            kinds = self.kinds((key,)) or self.kinds((NOTICE,)) or [IssuanceKind.RESTRICTED_STOCK]
            by_layout.setdefault(phrases.KIND_LAYOUTS[kinds[0]], []).append(key)
        groups = []
        for index, (layout, tranches) in enumerate(by_layout.items()):
            contexts = tuple(dict.fromkeys([NOTICE, *tranches])) if index == 0 else tuple(tranches)
            kinds = self.kinds(contexts)
            rights = bool(kinds) and KINDS[kinds[0]].instrument is Instrument.RIGHTS
            words = phrases.RIGHTS_WORDS if rights else phrases.METHOD_WORDS[self.method(contexts)]
            groups.append(_Group(layout, contexts, words, tuple(tranches) if len(by_layout) > 1 else ()))
        return groups

    def subject(self, groups: list[_Group]) -> str:
        """What the notice is about: each group's act, qualified by its kind (譲渡制限付株式報酬としての自己株式の処分)."""
        subjects = []
        for group in groups:
            kinds = self.kinds(group.contexts) or self.kinds((NOTICE,))
            if len(kinds) == 1:
                qualifier = phrases.KIND_WORDS[kinds[0]]
            elif kinds and all(KINDS[kind].compensation for kind in kinds):
                qualifier = phrases.COMPENSATION_WORDS
            else:
                qualifier = Labels("", "")
            act = group.words.subject
            subjects.append(act.en + qualifier.en if self.lang == "en" else qualifier.ja + act.ja)
        return self.word(phrases.AND).join(subjects)

    def lead(self, body: etree._Element, groups: list[_Group]) -> None:
        notice_type = self.notice_type()
        resolved, body_fact = self.get(c.BOARD_RESOLUTION_DATE), self.get(c.DECISION_BODY)
        determined = self.get(c.DETERMINATION_DATE) if notice_type is NoticeType.DETERMINATION else None
        earlier = {"date": self.get(c.EARLIER_NOTICE_DATE), "title": self.get(c.EARLIER_NOTICE_TITLE)}
        decision = frozenset(k for k, v in (("date", resolved), ("body", body_fact)) if v is not None)
        stated_earlier = frozenset(k for k, v in earlier.items() if v is not None)
        name = self.get(c.ISSUER_NAME, unshown=False)
        words = {"company": str(name.value) if name and self.lang == "en" else "", "subject": self.subject(groups),
                 "occasion": self.word(phrases.OCCASIONS[decision]), "resolved": self.word(phrases.RESOLVED[decision]),
                 "determined": self.word(phrases.DETERMINED[frozenset({"determined"} if determined else ())])}
        template = self.word(phrases.LEADS[notice_type])
        amendment_lead = notice_type is NoticeType.AMENDMENT and stated_earlier in phrases.AMENDMENT_LEADS
        if amendment_lead:
            template = self.word(phrases.AMENDMENT_LEADS[stated_earlier])
        para = etree.SubElement(body, _h("p"), {"class": "lead"})
        self.fill(para, template.format(**words),
                  {"date": resolved, "body": body_fact, "determined": determined, **(earlier if amendment_lead else {})})
        if not amendment_lead and stated_earlier:
            self.fill(para, self.word(phrases.EARLIER[stated_earlier]), earlier)

    # -- parts and items -----------------------------------------------------------------------
    def heading(self, labels: Labels, group: _Group) -> str:
        words = self.method_words.get(id(group.words))
        if words is None:
            words = self.method_words[id(group.words)] = {name: self.word(labels)
                                                          for name, labels in vars(group.words).items()}
        return labels[self.lang].format(**words)

    def numbered(self, body: etree._Element, number: int, heading: str) -> None:
        etree.SubElement(body, _h("h2")).text = f"{number}. {heading}" if self.lang == "en" else f"{number}．{heading}"

    def part(self, body: etree._Element, part: phrases.Part, group: _Group, number: int, *, amended: bool) -> int:
        if part.text is not None:
            fact = self.get(part.text)
            if fact is None:
                return number
            self.numbered(body, number, self.heading(part.heading, group))
            self.tag(etree.SubElement(body, _h("div"), {"class": "text"}), fact)
            return number + 1
        rows = [(item, values) for item in part.items if (values := self.item_values(item, group))]
        label_fact = self.get(c.TRANCHE_LABEL)
        if not rows:
            return number
        heading = self.heading(part.heading, group)
        if amended and part.terms:
            heading = self.word(phrases.AMENDED).format(heading=heading)
        self.numbered(body, number, heading)
        if group.named:  # 2．新株予約権の発行要項（第3回新株予約権）
            h2 = body[-1]
            self.text(h2, " (" if self.lang == "en" else "（")
            for index, key in enumerate(group.named):
                self.text(h2, self.word(phrases.SEPARATOR) if index else "")
                self.tranche_name_tagged(h2, key)
            self.text(h2, ")" if self.lang == "en" else "）")
        if label_fact is not None:  # a notice of one issuance that names it
            self.tag(etree.SubElement(body, _h("h3")), label_fact)
        table = etree.SubElement(body, _h("table"), {"class": "items"})
        for index, (item, values) in enumerate(rows, start=1):
            row = etree.SubElement(table, _h("tr"))
            etree.SubElement(row, _h("td")).text = f"({index})"
            etree.SubElement(row, _h("td"), {"class": "heading"}).text = self.item_heading(item, group, values)
            cell = etree.SubElement(row, _h("td"))
            if item.allotments:
                self.allotments(cell, group)
            else:
                self.item_cell(cell, item, group, values)
        return number + 1

    def item_values(self, item: phrases.Item, group: _Group) -> dict[Key, dict[str, Fact]]:
        """The item's facts (not shown yet) by context: the notice as a whole, then each tranche."""
        if item.allotments:
            return {key: {} for key in group.contexts if self.allotment_rows(key)}
        found: dict[Key, dict[str, Fact]] = {}
        for key in group.contexts:
            values = {field: fact for field, concept in item.parts if (fact := self.get(concept, key)) is not None}
            if values:
                found[key] = values
        return found

    def item_heading(self, item: phrases.Item, group: _Group, values: dict[Key, dict[str, Fact]]) -> str:
        if item.heading is not None:
            return self.heading(item.heading, group)
        present = {key for facts in values.values() for key in facts}
        concept = next(concept for key, concept in item.parts if key in present)
        return base_of(concept).label[self.lang]

    def item_cell(self, cell: etree._Element, item: phrases.Item, group: _Group,
                  values: dict[Key, dict[str, Fact]]) -> None:
        if len(values) == 1 and (list(values) == [NOTICE] or group.named):
            self.values(cell, item, next(iter(values.values())))  # one issuance: the part's heading names it
            return
        for key, facts in values.items():
            line = etree.SubElement(cell, _h("div"), {"class": "tranche"})
            if key:
                self.tranche_caption(line, key)
            self.values(line, item, facts)

    def values(self, parent: etree._Element, item: phrases.Item, facts: dict[str, Fact]) -> None:
        """The item's values: the first pattern all of whose fields have values, then the rest by label."""
        numbers = {key: fact for key, fact in facts.items() if fact.value is not None or fact.unit is None}
        pattern = next((p for p in item.patterns if _fields(p[self.lang]) <= set(numbers)), None)
        used = _fields(pattern[self.lang]) if pattern else frozenset()
        if pattern is not None:
            self.fill(parent, pattern[self.lang], {key: numbers[key] for key in used})
        rest = [(key, fact) for key, fact in facts.items() if key not in used]
        for index, (_, fact) in enumerate(rest):
            alone = not used and len(rest) == 1
            if fact.concept.type is ValueType.TEXT_BLOCK:
                self.tag(etree.SubElement(parent, _h("div"), {"class": "text"}), fact)
                continue
            if used or index:
                etree.SubElement(parent, _h("br"))
            if not alone and fact.concept.type is not ValueType.BOOLEAN:
                self.text(parent, base_of(fact.concept).heading(self.lang) + self.word(phrases.LABEL_END))
            self.tag(parent, fact)

    def tranche_name(self, key: Key) -> str:
        label = self.get(c.TRANCHE_LABEL, key, unshown=False)
        if label is not None:
            return str(label.value)
        member = self.members[key][0]
        assert isinstance(member, ExplicitMember)
        return self.extension_labels[member.member][self.lang] if member.member in self.extension_labels \
            else member.member

    def tranche_name_tagged(self, parent: etree._Element, key: Key) -> None:
        """The tranche's name: its label tagged where it is first shown, plain text after that."""
        label = self.get(c.TRANCHE_LABEL, key)
        if label is not None:
            self.tag(parent, label)
        else:
            self.text(parent, self.tranche_name(key))

    def tranche_caption(self, parent: etree._Element, key: Key) -> None:
        """The tranche's name before its values."""
        self.tranche_name_tagged(parent, key)
        self.text(parent, self.word(phrases.LABEL_END))

    # -- allotments ----------------------------------------------------------------------------
    def allotment_rows(self, key: Key) -> list[Key]:
        """Contexts of recipient categories within context ``key`` (the notice, or one tranche)."""
        return self.rows.get(key, [])

    def category_label(self, context: Key) -> str:
        member = next(m for m in self.members[context] if isinstance(m, ExplicitMember) and m.dimension == RECIPIENT_AXIS.name)
        labels = _CATEGORY_LABELS.get(member.member) or self.extension_labels.get(member.member)
        return labels[self.lang] if labels else member.member

    def allotments(self, cell: etree._Element, group: _Group) -> None:
        tranches = [key for key in group.contexts if self.allotment_rows(key)]
        for key in tranches:
            holder = cell
            if key and not (group.named and len(tranches) == 1):
                holder = etree.SubElement(cell, _h("div"), {"class": "tranche"})
                self.tranche_caption(holder, key)
            rows = self.allotment_rows(key)
            if len(rows) == 1:
                self.allotment_line(holder, rows[0])
            else:
                self.allotment_table(holder, key, rows)

    def allotment_line(self, parent: etree._Element, context: Key) -> None:
        """One recipient category, in words: 当社の執行役員　3名　554株."""
        names = [f for concept in (c.RECIPIENT_DESCRIPTION, c.ALLOTTEE_NAME) if (f := self.get(concept, context))]
        numbers = [f for concept in phrases.ALLOTMENT_COLUMNS[2:] if (f := self.get(concept, context))]
        for index, fact in enumerate(names):
            self.text(parent, self.word(phrases.SEPARATOR) if index else "")
            self.tag(parent, fact)
        if not names:
            self.text(parent, self.category_label(context))
        for index, fact in enumerate(numbers):
            self.text(parent, (self.word(phrases.LABEL_END) if index == 0 else self.word(phrases.SEPARATOR))
                      if self.lang == "en" else "　")
            self.tag(parent, fact)

    def allotment_table(self, parent: etree._Element, key: Key, rows: list[Key]) -> None:
        columns = [concept for concept in phrases.ALLOTMENT_COLUMNS
                   if any(self.get(concept, row, unshown=False) for row in rows)]
        if not any(concept in columns for concept in (c.RECIPIENT_DESCRIPTION, c.ALLOTTEE_NAME)):
            columns.insert(0, c.RECIPIENT_DESCRIPTION)  # the category's own label stands in
        table = etree.SubElement(parent, _h("table"), {"class": "allotments"})
        header = etree.SubElement(table, _h("tr"))
        for concept in columns:
            etree.SubElement(header, _h("th")).text = concept.heading(self.lang)
        for context in rows:
            row = etree.SubElement(table, _h("tr"))
            for index, concept in enumerate(columns):
                cell = etree.SubElement(row, _h("td"), {"class": "num"} if concept.type.numeric else {})
                cell.text = ""
                fact = self.get(concept, context)
                if fact is not None:
                    self.tag(cell, fact)
                elif index == 0 and concept is c.RECIPIENT_DESCRIPTION:
                    cell.text = self.category_label(context)
        totals = {column.name: next((f for total in phrases.ALLOTMENT_TOTALS.get(column.name, ())
                                     if (f := self.get(total, key, unshown=False)) is not None), None)
                  for column in columns}
        if any(totals.values()):
            row = etree.SubElement(table, _h("tr"))
            for index, concept in enumerate(columns):
                cell = etree.SubElement(row, _h("td"), {"class": "num"} if concept.type.numeric else {})
                cell.text = ""  # <td></td>, not <td/>, for browsers that read the page as HTML
                total = totals[concept.name]
                if index == 0:
                    cell.text = self.word(phrases.TOTAL)
                elif total is not None:
                    self.tag(cell, total)  # the issuance's own total, stated again: a consistent duplicate

    # -- what no item took ---------------------------------------------------------------------
    def remaining(self, body: etree._Element, group: _Group, number: int) -> int:
        """Facts of the group's issuances that no item of its layout showed, each under its label."""
        hidden = {concept.name for concept in phrases.HIDDEN} | {c.TRANCHE_LABEL.name}
        rows: list[tuple[Key, Fact]] = []
        for key in group.contexts:
            for name, facts in self.index.get(key, {}).items():
                if name in hidden:
                    continue
                rows.extend((key, fact) for fact in facts if id(fact) not in self.shown
                            and fact.concept.type is not ValueType.TEXT_BLOCK)
        if not rows:
            return number
        self.numbered(body, number, self.word(phrases.OTHER_PARTICULARS))
        table = etree.SubElement(body, _h("table"), {"class": "items"})
        for index, (key, fact) in enumerate(rows, start=1):
            row = etree.SubElement(table, _h("tr"))
            etree.SubElement(row, _h("td")).text = f"({index})"
            etree.SubElement(row, _h("td"), {"class": "heading"}).text = base_of(fact.concept).label[self.lang]
            cell = etree.SubElement(row, _h("td"))
            if key:
                self.tranche_caption(cell, key)
            self.tag(cell, fact)
        return number + 1

    def sections(self, body: etree._Element, number: int) -> None:
        """Sections of prose no part took: further sections under their own headings, in the input's order."""
        for fact in self.factset.facts:
            if fact.concept.type is not ValueType.TEXT_BLOCK or fact.lang not in (None, self.lang) \
                    or id(fact) in self.shown:
                continue
            heading = fact.concept.label[self.lang]
            typed = [m for m in fact.context.members if not isinstance(m, ExplicitMember)
                     and m.dimension == SECTION_AXIS.name]
            if typed:
                labels = self.factset.section_headings.get(typed[0].value)
                heading = labels[self.lang] if labels else typed[0].value
            self.numbered(body, number, heading)
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
