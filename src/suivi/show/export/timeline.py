"""The story timeline as TimelineJS JSON: stories, dated events and commitment deadlines.

TimelineJS renders `text.headline` and `text.text` as HTML, so every piece of article text is
escaped here; links are only http(s) URLs of the stored articles.
"""

from __future__ import annotations

import html
import json
from typing import Any, BinaryIO

from sqlalchemy import Connection

from suivi.show.export import Exporter, register_exporter
from suivi.views import dataset
from suivi.views.dataset import Selection
from suivi.views.explore import timeline


def _date(value: str | None) -> dict[str, str] | None:
    """'2025-04-03' / '2025-04' / '2025' -> TimelineJS's {year, month, day}."""
    if not value or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    keys = ("year", "month", "day")
    return {k: str(int(p)) for k, p in zip(keys, parts, strict=False) if p.isdigit()}


def _link(url: str | None, label: str) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    return html.escape(label)


def _events(conn: Connection, selection: Selection) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    story_ids = {i.story_id for i in selection.items if i.story_id is not None} if selection.filtered else None
    for s in dataset.stories(conn, story_ids):
        start = _date(s["event_date"] or min((a["published"] for a in s["articles"] if a["published"]), default=None))
        if start is None:
            continue
        items = "".join(
            f"<li>{html.escape(a['published'] or '')} — {html.escape(a['outlet'] or 'outlet not known')}: "
            f"{_link(selection.articles.get(a['article_id'], {}).get('url'), a['title'] or 'untitled')}</li>"
            for a in s["articles"])
        out.append({"unique_id": f"story-{s['id']}", "group": "stories", "start_date": start,
                    "text": {"headline": html.escape(s["label"] or f"Story {s['id']}"),
                             "text": f"<p>{len(s['articles'])} article(s)</p><ul>{items}</ul>"}})
    for n, e in enumerate(timeline(conn, selection.items, limit=100_000)):
        start = _date(e["date"])
        if start is None:
            continue
        if e["type"] == "deadline":
            status = e["status"] + (" — overdue" if e["overdue"] else "")
            out.append({"unique_id": f"deadline-{e['commitment_id']}", "group": "deadlines", "start_date": start,
                        "text": {"headline": html.escape(f"Deadline: {e['what'] or ''}"[:160]),
                                 "text": f"<p>Status as of {selection.as_of.isoformat()}: {html.escape(status)}</p>"
                                         f"<p>{html.escape(', '.join(selection.name(k) for k in e['participants']))}"
                                         "</p>"}})
        elif not selection.filtered:
            url = selection.articles.get(e["article_id"], {}).get("url")
            out.append({"unique_id": f"event-{n}", "group": "events", "start_date": start,
                        "text": {"headline": html.escape(f"{e['kind'] or 'event'}"
                                                         f"{' — ' + e['place'] if e['place'] else ''}"),
                                 "text": f"<p>{html.escape(e['what'] or '')}</p>"
                                         f"<p>{_link(url, e['outlet'] or 'source')}</p>"}})
    out.sort(key=lambda ev: tuple(int(ev["start_date"].get(k, "0")) for k in ("year", "month", "day")))
    return out


def write_timelinejs(conn: Connection, selection: Selection, out: BinaryIO) -> int:
    events = _events(conn, selection)
    doc = {"title": {"text": {"headline": "Suivi: stories, events and deadlines",
                              "text": f"<p>As of {selection.as_of.isoformat()}; {len(events)} entries.</p>"}},
           "events": events}
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(events)


register_exporter(Exporter("timelinejs", ".json", "stories, events and deadlines as a TimelineJS timeline",
                           write_timelinejs))
