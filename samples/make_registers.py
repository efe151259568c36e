"""Write the sample registers: the seed notice (samples/iij-2015-07-13.yaml) as spreadsheet registers.

    python samples/make_registers.py            # (re)write them next to this script
    python samples/make_registers.py --check    # exit 1 if any sample differs from what this writes

Deterministic: the same bytes every run (tests/test_spreadsheet_samples.py checks it). Each sample
exercises other cell forms, and each converts to a filing with the seed's facts:

* iij-2015-07-13-register-a-en.xlsx   layout a, English headers and texts, Excel date cells, numbers
* iij-2015-07-13-register-a-ja.xlsx   layout a, Japanese headers and texts, full-width digits, era
                                      dates, a title row above the headers, a remarks column (reported
                                      as unused)
* iij-2015-07-13-register-b-en.xlsx   layout b (Issuances + Allotments), dates as text (ISO, July 13,
                                      2015, 2015/6/26), amounts with currency marks, synonym headers
* iij-2015-07-13-register-b-ja.xlsx   layout b in Japanese, a date as an Excel serial number, era and
                                      kanji dates, no currency column (JPY from 円)
* iij-2015-07-13-register-a-ja-cp932.csv  layout a as CSV in CP932 (Shift_JIS), Japanese, era dates
* iij-2015-07-13-register-a-bilingual.xlsx  both languages side by side (language-marked headers):
                                      every fact of the seed, in both languages
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporter.sources.spreadsheet.fields import headings
from exporter.sources.spreadsheet.template import SEED, SEED_ALLOTMENTS, workbook_bytes

HERE = Path(__file__).resolve().parent
STEM = "iij-2015-07-13-register"

# The headings of the first templates (field key -> English, Japanese). The seed's registers keep
# them, as registers made then do; the registers of the other kinds use the concepts' headings.
LEGACY: dict[str, tuple[str, str]] = {
    "id": ("ID", "ID"), "title": ("Title", "表題"), "company_name": ("Company name", "会社名"),
    "securities_code": ("Securities code", "証券コード"), "lei": ("LEI", "LEI"), "isin": ("ISIN", "ISIN"),
    "market": ("Listings", "上場取引所"), "announcement_date": ("Announcement date", "公表日"),
    "series": ("Series", "名称"), "kind": ("Plan type", "種類"), "resolution_date": ("Resolution date", "決議日"),
    "determination_date": ("Determination date", "発行内容確定日"), "allotment_date": ("Allotment date", "割当日"),
    "number_of_rights": ("Number of rights", "新株予約権の数"),
    "shares_per_right": ("Shares per right", "新株予約権1個当たりの株式数"),
    "class_of_shares": ("Class of shares", "株式の種類"), "number_of_shares": ("Number of shares", "目的となる株式の数"),
    "amount_per_right": ("Amount paid per right", "1個当たりの払込金額"),
    "amount_per_share": ("Amount paid per share", "1株当たりの払込金額"), "payment_method": ("Payment method", "払込方法"),
    "exercise_price": ("Exercise price per share", "1株当たりの行使価額"), "exercise_period": ("Exercise period", "行使期間"),
    "exercise_start": ("Exercise period start", "行使期間開始日"), "exercise_end": ("Exercise period end", "行使期間終了日"),
    "exercise_conditions": ("Exercise conditions", "行使の条件"), "allotment": ("Allotment", "付与対象者の区分及び人数"),
    "total_persons": ("Number of recipients", "付与対象者の人数"), "currency": ("Currency", "通貨"),
    "aggregate_amount_paid": ("Aggregate amount paid", "払込金額の総額"),
    "aggregate_exercise_value": ("Aggregate exercise value", "行使価額の総額"),
    "aggregate_issue_value": ("Aggregate issue value", "発行価額の総額"),
}
LEGACY_ALLOTMENTS: dict[str, tuple[str, str]] = {
    "id": ("ID", "ID"), "category": ("Category", "区分"), "category_code": ("Category code", "区分コード"),
    "persons": ("Persons", "人数"), "rights": ("Rights", "新株予約権の数"),
}


def _rows(columns: list[tuple[str, str]], *rows: dict[str, Any]) -> list[list[Any]]:
    """A header row and data rows: columns are (header, field key)."""
    return [[header for header, _ in columns], *([values.get(key) for _, key in columns] for values in rows)]


def _headers(keys: list[str], lang: str) -> list[tuple[str, str]]:
    return [(LEGACY[k][0 if lang == "en" else 1], k) for k in keys]


def _concept_headers(keys: list[str], lang: str, table: str = "issuances") -> list[tuple[str, str]]:
    names = headings(table, lang)  # type: ignore[arg-type]
    return [(names[k], k) for k in keys]


COMMON = ["company_name", "securities_code", "market", "title", "announcement_date", "kind", "resolution_date",
          "determination_date", "number_of_rights", "shares_per_right", "class_of_shares", "number_of_shares",
          "amount_per_right", "amount_per_share", "payment_method"]


def register_a_en() -> bytes:
    columns = _headers([*COMMON, "allotment", "currency"], "en")
    return workbook_bytes([("Register", _rows(columns, SEED["en"]))])


def register_a_ja() -> bytes:
    columns = [*_headers([*COMMON, "allotment", "total_persons"], "ja"), ("備考", "remarks")]
    values = dict(SEED["ja"], remarks="発行内容確定の開示")
    header, data = _rows(columns, values)
    return workbook_bytes([("登録簿", [["新株予約権 発行登録簿（サンプル）"], [], header, data])])


def register_b_en() -> bytes:
    values = dict(SEED["en"], announcement_date="July 13, 2015", resolution_date="2015/6/26",
                  determination_date="2015-07-13", number_of_rights="151 rights", shares_per_right="200 shares",
                  number_of_shares="30,200 shares", amount_per_right="JPY369,200", amount_per_share="¥1,846")
    issuance_columns = [("ID", "id"), ("Issuer", "company_name"), ("Stock code", "securities_code"),
                        ("Listings", "market"), ("Title", "title"), ("Date of announcement", "announcement_date"),
                        ("Type", "kind"), ("Board resolution date", "resolution_date"),
                        ("Determination date", "determination_date"), ("Number of rights", "number_of_rights"),
                        ("Shares per right", "shares_per_right"), ("Class of shares", "class_of_shares"),
                        ("Number of shares", "number_of_shares"), ("Amount paid per right", "amount_per_right"),
                        ("Amount paid per share", "amount_per_share"), ("Payment method", "payment_method"),
                        ("Currency", "currency")]
    allotments = [["ID", "Category", "Persons", "Rights"]]
    allotments += [[a["id"], a["category"], a["persons"], a["rights"]] for a in SEED_ALLOTMENTS["en"]]
    return workbook_bytes([("Issuances", _rows(issuance_columns, values)), ("Allotments", allotments)])


def register_b_ja() -> bytes:
    values = dict(SEED["ja"], announcement_date="2015年7月13日", determination_date=42198)  # Excel serial
    columns = [("ID", "id"), *_headers(COMMON, "ja")]
    allotments = [["ID", "区分", "人数", "新株予約権の数"]]
    allotments += [[a["id"], a["category"], a["persons"], a["rights"]] for a in SEED_ALLOTMENTS["ja"]]
    return workbook_bytes([("Issuances", _rows(columns, values)), ("Allotments", allotments)])


def register_a_ja_cp932() -> bytes:
    import csv
    import io

    columns = _headers([*COMMON, "allotment", "currency"], "ja")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(_rows(columns, SEED["ja"]))
    return buffer.getvalue().encode("cp932")


def register_a_bilingual() -> bytes:
    en, ja = SEED["en"], SEED["ja"]
    columns: list[tuple[str, Any]] = []
    values: dict[str, Any] = {}
    for key in [*COMMON, "allotment"]:
        en_header, ja_header = LEGACY[key]
        if key in ("company_name", "title", "class_of_shares", "payment_method", "allotment"):
            columns += [(f"{en_header} (English)", key + ".en"), (f"{ja_header}（日本語）", key + ".ja")]
            values[key + ".en"], values[key + ".ja"] = en[key], ja[key]
        else:
            columns.append((en_header, key))
            values[key] = en[key]
    values["announcement_date"] = dt.date(2015, 7, 13)
    return workbook_bytes([("Register", _rows(columns, values))])


# --- Registers of the other kinds (made up), with the concepts' headings -------------------------------

SAKURA_EN = {"company_name": "Sakura Robotics Co., Ltd.", "securities_code": "130A", "market": "TSE Growth",
             "class_of_shares": "common stock"}
SAKURA_JA = {"company_name": "さくらロボティクス株式会社", "securities_code": "130A", "market": "東証グロース",
             "class_of_shares": "普通株式"}

SHARES_EN: list[dict[str, Any]] = [
    {"id": "RS-2025", "announcement_date": dt.date(2025, 7, 18), "notice_type": "Resolution",
     "title": "Notice Concerning the Disposal of Treasury Shares as Restricted Stock Compensation",
     "kind": "Restricted stock", "method": "Treasury shares", "resolution_date": dt.date(2025, 7, 18),
     "plan_name": "Restricted stock compensation plan", "shareholders_meeting_date": dt.date(2024, 6, 27),
     "disposal_date": dt.date(2025, 8, 12), "number_of_shares": "12,000 shares", "price_per_share": "¥2,315",
     "total_amount": "¥27,780,000", "transfer_restriction_period": "From August 12, 2025 to August 11, 2055",
     "allotment": "Directors (excluding Outside Directors): 4 persons, 8,000 shares; "
                  "Executive Officers: 5 persons, 4,000 shares"},
    {"id": "RSU-2025", "announcement_date": dt.date(2025, 8, 8),
     "title": "Notice Concerning the Issuance of New Shares as Restricted Stock Units", "kind": "RSU",
     "method": "New shares", "payment_date": dt.date(2025, 9, 1), "number_of_shares": 3000,
     "price_per_share": 2400, "total_amount": 7200000, "capital_increase": 3600000,
     "capital_reserve_increase": 3600000,
     "allotment": "Directors and Executive Officers: 5 persons, 3,000 shares"},
    {"id": "PSU-2022", "announcement_date": dt.date(2025, 8, 12), "notice_type": "Completion",
     "earlier_notice_date": dt.date(2025, 7, 18),
     "earlier_notice_title": "Notice Concerning the Disposal of Treasury Shares as Performance Share Units",
     "title": "Notice Concerning the Completion of the Disposal of Treasury Shares as Performance Share Units",
     "kind": "PSU", "method": "Treasury shares", "tranche_label": "PSU granted in FY2022",
     "resolution_date": dt.date(2025, 7, 18), "disposal_date": dt.date(2025, 8, 12), "number_of_shares": 1500,
     "price_per_share": 2500, "total_amount": 3750000, "allotment": "Executive Officers: 3 persons, 1,500 shares"},
    {"id": "BBT-2025", "announcement_date": dt.date(2025, 7, 30),
     "title": "Notice Concerning the Disposal of Treasury Shares to a Share Delivery Trust", "kind": "Trust",
     "method": "Treasury shares", "plan_name": "Board Benefit Trust (BBT)", "resolution_date": dt.date(2025, 7, 30),
     "shareholders_meeting_date": dt.date(2025, 6, 26), "disposal_date": dt.date(2025, 8, 20),
     "number_of_shares": 200000, "price_per_share": 2300, "total_amount": 460000000,
     "allottee": "Custody Bank of Japan, Ltd. (Trust E Account): 200,000 shares"},
    {"id": "TPA-2025", "announcement_date": dt.date(2025, 9, 10),
     "title": "Notice Concerning the Issuance of New Shares by Third-Party Allotment", "kind": "Third-party allotment",
     "method": "New shares", "resolution_date": dt.date(2025, 9, 10), "payment_date": dt.date(2025, 9, 26),
     "number_of_shares": 1000000, "price_per_share": 2000, "total_amount": 2000000000,
     "capital_increase": 1000000000, "capital_reserve_increase": 1000000000, "proceeds_gross": 2000000000,
     "proceeds_issue_costs": 20000000, "proceeds_net": 1980000000, "dilution_shares_outstanding": 20000000,
     "dilution_ratio": "5.00%", "allottee": "Aozora Partners L.P.: 1,000,000 shares",
     "purpose_and_reasons": "To fund the expansion of the service robot business."},
]


def register_shares_en() -> bytes:
    """Layout a, English: restricted stock, RSU (no board resolution date), PSU, a trust, a third-party allotment."""
    keys = ["id", "company_name", "securities_code", "market", "announcement_date", "notice_type",
            "earlier_notice_date", "earlier_notice_title", "title", "kind", "method", "tranche_label",
            "resolution_date", "plan_name", "shareholders_meeting_date", "payment_date", "disposal_date",
            "class_of_shares", "number_of_shares", "price_per_share", "total_amount", "capital_increase",
            "capital_reserve_increase", "transfer_restriction_period", "proceeds_gross", "proceeds_issue_costs",
            "proceeds_net", "dilution_shares_outstanding", "dilution_ratio", "allotment", "allottee",
            "purpose_and_reasons"]
    rows = [dict(SAKURA_EN, **row) for row in SHARES_EN]
    return workbook_bytes([("Register", _rows(_concept_headers(keys, "en"), *rows))])


RIGHTS_JA: list[dict[str, Any]] = [
    {"id": "SO-10", "announcement_date": "令和6年7月12日", "title": "株式報酬型ストックオプション（新株予約権）の発行に関するお知らせ",
     "kind": "株式報酬型", "resolution_date": "令和6年7月12日", "series": "第10回新株予約権", "allotment_date": "令和6年7月31日",
     "number_of_rights": "170個", "shares_per_right": "100株", "number_of_shares": "17,000株", "amount_per_right": "無償",
     "exercise_price": "1円", "exercise_period": "2024年8月1日～2054年7月31日"},
    {"id": "SO-11", "announcement_date": "令和6年7月12日", "title": "有償ストックオプション（新株予約権）の発行に関するお知らせ",
     "kind": "有償ストックオプション", "resolution_date": "令和6年7月12日", "series": "第11回新株予約権",
     "allotment_date": "令和6年8月1日", "number_of_rights": "200個", "shares_per_right": "100株",
     "number_of_shares": "20,000株", "amount_per_right": "500円", "exercise_price": "2,500円",
     "exercise_period": "2026年8月1日～2034年7月31日"},
]
RIGHTS_JA_ALLOTMENTS: list[dict[str, Any]] = [
    {"id": "SO-10", "category": "当社取締役会長", "persons": "1名", "rights": "30個"},
    {"id": "SO-10", "category": "当社取締役社長", "persons": "1名", "rights": "30個"},
    {"id": "SO-10", "category": "当社専務取締役", "persons": "2名", "rights": "40個"},
    {"id": "SO-10", "category": "当社常務取締役", "persons": "3名", "rights": "45個"},
    {"id": "SO-10", "category": "当社理事", "persons": "5名", "rights": "25個"},
    {"id": "SO-11", "category": "当社取締役（社外取締役を除く。）", "persons": "3名", "rights": "150個"},
    {"id": "SO-11", "category": "退任社外取締役", "persons": "2名", "rights": "20個"},
    {"id": "SO-11", "category": "当社従業員", "persons": "10名", "rights": "30個"},
]


def register_company_categories_ja() -> bytes:
    """Layout b, Japanese: stock options whose categories are the company's own (ranks of director, 理事, 退任)."""
    keys = ["id", "company_name", "securities_code", "market", "announcement_date", "title", "kind", "resolution_date",
            "series", "allotment_date", "number_of_rights", "shares_per_right", "class_of_shares", "number_of_shares",
            "amount_per_right", "exercise_price", "exercise_period"]
    rows = [dict(SAKURA_JA, **row) for row in RIGHTS_JA]
    allotments = _rows(_concept_headers(["id", "category", "persons", "rights"], "ja", "allotments"),
                       *RIGHTS_JA_ALLOTMENTS)
    return workbook_bytes([("発行", _rows(_concept_headers(keys, "ja"), *rows)), ("割当", allotments)])


