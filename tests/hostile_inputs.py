"""Hostile and broken inputs for every command but ``validate``, made on demand (small on disk).

Each :class:`Attack` writes its input into a folder and says how the command must end: the exit
code, and fragments the message must hold (the place: file, sheet, cell, line, column; and what
was expected). ``tests/test_hostile_inputs.py`` runs every one through the CLI (CliRunner, and a
real child process for a subset); ``benchmarks/hostile.py`` runs them all as child processes and
reports time and peak memory.

Bombs are built by streaming a compressor, so a 200 MB sheet costs a few hundred kB here.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "iij-2015-07-13.yaml"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MiB = 1024 * 1024

EXIT_INVALID, EXIT_USAGE, EXIT_OUTPUT = 1, 2, 3


@dataclass(frozen=True)
class Attack:
    family: str
    name: str
    command: str  # "export" or "convert"
    make: Callable[[Path], list[str]]  # writes the input into the folder; returns the arguments before -o
    exit_code: int
    says: tuple[str, ...]  # fragments the output must hold
    lead: str | None = None  # the fix is the lead's (models): the test is marked xfail with this reason
    hangs: bool = False  # without the lead's fix the input would hang: not run at all

    @property
    def id(self) -> str:
        return f"{self.family}-{self.name}"


# --- filing documents (export) -------------------------------------------------------------------


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _document(name: str, content: str | bytes | Callable[[], str | bytes]) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        data = content() if callable(content) else content
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(path)]
    return make


def _seed_with(old: str, new: str) -> Callable[[], str]:
    def text() -> str:
        seed = _seed_text()
        assert old in seed, old
        return seed.replace(old, new, 1)
    return text


def _yaml_laughs() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


DOCUMENT_ATTACKS = [
    Attack("yaml", "deep-flow", "export", _document("deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000),
           EXIT_INVALID, ("deep.yaml:1:", "nest")),
    Attack("yaml", "deep-block", "export",
           _document("deep.yaml", "".join("  " * i + f"k{i}:\n" for i in range(1_000))),
           EXIT_INVALID, ("deep.yaml:33:", "nested more than 32 levels")),
    Attack("yaml", "alias-chain", "export",
           _document("chain.yaml", "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 200))),
           EXIT_INVALID, ("chain.yaml:", "levels deep")),
    Attack("yaml", "billion-laughs", "export", _document("laughs.yaml", _yaml_laughs),
           EXIT_INVALID, ("laughs.yaml:", "more than 20,000 values")),
    Attack("yaml", "huge-integer", "export",
           _document("int.yaml", _seed_with("number_of_shares: 30200", "number_of_shares: " + "9" * 5_000)),
           EXIT_INVALID, ("int.yaml:", "5,000 digits", "at most 40")),
    Attack("yaml", "huge-scalar", "export", _document("text.yaml", "title: " + "x" * 500_000 + "\n"),
           EXIT_INVALID, ("text.yaml:1:8:", "500,000 characters", "at most 100,000")),
    Attack("yaml", "too-large-file", "export", _document("big.yaml", "# " + "x" * (3 * MiB) + "\n"),
           EXIT_INVALID, ("big.yaml", "at most 1,048,576")),
    Attack("yaml", "nul", "export", _document("nul.yaml", _seed_with("title:", "ti\x00tle:")),
           EXIT_INVALID, ("nul.yaml:", "U+0000")),
    Attack("yaml", "bell", "export", _document("bell.yaml", _seed_with("title:", "title: \x07")),
           EXIT_INVALID, ("bell.yaml:", "U+0007")),
    Attack("yaml", "escaped-control", "export", _document("esc.yaml", 'title: "a\\x1bb"\n'),
           EXIT_INVALID, ("esc.yaml:1:8:", "U+001B")),
    Attack("yaml", "duplicate-key", "export", _document("dup.yaml", lambda: _seed_text() + "title: again\n"),
           EXIT_INVALID, ("dup.yaml:", "'title' is written twice", "on line")),
    Attack("yaml", "not-utf8", "export", _document("latin.yaml", "title: caf\xe9\n".encode("latin-1")),
           EXIT_INVALID, ("latin.yaml:1:", "not UTF-8")),
    Attack("yaml", "python-object", "export",
           _document("obj.yaml", "title: !!python/object/apply:os.system ['true']\n"),
           EXIT_INVALID, ("obj.yaml:1:", "YAML syntax error")),
    Attack("yaml", "binary", "export", _document("bin.yaml", bytes(range(256)) * 4),
           EXIT_INVALID, ("bin.yaml:2:118:", "not UTF-8")),
    Attack("yaml", "empty", "export", _document("empty.yaml", ""), EXIT_INVALID, ("empty.yaml", "expected a mapping")),
    Attack("json", "deep", "export", _document("deep.json", "[" * 100_000 + "]" * 100_000),
           EXIT_INVALID, ("deep.json:1:33:", "nested more than 32 levels")),
    Attack("json", "huge-integer", "export", _document("int.json", '{"title": ' + "9" * 5_000 + "}"),
           EXIT_INVALID, ("int.json:1:11:", "5,000 digits")),
    Attack("json", "escaped-nul", "export", _document("nul.json", '{"title": "a\\u0000b"}'),
           EXIT_INVALID, ("nul.json:1:11:", "U+0000")),
    Attack("json", "raw-control", "export", _document("ctl.json", '{"title": "a\x01b"}'),
           EXIT_INVALID, ("ctl.json:1:13:", "U+0001")),
    Attack("json", "lone-surrogate", "export", _document("sur.json", '{"title": "a\\ud800b"}'),
           EXIT_INVALID, ("sur.json:1:",)),
    Attack("json", "duplicate-key", "export", _document("dup.json", '{"title": "a",\n "title": "b"}'),
           EXIT_INVALID, ("dup.json:2:2:", "on line 1 and on line 2")),
    Attack("json", "syntax", "export", _document("bad.json", '{\n  "title": "x",\n  "issuer": {,}\n}'),
           EXIT_INVALID, ("bad.json:3:14:", "JSON syntax error")),
    Attack("models", "rights-with-two-numbers", "export",
           _document("unit.yaml", _seed_with("number_of_rights: 151", 'number_of_rights: "151個 and 3"')),
           EXIT_INVALID, ("unit.yaml:", "number_of_rights", "more than one number")),
    Attack("models", "billion-digit-exponent", "export",
           _document("exp.yaml", _seed_with("number_of_rights: 151", "number_of_rights: 1e1000000000")),
           EXIT_INVALID, ("exp.yaml:", "number_of_rights")),
]


# --- workbooks (convert) -------------------------------------------------------------------------


def seed_workbook() -> bytes:
    """A layout-a register holding the seed notice (one issuance; converts cleanly)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_spreadsheet_support import seed_row, sheet_rows

    from exporter.sources.spreadsheet.template import workbook_bytes

    return workbook_bytes([("Register", sheet_rows([seed_row()]))])


