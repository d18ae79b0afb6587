"""The briefing's HTML page printed to PDF by WeasyPrint (pages numbered, table headers repeated).

WeasyPrint draws with the Debian pango/cairo libraries (`scripts/system-deps.sh`); a missing
library is reported as one line, not a traceback.
"""

from __future__ import annotations

from pathlib import Path

from suivi.errors import ConfigError
from suivi.show.brief import html
from suivi.show.files import write_atomic
from suivi.views.briefing import Briefing


def to_pdf(brief: Briefing) -> bytes:
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # the pango / harfbuzz libraries are missing
        raise ConfigError(f"cannot render PDF: {exc} (install the system libraries: scripts/system-deps.sh)") from exc
    # The page embeds its chart as a data: URI; nothing is ever fetched from elsewhere.
    local_only = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    return HTML(string=html.render(brief, for_print=True), base_url=None, url_fetcher=local_only).write_pdf()


def write(brief: Briefing, path: Path) -> list[Path]:
    write_atomic(path, to_pdf(brief))
    return [path]
