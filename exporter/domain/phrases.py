"""The words and the layout of a generated notice, in English and Japanese, around the tagged values.

A timely-disclosure notice has a fixed shape: the date and the issuer's header block, the title, a
lead paragraph saying what the notice does, 記, numbered parts (1．処分の概要, 2．処分の目的及び理由)
whose items ((1) 処分期日, (2) 処分する株式の種類及び数, ...) come in the order notices of that kind
use, and 以上. This module declares that shape as data, per kind of issuance and per type of notice:

- ``LAYOUTS``: for each layout (``KIND_LAYOUTS`` maps kinds to them), its ``Part`` s; a part is
  numbered items or one section of prose. An ``Item`` names the concepts it shows and, in
  ``patterns``, how their values read together ("{class}{number}" -> 当社普通株式22,409株); values a
  pattern does not take are shown after it, each with its concept's label. An item without a
  heading is headed by its concept's label, so most headings derive from the concepts.
- Words that depend on the method (発行 or 処分) are ``{act}``-style fields of ``METHOD_WORDS``.
- ``LEADS``: the lead paragraph by notice type (a resolution is 決議, a determination 確定, a
  completion 払込完了 ...), and ``OCCASIONS``/``RESOLVED``: how the decision is told, by which facts
  the notice states. ``[name]`` marks where a tagged value stands; ``{name}`` is a word.

Headings and values stay the concepts' (``concepts``); units, currency words and captions are here.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.domain import concepts as c
from exporter.domain.concepts import Concept
from exporter.domain.kinds import IssuanceKind, NoticeType, ShareMethod
from exporter.domain.text import Labels

L = Labels

# --- Values ------------------------------------------------------------------------------------
UNITS: dict[str, Labels] = {
    "rights": L(" rights", "個"),
    "shares": L(" shares", "株"),
    "persons": L(" persons", "名"),
    "voting_rights": L(" voting rights", "個"),
    "percent": L("%", "%"),
}
NOT_EXCEEDING = L("not exceeding ", "上限")
TO_BE_DETERMINED = L("to be determined", "未定")

# Currency words: before the number in English (JPY 369,200), after it in Japanese (369,200円).
CURRENCY_JA: dict[str, str] = {"JPY": "円", "USD": "米ドル", "EUR": "ユーロ", "GBP": "英ポンド", "CNY": "人民元"}
SCALE_WORDS: dict[int, Labels] = {0: L("", ""), 3: L(" thousand", "千"), 6: L(" million", "百万"), 9: L(" billion", "十億")}
# A convenience translation follows the amount it translates: 57,294,000円（約400,000米ドル）.
TRANSLATION = L(" (approximately [value])", "（約[value]）")

# --- The header block --------------------------------------------------------------------------
CAPTIONS: dict[str, Labels] = {
    "company": L("Company name: ", "会社名　"),
    "representative": L("Representative: ", "代表者名　"),
    "code": L("Code: ", "コード番号："),
    "contact": L("Contact: ", "問合せ先　"),
    "telephone": L("TEL: ", "TEL　"),
    "address": L("Address: ", "住所　"),
    "lei": L("LEI: ", "LEI："),
    "edinet": L("EDINET code: ", "EDINETコード："),
    "listings": L("Listings: ", "上場市場："),
}
TO_ALL = L("To whom it may concern:", "各位")
RECORD = L("", "記")  # opens the items of a Japanese notice
END = L("End", "以上")  # closes a notice
SEPARATOR = L(", ", "、")
AND = L(" and ", "及び")  # between values an item shows one after another
LABEL_END = L(": ", "　")  # between a label and its value
TOTAL = L("Total", "合計")
OTHER_PARTICULARS = L("Other particulars", "その他の事項")  # values no item of the layout shows
AMENDED = L("{heading} (as amended)", "訂正後の{heading}")

# --- What the notice is about ------------------------------------------------------------------
# How each kind qualifies the act: after it in English, before it in Japanese
# (the disposal of treasury shares as restricted stock compensation / 譲渡制限付株式報酬としての自己株式の処分).
KIND_WORDS: dict[IssuanceKind, Labels] = {
    IssuanceKind.STOCK_COMPENSATION_OPTIONS: L(" as stock-compensation-type stock options",
                                               "株式報酬型ストックオプションとしての"),
    IssuanceKind.STOCK_OPTIONS: L(" as stock options", "ストックオプションとしての"),
    IssuanceKind.PAID_STOCK_OPTIONS: L(" as paid stock options", "有償ストックオプションとしての"),
    IssuanceKind.THIRD_PARTY_RIGHTS: L(" by third-party allotment", "第三者割当による"),
    IssuanceKind.RESTRICTED_STOCK: L(" as restricted stock compensation", "譲渡制限付株式報酬としての"),
    IssuanceKind.RSU: L(" under the restricted stock unit (RSU) plan", "RSU制度に基づく"),
    IssuanceKind.PSU: L(" under the performance share unit (PSU) plan", "PSU制度に基づく"),
    IssuanceKind.TRUST_PLAN: L(" by third-party allotment to the trust of the stock compensation plan",
                               "株式報酬制度に係る信託を割当先とする第三者割当による"),
    IssuanceKind.THIRD_PARTY_SHARES: L(" by third-party allotment", "第三者割当による"),
}
# Several kinds of compensation in one notice (PSU and RSU): what they have in common.
COMPENSATION_WORDS = L(" as stock compensation", "株式報酬としての")


@dataclass(frozen=True)
class MethodWords:
    """The words that change with how shares reach the allottees (or with rights instead of shares)."""

    subject: Labels  # the act, with its object: the disposal of treasury shares / 自己株式の処分
    act: Labels  # disposal / 処分
    acted: Labels  # disposed of / 処分
    price: Labels  # Disposal price / 処分価額
    total: Labels  # Total disposal value / 処分価額の総額
    allottees: Labels  # the heading of the allotment item


METHOD_WORDS: dict[ShareMethod | None, MethodWords] = {
    ShareMethod.NEW_SHARES: MethodWords(
        L("the issuance of new shares", "新株式の発行"), L("issuance", "発行"), L("issued", "発行"),
        L("Issue price", "発行価額"), L("Total issue value", "発行価額の総額"),
        L("Allottees and number of shares to be allotted", "割当予定先")),
    ShareMethod.TREASURY_SHARES: MethodWords(
        L("the disposal of treasury shares", "自己株式の処分"), L("disposal", "処分"), L("disposed of", "処分"),
        L("Disposal price", "処分価額"), L("Total disposal value", "処分価額の総額"),
        L("Allottees and number of shares to be allotted", "処分予定先")),
    None: MethodWords(  # shares, the notice not saying which; or stock acquisition rights (below)
        L("the issuance or disposal of shares", "株式の発行又は処分"), L("issuance or disposal", "発行又は処分"),
        L("issued or disposed of", "発行又は処分"), L("Issue or disposal price", "発行価額又は処分価額"),
        L("Total issue or disposal value", "発行価額又は処分価額の総額"), L("Allottees", "割当予定先")),
}
RIGHTS_WORDS = MethodWords(
    L("the issuance of stock acquisition rights", "新株予約権の発行"), L("issuance", "発行"), L("issued", "発行"),
    L("Issue price", "発行価額"), L("Total issue value", "発行価額の総額"), L("Allottees", "割当予定先"))

# --- The lead paragraph ------------------------------------------------------------------------
# How the decision is told, by what the notice states: the resolution date ([date]) and the body
# that decided ([body]) when it is not the board meeting (a written resolution, a delegate).
OCCASIONS: dict[frozenset[str], Labels] = {
    frozenset({"date", "body"}): L("on [date], by [body], ", "[date]、[body]により、"),
    frozenset({"date"}): L("at the meeting of its Board of Directors held on [date], ", "[date]開催の取締役会において、"),
    frozenset({"body"}): L("by [body], ", "[body]により、"),
    frozenset(): L("", ""),
}
# The same, for a follow-up notice referring back to the decision.
RESOLVED: dict[frozenset[str], Labels] = {
    frozenset({"date", "body"}): L(" resolved on [date] by [body]", "[date]に[body]により決議いたしました"),
    frozenset({"date"}): L(" resolved by its Board of Directors on [date]", "[date]開催の取締役会において決議いたしました"),
    frozenset({"body"}): L(" resolved by [body]", "[body]により決議いたしました"),
    frozenset(): L("", ""),
}
# When a determination notice says the terms were fixed ([determined]: a notice-wide date).
DETERMINED: dict[frozenset[str], Labels] = {
    frozenset({"determined"}): L(" on [determined]", "[determined]、"),
    frozenset(): L("", ""),
}

# The lead by notice type. {company}: the issuer's name (English); {subject}: what is issued, how;
# {occasion}, {resolved}, {determined}: the phrases above, filled with tagged values.
LEADS: dict[NoticeType, Labels] = {
    NoticeType.RESOLUTION: L(
        "{company} (the “Company”) hereby announces that {occasion}it resolved to proceed with {subject}, "
        "as described below.",
        "当社は、{occasion}下記のとおり、{subject}を行うことについて決議いたしましたので、お知らせいたします。"),
    NoticeType.DETERMINATION: L(
        "{company} (the “Company”) hereby announces that the terms of {subject}{resolved} have been "
        "determined{determined}, as described below.",
        "当社は、{resolved}{subject}について、{determined}発行内容が下記のとおり確定いたしましたので、"
        "お知らせいたします。"),
    NoticeType.COMPLETION: L(
        "{company} (the “Company”) hereby announces that the payment procedures for {subject}{resolved} have "
        "been completed, as described below.",
        "当社は、{resolved}{subject}について、払込手続きが完了いたしましたので、下記のとおりお知らせいたします。"),
    NoticeType.RESULTS: L(
        "{company} (the “Company”) hereby announces the results of the allotment in {subject}{resolved}, as "
        "described below.",
        "当社は、{resolved}{subject}について、割当ての結果が下記のとおりとなりましたので、お知らせいたします。"),
    NoticeType.AMENDMENT: L(
        "{company} (the “Company”) hereby announces that there are matters to be corrected in its notice on "
        "{subject}, as described below.",
        "当社が公表いたしました{subject}に関するお知らせについて、訂正すべき事項がありましたので、"
        "下記のとおりお知らせいたします。"),
}
# An amendment names the notice it corrects in its lead, when the input gives it.
AMENDMENT_LEADS: dict[frozenset[str], Labels] = {
    frozenset({"date", "title"}): L(
        "{company} (the “Company”) hereby announces that there are matters to be corrected in its notice "
        "“[title]” released on [date], as described below.",
        "当社が[date]付で公表いたしました「[title]」について、訂正すべき事項がありましたので、"
        "下記のとおりお知らせいたします。"),
    frozenset({"title"}): L(
        "{company} (the “Company”) hereby announces that there are matters to be corrected in its notice "
        "“[title]”, as described below.",
        "当社が公表いたしました「[title]」について、訂正すべき事項がありましたので、下記のとおりお知らせいたします。"),
    frozenset({"date"}): L(
        "{company} (the “Company”) hereby announces that there are matters to be corrected in its notice on "
        "{subject} released on [date], as described below.",
        "当社が[date]付で公表いたしました{subject}に関するお知らせについて、訂正すべき事項がありましたので、"
        "下記のとおりお知らせいたします。"),
}
# A follow-up refers the reader to the notice it follows.
EARLIER: dict[frozenset[str], Labels] = {
    frozenset({"date", "title"}): L(" For details, please refer to the notice “[title]” released on [date].",
                                    "なお、詳細につきましては、[date]付「[title]」をご参照ください。"),
    frozenset({"title"}): L(" For details, please refer to the notice “[title]”.", "なお、詳細につきましては、「[title]」をご参照ください。"),
    frozenset({"date"}): L(" For details, please refer to the notice released on [date].",
                           "なお、詳細につきましては、[date]付で公表いたしましたお知らせをご参照ください。"),
}


# --- The parts and items of a notice -----------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One numbered item: the concepts it shows, under what heading, and how their values read together.

    ``parts`` names each concept for the patterns. ``patterns`` are tried in order; the first whose
    every field has a value is used, and the values it leaves out follow it, each after its label.
    ``heading`` may hold method words ({act}, {acted}, {price}, {total}, {allottees}); without one,
    the item is headed by the label of its first concept that has a value. ``allotments`` makes the
    item the allotment table (persons, rights and shares by recipient category, with a total row).
    """

    parts: tuple[tuple[str, Concept], ...]
    heading: Labels | None = None
    patterns: tuple[Labels, ...] = ()
    allotments: bool = False

    @property
    def concepts(self) -> tuple[Concept, ...]:
        return tuple(concept for _, concept in self.parts)


