"""Reading registers: streaming workbooks (whatever their declared dimensions), CSV encodings detected
block by block, row numbers as a spreadsheet shows them, and the layouts built on top."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from test_spreadsheet_support import (
    read,
    register_a,
    register_b,
    seed_b,
    seed_row,
    sheet_rows,
    write_csv,
    write_xlsx,
)

from exporter.sources.spreadsheet import reader
from exporter.sources.spreadsheet.headers import load_mapping
from exporter.sources.spreadsheet.layouts import LayoutError
from exporter.sources.spreadsheet.reader import ReadError, column_letter, open_register
from exporter.sources.spreadsheet.template import workbook_bytes


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_workbooks_are_streamed(tmp_path):
    path = register_a(tmp_path / "r.xlsx", [seed_row()] * 3000)
    with open_register(path) as register:
        rows = register.rows(register.sheets[0])
        next(rows)
        # the first row came out before the sheet was decompressed to its end
        assert register._workbook is not None and not register._workbook._archive._read_sizes.get(
            "xl/worksheets/sheet1.xml")
        assert sum(1 for _ in rows) == 3000


def test_wrong_declared_dimensions_do_not_hide_rows(tmp_path):
    data = workbook_bytes([("Register", sheet_rows([seed_row(), seed_row(), seed_row()]))])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                content = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:A1"/>', content)
            target.writestr(info, content)
    path = tmp_path / "r.xlsx"
    path.write_bytes(out.getvalue())
    _plan, records = read(path)
    assert [r.main.row for r in records] == [2, 3, 4]
    assert len(records[0].main.cells) == len(seed_row())


def test_row_numbers_skip_nothing_and_empty_rows_are_not_issuances(tmp_path):
    rows = sheet_rows([seed_row(), seed_row()])
    path = write_xlsx(tmp_path / "r.xlsx", [("Register", [rows[0], rows[1], [], [None, "  "], rows[2]])])
    _plan, records = read(path)
    assert [(r.index, r.main.row) for r in records] == [(0, 2), (1, 5)]


def test_header_row_below_title_rows(tmp_path):
    rows = sheet_rows([seed_row()])
    path = write_xlsx(tmp_path / "r.xlsx", [("Register", [["Stock option register"], [], ["as of 2015"], *rows])])
    plan, records = read(path)
    assert plan.sheets["issuances"].header_row == 4 and plan.sheets["issuances"].skipped_rows == [1, 3]
    assert records[0].main.row == 5


def test_no_header_row(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [("Register", [["a", "b"], [1, 2]])])
    with pytest.raises(LayoutError, match="no header row found in the first 20 rows of sheet 'Register'") as info:
        read(path)
    assert "'Issuer name' / '会社名'" in str(info.value)


def test_first_sheet_with_headers_is_read_and_the_others_reported(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [("Notes", [["How to fill this in"]]),
                                            ("Register", sheet_rows([seed_row()])), ("Old", [["x"]])])
    plan, records = read(path)
    assert plan.sheets["issuances"].sheet == "Register" and len(records) == 1
    assert [u["sheet"] for u in plan.unused_columns()] == ["Notes", "Old"]


def test_unused_columns_are_reported(tmp_path):
    rows = sheet_rows([dict(seed_row(), remarks="note")], headers={"remarks": "Remarks"})
    rows[0] += [None, "Internal ref"]
    rows[1] += ["value under no header", "X1"]
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Internal ref: ignore\n", encoding="utf-8")
    path = write_xlsx(tmp_path / "r.xlsx", [("Register", rows)])
    plan, _records = read(path, load_mapping(mapping))
    unused = plan.unused_columns()
    assert [(u["column"], u["header"]) for u in unused] == [("R", "Remarks"), ("T", "Internal ref"), ("S", None)]
    assert "ignored by the --map file" in unused[1]["reason"] and "rows 2" in unused[2]["reason"]


def test_mapping_applies_to_headers(tmp_path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Grant date: allotment_date\n", encoding="utf-8")
    path = register_a(tmp_path / "r.xlsx", [seed_row(grant="2015-07-31")], headers={"grant": "Grant date"})
    plan, _records = read(path, load_mapping(mapping))
    assert {"column": "R", "header": "Grant date", "field": "allotment_date", "sheet": "Register"} in plan.columns()


# --- layout b ------------------------------------------------------------------------------------


def test_layout_b_by_sheet_names_in_japanese(tmp_path):
    issuances, allotments = seed_b("ja")
    sheets = [("発行", sheet_rows(issuances, "ja")),
              ("割当", [["ID", "区分", "人数", "新株予約権の数"]] + [list(a.values()) for a in allotments])]
    plan, records = read(write_xlsx(tmp_path / "b2.xlsx", sheets))
    assert plan.layout == "b" and [r.row for r in records[0].allotments] == [2, 3]
    assert records[0].source() == {"file": str(tmp_path / "b2.xlsx"), "sheet": "発行", "rows": [2],
                                   "id": "IIJ-2015-1", "allotment_rows": {"sheet": "割当", "rows": [2, 3]}}


def test_layout_b_orphan_allotment_rows_and_rows_without_id(tmp_path):
    issuances, allotments = seed_b()
    allotments += [{"id": "NOPE", "category": "Employees", "persons": 1, "rights": 1},
                   {"id": None, "category": "Employees", "persons": 1, "rights": 1}]
    plan, records = read(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert len(records) == 1
    texts = [p.message for p in plan.problems]
    assert any("without an ID" in t for t in texts) and any("'NOPE', which no row" in t for t in texts)
    assert {p.main.row for p in plan.problems} == {4, 5}


def test_layout_b_without_id_column(tmp_path):
    issuances, allotments = seed_b()
    issuances[0].pop("id")
    with pytest.raises(LayoutError, match="has no ID column"):
        read(register_b(tmp_path / "b.xlsx", issuances, allotments))


# --- CSV -----------------------------------------------------------------------------------------

ROWS = [["会社名", "証券コード", "公表日"], ["株式会社インターネットイニシアティブ", "3774", "平成27年7月13日"],
        ["テスト", "1301", "令和元年5月1日"]]


@pytest.mark.parametrize("encoding, detected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp932", "cp932")])
def test_csv_encodings_are_detected(tmp_path, encoding, detected):
    path = write_csv(tmp_path / "r.csv", ROWS, encoding)
    with open_register(path) as register:
        assert register.encoding == detected
        assert [values for _, values in register.rows("")] == [tuple(r) for r in ROWS]


def test_csv_decided_by_the_first_non_ascii_block(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK", 16)
    rows = [["Company name", "Securities code"]] + [["ACME", "1301"]] * 5 + [["株式会社テスト", "1302"]]
    path = write_csv(tmp_path / "r.csv", rows, "cp932")
    with open_register(path) as register:
        assert register.encoding == "cp932"
        assert [values for _, values in register.rows("")][-1] == ("株式会社テスト", "1302")


def test_csv_mixing_encodings_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK", 8)
    path = tmp_path / "r.csv"
    path.write_bytes("会社名\n".encode() + b"x\n" * 10 + "株式会社\n".encode("cp932"))
    with pytest.raises(ReadError, match="mixes utf-8 and cp932"):
        open_register(path)


@pytest.mark.parametrize("data, says", [
    (b"\xff\xfeC\x00o\x00", "UTF-16"),
    (b"name\n\x80\x80\x80\n", "not UTF-8"),
])
def test_csv_undecodable(tmp_path, data, says):
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=says):
        open_register(path)


def test_csv_row_numbers_are_record_numbers(tmp_path):
    rows = [["a", "b"], ["line one\nline two", "x"], ["y", "z"]]
    path = write_csv(tmp_path / "r.csv", rows)
    with open_register(path) as register:
        assert [(n, v) for n, v in register.rows("")] == [(1, ("a", "b")), (2, ("line one\nline two", "x")),
                                                          (3, ("y", "z"))]


@pytest.mark.parametrize("name, content, says", [
    ("r.xls", b"whatever", "expected an .xlsx or .xlsm workbook or a .csv file"),
    ("r.xlsx", b"not a zip", "not a readable .xlsx workbook"),
])
def test_unreadable_files(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=says):
        open_register(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        open_register(tmp_path / "nope.xlsx")


def test_csv_layout_a_with_missing_columns(tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Company name", "Securities code", "Announcement date"],
                                          ["IIJ", "3774", "2015-07-13"]])
    plan, records = read(path)
    assert plan.format == "csv" and plan.encoding == "utf-8" and records[0].main.sheet is None
    assert {c.field for c in records[0].main.cells} == {"company_name", "securities_code", "announcement_date"}
