"""The issuing company: names, codes, listings, the header block of its notices, and its XBRL identity."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from exporter.domain import concepts as c
from exporter.domain.dimensions import LISTING_AXIS
from exporter.models.values import Frozen, LocalizedText

LEI_SCHEME = "http://standards.iso.org/iso/17442"
# Our documented convention for companies identified by their Japanese securities code.
SECURITIES_CODE_SCHEME = "http://www.jpx.co.jp/securities-code"
EDINET_SCHEME = "http://disclosure.edinet-fsa.go.jp"
# Our documented convention when the input gives no code at all: the company's name, NFKC-folded.
ENTITY_NAME_SCHEME = "http://disclosure-exporter.dev/entity-name"

# Japanese securities codes: four digits, or since 2024 the alphanumeric form (e.g. 130A), whose
# second and fourth characters may be letters other than B, E, I, O, Q, V and Z.
_SECURITIES_CODE = re.compile(r"[0-9][0-9ACDFGHJKLMNPRSTUWXY][0-9][0-9ACDFGHJKLMNPRSTUWXY]")
_EDINET_CODE = re.compile(r"E[0-9]{5}")


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
    """One listing: the exchange as the notice names it (NASDAQ, TSE1, TSE Prime) and the ticker there."""

    exchange: str
    ticker: Annotated[str | None, c.TRADING_SYMBOL] = None

    @field_validator("exchange", "ticker")
    @classmethod
    def _token(cls, value: str | None) -> str | None:
        if value is None:
            return value
        value = " ".join(value.split())
        if not value:
            raise PydanticCustomError("empty", "must not be empty")
        return value

    @property
    def key(self) -> str:
        return self.exchange


class Issuer(Frozen):
    name: Annotated[LocalizedText, c.ISSUER_NAME]
    securities_code: Annotated[str | None, c.SECURITIES_CODE] = None
    lei: Annotated[str | None, c.LEI] = None
    edinet_code: Annotated[str | None, c.EDINET_CODE] = None
    isin: str | None = None
    market: Annotated[LocalizedText | None, c.MARKET] = None
    listings: Annotated[tuple[Listing, ...], LISTING_AXIS] = ()
    representative: Annotated[LocalizedText | None, c.REPRESENTATIVE] = None
    contact: Annotated[LocalizedText | None, c.CONTACT] = None
    telephone: Annotated[str | None, c.TELEPHONE] = None
    address: Annotated[LocalizedText | None, c.ADDRESS] = None
    entity_identifier: str | None = None
    entity_scheme: str | None = None

    @field_validator("securities_code", mode="before")
    @classmethod
    def _securities_code(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value).strip().upper()
            if not _SECURITIES_CODE.fullmatch(value):
                raise PydanticCustomError("code", "'{value}' is not a Japanese securities code (four characters "
                                          "such as 3774 or 130A)", {"value": value})
        return value

    @field_validator("edinet_code")
    @classmethod
    def _edinet_code(cls, value: str | None) -> str | None:
        if value is not None and not _EDINET_CODE.fullmatch(value.upper()):
            raise PydanticCustomError("code", "'{value}' is not an EDINET code (E and five digits, such as E05110)",
                                      {"value": value})
        return value.upper() if value else value

    @field_validator("lei")
    @classmethod
    def _lei(cls, value: str | None) -> str | None:
        if value is not None and not lei_is_valid(value.upper()):
            raise PydanticCustomError("code", "'{value}' is not a valid LEI: 20 characters whose ISO 17442 check "
                                      "digits (the last two) must make the whole 1 modulo 97", {"value": value})
        return value.upper() if value else value

    @field_validator("isin")
    @classmethod
    def _isin(cls, value: str | None) -> str | None:
        if value is not None and not isin_is_valid(value.upper()):
            raise PydanticCustomError("code", "'{value}' is not a valid ISIN: 12 characters ending in an ISO 6166 "
                                      "check digit", {"value": value})
        return value.upper() if value else value

    @model_validator(mode="after")
    def _consistent(self) -> Issuer:
        if (self.entity_identifier is None) != (self.entity_scheme is None):
            raise PydanticCustomError("identifier", "entity_identifier and entity_scheme go together: give both "
                                      "or neither")
        exchanges = [listing.exchange for listing in self.listings]
        duplicates = sorted({e for e in exchanges if exchanges.count(e) > 1})
        if duplicates:
            raise PydanticCustomError("listing", "listings name the exchange {exchanges} more than once",
                                      {"exchanges": ", ".join(duplicates)})
        return self

    @property
    def identified_by_name(self) -> bool:
        """True when the input gives no code: the entity is then identified by its name (with a warning)."""
        return not (self.entity_identifier or self.lei or self.securities_code or self.edinet_code)

    @property
    def identifier(self) -> tuple[str, str]:
        """(scheme, identifier) for the XBRL entity: explicit, else LEI, securities code, EDINET code, name."""
        if self.entity_identifier and self.entity_scheme:
            return self.entity_scheme, self.entity_identifier
        if self.lei:
            return LEI_SCHEME, self.lei
        if self.securities_code:
            return SECURITIES_CODE_SCHEME, self.securities_code
        if self.edinet_code:
            return EDINET_SCHEME, f"{self.edinet_code}-000"
        name = self.name.ja or self.name.en or ""
        return ENTITY_NAME_SCHEME, " ".join(unicodedata.normalize("NFKC", name).split())
