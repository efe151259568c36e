"""One register record -> a validated ``Filing``, or the problems, each located at its cells.

Every field of ``fields.FIELDS`` is read the same way: its cells are routed (``reading``), read
with the notation's parsers by the shape the models take (text, date, count, amount, ratio, flag,
vocabulary word), and put where the models take them. The values then go through the models, whose
errors name model paths; each is mapped back to the cells it came from, and named by the register's
own column headings (``'Number of rights' × 'Shares per right' must equal 'Number of shares'``).

Nothing is filled in. Only what every notice prints is required (the issuer's name, the
announcement date, the title and the kind), and for two of them a register may rely on what else
it says, with a warning in the report:

* no title column (or an empty cell): a title is made from the kind and the notice type, in the
  row's language(s); the generated notice prints it;
* no kind column (or an empty cell): a kind the title names (株式報酬型ストックオプション…, …譲渡制限付株式
  報酬…) is that kind; else an exercise price of 1 per share makes it stock-compensation options,
  another stated exercise price ordinary stock options; without either, the kind is an error.

The filing's language (``Filing.language``) is the language most of the row's texts are in.
"""
from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from exporter.domain.dimensions import RECIPIENT_AXIS
from exporter.domain.kinds import KINDS, NOTICE_TYPES, Instrument, IssuanceKind, NoticeType, ShareMethod
from exporter.domain.phrases import METHOD_WORDS, RIGHTS_WORDS
from exporter.domain.rules import Finding, FixedByKind, Order, Statement
from exporter.models import Filing
from exporter.models.errors import model_location, useful_errors
from exporter.models.statements import describe
from exporter.models.values import fmt
from exporter.notation import (
    Amount,
    Count,
    NormaliseError,
    normalise_text,
    parse_amount,
    parse_count,
    parse_date,
    parse_period,
)
from exporter.sources.spreadsheet.fields import FieldSpec, Place, spec
from exporter.sources.spreadsheet.layouts import Cell, Record
from exporter.sources.spreadsheet.problems import CellRef, Problem
from exporter.sources.spreadsheet.reading import RowReader, clean_text, get_path, parse_articles, to_be_determined
from exporter.sources.spreadsheet.recipients import check_total_persons, read_allotments
from exporter.sources.spreadsheet.vocabulary import BY_VOCABULARY, KINDS_VOCABULARY, read_flag

EXPECTED_LISTINGS = "a market such as 'TSE Prime', or listings such as 'NASDAQ: IIJ; TSE1: 3774'"
EXPECTED_CURRENCY = "a currency such as JPY, USD, 円 or $"
EXPECTED_CODE = "a code such as 3774"
_CURRENCY_WORDS = {"円": "JPY", "¥": "JPY", "\\": "JPY", "yen": "JPY", "日本円": "JPY", "$": "USD", "us$": "USD",
                   "ドル": "USD", "米ドル": "USD", "€": "EUR", "ユーロ": "EUR", "£": "GBP"}
# The generated title, when a register has none: "<kind> (<subject>)" and the notice type.
TITLES = {
    "en": ("Notice Concerning {kind} ({subject})", "Notice Concerning {kind} ({subject}): {notice}"),
    "ja": ("{kind}（{subject}）に関するお知らせ", "{kind}（{subject}）の{notice}に関するお知らせ"),
}
# Fields read by their own code below, not by their shape.
_OWN_READERS = frozenset({"id", "kind", "market", "currency", "exercise_period", "exercise_start", "exercise_end",
                          "transfer_restriction_period", "allotment", "allottee", "total_persons", "isin"})
_PAYMENT_AMOUNTS = frozenset({"issuance.payment.amount_per_right", "issuance.payment.amount_per_share"})


