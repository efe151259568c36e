"""The words of a notice that are facts: title, company, code, market, representative, class of shares,
the series name, the legal basis, a named allottee, the purpose section as a whole, and shares per
right written in words.

A mixin of the extraction's builder (``extract._Builder``): it reads lines and the layout and
records what it finds with ``assign_text`` (a text and its spot) or in ``keys`` (a value).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from exporter.domain.kinds import IssuanceKind
from exporter.sources.notices.spots import Found, Path, Spot

if TYPE_CHECKING:
    from exporter.sources.notices.lines import Line
    from exporter.sources.notices.structure import Layout
    from exporter.sources.notices.tokens import Token


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
_RUN_ON_TITLE = re.compile(r"[)）]\s(?P<t>[^\s()（）]{6,80}(?:に関する|についての)お知らせ)(?=\s|$)")
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
_ALLOTTEE_ITEM = re.compile(r"(?:処分予定先|割当予定先|処分先|割当先|(?:planned )?allottees?|disposal recipients?)\s*[:：]?\s*",
                            re.IGNORECASE)
_TRUST = re.compile(r"信託|trust", re.IGNORECASE)
_TITLE_TRIM = re.compile(r"^[\s*_#]+|[\s*_#]+$|\s*\[pdf\]\s*$", re.IGNORECASE)





def shares_per_right_written_in_words(folded: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each "one hundred shares ... for each Share Option" in ``folded`` text: the shares it writes in words, and where."""
    for match in _WORDS_PER_RIGHT.finditer(folded):
        yield _WORD_VALUES[match["n"].lower()] * _WORD_VALUES[match["m"].lower()], match


class TextFacts:
    """Reads the notice's texts; expects ``lines``, ``layout``, ``tokens``, ``found``, ``keys`` and ``warnings``."""

    lines: list[Line]
    layout: Layout
    tokens: list[list[Token]]
    found: dict[Path, Found]
    keys: dict[tuple[str | None, tuple[str, ...]], Found]
    warnings: list[tuple[int | None, str]]

    def text_spot(self, line: Line, start: int, end: int) -> Spot:
        raw_start, raw_end = line.raw_span(start, end)
        return Spot(line.index, raw_start, raw_end)

    def assign_text(self, path: Path, value: str, spot: Spot) -> None:
        existing = self.found.get(path)
        if existing is None:
            self.found[path] = Found(path, value, [spot], value)
        elif existing.value == value:
            existing.spots.append(spot)

    def title(self) -> str | None:
        index = self.layout.title_line
        if index is None:
            return self.title_in_run_on_text()
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

    def title_in_run_on_text(self) -> str | None:
        """PDF text that lost its line breaks: the title is the word run ending in お知らせ after the header's ')'."""
        for line in self.lines[:5]:
            match = _RUN_ON_TITLE.search(line.folded)
            if match:
                start, end = match.span("t")
                self.assign_text(("title",), line.text[slice(*line.raw_span(start, end))], self.text_spot(line, start, end))
                return match["t"]
        return None

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
            for value, match in shares_per_right_written_in_words(line.folded):
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