SHEET = "xl/worksheets/sheet1.xml"


def rezip(data: bytes, replace: dict[str, bytes | Iterable[bytes]] | None = None,
          compression: int = zipfile.ZIP_DEFLATED, extra: dict[str, bytes] | None = None) -> bytes:
    """``data`` (a zip) with members replaced (a member may be given as chunks, compressed as they come)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            content = (replace or {}).get(info.filename, source.read(info.filename))
            if isinstance(content, bytes):
                target.writestr(info.filename, content)
                continue
            streamed = zipfile.ZipInfo(info.filename)
            streamed.compress_type = compression
            with target.open(streamed, "w", force_zip64=True) as stream:
                for chunk in content:
                    stream.write(chunk)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def seed_sheet() -> bytes:
    return zipfile.ZipFile(io.BytesIO(seed_workbook())).read(SHEET)


def _with_sheet(change: Callable[[bytes], bytes | Iterable[bytes]], **rezip_args: object
                ) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        base = seed_workbook()
        sheet = zipfile.ZipFile(io.BytesIO(base)).read(SHEET)
        path = folder / "register.xlsx"
        path.write_bytes(rezip(base, {SHEET: change(sheet)}, **rezip_args))  # type: ignore[arg-type]
        return [str(path)]
    return make


def _number_cell(sheet: bytes, new_value: bytes) -> bytes:
    """The sheet with the number of rights (151) replaced by ``new_value`` in its number cell."""
    changed, count = re.subn(rb'(<c r="[A-Z]+2" t="n"><v>)151(</v>)', rb"\g<1>" + new_value + rb"\g<2>", sheet)
    assert count == 1
    return changed


def _doctype(declaration: bytes, reference: bytes = b"") -> Callable[[bytes], bytes]:
    def change(sheet: bytes) -> bytes:
        sheet = sheet.replace(b"<worksheet", b"<!DOCTYPE worksheet " + declaration + b">\n<worksheet", 1)
        return sheet.replace(b"<v>151</v>", b"<v>151" + reference + b"</v>", 1)
    return change


def _padded(sheet: bytes, filler: bytes, total: int) -> Iterable[bytes]:
    """The sheet with ``total`` bytes of ``filler`` inside sheetData, as chunks (never whole in memory)."""
    head, _, tail = sheet.partition(b"</sheetData>")
    yield head
    block = filler * (MiB // len(filler))
    for _ in range(total // len(block)):
        yield block
    yield b"</sheetData>" + tail


def _shared_strings(body: Iterable[bytes]) -> Iterable[bytes]:
    yield f'<sst xmlns="{SPREADSHEET_NS}">'.encode()
    yield from body
    yield b"</sst>"


def _with_shared(body: Callable[[], Iterable[bytes]]) -> Callable[[Path], list[str]]:
    """A workbook whose sheet uses shared string 0, with the given shared-string table."""
    def make(folder: Path) -> list[str]:
        base = seed_workbook()
        sheet = _number_cell(zipfile.ZipFile(io.BytesIO(base)).read(SHEET), b"0").replace(
            b't="n"><v>0</v>', b't="s"><v>0</v>', 1)
        rels = zipfile.ZipFile(io.BytesIO(base)).read("xl/_rels/workbook.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        data = rezip(base, {SHEET: sheet, "xl/_rels/workbook.xml.rels": rels, "xl/sharedStrings.xml": b""})
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename != "xl/sharedStrings.xml":
                    target.writestr(info.filename, source.read(info.filename))
            streamed = zipfile.ZipInfo("xl/sharedStrings.xml")
            streamed.compress_type = zipfile.ZIP_DEFLATED
            with target.open(streamed, "w", force_zip64=True) as stream:
                for chunk in _shared_strings(body()):
                    stream.write(chunk)
        path = folder / "register.xlsx"
        path.write_bytes(out.getvalue())
        return [str(path)]
    return make


def _corrupt(compression: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        data = bytearray(rezip(seed_workbook(), compression=compression))
        at = data.find(b"PK\x03\x04", data.find(SHEET.encode()) - 40)  # the sheet's local header
        start = at + 30 + len(SHEET)
        for offset in range(start + 40, start + 200, 7):  # damage the compressed bytes, not the headers
            data[offset] ^= 0x5A
        path = folder / "register.xlsx"
        path.write_bytes(bytes(data))
        return [str(path)]
    return make


def _bad_crc(folder: Path) -> list[str]:
    data = bytearray(seed_workbook())
    index = data.find(b"PK\x01\x02")
    while index >= 0:  # the sheet's entry in the central directory: its CRC is what zipfile checks
        if data[index + 46:index + 46 + len(SHEET)] == SHEET.encode():
            data[index + 16:index + 20] = struct.pack("<I", 0x12345678)
        index = data.find(b"PK\x01\x02", index + 4)
    path = folder / "register.xlsx"
    path.write_bytes(bytes(data))
    return [str(path)]


def _encrypted(folder: Path) -> list[str]:
    data = bytearray(seed_workbook())
    index = data.find(b"PK\x01\x02")
    while index >= 0:
        data[index + 8] |= 0x01  # the "encrypted" flag in every directory entry
        index = data.find(b"PK\x01\x02", index + 4)
    path = folder / "register.xlsx"
    path.write_bytes(bytes(data))
    return [str(path)]


def _many_members(folder: Path) -> list[str]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for index in range(10_050):
            target.writestr(f"m{index}", b"")
    path = folder / "register.xlsx"
    path.write_bytes(out.getvalue())
    return [str(path)]


def _raw(name: str, content: bytes | Callable[[], bytes]) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(content() if callable(content) else content)
        return [str(path)]
    return make


def _many_sheets(folder: Path) -> list[str]:
    """Twelve sheets without a header, each 30 rows of 16,000 empty cells: each part is within its
    limit, together they are not."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    count = 12
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i}"/>' for i in range(count))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(count))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("xl/workbook.xml", f'<workbook xmlns="{SPREADSHEET_NS}" xmlns:r="{rel}"><sheets>{sheets}'
                                           "</sheets></workbook>")
        target.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                                                      f'package/2006/relationships">{rels}</Relationships>')
        for i in range(count):
            row = "<row>" + "<c/>" * 16_000 + "</row>"
            target.writestr(f"xl/worksheets/sheet{i}.xml", f'<worksheet xmlns="{SPREADSHEET_NS}"><sheetData>'
                                                           f"{row * 30}</sheetData></worksheet>")
    path = folder / "register.xlsx"
    path.write_bytes(out.getvalue())
    return [str(path)]


