"""Numbers, money amounts and counts read from single cells.

This module owns `parse_decimal`, `parse_amount` and `parse_count` and their results `Amount` and
`Count`.  Numbers never go through float arithmetic, and every Decimal comes back canonical.
Thousands separators are commas in groups of three only ("30 200" and "3,02,00" are rejected: a
space or odd grouping is too easily a typo or two numbers).  Negative numbers (-5, △5, ▲5, (5)) are
rejected: amounts and counts in these registers never are.  Multipliers (千円, 万株, million) and
approximations (約, about, 以上) are rejected rather than guessed.  Currency marks are recognised
before or after the number; 無償 / No payment reads as a free issue, and upper limits (上限, up to,
以内 ...) mark a count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from . import messages as msg
from ._text import RawCell, _canonical, _exact_decimal, normalise_text
from .messages import NormaliseError

# The most integer digits a figure in a notice may have: 10**18 yen is far beyond any issuance, and
# bounding before a number is built keeps '1e1000000000' from becoming a billion-digit integer.
MAX_INTEGER_DIGITS = 18
MAX_FRACTION_DIGITS = 10


@dataclass(frozen=True)
class Amount:
    """A money amount; `no_payment` is True only when the cell says so in words."""

    value: Decimal
    currency: str | None = None
    no_payment: bool = False


@dataclass(frozen=True)
class Count:
    """A whole-number count; `upper_limit` marks 上限 / up to / not exceeding."""

    value: int
    upper_limit: bool = False


def _number_from_cell(raw: object, expected: str) -> Decimal:
    """A non-negative Decimal from a numeric (non-text) cell."""
    if raw is None:
        raise NormaliseError(raw, expected)
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        reason = msg.DATE_CELL_NOT_NUMBER if isinstance(raw, dt.date) else None
        raise NormaliseError(raw, expected, reason)
    value = Decimal(raw) if isinstance(raw, int) else _exact_decimal(raw)
    if not value.is_finite():
        raise NormaliseError(raw, expected, msg.NOT_FINITE)
    if value < 0:
        raise NormaliseError(raw, expected, msg.NEGATIVE)
    check_size(value, raw, expected)
    return _canonical(value)


def check_size(value: Decimal, raw: object, expected: str) -> None:
    """Refuse a number with more digits than a notice's figures have, before anything big is built."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise NormaliseError(raw, expected, msg.NOT_FINITE)
    if value and value.adjusted() >= MAX_INTEGER_DIGITS:
        raise NormaliseError(raw, expected, msg.too_many_digits(MAX_INTEGER_DIGITS))
    if exponent < -MAX_FRACTION_DIGITS and value.normalize().as_tuple().exponent < -MAX_FRACTION_DIGITS:  # type: ignore[operator]
        raise NormaliseError(raw, expected, msg.too_many_decimals(MAX_FRACTION_DIGITS))


@dataclass(frozen=True)
class _NumberText:
    """A text cell split around its single number."""

    prefix: str
    value: Decimal
    suffix: str


