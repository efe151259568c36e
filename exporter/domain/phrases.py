"""The words of a generated notice, in English and Japanese, around the tagged values.

Headings are the concepts' labels (``concepts``); these are the rest: units after counts, currency
words, the lead paragraph by notice type, the header block's captions, and the Japanese notice's
記 and 以上. Templates use ``str.format`` fields named after what they hold.
"""

from __future__ import annotations

from exporter.domain.kinds import Instrument, NoticeType, ShareMethod
from exporter.domain.text import Labels

L = Labels

UNITS: dict[str, Labels] = {
    "rights": L(" rights", "個"),
    "shares": L(" shares", "株"),
    "persons": L(" persons", "名"),
    "voting_rights": L(" voting rights", "個"),
    "percent": L("%", "%"),
}
NOT_EXCEEDING = L("not exceeding ", "上限")
TO_BE_DETERMINED = L("to be determined", "未定")
YES = L("Yes", "該当あり")
PER_SHARE = L(" per share", "（1株当たり）")
PER_RIGHT = L(" per stock acquisition right", "（新株予約権1個当たり）")

# Currency words: before the number in English (JPY 369,200), after it in Japanese (369,200円).
CURRENCY_JA: dict[str, str] = {"JPY": "円", "USD": "米ドル", "EUR": "ユーロ", "GBP": "英ポンド", "CNY": "人民元"}
SCALE_WORDS: dict[int, Labels] = {0: L("", ""), 3: L(" thousand", "千"), 6: L(" million", "百万"), 9: L(" billion", "十億")}

# Header block captions.
CAPTIONS: dict[str, Labels] = {
    "company": L("Company name: ", "会社名："),
    "representative": L("Representative: ", "代表者名："),
    "code": L("Code: ", "コード番号："),
    "contact": L("Contact: ", "問合せ先："),
    "telephone": L("TEL: ", "TEL："),
    "address": L("Address: ", "住所："),
    "lei": L("LEI: ", "LEI："),
    "edinet": L("EDINET code: ", "EDINETコード："),
    "listings": L("Listings: ", "上場市場："),
}
RECORD = "記"  # opens the items of a Japanese notice
END = "以上"  # closes a Japanese notice
TO_ALL = L("", "各位")

# What the notice is about, by instrument (and method for shares).
SUBJECTS: dict[Instrument | ShareMethod, Labels] = {
    Instrument.RIGHTS: L("the issuance of stock acquisition rights", "新株予約権の発行"),
    Instrument.SHARES: L("the issuance or disposal of shares", "株式の発行又は処分"),
    ShareMethod.NEW_SHARES: L("the issuance of new shares", "新株式の発行"),
    ShareMethod.TREASURY_SHARES: L("the disposal of treasury shares", "自己株式の処分"),
}

# The lead paragraph, by notice type, with and without a resolution date. ``{company}`` and ``{subject}``
# are words; ``[date]`` is where the tagged resolution date stands.
LEADS: dict[NoticeType, tuple[Labels, Labels]] = {
    NoticeType.RESOLUTION: (
        L("{company} hereby announces that its Board of Directors resolved on [date] to proceed with {subject}, "
          "as described below.",
          "当社は、[date]開催の取締役会において、下記のとおり{subject}を行うことについて決議いたしましたので、"
          "お知らせいたします。"),
        L("{company} hereby announces that it has resolved to proceed with {subject}, as described below.",
          "当社は、下記のとおり{subject}を行うことについて決議いたしましたので、お知らせいたします。")),
    NoticeType.DETERMINATION: (
        L("{company} hereby announces that the terms of {subject} resolved by its Board of Directors on [date] "
          "have been determined as described below.",
          "当社は、[date]開催の取締役会において決議いたしました{subject}について、発行内容が下記のとおり確定いたしましたので、"
          "お知らせいたします。"),
        L("{company} hereby announces that the terms of {subject} have been determined as described below.",
          "当社は、{subject}について、発行内容が下記のとおり確定いたしましたので、お知らせいたします。")),
    NoticeType.COMPLETION: (
        L("{company} hereby announces that the payment for {subject} resolved by its Board of Directors on [date] "
          "has been completed, as described below.",
          "当社は、[date]開催の取締役会において決議いたしました{subject}について、払込手続きが完了いたしましたので、"
          "下記のとおりお知らせいたします。"),
        L("{company} hereby announces that the payment for {subject} has been completed, as described below.",
          "当社は、{subject}について、払込手続きが完了いたしましたので、下記のとおりお知らせいたします。")),
    NoticeType.RESULTS: (
        L("{company} hereby announces the results of the allotment in {subject} resolved by its Board of Directors "
          "on [date], as described below.",
          "当社は、[date]開催の取締役会において決議いたしました{subject}について、割当の結果を下記のとおりお知らせいたします。"),
        L("{company} hereby announces the results of the allotment in {subject}, as described below.",
          "当社は、{subject}について、割当の結果を下記のとおりお知らせいたします。")),
    NoticeType.AMENDMENT: (
        L("{company} hereby announces amendments to its notice on {subject}, as described below.",
          "当社が公表いたしました{subject}に関するお知らせについて、訂正すべき事項がありましたので、下記のとおりお知らせいたします。"),
        L("{company} hereby announces amendments to its notice on {subject}, as described below.",
          "当社が公表いたしました{subject}に関するお知らせについて、訂正すべき事項がありましたので、下記のとおりお知らせいたします。")),
}
# The reference to an earlier notice: [date] and [title] are tagged.
EARLIER = L("For details, see the notice “[title]” released on [date].", "詳細は、[date]付「[title]」をご参照ください。")

OUTLINE = L("Outline", "概要")
ALLOTMENTS = L("Persons to be allotted", "割当予定先")
TOTAL = L("Total", "合計")
RELATED = L("Related matters", "関連事項")
PLAN_CAPS = L("Maximums under the plan", "制度の上限")