def _deep_cell(sheet: bytes) -> bytes:
    return sheet.replace(b"<v>151</v>", b"<v>151</v>" + b"<x>" * 300 + b"</x>" * 300, 1)


def _inline(sheet: bytes, text: bytes) -> bytes:
    return re.sub(rb'<c r="([A-Z]+)2" t="n"><v>151</v></c>',
                  lambda m: b'<c r="' + m.group(1) + b'2" t="inlineStr"><is><t>' + text + b"</t></is></c>", sheet, count=1)


WORKBOOK_ATTACKS = [
    Attack("xlsx", "internal-entity", "convert",
           _with_sheet(_doctype(b'[<!ENTITY e "INJECTED">]', b"&e;")), EXIT_USAGE,
           ("register.xlsx", "sheet 'Register'", "DOCTYPE refused")),
    Attack("xlsx", "external-entity", "convert",
           _with_sheet(_doctype(b'[<!ENTITY e SYSTEM "file:///etc/passwd">]', b"&e;")), EXIT_USAGE,
           ("register.xlsx", "DOCTYPE refused")),
    Attack("xlsx", "external-dtd", "convert",
           _with_sheet(_doctype(b'SYSTEM "http://127.0.0.1:9/x.dtd"')), EXIT_USAGE,
           ("register.xlsx", "DOCTYPE refused")),
    Attack("xlsx", "whitespace-bomb", "convert", _with_sheet(lambda s: _padded(s, b" ", 200 * MiB)), EXIT_USAGE,
           ("register.xlsx", "sheet 'Register'", "more than 134,217,728 bytes")),
    Attack("xlsx", "element-bomb", "convert", _with_sheet(lambda s: _padded(s, b"<c/>", 16 * MiB)), EXIT_USAGE,
           ("register.xlsx", "more than 2,000,000 elements")),
    Attack("xlsx", "many-sheets", "convert", _many_sheets, EXIT_USAGE,
           ("register.xlsx", "the parts read so far hold more than 4,000,000 elements")),
    Attack("xlsx", "60000-rows", "convert", _with_sheet(lambda s: _padded(s, b"<row/>", MiB)), EXIT_USAGE,
           ("register.xlsx", "sheet 'Register'", "more than 50,000 rows")),
    Attack("xlsx", "deep-cell", "convert", _with_sheet(_deep_cell), EXIT_USAGE, ("register.xlsx", "sheet 'Register'")),
    Attack("xlsx", "long-shared-string", "convert",
           _with_shared(lambda: [b"<si><t>", b"A" * MiB, b"</t></si>"]), EXIT_USAGE,
           ("register.xlsx", "sharedStrings.xml", "longer than 32,767 characters")),
    Attack("xlsx", "10-million-character-string", "convert",
           _with_shared(lambda: [b"<si><t>", *[b"A" * MiB] * 12, b"</t></si>"]), EXIT_USAGE,
           ("register.xlsx", "sharedStrings.xml", "longer than the XML reader allows")),
    Attack("xlsx", "shared-string-count", "convert",
           _with_shared(lambda: [b"<si/>" * 100_000] * 4), EXIT_USAGE,
           ("register.xlsx", "more than 300,000 shared strings")),
    Attack("xlsx", "shared-string-index", "convert",
           _with_sheet(lambda s: _number_cell(s, b"7").replace(b't="n"><v>7<', b't="s"><v>7<', 1)), EXIT_USAGE,
           ("register.xlsx", "sheet 'Register'", "cell ", "shared string")),
    Attack("xlsx", "number-abc", "convert", _with_sheet(lambda s: _number_cell(s, b"abc")), EXIT_USAGE,
           ("register.xlsx", "sheet 'Register'", "cell ", "expected a number", "'abc'")),
    Attack("xlsx", "number-nan", "convert", _with_sheet(lambda s: _number_cell(s, b"NaN")), EXIT_USAGE,
           ("sheet 'Register'", "expected a number", "'NaN'")),
    Attack("xlsx", "number-infinite", "convert", _with_sheet(lambda s: _number_cell(s, b"1e999")), EXIT_USAGE,
           ("sheet 'Register'", "expected a finite number")),
    Attack("xlsx", "number-5000-digits", "convert", _with_sheet(lambda s: _number_cell(s, b"9" * 5_000)),
           EXIT_USAGE, ("sheet 'Register'", "expected a number", "(5,000 characters)")),
    Attack("xlsx", "long-inline-text", "convert", _with_sheet(lambda s: _inline(s, b"B" * 100_000)), EXIT_USAGE,
           ("sheet 'Register'", "more than 32,767 characters")),
    Attack("xlsx", "far-column", "convert",
           _with_sheet(lambda s: s.replace(b"</row></sheetData>", b'<c r="XFD2" t="n"><v>1</v></c></row></sheetData>')),
           EXIT_USAGE, ("sheet 'Register'", "cell XFD2", "beyond column AMJ")),
    Attack("xlsx", "bad-reference", "convert",
           _with_sheet(lambda s: s.replace(b'<c r="A2"', b'<c r="2A"', 1)), EXIT_USAGE,
           ("sheet 'Register'", "is not a cell such as B7")),
    Attack("xlsx", "corrupt-deflate", "convert", _corrupt(zipfile.ZIP_DEFLATED), EXIT_USAGE,
           ("register.xlsx", "damaged")),
    Attack("xlsx", "corrupt-lzma", "convert", _corrupt(zipfile.ZIP_LZMA), EXIT_USAGE, ("register.xlsx", "damaged")),
    Attack("xlsx", "corrupt-bzip2", "convert", _corrupt(zipfile.ZIP_BZIP2), EXIT_USAGE, ("register.xlsx", "damaged")),
    Attack("xlsx", "bad-crc", "convert", _bad_crc, EXIT_USAGE, ("register.xlsx", "damaged")),
    Attack("xlsx", "encrypted", "convert", _encrypted, EXIT_USAGE, ("register.xlsx", "encrypted", "password")),
    Attack("xlsx", "10050-members", "convert", _many_members, EXIT_USAGE,
           ("register.xlsx", "10,050 entries", "at most 10,000")),
    Attack("xlsx", "not-a-zip", "convert", _raw("register.xlsx", b"name,code\nACME,1301\n"), EXIT_USAGE,
           ("register.xlsx", "not a readable .xlsx workbook")),
    Attack("xlsx", "truncated", "convert", _raw("register.xlsx", lambda: seed_workbook()[:2_000]), EXIT_USAGE,
           ("register.xlsx", "not a readable .xlsx workbook")),
    Attack("xlsx", "no-workbook-part", "convert",
           _raw("register.xlsx", lambda: rezip(seed_workbook(), extra={"x": b""}).replace(b"xl/workbook.xml",
                                                                                       b"xl/workbook.xmX")),
           EXIT_USAGE, ("register.xlsx",)),
]