NO_RESOLUTION_JA: list[dict[str, Any]] = [
    {"announcement_date": "2025年8月12日", "notice_type": "払込完了", "earlier_notice_date": "2025年7月18日",
     "earlier_notice_title": "譲渡制限付株式報酬としての自己株式の処分に関するお知らせ",
     "title": "譲渡制限付株式報酬としての自己株式の処分の払込完了に関するお知らせ", "kind": "譲渡制限付株式",
     "method": "自己株式処分", "disposal_date": "2025年8月12日", "number_of_shares": "12,000株",
     "price_per_share": "2,315円", "total_amount": "27,780,000円",
     "allotment": "当社の取締役（社外取締役を除く。） 4名 8,000株、当社の執行役員 5名 4,000株"},
    {"announcement_date": "2025年9月17日", "notice_type": "割当結果", "earlier_notice_date": "2025年8月29日",
     "earlier_notice_title": "第三者割当による第12回新株予約権（行使価額修正条項付）の発行に関するお知らせ",
     "title": "第三者割当による第12回新株予約権（行使価額修正条項付）の割当結果に関するお知らせ",
     "kind": "第三者割当による新株予約権", "series": "第12回新株予約権（行使価額修正条項付）", "allotment_date": "2025年9月17日",
     "number_of_rights": "37,000個", "shares_per_right": "100株", "underlying_shares": "3,700,000株",
     "amount_per_right": "1,295円", "aggregate_amount_paid": "47,915,000円", "initial_price": "2,355円",
     "floor_price": "1,649円", "no_cap": "該当", "allottee": "あおぞらキャピタル証券株式会社 37,000個"},
]


