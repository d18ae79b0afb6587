"""The follow-up tables on a real PostgreSQL server ("user" is a reserved word there)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.postgres


def test_follow_tables_on_postgres(pg_url):
    from suivi.store import follow as follow_store
    from suivi.store import open_store
    from suivi.store.follow import now

    store = open_store(pg_url)
    try:
        with store.begin() as conn:
            follow_store.add_status_change(conn, commitment_key="pg-k", status="stalled", source="analyst",
                                           actor_name="ana", effective_date="2025-05-01", note="n")
            follow_store.add_audit(conn, user="ana", action="reject", target_type="commitment", target_id="pg-k",
                                   before={"review": None}, after={"review": "rejected"}, why="w")
            follow_store.add_decision(conn, user="ana", action="reject", commitment_key="pg-k", payload={}, why="w")
            rule = follow_store.add_watch_rule(conn, name="pg-rule", actor="RUS", sector=None, within_days=None,
                                               user="ana")
            follow_store.record_watch_run(conn, rule, now(), "2025-06-01", [{"key": "pg-k", "status": "stalled"}])
        with store.connect() as conn:
            assert [c.status for c in follow_store.changes_for(conn, "pg-k")] == ["stalled"]
            assert follow_store.audit_for(conn, "commitment", ["pg-k"])[0].after == {"review": "rejected"}
            assert [d.user for d in follow_store.list_decisions(conn, ["reject"])] == ["ana"]
            assert follow_store.last_watch_run(conn, rule)[2] == [{"key": "pg-k", "status": "stalled"}]
    finally:
        with store.begin() as conn:
            for table in (follow_store.watch_runs, follow_store.watch_rules, follow_store.review_decisions,
                          follow_store.audit_entries, follow_store.status_changes):
                conn.execute(table.delete())
        store.close()
