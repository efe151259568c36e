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
    issuance = filing.issuances[0]
    assert issuance.number_of_rights == Quantity(value=151)
    assert issuance.payment.amount_per_right.value == Decimal("369200")
    assert isinstance(issuance.payment.amount_per_share.value, Decimal)
    assert [a.persons for a in issuance.allotments] == [7, 11]
    assert filing.board_resolution_date.isoformat() == "2015-06-26"  # lifted from the single-issuance form


def test_every_sample_validates():
    for path in SAMPLES.glob("*.yaml"):
        Filing.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_shares_must_equal_rights_times_shares_per_right(seed_data):
    seed_data["issuance"]["number_of_shares"] = 30000
    message = invalid(seed_data)
    assert "issuances[0].number_of_rights × issuances[0].shares_per_right must equal issuances[0].number_of_shares" \
        in message
    assert "151 × 200 = 30,200" in message and "30,000" in message


def test_per_share_amount_times_shares_per_right_must_equal_per_right(seed_data):
    seed_data["issuance"]["payment"]["amount_per_share"] = 1847
    message = invalid(seed_data)
    assert "issuances[0].payment.amount_per_share × issuances[0].shares_per_right must equal " \
        "issuances[0].payment.amount_per_right" in message
    assert "1,847 × 200 = 369,400" in message and "369,200" in message


def test_allotments_must_add_up(seed_data):
    seed_data["issuance"]["allotments"][1]["rights"] = 50
    message = invalid(seed_data)
    assert "issuances[0].allotments[0].rights + issuances[0].allotments[1].rights must equal " \
        "issuances[0].number_of_rights: 100 + 50 = 150, but issuances[0].number_of_rights is 151" in message


def test_unknown_currency_is_refused(seed_data):
    seed_data["issuance"]["currency"] = "JPN"
    message = invalid(seed_data)
    assert "'JPN' is not an ISO 4217 currency code" in message
    assert "issuances" in message and "currency" in message


def test_resolution_after_allotment_is_refused(seed_data):
    del seed_data["issuance"]["determination_date"]
    seed_data["issuance"]["allotment_date"] = "2015-06-01"
    message = invalid(seed_data)
    assert "board_resolution_date (2015-06-26) must be on or before issuances[0].allotment_date (2015-06-01)" \
        in message


def test_exercise_period_must_run_forward(seed_data):
    seed_data["issuance"]["exercise"] = {"period_start": "2045-07-31", "period_end": "2015-08-01"}
    assert "issuances[0].exercise.period_start (2045-07-31) must be before issuances[0].exercise.period_end " \
        "(2015-08-01)" in invalid(seed_data)


def test_stock_compensation_plan_has_one_yen_exercise_price(seed_data):
    seed_data["issuance"]["exercise"] = {"price_per_share": 2}
    assert "a stock_compensation_options issuance has issuances[0].exercise.price_per_share of 1, but it is 2" \
        in invalid(seed_data)


def test_counts_are_whole_and_non_negative(seed_data):
    bad = copy.deepcopy(seed_data)
    bad["issuance"]["allotments"][0]["persons"] = -1
    assert "persons" in invalid(bad)
    bad = copy.deepcopy(seed_data)
    bad["issuance"]["number_of_rights"] = "151.5"
    assert "a count must be a whole number" in invalid(bad)


def test_upper_limits_must_match_between_rights_and_shares(seed_data):
    seed_data["issuance"]["number_of_rights"] = {"value": 151, "upper_limit": True}
    assert "must agree on being exact or upper limits" in invalid(seed_data)


def test_exact_total_cannot_have_upper_limit_allotments(seed_data):
    seed_data["issuance"]["allotments"][0]["rights"] = {"value": 100, "upper_limit": True}
    assert "must agree on being exact or upper limits" in invalid(seed_data)


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
    assert filing.issuances[0].payment.amount_per_share.value == Decimal("0.1")


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
    assert Issuer(name="X").identified_by_name


def test_issuer_identifier_prefers_explicit_then_lei_then_code_then_edinet_then_name():
    assert Issuer(name="X", securities_code="3774").identifier == ("http://www.jpx.co.jp/securities-code", "3774")
    assert Issuer(name="X", securities_code="3774", lei="5299009SAKURAROB0136").identifier[1] == "5299009SAKURAROB0136"
    explicit = Issuer(name="X", securities_code="3774", entity_identifier="E05729", entity_scheme="http://edinet")
    assert explicit.identifier == ("http://edinet", "E05729")
    assert Issuer(name="X", edinet_code="e05729").identifier == ("http://disclosure.edinet-fsa.go.jp", "E05729-000")
    named = Issuer(name={"en": "Kumo  Optics", "ja": "雲光学株式会社"})
    assert named.identifier == ("http://disclosure-exporter.dev/entity-name", "雲光学株式会社")


