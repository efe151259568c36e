"""Recipient categories: who an issuance is allotted to.

The standard categories are members of the taxonomy's RecipientCategoryAxis; each has the code
input files use, the member name, and labels. A notice naming a category outside this list (理事,
retiring external directors, four director ranks) uses a company-specific category, which becomes
a member of the filing's extension taxonomy, so two categories never collide.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.domain.kinds import token
from exporter.domain.text import Labels


@dataclass(frozen=True)
class Category:
    code: str
    label: Labels

    @property
    def member(self) -> str:
        """The taxonomy member's local name: ``executive_officers`` -> ``ExecutiveOfficersMember``."""
        return token(self.code) + "Member"


CATEGORIES: tuple[Category, ...] = (
    Category("directors", Labels("Directors", "取締役")),
    Category("outside_directors", Labels("Outside directors", "社外取締役")),
    Category("audit_committee_directors", Labels("Directors who are Audit and Supervisory Committee members",
                                                 "監査等委員である取締役")),
    Category("executive_officers", Labels("Executive officers", "執行役員")),
    Category("directors_and_executive_officers", Labels("Directors and executive officers", "取締役及び執行役員")),
    Category("corporate_auditors", Labels("Corporate auditors", "監査役")),
    Category("employees", Labels("Employees", "従業員")),
    Category("subsidiary_directors", Labels("Directors of subsidiaries", "子会社の取締役")),
    Category("subsidiary_executive_officers", Labels("Executive officers of subsidiaries", "子会社の執行役員")),
    Category("subsidiary_corporate_auditors", Labels("Corporate auditors of subsidiaries", "子会社の監査役")),
    Category("subsidiary_employees", Labels("Employees of subsidiaries", "子会社の従業員")),
    Category("subsidiary_directors_and_employees", Labels("Directors and employees of subsidiaries",
                                                          "子会社の取締役及び従業員")),
    Category("group_company_managers", Labels("Managers of group companies", "グループ会社の管理職")),
    Category("trust_account", Labels("Trust account", "信託口")),
    Category("investor", Labels("Investor (third-party allottee)", "割当予定先（投資家）")),
    Category("other", Labels("Other recipients", "その他の付与対象者")),
)

BY_CODE: dict[str, Category] = {category.code: category for category in CATEGORIES}

# The domain member of RecipientCategoryAxis, under which every category (standard or not) sits.
ALL_CATEGORIES = Category("all_recipient_categories", Labels("All recipient categories", "付与対象者合計"))
