"""Briefings: what an analyst sends as is — Markdown, HTML, or PDF rendered from the HTML.

    markdown   the briefing as Markdown (+ the chart as a PNG beside it)
    html       the briefing as one self-contained HTML page (Jinja2, autoescaped; chart as SVG)
    pdf        the HTML page printed by WeasyPrint

Why the PDF comes from the HTML: one layout to keep true, printed by a real engine that
paginates, repeats table headers and numbers pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from suivi.errors import ConfigError
from suivi.views.briefing import Briefing

FORMATS = ("md", "html", "pdf")


def format_of(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file name says."""
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    chosen = {"markdown": "md", "htm": "html"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise ConfigError(f"unknown briefing format {chosen or '(none)'!r}: use --format md, html or pdf")
    return chosen


def render(brief: Briefing, fmt: str, path: Path) -> list[Path]:
    """Write the briefing to `path` in `fmt`; returns every file written."""
    from suivi.show.brief import html, markdown, pdf

    writers: dict[str, Callable[[Briefing, Path], list[Path]]] = {
        "md": markdown.write, "html": html.write, "pdf": pdf.write,
    }
    return writers[fmt](brief, path)