@dataclass(frozen=True)
class Part:
    """A numbered part of the notice: items, or one section of prose (``text``).

    ``terms``: the part states the issuance's terms, which an amendment shows as amended (AMENDED).
    """

    heading: Labels
    items: tuple[Item, ...] = ()
    text: Concept | None = None
    terms: bool = True


def _one(concept: Concept, heading: Labels | None = None, *patterns: Labels) -> Item:
    return Item((("value", concept),), heading, patterns)


ALLOTMENT_COLUMNS = (c.RECIPIENT_DESCRIPTION, c.ALLOTTEE_NAME, c.NUMBER_OF_RECIPIENTS, c.RIGHTS_ALLOTTED,
                     c.SHARES_ALLOTTED)
# The total row of the allotment table: the issuance's own total of each column, where it states one.
ALLOTMENT_TOTALS: dict[str, tuple[Concept, ...]] = {
    c.RIGHTS_ALLOTTED.name: (c.NUMBER_OF_RIGHTS,),
    c.SHARES_ALLOTTED.name: (c.NUMBER_OF_SHARES, c.UNDERLYING_SHARES),
}


def _allotments(heading: Labels) -> Item:
    return Item(tuple((concept.name, concept) for concept in ALLOTMENT_COLUMNS), heading, allotments=True)