# Exactly one number: everything before and after it is digit-free.
_ONE_NUMBER = re.compile(
    r"(?P<prefix>[^0-9]*?)(?P<int>[0-9](?:[0-9,]*[0-9])?)(?P<frac>\.[0-9]+)?(?P<suffix>[^0-9]*)"
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_NEGATIVE_MARK = re.compile(r"(?:-|△|▲)\s*$")
_SPACE_GROUPED = re.compile(r"[^0-9]*[0-9]{1,3}(?: [0-9]{3})+[^0-9]*")
_DIGIT_RUN = re.compile(r"[0-9]+")


def _split_number(text: str, raw: object, expected: str) -> _NumberText:
    if not text:
        raise NormaliseError(raw, expected)
    match = _ONE_NUMBER.fullmatch(text)
    if match is None:
        reason = (
            msg.SPACE_GROUPING if _SPACE_GROUPED.fullmatch(text)
            else msg.MORE_THAN_ONE_NUMBER if len(_DIGIT_RUN.findall(text)) > 1
            else None
        )  # fmt: skip
        raise NormaliseError(raw, expected, reason)
    prefix, digits, suffix = match["prefix"], match["int"], match["suffix"]
    # Accounting notation for negatives: -5, △5, ▲5 and (5).
    if _NEGATIVE_MARK.search(prefix) or (
        prefix.rstrip().endswith("(") and suffix.lstrip().startswith(")")
    ):
        raise NormaliseError(raw, expected, msg.NEGATIVE)
    if "," in digits and not _GROUPED.fullmatch(digits):
        raise NormaliseError(raw, expected, msg.BAD_GROUPING)
    if len(digits.replace(",", "").lstrip("0")) > MAX_INTEGER_DIGITS:
        raise NormaliseError(raw, expected, msg.too_many_digits(MAX_INTEGER_DIGITS))
    if len(match["frac"] or "") - 1 > MAX_FRACTION_DIGITS:
        raise NormaliseError(raw, expected, msg.too_many_decimals(MAX_FRACTION_DIGITS))
    value = Decimal(digits.replace(",", "") + (match["frac"] or ""))
    return _NumberText(prefix, value, suffix)


# Multipliers right after the number change its value: 369千円, 3万株, 1.5 million.
_MULTIPLIER = re.compile(
    r"\s*(?:[十百千万億兆]|(?:thousand|million|billion|trillion|mn|bn|k|m)(?![a-z]))",
    re.IGNORECASE,
)
# "(以下「本新株予約権」という)" means "hereinafter ...", not "or less".
_DEFINITION = re.compile(r"\(以下[^()]*\)")
_UPPER_WORDS = re.compile(
    r"上限|以内|以下|or\s+(?:less|fewer)|at\s+(?:the\s+)?most|\bmaximum\b|\bmax\b",
    re.IGNORECASE,
)
_OTHER_QUALIFIERS = re.compile(
    r"以上|未満|超|下限|最低|約|程度|前後|およそ|概ね|or\s+more|more\s+than|less\s+than|"
    r"at\s+least|\bminimum\b|\bmin\b|\bapprox|\babout\b|\baround\b|\broughly\b",
    re.IGNORECASE,
)


def _check_words_after(suffix: str, raw: object, expected: str, *, allow_upper: bool) -> bool:
    """Reject multipliers and qualifiers after a number; return True if it marks an upper limit."""
    if _MULTIPLIER.match(suffix):
        raise NormaliseError(raw, expected, msg.MULTIPLIER)
    words = _DEFINITION.sub("", suffix)
    if _OTHER_QUALIFIERS.search(words):
        raise NormaliseError(raw, expected, msg.QUALIFIER)
    upper = _UPPER_WORDS.search(words) is not None
    if upper and not allow_upper:
        raise NormaliseError(raw, expected, msg.BOUND_IN_NUMBER)
    return upper


# Currency marks, keyed by their casefolded, space-free spelling.
_CURRENCY_MARKS: dict[str, str] = {
    "jpy": "JPY", "¥": "JPY", "円": "JPY", "yen": "JPY", "\\": "JPY",  # CP932 shows ¥ as a backslash
    "usd": "USD", "us$": "USD", "$": "USD", "米ドル": "USD", "ドル": "USD",
    "usdollars": "USD", "usdollar": "USD", "dollars": "USD", "dollar": "USD",
    "eur": "EUR", "€": "EUR", "ユーロ": "EUR", "euros": "EUR", "euro": "EUR",
    "gbp": "GBP", "£": "GBP",
    "cny": "CNY", "hkd": "HKD", "sgd": "SGD", "aud": "AUD", "cad": "CAD", "chf": "CHF",
}  # fmt: skip
_LEADING_CURRENCY = re.compile(
    r"\s*(?P<mark>jpy|usd|eur|gbp|cny|hkd|sgd|aud|cad|chf|円|yen|米ドル|ドル|ユーロ|"
    r"us\s?dollars?|dollars?|euros?)(?![a-z])",
    re.IGNORECASE,
)


def _currency_mark(text: str) -> str | None:
    return _CURRENCY_MARKS.get(re.sub(r"\s+", "", text).casefold())


def _currency_before(prefix: str, raw: object, expected: str) -> str | None:
    """The currency named before a number; anything else there is an error."""
    stripped = prefix.strip()
    if not stripped:
        return None
    currency = _currency_mark(stripped)
    if currency is None:
        raise NormaliseError(raw, expected, _reason_for_prefix(stripped))
    return currency


def _reason_for_prefix(prefix: str) -> str:
    if _UPPER_PREFIX.fullmatch(prefix):
        return msg.BOUND_IN_NUMBER
    if _OTHER_QUALIFIERS.search(prefix):
        return msg.QUALIFIER
    return msg.unexpected_text(prefix, "before the number")


def _currency_after(suffix: str) -> tuple[str | None, str]:
    """The currency named right after a number, and the rest of the text."""
    match = _LEADING_CURRENCY.match(suffix)
    if match is None:
        return None, suffix
    return _currency_mark(match["mark"]), suffix[match.end() :]


def parse_decimal(raw: RawCell) -> Decimal:
    """A non-negative number; currency marks and trailing unit words are ignored.

    Accepts 30,200 / ３０，２００ / JPY369,200 / ¥1,846 / 1,846円 / 100 rights.
    """
    expected = msg.EXPECTED_NUMBER
    if not isinstance(raw, str):
        return _number_from_cell(raw, expected)
    parts = _split_number(normalise_text(raw), raw, expected)
    before = _currency_before(parts.prefix, raw, expected)
    after, _ = _currency_after(parts.suffix)
    if before and after and before != after:
        raise NormaliseError(raw, expected, msg.CURRENCY_CONFLICT)
    _check_words_after(parts.suffix, raw, expected, allow_upper=False)
    return _canonical(parts.value)


# --- Amounts -------------------------------------------------------------------

_NO_PAYMENT = re.compile(
    r"無償|払い?込み?を?要しない|払込不要|no\s+(?:cash\s+)?payment|without\s+(?:cash\s+)?payment|"
    r"free\s+of\s+charge|gratis|at\s+no\s+cost|no\s+consideration|without\s+consideration",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"none|nil|n/?a|なし|無し|-+|—+|―+|ー+|該当なし|該当事項なし", re.IGNORECASE)
# "1株当たり", "新株予約権1個につき", "per share": say what the amount is per, not how much.
_PER_UNIT = re.compile(
    r"(?:新株予約権\s*)?1\s*(?:株|個)\s*(?:当たり|当り|あたり|につき)\s*(?:の)?\s*"
    r"(?:払込金額|発行価額|発行価格|金額|価額)?\s*(?:は)?\s*:?"
    r"|\bper\s+(?:share|right|unit|stock\s+acquisition\s+right)\b\s*:?",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_ANY_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def parse_amount(raw: RawCell) -> Amount:
    """A money amount with its currency (if shown) and whether it is a free issue.

    無償, No payment, No cash payment is required, free of charge ... give a zero
    amount with no_payment=True.  A literal 0 keeps no_payment=False (as written).
    Placeholders such as None, なし or - are rejected as ambiguous: an unknown
    amount is not the same as a free issue.
    """
    expected = msg.EXPECTED_AMOUNT
    if not isinstance(raw, str):
        return Amount(_number_from_cell(raw, expected))
    text = normalise_text(raw)
    if not text:
        raise NormaliseError(raw, expected)
    no_payment = _NO_PAYMENT.search(text) is not None
    if no_payment:
        # "無償（0円）" is fine; "無償 1,000円" contradicts itself.
        numbers = [Decimal(n.replace(",", "")) for n in _ANY_NUMBER.findall(text)]
        if any(n != 0 for n in numbers):
            raise NormaliseError(raw, expected, msg.NO_PAYMENT_CONFLICT)
        return Amount(Decimal(0), None, True)
    if _PLACEHOLDER.fullmatch(text):
        raise NormaliseError(raw, expected, msg.AMBIGUOUS_PLACEHOLDER)
    text = _EMPTY_BRACKETS.sub("", _PER_UNIT.sub(" ", text)).strip()
    parts = _split_number(text, raw, expected)
    before = _currency_before(parts.prefix, raw, expected)
    after, _ = _currency_after(parts.suffix)
    if before and after and before != after:
        raise NormaliseError(raw, expected, msg.CURRENCY_CONFLICT)
    _check_words_after(parts.suffix, raw, expected, allow_upper=False)
    return Amount(_canonical(parts.value), before or after, False)


# --- Counts --------------------------------------------------------------------

_UPPER_PREFIX = re.compile(
    r"(?:上限(?:として)?|最大|up\s+to|not\s+exceeding|not\s+more\s+than|no\s+more\s+than|"
    r"at\s+most|(?:a\s+)?maximum(?:\s+of)?|max\.?)\s*:?",
    re.IGNORECASE,
)


def _whole(value: Decimal, raw: object, expected: str) -> int:
    if value != value.to_integral_value():
        raise NormaliseError(raw, expected, msg.NOT_WHOLE)
    return int(value)


def parse_count(raw: RawCell) -> Count:
    """A whole, non-negative count; any unit word after the number is accepted.

    Upper limits are marked before the number (上限, 上限として, 最大, up to, not
    exceeding, maximum (of), max.) or after it (を上限とする, 上限, 以内, 以下,
    or less, at most, maximum).  Lower bounds and approximations are errors.
    """
    expected = msg.EXPECTED_COUNT
    if not isinstance(raw, str):
        return Count(_whole(_number_from_cell(raw, expected), raw, expected))
    parts = _split_number(normalise_text(raw), raw, expected)
    prefix = parts.prefix.strip()
    upper = False
    if prefix:
        if not _UPPER_PREFIX.fullmatch(prefix):
            raise NormaliseError(raw, expected, _reason_for_prefix(prefix))
        upper = True
    upper = _check_words_after(parts.suffix, raw, expected, allow_upper=True) or upper
    return Count(_whole(parts.value, raw, expected), upper)
