"""Writing registers: the ``template`` command's empty register, and byte-stable workbooks.

A template holds the header row (every field of ``fields.FIELDS``, in English or Japanese) and two
filled example rows that convert to valid filings: the seed notice (stock-compensation options of
Internet Initiative Japan, 13 July 2015) and a made-up notice of treasury shares handed to directors
and officers as restricted stock. Layout a puts the allotment in one cell; layout b adds an ``Allotments`` sheet.

Workbooks are made byte-stable (fixed zip timestamps and document properties), so writing the same
template or sample twice gives the same bytes and never counts as a change.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from exporter.sources.spreadsheet.fields import FIELDS, FieldSpec, headings

FIXED_TIME = (2015, 7, 13, 0, 0, 0)
FIXED_STAMP = "2015-07-13T00:00:00Z"

Sheet = tuple[str, Sequence[Sequence[Any]]]  # (name, rows)

# The seed notice as a register row, per language. Keys are field keys.
SEED: dict[str, dict[str, Any]] = {
    "en": {
        "id": "IIJ-2015-1",
        "title": "Notice Regarding the Terms and Conditions Concerning the Issuance of Stock-Compensation-Type "
                 "Stock Options (Stock Acquisition Rights)",
        "company_name": "Internet Initiative Japan Inc.",
        "securities_code": "3774",
        "market": "NASDAQ: IIJ; TSE1: 3774",
        "announcement_date": dt.datetime(2015, 7, 13),
        "notice_type": "Determination",
        "kind": "Stock compensation",
        "resolution_date": dt.datetime(2015, 6, 26),
        "determination_date": dt.datetime(2015, 7, 13),
        "number_of_rights": 151,
        "shares_per_right": 200,
        "class_of_shares": "common stock",
        "number_of_shares": 30200,
        "amount_per_right": 369200,
        "amount_per_share": 1846,
        "payment_method": "The Stock Acquisition Rights are allotted to Directors (excluding Part-time and Outside "
                          "Directors) and Executive Officers of IIJ by offsetting their monetary remuneration claims "
                          "against the Company and their obligations to pay for the allotment of the Stock "
                          "Acquisition Rights.",
        "allotment": "Directors (excluding Part-time and Outside Directors) of IIJ: 7 persons, 100 rights; "
                     "Executive Officers of IIJ: 11 persons, 51 rights",
        "total_persons": 18,
        "currency": "JPY",
    },
    "ja": {
        "id": "IIJ-2015-1",
        "title": "株式報酬型ストックオプション（新株予約権）の発行内容確定に関するお知らせ",
        "company_name": "株式会社インターネットイニシアティブ",
        "securities_code": "３７７４",
        "market": "ＮＡＳＤＡＱ：ＩＩＪ、ＴＳＥ１：３７７４",
        "announcement_date": "平成２７年７月１３日",
        "notice_type": "発行内容確定",
        "kind": "株式報酬型",
        "resolution_date": "平成２７年６月２６日",
        "determination_date": "平成２７年７月１３日",
        "number_of_rights": "１５１個",
        "shares_per_right": "２００株",
        "class_of_shares": "普通株式",
        "number_of_shares": "３０，２００株",
        "amount_per_right": "３６９，２００円",
        "amount_per_share": "１，８４６円",
        "payment_method": "金銭の払込みに代えて、割当対象者が当社に対して有する報酬債権と新株予約権の払込金額の払込債務とを相殺する。",
        "allotment": "当社取締役（社外取締役及び非常勤取締役を除く） ７名 １００個、当社執行役員 １１名 ５１個",
        "total_persons": "１８名",
        "currency": "JPY",
    },
}
SEED_ALLOTMENTS: dict[str, list[dict[str, Any]]] = {
    "en": [{"id": "IIJ-2015-1", "category": "Directors (excluding Part-time and Outside Directors) of IIJ",
            "persons": 7, "rights": 100},
           {"id": "IIJ-2015-1", "category": "Executive Officers of IIJ", "persons": 11, "rights": 51}],
    "ja": [{"id": "IIJ-2015-1", "category": "当社取締役（社外取締役及び非常勤取締役を除く）", "persons": "７名",
            "rights": "１００個"},
           {"id": "IIJ-2015-1", "category": "当社執行役員", "persons": "１１名", "rights": "５１個"}],
}
# The template's second row, made up: treasury shares handed to directors and officers as restricted stock.
RESTRICTED: dict[str, dict[str, Any]] = {
    "en": {
        "id": "SAKURA-2025-RS",
        "title": "Treasury shares handed out as restricted stock (Sakura Robotics)",
        "company_name": "Sakura Robotics Co., Ltd.",
        "securities_code": "130A",
        "market": "TSE Growth",
        "announcement_date": dt.datetime(2025, 7, 18),
        "kind": "Restricted stock",
        "method": "Treasury shares",
        "resolution_date": dt.datetime(2025, 7, 18),
        "disposal_date": dt.datetime(2025, 8, 12),
        "class_of_shares": "common stock",
        "number_of_shares": "12,000 shares",
        "price_per_share": "¥2,315",
        "total_amount": "¥27,780,000",
        "transfer_restriction_period": "From August 12, 2025 to August 11, 2055",
        "allotment": "Directors (excluding Outside Directors): 4 persons, 8,000 shares; "
                     "Executive Officers: 5 persons, 4,000 shares",
    },
    "ja": {
        "id": "SAKURA-2025-RS",
        "title": "譲渡制限付株式として役員に交付する自己株式について",
        "company_name": "さくらロボティクス株式会社",
        "securities_code": "130A",
        "market": "東証グロース",
        "announcement_date": "令和７年７月１８日",
        "kind": "譲渡制限付株式",
        "method": "自己株式処分",
        "resolution_date": "令和７年７月１８日",
        "disposal_date": "令和７年８月１２日",
        "class_of_shares": "普通株式",
        "number_of_shares": "１２，０００株",
        "price_per_share": "２，３１５円",
        "total_amount": "２７，７８０，０００円",
        "transfer_restriction_period": "2025年8月12日～2055年8月11日",
        "allotment": "当社の取締役（社外取締役を除く。） ４名 ８，０００株、当社の執行役員 ５名 ４，０００株",
    },
}
RESTRICTED_ALLOTMENTS: dict[str, list[dict[str, Any]]] = {
    "en": [{"id": "SAKURA-2025-RS", "category": "Directors (excluding Outside Directors)", "persons": 4,
            "shares": 8000},
           {"id": "SAKURA-2025-RS", "category": "Executive Officers", "persons": 5, "shares": 4000}],
    "ja": [{"id": "SAKURA-2025-RS", "category": "当社の取締役（社外取締役を除く。）", "persons": "４名",
            "shares": "８，０００株"},
           {"id": "SAKURA-2025-RS", "category": "当社の執行役員", "persons": "５名", "shares": "４，０００株"}],
}


def fields_for(table: str, layout: str) -> list[FieldSpec]:
    found = [f for f in FIELDS if f.table == table]
    if table == "issuances" and layout == "b":
        found = [f for f in found if f.key not in ("allotment", "allottee")]
    return found


def header_row(fields: Iterable[FieldSpec], lang: str) -> list[str]:
    names = {table: headings(table, lang) for table in ("issuances", "allotments")}
    return [names[f.table][f.key] for f in fields]


def template_sheets(lang: str, layout: str = "a") -> list[Sheet]:
    """The template's sheets: headers and two example rows (the seed, and a restricted stock disposal)."""
    issuance_fields = fields_for("issuances", layout)
    examples = (SEED[lang], RESTRICTED[lang])
    issuances: list[list[Any]] = [header_row(issuance_fields, lang),
                                  *([example.get(f.key) for f in issuance_fields] for example in examples)]
    if layout == "a":
        return [("Register" if lang == "en" else "登録簿", issuances)]
    allotment_fields = fields_for("allotments", "b")
    allotments: list[list[Any]] = [header_row(allotment_fields, lang)]
    allotments += [[row.get(f.key) for f in allotment_fields]
                   for row in (*SEED_ALLOTMENTS[lang], *RESTRICTED_ALLOTMENTS[lang])]
    return [("Issuances", issuances), ("Allotments", allotments)]


def workbook_bytes(sheets: list[Sheet], *, date_format: str = "yyyy-mm-dd") -> bytes:
    """An .xlsx workbook of the given sheets; the first row of each is a bold header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets:
        worksheet = workbook.create_sheet(name)
        for row in rows:
            worksheet.append(list(row))
        for cell in worksheet[1] if rows else ():
            cell.font = Font(bold=True)
        for column in worksheet.iter_cols():
            for cell in column:
                if isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = date_format
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            worksheet.column_dimensions[column[0].column_letter].width = min(max(width, 8), 60)
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """Rewrite an .xlsx so that it does not depend on when it was made."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                                 rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def template_bytes(lang: str = "en", layout: str = "a") -> bytes:
    return workbook_bytes(template_sheets(lang, layout))
