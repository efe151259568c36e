"""The draft filing read from a notice itself, each value with where the notice prints it.

``extract(notice)`` scans the notice's lines for figures and dates (``tokens``), reads its layout
(``structure``), decides what each value is (``classify``, ``allot``), reads the header (company,
securities code, market, representative, title) and the kind of issuance and notice from the
wording, and assembles the export input format as a plain dict. Every value keeps its ``Spot``\\ s
(line, span, format), so it can be tagged where it stands and reported with its provenance.

Nothing is guessed silently: a value the rules do not claim stays untagged; two different values
for one field keep the first and warn; garbled text and items with a heading but no value are
warned about. What the models require but the notice does not print (title, date, company name,
kind) gets a placeholder that is listed in ``placeholders``: it is never tagged as a fact.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from exporter.domain.kinds import KINDS, Instrument, IssuanceKind, NoticeType, ShareMethod
from exporter.domain.text import has_japanese
from exporter.sources.notices.allot import Group, group_allotments
from exporter.sources.notices.classify import TODAY_BOARD, Classifier, Key
from exporter.sources.notices.lines import Line, NoticeText
from exporter.sources.notices.read import Notice
from exporter.sources.notices.structure import Layout, analyse
from exporter.sources.notices.tokens import Garble, Token, scan

Path = tuple[str | int, ...]

FILING_KEYS = {"announcement_date", "board_resolution_date", "shareholders_meeting", "plan", "earlier_notice",
               "reference_price"}
TOTALS_KEYS = {"number_of_shares", "price_per_share", "total_amount", "allotment_date", "payment_date",
               "disposal_date", "number_of_rights", "proceeds", "dilution", "class_of_shares"}
_DATE_FORMATS = {"era": "date-jpn-era-year-month-day", "kanji": "date-year-month-day", "iso": "date-year-month-day",
                 "mdy": "date-monthname-day-year-en", "dmy": "date-day-monthname-year-en"}
_SCALE_NAMES = {3: "thousand", 6: "million", 9: "billion"}


@dataclass(frozen=True)
class Spot:
    """Where a value is printed: a span of a line's own text, and how to read it back."""

    line: int
    start: int  # raw offsets in Line.text
    end: int
    format: str | None = None  # ixt local name for figures and dates
    scale: int = 0


@dataclass
class Found:
    path: Path
    value: Any  # as the export input format takes it
    spots: list[Spot] = field(default_factory=list)
    text: str = ""  # the snippet it was read from


@dataclass
class Extraction:
    notice: Notice
    text: NoticeText
    layout: Layout
    data: dict[str, Any]
    found: dict[Path, Found]
    warnings: list[tuple[int | None, str]]  # (line index or None, message)
    untagged: list[Token]
    garbles: list[Garble]
    placeholders: set[Path]
    language: str

    def provenance(self, spot: Spot) -> tuple[int | None, int, str]:
        """(source line, column, snippet) of a spot."""
        line = self.text.lines[spot.line]
        return line.source_line, line.column(spot.start), line.text[spot.start:spot.end]


# --- kind and type of the notice ------------------------------------------------------------------------

_KIND_RULES: tuple[tuple[str, IssuanceKind], ...] = (
    (r"株式報酬型|stock[- ]compensation[- ]type|stock compensation type|株式報酬として(?:の)?新株予約権",
     IssuanceKind.STOCK_COMPENSATION_OPTIONS),
    (r"有償(?:ストック|新株予約権)|paid(?:-in)? stock options?", IssuanceKind.PAID_STOCK_OPTIONS),
    (r"第三者割当.{0,40}新株予約権|新株予約権.{0,20}第三者割当|third[- ]party allotment.{0,60}(?:stock acquisition rights|"
     r"warrants|share options)", IssuanceKind.THIRD_PARTY_RIGHTS),
    (r"株式給付信託|株式交付信託|信託型|信託E口|ESOP|\bBBT\b|\bBIP\b|stock benefit trust|trust[- ]type", IssuanceKind.TRUST_PLAN),
    (r"第三者割当|third[- ]party allotment", IssuanceKind.THIRD_PARTY_SHARES),
    (r"\bPSU\b|パフォーマンス・?シェア・?ユニット|performance share units?", IssuanceKind.PSU),
    (r"\bRSU\b|リストリクテッド・?ストック・?ユニット|restricted stock units?|譲渡制限付株式ユニット", IssuanceKind.RSU),
    (r"譲渡制限付株式|restricted (?:stock|shares?)(?! unit)", IssuanceKind.RESTRICTED_STOCK),
    (r"業績連動型株式報酬|performance[- ]based stock compensation", IssuanceKind.PSU),
    (r"ストック・?オプション|新株予約権|stock options?|stock acquisition rights?|share options?",
     IssuanceKind.STOCK_OPTIONS),
)
_NOTICE_RULES: tuple[tuple[str, NoticeType], ...] = (
    (r"訂正|correction|amendment", NoticeType.AMENDMENT),
    (r"払込(?:み)?(?:手続)?(?:の)?完了|completion of (?:the )?payment|payment .{0,40}(?:has been )?completed",
     NoticeType.COMPLETION),
    (r"割当結果|発行結果|results? of (?:the )?allotment", NoticeType.RESULTS),
    (r"発行内容(?:の)?確定|条件(?:の)?決定|(?:内容|条件)が?確定|determin(?:ed|ation of) (?:the )?(?:remaining )?terms",
     NoticeType.DETERMINATION),
)


