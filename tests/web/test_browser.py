"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against a
real uvicorn server over the sample corpus.

Screenshots of every page at a laptop size and a phone size go to test-artifacts/screenshots/
(gitignored) for a person to look at. Skipped when Chromium or Playwright is absent.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .conftest import PASSWORD, ROOT

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("SUIVI_SCREENSHOTS", ROOT / "test-artifacts" / "screenshots"))
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions"]

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=live_server.url)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("response", lambda r: pg.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    # nothing may leave the app: every request to another origin fails the test
    pg.foreign = []
    pg.on("request", lambda req: pg.foreign.append(req.url)
          if not req.url.startswith(live_server.url) and not req.url.startswith("data:") else None)
    yield pg
    context.close()


def _ids(page):
    register = page.request.get("/api/commitments?limit=500").json()
    stories = page.request.get("/api/stories").json()["items"]
    story = max(stories, key=lambda s: (s["n_articles"], -s["id"]))["id"]
    article = register["items"][0]["id"]
    return register, story, article


def _shoot(page, name: str, ready: str | None = None) -> None:
    """Screenshots at each size; with `ready`, the page is loaded again at that size (charts fit it)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, (w, h) in SIZES.items():
        page.set_viewport_size({"width": w, "height": h})
        if ready and label != "desktop":
            page.reload()
            page.wait_for_selector(ready, timeout=10_000)
        page.wait_for_timeout(100)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=False)
    page.set_viewport_size({"width": 1366, "height": 768})


def _sign_in(page) -> None:
    page.goto("/login")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def test_every_page_opens_and_is_photographed(page):
    register, story, _ = _ids(page)
    cid = register["items"][0]["id"]
    detail = page.request.get(f"/api/commitments/{cid}").json()
    article = detail["mentions"][0]["article_id"]
    pages = {
        "overview": ("/", "h1:has-text('Overview')"),
        "register": ("/commitments", "table.register tbody tr"),
        "commitment": (f"/commitments/{cid}", ".hl-evidence"),
        "story": (f"/stories/{story}", ".side-by-side .col"),
        "article": (f"/articles/{article}", ".article-text .hl-commitment"),
        "actors": ("/actors", "table tbody tr"),
        "actor": ("/actors/RUS", "h1"),
        "network": ("/network", "#network svg circle"),
        "timeline": ("/timeline", "#timeline-chart svg"),
        "map": ("/map", "#map svg path"),
        "compliance": ("/compliance", "#compliance-chart svg rect"),
        "search": ("/search?q=Mali", "h2:has-text('Articles')"),
        "login": ("/login", "input[name=password]"),
    }
    for name, (path, ready) in pages.items():
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_selector(ready, timeout=10_000)
        _shoot(page, name, ready)
    assert page.errors == [], page.errors
    assert page.foreign == [], page.foreign
    # the map drew the states named as parties, from the shapes served by the app
    page.goto("/map")
    page.wait_for_selector("#map svg text")
    assert "MLI" in page.text_content("#map svg")


def test_filter_the_register_then_open_a_commitment(page):
    page.goto("/commitments")
    everything = page.locator("table.register tbody tr").count()
    page.select_option("select[name=party]", "RUS")
    page.click("#register-filters button[type=submit]")
    page.wait_for_url(re.compile(r".*party=RUS.*"))
    rows = page.locator("table.register tbody tr")
    assert 0 < rows.count() < everything
    for text in rows.all_inner_texts():
        assert "RUS" in text
    assert page.locator("select[name=party]").input_value() == "RUS"  # the filter stays in the form
    _shoot(page, "register-filtered")
    rows.first.locator("td a").first.click()
    page.wait_for_url(re.compile(r".*/commitments/\d+$"))
    evidence = page.locator(".mention .hl-evidence").first
    assert evidence.is_visible() and len(evidence.inner_text()) > 10
    assert page.locator(".timeline li").count() >= 1
    assert page.locator("dl.facts").inner_text().count("independent outlet") == 1


def test_sign_in_reject_a_commitment_and_see_the_audit(page):
    register, _, _ = _ids(page)
    cid = register["items"][0]["id"]
    page.goto(f"/commitments/{cid}")
    assert page.locator("form.review-form").count() == 0  # no review without signing in
    _sign_in(page)
    page.goto(f"/commitments/{cid}")
    page.fill("form.review-form >> nth=0 >> input[name=why]", "a description, not a pledge")
    page.click("form.review-form >> nth=0 >> button[value=reject]")
    page.wait_for_url(re.compile(rf".*/commitments/{cid}\?done=reject.*"))
    audit = page.locator("table.audit").inner_text()
    assert "ana" in audit and "reject" in audit and "a description, not a pledge" in audit
    assert page.locator(".badge.review-rejected").count() == 1
    _shoot(page, "commitment-rejected")
    page.goto("/commitments")
    ids = [t.strip() for t in page.locator("table.register tbody tr td:first-child").all_inner_texts()]
    assert str(cid) not in ids


def test_upload_a_file_with_progress(page, tmp_path):
    _sign_in(page)
    path = tmp_path / "accord.txt"
    path.write_text("Le Sénégal et la Gambie signent un accord sur le pont\n\nPublié le 2025-05-06\n\n"
                    "Le Sénégal financera la rénovation du pont de Farafenni d'ici juin 2026, a annoncé "
                    "le ministre sénégalais des Infrastructures à Banjul.\n", encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("input[name=file]", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-bars .bar", timeout=10_000)
    page.wait_for_selector("#upload-result:not([hidden])", timeout=120_000)
    _shoot(page, "upload")
    result = page.inner_text("#upload-result")
    assert "Done: 1 new article" in result, result
    page.click("#upload-result a")
    page.wait_for_url(re.compile(r".*/articles/\d+$"))
    assert "Farafenni" in page.inner_text(".article-text")


def test_hostile_article_stays_inert_on_every_page(page):
    hits = page.request.get("/api/search?q=carburant").json()["articles"]
    assert hits, "the hostile article is stored"
    aid = hits[0]["id"]
    article = page.request.get(f"/api/articles/{aid}").json()
    assert "<script>" in article["article"]["title"]  # stored as written
    paths = ["/", "/commitments", f"/articles/{aid}", f"/articles/{aid}/raw", "/search?q=carburant",
             "/search?q=script", "/articles", "/stories", "/timeline", "/network", "/actors"]
    story = page.request.get(f"/api/articles/{aid}").json()["story_id"]
    if story:
        paths.append(f"/stories/{story}")
    paths += [f"/commitments/{c['commitment_id']}" for c in article["commitments"] if c["commitment_id"]]
    paths.append("/commitments?q=" + "%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D9%3E")
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)
        assert page.evaluate("window.__xss") is None, path
        injected = page.evaluate("document.querySelectorAll('img[onerror], svg[onload], iframe, "
                                 "[onmouseover], script:not([src]):not([type=\"application/json\"])').length")
        assert injected == 0, path
    assert not [e for e in page.errors if "xss" in e.lower()], page.errors
    page.goto(f"/articles/{aid}")
    assert "<script>" in page.inner_text("h1")  # shown as text, not run