# --- CSV (convert) -----------------------------------------------------------------------------


def seed_csv_rows() -> list[list[str]]:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_spreadsheet_support import seed_row, sheet_rows

    return [["" if v is None else str(v) for v in row] for row in sheet_rows([seed_row()])]


def _csv(change: Callable[[list[list[str]]], list[list[str]]] = lambda rows: rows, *, newline: str = "\r\n",
         raw: Callable[[bytes], bytes] = lambda data: data) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        import csv

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=newline).writerows(change(seed_csv_rows()))
        path = folder / "register.csv"
        path.write_bytes(raw(buffer.getvalue().encode("utf-8")))
        return [str(path)]
    return make


def _cell(text: str, column: int = 3) -> Callable[[list[list[str]]], list[list[str]]]:
    def change(rows: list[list[str]]) -> list[list[str]]:
        rows[1][column] = text
        return rows
    return change


CSV_ATTACKS = [
    Attack("csv", "nul", "convert", _csv(_cell("a\x00b")), EXIT_USAGE, ("register.csv:2:", "U+0000")),
    Attack("csv", "escape-character", "convert", _csv(_cell("a\x1b[31mred")), EXIT_USAGE,
           ("register.csv:2:", "U+001B")),
    Attack("csv", "c1-control", "convert", _csv(_cell("a\x85b")), EXIT_USAGE, ("register.csv:2:", "U+0085")),
    Attack("csv", "no-line-breaks", "convert", _raw("register.csv", b"a," * (3 * MiB)), EXIT_USAGE,
           ("register.csv:1:", "longer than 4,194,304 bytes")),
    Attack("csv", "unclosed-quote", "convert",
           _csv(raw=lambda data: data + b"\"" + b"xxxxx\r\n" * 30_000), EXIT_USAGE,
           ("register.csv", "record 3", "closing quote")),
    Attack("csv", "60000-lines", "convert", _csv(raw=lambda data: data + b"x\r\n" * 60_000), EXIT_USAGE,
           ("register.csv", "60,002 lines", "at most 50,000")),
    Attack("csv", "2000-columns", "convert", _csv(lambda rows: [*rows, ["x"] * 2_000]), EXIT_USAGE,
           ("register.csv", "record 3 has 2,000 fields")),
    Attack("csv", "40000-char-cell", "convert", _csv(_cell("T" * 40_000)), EXIT_USAGE,
           ("register.csv", "record 2", "40,000 characters", "at most 32,767")),
    Attack("csv", "utf-16", "convert", _csv(raw=lambda data: data.decode().encode("utf-16")), EXIT_USAGE,
           ("register.csv", "UTF-16")),
    Attack("csv", "mixed-encodings", "convert",
           _csv(raw=lambda data: "株式会社\r\n".encode() + data + b"x\r\n" * MiB + "株式会社,".encode("cp932") + b"\r\n"),
           EXIT_USAGE,
           ("register.csv", "mixes utf-8 and cp932")),
]

# Inputs that must be *accepted*: the fixes must not refuse what a person would write.
ACCEPTED = [
    Attack("csv", "cr-only", "convert", _csv(newline="\r"), 0, ("1 of 1 issuances converted",)),
    Attack("csv", "lf-only", "convert", _csv(newline="\n"), 0, ("1 of 1 issuances converted",)),
    Attack("xlsx", "seed", "convert", _raw("register.xlsx", seed_workbook), 0, ("1 of 1 issuances converted",)),
    Attack("yaml", "seed", "export", _document("seed.yaml", _seed_text), 0, ("written, valid",)),
]

ATTACKS = DOCUMENT_ATTACKS + WORKBOOK_ATTACKS + CSV_ATTACKS
