"""The value types keep what a notice states: status (exact, limit, to be determined), precision, language."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import BaseModel, ValidationError

from exporter.documents import build_inline
from exporter.facts import build_factset
from exporter.models import Filing
from exporter.models.values import (
    Count,
    CurrencyCode,
    LocalizedText,
    Money,
    Percent,
    Quantity,
    Scale,
    StatedDate,
    Status,
    fmt,
    written_places,
)


class Holder(BaseModel):
    count: Count | None = None
    currency: CurrencyCode | None = None
    day: StatedDate | None = None


def error(**fields) -> dict:
    with pytest.raises(ValidationError) as caught:
        Holder(**fields)
    return caught.value.errors()[0]


def test_fmt_writes_numbers_as_notices_do():
    assert fmt(D("30200")) == "30,200" and fmt(D("1846.5")) == "1,846.5" and fmt(7) == "7"
    assert fmt(D("30200.0")) == "30,200"


def test_quantity_status_and_description():
    assert Quantity.model_validate(151).status is Status.EXACT
    limit = Quantity.model_validate("上限1,270")
    assert (limit.value, limit.upper_limit, limit.status) == (1270, True, Status.UPPER_LIMIT)
    assert limit.describe() == "not exceeding 1,270" and Quantity.model_validate(30200).describe() == "30,200"
    tbd = Quantity.model_validate("未定")
    assert (tbd.value, tbd.status, tbd.describe()) == (None, Status.TO_BE_DETERMINED, "to be determined")
    assert Quantity.model_validate({"value": "tbd"}).value is None
    assert Quantity.model_validate({"value": 5, "upper_limit": True}).upper_limit
    with pytest.raises(ValidationError, match="not true/false"):
        Quantity.model_validate(True)
    with pytest.raises(ValidationError, match="an upper limit needs a value"):
        Quantity.model_validate({"value": None, "upper_limit": True})


def test_exact_counts_refuse_limits_and_booleans():
    assert Holder(count="7名").count == 7
    assert error(count="上限7名")["msg"] == "this count cannot be an upper limit"
    assert error(count=False)["msg"] == "a count must be a whole number, not true/false"
    problem = error(count="seven")
    assert problem["type"] == "notation" and problem["ctx"]["expected"].startswith("a whole number")


def test_currency_codes_are_iso_4217():
    assert Holder(currency=" usd ").currency == "USD"
    problem = error(currency="YEN")
    assert problem["type"] == "currency" and problem["msg"] == \
        "'YEN' is not an ISO 4217 currency code (e.g. JPY, USD, EUR)"


def test_dates_as_written_and_errors_that_say_what_was_expected():
    assert Holder(day="平成27年7月13日").day.isoformat() == "2015-07-13"
    assert Holder(day=20150713).day.isoformat() == "2015-07-13"
    problem = error(day="13/7/2015")
    assert problem["type"] == "notation" and "ambiguous" in problem["ctx"]["reason"]


def test_money_precision_scale_limit_and_translation():
    assert Money.model_validate("¥1,846.5").precision == 1
    assert Money.model_validate(369200).precision == 0
    assert Money.model_validate({"value": "1846.50", "decimals": 2}).precision == 2
    thousands = Money.model_validate({"value": 13783000, "stated_in": "thousand"})
    assert (thousands.stated_in, thousands.precision) == (Scale.THOUSAND, -3)
    assert Money.model_validate({"value": 2000000000, "stated_in": "billion"}).precision == -9
    assert Money.model_validate("tbd").precision is None and Money.model_validate("tbd").describe() == "to be determined"
    assert Money.model_validate({"value": 5, "upper_limit": True}).describe() == "not exceeding 5"
    assert Money.model_validate("1,000").describe() == "1,000"
    translated = Money.model_validate({"value": 57294000, "translation": {"currency": "usd", "value": "400000"}})
    assert translated.translation.currency == "USD" and translated.translation.value == 400000
    assert Money.model_validate("無償").value == 0
    with pytest.raises(ValidationError, match="not a whole number of thousands"):
        Money.model_validate({"value": 1500, "stated_in": "thousand"})
    with pytest.raises(ValidationError, match="no limit or translation"):
        Money.model_validate({"value": "tbd", "upper_limit": True})
    with pytest.raises(ValidationError, match="not true/false"):
        Money.model_validate(False)
    with pytest.raises(ValidationError, match="more than 18 digits"):
        Money.model_validate(D("1E+30"))


def test_percentages_are_ratios_stated_to_their_digits():
    ratio = Percent.model_validate("1.23%")
    assert (ratio.value, ratio.precision) == (D("0.0123"), 4)
    assert Percent.model_validate(5).precision == 2 and Percent.model_validate(5).value == D("0.05")
    assert Percent.model_validate("tbd").precision is None
    assert Percent.model_validate({"value": "0.5", "decimals": 3}).precision == 3


@pytest.mark.parametrize(("written", "value", "precision"), [
    ("10.00%", D("0.1"), 4), ("１０．００％", D("0.1"), 4), ("10%", D("0.1"), 2), ("0.50", D("0.005"), 4),
    (D("10.00"), D("0.1"), 4), (10.0, D("0.1"), 2), ("1,000.0%", D("10"), 3)])
def test_a_percentage_keeps_the_fraction_digits_it_is_written_with(written, value, precision):
    ratio = Percent.model_validate(written)
    assert (ratio.value, ratio.precision) == (value, precision)


@pytest.mark.parametrize(("written", "value", "precision"), [
    ("1,846.50", D("1846.5"), 2), ("¥1,846.50", D("1846.5"), 2), ("１，８４６．５０円", D("1846.5"), 2),
    ("1株当たり1,846.50円", D("1846.5"), 2), ("1,000.00", D(1000), 2), ("1,846.5", D("1846.5"), 1),
    ("369,200", D(369200), 0), ({"value": "1,846.50"}, D("1846.5"), 2),
    ({"value": "1,846.50", "decimals": 1}, D("1846.5"), 1),  # decimals given: it wins
    ({"value": "13,783,000.00", "stated_in": "thousand"}, D(13783000), -3),  # the scale says the precision
    (1846.50, D("1846.5"), 1)])  # a YAML number has lost its zeros before it is read
def test_an_amount_keeps_the_fraction_digits_it_is_written_with(written, value, precision):
    amount = Money.model_validate(written)
    assert (amount.value, amount.precision) == (value, precision)


def test_written_places_reads_the_number_equal_to_the_value():
    assert written_places("1株当たり1.00円", D(1)) == 2  # the per-unit phrase's 1 states no fraction
    assert written_places("30,200株", D(30200)) == 0
    assert written_places("about 12", D(13)) is None


def test_stated_decimals_reach_the_documents(seed_filing):
    data = seed_filing.model_dump(mode="json", exclude_none=True, exclude_unset=True)
    data["issuances"][0]["dilution"] = {"ratio": "10.00%"}
    factset = build_factset(Filing.model_validate(data))
    (ratio,) = [fact for fact in factset.facts if fact.name == "DilutionRatio"]
    assert (ratio.value, ratio.decimals) == (D("0.1"), "4")
    assert "10.00%" in "".join(build_inline(factset, "en").getroot().itertext())


def test_localized_text_detects_the_language_and_falls_back():
    text = LocalizedText.model_validate("執行役員")
    assert (text.en, text.ja, text.get("ja"), text.get("en")) == (None, "執行役員", "執行役員", None)
    assert text.in_language("en") == ("ja", "執行役員") and text.in_language("ja") == ("ja", "執行役員")
    both = LocalizedText(en="Directors", ja="取締役")
    assert both.items() == [("en", "Directors"), ("ja", "取締役")] and both.in_language("en") == ("en", "Directors")


def test_the_json_schema_accepts_the_short_forms():
    quantity = Quantity.model_json_schema()
    assert quantity["anyOf"][:2] == [{"type": "integer"}, {"type": "string"}]
    assert Money.model_json_schema()["anyOf"][:2] == [{"type": "number"}, {"type": "string"}]
    assert LocalizedText.model_json_schema()["anyOf"][0] == {"type": "string"}