_PERIOD = (L("From [start] to [end]", "[start]から[end]まで"), L("From [start]", "[start]から"),
           L("Until [end]", "[end]まで"))


def _period(start: Concept, end: Concept, heading: Labels | None = None) -> Item:
    return Item((("start", start), ("end", end)), heading, _PERIOD)


_CLASS_AND_NUMBER = (L("[number] of [class]", "[class][number]"),)
_PER_SHARE = (L("[value] per share", "1株につき[value]"),)
_OTHER = Item((("conditions", c.CONDITIONS), ("other", c.OTHER_MATTERS)), L("Other", "その他"))
_EXERCISE_PERIOD = _period(c.EXERCISE_START, c.EXERCISE_END,
                           L("Period during which the stock acquisition rights may be exercised",
                             "新株予約権を行使することができる期間"))
_PAYMENT_PERIOD = _period(c.PAYMENT_PERIOD_START, c.PAYMENT_PERIOD_END, L("Payment period", "払込期間"))
_RESTRICTION = Item((("start", c.RESTRICTION_START), ("end", c.RESTRICTION_END), ("text", c.RESTRICTION_PERIOD)),
                    L("Transfer restriction period", "譲渡制限期間"), _PERIOD)
_SHARES_CLASS_AND_NUMBER = Item((("class", c.CLASS_OF_SHARES), ("number", c.NUMBER_OF_SHARES)),
                                L("Class and number of shares to be {acted}", "{act}する株式の種類及び数"),
                                _CLASS_AND_NUMBER)
