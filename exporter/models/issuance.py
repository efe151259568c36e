"""One issuance (tranche) of a notice: stock acquisition rights, or shares issued or disposed of.

The two instruments share the terms every notice may state (kind, name, class of shares, dates,
allotments, proceeds, dilution); each adds its own. Every field is optional but ``kind``: a notice
states what it states, and nothing is filled in for it. The arithmetic between stated values is
checked for the whole filing (``exporter.domain.rules``), so it is declared once and applies to
tranches, totals and validated instances alike.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from exporter.domain import concepts as c
from exporter.domain.dimensions import RECIPIENT_AXIS
from exporter.domain.kinds import KINDS, Instrument, IssuanceKind, ShareMethod
from exporter.models.allotments import Allotment
from exporter.models.values import Count, CurrencyCode, Frozen, LocalizedText, Money, Percent, Quantity, StatedDate


class TransferRestriction(Frozen):
    """The period during which restricted stock may not be transferred."""

    start: Annotated[StatedDate | None, c.RESTRICTION_START] = None
    end: Annotated[StatedDate | None, c.RESTRICTION_END] = None
    description: Annotated[LocalizedText | None, c.RESTRICTION_PERIOD] = None


class Proceeds(Frozen):
    """Funds raised: the total paid in, the estimated costs, and the net proceeds (差引手取概算額)."""

    gross: Annotated[Money | None, c.GROSS_PROCEEDS] = None
    issue_costs: Annotated[Money | None, c.ISSUE_COSTS] = None
    net: Annotated[Money | None, c.NET_PROCEEDS] = None


class Dilution(Frozen):
    """What the issuance adds to the shares and voting rights outstanding."""

    shares_outstanding: Annotated[Quantity | None, c.SHARES_OUTSTANDING] = None
    voting_rights_outstanding: Annotated[Quantity | None, c.VOTING_RIGHTS_OUTSTANDING] = None
    voting_rights_issued: Annotated[Quantity | None, c.VOTING_RIGHTS_ISSUED] = None
    ratio: Annotated[Percent | None, c.DILUTION] = None
    voting_rights_ratio: Annotated[Percent | None, c.DILUTION_VOTING] = None


class IssuanceTerms(Frozen):
    """What every kind of issuance may state."""

    label: Annotated[LocalizedText | None, c.TRANCHE_LABEL] = None
    class_of_shares: Annotated[LocalizedText | None, c.CLASS_OF_SHARES] = None
    currency: CurrencyCode = "JPY"
    determination_date: Annotated[StatedDate | None, c.DETERMINATION_DATE] = None
    allotment_date: Annotated[StatedDate | None, c.ALLOTMENT_DATE] = None
    payment_date: Annotated[StatedDate | None, c.PAYMENT_DATE] = None
    payment_period_start: Annotated[StatedDate | None, c.PAYMENT_PERIOD_START] = None
    payment_period_end: Annotated[StatedDate | None, c.PAYMENT_PERIOD_END] = None
    transfer_restriction: TransferRestriction | None = None
    proceeds: Proceeds | None = None
    dilution: Dilution | None = None
    allotments: Annotated[tuple[Allotment, ...], RECIPIENT_AXIS] = ()

    @model_validator(mode="after")
    def _categories_once(self) -> IssuanceTerms:
        keys = [allotment.key for allotment in self.allotments]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise PydanticCustomError(
                "allotments", "allotments name the category {categories} more than once; merge them, or give each "
                "its own custom_category", {"categories": ", ".join(repeated)})
        return self


class Payment(Frozen):
    """What recipients pay for the rights: an amount per right and per share, or nothing."""

    no_payment: Annotated[bool, c.NO_PAYMENT] = False
    amount_per_right: Annotated[Money | None, c.AMOUNT_PER_RIGHT] = None
    amount_per_share: Annotated[Money | None, c.AMOUNT_PER_SHARE] = None
    method: Annotated[LocalizedText | None, c.PAYMENT_METHOD] = None

    @model_validator(mode="after")
    def _consistent(self) -> Payment:
        amounts = [a.value for a in (self.amount_per_right, self.amount_per_share) if a is not None]
        if self.no_payment and any(a for a in amounts):
            raise PydanticCustomError("payment", "payment.no_payment is true but an amount is given")
        return self


class Exercise(Frozen):
    """What holders contribute on exercise, when, and on what conditions; moving-strike terms too."""

    price_per_share: Annotated[Money | None, c.EXERCISE_PRICE] = None
    initial_price_per_share: Annotated[Money | None, c.INITIAL_EXERCISE_PRICE] = None
    lower_limit_price_per_share: Annotated[Money | None, c.LOWER_LIMIT_EXERCISE_PRICE] = None
    upper_limit_price_per_share: Annotated[Money | None, c.UPPER_LIMIT_EXERCISE_PRICE] = None
    no_upper_limit_price: Annotated[bool, c.NO_UPPER_LIMIT_EXERCISE_PRICE] = False
    price_adjustment: Annotated[LocalizedText | None, c.EXERCISE_PRICE_ADJUSTMENT] = None
    shares_at_lower_limit_price: Annotated[Quantity | None, c.SHARES_AT_FLOOR] = None
    period_start: Annotated[StatedDate | None, c.EXERCISE_START] = None
    period_end: Annotated[StatedDate | None, c.EXERCISE_END] = None
    conditions: Annotated[LocalizedText | None, c.EXERCISE_CONDITIONS] = None

    @model_validator(mode="after")
    def _cap(self) -> Exercise:
        if self.no_upper_limit_price and self.upper_limit_price_per_share is not None:
            raise PydanticCustomError("exercise", "exercise.no_upper_limit_price is true but "
                                      "exercise.upper_limit_price_per_share is given")
        return self


class Aggregates(Frozen):
    """Totals a rights notice may state (発行価額の総額 and its parts)."""

    amount_paid: Annotated[Money | None, c.AGGREGATE_PAID] = None
    exercise_value: Annotated[Money | None, c.AGGREGATE_EXERCISE] = None
    issue_value: Annotated[Money | None, c.AGGREGATE_ISSUE] = None


RightsKind = Literal[IssuanceKind.STOCK_COMPENSATION_OPTIONS, IssuanceKind.STOCK_OPTIONS,
                     IssuanceKind.PAID_STOCK_OPTIONS, IssuanceKind.THIRD_PARTY_RIGHTS]
SharesKind = Literal[IssuanceKind.RESTRICTED_STOCK, IssuanceKind.RSU, IssuanceKind.PSU, IssuanceKind.TRUST_PLAN,
                     IssuanceKind.THIRD_PARTY_SHARES]


class RightsIssuance(IssuanceTerms):
    """Stock acquisition rights (新株予約権): stock options of every kind, or rights allotted to an investor."""

    kind: Annotated[RightsKind, c.ISSUANCE_KIND]
    series_name: Annotated[LocalizedText | None, c.SERIES_NAME] = None
    number_of_rights: Annotated[Quantity | None, c.NUMBER_OF_RIGHTS] = None
    shares_per_right: Annotated[Count | None, c.SHARES_PER_RIGHT] = None
    number_of_shares: Annotated[Quantity | None, c.UNDERLYING_SHARES] = None
    payment: Payment | None = None
    exercise: Exercise | None = None
    aggregates: Aggregates | None = None

    @model_validator(mode="after")
    def _shares_per_right(self) -> RightsIssuance:
        if self.shares_per_right == 0:
            raise PydanticCustomError("count", "shares_per_right must be at least 1")
        return self


class SharesIssuance(IssuanceTerms):
    """Shares: new shares issued or treasury shares disposed of, as compensation or to an investor."""

    kind: Annotated[SharesKind, c.ISSUANCE_KIND]
    method: Annotated[ShareMethod | None, c.SHARE_METHOD] = None
    number_of_shares: Annotated[Quantity | None, c.NUMBER_OF_SHARES] = None
    price_per_share: Annotated[Money | None, c.PRICE_PER_SHARE] = None
    total_amount: Annotated[Money | None, c.TOTAL_ISSUE_VALUE] = None
    payment_method: Annotated[LocalizedText | None, c.PAYMENT_METHOD] = None  # e.g. monetary claims contributed in kind
    disposal_date: Annotated[StatedDate | None, c.DISPOSAL_DATE] = None
    capital_increase: Annotated[Money | None, c.CAPITAL_INCREASE] = None
    capital_reserve_increase: Annotated[Money | None, c.CAPITAL_RESERVE_INCREASE] = None

    @model_validator(mode="after")
    def _method(self) -> SharesIssuance:
        if self.disposal_date is not None and self.method is ShareMethod.NEW_SHARES:
            raise PydanticCustomError("method", "disposal_date is for treasury shares disposed of, but method is "
                                      "new_shares (new shares have a payment_date)")
        if self.method is ShareMethod.TREASURY_SHARES and (self.capital_increase or self.capital_reserve_increase):
            raise PydanticCustomError("method", "disposing of treasury shares does not increase capital; "
                                      "capital_increase is for new shares")
        return self


Issuance = Annotated[RightsIssuance | SharesIssuance, Field(discriminator="kind")]


def instrument(issuance: RightsIssuance | SharesIssuance) -> Instrument:
    return KINDS[issuance.kind].instrument


class Totals(Frozen):
    """What a notice of several issuances states for all of them together (3,600 shares in all)."""

    class_of_shares: Annotated[LocalizedText | None, c.CLASS_OF_SHARES] = None
    currency: CurrencyCode = "JPY"
    method: Annotated[ShareMethod | None, c.SHARE_METHOD] = None
    allotment_date: Annotated[StatedDate | None, c.ALLOTMENT_DATE] = None
    payment_date: Annotated[StatedDate | None, c.PAYMENT_DATE] = None
    disposal_date: Annotated[StatedDate | None, c.DISPOSAL_DATE] = None
    number_of_rights: Annotated[Quantity | None, c.NUMBER_OF_RIGHTS] = None
    underlying_shares: Annotated[Quantity | None, c.UNDERLYING_SHARES] = None
    number_of_shares: Annotated[Quantity | None, c.NUMBER_OF_SHARES] = None
    price_per_share: Annotated[Money | None, c.PRICE_PER_SHARE] = None
    total_amount: Annotated[Money | None, c.TOTAL_ISSUE_VALUE] = None
    proceeds: Proceeds | None = None
    dilution: Dilution | None = None
