"""Our own xlsx reader (exporter/sources/spreadsheet/xlsx.py) gives cells as openpyxl's read-only mode
gave them: texts (phonetic guides left out), numbers, dates by style, booleans, errors, cached formula
results; in both SpreadsheetML namespaces; and refuses what a cell cannot be, naming sheet and cell."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from exporter.sources.spreadsheet.reader import ReadError, open_register
from exporter.sources.spreadsheet.template import workbook_bytes
from exporter.sources.spreadsheet.xlsx import is_date_format

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(tmp_path: Path, sheet_data: str, *, shared: list[str] | None = None, styles: str | None = None,
             date1904: bool = False, ns: str = MAIN, shared_xml: str | None = None) -> Path:
    rels = [f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    parts = {
        "_rels/.rels": f'<Relationships xmlns="{PKG_REL}"><Relationship Id="r" Type="{REL}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{ns}" xmlns:r="{REL}"><workbookPr date1904="{int(date1904)}"/>'
                           '<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><dimension ref="A1:C9"/>'
                                    f"<sheetData>{sheet_data}</sheetData></worksheet>",
    }
    if shared is not None or shared_xml is not None:
        rels.append(f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        body = shared_xml or "".join(f"<si><t>{text}</t></si>" for text in shared or [])
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}">{body}</sst>'
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{REL}/styles" Target="/xl/styles.xml"/>')
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{ns}">{styles}</styleSheet>'
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())
    path = tmp_path / "w.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


def rows(path: Path) -> list[tuple[int, tuple[object, ...]]]:
    with open_register(path) as register:
        return list(register.rows(register.sheets[0]))


STYLES = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/>'
          "</cellXfs>")


@pytest.mark.parametrize("ns", [MAIN, STRICT])
def test_cell_kinds(tmp_path: Path, ns: str) -> None:
    path = workbook(tmp_path, (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>in</t>'
        '<r><t>line</t></r></is></c></row>'
        '<row r="3"><c r="A3"><v>30200</v></c><c r="B3"><v>1.5</v></c><c r="C3" t="b"><v>1</v></c></row>'
        '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4" t="str"><f>A1&amp;B1</f><v>joined</v></c>'
        '<c r="C4" s="3"><v>2</v></c></row>'
        '<row r="5"><c r="B5"><f>1+1</f></c></row>'
        '<row r="6"><c r="C6" s="1"><v>42198</v></c></row>'), shared=["株式会社", "x"], styles=STYLES, ns=ns)
    assert rows(path) == [
        (1, ("株式会社", "x", "inline")),
        (3, (30200, 1.5, True)),
        (4, ("#N/A", "joined", 2)),
        (5, ()),  # a formula without a cached value reads as empty
        (6, (None, None, dt.datetime(2015, 7, 13))),
    ]


def test_phonetic_guides_and_comments_are_left_out(tmp_path: Path) -> None:
    shared = ('<si><r><t>取締役</t></r><rPh sb="0" eb="3"><t>トリシマリヤク</t></rPh><phoneticPr fontId="1"/></si>'
              "<si><!-- a comment --><t>社員</t><?pi x?><rPh><t>シャイン</t></rPh></si>")
    path = workbook(tmp_path, '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
                    shared_xml=shared)
    assert rows(path) == [(1, ("取締役", "社員"))]


def test_many_rows_keep_memory_flat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are dropped from the tree as they are read: it never holds more than about a chunk's worth."""
    from exporter.safety import xml

    pulls: list[xml.XmlPull] = []
    real = xml.XmlPull

    def spy(*args: object, **kwargs: object) -> xml.XmlPull:
        pulls.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return pulls[-1]

    monkeypatch.setattr("exporter.sources.spreadsheet.xlsx.XmlPull", spy)
    path = workbook(tmp_path, "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 20_001)))
    with open_register(path) as register:
        numbers = register.rows(register.sheets[0])
        for _ in range(15_000):
            row_number, values = next(numbers)
        assert (row_number, values) == (15_000, (15_000,))
        [sheet_data] = pulls[-1]._trimmed
        assert len(sheet_data) < 3_000  # of the 15,000 rows read so far


@pytest.mark.parametrize("date1904, serial, expected", [
    (False, "42198", dt.datetime(2015, 7, 13)),
    (False, "42198.5", dt.datetime(2015, 7, 13, 12)),
    (False, "59", dt.datetime(1900, 2, 28)),
    (False, "61", dt.datetime(1900, 3, 1)),
    (False, "0.25", dt.time(6)),
    (True, "40736", dt.datetime(2015, 7, 13)),
])
def test_dates_by_style_and_epoch(tmp_path: Path, date1904: bool, serial: str, expected: object) -> None:
    path = workbook(tmp_path, f'<row r="1"><c r="A1" s="2"><v>{serial}</v></c></row>', styles=STYLES,
                    date1904=date1904)
    assert rows(path) == [(1, (expected,))]


def test_cells_without_references_follow_each_other(tmp_path: Path) -> None:
    path = workbook(tmp_path, "<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c r=\"B2\"><v>4</v></c></row>")
    assert rows(path) == [(1, (1, None, 3)), (2, (None, 4))]


@pytest.mark.parametrize("code, is_date", [
    ("yyyy-mm-dd", True), ('yyyy"年"m"月"d"日"', True), ("[$-411]ggge年m月d日", True), ("h:mm", True),
    ("0.00", False), ("#,##0", False), ('"days"0', False), ("[h]:mm", False), ("[Red]0.00", False),
    ("General", False), ("0_);[Red](0)", False), ("0.00E+00", False), ("ggge年", False),
])
def test_date_formats(code: str, is_date: bool) -> None:
    assert is_date_format(code) is is_date


def test_the_same_values_as_the_template_writer_wrote(tmp_path: Path) -> None:
    rows_written = [["Text", "数", "Date"], ["ACME", 30200, dt.date(2015, 7, 13)], [None, 1.5, True]]
    path = tmp_path / "t.xlsx"
    path.write_bytes(workbook_bytes([("Register", rows_written)]))
    assert rows(path) == [(1, ("Text", "数", "Date")), (2, ("ACME", 30200, dt.datetime(2015, 7, 13))),
                          (3, (None, 1.5, True))]


@pytest.mark.parametrize("cell, says", [
    ('<c r="B2" t="b"><v>2</v></c>', "expected 0 or 1"),
    ('<c r="B2" t="d"><v>not a date</v></c>', "expected an ISO 8601 date"),
    ('<c r="B2" s="1"><v>9999999</v></c>', "date serial"),
])
def test_impossible_cells_name_the_sheet_and_cell(tmp_path: Path, cell: str, says: str) -> None:
    path = workbook(tmp_path, f'<row r="2">{cell}</row>', styles=STYLES)
    with pytest.raises(ReadError) as caught:
        rows(path)
    assert caught.value.sheet == "Register" and caught.value.cell == "B2" and says in caught.value.message
    assert str(caught.value).startswith(f"{path}, sheet 'Register', cell B2: ")


def test_external_links_are_never_followed(tmp_path: Path) -> None:
    path = workbook(tmp_path, '<row r="1"><c r="A1"><v>1</v></c></row>')
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(b'Target="worksheets/sheet1.xml"',
                                          b'Target="file:///etc/passwd" TargetMode="External"')
            target.writestr(info, content)
    path.write_bytes(out.getvalue())
    with open_register(path) as register:
        assert register.sheets == []


def test_cells_without_references_among_cells_with_them(tmp_path: Path) -> None:
    path = workbook(tmp_path, '<row r="1"><c r="B1"/><c><v>1</v></c><c/><c><v>2</v></c><c r="G1"><v>3</v></c>'
                              "<c/><c><v>4</v></c></row>")
    assert rows(path) == [(1, (None, None, 1, None, 2, None, 3, None, 4))]


def test_a_row_past_excels_width_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path, '<row r="1">' + "<c/>" * 16_385 + "</row>")
    with pytest.raises(ReadError, match="row 1 has more than 16,384 cells"):
        rows(path)