_CAPITAL = Item((("capital", c.CAPITAL_INCREASE), ("reserve", c.CAPITAL_RESERVE_INCREASE)),
                L("Increase in share capital and capital reserve", "増加する資本金及び資本準備金の額"),
                (L("share capital [capital]; capital reserve [reserve]", "資本金[capital]、資本準備金[reserve]"),))
_PROCEEDS = Item((("net", c.NET_PROCEEDS), ("gross", c.GROSS_PROCEEDS), ("costs", c.ISSUE_COSTS)),
                 L("Amount of funds to be raised (estimated net proceeds)", "資金調達の額（差引手取概算額）"),
                 (L("[net]", "[net]"),))
_DILUTION = Part(L("Scale of dilution", "発行数量及び株式の希薄化の規模"),
                 tuple(_one(concept) for concept in (c.SHARES_OUTSTANDING, c.VOTING_RIGHTS_OUTSTANDING,
                                                      c.VOTING_RIGHTS_ISSUED, c.DILUTION, c.DILUTION_VOTING)))
_USE_OF_PROCEEDS = Part(L("Amount, use and timing of the funds to be raised", "調達する資金の額、使途及び支出予定時期"),
                        (_one(c.GROSS_PROCEEDS), _one(c.ISSUE_COSTS), _one(c.NET_PROCEEDS), _one(c.USE_OF_PROCEEDS)))
# What the notice as a whole states about the decision: the plan, the shareholders' approval, the law.
_RELATED = Part(L("Related matters", "関連事項"), (
    _one(c.BOARD_RESOLUTION_DATE),
    _one(c.PLAN_NAME),
    _one(c.PLAN_ANNOUNCEMENT_DATE),
    _one(c.PLAN_INTRODUCTION_DATE),
    Item((("name", c.SHAREHOLDERS_MEETING_NAME), ("date", c.SHAREHOLDERS_MEETING_DATE)),
         L("Approval by the shareholders' meeting", "株主総会の承認"),
         (L("[name] held on [date]", "[date]開催の[name]"),)),
    Item((("shares", c.PLAN_CAP_SHARES), ("rights", c.PLAN_CAP_RIGHTS), ("amount", c.PLAN_CAP_AMOUNT),
          ("period", c.PLAN_CAP_PERIOD)), L("Maximums under the plan", "制度の上限")),
    Item((("date", c.REFERENCE_PRICE_DATE), ("price", c.REFERENCE_PRICE)),
         L("Basis of the amount to be paid", "払込金額の算定根拠"),
         (L("share price of [price] on [date]", "[date]の株価[price]"),)),
    _one(c.DECISION_BODY),
    _one(c.LEGAL_BASIS),
), terms=False)