def test_localized_text_detects_japanese_and_falls_back():
    text = LocalizedText.model_validate("当社取締役")
    assert text.ja == "当社取締役" and text.en is None
    assert text.in_language("en") == ("ja", "当社取締役")
    assert LocalizedText.model_validate("Directors").en == "Directors"
    with pytest.raises(ValidationError, match="give the text"):
        LocalizedText()


# --- every kind, and what real notices state -------------------------------------------------

MINIMAL = {"title": "Notice", "announcement_date": "2025-07-18", "issuer": {"name": "Kumo Optics"},
           "issuances": [{"kind": "restricted_stock"}]}


def test_only_title_date_issuer_name_and_kind_are_required():
    filing = Filing.model_validate(MINIMAL)
    assert filing.issuances[0].kind.value == "restricted_stock"
    for missing in ("title", "announcement_date", "issuer", "issuances"):
        data = {k: v for k, v in MINIMAL.items() if k != missing}
        assert missing in invalid(data)
    assert "kind" in invalid({**MINIMAL, "issuances": [{}]})


def _shares(**fields) -> dict:
    return {**MINIMAL, "issuances": [{"kind": "restricted_stock", "method": "treasury_shares", **fields}]}


def test_price_times_shares_is_checked_to_the_stated_precision():
    # 102,345 x 1,283.5 = 131,359,807.5: printed as 131,359,808 yen, it is consistent.
    Filing.model_validate(_shares(number_of_shares=102345, price_per_share="1,283.5", total_amount=131359808))
    message = invalid(_shares(number_of_shares=102345, price_per_share="1,283.5", total_amount=131359809))
    assert "issuances[0].price_per_share × issuances[0].number_of_shares must equal issuances[0].total_amount: " \
           "1,283.5 × 102,345 = 131,359,807.5, but issuances[0].total_amount is 131,359,809" in message


def test_amounts_stated_in_thousands_carry_that_precision():
    data = _shares(number_of_shares=1000, price_per_share=13783, total_amount={"value": 13783000,
                                                                               "stated_in": "thousand"})
    assert Filing.model_validate(data).issuances[0].total_amount.precision == -3
    data = _shares(number_of_shares=1000, price_per_share=13783.4, total_amount={"value": 13783000,
                                                                                 "stated_in": "thousand"})
    Filing.model_validate(data)  # 13,783,400 rounds to 13,783 thousand
    assert "not a whole number of thousands" in invalid(_shares(total_amount={"value": 1500, "stated_in": "thousand"}))


def test_acknowledged_disagreement_is_filed_as_printed_with_a_warning():
    data = _shares(number_of_shares=100, price_per_share=10, total_amount=1001)
    assert "total_amount" in invalid(data)
    data["acknowledged"] = [{"rule": "total_equals_price_times_shares", "issuance": 1,
                             "reason": "the notice sums per-person rounded amounts"}]
    filing = Filing.model_validate(data)
    assert [w.rule.id for w in filing.warnings] == ["total_equals_price_times_shares"]
    data["acknowledged"] = [{"rule": "no_such_rule", "reason": "x"}]
    assert "'no_such_rule' is not a rule" in invalid(data)


def test_to_be_determined_values_are_kept_and_not_checked():
    filing = Filing.model_validate(_shares(number_of_shares=100, price_per_share="tbd", total_amount="未定"))
    issuance = filing.issuances[0]
    assert issuance.price_per_share.value is None and issuance.total_amount.value is None


def test_notices_write_counts_dates_and_limits_their_own_way():
    filing = Filing.model_validate({**_shares(number_of_shares="３，６００株", disposal_date="2023/8/23",
                                              allotments=[{"category": "directors", "persons": "6名",
                                                           "shares": "3,600株"}]),
                                    "announcement_date": "令和5年8月1日"})
    issuance = filing.issuances[0]
    assert issuance.number_of_shares.value == 3600 and issuance.disposal_date.isoformat() == "2023-08-23"
    assert filing.announcement_date.isoformat() == "2023-08-01" and issuance.allotments[0].persons == 6
    limit = Filing.model_validate({**MINIMAL, "issuances": [{"kind": "stock_options", "number_of_rights": "上限1,270",
                                                             "number_of_shares": {"value": 127000,
                                                                                  "upper_limit": True},
                                                             "shares_per_right": 100}]})
    assert limit.issuances[0].number_of_rights.upper_limit


