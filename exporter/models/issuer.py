"""The issuing company: names, codes, listings and the identifier its XBRL contexts carry."""
from __future__ import annotations

import re

from pydantic import field_validator, model_validator

from exporter.models.values import Frozen, LocalizedText

LEI_SCHEME = "http://standards.iso.org/iso/17442"
# Our documented convention for companies identified by their Japanese securities code.
SECURITIES_CODE_SCHEME = "http://www.jpx.co.jp/securities-code"

# Japanese securities codes: four digits, or since 2024 the alphanumeric form (e.g. 130A), whose
# second and fourth characters may be letters other than B, E, I, O, Q, V and Z.
_SECURITIES_CODE = re.compile(r"[0-9][0-9ACDFGHJKLMNPRSTUWXY][0-9][0-9ACDFGHJKLMNPRSTUWXY]")


def _alnum_to_digits(text: str) -> str:
    return "".join(str(int(ch, 36)) for ch in text)


def lei_is_valid(lei: str) -> bool:
    """ISO 17442: 18 alphanumerics then two check digits, the whole being 1 modulo 97 (ISO 7064)."""
    return bool(re.fullmatch(r"[0-9A-Z]{18}[0-9]{2}", lei)) and int(_alnum_to_digits(lei)) % 97 == 1


def isin_is_valid(isin: str) -> bool:
    """ISO 6166: country, nine alphanumerics, and a Luhn check digit over the letters-as-numbers."""
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{9}[0-9]", isin):
        return False
    digits = [int(d) for d in _alnum_to_digits(isin)]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return total % 10 == 0


class Listing(Frozen):
    """One listing: the exchange as the notice names it (NASDAQ, TSE1, TSE Prime) and the ticker."""

    exchange: str
    ticker: str

    @field_validator("exchange", "ticker")
    @classmethod
    def _token(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("must not be empty")
        return value


class Issuer(Frozen):
    name: LocalizedText
    securities_code: str | None = None
    isin: str | None = None
    lei: str | None = None
    listings: tuple[Listing, ...] = ()
    entity_identifier: str | None = None
    entity_scheme: str | None = None

    @field_validator("securities_code", mode="before")
    @classmethod
    def _securities_code(cls, value: object) -> object:
        if isinstance(value, int):
            value = f"{value:04d}"
        if isinstance(value, str):
            value = value.strip().upper()
            if not _SECURITIES_CODE.fullmatch(value):
                raise ValueError(f"{value!r} is not a Japanese securities code (four characters such as 3774 or 130A)")
        return value

    @field_validator("lei")
    @classmethod
    def _lei(cls, value: str | None) -> str | None:
        if value is not None and not lei_is_valid(value.upper()):
            raise ValueError(f"{value!r} is not a valid LEI: 20 characters whose ISO 17442 check digits "
                             f"(the last two) must make the whole 1 modulo 97")
        return value.upper() if value else value

    @field_validator("isin")
    @classmethod
    def _isin(cls, value: str | None) -> str | None:
        if value is not None and not isin_is_valid(value.upper()):
            raise ValueError(f"{value!r} is not a valid ISIN: 12 characters ending in an ISO 6166 check digit")
        return value.upper() if value else value

    @model_validator(mode="after")
    def _identifiable(self) -> Issuer:
        if (self.entity_identifier is None) != (self.entity_scheme is None):
            raise ValueError("entity_identifier and entity_scheme go together: give both or neither")
        if self.entity_identifier is None and not (self.lei or self.securities_code):
            raise ValueError("the issuer needs an identifier for XBRL: give lei, securities_code, or "
                             "entity_identifier with entity_scheme")
        exchanges = [listing.exchange for listing in self.listings]
        duplicates = sorted({e for e in exchanges if exchanges.count(e) > 1})
        if duplicates:
            raise ValueError(f"listings name the exchange {', '.join(duplicates)} more than once")
        return self

    @property
    def identifier(self) -> tuple[str, str]:
        """(scheme, identifier) for the XBRL entity: explicit, else the LEI, else the securities code."""
        if self.entity_identifier and self.entity_scheme:
            return self.entity_scheme, self.entity_identifier
        if self.lei:
            return LEI_SCHEME, self.lei
        return SECURITIES_CODE_SCHEME, str(self.securities_code)