# Items and parts several layouts end with.
_RIGHTS_TOTALS = (_one(c.AGGREGATE_EXERCISE), _one(c.AGGREGATE_ISSUE), _one(c.DETERMINATION_DATE), _OTHER)
_SHARES_TERMS = (_SHARES_CLASS_AND_NUMBER, _one(c.PRICE_PER_SHARE, L("{price}", "{price}"), *_PER_SHARE),
                 _one(c.TOTAL_ISSUE_VALUE, L("{total}", "{total}")), _CAPITAL)
_AFTER_OFFERING = (Part(L("Purpose of and reasons for the offering", "募集の目的及び理由"), text=c.PURPOSE),
                   _USE_OF_PROCEEDS, _DILUTION, _RELATED)

OPTIONS = (
    Part(L("Reasons for issuing the stock acquisition rights", "新株予約権を発行する理由"), text=c.PURPOSE),
    Part(L("Terms of the stock acquisition rights", "新株予約権の発行要項"), (
        _one(c.SERIES_NAME),
        _allotments(L("Persons to whom the rights are allotted, their number, and the number of rights allotted",
                      "新株予約権の割当の対象者及びその人数並びに割り当てる新株予約権の数")),
        Item((("class", c.CLASS_OF_SHARES), ("number", c.UNDERLYING_SHARES), ("per", c.SHARES_PER_RIGHT)),
             L("Class and number of shares underlying the stock acquisition rights",
               "新株予約権の目的となる株式の種類及び数"),
             (L("[number] of [class] ([per] per stock acquisition right)",
                "[class][number]（新株予約権1個当たりの目的となる株式の数　[per]）"),
              L("[number] of [class]", "[class][number]"),
              L("[class] ([per] per stock acquisition right)", "[class]（新株予約権1個当たりの目的となる株式の数　[per]）"))),
        _one(c.NUMBER_OF_RIGHTS),
        Item((("per_right", c.AMOUNT_PER_RIGHT), ("per_share", c.AMOUNT_PER_SHARE), ("none", c.NO_PAYMENT),
              ("method", c.PAYMENT_METHOD)),
             L("Amount to be paid for the stock acquisition rights", "新株予約権の払込金額"),
             (L("[per_right] per stock acquisition right ([per_share] per share)",
                "新株予約権1個当たり[per_right]（1株当たり[per_share]）"),
              L("[per_right] per stock acquisition right", "新株予約権1個当たり[per_right]"),
              L("[per_share] per share", "1株当たり[per_share]"))),
        _one(c.EXERCISE_PRICE, L("Amount to be contributed upon exercise (exercise price)",
                                 "新株予約権の行使に際して出資される財産の価額"), *_PER_SHARE),
        _EXERCISE_PERIOD,
        _one(c.EXERCISE_CONDITIONS),
        _one(c.ALLOTMENT_DATE, L("Allotment date of the stock acquisition rights", "新株予約権の割当日")),
        _one(c.PAYMENT_DATE, L("Due date for payment for the stock acquisition rights",
                               "新株予約権と引換えにする金銭の払込みの期日")),
        _PAYMENT_PERIOD,
        _one(c.AGGREGATE_PAID),
        *_RIGHTS_TOTALS,
    )),
    _RELATED,
)