def test_tranches_add_up_to_the_totals_and_totals_need_several_issuances():
    data = {**MINIMAL, "issuances": [{"kind": "psu", "number_of_shares": 3200},
                                     {"kind": "rsu", "number_of_shares": 400}],
            "totals": {"number_of_shares": 3600}}
    Filing.model_validate(data)
    data["totals"] = {"number_of_shares": 3700}
    assert "must equal totals.number_of_shares: 3,200 + 400 = 3,600" in invalid(data)
    assert "totals are for notices of several issuances" in invalid({**_shares(), "totals": {"number_of_shares": 1}})


def test_company_specific_categories_need_a_description_and_a_clean_code():
    allotment = {"custom_category": "retiring_external_directors", "persons": 2, "shares": 400}
    assert "needs a description" in invalid(_shares(allotments=[allotment]))
    allotment["description"] = {"en": "Retiring external directors", "ja": "退任社外取締役"}
    Filing.model_validate(_shares(allotments=[allotment]))
    assert "is a standard category" in invalid(_shares(allotments=[{**allotment, "custom_category": "directors"}]))
    assert "single underscores" in invalid(_shares(allotments=[{**allotment, "custom_category": "a__b"}]))
    assert "not a standard recipient category" in invalid(_shares(allotments=[{"category": "riji"}]))


def test_follow_up_notices_refer_to_an_earlier_notice():
    data = {**_shares(), "notice_type": "completion",
            "earlier_notice": {"date": "2025-07-01", "title": "Notice regarding disposal"}}
    assert Filing.model_validate(data).earlier_notice.title.en == "Notice regarding disposal"
    assert "earlier_notice is for follow-up notices" in invalid({**data, "notice_type": "resolution"})
    data["earlier_notice"]["date"] = "2025-08-01"
    assert "earlier_notice.date (2025-08-01) must be on or before announcement_date" in invalid(data)


def test_treasury_disposals_do_not_increase_capital():
    assert "does not increase capital" in invalid(_shares(capital_increase=100))
    assert "disposal_date is for treasury shares" in invalid({**MINIMAL, "issuances": [
        {"kind": "restricted_stock", "method": "new_shares", "disposal_date": "2025-08-01"}]})


def test_huge_or_malformed_numbers_are_refused_before_they_are_built():
    assert "expected a whole number such as 100" in invalid(_shares(number_of_shares="1e1000000000"))
    assert "more than 18 digits" in invalid(_shares(total_amount="1234567890123456789012345678901"))
    assert "more than 18 digits" in invalid(_shares(number_of_shares=10**30))
    assert "expected a whole number" in invalid(_shares(number_of_shares="151個 and 3"))


def test_the_earlier_single_issuance_form_still_loads(seed_data):
    legacy = copy.deepcopy(seed_data)
    issuance = legacy["issuance"]
    issuance["plan_type"] = "stock_compensation"
    del issuance["kind"]
    issuance["board_resolution_date"] = legacy.pop("board_resolution_date")
    assert Filing.model_validate(legacy) == Filing.model_validate(seed_data)
    assert "either issuance (one) or issuances" in invalid({**seed_data, "issuances": [issuance]})


def test_shares_state_how_they_are_paid_for_as_the_notice_prints_it():
    """Restricted stock is paid for with monetary claims contributed in kind: a text, tagged as PaymentMethod."""
    from exporter.domain import concepts as c
    from exporter.models.statements import statements

    method = {"en": "Monetary claims contributed in kind", "ja": "金銭債権の現物出資"}
    filing = Filing.model_validate(_shares(payment_method=method))
    stated = [(s.concept, s.value, s.lang) for s in statements(filing) if s.source[-1] == "payment_method"]
    assert stated == [(c.PAYMENT_METHOD, method["en"], "en"), (c.PAYMENT_METHOD, method["ja"], "ja")]
    assert not [s for s in statements(Filing.model_validate(_shares())) if s.concept is c.PAYMENT_METHOD]