def _first_kind(text: str) -> IssuanceKind | None:
    # The first rule that matches wins: the rules go from the most specific (第三者割当 + 新株予約権) on.
    return next((kind for pattern, kind in _KIND_RULES if re.search(pattern, text, re.IGNORECASE)), None)


_RANK = {kind: index for index, (_, kind) in reversed(list(enumerate(_KIND_RULES)))}


def kind_of(title: str, opening: str) -> tuple[IssuanceKind | None, str]:
    """The kind from the title, refined by the opening text; and why."""
    kind = _first_kind(title) if title else None
    opening_kind = _first_kind(opening)
    if kind is None:
        return opening_kind, "from the opening text" if opening_kind else ""
    if kind in (IssuanceKind.STOCK_OPTIONS, IssuanceKind.THIRD_PARTY_SHARES, IssuanceKind.RESTRICTED_STOCK) \
            and opening_kind is not None and KINDS[opening_kind].instrument == KINDS[kind].instrument \
            and _RANK[opening_kind] < _RANK[kind]:
        return opening_kind, "from the title, made specific by the opening text"
    return kind, "from the title"


# --- header -----------------------------------------------------------------------------------------------

_SP = r"\s*"
_COMPANY_JA = re.compile(r"(?:上場会社名|会" + _SP + "社" + _SP + "名|商" + _SP + "号)" + r"\s*[:：]?\s*"
                         r"(?P<v>.+?)(?=\s*(?:住\s*所|所在地|代\s*表\s*者|\(|（|コード|問\s*合|問い合|TEL|URL)|$)")
_COMPANY_EN = re.compile(r"(?:company name|name of (?:the )?company|company)\s*[:：]\s*(?P<v>[^()]+?)\s*(?=\(|$|\s{3,})",
                         re.IGNORECASE)
_COMPANY_LEAD = re.compile(r"(?:^|[-–—]\s|\d{4}\s[-–—]\s)\s*(?P<v>[A-Z][A-Za-z&.,'’\- ]{1,60}?(?:Inc\.|Corporation|Corp\.|"
                           r"Co\.,\s?Ltd\.|Company,\s?Limited|Ltd\.|Limited|Holdings(?:,? Inc\.)?|K\.K\.|"
                           r"Group(?: Corporation)?))(?=\s*\(|\s*$|\s+(?:hereby|announces))")
_COMPANY_JA_LINE = re.compile(r"^\s*(?P<v>(?:株式会社\s?\S{1,30}|\S{1,30}株式会社))\s*$")
_CODE = re.compile(r"(?:コード番号|証券コード|コード|(?:stock |securities )?code(?: number| no\.?)?|TSE\s?1?|東証)\s*[:：]?\s*"
                   r"(?P<v>\d{3}[0-9A-Z])(?![0-9A-Za-z])", re.IGNORECASE)
_MARKET_AFTER_CODE = re.compile(r"\s*[,、，]?\s*(?P<v>(?:東証|名証|札証|福証|TSE|Tokyo|Prime|Standard|Growth|JASDAQ|"
                                r"マザーズ|Mothers)[^)）\n]{0,60}?)\s*(?=[)）]|$)", re.IGNORECASE)
_REPRESENTATIVE = re.compile(r"(?:代\s*表\s*者(?:\s*名)?|representative)\s*[:：]?\s*(?P<v>\S.*?)"
                             r"(?=\s*[(（]|\s{3,}|\s*(?:問\s*合|問い合|TEL|コード)|$)", re.IGNORECASE)
_CLASS = re.compile(r"普通株式|common (?:stock|shares)|ordinary shares|[A-Z]種(?:優先)?株式", re.IGNORECASE)
_LEGAL = re.compile(r"会社法第\s?\d+\s?条(?:[^。]{0,40}?第\s?\d+\s?条)*|Articles?\s+\d+(?:,?\s*(?:and\s+)?\d+)*"
                    r"\s+of\s+the\s+Companies\s+Act", re.IGNORECASE)
