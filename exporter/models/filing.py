"""The filing: one notice, from one issuer, about one issuance."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import model_validator

from exporter.models.issuance import StockAcquisitionRightsIssuance
from exporter.models.issuer import Issuer
from exporter.models.values import Frozen, LocalizedText


class Filing(Frozen):
    title: LocalizedText
    announcement_date: date
    language: Literal["en", "ja"] = "en"  # the language the notice was written in
    issuer: Issuer
    issuance: StockAcquisitionRightsIssuance

    @model_validator(mode="after")
    def _announced_after_resolution(self) -> Filing:
        resolved = self.issuance.board_resolution_date
        if self.announcement_date < resolved:
            raise ValueError(f"announcement_date ({self.announcement_date}) is before "
                             f"issuance.board_resolution_date ({resolved})")
        return self
