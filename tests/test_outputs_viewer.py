"""The offline viewer, opened in a real browser: headless Chromium (Debian's), driven by Playwright.

For the seed in English and in Japanese: the viewer loads from the file system with no request
leaving it, the fact count it shows equals the facts tagged in our Inline XBRL document, and
selecting a fact shows its concept's label from our taxonomy, in the viewer's language.
``UPDATE_SCREENSHOTS=1`` also writes the screenshots kept in docs/ (viewer-en.png, viewer-ja.png).

Chromium comes from the system (``.ci/run`` installs Debian's package when it runs as root); where it
is missing, the browser tests skip and say why. Playwright never downloads a browser here.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEED
from lxml import etree

from exporter.domain import concepts as c
from exporter.export import render_filing
from exporter.taxonomy.namespaces import IX
from exporter.viewer import SCRIPT_NAME, build_viewers, viewer_name, viewer_script

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@pytest.fixture(scope="module")
def viewers(tmp_path_factory, seed_filing) -> dict[str, tuple[Path, bytes]]:
    """lang -> (viewer file, our Inline XBRL document), both viewers written by one call."""
    out = tmp_path_factory.mktemp("viewer")
    rendered = {lang: render_filing(seed_filing, lang, stem=SEED.stem) for lang in ("en", "ja")}
    files = {name: data for r in rendered.values() for name, data in r.files.items()}
    built = build_viewers(files, [r.inline_name for r in rendered.values()])
    for name, data in built.items():
        (out / name).write_bytes(data)
    (out / SCRIPT_NAME).write_bytes(viewer_script())
    return {lang: (out / viewer_name(r.inline_name), r.inline) for lang, r in rendered.items()}


def _viewer_data(html: bytes) -> dict:
    """The JSON the plugin embeds in the viewer (concepts with labels, facts, ...)."""
    start = html.index(b'<script type="application/x.ixbrl-viewer+json">')
    body = html[html.index(b">", start) + 1:html.index(b"</script>", start)]
    return json.loads(body)


def _tagged_facts(inline: bytes) -> int:
    root = etree.fromstring(inline)
    return len(root.findall(f".//{{{IX}}}nonFraction")) + len(root.findall(f".//{{{IX}}}nonNumeric"))


def test_a_viewer_is_the_document_with_the_viewers_data_and_a_local_script(viewers):
    for lang, (path, inline) in viewers.items():
        html = path.read_bytes()
        assert b'<script src="ixbrlviewer.js"' in html, lang
        concepts = _viewer_data(html)["sourceReports"][0]["targetReports"][0]["concepts"]
        # our labels in both languages, whatever the document's language
        assert concepts["eqi:IssuerName"]["labels"]["std"] == {"en": c.ISSUER_NAME.label["en"],
                                                               "ja": c.ISSUER_NAME.label["ja"]}
        assert _tagged_facts(inline) == html.count(b"<ix:nonFraction") + html.count(b"<ix:nonNumeric")
    assert (path.parent / SCRIPT_NAME).read_bytes() == viewer_script()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does it as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 800})
        try:
            yield context
        finally:
            context.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_viewer_in_chromium(browser, viewers, lang, tmp_path):
    path, inline = viewers[lang]
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri() + f"?lang={lang}")  # the viewer's label language (else the browser's)
        page.wait_for_selector("div.loader", state="hidden", timeout=60_000)
        assert page.inner_text(".total-facts-value").strip() == str(_tagged_facts(inline))
        document = next(frame for frame in page.frames if frame.query_selector(".ixbrl-element"))
        document.locator('ix\\:nonnumeric[name="eqi:IssuerName"] >> visible=true').first.click(timeout=10_000)
        title = page.locator(".concept-name-title")
        title.wait_for(state="visible", timeout=10_000)
        assert title.inner_text().strip() == c.ISSUER_NAME.label[lang]
        shot = page.screenshot()
        target = REPO / "docs" / f"viewer-{lang}.png" if os.environ.get("UPDATE_SCREENSHOTS") else \
            tmp_path / f"viewer-{lang}.png"
        target.write_bytes(shot)
    finally:
        page.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith(LOCAL_SCHEMES)]
    assert requests and not outside, f"the viewer fetched {outside}"
