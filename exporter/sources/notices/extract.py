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
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from exporter.domain.kinds import KINDS, Instrument, IssuanceKind, NoticeType
from exporter.domain.text import has_japanese
from exporter.sources.notices.allot import Group, group_allotments
from exporter.sources.notices.classify import TODAY_BOARD, Classifier, Key
from exporter.sources.notices.lines import NoticeText
from exporter.sources.notices.read import Notice
from exporter.sources.notices.spots import Found, Path, Spot
from exporter.sources.notices.structure import Layout, analyse
from exporter.sources.notices.texts import TextFacts
from exporter.sources.notices.tokens import Garble, Token, scan
from exporter.sources.notices.wording import kind_of, method_of, notice_type_of

FILING_KEYS = {"announcement_date", "board_resolution_date", "shareholders_meeting", "plan", "earlier_notice",
               "reference_price"}
TOTALS_KEYS = {"number_of_shares", "price_per_share", "total_amount", "allotment_date", "payment_date",
               "disposal_date", "number_of_rights", "proceeds", "dilution", "class_of_shares"}
_DATE_FORMATS = {"era": "date-jpn-era-year-month-day", "kanji": "date-year-month-day", "iso": "date-year-month-day",
                 "mdy": "date-monthname-day-year-en", "dmy": "date-day-monthname-year-en",
                 "era-letter": "date-jpn-era-year-month-day"}  # H27.7.13 does not read back: it goes hidden
_SCALE_NAMES = {3: "thousand", 6: "million", 9: "billion"}


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


_BEFORE_CORRECTION = re.compile(r"訂正前|変更前|before (?:the )?(?:correction|amendment|change)|\(before\)",
                                re.IGNORECASE)


class _Builder(TextFacts):
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

    def snippet(self, line: int, start: int, end: int) -> str:
        text = self.lines[line].folded
        return " ".join(text[max(0, start - 20):end + 20].split())

    # -- values ----------------------------------------------------------------------------------------------
    def value_of(self, token: Token, key: Key) -> Any:
        if token.kind == "date":
            assert isinstance(token.value, date)
            return token.value.isoformat()
        assert isinstance(token.value, Decimal)  # a token is a date or a number
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

    def run(self) -> Extraction:
        title = self.title()
        opening = " ".join(line.folded for line in self.lines[:40])
        kind, _why = kind_of(title or "", opening)
        notice_type = notice_type_of(title or "", opening)
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
        for tokens in self.tokens:  # bare figures take their unit from their label or column, once for all
            for position, token in enumerate(tokens):
                unit = classifier.infer_unit(token, classifier.context(token))
                if unit != token.unit:
                    tokens[position] = dataclasses.replace(token, unit=unit, currency="JPY" if unit == "money" else None)
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

    def classify(self, token: Token, classifier: Classifier, pools: dict[tuple[str | None, int | None], list[Token]]
                 ) -> None:
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
                start_key, end_key = key
                self.assign(tranche, start_key, token)
                self.period_end = (token, end_key)
            else:
                if self.assign(tranche if key[0] not in FILING_KEYS else None, key, token) \
                        and key == ("board_resolution_date",):
                    classifier.board_seen = True
            return
        if token.unit in ("persons", "rights", "shares") and classifier.in_allotment(token, context):
            item = self.layout.item_at(token.line, token.start)
            pools.setdefault((tranche, id(item) if item else None), []).append(token)
            return
        key = classifier.number(token, context)
        if key is not None:
            self.assign(tranche, key, token)

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
        items = self.layout.items
        for position, item in enumerate(items[:-1]):
            following = items[position + 1]
            if item.level != 2 or not item.heading or following.line != item.line:
                continue
            if not any(item.start < t.start < following.start for t in self.tokens[item.line]):
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
            method = method_of(" ".join(line.folded for line in self.lines[:40]))
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

    def tranche_kind(self, label: str | None, kind: IssuanceKind) -> IssuanceKind:
        if label and KINDS[kind].instrument is Instrument.SHARES:
            if re.search(r"\bPSU\b", label, re.IGNORECASE):
                return IssuanceKind.PSU
            if re.search(r"\bRSU\b", label, re.IGNORECASE):
                return IssuanceKind.RSU
        return kind

    def fallback_date(self) -> str:
        dates = [t.value for tokens in self.tokens for t in tokens if isinstance(t.value, date)]
        if dates:
            return max(dates).isoformat()
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
