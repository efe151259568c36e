"""Calculations: XBRL 2.1 (``calc10``, the specification's own summation-item check) or 1.1 (``calc11``)."""
from __future__ import annotations

from exporter.validation.draft import Draft
from exporter.validation.dts import Dts
from exporter.validation.messages import Message


def calc_messages(draft: Draft, dts: Dts, mode: str) -> list[Message]:
    if mode == "none":
        return []
    if mode == "1.0":
        from exporter.validation.calc10 import calc10_messages

        return calc10_messages(draft, dts)
    from exporter.validation.calc11 import calc_messages as calc11

    return calc11(draft, dts)
