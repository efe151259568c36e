"""The declared mapping turns a Filing into the fact set the notice reports."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import yaml
from conftest import SAMPLES

from exporter.facts import build_factset
from exporter.facts.factset import ExplicitMember, TypedMember
from exporter.models import Filing


def _facts(factset):
    rows = set()
    for fact in factset.facts:
        members = tuple(m.member if isinstance(m, ExplicitMember) else m.value for m in fact.context.members)
        rows.add((fact.concept, members, fact.value, fact.unit.id if fact.unit else None, fact.lang))
    return rows


def test_seed_facts(seed_filing):
    facts = _facts(build_factset(seed_filing))
    expected_numeric = {
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
        ("PlanType", (), "StockCompensationType", None, None),
    }
    assert expected_numeric <= facts


def test_contexts_and_units_are_deduplicated(seed_filing):
    factset = build_factset(seed_filing)
    assert [c.id for c in factset.contexts] == ["I20150713", "I20150713_Listing1", "I20150713_Listing2",
                                                 "I20150713_Directors", "I20150713_ExecutiveOfficers"]
    assert sorted(u.id for u in factset.units) == ["JPY", "JPY_per_share", "pure", "shares"]
    assert all(f.context.instant == date(2015, 7, 13) for f in factset.facts)


def test_upper_limits_go_to_their_own_concepts_and_no_payment_is_a_boolean():
    filing = Filing.model_validate(yaml.safe_load((SAMPLES / "sakura-robotics-2024-06-14.yaml").read_text("utf-8")))
    factset = build_factset(filing)
    concepts = {f.concept for f in factset.facts}
    assert "NumberOfStockAcquisitionRightsUpperLimit" in concepts
    assert "NumberOfStockAcquisitionRights" not in concepts
    assert factset.first("NoPaymentRequired").value is True
    assert factset.first("NumberOfStockAcquisitionRightsAllottedUpperLimit", member="EmployeesMember").value == 800
    assert factset.first("ExercisePricePerShare").decimals == "0"
    assert [m.value for m in factset.members_of("ListingAxis") if isinstance(m, TypedMember)] == ["TSE Growth"]


def test_decimals_follow_the_stated_amount(seed_data=None):
    data = yaml.safe_load((SAMPLES / "iij-2015-07-13.yaml").read_text("utf-8"))
    data["issuance"]["payment"] = {"amount_per_share": "1846.5", "amount_per_right": "369300"}
    factset = build_factset(Filing.model_validate(data))
    assert factset.first("AmountPaidPerShare").decimals == "1"
    assert factset.first("AmountPaidPerStockAcquisitionRight").decimals == "0"
    assert factset.first("NumberOfStockAcquisitionRights").decimals == "INF"