def parse_currency(raw: Any) -> str:
    text = normalise_text(raw)
    if not text:
        raise NormaliseError(raw, EXPECTED_CURRENCY)
    code = _CURRENCY_WORDS.get(text.casefold(), text.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise NormaliseError(raw, EXPECTED_CURRENCY)
    return code


_LISTING = re.compile(r"(?P<ex>[^:()]+?)\s*(?::\s*(?P<t1>[0-9A-Za-z.]{1,8})|\(\s*(?P<t2>[0-9A-Za-z.]{1,8})\s*\))")


def parse_listings(raw: Any) -> list[dict[str, str]]:
    """'NASDAQ: IIJ; TSE1: 3774' or 'TSE Prime (130A)': every part an exchange with its ticker."""
    text = normalise_text(raw)
    listings = []
    for part in re.split(r"\s*[;,、\n]\s*", text):
        if not part:
            continue
        match = _LISTING.fullmatch(part)
        if not match:
            raise NormaliseError(raw, EXPECTED_LISTINGS)
        listings.append({"exchange": match["ex"], "ticker": match["t1"] or match["t2"]})
    if not listings:
        raise NormaliseError(raw, EXPECTED_LISTINGS)
    return listings


@dataclass
class Built:
    """What became of one record."""

    filing: Filing | None
    problems: list[Problem]
    warnings: list[str]
    stem: str | None = None
    language: str | None = None


def build_filing(record: Record) -> Built:
    """Read one record into a Filing; on failure, every problem found, each at its cells."""
    row = RowReader(record)
    row.problems.extend(record.problems)
    kind = _kind(row)
    row.route(KINDS[kind].instrument if kind else None)
    currency = _currency(row)
    for key in row.routed:  # only the fields this row has columns for, in the register's column order
        field_spec = spec(key)
        if key not in _OWN_READERS and (place := field_spec.place(row.instrument)) is not None:
            _read(row, field_spec, place, currency)
    _market(row)
    _exercise_period(row)
    _restriction_period(row)
    isin = row.value("isin", lambda raw: normalise_text(raw).upper())
    if isin:
        row.put("issuer.isin", isin[0], isin[1])
    _no_payment_in_words(row)
    for key, path, what in (("company_name", "issuer.name", "the company name"),
                            ("announcement_date", "announcement_date", "the announcement date")):
        if get_path(row.data, path) is None and path not in row.failed:
            row.missing(key, what)
    # Whether an allotment counts rights or shares follows the kind: without one, its problem is enough.
    allotments = read_allotments(row, kind) if kind is not None else None
    if allotments is not None:
        row.put("issuance.allotments", allotments, row.sources.get("issuance.allotments", []))
    check_total_persons(row, allotments)
    if kind is not None:
        row.data.setdefault("issuance", {})["kind"] = kind.value
    language = "ja" if row.texts.count("ja") > row.texts.count("en") else "en"
    _title(row, kind, language)
    row.data["language"] = language
    row.data.setdefault("issuer", {})
    row.data.setdefault("issuance", {})

    # The model runs even when some cells did not read, so that one run shows every problem; its
    # errors about values that did not read are left out (the cell's own problem says why).
    filing = None
    try:
        filing = Filing.model_validate(row.data)
    except ValidationError as exc:
        row.problems.extend(_model_problems(row, exc))
    if row.problems:
        filing = None
    stem = _stem(record, filing) if filing else None
    return Built(filing, row.problems, row.warnings, stem, language)


# ---------------------------------------------------------------------------------------------
# Kind and title


def _kind(row: RowReader) -> IssuanceKind | None:
    """The kind from its column (a shared heading such as 'Plan' only when the cell is a kind word),
    else inferred, with a warning, from the title's words or the exercise price; None (and a problem)
    if nothing says."""
    found: list[tuple[str, CellRef]] = []
    for cell in row.candidates("kind"):
        if cell.empty:
            continue
        shared = cell.fields != ("kind",)  # 'Plan': the kind only when the cell is a kind word exactly
        try:
            found.append((KINDS_VOCABULARY.read(cell.value, exact=shared), cell.ref))
        except NormaliseError as error:
            if not shared:
                row.cell_error(error, cell, "kind")
                return None
    if len({code for code, _ in found}) > 1:
        row.problem("the columns for the kind of issuance disagree", [ref for _, ref in found])
        row.fail("kind")
        return None
    if found:
        row.add_source("issuance.kind", [ref for _, ref in found])
        return IssuanceKind(found[0][0])
    titles = [c for c in row.candidates("title") if not c.empty]
    for cell in titles:
        with contextlib.suppress(NormaliseError):
            kind = IssuanceKind(KINDS_VOCABULARY.read(cell.value))
            row.warnings.append(f"kind of issuance not given: {kind.value} is inferred (the title says so)")
            row.add_source("issuance.kind", [cell.ref])
            return kind
    prices = [c for c in row.candidates("exercise_price") if not c.empty]
    amounts = []
    for cell in prices:
        with contextlib.suppress(NormaliseError):
            amount = parse_amount(cell.value)
            if not amount.no_payment:
                amounts.append((amount.value, cell.ref))
    if amounts:
        price, ref = amounts[0]
        kind = IssuanceKind.STOCK_COMPENSATION_OPTIONS if price == 1 else IssuanceKind.STOCK_OPTIONS
        why = "the exercise price per share is 1" if price == 1 else f"an exercise price of {price:,} is given"
        row.warnings.append(f"kind of issuance not given: {kind.value} is inferred ({why})")
        row.add_source("issuance.kind", [ref])
        return kind
    kind_cells = row.candidates("kind")
    what = "the kind of issuance (e.g. 株式報酬型, 通常型, 譲渡制限付株式, RSU)"
    if kind_cells:
        row.problem(f"expected {what}, got an empty cell", [kind_cells[0].ref], KINDS_VOCABULARY.expected)
    else:
        row.problem(f"the register has no column for {what}, and neither a title nor an exercise price to infer it "
                f"from: add a "
                    f"'Kind' / '種類' column (or map one with --map)",
                    [CellRef(row.record.main.sheet, row.record.main.row, None, "Kind")], KINDS_VOCABULARY.expected)
    row.fail("kind")
    return None


def _title(row: RowReader, kind: IssuanceKind | None, language: str) -> None:
    title = row.text("title")
    if title:
        row.put("title", title[0], title[1])
        return
    if kind is None:
        row.failed.add("title")  # a title would be made from the kind, whose problem is reported
        return
    if "title" in row.failed:
        return
    notice = NoticeType(row.data.get("notice_type", NoticeType.RESOLUTION.value))
    method = row.data.get("issuance", {}).get("method")
    if KINDS[kind].instrument is Instrument.RIGHTS:
        subject = RIGHTS_WORDS.subject
    else:
        subject = METHOD_WORDS[ShareMethod(method) if method else None].subject
    languages = sorted(set(row.texts)) or [language]
    texts = {}
    for lang in languages:
        plain, follow_up = TITLES[lang]
        template = follow_up if NOTICE_TYPES[notice].follow_up else plain
        texts[lang] = template.format(kind=KINDS[kind].label[lang], subject=subject[lang],
                                      notice=NOTICE_TYPES[notice].label[lang])
    row.data["title"] = texts
    row.warnings.append(f"title not given: made from the kind and the notice type ({' / '.join(texts.values())})")


# ---------------------------------------------------------------------------------------------
# Fields read by their shape


def _read(row: RowReader, field_spec: FieldSpec, place: Place, currency: str | None) -> None:
    key, path, shape = field_spec.key, place.path, place.shape
    if shape == "text":
        texts = row.text(key)
        if texts:
            row.put(path, texts[0], texts[1])
        return
    parse = _PARSERS.get(shape)
    if parse is None:
        if shape == "token":
            vocabulary = BY_VOCABULARY[place.concept.vocabulary or ""]
            parse = vocabulary.read
        elif shape == "money":
            _money(row, key, path, currency)
            return
        else:  # pragma: no cover - every shape the models use has a reader
            raise TypeError(shape)
    if shape in ("quantity", "percent"):
        parse = _or_tbd(parse)
    found = row.value(key, parse)
    if found is None:
        return
    value, refs = found
    if isinstance(value, Count):  # shapes "count" (always exact) and "quantity" (exact or an upper limit)
        if shape == "count" and value.upper_limit:
            row.problem(f"expected an exact number for {field_spec.what}, not an upper limit", refs,
                        "a whole number such as 100 or 200株")
            row.fail(key)
            return
        value = value.value if shape == "count" else {"value": value.value, "upper_limit": value.upper_limit}
    elif value is None and shape in ("quantity", "percent"):  # to be determined: a nil fact
        value = {"value": None}
    row.put(path, value, refs)


def _or_tbd(parse: Any) -> Any:
    def read(raw: Any) -> Any:
        return None if to_be_determined(raw) else parse(raw)
    return read


def _percent(raw: Any) -> str:
    """A ratio as the models read it ('1.23%', 1.23); checked here so that a bad cell is located."""
    text = normalise_text(raw).removesuffix("%").strip()
    try:
        value = Decimal(text.replace(",", ""))
    except ArithmeticError:
        raise NormaliseError(raw, "a percentage such as 1.23% or 1.23") from None
    if not value.is_finite() or value < 0:
        raise NormaliseError(raw, "a percentage such as 1.23% or 1.23")
    return text


_PARSERS: dict[str, Any] = {
    "date": parse_date,
    "quantity": parse_count,
    "count": parse_count,
    "percent": _percent,
    "flag": read_flag,
    "code": lambda raw: normalise_text(raw),
    "codes": parse_articles,
}


def _money(row: RowReader, key: str, path: str, currency: str | None) -> None:
    found = row.value(key, _or_tbd(parse_amount))
    if found is None:
        return
    amount, refs = found
    if amount is None:
        row.put(path, {"value": None}, refs)
        return
    if amount.no_payment:
        if path in _PAYMENT_AMOUNTS:
            row.put("issuance.payment.no_payment", True, refs)
            return
        row.problem(f"expected an amount such as 1, 1円 or ¥2,315, got {refs[0].value!r} (this amount cannot be "
                    f"'no payment')", refs, "an amount such as 1, 1円 or ¥2,315")
        row.fail(key)
        return
    effective = (currency or "JPY") if path.startswith("issuance.") else "JPY"
    if amount.currency and amount.currency != effective and "issuance.currency" not in row.failed:
        where = "the issuance's currency" if path.startswith("issuance.") else "the currency of amounts about the plan"
        row.problem(f"the cell shows an amount in {amount.currency}, but {where} is {effective}",
                    refs + row.sources.get("issuance.currency", []), "an amount in the issuance's currency")
        row.fail(key)
        return
    # The cell's own text, when it is text, so that the model keeps the fraction digits it is written with
    # (1,846.50: two decimals); the model reads it exactly as above.
    written = refs[0].value
    row.put(path, written if isinstance(written, str) else amount.value, refs)


def _money_cells(row: RowReader) -> list[Cell]:
    """The non-empty cells of the issuance's amounts (whose marks may tell its currency)."""
    return [cell for key in row.routed if (field_spec := spec(key)).shape == "money"
            and (place := field_spec.place(row.instrument)) is not None and place.path.startswith("issuance.")
            for cell in row.filled(key)]


def _currency(row: RowReader) -> str | None:
    """The issuance's currency: the Currency column, else the one mark the amounts show; None if neither."""
    column = row.value("currency", parse_currency)
    if column:
        row.put("issuance.currency", column[0], column[1])
        return str(column[0])
    marks: dict[str, list[CellRef]] = {}
    for cell in _money_cells(row):
        try:
            amount: Amount = parse_amount(cell.value)
        except NormaliseError:
            continue  # reported where the amount is read
        if amount.currency:
            marks.setdefault(amount.currency, []).append(cell.ref)
    if len(marks) > 1:
        row.problem(f"the amounts are in different currencies ({', '.join(sorted(marks))})",
                    [ref for refs in marks.values() for ref in refs], "amounts in one currency")
        row.fail("currency")
        row.failed.add("issuance.currency")
        return None
    if len(marks) == 1:
        (code, refs), = marks.items()
        row.put("issuance.currency", code, refs)
        return code
    return None


# ---------------------------------------------------------------------------------------------
# Fields with their own reading


def _market(row: RowReader) -> None:
    """A market segment as text, or exchange and ticker pairs as listings (by what the cell holds)."""
    cells = row.filled("market")
    listings: list[tuple[list[dict[str, str]], CellRef]] = []
    texts: list[Cell] = []
    for cell in cells:
        try:
            listings.append((parse_listings(cell.value), cell.ref))
        except NormaliseError:
            texts.append(cell)
    if listings:
        if any(found != listings[0][0] for found, _ in listings[1:]):
            row.problem("the columns for the listings disagree", [ref for _, ref in listings])
            row.fail("market")
        else:
            row.put("issuer.listings", listings[0][0], [ref for _, ref in listings])
    if texts:
        found = row.text("market", texts)
        if found:
            row.put("issuer.market", found[0], found[1])


def _exercise_period(row: RowReader) -> None:
    period = row.value("exercise_period", lambda raw: parse_period(raw, allow_era_overrun=True))
    if period:
        row.put("issuance.exercise.period_start", period[0][0], period[1])
        row.put("issuance.exercise.period_end", period[0][1], period[1])
    for key, index, path in (("exercise_start", 0, "issuance.exercise.period_start"),
                             ("exercise_end", 1, "issuance.exercise.period_end")):
        if row.instrument is Instrument.SHARES:
            continue
        found = row.value(key, lambda raw: parse_date(raw, allow_era_overrun=True))
        if not found:
            continue
        if period and period[0][index] != found[0]:
            row.problem(f"the exercise period says {period[0][index]} but its own column says {found[0]}",
                        period[1] + found[1])
            row.fail(key)
            continue
        row.put(path, found[0], found[1])


def _restriction_period(row: RowReader) -> None:
    """A transfer-restriction period: its first and last days when the cell is a period, else the text."""
    cells = row.filled("transfer_restriction_period")
    texts = []
    for cell in cells:
        try:
            start, end = parse_period(cell.value, allow_era_overrun=True)
        except NormaliseError:
            texts.append(cell)
            continue
        row.put("issuance.transfer_restriction.start", start, [cell.ref])
        row.put("issuance.transfer_restriction.end", end, [cell.ref])
    if texts:
        found = row.text("transfer_restriction_period", texts)
        if found:
            row.put("issuance.transfer_restriction.description", found[0], found[1])


def _no_payment_in_words(row: RowReader) -> None:
    """A payment method that says no payment is due (金銭の払込みを要しない) states NoPaymentRequired."""
    payment = row.data.get("issuance", {}).get("payment", {})
    method = payment.get("method")
    if not method or "amount_per_right" in payment or "amount_per_share" in payment or "no_payment" in payment:
        return
    for text in method.values():
        with contextlib.suppress(NormaliseError):
            if parse_amount(clean_text(text)).no_payment:
                row.put("issuance.payment.no_payment", True, row.sources.get("issuance.payment.method", []))
                return


# ---------------------------------------------------------------------------------------------
# Model errors -> cells


def _register_path(loc: tuple[Any, ...]) -> str:
    """A model location as this module's paths spell it: registers fill the single-issuance form."""
    parts = list(model_location(loc))
    if parts[:2] == ["issuances", 0]:
        parts = ["issuance", *parts[2:]]
    elif parts[:1] == ["issuances"] and len(parts) == 1:
        parts = ["issuance"]
    return ".".join(str(part) for part in parts)


def _cells_for(row: RowReader, path: str) -> list[CellRef]:
    """The cells that fed ``path`` (or its nearest parent that a cell fed)."""
    probe = path
    while probe:
        if probe in row.sources:
            return list(row.sources[probe])
        probe = probe.rpartition(".")[0]
    return []


def _model_problems(row: RowReader, exc: ValidationError) -> list[Problem]:
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
            continue  # the kind's cell did not read, or there is none, and a problem says why
        if any(path == f or path.startswith(f + ".") for f in row.failed):
            continue  # a cell that did not read already says why
        ctx = item.get("ctx") or {}
        findings = ctx.get("findings") if item["type"] == "rules" else None
        if findings:
            for finding in findings:
                statements = (finding.result, *finding.operands)
                paths = [_register_path(s.source) for s in statements]
                if any(p in row.failed for p in paths):
                    continue
                cells = list(dict.fromkeys(ref for p in paths for ref in _cells_for(row, p)))
                problems.append(Problem(row.file, describe(finding, name), tuple(cells or [row.row_cell()]),
                                        _expected(finding)))
            continue
        message = f"{path or 'value'} is required" if item["type"] == "missing" else item["msg"]
        problems.append(Problem(row.file, message.removeprefix("Value error, "),
                                tuple(_cells_for(row, path) or [row.row_cell()]), ctx.get("expected")))
    return problems


def _expected(finding: Finding) -> str:
    """What the rule expected of the disagreeing value, from the finding's numbers and dates."""
    rule = finding.rule
    if isinstance(rule, Order):
        earlier = finding.operands[0].value
        return f"a date {'after' if rule.strict else 'on or after'} {earlier}"
    if isinstance(rule, FixedByKind):
        return fmt(rule.value)
    if finding.limit:
        return "exact figures throughout, or upper limits throughout"
    return fmt(finding.expected) if finding.expected is not None else "values that agree"


# ---------------------------------------------------------------------------------------------


_SAFE = re.compile(r"[0-9A-Za-z._-]")


def escape_id(text: str) -> str:
    """An ID as a file-name part, one-to-one: letters, digits, '.', '_' and '-' stay; every other
    character becomes ~XX per UTF-8 byte (so 'A/1' -> 'A~2F1', '第1回' -> '~E7~AC~AC1~E5~9B~9E')."""
    return "".join(ch if _SAFE.fullmatch(ch) else "".join(f"~{b:02X}" for b in ch.encode("utf-8")) for ch in text)


def _stem(record: Record, filing: Filing) -> str:
    """Output file stem: <securities code, LEI, EDINET code or name>-<announcement date>-<ID, or r + row number>."""
    issuer = filing.issuer
    who = issuer.securities_code or issuer.lei or issuer.edinet_code or issuer.identifier[1]
    ident = escape_id(record.id) if record.id else f"r{record.main.row}"
    return f"{escape_id(who)}-{filing.announcement_date.isoformat()}-{ident}"
