"""The mapping from model fields to taxonomy concepts, declared once.

Each ``FactRule`` says: read this field (a dotted path from the Filing, or from one allotment or
listing), and report it as this concept; quantities that are upper limits go to the rule's
``upper_limit_concept``. Units follow from the concept's type in the taxonomy (monetary, shares,
per share, pure); decimals from ``decimals``. The fact builder and the tests read this table;
serializers never see it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# decimals policy: "INF" for exact counts; "stated" writes the amount's own number of decimal
# places (0 for 369,200 yen, 1 for 1,846.5 yen per share).
Decimals = Literal["INF", "stated"]
Scope = Literal["filing", "listing", "allotment"]


@dataclass(frozen=True)
class FactRule:
    concept: str
    source: str
    scope: Scope = "filing"
    upper_limit_concept: str | None = None
    decimals: Decimals = "INF"
    values: tuple[tuple[str, str], ...] = ()  # enum value -> token written in the fact
    only_if_true: bool = False  # booleans that say something only when true (e.g. no payment)


RULES: tuple[FactRule, ...] = (
    # Document and entity
    FactRule("DocumentTitle", "title"),
    FactRule("AnnouncementDate", "announcement_date"),
    FactRule("IssuerName", "issuer.name"),
    FactRule("SecuritiesCode", "issuer.securities_code"),
    FactRule("LegalEntityIdentifier", "issuer.lei"),
    FactRule("TradingSymbol", "ticker", scope="listing"),
    # Terms of the stock acquisition rights
    FactRule("PlanType", "issuance.plan_type",
             values=(("stock_compensation", "StockCompensationType"), ("ordinary", "Ordinary"))),
    FactRule("SeriesName", "issuance.series_name"),
    FactRule("BoardResolutionDate", "issuance.board_resolution_date"),
    FactRule("DeterminationDate", "issuance.determination_date"),
    FactRule("AllotmentDate", "issuance.allotment_date"),
    FactRule("NumberOfStockAcquisitionRights", "issuance.number_of_rights",
             upper_limit_concept="NumberOfStockAcquisitionRightsUpperLimit"),
    FactRule("ClassOfShares", "issuance.class_of_shares"),
    FactRule("NumberOfSharesPerStockAcquisitionRight", "issuance.shares_per_right"),
    FactRule("NumberOfSharesUnderlyingStockAcquisitionRights", "issuance.number_of_shares",
             upper_limit_concept="NumberOfSharesUnderlyingStockAcquisitionRightsUpperLimit"),
    FactRule("AmountPaidPerStockAcquisitionRight", "issuance.payment.amount_per_right", decimals="stated"),
    FactRule("AmountPaidPerShare", "issuance.payment.amount_per_share", decimals="stated"),
    FactRule("NoPaymentRequired", "issuance.payment.no_payment", only_if_true=True),
    FactRule("PaymentMethod", "issuance.payment.method"),
    FactRule("ExercisePricePerShare", "issuance.exercise.price_per_share", decimals="stated"),
    FactRule("ExercisePeriodStartDate", "issuance.exercise.period_start"),
    FactRule("ExercisePeriodEndDate", "issuance.exercise.period_end"),
    FactRule("ExerciseConditions", "issuance.exercise.conditions"),
    FactRule("AggregateAmountPaidForStockAcquisitionRights", "issuance.aggregates.amount_paid", decimals="stated"),
    FactRule("AggregateExerciseValue", "issuance.aggregates.exercise_value", decimals="stated"),
    FactRule("AggregateIssueValue", "issuance.aggregates.issue_value", decimals="stated"),
    # Allotment by recipient category (dimensional: one RecipientCategoryAxis member each)
    FactRule("RecipientCategoryDescription", "description", scope="allotment"),
    FactRule("NumberOfRecipients", "persons", scope="allotment"),
    FactRule("NumberOfStockAcquisitionRightsAllotted", "rights", scope="allotment",
             upper_limit_concept="NumberOfStockAcquisitionRightsAllottedUpperLimit"),
)

# Recipient category code (models) -> member of RecipientCategoryAxis (taxonomy).
RECIPIENT_MEMBERS: dict[str, str] = {
    "directors": "DirectorsMember",
    "outside_directors": "OutsideDirectorsMember",
    "audit_committee_directors": "AuditAndSupervisoryCommitteeMemberDirectorsMember",
    "executive_officers": "ExecutiveOfficersMember",
    "corporate_auditors": "CorporateAuditorsMember",
    "employees": "EmployeesMember",
    "subsidiary_directors": "DirectorsOfSubsidiariesMember",
    "subsidiary_executive_officers": "ExecutiveOfficersOfSubsidiariesMember",
    "subsidiary_corporate_auditors": "CorporateAuditorsOfSubsidiariesMember",
    "subsidiary_employees": "EmployeesOfSubsidiariesMember",
    "subsidiary_directors_and_employees": "DirectorsAndEmployeesOfSubsidiariesMember",
    "group_company_managers": "ManagersOfGroupCompaniesMember",
    "other": "OtherRecipientsMember",
}
RECIPIENT_AXIS = "RecipientCategoryAxis"
LISTING_AXIS = "ListingAxis"
