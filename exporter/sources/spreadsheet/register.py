"""One register record -> a validated ``Filing``, or the problems, each located at its cells.

Cells are read with the normalisers (``normalise``); a cell that does not read is a problem at that
cell. The values then go through the models, whose errors name fields (``number_of_rights ×
shares_per_right must equal number_of_shares: ...``); each named field is mapped back to the cells
it came from, and its name is replaced by the register's own header.

Defaults for what a register does not say (each documented in the README and noted as a warning):

* title: generated from the plan type, in the row's language(s);
* class of shares: common stock / 普通株式;
* plan type: stock compensation when the exercise price per share is 1, otherwise ordinary;
* currency: the ``Currency`` column, else the mark the amounts show (円, $), else JPY;
* number of rights: the allotments' sum, when the column is absent or the cell empty;
* number of shares: rights × shares per right, when the column is absent or the cell empty;
* the filing's language (``Filing.language``): the language most of the row's texts are in.
"""
from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from exporter.domain.dimensions import RECIPIENT_AXIS
from exporter.domain.rules import Statement
from exporter.models import Filing
from exporter.models.errors import model_location, useful_errors
from exporter.models.statements import describe
from exporter.notation import (
    RECIPIENT_CODES,
    AllotmentEntry,
    Amount,
    Count,
    NormaliseError,
    classify_recipient,
    header_key,
    normalise_text,
    parse_allotments,
    parse_amount,
    parse_count,
    parse_date,
    parse_period,
)
from exporter.sources.spreadsheet.headers import Table, spec
from exporter.sources.spreadsheet.layouts import Cell, Record, SourceRow
from exporter.sources.spreadsheet.problems import CellRef, Problem

# Model path each field feeds (a field may feed several).
FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "company_name": ("issuer.name",),
    "securities_code": ("issuer.securities_code",),
    "lei": ("issuer.lei",),
    "isin": ("issuer.isin",),
    "listings": ("issuer.listings",),
    "announcement_date": ("announcement_date",),
    "series": ("issuance.series_name",),
    "plan_type": ("issuance.kind",),
    "resolution_date": ("board_resolution_date",),
    "determination_date": ("issuance.determination_date",),
    "allotment_date": ("issuance.allotment_date",),
    "number_of_rights": ("issuance.number_of_rights",),
    "shares_per_right": ("issuance.shares_per_right",),
    "class_of_shares": ("issuance.class_of_shares",),
    "number_of_shares": ("issuance.number_of_shares",),
    "currency": ("issuance.currency",),
    "amount_per_right": ("issuance.payment.amount_per_right",),
    "amount_per_share": ("issuance.payment.amount_per_share",),
    "payment_method": ("issuance.payment.method",),
    "exercise_price": ("issuance.exercise.price_per_share",),
    "exercise_period": ("issuance.exercise.period_start", "issuance.exercise.period_end"),
    "exercise_start": ("issuance.exercise.period_start",),
    "exercise_end": ("issuance.exercise.period_end",),
    "exercise_conditions": ("issuance.exercise.conditions",),
    "aggregate_amount_paid": ("issuance.aggregates.amount_paid",),
    "aggregate_exercise_value": ("issuance.aggregates.exercise_value",),
    "aggregate_issue_value": ("issuance.aggregates.issue_value",),
    "allotment": ("issuance.allotments",),
}

DEFAULT_CLASS = {"en": "common stock", "ja": "普通株式"}
DEFAULT_TITLE = {
    "stock_compensation": {"en": "Notice Concerning the Issuance of Stock-Compensation-Type Stock Options "
                                 "(Stock Acquisition Rights)",
                           "ja": "株式報酬型ストックオプション（新株予約権）の発行に関するお知らせ"},
    "ordinary": {"en": "Notice Concerning the Issuance of Stock Acquisition Rights (Stock Options)",
                 "ja": "ストックオプション（新株予約権）の発行に関するお知らせ"},
}
EXPECTED_PLAN_TYPE = "a plan type: 株式報酬型 / Stock compensation, or 通常型 / Ordinary"
EXPECTED_TEXT = "text"
EXPECTED_LISTINGS = "listings such as 'NASDAQ: IIJ; TSE1: 3774' or 'TSE Prime (130A)'"
EXPECTED_CURRENCY = "a currency such as JPY, USD, 円 or $"
EXPECTED_CATEGORY_CODE = "a category code: " + ", ".join(RECIPIENT_CODES)

