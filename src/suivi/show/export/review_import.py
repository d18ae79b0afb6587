"""`suivi import FILE.csv`: an analyst's reviewed CSV export, applied in bulk through the audit trail.

The analyst fills the review columns of a `suivi export --format csv` file — `decision`
(confirm or reject), `new_status` (with `note` and `source_url`) — and may correct the
editable cells (agents, beneficiaries, deadline, action, sector). Each change goes through
`suivi.follow.review` exactly as `suivi review ...` would: a decision kept against the
commitment's key (re-applied after any re-run) and an audit entry naming the analyst.

Why all or nothing: a file with one bad row (an unknown status, a commitment that no longer
exists) is refused whole, every bad row listed, so an analyst never wonders which half went in.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import review
from suivi.follow.lifecycle import get_lifecycle
from suivi.show.export.tabular import EDITABLE, restore
from suivi.views.register import build

_DEADLINE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DECISIONS = {"confirm": "confirm", "confirmed": "confirm", "reject": "reject", "rejected": "reject"}


@dataclass
class Action:
    row: int
    commitment_id: int
    key: str
    action: str  # confirm | reject | set_status | edit
    values: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Plan:
    actions: list[Action] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    rows: int = 0


def _keys(cell: str) -> list[str]:
    return [k.strip().upper() if ":" not in k else k.strip() for k in re.split(r"[,;\s]+", cell) if k.strip()]


def read_rows(data: bytes) -> list[dict[str, str]]:
    """Rows of the CSV (UTF-8, with or without BOM; comma or semicolon as a spreadsheet saved it)."""
    text = data.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    return [{k: restore(v or "") for k, v in row.items() if k} for row in reader]


def plan(conn: Connection, rows: list[dict[str, str]], as_of: date | None = None) -> Plan:
    """What the file asks for, checked against the store; nothing is written."""
    out = Plan(rows=len(rows))
    if rows and "key" not in rows[0]:
        out.errors.append((1, "no 'key' column: import a file made by `suivi export --format csv`"))
        return out
    items = {i.key: i for i in build(conn, as_of or date.today())}
    statuses = get_lifecycle().statuses
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        key = row.get("key", "").strip()
        if not key:
            out.errors.append((n, "empty key"))
            continue
        item = items.get(key)
        if item is None:
            out.errors.append((n, f"no commitment with key {key} in this store"))
            continue
        decision = row.get("decision", "").strip().lower()
        if decision:
            if decision not in _DECISIONS:
                out.errors.append((n, f"decision {decision!r}: write confirm or reject"))
            else:
                out.actions.append(Action(n, item.id, key, _DECISIONS[decision], {"why": row.get("note") or None}))
        edits: dict[str, Any] = {}
        for column in EDITABLE:
            if column not in row:
                continue
            cell = row[column].strip()
            if column in ("agents", "beneficiaries"):
                wanted = _keys(cell)
                if sorted(wanted) != sorted(getattr(item, column)):
                    edits[column] = wanted
            elif column == "deadline":
                if cell in ("", "—") and item.deadline is None:
                    continue
                if cell != (item.deadline or ""):
                    if not _DEADLINE.match(cell):
                        out.errors.append((n, f"deadline {cell!r}: write YYYY, YYYY-MM or YYYY-MM-DD"))
                        continue
                    edits["deadline"] = cell
                    edits["deadline_precision"] = {4: "year", 7: "month"}.get(len(cell), "day")
            elif cell != (getattr(item, column) or "") and cell:
                edits[column] = cell
        if edits:
            out.actions.append(Action(n, item.id, key, "edit", edits))
        new_status = row.get("new_status", "").strip().lower().replace(" ", "_")
        if new_status:
            if new_status not in statuses:
                out.errors.append((n, f"status {new_status!r}: one of {', '.join(statuses)}"))
            elif new_status != item.status:
                out.actions.append(Action(n, item.id, key, "set_status", {
                    "status": new_status, "note": row.get("note") or None, "source": row.get("source_url") or None}))
    return out


def apply(conn: Connection, actions: list[Action], *, user: str, why: str | None = None) -> list[int]:
    """Apply a checked plan through `follow.review` (one audit entry per action). Returns audit ids."""
    audit_ids = []
    for a in actions:
        reason = a.values.get("why") or a.values.get("note") or why
        if a.action == "confirm":
            audit_ids.append(review.confirm(conn, a.commitment_id, user=user, why=reason))
        elif a.action == "reject":
            audit_ids.append(review.reject(conn, a.commitment_id, user=user, why=reason))
        elif a.action == "edit":
            audit_ids.append(review.edit(conn, a.commitment_id, a.values, user=user, why=why))
        elif a.action == "set_status":
            audit_ids.append(review.set_status(conn, a.commitment_id, a.values["status"], user=user,
                                               why=reason, note=a.values["note"], source=a.values["source"]))
    return audit_ids
