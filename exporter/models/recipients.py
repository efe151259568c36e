"""Recipient categories: who the rights are allotted to.

The codes are what input files use; each is one explicit member of the taxonomy's
RecipientCategoryAxis (see ``schemas/authoring/build_taxonomy.py``, RECIPIENT_MEMBERS).
"""
from __future__ import annotations

from enum import StrEnum


class RecipientCategory(StrEnum):
    DIRECTORS = "directors"
    OUTSIDE_DIRECTORS = "outside_directors"
    AUDIT_COMMITTEE_DIRECTORS = "audit_committee_directors"
    EXECUTIVE_OFFICERS = "executive_officers"
    CORPORATE_AUDITORS = "corporate_auditors"
    EMPLOYEES = "employees"
    SUBSIDIARY_DIRECTORS = "subsidiary_directors"
    SUBSIDIARY_EXECUTIVE_OFFICERS = "subsidiary_executive_officers"
    SUBSIDIARY_CORPORATE_AUDITORS = "subsidiary_corporate_auditors"
    SUBSIDIARY_EMPLOYEES = "subsidiary_employees"
    SUBSIDIARY_DIRECTORS_AND_EMPLOYEES = "subsidiary_directors_and_employees"
    GROUP_COMPANY_MANAGERS = "group_company_managers"
    OTHER = "other"
