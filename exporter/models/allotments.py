"""Who an issuance is allotted to: one entry per recipient category, standard or company-specific."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from exporter.domain import concepts as c
from exporter.domain.categories import BY_CODE
from exporter.models.values import Count, Frozen, LocalizedText, Quantity

_CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*")


class Allotment(Frozen):
    """One recipient category: the notice's wording, and the persons, rights or shares it gets.

    ``category`` is a standard code (directors, executive_officers, ...: see the input reference);
    ``custom_category`` names a category of the company's own (retiring_external_directors), which
    becomes a member of the filing's extension taxonomy labelled with ``description``.
    """

    category: str | None = None
    custom_category: str | None = None
    description: Annotated[LocalizedText | None, c.RECIPIENT_DESCRIPTION] = None
    allottee: Annotated[LocalizedText | None, c.ALLOTTEE_NAME] = None
    persons: Annotated[Count | None, c.NUMBER_OF_RECIPIENTS] = None
    rights: Annotated[Quantity | None, c.RIGHTS_ALLOTTED] = None
    shares: Annotated[Quantity | None, c.SHARES_ALLOTTED] = None

    @field_validator("category")
    @classmethod
    def _standard(cls, value: str | None) -> str | None:
        if value is not None and value not in BY_CODE:
            raise PydanticCustomError(
                "category", "'{value}' is not a standard recipient category ({codes}); for a category of the "
                "company's own, write custom_category: {value} with a description",
                {"value": value, "codes": ", ".join(BY_CODE)})
        return value

    @field_validator("custom_category")
    @classmethod
    def _custom(cls, value: str | None) -> str | None:
        if value is not None:
            if not _CODE.fullmatch(value):
                raise PydanticCustomError("category", "custom_category must be a code of lower-case letters, digits "
                                          "and single underscores, each part starting "
                                          "with a letter, such as retiring_external_directors")
            if value in BY_CODE:
                raise PydanticCustomError("category", "'{value}' is a standard category: write category: {value}",
                                          {"value": value})
        return value

    @model_validator(mode="after")
    def _one_category(self) -> Allotment:
        if (self.category is None) == (self.custom_category is None):
            raise PydanticCustomError("category", "give either category (a standard one) or custom_category")
        if self.custom_category and self.description is None:
            raise PydanticCustomError("category", "a custom_category needs a description: it labels the category "
                                      "in the taxonomy")
        return self

    @property
    def key(self) -> str:
        """The category's code, standard or custom (unique within an issuance)."""
        return self.category or self.custom_category or ""
