"""Briefings: what they say (from the views), how they escape article text, and the PDF as a
reader sees it — pages rendered to PNG by pdftoppm, sections found on them, the chart drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from suivi.show import brief as brief_show
from suivi.show.brief.common import SECTIONS
from suivi.show.charts import STATUS_COLOURS
from suivi.views import briefing
from suivi.views.register import register

SUIVI = str(Path(sys.executable).with_name("suivi"))  # the installed command, as a user runs it
START, END = date(2025, 1, 1), date(2026, 11, 22)


@pytest.fixture
def whole(show_store) -> briefing.Briefing:
    with show_store.connect() as conn:
        return briefing.build(conn, START, END)


def test_briefing_reads_the_register_views(show_store, whole: briefing.Briefing) -> None:
    with show_store.connect() as conn:
        items = register(conn, END)
    assert whole.counts["register"] == len(items)
    seen = {i.id for i in items if i.first_seen and i.first_seen <= "2026-11-22"}
    assert {i.id for i in whole.new_commitments} == seen
    assert [i.id for i in whole.overdue] == [i.id for i in sorted(
        (i for i in items if i.overdue), key=lambda i: (i.deadline is None, i.deadline or "", i.id))]
    # the analyst's decision, with its note and source, is one of the status changes
    analyst = [c for c in whole.status_changes if c.source == "analyst"]
    assert [(c.status, c.by, c.source_ref, c.date) for c in analyst] == [
        ("stalled", "alice", "https://example.org/ministry-note", "2026-10-20")]
    auto = [c for c in whole.status_changes if c.source == "auto"]
    assert auto and all(c.sentence and c.article_id for c in auto)  # read in an article: its sentence
    # the two rice reports disagree on the tonnage
    (rice,) = [d for d in whole.disagreements if d.field.startswith("figure:")]
    assert sorted(v["value"] for v in rice.values) == ["300", "500"]
    # every cited article is listed once, numbered in order
    assert [s.number for s in whole.sources] == list(range(1, len(whole.sources) + 1))
    assert len({s.article_id for s in whole.sources}) == len(whole.sources)
    for d in whole.disagreements:
        assert whole.cite([a for v in d.values for a in v["articles"]])
    parties = {c.group: c for c in whole.compliance if c.kind == "party"}
    assert {"RUS", "CHN", "MLI"} <= set(parties)


def test_period_and_party(show_store) -> None:
    with show_store.connect() as conn:
        late = briefing.build(conn, date(2026, 10, 1), END)
        china = briefing.build(conn, START, END, party="chn")
    assert {s.label for s in late.stories} >= {"Le Mali reçoit 300 tonnes de riz de la Russie"}
    assert all(s.event_date is None or s.event_date >= "2026-10" for s in late.stories)
    assert all(i.first_seen >= "2026-10-01" for i in late.new_commitments)
    assert china.party == "CHN" and china.new_commitments
    assert all("CHN" in [*i.agents, *i.beneficiaries] for i in china.new_commitments + china.overdue)
    assert {c.group for c in china.compliance if c.kind == "party"} == {"CHN"}
    with pytest.raises(Exception, match="after"):
        briefing.period(date(2026, 2, 1), date(2026, 1, 1))


def test_markdown_and_html_keep_article_text_inert(whole: briefing.Briefing, tmp_path: Path) -> None:
    md_files = brief_show.render(whole, "md", tmp_path / "b.md")
    html_files = brief_show.render(whole, "html", tmp_path / "b.html")
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert [p.name for p in md_files] == ["b.md", "b-compliance.png"] and html_files == [tmp_path / "b.html"]
    assert (tmp_path / "b-compliance.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for title in SECTIONS.values():
        assert f"## {title}" in md and f"<h2>{title}</h2>" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>" not in md and r"\<script\>alert\(" in md
    assert page.count("<script") == 0  # no script at all: the page is self-contained and inert
    assert "https://example.org/ministry-note" in page and "the loan agreement is still unsigned" in page
    assert re.search(r'<img class="chart" src="data:image/svg\+xml;base64,', page)
    assert "](b-compliance.png)" in md


def _pages(pdf: Path, folder: Path) -> list[tuple[str, Path]]:
    """(text, PNG) of every page: pdftotext reads the words, pdftoppm draws the page."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "page")], check=True, timeout=120)
    pngs = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    out = []
    for n, png in enumerate(pngs, 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
        out.append((text, png))
    return out


def _filled_blocks(png: Path, colour: str, tolerance: int = 40) -> int:
    """Rows holding a run of at least 10 pixels of `colour`: a bar of the chart, not a thin border."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    width, height = image.size
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    rows = 0
    for y in range(height):
        run = best = 0
        for x in range(width):
            r, g, b = pixels[x, y]
            if abs(r - target[0]) + abs(g - target[1]) + abs(b - target[2]) <= tolerance:
                run += 1
                best = max(best, run)
            else:
                run = 0
        rows += best >= 10
    return rows


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed (make system-deps)")
def test_pdf_pages_hold_the_sections_and_the_chart(show_db: Path, show_store, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    done = subprocess.run([SUIVI, "--db", str(show_db), "brief", "--from", "2025-01-01", "--to", "2026-11-22",
                           "--format", "pdf", "-o", str(pdf)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 2
    text = "\n".join(t for t, _ in pages)
    where = {name: next((n for n, (t, _) in enumerate(pages) if title in t), None) for name, title in SECTIONS.items()}
    assert None not in where.values(), where
    assert list(where.values()) == sorted(where.values())  # in reading order
    assert "Briefing: 2025-01-01 to 2026-11-22" in pages[0][0]
    assert f"page 1 of {len(pages)}" in pages[0][0]
    assert "300" in text and "500" in text and "ministry-note" in text
    # the chart's bars: solid blocks of the status colours on the compliance page, and nowhere else
    # (the status badges are thin outlines of the same colours, never blocks this tall)
    with show_store.connect() as conn:
        shown = briefing.build(conn, START, END).compliance
    present = {status for f in shown if f.kind == "party" for status, n in f.statuses.items() if n}
    bar_colours = {s: STATUS_COLOURS[s] for s in ("fulfilled", "in_progress", "stalled", "broken") if s in present}
    assert len(bar_colours) >= 3
    for n, (_text, png) in enumerate(pages):
        drawn = {status: _filled_blocks(png, colour) for status, colour in bar_colours.items()}
        if n == where["compliance"]:
            assert all(rows >= 8 for rows in drawn.values()), drawn  # one bar is about 10 rows at 50 dpi
        else:
            assert all(rows < 5 for rows in drawn.values()), (n, drawn)


def test_bad_requests_are_one_line_errors(show_db: Path, tmp_path: Path) -> None:
    for args, message in (
        (["--format", "docx", "-o", str(tmp_path / "b.docx")], "unknown briefing format"),
        (["--from", "2026-13-01", "-o", str(tmp_path / "b.md")], "--from '2026-13-01'"),
        (["--from", "2026-05-01", "--to", "2026-04-01", "-o", str(tmp_path / "b.md")], "after"),
    ):
        done = subprocess.run([SUIVI, "--db", str(show_db), "brief", *args], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written
