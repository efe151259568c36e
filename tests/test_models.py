"""The models carry the domain's rules; each error names the fields and the numbers."""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest
import yaml
from conftest import SAMPLES, SEED
from pydantic import ValidationError

from exporter.models import Filing, Issuer, LocalizedText, Quantity
from exporter.models.issuer import isin_is_valid, lei_is_valid


@pytest.fixture()
def seed_data() -> dict:
    return yaml.safe_load(SEED.read_text(encoding="utf-8"))


def invalid(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        Filing.model_validate(data)
    return str(caught.value)


def test_seed_sample_is_valid_with_decimal_amounts(seed_data):
    filing = Filing.model_validate(seed_data)
    assert filing.issuance.number_of_rights == Quantity(value=151)
    assert filing.issuance.payment.amount_per_right == Decimal("369200")
    assert isinstance(filing.issuance.payment.amount_per_share, Decimal)
    assert [a.persons for a in filing.issuance.allotments] == [7, 11]


def test_every_sample_validates():
    for path in SAMPLES.glob("*.yaml"):
        Filing.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_shares_must_equal_rights_times_shares_per_right(seed_data):
    seed_data["issuance"]["number_of_shares"] = 30000
    message = invalid(seed_data)
    assert "number_of_rights × shares_per_right must equal number_of_shares" in message
    assert "151 × 200 = 30,200" in message and "30,000" in message


def test_per_share_amount_times_shares_per_right_must_equal_per_right(seed_data):
    seed_data["issuance"]["payment"]["amount_per_share"] = 1847
    message = invalid(seed_data)
    assert "payment.amount_per_share × shares_per_right must equal payment.amount_per_right" in message
    assert "1,847 × 200 = 369,400" in message and "369,200" in message


def test_allotments_must_add_up(seed_data):
    seed_data["issuance"]["allotments"][1]["rights"] = 50
    message = invalid(seed_data)
    assert "allotments must add up to number_of_rights" in message
    assert "100 (directors) + 50 (executive_officers) = 150" in message and "151" in message


def test_unknown_currency_is_refused(seed_data):
    seed_data["issuance"]["currency"] = "JPN"
    message = invalid(seed_data)
    assert "'JPN' is not an ISO 4217 currency code" in message
    assert "issuance.currency" in message


def test_resolution_after_allotment_is_refused(seed_data):
    del seed_data["issuance"]["determination_date"]
    seed_data["issuance"]["allotment_date"] = "2015-06-01"
    message = invalid(seed_data)
    assert "board_resolution_date (2015-06-26) must not be after allotment_date (2015-06-01)" in message


def test_exercise_period_must_run_forward(seed_data):
    seed_data["issuance"]["exercise"] = {"period_start": "2045-07-31", "period_end": "2015-08-01"}
    assert "exercise.period_start (2045-07-31) must be before exercise.period_end (2015-08-01)" in invalid(seed_data)


def test_stock_compensation_plan_has_one_yen_exercise_price(seed_data):
    seed_data["issuance"]["exercise"] = {"price_per_share": 2}
    assert "exercise price of 1 per share, but exercise.price_per_share is 2 JPY" in invalid(seed_data)


def test_counts_are_whole_and_non_negative(seed_data):
    bad = copy.deepcopy(seed_data)
    bad["issuance"]["allotments"][0]["persons"] = -1
    assert "persons" in invalid(bad)
    bad = copy.deepcopy(seed_data)
    bad["issuance"]["number_of_rights"] = "151.5"
    assert "a count must be a whole number, got 151.5" in invalid(bad)


def test_upper_limits_must_match_between_rights_and_shares(seed_data):
    seed_data["issuance"]["number_of_rights"] = {"value": 151, "upper_limit": True}
    assert "both be exact or both be upper limits" in invalid(seed_data)


def test_exact_total_cannot_have_upper_limit_allotments(seed_data):
    seed_data["issuance"]["allotments"][0]["rights"] = {"value": 100, "upper_limit": True}
    assert "no allotment may be an upper limit" in invalid(seed_data)


def test_repeated_category_is_refused(seed_data):
    seed_data["issuance"]["allotments"][1]["category"] = "directors"
    assert "name the category directors more than once" in invalid(seed_data)


def test_no_payment_with_amount_is_refused(seed_data):
    seed_data["issuance"]["payment"]["no_payment"] = True
    assert "payment.no_payment is true but an amount is given" in invalid(seed_data)


def test_unknown_field_is_refused(seed_data):
    seed_data["issuance"]["number_of_right"] = 151
    assert "number_of_right" in invalid(seed_data)


def test_floats_from_yaml_become_exact_decimals(seed_data):
    seed_data["issuance"]["payment"] = {"amount_per_share": 0.1, "amount_per_right": 20.0}
    filing = Filing.model_validate(seed_data)
    assert filing.issuance.payment.amount_per_share == Decimal("0.1")


@pytest.mark.parametrize("lei,ok", [
    ("5299009SAKURAROB0136", True),
    ("5299009SAKURAROB0137", False),
    ("5299009SAKURAROB01", False),
])
def test_lei_check_digits(lei, ok):
    assert lei_is_valid(lei) is ok


@pytest.mark.parametrize("isin,ok", [("US0378331005", True), ("US0378331006", False), ("JP3000000000", False)])
def test_isin_check_digit(isin, ok):
    assert isin_is_valid(isin) is ok


def test_issuer_errors_name_the_identifier():
    with pytest.raises(ValidationError, match="'37741' is not a Japanese securities code"):
        Issuer(name="X", securities_code="37741")
    with pytest.raises(ValidationError, match="ISO 17442 check digits"):
        Issuer(name="X", lei="5299009SAKURAROB0137")
    with pytest.raises(ValidationError, match="needs an identifier"):
        Issuer(name="X")


def test_issuer_identifier_prefers_explicit_then_lei_then_code():
    assert Issuer(name="X", securities_code="3774").identifier == ("http://www.jpx.co.jp/securities-code", "3774")
    assert Issuer(name="X", securities_code="3774", lei="5299009SAKURAROB0136").identifier[1] == "5299009SAKURAROB0136"
    explicit = Issuer(name="X", securities_code="3774", entity_identifier="E05729", entity_scheme="http://edinet")
    assert explicit.identifier == ("http://edinet", "E05729")


def test_localized_text_detects_japanese_and_falls_back():
    text = LocalizedText.model_validate("当社取締役")
    assert text.ja == "当社取締役" and text.en is None
    assert text.in_language("en") == ("ja", "当社取締役")
    assert LocalizedText.model_validate("Directors").en == "Directors"
    with pytest.raises(ValidationError, match="give the text"):
        LocalizedText()
