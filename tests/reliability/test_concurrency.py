"""Several writers at once on one store: two ingests and an analyst's review writes.

Why real processes: SQLite serialises writers with a file lock, and a transaction that read
first and writes later can be refused at once (its snapshot is stale) rather than wait; that
only shows with separate processes writing the same file. PostgreSQL gets the same run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from tests.reliability.conftest import CORPUS, SUIVI, suivi


def _halves(tmp_path) -> tuple:
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for p in files[:8]:
        shutil.copy(p, first / p.name)
    for p in files[4:]:  # four articles in both
        shutil.copy(p, second / p.name)
    return first, second, len(files)


def _start(home, db, *args) -> subprocess.Popen:
    env = {**os.environ, "SUIVI_HOME": str(home)}
    env.pop("SUIVI_FAILPOINT", None)
    env.pop("SUIVI_DATABASE_URL", None)
    if db:
        env["SUIVI_DATABASE_URL"] = db
    return subprocess.Popen([str(SUIVI), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _run_concurrently(tmp_path, db=None) -> None:
    first, second, unique = _halves(tmp_path)
    seed = suivi(tmp_path, "ingest", str(first / sorted(os.listdir(first))[0]), "--workers", "0", db=db)
    assert seed.returncode == 0, seed.stderr  # a commitment for the analyst to review meanwhile
    ingests = [_start(tmp_path, db, "ingest", str(folder), "--workers", "0", "--json")
               for folder in (first, second)]
    reviews = 0
    deadline = time.monotonic() + 600
    while any(p.poll() is None for p in ingests) and time.monotonic() < deadline:
        done = suivi(tmp_path, "review", "confirm", "1", "--as", "alice", "--why", f"pass {reviews}", db=db)
        assert done.returncode == 0, done.stderr
        reviews += 1
    outputs = [p.communicate(timeout=600) for p in ingests]
    for p, (_out, err) in zip(ingests, outputs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["new"] for r in reports) == unique - 1  # each article stored once, by one of them
    listed = json.loads(suivi(tmp_path, "articles", "--json", db=db).stdout)
    assert len(listed) == unique and len({a["content_hash"] for a in listed}) == unique
    history = json.loads(suivi(tmp_path, "review", "history", "1", "--json", db=db).stdout)
    whys = [e["why"] for e in history["audit"] if e["action"] == "confirm"]
    assert sorted(whys) == sorted(f"pass {i}" for i in range(reviews))  # no review write lost
    assert reviews >= 1
    doctor = suivi(tmp_path, "doctor", db=db)
    assert doctor.returncode == 0, doctor.stdout


def test_two_ingests_and_review_writes_at_once_on_sqlite(tmp_path):
    if not SUIVI.exists():
        pytest.skip("the suivi console script is not installed")
    _run_concurrently(tmp_path)


@pytest.mark.postgres
def test_two_ingests_and_review_writes_at_once_on_postgres(tmp_path, pg_new_db):
    if not SUIVI.exists():
        pytest.skip("the suivi console script is not installed")
    _run_concurrently(tmp_path, pg_new_db())


assert sys.executable  # the tests run the console script installed beside this interpreter


def test_a_write_that_cannot_get_the_lock_fails_in_one_line_and_writes_nothing(ingested):
    """Another process holds the write lock past the wait: exit 1, a clear line, nothing written."""
    import sqlite3

    from tests.reliability.conftest import picture

    before = picture(ingested / "suivi.db")
    holder = sqlite3.connect(ingested / "suivi.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # what a long ingest segment does
    try:
        env = {**os.environ, "SUIVI_HOME": str(ingested), "SUIVI_BUSY_TIMEOUT_MS": "500"}
        env.pop("SUIVI_DATABASE_URL", None)
        done = subprocess.run([str(SUIVI), "review", "confirm", "1", "--as", "ana"], capture_output=True, text=True,
                              env=env, timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1, done.stderr
    assert "store is busy" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert picture(ingested / "suivi.db") == before
