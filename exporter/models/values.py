"""Value types shared by the models: text in two languages, counts, amounts and ratios as stated.

A stated figure is exact, an upper limit ("not exceeding", 上限), or to be determined (未定): the
models keep which, and the taxonomy can tell them apart. Amounts keep the precision they are stated
to (yen, thousand yen, million yen), which becomes the fact's ``decimals``. Input may be written as
notices and registers write it (30,200; ３０，２００; 上限100; 2015/7/13; 平成27年7月13日): reading is
`exporter.notation`'s, and what does not read is an error naming what was expected.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from exporter.domain.concepts import Concept
from exporter.domain.text import has_japanese
from exporter.notation import NormaliseError, normalise_text, parse_amount, parse_count, parse_date, parse_decimal
from exporter.notation.numbers import check_size

# ISO 4217 active alphabetic codes (2024 list), with their minor units. A currency the list does
# not hold is refused rather than guessed.
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
}  # fmt: skip

# How input says "to be determined" (the notice prints no figure yet).
TO_BE_DETERMINED = frozenset({"tbd", "to be determined", "undetermined", "未定", "追って決定"})


def fmt(number: Decimal | int) -> str:
    """A number as people write it in a notice: 30,200 / 1,846.5."""
    value = Decimal(number)
    return f"{value:,f}" if value != value.to_integral_value() else f"{int(value):,}"


def input_error(error: NormaliseError) -> PydanticCustomError:
    """A notation error as a pydantic error, keeping what was expected and why apart."""
    return PydanticCustomError("notation", "{message}", {"message": str(error), "expected": error.expected,
                                                         "reason": error.reason or ""})


def _currency_code(value: Any) -> Any:
    if isinstance(value, str):
        code = value.strip().upper()
        if code not in ISO_4217_MINOR_UNITS:
            raise PydanticCustomError("currency", "'{value}' is not an ISO 4217 currency code (e.g. JPY, USD, EUR)",
                                      {"value": value})
        return code
    return value


CurrencyCode = Annotated[str, BeforeValidator(_currency_code)]


def _date(value: Any) -> Any:
    """Dates as registers and notices write them, not only ISO 8601."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        try:
            return parse_date(value)
        except NormaliseError as error:
            raise input_error(error) from None
    return value


StatedDate = Annotated[date, BeforeValidator(_date)]


