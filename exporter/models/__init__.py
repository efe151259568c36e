"""Validated issuance models: what a notice says, checked, with nothing filled in.

Owns the domain's input shape: the filing (``filing``) with its issuer (``issuer``), one or more
issuances of stock acquisition rights or shares (``issuance``), their allotments by recipient
category (``allotments``), and the value types that keep a figure's status and precision
(``values``). Fields carry their concepts (declared in ``exporter.domain.concepts``), so
``statements`` can walk a filing into the values it states: the rules of ``exporter.domain.rules``
check those, and the fact builder tags them. Nothing here knows about XBRL syntax.
"""

from exporter.models.allotments import Allotment
from exporter.models.filing import (
    Acknowledgement,
    EarlierNotice,
    Filing,
    FurtherSection,
    LegalBasis,
    Plan,
    PlanCaps,
    ReferencePrice,
    Sections,
    ShareholdersMeeting,
)
from exporter.models.issuance import (
    Aggregates,
    Dilution,
    Exercise,
    Issuance,
    Payment,
    Proceeds,
    RightsIssuance,
    SharesIssuance,
    Totals,
    TransferRestriction,
)
from exporter.models.issuer import Issuer, Listing
from exporter.models.values import LocalizedText, Money, Percent, Quantity

__all__ = [
    "Acknowledgement",
    "Aggregates",
    "Allotment",
    "Dilution",
    "EarlierNotice",
    "Exercise",
    "Filing",
    "FurtherSection",
    "Issuance",
    "Issuer",
    "LegalBasis",
    "Listing",
    "LocalizedText",
    "Money",
    "Payment",
    "Percent",
    "Plan",
    "PlanCaps",
    "Proceeds",
    "Quantity",
    "ReferencePrice",
    "RightsIssuance",
    "Sections",
    "ShareholdersMeeting",
    "SharesIssuance",
    "Totals",
    "TransferRestriction",
]
