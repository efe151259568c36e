"""What each printed figure and date is: the field of the filing it states, read from the words around it.

A token's context is its clause (the words between the previous value and it on its line, or the
heading lines before it), the heading of its item, and its section; for dates also the sentence
(``開催の取締役会``, ``held on ... Board of Directors``, ``付で公表``, ``released on``). The rules are
ordered from the most specific; a figure no rule claims is left untagged (and shown as such on the
review page), never guessed. Allotments (who gets how much) are read by ``allot``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from exporter.sources.notices.lines import Line
from exporter.sources.notices.structure import Layout
from exporter.sources.notices.tokens import Token

Key = tuple[str, ...]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


ALLOTMENT_HEADING = _re(r"割当(?:て|ての)?(?:の)?対象者|付与対象者|割当予定先|処分予定先|割当先|割り当てる(?:新株予約権|株式)|"
                        r"対象者(?:の区分|及び|および)|allottee|to be allotted|persons to whom|recipients?|grantees?|"
                        r"eligible persons|planned allottees|number of persons|allotted to")
_LOWER = _re(r"下限行使価額|lower limit (?:of the )?(?:exercise|conversion) price|floor price")
_UPPER = _re(r"上限行使価額|upper limit (?:of the )?exercise price|cap price")
_INITIAL = _re(r"当初行使価額|当初の行使価額|initial exercise price")
_EXERCISE = _re(r"行使価額|行使価格|行使に際して(?:払込|出資)|exercise price|strike price|amount (?:of property )?to be "
                r"(?:paid|contributed) (?:up)?on (?:the )?exercise")
_NET = _re(r"差引手取|手取概算|net proceeds|net amount")
_GROSS = _re(r"調達(?:する)?資金の額|資金調達の額|gross proceeds|total amount to be paid in|amount of (?:the )?funds "
             r"(?:to be )?raised")
_SHARES_WORDS = _re(r"処分|発行|割当|目的|dispos|issu|allot|underlying|subject to|number of (?:the )?shares")
_UNIT_SHARES = _re(r"単元|share unit|trading unit")
_TOTAL_VOTING = _re(r"総議決権|total (?:number of )?voting rights|voting rights of all shareholders")
_ISSUE_WORDS = _re(r"本件|本新株|発行|処分|割当|to be issued|issued|disposed|allotted")
_CLOSING = _re(r"終値|closing price|株価|share price")
_PLAN = _re(r"目的|理由|制度|purpose|reasons?|plan")
_CAP = _re(r"報酬|上限|以内|年額|remuneration|compensation|per (?:year|annum)|each fiscal year")
_PROCEEDS_SECTION = _re(r"調達|proceeds|funds to be raised|資金の(?:額|使途)")
_AFTER_ISSUE = _re(r"募集後|処分後|発行後の|after the (?:issuance|offering|allotment|disposal)")
_DILUTION = _re(r"希薄化|dilution")
_VOTING = _re(r"議決権|voting rights")
_COSTS = _re(r"発行諸費用|諸費用|issue costs|issuance costs|expenses")
_RESERVE = _re(r"資本準備金|capital reserve|legal capital surplus")
_CAPITAL = _re(r"増加する資本金|資本金|stated capital|share capital|capital increase")
_TOTAL = _re(r"総額|払込総額|合計|total|aggregate|in all")
_EXERCISE_TOTAL = _re(r"行使に際して出資される財産|行使価額の総額|exercise value|(?:paid|contributed|payable) (?:up)?on "
                      r"(?:the )?exercise")
_PER_RIGHT_SHARES = _re(r"1個(?:当た?り|につき|あたり)|付与株式数|for each|per (?:each |one )?(?:stock acquisition |share )?"
                        r"(?:rights?|options?|units?)|each (?:stock acquisition )?right|target shares")
_PER_RIGHT_AFTER = _re(r"\s*(?:per|for each|for every|of each)\s+(?:one\s+)?(?:stock acquisition |share )?"
                       r"(?:rights?|options?|units?)\b")
_BARE_RIGHTS = _re(r"(?:新株予約権の(?:総)?数|新株予約権数|個数|number of (?:the )?(?:stock acquisition rights|share options|"
                   r"rights|units)|stock acquisition rights)\s*(?:\(個\)|\(units\))?\s*[:：|]?\s*$")
_BARE_SHARES = _re(r"(?:株式(?:の)?数|number of (?:the )?shares|shares)\s*(?:\(株\))?\s*[:：|]?\s*$")
_BARE_MONEY = _re(r"(?:価額|金額|価格|払込金額|総額|price|amount)\s*(?:\((?:円|yen|jpy)\))?\s*[:：|]?\s*$")
_BARE_PERSONS = _re(r"(?:人数|number of (?:persons|recipients|allottees))\s*(?:\(名\))?\s*[:：|]?\s*$")
_FLOOR_SHARES = _re(r"下限行使価額においても|at the (?:lower limit|floor)")
_OUTSTANDING = _re(r"発行済株式(?:総)?数|shares (?:issued and )?outstanding|total number of (?:shares )?issued shares")
_RIGHTS_TOTAL = _re(r"新株予約権|総数|stock acquisition rights|share options|options|rights|units")
_NOT_RIGHTS_TOTAL = _re(r"1個|per right")

# Dates by the heading of their item.
_DATE_ITEMS: tuple[tuple[re.Pattern[str], Key | tuple[Key, Key]], ...] = (
    (_re(r"行使(?:することができる)?期間|権利行使期間|exercis(?:e|able) period|period (?:for|of) exercise"),
     (("exercise", "period_start"), ("exercise", "period_end"))),
    (_re(r"譲渡制限期間|restriction period|transfer restriction"),
     (("transfer_restriction", "start"), ("transfer_restriction", "end"))),
    (_re(r"払込期間|payment period"), (("payment_period_start",), ("payment_period_end",))),
    (_re(r"割当(?:て)?(?:の)?日|割当日|付与日|allotment date|date of allotment|grant date|date of grant"),
     ("allotment_date",)),
    (_re(r"払込期日|払込日|払込みの期日|payment date|due date|date of payment"), ("payment_date",)),
    (_re(r"処分期日|処分日|disposal date|date of disposal"), ("disposal_date",)),
    (_re(r"発行内容確定日|条件決定日|determination date"), ("determination_date",)),
)
_BOARD = _re(r"取締役会|board of directors|board meeting|meeting of the board|board resolution|resolution of the board|書面決議|みなし決議")
_MEETING = _re(r"株主総会|shareholders'? meeting|general meeting|meeting of shareholders|\bagm\b")
_ANNOUNCED = _re(r"付で?[^、。]{0,16}公表|公表し|付「|付け?で?開示|公表(?:した|いたし)|announced|released on|dated|付の?お知らせ")
_INTRODUCE = _re(r"導入|introduc|establish|adopt(?:ed|ion) (?:of )?(?:a|the) .*plan|制度を新設")
TODAY_BOARD = _re(r"本日(?:開催|開かれた)?の?(?:当社)?取締役会|本日[、,]?[^。]{0,24}?(?:取締役会|書面決議|みなし決議)|"
                  r"held today|meeting (?:held )?today|today'?s? (?:board|meeting)")
_DATELINE = _re(r"^\s*(?:\*+\s*)?(?:[A-Za-z ,.]{2,40}[-–—,]\s*)?$")


@dataclass(frozen=True)
class Context:
    local: str  # the clause before the value (folded, spaces collapsed)
    heading: str  # the item's heading
    section: str  # the section's heading
    after: str  # the words after the value


def _both(text: str) -> str:
    """Text to match rules on: with spaces collapsed (English) and without any (Japanese split by PDF)."""
    spaced = " ".join(text.split())
    return spaced + " \u2016 " + re.sub(r"\s+", "", text)


class Classifier:
    def __init__(self, layout: Layout, instrument: str, follow_up: bool):
        self.layout, self.instrument, self.follow_up = layout, instrument, follow_up
        self.board_seen = False

    def context(self, token: Token) -> Context:
        lines, layout = self.layout.lines, self.layout
        line = lines[token.line]
        previous = [t for t in layout.tokens[token.line] if t.start < token.start]
        start = previous[-1].unit_end if previous else 0
        item = layout.item_at(token.line, token.start)
        if item is not None and item.line == token.line and item.start >= start:
            start = item.start
        local = line.folded[start:token.start]
        if not re.sub(r"[\s|:：()（）\[\]、,.。]", "", local) and not previous and token.line > 0:
            earlier = lines[token.line - 1]
            if not layout.tokens[earlier.index] and (item is None or item.line < token.line):
                local = earlier.folded + " " + local
        section = layout.section_at(token.line, token.start)
        heading = item.heading if item else (section.heading if section else "")
        return Context(_both(local), _both(heading), _both(section.heading if section else ""),
                       line.folded[token.unit_end:token.unit_end + 40])

    def sentence_before(self, token: Token) -> str:
        """The words of the token's sentence before it, on its line."""
        head = self.layout.lines[token.line].folded[:token.start]
        return _outside_brackets(head, backwards=True)[-80:]

    def next_line(self, token: Token) -> str:
        lines = self.layout.lines
        if token.line + 1 < len(lines) and not self.layout.tokens[token.line + 1]:
            return lines[token.line + 1].folded[:30]
        return ""

    def infer_unit(self, token: Token, context: Context) -> str | None:
        """The unit of a bare figure from its label (a table cell ``1,500`` under ``Total number of rights``)."""
        if token.unit is not None or not isinstance(token.value, Decimal) \
                or token.value != token.value.to_integral_value():
            return token.unit
        label = context.local if context.local.strip(" \u2016|:：") else context.heading
        labels = [*label.split(" \u2016 "), self.column_heading(token)]
        for part in labels:
            for pattern, unit in ((_BARE_RIGHTS, "rights"), (_BARE_SHARES, "shares"), (_BARE_PERSONS, "persons"),
                                  (_BARE_MONEY, "money")):
                if part and pattern.search(part):
                    return unit
        return None

    def column_heading(self, token: Token) -> str:
        """In a table row, the heading of the token's column: the cell above it in the table's first row
        without figures (``| Directors | 5 | 100 |`` under ``| Category | Persons | Rights |``)."""
        lines = self.layout.lines
        line = lines[token.line]
        if not line.in_row:
            return ""
        column = line.folded[:token.start].count(" | ")
        table = line.block.getparent()
        index = token.line - 1
        while index >= 0 and lines[index].in_row and lines[index].block.getparent() is table:
            if not self.layout.tokens[index]:
                cells = lines[index].folded.split(" | ")
                return cells[column] + " :" if column < len(cells) else ""
            index -= 1
        return ""

    def in_allotment(self, token: Token, context: Context) -> bool:
        if ALLOTMENT_HEADING.search(context.heading):
            return True
        units = {t.unit for t in self.layout.tokens[token.line]}
        return "persons" in units and bool(units & {"rights", "shares"})

    # -- numbers ----------------------------------------------------------------------------------------
    def number(self, token: Token, context: Context) -> Key | None:
        local, heading = context.local, context.heading
        rights = self.instrument == "rights"
        if _AFTER_ISSUE.search(local) or _UNIT_SHARES.search(local):
            return None  # figures after the issuance, or the trading unit: no concept of their own
        if _VOTING.search(local) and token.unit in ("rights", None) and token.kind == "number":
            if _TOTAL_VOTING.search(local):
                return ("dilution", "voting_rights_outstanding")
            return ("dilution", "voting_rights_issued") if _ISSUE_WORDS.search(local) else None
        if token.unit == "money" and (_CLOSING.search(local) or _CLOSING.search(self.sentence_before(token))):
            return ("reference_price", "price_per_share")
        if token.upper and token.unit in ("money", "shares") and _PLAN.search(context.section) \
                and _CAP.search(self.sentence(token)):
            return ("plan", "caps", "amount") if token.unit == "money" else ("plan", "caps", "shares")
        if token.unit == "percent":
            if _DILUTION.search(local) or _DILUTION.search(heading):
                return ("dilution", "voting_rights_ratio") if _VOTING.search(local) else ("dilution", "ratio")
            return None
        if token.unit == "money":
            net_after = _NET.search(context.after) or _NET.search(self.next_line(token))
            if net_after and not _TOTAL.search(local):
                return ("proceeds", "net")
            if _PROCEEDS_SECTION.search(context.section) and re.search(r"払込金額の総額|総額|gross|total", local,
                                                                        re.IGNORECASE) and not _NET.search(local) \
                    and not _COSTS.search(local):
                return ("proceeds", "gross")
            key: Key
            for pattern, key in ((_LOWER, ("exercise", "lower_limit_price_per_share")),
                                 (_UPPER, ("exercise", "upper_limit_price_per_share")),
                                 (_INITIAL, ("exercise", "initial_price_per_share"))):
                if rights and (pattern.search(local) or (pattern.search(heading) and not _TOTAL.search(local))):
                    return key
            if token.per == "right":
                return ("payment", "amount_per_right") if rights else None
            if token.per == "share":
                if rights and (_EXERCISE.search(local) or _EXERCISE.search(heading)):
                    return ("exercise", "price_per_share")
                return ("payment", "amount_per_share") if rights else ("price_per_share",)
            for pattern, key in ((_NET, ("proceeds", "net")), (_COSTS, ("proceeds", "issue_costs")),
                                 (_GROSS, ("proceeds", "gross")), (_RESERVE, ("capital_reserve_increase",)),
                                 (_CAPITAL, ("capital_increase",))):
                if pattern.search(local) or (not local.strip(" \u2016") and pattern.search(heading)):
                    if key[0].startswith("capital") and rights:
                        return None
                    return key
            if rights and (_EXERCISE.search(local) or _EXERCISE.search(heading)) and not _TOTAL.search(local):
                return ("exercise", "price_per_share")
            if _TOTAL.search(local) or _TOTAL.search(heading):
                if not rights:
                    return ("total_amount",)
                if _EXERCISE_TOTAL.search(local):
                    return ("aggregates", "exercise_value")
                return ("aggregates", "amount_paid")
            return None
        if token.unit == "shares" or (token.unit is None and re.search(r"株式数|number of (?:the )?shares|shares",
                                                                       local, re.IGNORECASE)):
            if _FLOOR_SHARES.search(local) and rights:
                return ("exercise", "shares_at_lower_limit_price")
            if _OUTSTANDING.search(local):
                return ("dilution", "shares_outstanding")
            if rights and (_PER_RIGHT_SHARES.search(local) or _PER_RIGHT_AFTER.match(context.after)):
                return ("shares_per_right",)
            in_item = self.layout.item_at(token.line, token.start) is not None or \
                self.layout.section_at(token.line, token.start) is not None
            if not in_item and not _SHARES_WORDS.search(local):
                return None  # shares mentioned in passing (treasury shares held, ...), not the issuance's
            return ("number_of_shares",)
        if token.unit == "rights" and rights:
            if _NOT_RIGHTS_TOTAL.search(local):
                return None
            return ("number_of_rights",)
        return None

    # -- dates ------------------------------------------------------------------------------------------
    def date(self, token: Token, context: Context) -> Key | tuple[Key, Key] | None:
        layout = self.layout
        line = layout.lines[token.line]
        before = line.folded[max(0, token.start - 60):token.start]
        following = [t.start for t in layout.tokens[token.line] if t.start >= token.end]
        after = line.folded[token.end:min([token.end + 60, *following])]
        compact_after = re.sub(r"\s+", "", after)[:30]
        nearest = None
        for name, pattern in (("board", _BOARD), ("meeting", _MEETING), ("announced", _ANNOUNCED)):
            for text in (after[:45], compact_after):
                match = pattern.search(text)
                if match and (nearest is None or match.start() < nearest[1]):
                    nearest = (name, match.start())
        if nearest is None:
            for name, pattern in (("board", _BOARD), ("meeting", _MEETING), ("announced", _ANNOUNCED)):
                match = pattern.search(before[-60:])
                if match and (nearest is None or match.start() > nearest[1]):
                    nearest = (name, match.start())
        header = layout.in_header(token.line, token.start)
        if header and nearest is None:
            return ("announcement_date",)
        if token.line == (layout.lead or (-1, 0))[0] and token.start < 80 and _DATELINE.match(before) \
                and re.match(r"\s*[-–—]", line.folded[token.end:token.end + 3]):
            return ("announcement_date",)
        for pattern, key in _DATE_ITEMS:
            if pattern.search(context.local) or (pattern.search(context.heading) and nearest is None):
                return key
        if _CLOSING.search(after[:40]) or re.search(r"終値|closing price", self.sentence(token)[:60]):
            return ("reference_price", "date")
        if nearest is None:
            return None
        if nearest[0] == "board":
            if self.is_lead(token) and not self.today_in_lead:
                return ("board_resolution_date",)
            if _INTRODUCE.search(self.sentence(token)):
                return ("plan", "introduction_date")
            return None if self.today_in_lead else ("board_resolution_date",)
        if nearest[0] == "meeting":
            return ("shareholders_meeting", "date")
        return ("earlier_notice", "date") if self.follow_up else ("plan", "announcement_date")

    @property
    def today_in_lead(self) -> bool:
        lead = self.layout.lead
        if lead is None:
            return False
        text = " ".join(line.folded for line in self.layout.lines[lead[0]:lead[0] + 3])
        return bool(TODAY_BOARD.search(text))

    def is_lead(self, token: Token) -> bool:
        lead = self.layout.lead
        if lead is None:
            return False
        first_item = next((item for item in self.layout.items if (item.line, item.start) >= lead), None)
        end = (first_item.line, first_item.start) if first_item else (lead[0] + 3, 0)
        return lead <= (token.line, token.start) < end

    def sentence(self, token: Token) -> str:
        """The sentence around a date, across PDF line breaks, to a 。 or period outside brackets."""
        lines: list[Line] = self.layout.lines
        head = lines[token.line].folded[:token.start]
        text = lines[token.line].folded[token.start:]
        index = token.line + 1
        while index < len(lines) and index <= token.line + 5 and len(text) < 400:
            text += lines[index].folded
            index += 1
        return _outside_brackets(head, backwards=True) + _outside_brackets(text, backwards=False)


def _outside_brackets(text: str, *, backwards: bool) -> str:
    """``text`` up to (or, backwards, from) the first sentence end that is not inside brackets."""
    depth = 0
    order = range(len(text) - 1, -1, -1) if backwards else range(len(text))
    for position in order:
        char = text[position]
        if char in "(（「『[" :
            depth += -1 if backwards else 1
        elif char in ")）」』]":
            depth += 1 if backwards else -1
        if depth < 0:
            depth = 0
        if depth == 0 and (char == "。" or (char == "." and text[position + 1:position + 2] == " ")):
            return text[position + 1:] if backwards else text[:position]
    return text
