"""Numbers from drafts, bounded before they are built: the only way rules turn text into Decimal.

A fact's text may hold thousands of digits or an exponent of a billion; building such a number (or
rounding it, or multiplying it) costs time and memory out of all proportion, and Python's default
decimal context raises on it. Here text longer than MAX_DIGITS characters, or whose magnitude
exceeds 10**MAX_EXPONENT, is not a number at all (the caller reports it), and arithmetic runs in
one exact context wide enough for every number that passes.
"""
from __future__ import annotations

import decimal
from decimal import Decimal, InvalidOperation

MAX_DIGITS = 1000  # characters of a fact's numeric text
MAX_EXPONENT = 1000  # |adjusted exponent| of a value
MAX_SCALE = 100  # |scale| of an Inline XBRL fact
EXACT = decimal.Context(prec=2 * MAX_DIGITS + 2 * MAX_SCALE + 10, rounding=decimal.ROUND_HALF_EVEN,
                        Emax=10 * MAX_EXPONENT, Emin=-10 * MAX_EXPONENT, traps=[InvalidOperation])


def bounded_decimal(text: str | None) -> Decimal | None:
    """``text`` as a Decimal, or None when it is not a finite number within the bounds."""
    if text is None:
        return None
    value = text.strip()
    if not value or len(value) > MAX_DIGITS:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    if not number.is_finite() or (number and abs(number.adjusted()) > MAX_EXPONENT):
        return None
    return number


def plain(number: Decimal) -> str:
    """The number in plain notation, without an exponent and without trailing fractional zeros."""
    if number == number.to_integral_value(context=EXACT):
        return format(number.to_integral_value(context=EXACT), "f")
    return format(number.normalize(EXACT), "f")


def quantize(number: Decimal, decimals: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-decimals), context=EXACT)