def _describe_fields(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """JSON Schema: each field that is tagged says as what, in both languages (for editors' hints)."""
    properties = schema.get("properties", {})
    for name, info in model.model_fields.items():
        concept = next((m for m in info.metadata if isinstance(m, Concept)), None)
        if concept is not None and name in properties:
            properties[name]["description"] = f"{concept.label.en} / {concept.label.ja} (eqi:{concept.name})"


def _or_written(schema: dict[str, Any], *forms: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema: the structured form, or the short forms notices write (151, "上限100", "tbd")."""
    return {"anyOf": [*forms, schema]}


class Frozen(BaseModel):
    """Base for all models: immutable, no unknown fields (a typo in an input file is an error)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, use_enum_values=False,
                              json_schema_extra=_describe_fields)


class LocalizedText(Frozen):
    """Text as the notice gives it, in English, Japanese or both."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return _or_written(handler(core_schema), {"type": "string"})

    en: str | None = None
    ja: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        # A plain string is English unless it contains Japanese script.
        if isinstance(value, str):
            return {"ja" if has_japanese(value) else "en": value}
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> LocalizedText:
        if not (self.en or self.ja):
            raise PydanticCustomError("text", "give the text in English (en), Japanese (ja) or both")
        return self

    def items(self) -> list[tuple[str, str]]:
        return [(lang, text) for lang, text in (("en", self.en), ("ja", self.ja)) if text]

    def get(self, lang: str) -> str | None:
        return self.en if lang == "en" else self.ja

    def in_language(self, lang: str) -> tuple[str, str]:
        """(language, text): the text in ``lang`` if given, else the other language's."""
        text = self.get(lang)
        return (lang, text) if text else self.items()[0]


class Status(StrEnum):
    EXACT = "exact"
    UPPER_LIMIT = "upper_limit"
    TO_BE_DETERMINED = "to_be_determined"


def _tbd(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() in TO_BE_DETERMINED


class Quantity(Frozen):
    """A count as the notice states it: exact, an upper limit, or to be determined (``value`` None).

    Input: ``151``, ``"30,200"``, ``"上限100"``, ``"not exceeding 1,000"``, ``tbd`` / ``未定``, or
    ``{value: 1250, upper_limit: true}``.
    """

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return _or_written(handler(core_schema), {"type": "integer"}, {"type": "string"})

    value: int | None = Field(default=None, ge=0)
    upper_limit: bool = False

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticCustomError("count", "a count must be a whole number, not true/false")
        if _tbd(value) or value is None:
            return {"value": None}
        if isinstance(value, dict):
            if "value" in value and not _tbd(value["value"]) and value["value"] is not None:
                return {**value, "value": _count(value["value"]).value}
            return {**value, "value": None}
        count = _count(value)
        return {"value": count.value, "upper_limit": count.upper_limit}

    @model_validator(mode="after")
    def _limit_needs_value(self) -> Quantity:
        if self.value is None and self.upper_limit:
            raise PydanticCustomError("count", "an upper limit needs a value")
        return self

    @property
    def status(self) -> Status:
        if self.value is None:
            return Status.TO_BE_DETERMINED
        return Status.UPPER_LIMIT if self.upper_limit else Status.EXACT

    def describe(self) -> str:
        if self.value is None:
            return "to be determined"
        return f"not exceeding {fmt(self.value)}" if self.upper_limit else fmt(self.value)


def _count(value: Any) -> Any:
    try:
        return parse_count(value)
    except NormaliseError as error:
        raise input_error(error) from None


class Scale(StrEnum):
    """The unit an amount is stated in: the precision it carries."""

    ONE = "one"
    THOUSAND = "thousand"
    MILLION = "million"
    BILLION = "billion"

    @property
    def exponent(self) -> int:
        return {"one": 0, "thousand": 3, "million": 6, "billion": 9}[self.value]


# A number as written: digits (grouped or not) and a fraction. Longer runs are not figures a notice states.
_WRITTEN_NUMBER = re.compile(r"[0-9](?:[0-9,]*[0-9])?(?:\.([0-9]+))?")
_WRITTEN_NUMBER_CHARS = 40


def _places(value: Decimal) -> int:
    """Fraction digits of ``value`` as it stands (1846.5: 1; 369200: 0)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def written_places(text: str, value: Decimal) -> int | None:
    """The fraction digits ``value`` is written with in ``text`` ("1,846.50円": 2; "10.00": 2).

    ``exporter.notation`` reads numbers to their canonical form (1846.5, 10), so the trailing zeros a
    notice states are read here from the text: of the numbers it shows, those equal to ``value`` (a
    per-unit phrase such as 1株当たり shows another number), the most fraction digits. None if the
    text shows no number equal to ``value``.
    """
    places = [len(match[1] or "") for match in _WRITTEN_NUMBER.finditer(normalise_text(text))
              if len(match[0]) <= _WRITTEN_NUMBER_CHARS and Decimal(match[0].replace(",", "")) == value]
    return max(places, default=None)


class Translation(Frozen):
    """The same amount shown in another currency for convenience (not part of any arithmetic)."""

    currency: CurrencyCode
    value: Decimal

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if isinstance(value, dict) and "value" in value:
            return {**value, "value": _decimal(value["value"])}
        return value


class Money(Frozen):
    """An amount as stated: the full value, its precision, and whether it is a limit or to be determined.

    Input: ``369200``, ``"¥369,200"``, ``"1,846.5"``, ``tbd``, or a mapping such as
    ``{value: 13783000, stated_in: thousand}`` (printed as 13,783千円: precise to the thousand) or
    ``{value: 57294000, translation: {currency: USD, value: 400000}}``. A written amount keeps the
    fraction digits it is written with (``"1,846.50"`` is stated to two decimals; a YAML number such as
    1846.50 cannot, as its zeros are gone before it is read); ``decimals`` overrides the precision.
    """

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return _or_written(handler(core_schema), {"type": "number"}, {"type": "string"})

    value: Decimal | None = Field(default=None, ge=0)
    stated_in: Scale = Scale.ONE
    decimals: int | None = Field(default=None, ge=-12, le=10)
    upper_limit: bool = False
    translation: Translation | None = None

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticCustomError("amount", "an amount must be a number, not true/false")
        if _tbd(value) or value is None:
            return {"value": None}
        if isinstance(value, dict):
            raw = value.get("value")
            if raw is None or _tbd(raw):
                return {**value, "value": None}
            read = {**value, "value": _decimal(raw)}
        else:
            raw, read = value, {"value": _decimal(value)}
        if isinstance(raw, str) and "decimals" not in read and read.get("stated_in", Scale.ONE) == Scale.ONE:
            # Reading drops trailing zeros (1,846.50 -> 1846.5); the precision stated stays.
            places = written_places(raw, read["value"])
            if places is not None and places > _places(read["value"].normalize()):
                read["decimals"] = places
        return read

    @model_validator(mode="after")
    def _consistent(self) -> Money:
        if self.value is None and (self.upper_limit or self.translation):
            raise PydanticCustomError("amount", "an amount to be determined has no limit or translation")
        if self.value is not None and self.stated_in is not Scale.ONE:
            unit = Decimal(1).scaleb(self.stated_in.exponent)
            if self.value % unit:
                raise PydanticCustomError(
                    "amount", "{value} is not a whole number of {scale}s: give the full amount (13,783 thousand "
                    "is 13783000)", {"value": fmt(self.value), "scale": self.stated_in.value})
        return self

    @property
    def precision(self) -> int | None:
        """The ``decimals`` of the fact: -3 for thousands, the stated fraction digits otherwise."""
        if self.value is None:
            return None
        if self.decimals is not None:
            return self.decimals
        if self.stated_in is not Scale.ONE:
            return -self.stated_in.exponent
        return _places(self.value.normalize())

    def describe(self) -> str:
        if self.value is None:
            return "to be determined"
        return f"not exceeding {fmt(self.value)}" if self.upper_limit else fmt(self.value)


def _decimal(value: Any) -> Decimal:
    try:
        if isinstance(value, Decimal):
            check_size(value, value, "a number")
            return value
        if isinstance(value, float):
            return parse_decimal(value)
        amount = parse_amount(value)
        if amount.no_payment:
            return Decimal(0)
        return amount.value
    except NormaliseError as error:
        raise input_error(error) from None


class Percent(Frozen):
    """A ratio stated as a percentage: input ``1.23`` or ``"1.23%"`` means 1.23% (stored as 0.0123).

    The ratio is stated to the percentage's fraction digits plus two: ``"10.00%"`` is 0.1 stated to 4
    decimals, shown again as 10.00% (a YAML number such as 10.00 has lost its zeros before it is read;
    quote it to keep them).
    """

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return _or_written(handler(core_schema), {"type": "number"}, {"type": "string"})

    value: Decimal | None = Field(default=None, ge=0)
    decimals: int | None = None  # of the ratio: 1.23% is stated to 4

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if _tbd(value) or value is None:
            return {"value": None}
        if isinstance(value, dict):
            return value
        text = str(value).strip().removesuffix("%").removesuffix("％").strip() if not isinstance(value, float) \
            else repr(value)
        try:
            percent = parse_decimal(text)
        except NormaliseError as error:
            raise input_error(error) from None
        places = _places(percent)
        if not isinstance(value, float):  # a float's repr is not how it was written
            places = max(places, written_places(text, percent) or 0)
        return {"value": percent.scaleb(-2), "decimals": places + 2}

    @property
    def precision(self) -> int | None:
        if self.value is None:
            return None
        if self.decimals is not None:
            return self.decimals
        return _places(self.value)


def _exact_count(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("count", "a count must be a whole number, not true/false")
    if isinstance(value, int | str | float | Decimal):
        count = _count(value)
        if count.upper_limit:
            raise PydanticCustomError("count", "this count cannot be an upper limit")
        return count.value
    return value


# A whole number that is always exact: persons allotted, shares per right.
Count = Annotated[int, BeforeValidator(_exact_count), Field(ge=0)]