_CURRENCY_WORDS = {"円": "JPY", "¥": "JPY", "\\": "JPY", "yen": "JPY", "日本円": "JPY", "$": "USD", "us$": "USD",
                   "ドル": "USD", "米ドル": "USD", "€": "EUR", "ユーロ": "EUR", "£": "GBP"}


def is_japanese(text: str) -> bool:
    """Kana or kanji (after width folding, so ＩＩＪ is not Japanese)."""
    return any("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
               for ch in unicodedata.normalize("NFKC", text))


def clean_text(raw: Any) -> str:
    """A text cell as the notice words it: line endings unified, each line's ends stripped."""
    if not isinstance(raw, str):
        return normalise_text(raw)
    lines = [" ".join(line.split()) for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def parse_plan_type(raw: Any) -> str:
    key = header_key(raw)
    if any(word in key for word in ("株式報酬", "stockcompensation", "compensationtype", "1円", "1yen")):
        return "stock_compensation"
    if any(word in key for word in ("通常", "ordinary", "regular", "standard", "一般", "有償", "無償", "普通型")):
        return "ordinary"
    raise NormaliseError(raw, EXPECTED_PLAN_TYPE)


def parse_currency(raw: Any) -> str:
    text = normalise_text(raw)
    if not text:
        raise NormaliseError(raw, EXPECTED_CURRENCY)
    code = _CURRENCY_WORDS.get(text.casefold(), text.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise NormaliseError(raw, EXPECTED_CURRENCY)
    return code


def parse_code(raw: Any) -> str:
    text = normalise_text(raw).upper()
    if not text:
        raise NormaliseError(raw, "a securities code such as 3774 or 130A")
    return text


def parse_listings(raw: Any, securities_code: str | None) -> list[dict[str, str]]:
    """'NASDAQ: IIJ; TSE1: 3774', 'TSE Prime (130A)', or an exchange alone (ticker: the securities code)."""
    text = normalise_text(raw)
    listings = []
    for part in re.split(r"\s*[;,、\n]\s*", text):
        if not part:
            continue
        match = re.fullmatch(r"(?P<ex>[^:()]+?)\s*(?::\s*(?P<t1>[^:()]+)|\(\s*(?P<t2>[^()]+?)\s*\))", part)
        if match:
            listings.append({"exchange": match["ex"], "ticker": (match["t1"] or match["t2"]).strip()})
        elif ":" not in part and "(" not in part and securities_code:
            listings.append({"exchange": part, "ticker": securities_code})
        else:
            reason = "an exchange without a ticker needs the securities code" if not securities_code else None
            raise NormaliseError(raw, EXPECTED_LISTINGS, reason)
    if not listings:
        raise NormaliseError(raw, EXPECTED_LISTINGS)
    return listings


def recipient_code(label: str) -> str:
    key = normalise_text(label).casefold().replace(" ", "_").replace("-", "_")
    return key if key in RECIPIENT_CODES else classify_recipient(label)


def _count_dict(count: Count) -> dict[str, Any]:
    return {"value": count.value, "upper_limit": count.upper_limit}


@dataclass
class Built:
    """What became of one record."""

    filing: Filing | None
    problems: list[Problem]
    warnings: list[str]
    stem: str | None = None
    language: str | None = None


@dataclass
class _Row:
    """Reading one record: collected values, where each came from, and the problems so far."""

    record: Record
    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[CellRef]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # model paths whose cells did not read
    texts: list[str] = field(default_factory=list)  # languages of the texts read (for Filing.language)

    @property
    def file(self) -> str:
        return self.record.file

    def cells(self, key: str) -> list[Cell]:
        return [c for c in self.record.main.cells if c.field == key]

    def filled(self, key: str) -> list[Cell]:
        return [c for c in self.cells(key) if not c.empty]

    def problem(self, message: str, cells: list[CellRef] | tuple[CellRef, ...], expected: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, tuple(cells), expected))

    def cell_error(self, error: NormaliseError, cell: Cell | CellRef, key: str) -> None:
        ref = cell.ref if isinstance(cell, Cell) else cell
        self.problem(str(error), [ref], error.expected)
        self.failed.update(FIELD_PATHS.get(key, (key,)))

    def add_source(self, path: str, refs: list[CellRef] | tuple[CellRef, ...]) -> None:
        if not refs:
            return
        self.sources.setdefault(path, [])
        for ref in refs:
            if ref not in self.sources[path]:
                self.sources[path].append(ref)

    def missing(self, key: str, what: str) -> None:
        """A required value is absent: no column at all, or an empty cell."""
        cells = self.cells(key)
        if cells:
            self.problem(f"expected {what}, got an empty cell", [cells[0].ref], what)
        else:
            field_spec = spec(key)
            self.problem(f"the register has no column for {what}: expected a header such as "
                         f"'{field_spec.en}' or '{field_spec.ja}' (or map one with --map)",
                         [CellRef(self.record.main.sheet, self.record.main.row, None, field_spec.en)], what)
        self.failed.update(FIELD_PATHS.get(key, (key,)))

    def value(self, key: str, parse: Callable[[Any], Any]) -> tuple[Any, list[CellRef]] | None:
        """The field's value from its non-empty cells; several columns must agree. None if absent or bad."""
        results = []
        for cell in self.filled(key):
            try:
                results.append((parse(cell.value), cell.ref))
            except NormaliseError as error:
                self.cell_error(error, cell, key)
                return None
        if not results:
            return None
        first = results[0][0]
        if any(value != first for value, _ in results[1:]):
            self.problem(f"the columns for {spec(key).en.lower()} disagree", [ref for _, ref in results])
            self.failed.update(FIELD_PATHS.get(key, (key,)))
            return None
        refs = [ref for _, ref in results]
        for path in FIELD_PATHS.get(key, ()):
            self.add_source(path, refs)
        return first, refs

    def text(self, key: str, cells: list[Cell] | None = None) -> tuple[dict[str, str], list[CellRef]] | None:
        """Texts by language: the header's language mark, else the script of the text."""
        found: dict[str, tuple[str, CellRef]] = {}
        for cell in cells if cells is not None else self.filled(key):
            if cell.empty:
                continue
            text = clean_text(cell.value)
            lang = cell.lang or ("ja" if is_japanese(text) else "en")
            if lang in found and found[lang][0] != text:
                language = "English" if lang == "en" else "Japanese"
                self.problem(f"two columns give the {spec(key, _table(key)).en.lower()} in {language}; keep one, "
                             f"or mark the languages in the headers, e.g. '{spec(key, _table(key)).en} (English)'",
                             [found[lang][1], cell.ref])
                self.failed.update(FIELD_PATHS.get(key, (key,)))
                return None
            found[lang] = (text, cell.ref)
            self.texts.append(lang)
        if not found:
            return None
        refs = [ref for _, ref in found.values()]
        for path in FIELD_PATHS.get(key, ()):
            self.add_source(path, refs)
        return {lang: text for lang, (text, _) in sorted(found.items())}, refs


def _table(key: str) -> Table:
    return "allotments" if key == "category" else "issuances"


# ---------------------------------------------------------------------------------------------


def build_filing(record: Record) -> Built:
    """Read one record into a Filing; on failure, every problem found, each at its cells."""
    row = _Row(record)
    row.problems.extend(record.problems)
    data = row.data
    issuer: dict[str, Any] = {}
    issuance: dict[str, Any] = {}

    # Issuer
    name = row.text("company_name")
    if name:
        issuer["name"] = name[0]
    elif "issuer.name" not in row.failed:
        row.missing("company_name", "the company name")
    code = row.value("securities_code", parse_code)
    if code:
        issuer["securities_code"] = code[0]
    for key in ("lei", "isin"):
        found = row.value(key, lambda raw: normalise_text(raw).upper())
        if found:
            issuer[key] = found[0]
    listings = row.value("listings", lambda raw: parse_listings(raw, code[0] if code else None))
    if listings:
        issuer["listings"] = listings[0]
    data["issuer"] = issuer

    # Dates
    for key, target, what, required in (
        ("announcement_date", data, "the announcement date", True),
        ("resolution_date", data, "the board resolution date", False),
        ("determination_date", issuance, None, False),
        ("allotment_date", issuance, None, False),
    ):
        found = row.value(key, parse_date)
        model_key = FIELD_PATHS[key][0].split(".")[-1]
        if found:
            target[model_key] = found[0]
        elif required and not any(p in row.failed for p in FIELD_PATHS[key]):
            row.missing(key, what or key)

    # Texts
    series = row.text("series")
    if series:
        issuance["series_name"] = series[0]
    title = row.text("title")
    class_of_shares = row.text("class_of_shares")

    # Counts
    rights = row.value("number_of_rights", parse_count)
    per_right = row.value("shares_per_right", parse_count)
    shares = row.value("number_of_shares", parse_count)
    if per_right:
        if per_right[0].upper_limit:
            row.problem("expected an exact number of shares per right, not an upper limit", per_right[1],
                        "a whole number such as 100 or 200株")
            row.failed.add("issuance.shares_per_right")
        else:
            issuance["shares_per_right"] = per_right[0].value
    elif "issuance.shares_per_right" not in row.failed:
        row.missing("shares_per_right", "the number of shares per right")

    # Allotments
    allotments = _allotments(row)
    if allotments is not None:
        issuance["allotments"] = allotments
    if rights:
        issuance["number_of_rights"] = _count_dict(rights[0])
    elif "issuance.number_of_rights" not in row.failed:
        if allotments:
            total = sum(a["rights"]["value"] for a in allotments)
            upper = any(a["rights"]["upper_limit"] for a in allotments)
            issuance["number_of_rights"] = {"value": total, "upper_limit": upper}
            row.add_source("issuance.number_of_rights", row.sources.get("issuance.allotments", []))
            row.warnings.append(f"number of rights not given: the allotments' sum, {total:,}, is used")
        elif "issuance.allotments" not in row.failed:
            row.missing("number_of_rights", "the number of rights")
    total_rights = issuance.get("number_of_rights")
    if shares:
        issuance["number_of_shares"] = _count_dict(shares[0])
    elif "issuance.number_of_shares" in row.failed:
        pass
    elif total_rights and "shares_per_right" in issuance:
        value = total_rights["value"] * issuance["shares_per_right"]
        issuance["number_of_shares"] = {"value": value, "upper_limit": total_rights["upper_limit"]}
        row.add_source("issuance.number_of_shares", row.sources.get("issuance.number_of_rights", []) +
                       row.sources.get("issuance.shares_per_right", []))
        row.warnings.append(f"number of shares not given: number of rights × shares per right, {value:,}, is used")
    elif not row.failed & {"issuance.number_of_rights", "issuance.shares_per_right", "issuance.allotments"}:
        row.missing("number_of_shares", "the number of shares")
    _total_persons(row, allotments)

    # Money
    currency = _currency(row)
    issuance["currency"] = currency
    payment = _payment(row, currency)
    if payment is not None:
        issuance["payment"] = payment
    exercise = _exercise(row, currency)
    if exercise:
        issuance["exercise"] = exercise
    aggregates = {}
    for key in ("aggregate_amount_paid", "aggregate_exercise_value", "aggregate_issue_value"):
        found = row.value(key, parse_amount)
        if found:
            _check_currency(row, found[0], found[1], currency, key)
            aggregates[FIELD_PATHS[key][0].split(".")[-1]] = found[0].value
    if aggregates:
        issuance["aggregates"] = aggregates

    # Plan type
    plan_type = row.value("plan_type", parse_plan_type)
    if plan_type:
        issuance["plan_type"] = plan_type[0]
    elif "issuance.kind" not in row.failed:
        price = (exercise or {}).get("price_per_share")
        issuance["plan_type"] = "stock_compensation" if price == 1 else "ordinary"
        why = "the exercise price per share is 1" if price == 1 else "no exercise price of 1 per share is given"
        row.warnings.append(f"plan type not given: {issuance['plan_type']} is assumed ({why})")

    # Languages, and the defaults that depend on them
    language = _language(row)
    languages = sorted(set(row.texts)) or [language]
    if class_of_shares:
        issuance["class_of_shares"] = class_of_shares[0]
    elif "issuance.class_of_shares" not in row.failed:
        issuance["class_of_shares"] = {lang: DEFAULT_CLASS[lang] for lang in languages}
        row.warnings.append("class of shares not given: common stock / 普通株式 is assumed")
    if title:
        data["title"] = title[0]
    elif "title" not in row.failed and issuance.get("plan_type") in DEFAULT_TITLE:
        data["title"] = {lang: DEFAULT_TITLE[issuance["plan_type"]][lang] for lang in languages}
        row.warnings.append("title not given: generated from the plan type")
    data["language"] = language
    data["issuance"] = issuance

    # The model runs even when some cells did not read, so that one run shows every problem; its
    # errors about values that did not read are left out (the cell's own problem says why).
    filing = None
    try:
        filing = Filing.model_validate(data)
    except ValidationError as exc:
        row.problems.extend(_model_problems(row, exc))
    if row.problems:
        filing = None
    stem = _stem(record, filing) if filing else None
    return Built(filing, row.problems, row.warnings, stem, language)


def _language(row: _Row) -> str:
    en, ja = row.texts.count("en"), row.texts.count("ja")
    return "ja" if ja > en else "en"


# ---------------------------------------------------------------------------------------------


def _check_currency(row: _Row, amount: Amount, refs: list[CellRef], currency: str, key: str) -> None:
    if amount.currency and amount.currency != currency and "issuance.currency" not in row.failed:
        row.problem(f"the cell shows an amount in {amount.currency}, but the issuance's currency is {currency}",
                    refs + row.sources.get("issuance.currency", []), "an amount in the issuance's currency")
        row.failed.update(FIELD_PATHS.get(key, (key,)))


def _currency(row: _Row) -> str:
    column = row.value("currency", parse_currency)
    if column:
        return column[0]
    marks: dict[str, list[CellRef]] = {}
    for key in ("amount_per_right", "amount_per_share", "exercise_price", "aggregate_amount_paid",
                "aggregate_exercise_value", "aggregate_issue_value"):
        for cell in row.filled(key):
            try:
                amount = parse_amount(cell.value)
            except NormaliseError:
                continue  # reported where the amount is read
            if amount.currency:
                marks.setdefault(amount.currency, []).append(cell.ref)
    if len(marks) > 1:
        row.problem(f"the amounts are in different currencies ({', '.join(sorted(marks))})",
                    [ref for refs in marks.values() for ref in refs], "amounts in one currency")
        row.failed.add("issuance.currency")
    if len(marks) == 1:
        (code, refs), = marks.items()
        row.add_source("issuance.currency", refs)
        return code
    return "JPY"


def _payment(row: _Row, currency: str) -> dict[str, Any] | None:
    payment: dict[str, Any] = {}
    no_payment_refs: list[CellRef] = []
    for key, model_key in (("amount_per_right", "amount_per_right"), ("amount_per_share", "amount_per_share")):
        found = row.value(key, parse_amount)
        if not found:
            continue
        amount, refs = found
        if amount.no_payment:
            no_payment_refs += refs
            continue
        _check_currency(row, amount, refs, currency, key)
        payment[model_key] = amount.value
    method = row.text("payment_method")
    if method:
        payment["method"] = method[0]
    if no_payment_refs:
        payment["no_payment"] = True
        row.add_source("issuance.payment.no_payment", no_payment_refs)
    elif method and "amount_per_right" not in payment and "amount_per_share" not in payment:
        said_no_payment = False
        for text in method[0].values():
            with contextlib.suppress(NormaliseError):
                said_no_payment = said_no_payment or parse_amount(text).no_payment
        if said_no_payment:
            payment["no_payment"] = True
            row.add_source("issuance.payment.no_payment", method[1])
        elif not row.failed & {"issuance.payment.amount_per_right", "issuance.payment.amount_per_share"}:
            right, share = spec("amount_per_right"), spec("amount_per_share")
            row.problem(f"a payment method is given but no amount: fill in '{right.en}' / '{right.ja}' or "
                        f"'{share.en}' / '{share.ja}', or write 無償 / No payment there", method[1],
                        "an amount paid per right or per share, or 無償 / No payment")
            row.failed.add("issuance.payment")
    row.add_source("issuance.payment", [ref for path, refs in row.sources.items()
                                        if path.startswith("issuance.payment.") for ref in refs])
    return payment or None


def _exercise(row: _Row, currency: str) -> dict[str, Any]:
    exercise: dict[str, Any] = {}
    price = row.value("exercise_price", parse_amount)
    if price:
        amount, refs = price
        if amount.no_payment:
            row.problem(f"expected an exercise price per share such as 1, 1円 or ¥2,315, got {refs[0].value!r} "
                        f"(an exercise price cannot be 'no payment')", refs, "an amount such as 1, 1円 or ¥2,315")
            row.failed.add("issuance.exercise.price_per_share")
        else:
            _check_currency(row, amount, refs, currency, "exercise_price")
            exercise["price_per_share"] = amount.value
    period = row.value("exercise_period", lambda raw: parse_period(raw, allow_era_overrun=True))
    start = row.value("exercise_start", lambda raw: parse_date(raw, allow_era_overrun=True))
    end = row.value("exercise_end", lambda raw: parse_date(raw, allow_era_overrun=True))
    if period:
        exercise["period_start"], exercise["period_end"] = period[0]
    for found, index, key in ((start, 0, "period_start"), (end, 1, "period_end")):
        if not found:
            continue
        if period and period[0][index] != found[0]:
            row.problem(f"the exercise period says {period[0][index]} but its own column says {found[0]}",
                        period[1] + found[1])
            row.failed.add(f"issuance.exercise.{key}")
        exercise[key] = found[0]
    conditions = row.text("exercise_conditions")
    if conditions:
        exercise["conditions"] = conditions[0]
    row.add_source("issuance.exercise", [ref for path, refs in row.sources.items()
                                         if path.startswith("issuance.exercise.") for ref in refs])
    return exercise


# ---------------------------------------------------------------------------------------------
# Allotments


@dataclass
class _Entry:
    lang: str
    label: str
    persons: Count
    rights: Count
    refs: list[CellRef]
    code: str | None = None


def _allotments(row: _Row) -> list[dict[str, Any]] | None:
    record = row.record
    text_cells = row.filled("allotment")
    if record.allotments is not None and record.allotments and text_cells:
        row.problem("the allotment is given twice: in this row's allotment cell and on the Allotments sheet; "
                    "keep one", [c.ref for c in text_cells] + [record.allotments[0].cells[0].ref])
        row.failed.add("issuance.allotments")
        return None
    if record.allotments:
        return _allotment_rows(row, record.allotments)
    if not text_cells:
        if record.allotments is not None:
            row.warnings.append("no row of the Allotments sheet has this issuance's ID: the filing has no allotments")
        return None
    by_lang: dict[str, tuple[list[AllotmentEntry], CellRef]] = {}
    for cell in text_cells:
        try:
            entries = parse_allotments(cell.value if isinstance(cell.value, str) else normalise_text(cell.value))
        except NormaliseError as error:
            row.cell_error(error, cell, "allotment")
            row.failed.add("issuance.allotments")
            return None
        lang = cell.lang or ("ja" if is_japanese(" ".join(e.label for e in entries)) else "en")
        if lang in by_lang:
            row.problem("two allotment columns are in the same language; keep one, or mark the languages in the "
                        "headers, e.g. 'Allotment (English)' and 'Allotment (Japanese)'", [by_lang[lang][1], cell.ref])
            row.failed.add("issuance.allotments")
            return None
        by_lang[lang] = (entries, cell.ref)
        row.texts.append(lang)
    lists = [[_Entry(lang, e.label, e.persons, e.rights, [ref]) for e in entries]
             for lang, (entries, ref) in sorted(by_lang.items())]
    refs = [ref for _, ref in by_lang.values()]
    row.add_source("issuance.allotments", refs)
    return _merge(row, lists, refs)


def _allotment_rows(row: _Row, source_rows: tuple[SourceRow, ...]) -> list[dict[str, Any]] | None:
    entries: list[list[_Entry]] = []  # per source row: one entry per language
    ok = True
    rights_refs: list[CellRef] = []
    for source in source_rows:
        cells = {key: [c for c in source.cells if c.field == key] for key in ("category", "category_code",
                                                                              "persons", "rights")}
        counts = {}
        for key in ("persons", "rights"):
            filled = [c for c in cells[key] if not c.empty]
            if not filled:
                ref = cells[key][0].ref if cells[key] else CellRef(source.sheet, source.row, None, spec(key, "allotments").en)
                row.problem(f"expected the number of {key} of this category, got an empty cell", [ref])
                ok = False
                continue
            try:
                counts[key] = parse_count(filled[0].value)
                if key == "rights":
                    rights_refs.append(filled[0].ref)
            except NormaliseError as error:
                row.cell_error(error, filled[0], "allotment")
                ok = False
        code = None
        code_cells = [c for c in cells["category_code"] if not c.empty]
        if code_cells:
            code = normalise_text(code_cells[0].value).casefold().replace(" ", "_").replace("-", "_")
            if code not in RECIPIENT_CODES:
                row.cell_error(NormaliseError(code_cells[0].value, EXPECTED_CATEGORY_CODE), code_cells[0], "allotment")
                ok = False
        label_cells = [c for c in cells["category"] if not c.empty]
        if not label_cells:
            ref = cells["category"][0].ref if cells["category"] else CellRef(source.sheet, source.row, None, "Category")
            row.problem("expected the recipient category as the notice words it, e.g. 'Executive Officers' or "
                        "'当社執行役員', got an empty cell", [ref])
            ok = False
            continue
        texts = row.text("category", label_cells)
        if texts is None or "persons" not in counts or "rights" not in counts:
            ok = False
            continue
        refs = [c.ref for c in label_cells] + [c.ref for key in ("persons", "rights") for c in cells[key]]
        entries.append([_Entry(lang, text, counts["persons"], counts["rights"], refs, code)
                        for lang, text in texts[0].items()])
    if not ok:
        row.failed.add("issuance.allotments")
        return None
    row.add_source("issuance.allotments", rights_refs)
    merged = []
    for index, per_lang in enumerate(entries):
        result = _merge(row, [[e] for e in per_lang], per_lang[0].refs, index_offset=index)
        if result is None:
            return None
        merged += result
    return merged


def _merge(row: _Row, lists: list[list[_Entry]], refs: list[CellRef], index_offset: int = 0
           ) -> list[dict[str, Any]] | None:
    """Entries of one or two languages, paired by position, into model allotments."""
    first = lists[0]
    for other in lists[1:]:
        if len(other) != len(first):
            row.problem(f"the English and Japanese allotments list different numbers of categories "
                        f"({len(first)} and {len(other)})", refs)
            row.failed.add("issuance.allotments")
            return None
    allotments = []
    for position, group in enumerate(zip(*lists, strict=False)):
        index = index_offset + position
        codes = {entry.code or recipient_code(entry.label) for entry in group}
        numbers = {(e.persons, e.rights) for e in group}
        if len(numbers) > 1 or len(codes) > 1:
            row.problem(f"category {position + 1} differs between the languages: " +
                        "; ".join(f"{e.label!r}: {e.persons.value} persons, {e.rights.value} rights "
                                  f"({e.code or recipient_code(e.label)})" for e in group), refs)
            row.failed.add("issuance.allotments")
            return None
        entry = group[0]
        if entry.persons.upper_limit:
            row.problem(f"category {entry.label!r}: the number of persons cannot be an upper limit "
                        f"(上限 / not exceeding applies to rights only)", entry.refs, "an exact number of persons")
            row.failed.add("issuance.allotments")
            return None
        allotments.append({"category": codes.pop(), "description": {e.lang: e.label for e in group},
                           "persons": entry.persons.value, "rights": _count_dict(entry.rights)})
        row.add_source(f"issuance.allotments.{index}", entry.refs)
    return allotments


def _total_persons(row: _Row, allotments: list[dict[str, Any]] | None) -> None:
    total = row.value("total_persons", parse_count)
    if not total or not allotments:
        return
    summed = sum(a["persons"] for a in allotments)
    if total[0].value != summed:
        parts = " + ".join(f"{a['persons']:,}" for a in allotments)
        header = total[1][0].header
        row.problem(f"{header!r} says {total[0].value:,} persons, but the allotments add up to {parts} = {summed:,}",
                    total[1] + row.sources.get("issuance.allotments", []), "the sum of the allotments' persons")


# ---------------------------------------------------------------------------------------------
# Model errors -> cells


def _register_path(loc: tuple[str | int, ...]) -> str:
    """A model location as this module's paths spell it: registers fill the single-issuance form."""
    parts = list(model_location(loc))
    if parts[:2] == ["issuances", 0]:
        parts = ["issuance", *parts[2:]]
    elif parts[:1] == ["issuances"] and len(parts) == 1:
        parts = ["issuance"]
    return ".".join(str(part) for part in parts)


def _cells_for(row: _Row, path: str) -> list[CellRef]:
    """The cells that fed ``path`` (or its nearest parent that a cell fed)."""
    probe = path
    while probe:
        if probe in row.sources:
            return list(row.sources[probe])
        probe = probe.rpartition(".")[0]
    return []


def _model_problems(row: _Row, exc: ValidationError) -> list[Problem]:
    """Model errors restated in the register's own words: each value named by its column heading."""

    def name(statement: Statement) -> str:
        path = _register_path(statement.source)
        refs = row.sources.get(path, [])
        if refs and refs[0].header:
            return f"'{refs[0].header}'"
        category = dict(statement.where).get(RECIPIENT_AXIS.name)
        if category is not None:  # an allotment: its category and what is counted
            return f"{category} ({statement.concept.heading('en').lower()})"
        return path

    problems = []
    for item in useful_errors(exc):
        path = _register_path(tuple(item["loc"]))
        if item["type"].startswith("union_tag") and "issuance.kind" in row.failed:
            continue  # the kind's cell did not read, and says why
        if any(path == f or path.startswith(f + ".") for f in row.failed):
            continue  # a cell that did not read already says why
        findings = (item.get("ctx") or {}).get("findings") if item["type"] == "rules" else None
        if findings:
            for finding in findings:
                statements = (finding.result, *finding.operands)
                paths = [_register_path(s.source) for s in statements]
                if any(p in row.failed for p in paths):
                    continue
                cells = list(dict.fromkeys(ref for p in paths for ref in _cells_for(row, p)))
                problems.append(Problem(row.file, describe(finding, name), tuple(cells or [_row_cell(row)])))
            continue
        message = f"{path or 'value'} is required" if item["type"] == "missing" else item["msg"]
        problems.append(Problem(row.file, message.removeprefix("Value error, "),
                                tuple(_cells_for(row, path) or [_row_cell(row)])))
    return problems


def _row_cell(row: _Row) -> CellRef:
    return CellRef(row.record.main.sheet, row.record.main.row, None, None)


# ---------------------------------------------------------------------------------------------


_SAFE = re.compile(r"[0-9A-Za-z._-]")


def escape_id(text: str) -> str:
    """An ID as a file-name part, one-to-one: letters, digits, '.', '_' and '-' stay; every other
    character becomes ~XX per UTF-8 byte (so 'A/1' -> 'A~2F1', '第1回' -> '~E7~AC~AC1~E5~9B~9E')."""
    return "".join(ch if _SAFE.fullmatch(ch) else "".join(f"~{b:02X}" for b in ch.encode("utf-8")) for ch in text)


def _stem(record: Record, filing: Filing) -> str:
    """Output file stem: <securities code or LEI>-<announcement date>-<ID, or r + row number>."""
    issuer = filing.issuer
    who = issuer.securities_code or issuer.lei or issuer.identifier[1]
    ident = escape_id(record.id) if record.id else f"r{record.main.row}"
    return f"{escape_id(who)}-{filing.announcement_date.isoformat()}-{ident}"