_SERIES = re.compile(r"第\s?\d{1,3}\s?回(?:[^\s、。()（）]{0,24}?)新株予約権")
_PURPOSE = re.compile(r"目的(?:及び|および|と)?理由|理由|purpose|reasons?\b", re.IGNORECASE)
_END = re.compile(r"^\s*(?:以\s*上|end|\[excerpt ends here.*)\s*$", re.IGNORECASE)
_WORD_VALUES = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "hundred": 100,
                "thousand": 1000}
_WORDS_PER_RIGHT = re.compile(r"\b(?P<n>one|a|two|three|four|five|ten) (?P<m>hundred|thousand) (?:\(\d[\d,]*\) )?"
                              r"(?:common )?shares?\b[^.]{0,60}?\b(?:for each|per|for every) (?:one )?(?:share option|"
                              r"stock acquisition right|right|option|unit)", re.IGNORECASE)
_BEFORE_CORRECTION = re.compile(r"訂正前|変更前|before (?:the )?(?:correction|amendment|change)|\(before\)",
                                re.IGNORECASE)
_ALLOTTEE_ITEM = re.compile(r"(?:処分予定先|割当予定先|処分先|割当先|(?:planned )?allottees?|disposal recipients?)\s*[:：]?\s*",
                            re.IGNORECASE)
_TRUST = re.compile(r"信託|trust", re.IGNORECASE)
_TITLE_TRIM = re.compile(r"^[\s*_#]+|[\s*_#]+$|\s*\[pdf\]\s*$", re.IGNORECASE)


