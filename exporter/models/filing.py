"""The filing: one notice, from one issuer, about one or more issuances, and the rules it obeys.

Required are only what every notice prints: the title, the announcement date, the issuer's name
and each issuance's kind. Everything else is stated or absent; nothing is filled in. The rules of
``exporter.domain.rules`` run on what is stated; a disagreement is an error naming the fields and
both numbers, unless the input acknowledges it (the printed notice really says so), in which case
the filing keeps the values as printed and carries the finding as a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from exporter.domain import concepts as c
from exporter.domain.dimensions import SECTION_AXIS, TRANCHE_AXIS
from exporter.domain.kinds import LEGACY_PLAN_TYPES, NOTICE_TYPES, NoticeType
from exporter.domain.legal import ARTICLES
from exporter.domain.rules import BY_ID, Finding, Statement, check
from exporter.models.issuance import Issuance, Totals
from exporter.models.issuer import Issuer
from exporter.models.statements import describe
from exporter.models.statements import statements as walk
from exporter.models.values import Frozen, LocalizedText, Money, Quantity, StatedDate


class EarlierNotice(Frozen):
    """The notice a follow-up refers to."""

    date: Annotated[StatedDate | None, c.EARLIER_NOTICE_DATE] = None
    title: Annotated[LocalizedText | None, c.EARLIER_NOTICE_TITLE] = None


class ShareholdersMeeting(Frozen):
    date: Annotated[StatedDate | None, c.SHAREHOLDERS_MEETING_DATE] = None
    name: Annotated[LocalizedText | None, c.SHAREHOLDERS_MEETING_NAME] = None


class PlanCaps(Frozen):
    """The maximums a compensation plan allows (per year, per fiscal year, ...)."""

    shares: Annotated[Quantity | None, c.PLAN_CAP_SHARES] = None
    rights: Annotated[Quantity | None, c.PLAN_CAP_RIGHTS] = None
    amount: Annotated[Money | None, c.PLAN_CAP_AMOUNT] = None
    period: Annotated[LocalizedText | None, c.PLAN_CAP_PERIOD] = None


class Plan(Frozen):
    """The compensation plan an issuance is made under."""

    name: Annotated[LocalizedText | None, c.PLAN_NAME] = None
    introduction_date: Annotated[StatedDate | None, c.PLAN_INTRODUCTION_DATE] = None
    announcement_date: Annotated[StatedDate | None, c.PLAN_ANNOUNCEMENT_DATE] = None
    caps: PlanCaps | None = None


class ReferencePrice(Frozen):
    """The share price an amount to be paid is based on, and its date."""

    date: Annotated[StatedDate | None, c.REFERENCE_PRICE_DATE] = None
    price_per_share: Annotated[Money | None, c.REFERENCE_PRICE] = None


class LegalBasis(Frozen):
    """The provisions a notice cites: as printed, and the Companies Act article numbers."""

    text: Annotated[LocalizedText | None, c.LEGAL_BASIS] = None
    articles: Annotated[tuple[str, ...], c.COMPANIES_ACT_ARTICLES] = ()

    @field_validator("articles", mode="before")
    @classmethod
    def _articles(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            value = tuple(str(article).strip().replace("の", "-") for article in value)
            unknown = [article for article in value if article not in ARTICLES]
            if unknown:
                raise PydanticCustomError("article", "Companies Act article {unknown} is not one this product knows "
                                          "({known}); give the provision in text instead",
                                          {"unknown": ", ".join(unknown), "known": ", ".join(ARTICLES)})
        return value


class FurtherSection(Frozen):
    """A section of the notice with no concept of its own, tagged whole under its heading."""

    heading: LocalizedText
    text: Annotated[LocalizedText, c.SECTION_TEXT]

    @property
    def key(self) -> str:
        return self.heading.items()[0][1]


class Sections(Frozen):
    """The notice's sections of prose, each tagged as a whole (text blocks)."""

    purpose_and_reasons: Annotated[LocalizedText | None, c.PURPOSE] = None
    conditions: Annotated[LocalizedText | None, c.CONDITIONS] = None
    use_of_proceeds: Annotated[LocalizedText | None, c.USE_OF_PROCEEDS] = None
    amendment: Annotated[LocalizedText | None, c.AMENDMENT] = None
    other_matters: Annotated[LocalizedText | None, c.OTHER_MATTERS] = None
    further: Annotated[tuple[FurtherSection, ...], SECTION_AXIS] = ()

    @model_validator(mode="after")
    def _headings_once(self) -> Sections:
        keys = [section.key for section in self.further]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise PydanticCustomError("sections", "further sections repeat the heading {headings}",
                                      {"headings": ", ".join(repeated)})
        return self