def register_no_resolution_date_ja_cp932() -> bytes:
    """Layout a as CP932 CSV, Japanese follow-up notices that print no board-resolution date."""
    import csv
    import io

    columns = [("会社名", "company_name"), ("証券コード", "securities_code"), ("公表日", "announcement_date"),
               ("お知らせの種類", "notice_type"), ("前回のお知らせの公表日", "earlier_notice_date"),
               ("前回のお知らせの表題", "earlier_notice_title"), ("表題", "title"), ("種類", "kind"),
               ("方法", "method"), ("名称", "series"), ("処分期日", "disposal_date"), ("割当日", "allotment_date"),
               ("株式の種類", "class_of_shares"), ("株式数", "number_of_shares"), ("処分価額", "price_per_share"),
               ("処分価額の総額", "total_amount"), ("新株予約権の数", "number_of_rights"),
               ("1個当たりの株式数", "shares_per_right"), ("潜在株式数", "underlying_shares"),
               ("1個当たりの払込金額", "amount_per_right"), ("新株予約権の払込金額の総額", "aggregate_amount_paid"),
               ("当初行使価額", "initial_price"), ("下限行使価額", "floor_price"), ("上限行使価額はない", "no_cap"),
               ("付与対象者", "allotment"), ("割当予定先", "allottee")]
    rows = [dict(SAKURA_JA, **row) for row in NO_RESOLUTION_JA]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(_rows(columns, *rows))
    return buffer.getvalue().encode("cp932")


