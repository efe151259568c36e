"""How values read in a notice, in English and Japanese, and the Inline XBRL format for each.

Every rendering here has a Transformation Registry 4 format that turns it back into the fact's
value; ``tests/test_documents.py`` checks the round trip with Arelle's own transformation
functions, so a number or date shown to a reader is always the number or date tagged.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


@dataclass(frozen=True)
class Rendered:
    text: str
    format: str | None  # ixt local name, e.g. "num-dot-decimal"


def render_number(value: Decimal) -> Rendered:
    """Thousands separated, fraction digits as stated: 30,200 / 1,846.5 (both languages)."""
    sign, _digits, exponent = value.as_tuple()
    if sign:
        raise ValueError("negative values are shown with ix:nonFraction sign='-', not rendered here")
    text = f"{value:,f}" if exponent < 0 else f"{int(value):,}"
    return Rendered(text, "num-dot-decimal")


def render_date(value: date, lang: str) -> Rendered:
    if lang == "ja":
        return Rendered(f"{value.year}年{value.month}月{value.day}日", "date-year-month-day")
    return Rendered(f"{MONTHS_EN[value.month - 1]} {value.day}, {value.year}", "date-monthname-day-year-en")


# Words around the tagged values; the headings themselves are the taxonomy's labels.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "rights": " rights",
        "right": " right",
        "shares": " shares",
        "persons": "",
        "not_exceeding": "not exceeding ",
        "per_right": " per stock acquisition right",
        "per_share": " per share",
        "currency_before": "{currency}",
        "currency_after": "",
        "shares_per_right": "(the number of shares to be issued or transferred for each stock acquisition right "
                            "shall be ",
        "close": ")",
        "of": " of ",
        "no_payment": "No cash payment is required",
        "period_from": "From ",
        "period_to": " to ",
        "period_end": "",
        "exercise_period": "Exercise period",
        "intro_resolved": " hereby announces the terms and conditions of the issuance of stock acquisition "
                          "rights resolved by its Board of Directors on ",
        "intro_after_date": "",
        "intro_determined": ", as determined on ",
        "intro_end": ", as follows.",
        "securities_code": "Securities code: ",
        "lei": "LEI: ",
        "listings": "Listings: ",
        "category": "Persons to be allotted",
        "plan_stock_compensation": "Stock-compensation-type stock options",
        "plan_ordinary": "Stock options",
        "list_sep": ", ",
        "open": " (",
        "semicolon": "; ",
        "close_paren": ")",
        "none": "",
        "sentence_end": ".",
    },
    "ja": {
        "rights": "個",
        "right": "個",
        "shares": "株",
        "persons": "名",
        "not_exceeding": "上限",
        "per_right": "（新株予約権1個当たり）",
        "per_share": "（1株当たり）",
        "currency_before": "",
        "currency_after": "{currency_ja}",
        "shares_per_right": "（新株予約権1個当たりの目的となる株式の数は",
        "close": "とする）",
        "of": "",
        "no_payment": "無償",
        "period_from": "",
        "period_to": "から",
        "period_end": "まで",
        "exercise_period": "権利行使期間",
        "intro_resolved": "は、",
        "intro_after_date": "開催の取締役会において決議した新株予約権の発行内容について",
        "intro_determined": "、",
        "intro_end": "、下記のとおり確定いたしましたのでお知らせいたします。",
        "securities_code": "証券コード：",
        "lei": "LEI：",
        "listings": "上場市場：",
        "category": "付与対象者の区分及び人数並びに割り当てる新株予約権の数",
        "plan_stock_compensation": "株式報酬型ストックオプション",
        "plan_ordinary": "ストックオプション",
        "list_sep": "、",
        "open": "（",
        "semicolon": "、",
        "close_paren": "）",
        "none": "",
        "sentence_end": "。",
    },
}

CURRENCY_JA = {"JPY": "円", "USD": "米ドル", "EUR": "ユーロ"}


def phrase(lang: str, key: str, **values: str) -> str:
    return PHRASES[lang][key].format(**values)
