"""What ``tag`` writes: the command, Arelle's verdict, formats read back by Arelle, and the review page in Chromium."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from arelle import FunctionIxt
from click.testing import CliRunner
from lxml import etree
from tag_notices import ALL, EN_TRANCHES, JA_RESTRICTED, SEED_LIKE

from exporter.arelle_adapter import run_arelle_in_subprocess
from exporter.cli import main
from exporter.tag import render_tagged

REPO = Path(__file__).resolve().parents[1]
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
SEED_DATA = REPO / "samples" / "iij-2015-07-13.yaml"


def test_the_command_writes_every_file_and_keeps_identical_ones(tmp_path):
    notice = SEED_LIKE.write(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out")])
    assert first.exit_code == 0, first.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["seed-like-review.html", "seed-like-tagged.html", "seed-like.draft.yaml", "seed-like.xbrl"]
    again = runner.invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out")])
    assert again.exit_code == 0 and "(unchanged)" in again.output
    with_data = runner.invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(SEED_DATA)])
    assert with_data.exit_code == 1 and "--force" in with_data.output
    forced = runner.invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(SEED_DATA), "--force"])
    assert forced.exit_code == 0, forced.output


def test_the_command_names_both_numbers_of_a_contradiction(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text(SEED_LIKE.text.replace("JPY369,200", "JPY369,000"), encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(notice), "-o", str(tmp_path / "out"), "--data", str(SEED_DATA)])
    assert result.exit_code == 1
    assert "369,200" in result.output and "369,000" in result.output and "nothing written" in result.output
    assert not (tmp_path / "out").exists()


def test_the_command_runs_in_a_real_process(tmp_path):
    script = shutil.which("disclosure-exporter", path=str(Path(__import__("sys").executable).parent))
    assert script is not None
    notice = JA_RESTRICTED.write(tmp_path)
    done = subprocess.run([script, "tag", str(notice), "-o", str(tmp_path / "out"), "--lang", "ja"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "facts tagged in place" in done.stderr
    assert (tmp_path / "out" / "minato-restricted-tagged.html").is_file()


def _facts_by_context(instance: bytes) -> dict[tuple[str, str], str]:
    root = etree.fromstring(instance)
    return {(etree.QName(e).localname, e.get("contextRef")): e.text or "" for e in root if e.get("contextRef")}


@pytest.mark.parametrize("notice", ALL, ids=lambda n: n.name)
def test_every_format_reads_back_with_arelles_own_transforms(notice, tmp_path):
    tagged = render_tagged(notice.write(tmp_path))
    values = _facts_by_context(tagged.files[tagged.instance_name])
    root = etree.fromstring(tagged.files[tagged.inline_name])
    checked = 0
    for element in root.iter(f"{IX}nonFraction", f"{IX}nonNumeric"):
        form = element.get("format")
        if form is None:
            continue
        text = "".join(element.itertext())
        read = FunctionIxt.tr4Functions[form.split(":")[1]](text)
        expected = values[(element.get("name").split(":")[1], element.get("contextRef"))]
        if element.tag == f"{IX}nonFraction":
            assert Decimal(read).scaleb(int(element.get("scale", "0"))) == Decimal(expected), text
        else:
            assert read == expected, text
        checked += 1
    assert checked >= len([f for f in notice.facts if f[0] != "code"]) - 1


SHARED_SEED = REPO.parent / "shared" / "seeds" / "iij-2015-07-13-stock-options.txt"


@pytest.mark.arelle
def test_arelle_finds_no_issue_in_any_tagged_notice(taxonomy_package, tmp_path):
    notices = [SEED_LIKE, JA_RESTRICTED, EN_TRANCHES, *[n for n in ALL if n.name.endswith((".html", ".docx"))]]
    if SHARED_SEED.is_file():
        notices.append(SHARED_SEED)  # the seed itself, tagged with no data
    for notice in notices:
        folder = tmp_path / notice.name
        folder.mkdir()
        tagged = render_tagged(notice if isinstance(notice, Path) else notice.write(folder))
        for name, data in tagged.files.items():
            (folder / name).write_bytes(data)
        # The instance holds the inline document's facts; one instance (the extension one) is judged too.
        for document in (tagged.inline_name, *([tagged.instance_name] if notice is EN_TRANCHES else [])):
            report = run_arelle_in_subprocess(folder / document, (taxonomy_package,))
            assert report.is_clean, (document, report.codes())
            assert report.facts


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (apt-get install chromium)")
def test_the_review_page_highlights_facts_and_untagged_figures_in_chromium(tmp_path):
    tagged = render_tagged(SEED_LIKE.write(tmp_path))
    page = tmp_path / "review.html"
    page.write_bytes(tagged.files[tagged.review_name])
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    with tempfile.TemporaryDirectory() as profile:
        shot = tmp_path / "review.png"
        done = subprocess.run([_chromium(), *flags, f"--user-data-dir={profile}", f"--screenshot={shot}",
                               "--window-size=1200,1600", page.as_uri()], capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        dom = subprocess.run([_chromium(), *flags, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(shot) as image:
        colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 24) or ()}
    assert (0xBF, 0xE3, 0xFF) in colours  # a tagged fact's highlight is on screen
    assert (0xFF, 0xC9, 0xC9) in colours  # and an untagged figure's
    rendered = etree.fromstring(dom.stdout.encode(), etree.HTMLParser())
    facts = rendered.xpath("//span[@class='fact']")
    untagged = rendered.xpath("//span[@class='untagged']")
    assert "151" in [span.text for span in facts]
    assert any(span.get("data-concept") == "NumberOfStockAcquisitionRights" for span in facts)
    assert any("line 8" in span.get("title", "") for span in facts if span.text == "151")
    assert "1992" in [span.text for span in untagged]


def test_a_name_split_across_elements_is_one_fact_continued(tmp_path):
    notice = tmp_path / "split.html"
    notice.write_text("<html><body><p>May 7, 2025</p><p>Company name: <b>Birch</b> Harbour Inc.</p>"
                      "<h1>Notice Regarding Disposal of Treasury Shares as Restricted Stock Compensation</h1>"
                      "<p>The Company hereby announces a disposal of 1,000 shares of common stock.</p></body></html>",
                      encoding="utf-8")
    tagged = render_tagged(notice)
    root = etree.fromstring(tagged.files[tagged.inline_name])
    continuations = root.findall(f".//{IX}continuation")
    assert continuations
    start = root.find(f".//{IX}nonNumeric[@name='eqi:IssuerName']")
    assert start is not None and start.get("continuedAt") == continuations[0].get("id")
    assert _facts_by_context(tagged.files[tagged.instance_name])[("IssuerName", "I20250507")] == "Birch Harbour Inc."