SAMPLES = {
    f"{STEM}-a-en.xlsx": register_a_en,
    f"{STEM}-a-ja.xlsx": register_a_ja,
    f"{STEM}-b-en.xlsx": register_b_en,
    f"{STEM}-b-ja.xlsx": register_b_ja,
    f"{STEM}-a-ja-cp932.csv": register_a_ja_cp932,
    f"{STEM}-a-bilingual.xlsx": register_a_bilingual,
    "sakura-robotics-register-shares-en.xlsx": register_shares_en,
    "sakura-robotics-register-company-categories-ja.xlsx": register_company_categories_ja,
    "sakura-robotics-register-no-resolution-date-ja-cp932.csv": register_no_resolution_date_ja_cp932,
}
# The language each sample's texts are in (None: both), for comparing its facts with the seed's.
LANGUAGES = {f"{STEM}-a-en.xlsx": "en", f"{STEM}-a-ja.xlsx": "ja", f"{STEM}-b-en.xlsx": "en",
             f"{STEM}-b-ja.xlsx": "ja", f"{STEM}-a-ja-cp932.csv": "ja", f"{STEM}-a-bilingual.xlsx": None,
             "sakura-robotics-register-shares-en.xlsx": "en", "sakura-robotics-register-company-categories-ja.xlsx": "ja",
             "sakura-robotics-register-no-resolution-date-ja-cp932.csv": "ja"}
SEED_SAMPLES = [name for name in SAMPLES if name.startswith(STEM)]  # each gives the seed's facts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--outdir", type=Path, default=HERE)
    args = parser.parse_args()
    stale = []
    for name, make in SAMPLES.items():
        path = args.outdir / name
        data = make()
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
        elif not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path}")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python samples/make_registers.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
