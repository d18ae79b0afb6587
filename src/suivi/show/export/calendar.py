"""Commitment deadlines as an iCalendar file (RFC 5545), one all-day event per deadline.

A deadline known to the month or the year ("by June 2026", "in 2026") falls on the last day
of that period (`follow.deadlines.deadline_end`), as the register counts it overdue.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import BinaryIO

from icalendar import Calendar, Event
from sqlalchemy import Connection

from suivi.follow import deadlines
from suivi.show.export import Exporter, register_exporter
from suivi.views.dataset import Selection


def write_ical(_conn: Connection, selection: Selection, out: BinaryIO) -> int:
    cal = Calendar()
    cal.add("prodid", "-//Suivi//commitment deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Suivi: commitment deadlines")
    stamp = datetime.now(UTC).replace(microsecond=0)
    count = 0
    for item in selection.items:
        day = deadlines.deadline_end(item.deadline)
        if day is None:
            continue
        who = ", ".join(selection.name(k) for k in item.agents) or "?"
        to = ", ".join(selection.name(k) for k in item.beneficiaries)
        what = " ".join((item.evidence or item.action or "").split())
        event = Event()
        event.add("uid", hashlib.sha256(item.key.encode("utf-8")).hexdigest()[:32] + "@suivi")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        short = what if len(what) <= 120 else what[:119].rstrip() + "…"
        event.add("summary", f"Deadline: {who}{' → ' + to if to else ''} — {short or item.action or ''}")
        urls = sorted({selection.articles[m["article_id"]]["url"] for m in item.mentions
                       if selection.articles.get(m["article_id"], {}).get("url")})
        lines = [f"Status as of {selection.as_of.isoformat()}: {item.status}{' (OVERDUE)' if item.overdue else ''}",
                 f"Deadline as reported: {item.deadline} ({item.deadline_precision or 'day'})", "", what]
        lines += ["", "Sources:", *urls] if urls else []
        event.add("description", "\n".join(lines))
        event.add("categories", [c for c in (item.status, item.sector, "overdue" if item.overdue else None) if c])
        if urls:
            event.add("url", urls[0])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
        count += 1
    out.write(cal.to_ical())
    return count


register_exporter(Exporter("ical", ".ics", "commitment deadlines as calendar events (iCalendar)", write_ical))
