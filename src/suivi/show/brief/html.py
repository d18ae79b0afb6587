"""The briefing as one self-contained HTML page: Jinja2 with autoescaping, the chart inline as SVG.

Why self-contained: an analyst mails the file or opens it offline; it references nothing
outside itself (no script, no web font, no remote image).
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from suivi.show.brief.common import (
    SECTIONS,
    compliance_chart,
    days_overdue,
    deadline_text,
    field_label,
    outlet,
    parties,
    status_word,
    what,
    who,
)
from suivi.show.charts import STATUS_COLOURS
from suivi.show.files import write_atomic
from suivi.views.briefing import Briefing


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("suivi.show.brief", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(SECTIONS=SECTIONS, status_word=status_word, days_overdue=days_overdue,
                       field_label=field_label, STATUS_COLOURS=STATUS_COLOURS, what=what,
                       deadline_text=deadline_text, outlet=outlet)
    env.filters["who"] = lambda item, brief: who(brief, item.agents, item.beneficiaries)
    env.filters["parties"] = lambda keys, brief: parties(brief, keys)
    env.filters["outlet"] = outlet
    env.filters["safe_url"] = lambda url: url if url and url.lower().startswith(("http://", "https://")) else None
    return env


def render(brief: Briefing, *, for_print: bool = False) -> str:
    chart = compliance_chart(brief)
    chart_uri = ("data:image/svg+xml;base64," + base64.b64encode(chart[0]).decode("ascii")) if chart else None
    css = (Path(__file__).parent / "templates" / "brief.css").read_text(encoding="utf-8")
    return _env().get_template("brief.html.j2").render(brief=brief, chart_uri=chart_uri, css=css,
                                                       for_print=for_print)


def write(brief: Briefing, path: Path) -> list[Path]:
    write_atomic(path, render(brief).encode("utf-8"))
    return [path]
