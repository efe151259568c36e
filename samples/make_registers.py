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

from exporter.sources.spreadsheet.headers import spec
from exporter.sources.spreadsheet.template import SEED, SEED_ALLOTMENTS, workbook_bytes

HERE = Path(__file__).resolve().parent
STEM = "iij-2015-07-13-register"


def _rows(columns: list[tuple[str, str]], values: dict[str, Any]) -> list[list[Any]]:
    """A header row and one data row: columns are (header, field key)."""
    return [[header for header, _ in columns], [values.get(key) for _, key in columns]]


def _headers(keys: list[str], lang: str) -> list[tuple[str, str]]:
    return [((spec(k).en if lang == "en" else spec(k).ja), k) for k in keys]


COMMON = ["company_name", "securities_code", "listings", "title", "announcement_date", "plan_type", "resolution_date",
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
                        ("Listings", "listings"), ("Title", "title"), ("Date of announcement", "announcement_date"),
                        ("Type", "plan_type"), ("Board resolution date", "resolution_date"),
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
        field = spec(key)
        if field.text:
            columns += [(f"{field.en} (English)", key + ".en"), (f"{field.ja}（日本語）", key + ".ja")]
            values[key + ".en"], values[key + ".ja"] = en[key], ja[key]
        else:
            columns.append((field.en, key))
            values[key] = en[key]
    values["announcement_date"] = dt.date(2015, 7, 13)
    return workbook_bytes([("Register", _rows(columns, values))])


SAMPLES = {
    f"{STEM}-a-en.xlsx": register_a_en,
    f"{STEM}-a-ja.xlsx": register_a_ja,
    f"{STEM}-b-en.xlsx": register_b_en,
    f"{STEM}-b-ja.xlsx": register_b_ja,
    f"{STEM}-a-ja-cp932.csv": register_a_ja_cp932,
    f"{STEM}-a-bilingual.xlsx": register_a_bilingual,
}
# The language each sample's texts are in (None: both), for comparing its facts with the seed's.
LANGUAGES = {f"{STEM}-a-en.xlsx": "en", f"{STEM}-a-ja.xlsx": "ja", f"{STEM}-b-en.xlsx": "en",
             f"{STEM}-b-ja.xlsx": "ja", f"{STEM}-a-ja-cp932.csv": "ja", f"{STEM}-a-bilingual.xlsx": None}


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
