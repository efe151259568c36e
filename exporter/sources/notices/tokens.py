"""Figures and dates as a notice prints them, found in its lines with what they count and how.

A ``Token`` is one printed value: a date (July 13, 2015; 2015年7月13日; 平成27年7月13日; 16 April
2020; 2023-08-23) or a number with what it measures, read from the words around it: money (¥,
JPY, 円, YEN, 金; scaled by 千円, 百万円, million), shares (株, shares), rights (個, units, rights),
persons (名, 人, persons, recipients, or a role: 7 Directors, 67 employees), per share or per right
(1株につき, per share, 1個当たり), percent, and upper limits (上限, not exceeding). Numbers that are
not figures are skipped: ordinals (第10回, 7th), articles (第236条, Articles 236, 238), years, item
markers, telephone numbers, times, codes and URLs. Text split or doubled by PDF extraction
(``2 0 2 1年``, ``22002211年年``) yields no token, only a ``Garble`` for the review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from exporter.sources.notices.lines import Line

_MONTHS = {m: i for i, ms in enumerate((("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
                                        ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
                                        ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
                                        ("dec", "december")), 1) for m in ms}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ERA_OFFSETS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_S = r"\s{0,3}"
DATE = re.compile(
    rf"(?P<era>明治|大正|昭和|平成|令和){_S}(?P<ey>元|\d{{1,2}}){_S}年{_S}(?P<em>\d{{1,2}}){_S}月{_S}(?P<ed>\d{{1,2}}){_S}日"
    rf"|(?<![\d,.])(?P<ky>\d{{4}}){_S}年{_S}(?P<km>\d{{1,2}}){_S}月{_S}(?P<kd>\d{{1,2}}){_S}日"
    r"|(?<![\d/.,-])(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d/.]\d)"
    rf"|\b(?P<mon>{_MONTH})\.? ?(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,? ?(?P<my>\d{{4}})\b"
    rf"|\b(?P<dd>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<dmon>{_MONTH})\.?,? (?P<dy>\d{{4}})\b"
    r"|(?<![A-Za-z])(?P<el>[MTSHR])(?P<ely>\d{1,2})\.(?P<elm>\d{1,2})\.(?P<eld>\d{1,2})(?![\d.])",
    re.IGNORECASE)
_LETTER_ERAS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
_NUMBER = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d]|,\d|\.\d)")

_SCALE = re.compile(r" ?(千|百万|万|億|thousand\b|million\b|billion\b|mn\b|bn\b)", re.IGNORECASE)
_SCALES = {"千": 3, "百万": 6, "万": 4, "億": 8, "thousand": 3, "million": 6, "billion": 9, "mn": 6, "bn": 9}
_MONEY_AFTER = re.compile(r" ?(?:円|yen\b|jpy\b)", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:¥|\\|jpy|us\$|\$|usd|金)\s?$", re.IGNORECASE)
_UNITS_AFTER = (
    ("shares", re.compile(r" ?(?:株(?!当|につき|あたり|式|未満)|(?:common |ordinary )?shares?\b)", re.IGNORECASE)),
    ("rights", re.compile(r" ?(?:個(?!当|につき|あたり)|units?\b|(?:stock acquisition |share )?rights?\b|"
                          r"(?:share )?options?\b)", re.IGNORECASE)),
    ("persons", re.compile(r" ?(?:名|人(?!件)|persons?\b|people\b|recipients?\b|individuals?\b|"
                           r"(?:eligible |retiring |outside |external |full-time |part-time |other )?"
                           r"(?:employees?|directors?|executive officers?|officers?|members?|auditors?|"
                           r"corporate auditors?|managers?)\b)", re.IGNORECASE)),
    ("percent", re.compile(r" ?%")),
)
_PER_SHARE = re.compile(r"1 ?株(?:につき|当た?り|あたり)|per (?:one )?share\b", re.IGNORECASE)
_PER_RIGHT = re.compile(r"1 ?個(?:につき|当た?り|あたり)|(?:per|for each|for every|of each) (?:one |each )?(?:unit|"
                        r"(?:stock acquisition |share )?(?:rights?|options?))\b", re.IGNORECASE)
_UPPER_BEFORE = re.compile(r"(?:上限|最大|up to|(?:will |shall |does |do |to )?not (?:to )?exceed(?:ing)?|"
                           r"not more than|maximum(?: of)?|at most) ?[:：]?\s*$", re.IGNORECASE)
_UPPER_AFTER = re.compile(r"^ ?(?:[^\d\s]{0,4})?(?:を上限|以内|\(上限\)|上限|or (?:less|fewer)|at (?:the )?most|"
                          r"\(maximum\))", re.IGNORECASE)
_NOT_FIGURE_AFTER = re.compile(r" ?(?:条|項|号|回|期|番|丁目|年|月|日|時|分|秒|歳|位|倍|カ月|ヶ月|か月|箇月|営業日|"
                               r"(?:st|nd|rd|th)\b|:\d|-\d|/|\.[a-z])", re.IGNORECASE)
_NOT_FIGURE_BEFORE = re.compile(r"(?:第 ?|No\. ?|articles? (?:[\d, ]*(?:and )?)?|fy ?|[a-z@/_#+=]|[a-z\d]-|\d:|\(0\)|"
                                r"tel[.:]? ?|fax[.:]? ?|\d \.? ?)$", re.IGNORECASE)
_ITEM_MARKER = re.compile(r"\(\d{1,2}\)|^\d{1,2}[.．]\s")
_PHONE = re.compile(r"(?:\btel\b|telephone|電話(?:番号)?|\bfax\b)[^\d]{0,6}[\d()+\-. ]*$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"(?:コード(?:番号)?|code(?: number| no\.?)?|tse ?[12]?|東証|nasdaq|証券コード)\s?[:：]?\s?$",
                          re.IGNORECASE)
_URLISH = re.compile(r"[a-z0-9-]+\.(?:com|co\.jp|jp|net|html?|org)\b|https?:|www\.|@", re.IGNORECASE)
_DOUBLED = re.compile(r"((.)\2){3,}")
_SPACED_DIGITS = re.compile(r"\d(?: [\d,]){2,}")


@dataclass(frozen=True)
class Token:
    """One printed figure or date: where (line, folded span of the value's own characters) and what."""

    line: int
    start: int
    end: int
    text: str  # the folded value text (30,200; 2015年7月13日)
    kind: str  # "date" or "number"
    value: date | Decimal
    unit: str | None = None  # money, shares, rights, persons, percent (numbers)
    scale: int = 0  # 3 for 千円 / thousand, 6 for million ...
    currency: str | None = None
    per: str | None = None  # "share" or "right" for amounts per unit
    upper: bool = False
    unit_end: int = 0  # end of the unit words (folded)
    date_form: str | None = None  # "era", "kanji", "iso", "mdy", "dmy", "era-letter" (H27.7.13: no registry format)

    @property
    def number(self) -> Decimal:
        assert isinstance(self.value, Decimal)
        return self.value.scaleb(self.scale) if self.scale else self.value


@dataclass(frozen=True)
class Garble:
    """Text PDF extraction split or doubled near a figure: reported for review, never read as a value."""

    line: int
    start: int
    end: int
    text: str


def _date(match: re.Match[str]) -> tuple[date, str] | None:
    try:
        if match["era"]:
            year = _ERA_OFFSETS[match["era"]] + (1 if match["ey"] == "元" else int(match["ey"]))
            return date(year, int(match["em"]), int(match["ed"])), "era"
        if match["ky"]:
            return date(int(match["ky"]), int(match["km"]), int(match["kd"])), "kanji"
        if match["iy"]:
            return date(int(match["iy"]), int(match["im"]), int(match["id"])), "iso"
        if match["el"]:
            year = _ERA_OFFSETS[_LETTER_ERAS[match["el"].upper()]] + int(match["ely"])
            return date(year, int(match["elm"]), int(match["eld"])), "era-letter"
        if match["mon"]:
            return date(int(match["my"]), _MONTHS[match["mon"].lower()], int(match["md"])), "mdy"
        return date(int(match["dy"]), _MONTHS[match["dmon"].lower()], int(match["dd"])), "dmy"
    except (ValueError, KeyError):
        return None


def scan(line: Line) -> tuple[list[Token], list[Garble]]:
    """Every date and figure of ``line``, in order; and what is too garbled to read."""
    text = line.folded
    tokens: list[Token] = []
    garbles: list[Garble] = []
    taken = [False] * len(text)
    for match in DATE.finditer(text):
        found = _date(match)
        if found is None:
            continue
        value, form = found
        tokens.append(Token(line.index, match.start(), match.end(), match.group(), "date", value, date_form=form,
                            unit_end=match.end()))
        for position in range(match.start(), match.end()):
            taken[position] = True
    doubled = [m.span() for m in _DOUBLED.finditer(text) if any(ch.isdigit() for ch in m.group())
               or re.search(r"(年年|月月|日日|株株|個個|円円|名名)", m.group())]
    spaced = [m.span() for m in _SPACED_DIGITS.finditer(text) if not any(taken[m.start():m.end()])]
    for span in doubled + spaced:
        garbles.append(Garble(line.index, span[0], span[1], text[span[0]:span[1]]))
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(taken[start:end]) or any(a - 2 <= start < b + 2 or a - 2 < end <= b + 2 for a, b in doubled + spaced):
            continue
        before, after = text[max(0, start - 40):start], text[end:end + 40]
        token = _number(line.index, match, before, after, line.in_row)
        if token is not None:
            tokens.append(token)
    tokens.sort(key=lambda t: t.start)
    return tokens, garbles


def _number(index: int, match: re.Match[str], before: str, after: str, in_row: bool = False) -> Token | None:
    text = match.group()
    digits = match.group(1).replace(",", "")
    currency_before = _MONEY_BEFORE.search(before)
    if not currency_before and _NOT_FIGURE_BEFORE.search(before):
        return None
    if _NOT_FIGURE_AFTER.match(after) or (_ITEM_MARKER.match(before[-1:] + text + after[:1]) and not currency_before):
        return None
    if re.match(r"[a-z]", after, re.IGNORECASE) and not re.match(r"(?:yen|jpy|k\b|m\b)", after, re.IGNORECASE):
        return None  # 3D, 4565A: part of a word or code
    if _PHONE.search(before) or _CODE_BEFORE.search(before) or _URLISH.search(before[-12:] + text + after[:8]):
        return None
    value = Decimal(digits + (match.group(2) or ""))
    skipped = 0
    if before.endswith("(") and after.startswith(")"):
        after, skipped = after[1:], 1  # "one hundred (100) shares": the figure in brackets takes the unit after them
    scale, rest = 0, after
    scale_match = _SCALE.match(after)
    if scale_match:
        scale = _SCALES[scale_match.group(1).lower()]
        rest = after[scale_match.end():]
    unit, currency, unit_length = None, None, 0
    money_after = _MONEY_AFTER.match(rest)
    if currency_before or money_after:
        unit = "money"
        currency = "JPY"
        mark = (currency_before.group().strip().lower() if currency_before else "")
        if mark in ("$", "us$", "usd"):
            currency = "USD"
        unit_length = money_after.end() if money_after else 0
        if not currency_before and scale_match is None and money_after is None:
            unit = None
    else:
        if scale and scale_match is not None and scale_match.group(1) in ("億", "百万", "千") and rest[:1] != "株":
            return None  # 5億 of something that is neither money nor shares: not read
        for name, pattern in _UNITS_AFTER:
            found = pattern.match(rest)
            if found:
                unit, unit_length = name, found.end()
                break
    if scale and unit not in ("money", "shares"):
        return None
    if unit is None and "." in text and not currency_before:
        return None  # 1.5 without a unit: a version, a ratio... not read
    whole_cell = in_row and re.search(r"(?:^|\| )$", before) is not None and re.match(r"(?: \||$)", after) is not None
    if unit is None and len(digits) <= 2 and not re.search(r"[:：]\s?$", before) and not whole_cell:
        return None  # a bare small number is a list marker or a reference, not a figure (unless a table cell)
    unit_end = match.end() + skipped + (scale_match.end() if scale_match else 0) + unit_length
    window_after = after[(scale_match.end() if scale_match else 0) + unit_length:][:30]
    per = None
    # The words since the previous figure (a single digit stays: it is the 1 of 1株につき).
    clause = re.split(r"[(（、;]|総額|total|\d{1,3}(?:,\d{3})+|\d{2,}", before[-48:], flags=re.IGNORECASE)[-1]
    if unit == "money":
        if _PER_SHARE.search(clause) or re.match(r"\s?(?:\)?\s?)?per (?:one )?share\b", window_after,
                                                         re.IGNORECASE):
            per = "share"
        elif _PER_RIGHT.search(clause) or _PER_RIGHT.match(window_after.lstrip()):
            per = "right"
    upper = bool(_UPPER_BEFORE.search(before) or _UPPER_AFTER.match(window_after))
    return Token(index, match.start(), match.end(), text, "number", value, unit, scale, currency, per, upper,
                 unit_end)