class Acknowledgement(Frozen):
    """A disagreement the printed notice really contains, filed as printed (reported as a warning)."""

    rule: str
    issuance: int | None = Field(default=None, ge=1)  # 1-based; none: wherever the rule disagrees
    reason: LocalizedText

    @field_validator("rule")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in BY_ID:
            raise PydanticCustomError("rule", "'{value}' is not a rule (see the input reference for the list)",
                                      {"value": value})
        return value


class Filing(Frozen):
    """One notice: its title, date and issuer, what it does, and the issuances it announces."""

    title: Annotated[LocalizedText, c.DOCUMENT_TITLE]
    announcement_date: Annotated[StatedDate, c.ANNOUNCEMENT_DATE]
    language: str = Field(default="en", pattern="^(en|ja)$")  # the language the notice is written in
    notice_type: Annotated[NoticeType, c.NOTICE_TYPE] = NoticeType.RESOLUTION
    earlier_notice: EarlierNotice | None = None
    issuer: Issuer
    board_resolution_date: Annotated[StatedDate | None, c.BOARD_RESOLUTION_DATE] = None
    decision_body: Annotated[LocalizedText | None, c.DECISION_BODY] = None
    shareholders_meeting: ShareholdersMeeting | None = None
    plan: Plan | None = None
    reference_price: ReferencePrice | None = None
    legal_basis: LegalBasis | None = None
    issuances: Annotated[tuple[Issuance, ...], Field(min_length=1), TRANCHE_AXIS]
    totals: Totals | None = None
    sections: Sections | None = None
    acknowledged: tuple[Acknowledgement, ...] = ()
    _warnings: list[Finding] = PrivateAttr(default_factory=list)
    _statements: tuple[Statement, ...] | None = PrivateAttr(default=None)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """The single-issuance form (``issuance:``) is part of the format too."""
        schema: dict[str, Any] = handler.resolve_ref_schema(handler(core_schema))
        schema["properties"]["issuance"] = schema["properties"]["issuances"]["items"]
        schema["required"] = [name for name in schema["required"] if name != "issuances"]
        schema["oneOf"] = [{"required": ["issuances"]}, {"required": ["issuance"]}]
        return schema

    @model_validator(mode="before")
    @classmethod
    def _earlier_forms(cls, data: Any) -> Any:
        """Accept the single-issuance form (``issuance:``) and the fields it used to carry."""
        if not isinstance(data, dict) or "issuance" not in data:
            return data
        if "issuances" in data:
            raise PydanticCustomError("issuances", "give either issuance (one) or issuances (a list), not both")
        data = dict(data)
        issuance = data.pop("issuance")
        if isinstance(issuance, dict):
            issuance = dict(issuance)
            if "plan_type" in issuance and "kind" not in issuance:
                plan_type = issuance.pop("plan_type")
                issuance["kind"] = LEGACY_PLAN_TYPES.get(plan_type, plan_type)
            if "board_resolution_date" in issuance and "board_resolution_date" not in data:
                data["board_resolution_date"] = issuance.pop("board_resolution_date")
        data["issuances"] = [issuance]
        return data

    @model_validator(mode="after")
    def _follow_up(self) -> Filing:
        if self.earlier_notice is not None and not NOTICE_TYPES[self.notice_type].follow_up:
            raise PydanticCustomError("notice", "earlier_notice is for follow-up notices, but notice_type is "
                                      "{notice_type}", {"notice_type": self.notice_type.value})
        if self.totals is not None and len(self.issuances) < 2:
            raise PydanticCustomError("totals", "totals are for notices of several issuances; with one, state "
                                      "the figures in the issuance")
        return self

    @model_validator(mode="after")
    def _rules(self) -> Filing:
        acknowledged: list[Finding] = []
        broken: list[Finding] = []
        for finding in check(self.statements):
            (acknowledged if self._acknowledges(finding) else broken).append(finding)
        if broken:
            raise PydanticCustomError("rules", "{message}", {"message": "; ".join(describe(f) for f in broken),
                                                             "findings": broken})
        self._warnings[:] = acknowledged
        if acknowledged:
            self._statements = None  # walk again: the acknowledgements are stated too
        return self

    def _acknowledges(self, finding: Finding) -> bool:
        tranche = dict(finding.result.where).get(TRANCHE_AXIS.name)
        return any(ack.rule == finding.rule.id and (ack.issuance is None or str(ack.issuance) == tranche
                                                    or (tranche is None and len(self.issuances) == 1))
                   for ack in self.acknowledged)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every value the filing states (``models.statements``), walked once: the rules and the facts read it."""
        if self._statements is None:
            self._statements = tuple(walk(self))
        return self._statements

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Filing:
        copy = super().model_copy(update=update, deep=deep)
        if update:
            copy._statements = None  # other values: walk them again when asked
        return copy

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Acknowledged disagreements: filed as printed, reported as warnings."""
        return tuple(self._warnings)