THIRD_PARTY_RIGHTS = (
    Part(L("Outline of the offering", "募集の概要"), (
        _one(c.SERIES_NAME),
        _one(c.ALLOTMENT_DATE),
        _one(c.NUMBER_OF_RIGHTS),
        Item((("per_right", c.AMOUNT_PER_RIGHT), ("total", c.AGGREGATE_PAID)), L("Issue price", "発行価額"),
             (L("[per_right] per stock acquisition right (total [total])", "新株予約権1個につき[per_right]（総額[total]）"),
              L("[per_right] per stock acquisition right", "新株予約権1個につき[per_right]"),
              L("total [total]", "総額[total]"))),
        Item((("shares", c.UNDERLYING_SHARES), ("per", c.SHARES_PER_RIGHT), ("floor", c.SHARES_AT_FLOOR)),
             L("Potential shares resulting from the issuance", "当該発行による潜在株式数"),
             (L("[shares] ([per] per stock acquisition right)", "潜在株式数：[shares]（新株予約権1個につき[per]）"),
              L("[shares]", "潜在株式数：[shares]"))),
        _PROCEEDS,
        Item((("price", c.EXERCISE_PRICE), ("initial", c.INITIAL_EXERCISE_PRICE),
              ("cap", c.UPPER_LIMIT_EXERCISE_PRICE), ("no_cap", c.NO_UPPER_LIMIT_EXERCISE_PRICE),
              ("floor", c.LOWER_LIMIT_EXERCISE_PRICE), ("adjustment", c.EXERCISE_PRICE_ADJUSTMENT)),
             L("Exercise price and its adjustment", "行使価額及び行使価額の修正条件")),
        _allotments(L("Method of offering or allotment (allottee)", "募集又は割当て方法（割当予定先）")),
        _EXERCISE_PERIOD,
        _one(c.EXERCISE_CONDITIONS),
        _one(c.PAYMENT_DATE),
        _PAYMENT_PERIOD,
        Item((("per_share", c.AMOUNT_PER_SHARE), ("method", c.PAYMENT_METHOD)),
             L("Amount paid per share", "1株当たりの払込金額")),
        *_RIGHTS_TOTALS,
    )),
    *_AFTER_OFFERING,
)

COMPENSATION_SHARES = (
    Part(L("Outline of the {act}", "{act}の概要"), (
        _one(c.DISPOSAL_DATE),
        _one(c.PAYMENT_DATE),
        _PAYMENT_PERIOD,
        _one(c.ALLOTMENT_DATE),
        *_SHARES_TERMS,
        _allotments(L("{allottees}", "{allottees}")),
        _one(c.PAYMENT_METHOD),
        _RESTRICTION,
        _one(c.DETERMINATION_DATE),
        _OTHER,
    )),
    Part(L("Purpose of and reasons for the {act}", "{act}の目的及び理由"), text=c.PURPOSE),
    _RELATED,
)

THIRD_PARTY_SHARES = (
    Part(L("Outline of the offering", "募集の概要"), (
        _one(c.PAYMENT_DATE),
        _one(c.DISPOSAL_DATE),
        _PAYMENT_PERIOD,
        *_SHARES_TERMS,
        _allotments(L("Method of offering or allotment (allottee)", "募集又は割当方法（割当予定先）")),
        _one(c.PAYMENT_METHOD),
        _one(c.DETERMINATION_DATE),
        _OTHER,
    )),
    *_AFTER_OFFERING,
)

LAYOUTS: dict[str, tuple[Part, ...]] = {
    "options": OPTIONS,
    "third_party_rights": THIRD_PARTY_RIGHTS,
    "compensation_shares": COMPENSATION_SHARES,
    "third_party_shares": THIRD_PARTY_SHARES,
}
KIND_LAYOUTS: dict[IssuanceKind, str] = {
    IssuanceKind.STOCK_COMPENSATION_OPTIONS: "options",
    IssuanceKind.STOCK_OPTIONS: "options",
    IssuanceKind.PAID_STOCK_OPTIONS: "options",
    IssuanceKind.THIRD_PARTY_RIGHTS: "third_party_rights",
    IssuanceKind.RESTRICTED_STOCK: "compensation_shares",
    IssuanceKind.RSU: "compensation_shares",
    IssuanceKind.PSU: "compensation_shares",
    IssuanceKind.TRUST_PLAN: "compensation_shares",
    IssuanceKind.THIRD_PARTY_SHARES: "third_party_shares",
}
# An amendment opens with what it corrects; its outline is the outline as amended (AMENDED).
NOTICE_PARTS: dict[NoticeType, tuple[Part, ...]] = {
    NoticeType.AMENDMENT: (Part(L("Details of the amendment", "訂正の内容"), text=c.AMENDMENT),),
}
# Shown by what they mean, not as values: the lead tells the kind, method and notice type in words;
# the article numbers are the legal basis's, shown as printed.
HIDDEN: tuple[Concept, ...] = (c.ISSUANCE_KIND, c.SHARE_METHOD, c.NOTICE_TYPE, c.COMPANIES_ACT_ARTICLES,
                                c.ACKNOWLEDGED_RULES, c.ACKNOWLEDGEMENT_REASONS)  # filing metadata, not notice text
