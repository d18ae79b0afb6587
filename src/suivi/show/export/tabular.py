"""Commitments as CSV (one row each, for a spreadsheet, editable and re-importable) and as
JSON Lines (one object each, with every mention and status change).

Why cells are defused: a spreadsheet runs a cell that starts with = + - @ (or a tab or
carriage return) as a formula, and article text is untrusted — "=HYPERLINK(...)" in a quoted
sentence must stay text. Such cells get a leading apostrophe (OWASP's advice), which
`suivi import` removes again.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from sqlalchemy import Connection

from suivi.show.export import Exporter, register_exporter
from suivi.views.dataset import Selection
from suivi.views.register import RegisterItem

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "id", "key", "agents", "beneficiaries", "action", "sector", "deadline", "deadline_precision", "recurrence",
    "modality", "status", "overdue", "status_date", "review", "first_seen", "story_id", "outlets", "n_mentions",
    "evidence", "mentions", "sources", "status_evidence",
]
# Left empty on export; an analyst fills them in and `suivi import` applies them.
REVIEW_COLUMNS = ["decision", "new_status", "note", "source_url"]
EDITABLE = ("agents", "beneficiaries", "deadline", "action", "sector")


def defuse(value: Any) -> str:
    """A cell's text, made inert for spreadsheets."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def restore(cell: str) -> str:
    """The text `defuse` protected (what an analyst sees, without the apostrophe)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def _mentions(selection: Selection, item: RegisterItem) -> list[dict[str, Any]]:
    out = []
    for m in item.mentions:
        art = selection.articles.get(m["article_id"], {})
        out.append({**m, "outlet": art.get("outlet"), "title": art.get("title"), "url": art.get("url")})
    return out


def _row(selection: Selection, item: RegisterItem) -> list[str]:
    mentions = _mentions(selection, item)
    applied = [c for c in item.status_changes if c["applied"]]
    evidence = next((c["sentence"] or c["note"] for c in reversed(applied) if c["sentence"] or c["note"]), None)
    values = {
        **{k: getattr(item, k) for k in COLUMNS if hasattr(item, k)},
        "agents": ", ".join(item.agents), "beneficiaries": ", ".join(item.beneficiaries),
        "outlets": ", ".join(item.outlets),
        "mentions": "\n".join(f"{m['published'] or '?'} {m['outlet'] or 'article ' + str(m['article_id'])}: "
                              f"{' '.join((m['evidence'] or '').split())}" for m in mentions),
        "sources": "\n".join(sorted({m["url"] for m in mentions if m["url"]})),
        "status_evidence": evidence,
    }
    return [defuse(values.get(c)) for c in COLUMNS] + [""] * len(REVIEW_COLUMNS)


def write_csv(_conn: Connection, selection: Selection, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS + REVIEW_COLUMNS)
    for item in selection.items:
        writer.writerow(_row(selection, item))
    text.flush()
    text.detach()
    return len(selection.items)


def write_jsonl(_conn: Connection, selection: Selection, out: BinaryIO) -> int:
    for item in selection.items:
        data = item.to_json()
        data["mentions"] = _mentions(selection, item)
        data["names"] = {k: selection.name(k) for k in (*item.agents, *item.beneficiaries)}
        data["as_of"] = selection.as_of.isoformat()
        out.write((json.dumps(data, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
    return len(selection.items)


register_exporter(Exporter("csv", ".csv", "commitments, one row each (mentions, statuses; re-importable reviews)",
                           write_csv))
register_exporter(Exporter("jsonl", ".jsonl", "commitments as JSON Lines, with every mention and status change",
                           write_jsonl))
