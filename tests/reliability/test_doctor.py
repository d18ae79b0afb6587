"""`suivi doctor` on sound and damaged stores, run as the installed command.

The damage is done the way it happens outside Suivi: a hand edit with foreign keys off, a
search index out of step, a span rewritten, a reconcile that never ran, a schema left behind
by an older version. Each must make doctor exit 1 naming the check, and `--fix` must repair
it without touching what an analyst wrote.
"""

from __future__ import annotations

import json
import sqlite3

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from tests.reliability.conftest import RUNS, picture, suivi

from suivi.store import Store
from suivi.store.db import MIGRATIONS


def _doctor(home, *extra: str, db: str | None = None) -> tuple[int, dict]:
    done = suivi(home, "doctor", "--json", *extra, db=db)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def _faults(report: dict) -> set[str]:
    return {f["check"] for f in report["findings"] if not f["ok"]}


def test_damaged_store_found_and_repaired_keeping_review_decisions(ingested, reference):
    home = ingested
    assert suivi(home, "review", "reject", "2", "--as", "alice", "--why", "not a pledge").returncode == 0
    decisions = picture(home / "suivi.db")["decisions"]
    conn = sqlite3.connect(home / "suivi.db")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM articles_fts WHERE rowid = 2")               # index out of step
    conn.execute('UPDATE spans SET "end" = "end" + 2 WHERE id = 3')         # a span no longer quoting
    conn.execute("DELETE FROM articles WHERE id = 5")                       # rows left pointing nowhere
    conn.execute("DELETE FROM article_features WHERE article_id = 6")       # reconcile never ran
    conn.commit()
    conn.close()

    code, report = _doctor(home)
    assert code == 1
    assert _faults(report) == {"foreign-keys", "search-index", "spans"}
    stages = next(f for f in report["findings"] if f["check"] == "stages")
    assert stages["count"] == 1 and stages["examples"] == [6]

    plain = suivi(home, "doctor")
    assert plain.returncode == 1 and "FAULT" in plain.stdout and "Traceback" not in plain.stderr

    code, fixed = _doctor(home, "--fix")
    assert code == 0, fixed
    assert {f["check"] for f in fixed["findings"] if f["fixed"]} == {"foreign-keys", "search-index", "spans",
                                                                      "stages"}
    assert _doctor(home)[0] == 0
    after = picture(home / "suivi.db")
    assert after["decisions"] == decisions                      # the analyst's decision stayed
    assert sum(after["articles"].values()) == sum(reference("ingest")["articles"].values()) - 1
    hits = json.loads(suivi(home, "search", "--json", "Moscou").stdout)
    assert hits  # the rebuilt index answers


def test_schema_behind_head_is_a_fault_that_fix_migrates(ingested):
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    store = Store(f"sqlite:///{ingested / 'suivi.db'}")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    store.close()
    code, report = _doctor(ingested)
    assert code == 1 and _faults(report) == {"migrations"}
    code, report = _doctor(ingested, "--fix")
    assert code == 0 and report["findings"][0]["fixed"]


def test_missing_store_is_one_line_and_exit_1(tmp_path):
    done = suivi(tmp_path, "doctor")
    assert done.returncode == 1
    assert "no store at" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "suivi.db").exists()  # doctor does not create the store it was asked to check


def test_postgres_store_checked_and_index_restored(tmp_path, pg_new_db, small_corpus):
    url = pg_new_db()
    assert suivi(tmp_path, *RUNS["process"](small_corpus)[0], db=url).returncode == 0
    code, report = _doctor(tmp_path, db=url)
    assert code == 0, report
    assert next(f for f in report["findings"] if f["check"] == "stages")["count"] == 8
    store = Store(url)
    with store.begin() as conn:
        conn.execute(text("DROP INDEX ix_articles_fts"))
    store.close()
    code, report = _doctor(tmp_path, db=url)
    assert code == 1 and _faults(report) == {"search-index"}
    code, report = _doctor(tmp_path, "--fix", db=url)
    assert code == 0 and report["findings"], report
    assert next(f for f in report["findings"] if f["check"] == "stages")["count"] == 0
