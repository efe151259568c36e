"""``convert`` with the derived outputs: every issuance gets its package, OIM reports and viewer in
the same all-or-nothing publication, and the viewers' one shared script is written once."""
from __future__ import annotations

import json
import zipfile

from click.testing import CliRunner
from test_spreadsheet_support import register_a, seed_row

from exporter.cli import main
from exporter.convert import REPORT_NAME
from exporter.viewer import SCRIPT_NAME, viewer_script


def test_convert_writes_each_filings_outputs_and_one_viewer_script(tmp_path):
    rows = [seed_row(announcement_date="2015-07-13", securities_code="1301"),
            seed_row(announcement_date="2015-07-14", securities_code="1302")]
    source = register_a(tmp_path / "r.xlsx", rows)
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "--jobs", "2",
                                       "--package", "--oim", "json", "--viewer"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    stems = ["1301-2015-07-13-r2", "1302-2015-07-14-r3"]
    expected = [REPORT_NAME, SCRIPT_NAME]
    for stem in stems:
        expected += [f"{stem}.xbrl", f"{stem}-en.html", f"{stem}.json", f"{stem}.xbri", f"{stem}-en-viewer.html"]
    assert names == sorted(expected)
    assert (tmp_path / "out" / SCRIPT_NAME).read_bytes() == viewer_script()
    report = json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8"))
    for stem, entry in zip(stems, report["issuances"], strict=True):
        assert entry["status"] == "ok"
        assert sorted(entry["outputs"]) == sorted([f"{stem}.xbrl", f"{stem}-en.html", f"{stem}.json",
                                                   f"{stem}.xbri", f"{stem}-en-viewer.html"])
        with zipfile.ZipFile(tmp_path / "out" / f"{stem}.xbri") as package:
            assert package.namelist() == [f"{stem}/META-INF/reportPackage.json", f"{stem}/reports/{stem}-en.html"]
