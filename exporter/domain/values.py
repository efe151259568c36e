"""The kinds of value a concept holds, and what each means in XBRL.

A concept's value type decides its XBRL item type, the unit its facts carry, how decimals are
written, and how the value is shown and read in a notice. Declared once here; the taxonomy
generator, the fact builder, the validator and the notice generator read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class UnitKind(Enum):
    """The unit a numeric value carries (as XBRL 2.1 and the Units Registry require for its type)."""

    CURRENCY = "currency"  # iso4217:XXX
    SHARES = "shares"  # xbrli:shares
    PER_SHARE = "per_share"  # iso4217:XXX / xbrli:shares
    PURE = "pure"  # xbrli:pure: counts of rights, persons, voting rights; ratios


@dataclass(frozen=True)
class ValueSpec:
    item_type: str  # the XBRL item type, as a prefixed name (prefixes in taxonomy.namespaces)
    unit: UnitKind | None  # numeric types only
    exact: bool  # counts: decimals="INF"; amounts and ratios: the decimals they are stated to
    localized: bool  # text in a language (one fact per language given)
    doc: str


class ValueType(Enum):
    TEXT = ValueSpec("xbrli:stringItemType", None, False, True, "text in English and/or Japanese")
    TEXT_BLOCK = ValueSpec("nonnum:textBlockItemType", None, False, True,
                           "a whole section of the notice (escaped XHTML in Inline XBRL)")
    CODE = ValueSpec("xbrli:stringItemType", None, False, False,
                     "a code or name with no language (securities code, ticker, telephone number)")
    DATE = ValueSpec("xbrli:dateItemType", None, False, False, "a date")
    BOOLEAN = ValueSpec("xbrli:booleanItemType", None, False, False, "true or false")
    TOKEN = ValueSpec("xbrli:tokenItemType", None, False, False, "one code of a declared vocabulary")
    COUNT = ValueSpec("xbrli:decimalItemType", UnitKind.PURE, True, False,
                      "a whole number of rights, persons or voting rights")
    SHARES = ValueSpec("xbrli:sharesItemType", UnitKind.SHARES, True, False, "a whole number of shares")
    MONEY = ValueSpec("xbrli:monetaryItemType", UnitKind.CURRENCY, False, False,
                      "an amount of money, to the precision stated (yen, thousand yen, million yen)")
    PER_SHARE = ValueSpec("num:perShareItemType", UnitKind.PER_SHARE, False, False, "an amount of money per share")
    PERCENT = ValueSpec("num:percentItemType", UnitKind.PURE, False, False,
                        "a ratio (1.23% is 0.0123), to the precision stated")

    @property
    def spec(self) -> ValueSpec:
        value: ValueSpec = self.value
        return value

    @property
    def numeric(self) -> bool:
        return self.spec.unit is not None
