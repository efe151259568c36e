"""Small value types shared by the models: text in two languages, counts that may be upper limits,
currencies, and the number formatting used in error messages."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# ISO 4217 active alphabetic codes (2024 list), with their minor units. Kept here as data: a
# currency the list does not hold is refused rather than guessed.
ISO_4217_MINOR_UNITS: dict[str, int] = {
    "AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "ANG": 2, "AOA": 2, "ARS": 2, "AUD": 2, "AWG": 2, "AZN": 2,
    "BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BIF": 0, "BMD": 2, "BND": 2, "BOB": 2, "BRL": 2,
    "BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2, "BZD": 2, "CAD": 2, "CDF": 2, "CHF": 2, "CLP": 0, "CNY": 2,
    "COP": 2, "CRC": 2, "CUP": 2, "CVE": 2, "CZK": 2, "DJF": 0, "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2,
    "ERN": 2, "ETB": 2, "EUR": 2, "FJD": 2, "FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2,
    "GNF": 0, "GTQ": 2, "GYD": 2, "HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2,
    "IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3, "JPY": 0, "KES": 2, "KGS": 2, "KHR": 2, "KMF": 0,
    "KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2, "KZT": 2, "LAK": 2, "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2,
    "LYD": 3, "MAD": 2, "MDL": 2, "MGA": 2, "MKD": 2, "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2,
    "MVR": 2, "MWK": 2, "MXN": 2, "MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2, "NOK": 2, "NPR": 2,
    "NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2, "PGK": 2, "PHP": 2, "PKR": 2, "PLN": 2, "PYG": 0, "QAR": 2,
    "RON": 2, "RSD": 2, "RUB": 2, "RWF": 0, "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2,
    "SHP": 2, "SLE": 2, "SOS": 2, "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2, "SZL": 2, "THB": 2,
    "TJS": 2, "TMT": 2, "TND": 3, "TOP": 2, "TRY": 2, "TTD": 2, "TWD": 2, "TZS": 2, "UAH": 2, "UGX": 0,
    "USD": 2, "UYU": 2, "UZS": 2, "VES": 2, "VND": 0, "VUV": 0, "WST": 2, "XAF": 0, "XCD": 2, "XOF": 0,
    "XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}


def fmt(number: Decimal | int) -> str:
    """A number as people write it in a notice: 30,200 / 1,846.5."""
    return f"{Decimal(number):,f}" if Decimal(number) != Decimal(number).to_integral() else f"{int(number):,}"


def _currency_code(value: Any) -> Any:
    if isinstance(value, str):
        code = value.strip().upper()
        if code not in ISO_4217_MINOR_UNITS:
            raise ValueError(f"{value!r} is not an ISO 4217 currency code (e.g. JPY, USD, EUR)")
        return code
    return value


CurrencyCode = Annotated[str, BeforeValidator(_currency_code)]


def _no_float(value: Any) -> Any:
    # YAML and JSON hand us floats for 1846.5; go through str so that 0.1 stays 0.1, not 0.1000000000000000055.
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        return value.replace(",", "").strip()
    return value


Amount = Annotated[Decimal, BeforeValidator(_no_float), Field(ge=0)]


class Frozen(BaseModel):
    """Base for all models: immutable, no unknown fields (a typo in an input file is an error)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class LocalizedText(Frozen):
    """Text as the notice gives it, in English, Japanese or both."""

    en: str | None = None
    ja: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        # A plain string is English unless it contains Japanese script.
        if isinstance(value, str):
            return {"ja" if _has_japanese(value) else "en": value}
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> LocalizedText:
        if not (self.en or self.ja):
            raise ValueError("give the text in English (en), Japanese (ja) or both")
        return self

    def items(self) -> list[tuple[str, str]]:
        return [(lang, text) for lang, text in (("en", self.en), ("ja", self.ja)) if text]

    def in_language(self, lang: str) -> tuple[str, str]:
        """(language, text): the text in ``lang`` if given, else the other language's."""
        text = self.en if lang == "en" else self.ja
        if text:
            return lang, text
        return self.items()[0]


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


class Quantity(Frozen):
    """A count as the notice states it: exact, or an upper limit ("not exceeding", 上限)."""

    value: int = Field(ge=0)
    upper_limit: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("a count must be a whole number, not true/false")
        if isinstance(value, (int, str, Decimal)):
            return {"value": _whole(value)}
        if isinstance(value, float):
            return {"value": _whole(Decimal(repr(value)))}
        if isinstance(value, dict) and "value" in value and not isinstance(value["value"], bool):
            return {**value, "value": _whole(value["value"])}
        return value

    def describe(self) -> str:
        return f"not exceeding {fmt(self.value)}" if self.upper_limit else fmt(self.value)


def _whole(value: Any) -> int:
    number = Decimal(str(value).replace(",", "").strip()) if not isinstance(value, Decimal) else value
    if number != number.to_integral_value():
        raise ValueError(f"a count must be a whole number, got {value}")
    return int(number)
