"""The fact builder turns a Filing's statements into the fact set the notice reports."""
from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import yaml
from conftest import SAMPLES

from exporter.facts import build_factset
from exporter.facts.factset import ExplicitMember
from exporter.models import Filing


def _facts(factset):
    rows = set()
    for fact in factset.facts:
        members = tuple(m.member if isinstance(m, ExplicitMember) else m.value for m in fact.context.members)
        rows.add((fact.name, members, fact.value, fact.unit.id if fact.unit else None, fact.lang))
    return rows


def _sample(name: str) -> dict:
    return yaml.safe_load((SAMPLES / name).read_text("utf-8"))


def test_seed_facts(seed_filing):
    facts = _facts(build_factset(seed_filing))
    expected = {
        ("NumberOfStockAcquisitionRights", (), Decimal(151), "pure", None),
        ("NumberOfSharesPerStockAcquisitionRight", (), Decimal(200), "shares", None),
        ("NumberOfSharesUnderlyingStockAcquisitionRights", (), Decimal(30200), "shares", None),
        ("AmountPaidPerStockAcquisitionRight", (), Decimal(369200), "JPY", None),
        ("AmountPaidPerShare", (), Decimal(1846), "JPY_per_share", None),
        ("NumberOfRecipients", ("DirectorsMember",), Decimal(7), "pure", None),
        ("NumberOfStockAcquisitionRightsAllotted", ("DirectorsMember",), Decimal(100), "pure", None),
        ("NumberOfRecipients", ("ExecutiveOfficersMember",), Decimal(11), "pure", None),
        ("NumberOfStockAcquisitionRightsAllotted", ("ExecutiveOfficersMember",), Decimal(51), "pure", None),
        ("BoardResolutionDate", (), date(2015, 6, 26), None, None),
        ("AnnouncementDate", (), date(2015, 7, 13), None, None),
        ("SecuritiesCode", (), "3774", None, None),
        ("TradingSymbol", ("NASDAQ",), "IIJ", None, None),
        ("TradingSymbol", ("TSE1",), "3774", None, None),
        ("IssuerName", (), "Internet Initiative Japan Inc.", None, "en"),
        ("IssuerName", (), "株式会社インターネットイニシアティブ", None, "ja"),
        ("IssuanceKind", (), "StockCompensationOptions", None, None),
    }
    assert expected <= facts


def test_no_default_becomes_a_fact():
    data = _sample("iij-2015-07-13.yaml")
    del data["notice_type"]
    names = {fact.name for fact in build_factset(Filing.model_validate(data)).facts}
    # notice_type defaults to a resolution: not stated, so not tagged.
    assert "NoticeType" not in names
    data["notice_type"] = "resolution"
    assert "NoticeType" in {fact.name for fact in build_factset(Filing.model_validate(data)).facts}


def test_contexts_and_units_are_deduplicated(seed_filing):
    factset = build_factset(seed_filing)
    assert [c.id for c in factset.contexts] == ["I20150713", "I20150713_Listing1", "I20150713_Listing2",
                                                 "I20150713_Directors", "I20150713_ExecutiveOfficers"]
    assert sorted(u.id for u in factset.units) == ["JPY", "JPY_per_share", "pure", "shares"]
    assert all(f.context.instant == date(2015, 7, 13) for f in factset.facts)
    assert factset.extension is None


def test_upper_limits_go_to_their_own_concepts_and_no_payment_is_a_boolean():
    factset = build_factset(Filing.model_validate(_sample("sakura-robotics-2024-06-14.yaml")))
    names = {f.name for f in factset.facts}
    assert "NumberOfStockAcquisitionRightsUpperLimit" in names
    assert "NumberOfStockAcquisitionRights" not in names
    assert factset.first("NoPaymentRequired").value is True
    allotted = factset.first("NumberOfStockAcquisitionRightsAllottedUpperLimit",
                             where={"RecipientCategoryAxis": "EmployeesMember"})
    assert allotted.value == 800
    assert factset.first("ExercisePricePerShare").decimals == "0"


def test_decimals_follow_the_stated_amount_and_its_scale():
    data = _sample("iij-2015-07-13.yaml")
    data["issuance"]["payment"] = {"amount_per_share": "1846.5", "amount_per_right": "369300"}
    factset = build_factset(Filing.model_validate(data))
    assert factset.first("AmountPaidPerShare").decimals == "1"
    assert factset.first("AmountPaidPerStockAcquisitionRight").decimals == "0"
    assert factset.first("NumberOfStockAcquisitionRights").decimals == "INF"
    data["issuance"]["proceeds"] = {"gross": {"value": 13783000, "stated_in": "thousand"}}
    assert build_factset(Filing.model_validate(data)).first("GrossProceeds").decimals == "-3"


def test_to_be_determined_is_a_nil_fact_with_its_unit():
    data = _sample("iij-2015-07-13.yaml")
    del data["issuance"]["payment"]["amount_per_right"]
    data["issuance"]["payment"]["amount_per_share"] = "tbd"
    fact = build_factset(Filing.model_validate(data)).first("AmountPaidPerShare")
    assert fact.value is None and fact.decimals is None and fact.unit.id == "JPY_per_share"


def _two_tranches() -> dict:
    data = _sample("iij-2015-07-13.yaml")
    first = data.pop("issuance")
    second = copy.deepcopy(first)
    second["label"] = {"en": "Second grant", "ja": "第2回付与"}
    second["allotments"] = [{"custom_category": "retiring_outside_directors",
                             "description": {"en": "Retiring outside directors", "ja": "退任社外取締役"},
                             "persons": 2, "rights": 151}]
    data["issuances"] = [first, second]
    data["totals"] = {"number_of_rights": 302}
    return data


def test_tranches_and_company_categories_are_extension_members():
    factset = build_factset(Filing.model_validate(_two_tranches()))
    extension = factset.extension
    assert extension is not None and extension.namespace.endswith("/3774/2015-07-13")
    members = {(m.dimension, m.name, m.label.ja) for m in extension.members}
    assert members == {("TrancheAxis", "Tranche1Member", "Tranche1Member".replace("Tranche1Member", "発行1")),
                       ("TrancheAxis", "Tranche2Member", "第2回付与"),
                       ("RecipientCategoryAxis", "RetiringOutsideDirectorsMember", "退任社外取締役")}
    total = factset.first("NumberOfStockAcquisitionRights")
    assert total.value == 302 and total.context.id == "I20150713"
    second = factset.first("NumberOfStockAcquisitionRights", where={"TrancheAxis": "Tranche2Member"})
    assert second.value == 151 and second.context.id == "I20150713_T2"
    custom = factset.first("NumberOfRecipients", where={"RecipientCategoryAxis": "RetiringOutsideDirectorsMember",
                                                        "TrancheAxis": "Tranche2Member"})
    assert custom.context.id == "I20150713_RetiringOutsideDirectors_T2"
    assert any(m.extension for m in custom.context.members)


def test_acknowledged_sum_is_prohibited_in_the_extension():
    data = _sample("sakura-robotics-2024-06-14.yaml")
    data["issuance"]["aggregates"]["issue_value"] = 289376000
    data["acknowledged"] = [{"rule": "issue_value_equals_paid_plus_exercise_value",
                             "reason": "the notice prints this total"}]
    filing = Filing.model_validate(data)
    assert [w.rule.id for w in filing.warnings] == ["issue_value_equals_paid_plus_exercise_value"]
    extension = build_factset(filing).extension
    assert extension is not None and extension.prohibited_summations == ("AggregateIssueValue",)