class _Builder:
    def __init__(self, notice: Notice, entity: str | None):
        self.notice, self.entity = notice, entity
        self.text = NoticeText.of(notice.body)
        self.lines = self.text.lines
        scanned = [scan(line) for line in self.lines]
        self.tokens = [tokens for tokens, _ in scanned]
        self.garbles = [g for _, garbles in scanned for g in garbles]
        self.layout = analyse(self.lines, self.tokens)
        self.found: dict[Path, Found] = {}
        self.keys: dict[tuple[str | None, Key], Found] = {}
        self.warnings: list[tuple[int | None, str]] = []
        self.claimed: set[tuple[int, int]] = set()
        self.placeholders: set[Path] = set()
        self.period_end: tuple[Token, Key] | None = None
        self.amendment = False

    # -- spots -----------------------------------------------------------------------------------------------
    def spot_of(self, token: Token) -> Spot:
        line = self.lines[token.line]
        start, end = line.raw_span(token.start, token.end)
        if token.kind == "date":
            return Spot(token.line, start, end, _DATE_FORMATS[token.date_form or "iso"])
        return Spot(token.line, start, end, "num-dot-decimal", -2 if token.unit == "percent" else token.scale)

    def text_spot(self, line: Line, start: int, end: int) -> Spot:
        raw_start, raw_end = line.raw_span(start, end)
        return Spot(line.index, raw_start, raw_end)

    def snippet(self, line: int, start: int, end: int) -> str:
        text = self.lines[line].folded
        return " ".join(text[max(0, start - 20):end + 20].split())

    # -- values ----------------------------------------------------------------------------------------------
    def value_of(self, token: Token, key: Key) -> Any:
        if token.kind == "date":
            assert isinstance(token.value, date)
            return token.value.isoformat()
        number = token.number
        if token.unit == "percent":
            return f"{token.text}%"
        if token.unit == "money":
            exponent = token.value.as_tuple().exponent
            places = max(0, -exponent) if isinstance(exponent, int) else 0
            value: Any = int(number) if number == number.to_integral_value() else str(number)
            if token.scale in _SCALE_NAMES and not places:
                return {"value": value, "stated_in": _SCALE_NAMES[token.scale]}
            if token.scale:
                return {"value": value, "decimals": places - token.scale}
            return value
        whole = int(number) if number == number.to_integral_value() else None
        if whole is None:
            return None
        if token.upper and key[0] != "plan" and key[-1] in ("number_of_rights", "number_of_shares", "rights",
                                                                "shares"):
            return {"value": whole, "upper_limit": True}
        return whole

    def assign(self, tranche: str | None, key: Key, token: Token) -> bool:
        value = self.value_of(token, key)
        if value is None:
            return False
        if token.unit == "money" and token.currency not in (None, "JPY"):
            self.warnings.append((token.line, f"{token.text} is an amount in {token.currency}; amounts are read in "
                                              "yen only, so it is left untagged for review"))
            return False
        existing = self.keys.get((tranche, key))
        spot = self.spot_of(token)
        if existing is None:
            self.keys[(tranche, key)] = Found(key, value, [spot], self.snippet(token.line, token.start, token.end))
        elif existing.value == value:
            existing.spots.append(spot)
        else:
            self.warnings.append((token.line, f"{'.'.join(key)}: the notice gives {existing.value} first and "
                                              f"{value} here; the second is left untagged for review"))
            return False
        self.claimed.add((token.line, token.start))
        return True

    def assign_text(self, path: Path, value: str, spot: Spot) -> None:
        existing = self.found.get(path)
        if existing is None:
            self.found[path] = Found(path, value, [spot], value)
        elif existing.value == value:
            existing.spots.append(spot)

    # -- reading ---------------------------------------------------------------------------------------------
    def run(self) -> Extraction:
        title = self.title()
        opening = " ".join(line.folded for line in self.lines[:40])
        kind, _why = kind_of(title or "", opening)
        notice_type = next((t for pattern, t in _NOTICE_RULES if re.search(pattern, (title or "") + " " +
                                                                           opening[:1500], re.IGNORECASE)),
                           NoticeType.RESOLUTION)
        language = "ja" if has_japanese(" ".join(line.folded for line in self.lines[:60])) else "en"
        if kind is None:
            has_rights = any(t.unit == "rights" for tokens in self.tokens for t in tokens)
            kind = IssuanceKind.STOCK_OPTIONS if has_rights else IssuanceKind.RESTRICTED_STOCK
            self.placeholders.add(("issuances", 0, "kind"))
            self.warnings.append((None, f"the notice does not say what kind of issuance it is: {kind.value} is "
                                        "assumed for the draft (not tagged); correct it in the draft"))
        instrument = "rights" if KINDS[kind].instrument is Instrument.RIGHTS else "shares"
        self.amendment = notice_type is NoticeType.AMENDMENT
        classifier = Classifier(self.layout, instrument, notice_type is not NoticeType.RESOLUTION)
        pools: dict[tuple[str | None, int | None], list[Token]] = {}
        for tokens in self.tokens:
            for token in tokens:
                self.classify(token, classifier, pools)
        groups = {key: group_allotments(tokens, self.lines, self.tokens) for key, tokens in pools.items()}
        if KINDS[kind].instrument is Instrument.RIGHTS and (None, ("shares_per_right",)) not in self.keys:
            self.shares_per_right_in_words()
        self.header()
        self.class_of_shares()
        if KINDS[kind].instrument is Instrument.RIGHTS:
            self.series_name()
        self.purpose()
        data = self.assemble(kind, notice_type, language, title, groups)
        self.today_board(data)
        self.check_items()
        for garble in self.garbles:
            self.warnings.append((garble.line, f"garbled text {garble.text!r} (split or doubled characters from PDF "
                                               "extraction): not read; check the figures here by hand"))
        untagged = [t for tokens in self.tokens for t in tokens if (t.line, t.start) not in self.claimed]
        return Extraction(self.notice, self.text, self.layout, data, self.found, self.warnings, untagged,
                          self.garbles, self.placeholders, language)

    def classify(self, token: Token, classifier: Classifier, pools: dict) -> None:
        context = classifier.context(token)
        if self.amendment and _BEFORE_CORRECTION.search(context.local.split(" \u2016 ")[0][-30:]):
            return  # an amendment's figures before the correction are the superseded ones: left untagged
        unit = classifier.infer_unit(token, context)
        if unit != token.unit:
            token = dataclasses.replace(token, unit=unit)
        tranche = self.layout.tranche_at(token.line)
        previous, self.period_end = self.period_end, None
        if token.kind == "date" and previous is not None and previous[0].line == token.line and \
                re.fullmatch(r"\s*(?:から|~|-|–|to|through|until|till|至|より)\s*(?:自\s*)?",
                             self.lines[token.line].folded[previous[0].end:token.start], re.IGNORECASE):
            self.assign(tranche, previous[1], token)
            return
        if token.kind == "date":
            key = classifier.date(token, context)
            if key is None:
                return
            if isinstance(key[0], tuple):  # a period: the first date is the start, the next the end
                start_key, end_key = key  # type: ignore[misc]
                self.assign(tranche, start_key, token)
                self.period_end = (token, end_key)
            else:
                if self.assign(tranche if key[0] not in FILING_KEYS else None, key, token) \
                        and key == ("board_resolution_date",):  # type: ignore[arg-type]
                    classifier.board_seen = True
            return
        if token.unit in ("persons", "rights", "shares") and classifier.in_allotment(token, context):
            item = self.layout.item_at(token.line, token.start)
            pools.setdefault((tranche, id(item) if item else None), []).append(token)
            return
        key = classifier.number(token, context)
        if key is not None:
            self.assign(tranche, key, token)

    def title(self) -> str | None:
        index = self.layout.title_line
        if index is None:
            return None
        line = self.lines[index]
        text = line.folded
        match = _TITLE_TRIM.search(text)
        start = len(re.match(r"^[\s*_#]*", text).group())  # type: ignore[union-attr]
        end = len(text)
        pdf = re.search(r"\s*\[pdf\]\s*$", text, re.IGNORECASE)
        if pdf:
            end = pdf.start()
        end = len(text[:end].rstrip(" *_#"))
        if match is None and start >= end:
            return None
        value = text[start:end].strip()
        if not value:
            return None
        self.assign_text(("title",), line.text[slice(*line.raw_span(start, end))], self.text_spot(line, start, end))
        return value

    def header(self) -> None:
        limit = self.layout.lead[0] + 1 if self.layout.lead else 15
        for line in self.lines[:max(limit, 3) + 2]:
            text = line.folded
            in_header = self.layout.in_header(line.index, 0) or line.index <= limit
            if not in_header:
                continue
            for pattern in (_COMPANY_JA, _COMPANY_EN, _COMPANY_LEAD, _COMPANY_JA_LINE):
                match = pattern.search(text)
                if match and ("issuer", "name") not in self.found and match["v"].strip():
                    self.assign_text(("issuer", "name"), line.text[slice(*line.raw_span(*match.span("v")))].strip(),
                                     self.text_spot(line, *match.span("v")))
            code = _CODE.search(text)
            if code and ("issuer", "securities_code") not in self.found:
                self.assign_text(("issuer", "securities_code"), code["v"], self.text_spot(line, *code.span("v")))
                market = _MARKET_AFTER_CODE.match(text, code.end())
                if market and market["v"].strip():
                    self.assign_text(("issuer", "market"), line.text[slice(*line.raw_span(*market.span("v")))].strip(),
                                     self.text_spot(line, *market.span("v")))
            elif code and self.found[("issuer", "securities_code")].value == code["v"]:
                self.found[("issuer", "securities_code")].spots.append(self.text_spot(line, *code.span("v")))
            representative = _REPRESENTATIVE.search(text)
            if representative and ("issuer", "representative") not in self.found and representative["v"].strip():
                span = representative.span("v")
                self.assign_text(("issuer", "representative"), line.text[slice(*line.raw_span(*span))].strip(),
                                 self.text_spot(line, *span))
        for line in self.lines[:60]:
            legal = _LEGAL.search(line.folded)
            if legal and ("legal_basis", "text") not in self.found:
                self.assign_text(("legal_basis", "text"), line.text[slice(*line.raw_span(*legal.span()))],
                                 self.text_spot(line, *legal.span()))

    def class_of_shares(self) -> None:
        shares_keys = [f for (tranche, key), f in self.keys.items() if key in (("number_of_shares",),)]
        for found in shares_keys:
            spot = found.spots[0]
            line = self.lines[spot.line]
            item = self.layout.item_at(spot.line, 0)
            candidates = [line] + [self.lines[i] for i in (item.heading_lines if item else [])] + \
                self.lines[spot.line + 1:spot.line + 2]
            for candidate in candidates:
                match = _CLASS.search(candidate.folded)
                if match:
                    self.assign_text(("class_of_shares",), candidate.text[slice(*candidate.raw_span(*match.span()))],
                                     self.text_spot(candidate, *match.span()))
                    return

    def shares_per_right_in_words(self) -> None:
        """"One hundred shares will be issued for each Share Option": a figure written in words (hidden: no
        registry format reads words)."""
        for line in self.lines:
            match = _WORDS_PER_RIGHT.search(line.folded)
            if match:
                value = _WORD_VALUES[match["n"].lower()] * _WORD_VALUES[match["m"].lower()]
                self.keys[(None, ("shares_per_right",))] = Found(("shares_per_right",), value, [], match.group())
                self.warnings.append((line.index, f"shares per right read from words ({match['n']} {match['m']} = "
                                                  f"{value}): tagged hidden, as no registry format reads words"))
                return

    def purpose(self) -> None:
        """The purpose-and-reasons section, whole: its lines up to the next section (a text block)."""
        sections = [item for item in self.layout.items if item.level == 1]
        for position, section in enumerate(sections):
            if not _PURPOSE.search(section.heading) or len(section.heading) > 40:
                continue
            end = sections[position + 1].line if position + 1 < len(sections) else len(self.lines)
            lines = [line for line in self.lines[section.line + 1:end] if not _END.match(line.folded)]
            if not lines or any(line.in_row for line in lines):
                return
            value = "\n".join(line.text.strip() for line in lines)
            self.found[("sections", "purpose_and_reasons")] = Found(
                ("sections", "purpose_and_reasons"), value, [Spot(line.index, 0, len(line.text)) for line in lines],
                value[:60])
            return

    def series_name(self) -> None:
        """第5回新株予約権: the name of the rights, from the title or the first lines that print one."""
        candidates = ([self.layout.title_line] if self.layout.title_line is not None else []) + list(range(len(self.lines[:80])))
        for index in candidates:
            line = self.lines[index]
            match = _SERIES.search(line.folded)
            if match:
                span = match.span()
                self.assign_text(("series_name",), line.text[slice(*line.raw_span(*span))],
                                 self.text_spot(line, *span))
                return

    def today_board(self, data: dict[str, Any]) -> None:
        if "board_resolution_date" in data or ("announcement_date",) in self.placeholders:
            return
        lead = self.layout.lead
        for line in self.lines[lead[0]:lead[0] + 4] if lead else ():
            if TODAY_BOARD.search(line.folded):
                data["board_resolution_date"] = data["announcement_date"]
                self.found[("board_resolution_date",)] = Found(("board_resolution_date",), data["announcement_date"],
                                                               [], "本日 / today")
                return

    def check_items(self) -> None:
        """Warn about items with a heading but no value: PDF text that separated labels from values."""
        layout = self.layout
        for item in layout.items:
            if item.level != 2 or not item.heading:
                continue
            following = [i for i in layout.items if (i.line, i.start) > (item.line, item.start)]
            end = (following[0].line, following[0].start) if following else (item.line + 3, 0)
            has_value = any((item.line, item.start) < (t.line, t.start) < end
                            for index in range(item.line, min(end[0] + 1, len(self.lines)))
                            for t in self.tokens[index])
            same_line_next = following and following[0].line == item.line
            if not has_value and same_line_next:
                self.warnings.append((item.line, f"item ({item.number}) {item.heading!r} has no value of its own "
                                                 "(labels and values may have been separated by PDF extraction): "
                                                 "check which values belong to it"))

    # -- assembling ------------------------------------------------------------------------------------------
    def assemble(self, kind: IssuanceKind, notice_type: NoticeType, language: str, title: str | None,
                 groups: dict[tuple[str | None, int | None], Group]) -> dict[str, Any]:
        tranches = list(self.layout.tranche_labels)
        used = {tranche for tranche, _ in self.keys} | {tranche for tranche, _ in groups}
        tranches = [t for t in tranches if t in used]
        several = len(tranches) > 1
        data: dict[str, Any] = {}
        if title is None:
            self.placeholders.add(("title",))
            self.warnings.append((None, "the notice prints no title: the draft has a placeholder (not tagged)"))
        data["title"] = self.found[("title",)].value if ("title",) in self.found else "(no title printed)"
        dates = {f.value for (_, key), f in self.keys.items() if key == ("announcement_date",)}
        announced = self.keys.get((None, ("announcement_date",)))
        if announced is None:
            self.placeholders.add(("announcement_date",))
            fallback = self.fallback_date()
            data["announcement_date"] = fallback
            self.warnings.append((None, f"the notice prints no date of its own: the facts are dated {fallback} "
                                        "(the latest date it prints), and no announcement date is tagged"))
        else:
            data["announcement_date"] = announced.value
            announced.path = ("announcement_date",)
            self.found[("announcement_date",)] = announced
        del dates
        data["notice_type"] = notice_type.value
        data["language"] = language
        issuer: dict[str, Any] = {}
        for field_name in ("name", "securities_code", "market", "representative"):
            found = self.found.get(("issuer", field_name))
            if found is not None:
                issuer[field_name] = found.value
        if "name" not in issuer:
            self.placeholders.add(("issuer", "name"))
            issuer["name"] = "(company name not printed)"
            self.warnings.append((None, "the notice prints no company name: the draft has a placeholder (not tagged)"))
        if "securities_code" not in issuer:
            if self.entity:
                issuer["securities_code"] = self.entity
                self.placeholders.add(("issuer", "securities_code"))
            elif issuer["name"] == "(company name not printed)":
                issuer["entity_identifier"] = re.sub(r"[^A-Za-z0-9._-]+", "-", self.notice.file.rsplit("/", 1)[-1])
                issuer["entity_scheme"] = "http://disclosure-exporter.dev/entity-name"
        data["issuer"] = issuer
        for (_, key), found in self.keys.items():
            if key[0] in FILING_KEYS and key != ("announcement_date",):
                self.put(data, key, found)
        if ("sections", "purpose_and_reasons") in self.found:
            data["sections"] = {"purpose_and_reasons": self.found[("sections", "purpose_and_reasons")].value}
        if ("legal_basis", "text") in self.found:
            data["legal_basis"] = {"text": self.found[("legal_basis", "text")].value}
            self.found[("legal_basis", "text")].path = ("legal_basis", "text")
        issuances: list[dict[str, Any]] = []
        labels = tranches if several else [None]
        for label in labels:
            issuance: dict[str, Any] = {"kind": self.tranche_kind(label, kind).value}
            if several:
                issuance["label"] = label
            issuances.append(issuance)
        if KINDS[kind].instrument is Instrument.SHARES:
            method = self.method()
            if method is not None:
                for issuance in issuances:
                    issuance["method"] = method.value
        data["issuances"] = issuances
        totals: dict[str, Any] = {}
        for (tranche, key), found in self.keys.items():
            if key[0] in FILING_KEYS:
                continue
            if several and tranche in tranches:
                self.put(data, ("issuances", tranches.index(tranche), *key), found)
            elif several:
                if key[0] in TOTALS_KEYS:
                    total_key = ("underlying_shares",) if key == ("number_of_shares",) and \
                        KINDS[kind].instrument is Instrument.RIGHTS else key
                    self.put(data, ("totals", *total_key), found, container=totals)
                else:
                    self.warnings.append((found.spots[0].line, f"{'.'.join(key)} {found.value} is stated for all "
                                                               "tranches together; left untagged for review"))
                    for spot in found.spots:
                        self.claimed.discard((spot.line, -1))
            else:
                self.put(data, ("issuances", 0, *key), found)
        if totals:
            data["totals"] = totals
        series = self.found.get(("series_name",))
        if series is not None and not several:
            self.put(data, ("issuances", 0, "series_name"), series)
        class_found = self.found.get(("class_of_shares",))
        if class_found is not None:
            target = ("totals", "class_of_shares") if several else ("issuances", 0, "class_of_shares")
            self.put(data, target, class_found)
        if not several and KINDS[kind].instrument is Instrument.SHARES and not any(g.entries for g in groups.values()):
            self.allottee(data, kind)
        for (tranche, _), group in groups.items():
            index = tranches.index(tranche) if several and tranche in tranches else 0
            if several and tranche not in tranches:
                continue
            self.allotments(data, index, group, KINDS[kind].instrument)
        if data["issuances"] and not issuances[0].get("kind"):
            raise AssertionError("an issuance without a kind")
        return data

    def allottee(self, data: dict[str, Any], kind: IssuanceKind) -> None:
        """A shares issuance to one named allottee (a trust bank's account, an investor): its name as printed."""
        for item in self.layout.items:
            if item.level != 2 or (self.tokens[item.line] and any(t.start > item.start for t in self.tokens[item.line])):
                continue
            line = self.lines[item.line]
            match = _ALLOTTEE_ITEM.search(line.folded, item.start)
            if match is None or match.start() > item.start + 6:
                continue
            start, end = match.end(), len(line.folded.rstrip())
            name = line.folded[start:end].strip()
            if not name or len(name) > 80 or not re.search(r"株式会社|会社|銀行|信託|Co\.|Inc\.|Ltd|Bank|Trust|Corporation|"
                                                           r"Limited|L\.P\.|Fund", name):
                continue
            category = "trust_account" if _TRUST.search(name) or kind is IssuanceKind.TRUST_PLAN else "investor"
            path: Path = ("issuances", 0, "allotments", 0, "allottee")
            text = line.text[slice(*line.raw_span(start, end))].strip()
            data["issuances"][0]["allotments"] = [{"category": category, "allottee": text}]
            self.found[path] = Found(path, text, [self.text_spot(line, start, end)], text)
            return

    def tranche_kind(self, label: str | None, kind: IssuanceKind) -> IssuanceKind:
        if label and KINDS[kind].instrument is Instrument.SHARES:
            if re.search(r"\bPSU\b", label, re.IGNORECASE):
                return IssuanceKind.PSU
            if re.search(r"\bRSU\b", label, re.IGNORECASE):
                return IssuanceKind.RSU
        return kind

    def method(self) -> ShareMethod | None:
        text = " ".join(line.folded for line in self.lines[:40])
        if re.search(r"自己株式(?:の)?処分|disposal of treasury|treasury (?:stock|shares)", text, re.IGNORECASE):
            return ShareMethod.TREASURY_SHARES
        if re.search(r"新株式?(?:の)?発行|新株発行|issu(?:e|ance) of new shares|new shares", text, re.IGNORECASE):
            return ShareMethod.NEW_SHARES
        return None

    def fallback_date(self) -> str:
        dates = [t.value for tokens in self.tokens for t in tokens if t.kind == "date"]
        if dates:
            return max(dates).isoformat()  # type: ignore[type-var]
        for line in self.lines[:5]:
            match = re.search(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)", line.folded)
            if match:
                try:
                    return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
                except ValueError:
                    continue
        return "2000-01-01"

    def put(self, data: dict[str, Any], path: Path, found: Found, container: dict[str, Any] | None = None) -> None:
        node: Any = data
        for part, following in itertools.pairwise(path):
            if isinstance(node, list):
                node = node[part]  # type: ignore[index]
                continue
            node = node.setdefault(part, [] if isinstance(following, int) else {})
        node[path[-1]] = found.value
        found.path = path
        self.found[path] = found

    def allotments(self, data: dict[str, Any], index: int, group: Group, instrument: Instrument) -> None:
        issuance = data["issuances"][index]
        records: list[dict[str, Any]] = issuance.setdefault("allotments", [])
        for entry in group.entries:
            code = entry.category
            counts = {"persons": [entry.persons]}
            for slot, tokens in (("rights", entry.rights), ("shares", entry.shares)):
                if tokens and not (slot == "rights" and instrument is Instrument.SHARES):
                    counts[slot] = tokens[:1]
            values = {slot: self.value_of(tokens[0], (slot,)) for slot, tokens in counts.items()}
            same = next((position for position, record in enumerate(records)
                         if record.get("category") == code and code != "other"), None)
            if same is not None:
                record = records[same]
                if any(record.get(slot) != value for slot, value in values.items()):
                    self.warnings.append((entry.persons.line, f"the notice allots to {entry.label or code} again with "
                                                              f"other figures ({values}); left untagged for review"))
                    continue
                base: Path = ("issuances", index, "allotments", same)
                for slot, tokens in counts.items():
                    self.found[(*base, slot)].spots.append(self.spot_of(tokens[0]))
                    self.claimed.add((tokens[0].line, tokens[0].start))
                self._label(base, entry, record, extra=True)
                continue
            record = {}
            if code == "other":
                record["custom_category"] = f"recipients_{_letters(len(records))}"
            else:
                record["category"] = code
            base = ("issuances", index, "allotments", len(records))
            self._label(base, entry, record, extra=False)
            if "description" not in record and "custom_category" in record:
                record["description"] = f"Recipients {len(records) + 1}"
                self.placeholders.add((*base, "description"))
            for slot, tokens in counts.items():
                record[slot] = values[slot]
                self.found[(*base, slot)] = Found((*base, slot), values[slot], [self.spot_of(tokens[0])],
                                                  self.snippet(tokens[0].line, tokens[0].start, tokens[0].end))
                self.claimed.add((tokens[0].line, tokens[0].start))
            records.append(record)
        if not records:
            del issuance["allotments"]
        for token in group.loose:
            key = ("number_of_shares",) if token.unit == "shares" else ("number_of_rights",)
            path = ("issuances", index, *key)
            value = self.value_of(token, key)
            existing = self.found.get(path)
            if existing is not None and existing.value == value:
                existing.spots.append(self.spot_of(token))
                self.claimed.add((token.line, token.start))
            elif existing is None and not (key == ("number_of_rights",) and instrument is Instrument.SHARES):
                issuance[key[0]] = value
                self.found[path] = Found(path, value, [self.spot_of(token)],
                                         self.snippet(token.line, token.start, token.end))
                self.claimed.add((token.line, token.start))

    def _label(self, base: Path, entry: Any, record: dict[str, Any], *, extra: bool) -> None:
        if not entry.label or entry.label_span is None:
            return
        line = self.lines[entry.label_span[0]]
        raw = line.raw_span(entry.label_span[1], entry.label_span[2])
        text = line.text[slice(*raw)].strip()
        path = (*base, "description")
        if extra:
            if path in self.found and self.found[path].value == text:
                self.found[path].spots.append(Spot(line.index, *raw))
            return
        record["description"] = text
        self.found[path] = Found(path, text, [Spot(line.index, *raw)], text)


def _letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> ba: a custom category code part (it must start with a letter)."""
    text = ""
    while True:
        number, rest = divmod(number, 26)
        text = chr(ord("a") + rest) + text
        if not number:
            return text


def extract(notice: Notice, *, entity: str | None = None) -> Extraction:
    """The draft filing and every value's spots, warnings and untagged figures."""
    return _Builder(notice, entity).run()


def number_text(value: Decimal) -> str:
    return f"{value:,}"
