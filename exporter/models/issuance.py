"""A stock acquisition rights (stock option) issuance and the arithmetic a notice must obey."""
from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator

from exporter.models.recipients import RecipientCategory
from exporter.models.values import Amount, CurrencyCode, Frozen, LocalizedText, Quantity, fmt


class PlanType(StrEnum):
    STOCK_COMPENSATION = "stock_compensation"  # 株式報酬型: exercise price of 1 yen per share
    ORDINARY = "ordinary"


class Payment(Frozen):
    """What recipients pay for the rights: an amount per right and per share, or nothing."""

    no_payment: bool = False
    amount_per_right: Amount | None = None
    amount_per_share: Amount | None = None
    method: LocalizedText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Payment:
        amounts = [a for a in (self.amount_per_right, self.amount_per_share) if a is not None]
        if self.no_payment and any(a != 0 for a in amounts):
            raise ValueError(
                f"payment.no_payment is true but an amount is given (amount_per_right="
                f"{self.amount_per_right}, amount_per_share={self.amount_per_share})")
        if not self.no_payment and not amounts:
            raise ValueError("payment needs amount_per_right, amount_per_share, or no_payment: true")
        return self


class ExerciseTerms(Frozen):
    price_per_share: Amount | None = None
    period_start: date | None = None
    period_end: date | None = None
    conditions: LocalizedText | None = None

    @model_validator(mode="after")
    def _period(self) -> ExerciseTerms:
        if self.period_start and self.period_end and not self.period_start < self.period_end:
            raise ValueError(f"exercise.period_start ({self.period_start}) must be before "
                             f"exercise.period_end ({self.period_end})")
        return self


class Allotment(Frozen):
    """The rights allotted to one category of recipients."""

    category: RecipientCategory
    description: LocalizedText
    persons: int = Field(ge=0)
    rights: Quantity


class AggregateAmounts(Frozen):
    """Totals a notice may state (発行価額の総額 and its parts); checked against the unit amounts."""

    amount_paid: Amount | None = None
    exercise_value: Amount | None = None
    issue_value: Amount | None = None


class StockAcquisitionRightsIssuance(Frozen):
    plan_type: PlanType
    series_name: LocalizedText | None = None
    board_resolution_date: date
    determination_date: date | None = None
    allotment_date: date | None = None
    number_of_rights: Quantity
    shares_per_right: int = Field(gt=0)
    class_of_shares: LocalizedText
    number_of_shares: Quantity
    currency: CurrencyCode = "JPY"
    payment: Payment | None = None
    exercise: ExerciseTerms | None = None
    allotments: tuple[Allotment, ...] = ()
    aggregates: AggregateAmounts | None = None

    @model_validator(mode="after")
    def _shares(self) -> StockAcquisitionRightsIssuance:
        rights, shares = self.number_of_rights, self.number_of_shares
        expected = rights.value * self.shares_per_right
        if expected != shares.value:
            raise ValueError(
                f"number_of_rights × shares_per_right must equal number_of_shares: {fmt(rights.value)} × "
                f"{fmt(self.shares_per_right)} = {fmt(expected)}, but number_of_shares is {fmt(shares.value)}")
        if rights.upper_limit != shares.upper_limit:
            raise ValueError(
                f"number_of_rights ({rights.describe()}) and number_of_shares ({shares.describe()}) must both be "
                f"exact or both be upper limits")
        return self

    @model_validator(mode="after")
    def _per_share_amount(self) -> StockAcquisitionRightsIssuance:
        payment = self.payment
        if payment and payment.amount_per_right is not None and payment.amount_per_share is not None:
            expected = payment.amount_per_share * self.shares_per_right
            if expected != payment.amount_per_right:
                raise ValueError(
                    f"payment.amount_per_share × shares_per_right must equal payment.amount_per_right: "
                    f"{fmt(payment.amount_per_share)} × {fmt(self.shares_per_right)} = {fmt(expected)}, but "
                    f"payment.amount_per_right is {fmt(payment.amount_per_right)} {self.currency}")
        return self

    @model_validator(mode="after")
    def _allotments(self) -> StockAcquisitionRightsIssuance:
        if not self.allotments:
            return self
        categories = [a.category.value for a in self.allotments]
        repeated = sorted({c for c in categories if categories.count(c) > 1})
        if repeated:
            raise ValueError(f"allotments name the category {', '.join(repeated)} more than once; "
                             f"merge them or give one a different category")
        total = sum(a.rights.value for a in self.allotments)
        if total != self.number_of_rights.value:
            parts = " + ".join(f"{fmt(a.rights.value)} ({a.category.value})" for a in self.allotments)
            raise ValueError(
                f"allotments must add up to number_of_rights: {parts} = {fmt(total)}, but number_of_rights is "
                f"{fmt(self.number_of_rights.value)}")
        if not self.number_of_rights.upper_limit and any(a.rights.upper_limit for a in self.allotments):
            raise ValueError("number_of_rights is exact, so no allotment may be an upper limit")
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> StockAcquisitionRightsIssuance:
        chain = [("board_resolution_date", self.board_resolution_date),
                 ("determination_date", self.determination_date),
                 ("allotment_date", self.allotment_date),
                 ("exercise.period_start", self.exercise.period_start if self.exercise else None)]
        given = [(name, day) for name, day in chain if day is not None]
        for (first, first_day), (then, then_day) in itertools.pairwise(given):
            if first_day > then_day:
                raise ValueError(f"dates out of order: {first} ({first_day}) must not be after {then} ({then_day})")
        return self

    @model_validator(mode="after")
    def _plan_type(self) -> StockAcquisitionRightsIssuance:
        price = self.exercise.price_per_share if self.exercise else None
        if self.plan_type is PlanType.STOCK_COMPENSATION and price is not None and price != 1:
            raise ValueError(f"a stock_compensation plan has an exercise price of 1 per share, but "
                             f"exercise.price_per_share is {fmt(price)} {self.currency}")
        return self

    @model_validator(mode="after")
    def _aggregates(self) -> StockAcquisitionRightsIssuance:
        agg = self.aggregates
        if agg is None:
            return self
        per_right = self.payment.amount_per_right if self.payment else None
        if self.payment and self.payment.no_payment:
            per_right = Decimal(0)
        price = self.exercise.price_per_share if self.exercise else None
        checks = [
            ("aggregates.amount_paid", agg.amount_paid, "payment.amount_per_right × number_of_rights", per_right,
             self.number_of_rights.value),
            ("aggregates.exercise_value", agg.exercise_value, "exercise.price_per_share × number_of_shares", price,
             self.number_of_shares.value),
        ]
        for name, stated, formula, unit_amount, count in checks:
            if stated is not None and unit_amount is not None and unit_amount * count != stated:
                raise ValueError(f"{name} must equal {formula}: {fmt(unit_amount)} × {fmt(count)} = "
                                 f"{fmt(unit_amount * count)}, but {name} is {fmt(stated)}")
        if None not in (agg.amount_paid, agg.exercise_value, agg.issue_value):
            total = agg.amount_paid + agg.exercise_value
            if total != agg.issue_value:
                raise ValueError(f"aggregates.issue_value must equal aggregates.amount_paid + aggregates.exercise_value: "
                                 f"{fmt(agg.amount_paid)} + {fmt(agg.exercise_value)} = {fmt(total)}, but "
                                 f"aggregates.issue_value is {fmt(agg.issue_value)}")
        return self
