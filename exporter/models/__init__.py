"""Validated issuance models: the single source of truth for what a filing says.

Owns the domain and its rules: the issuer and its identifiers (``issuer``), quantities, money and
text in two languages (``values``), recipient categories (``recipients``), the stock acquisition
rights issuance and its arithmetic (``issuance``), and the filing that wraps them (``filing``).
Every rule names the fields and the numbers that disagree. Nothing here knows about XBRL.
"""
from exporter.models.filing import Filing
from exporter.models.issuance import (
    Allotment,
    ExerciseTerms,
    Payment,
    PlanType,
    StockAcquisitionRightsIssuance,
)
from exporter.models.issuer import Issuer, Listing
from exporter.models.recipients import RecipientCategory
from exporter.models.values import LocalizedText, Quantity

__all__ = [
    "Allotment",
    "ExerciseTerms",
    "Filing",
    "Issuer",
    "Listing",
    "LocalizedText",
    "Payment",
    "PlanType",
    "Quantity",
    "RecipientCategory",
    "StockAcquisitionRightsIssuance",
]
