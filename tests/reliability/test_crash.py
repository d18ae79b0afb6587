"""kill -9 in the middle of every writing stage, then `suivi doctor` and a re-run.

Why SIGKILL at named points (`SUIVI_FAILPOINT`, see suivi.failpoints): the process dies
inside a stage's open transaction, where a crash does the most harm, and no handler runs —
what the kernel's OOM killer does. Each test then asks three things of the real command:
the store is sound (`suivi doctor` exits 0), running the same command again completes, and
the result equals an uninterrupted run's (nothing lost, nothing doubled).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time

import pytest
from tests.reliability.conftest import RUNS, SUIVI, picture, suivi

KILLED = -signal.SIGKILL


def _doctor_clean(home) -> dict:
    done = suivi(home, "doctor", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and all(f["ok"] for f in report["findings"])
    return report


@pytest.mark.parametrize("point", ["ingest.segment:2", "reconcile.commit:2", "follow.commit:3"])
def test_batch_killed_mid_segment_resumes_to_the_same_store(tmp_path, small_corpus, reference, point):
    args = RUNS["batch"](small_corpus)[0]
    crashed = suivi(tmp_path, *args, failpoint=point)
    assert crashed.returncode == KILLED, crashed.stderr
    before = picture(tmp_path / "suivi.db")
    assert 0 < sum(before["articles"].values()) < 8  # the first segment stayed, the cut one did not
    _doctor_clean(tmp_path)
    again = suivi(tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert picture(tmp_path / "suivi.db") == reference("batch")
    _doctor_clean(tmp_path)


def test_ingest_killed_while_writing_readings_leaves_nothing_half_written(tmp_path, small_corpus, reference):
    args = RUNS["ingest"](small_corpus)[0]
    crashed = suivi(tmp_path, *args, failpoint="read.batch")
    assert crashed.returncode == KILLED, crashed.stderr
    assert sum(picture(tmp_path / "suivi.db")["articles"].values()) == 0  # one segment: all rolled back
    _doctor_clean(tmp_path)
    again = suivi(tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert picture(tmp_path / "suivi.db") == reference("ingest")


@pytest.fixture(scope="module")
def unprocessed(tmp_path_factory, small_corpus):
    home = tmp_path_factory.mktemp("unprocessed")
    done = suivi(home, *RUNS["process"](small_corpus)[0])
    assert done.returncode == 0, done.stderr
    return home / "suivi.db"


@pytest.mark.parametrize(("point", "cut_short"), [
    ("after.read", True), ("extract.batch", True), ("reconcile.commit", True),
    ("follow.commit", False),
])
def test_process_killed_in_each_stage_is_finished_by_running_it_again(tmp_path, unprocessed, reference,
                                                                       point, cut_short):
    shutil.copy(unprocessed, tmp_path / "suivi.db")
    crashed = suivi(tmp_path, "process", failpoint=point)
    assert crashed.returncode == KILLED, crashed.stderr
    report = _doctor_clean(tmp_path)
    stages = next(f for f in report["findings"] if f["check"] == "stages")
    assert stages["count"] == (8 if cut_short else 0), stages
    again = suivi(tmp_path, "process")
    assert again.returncode == 0, again.stderr
    assert picture(tmp_path / "suivi.db") == reference("process")
    assert next(f for f in _doctor_clean(tmp_path)["findings"] if f["check"] == "stages")["count"] == 0


def test_review_write_killed_before_commit_is_all_or_nothing(ingested, reference):
    tmp_path = ingested
    review = ("review", "confirm", "1", "--as", "alice", "--why", "checked")
    crashed = suivi(tmp_path, *review, failpoint="review.write")
    assert crashed.returncode == KILLED, crashed.stderr
    after_crash = picture(tmp_path / "suivi.db")
    assert not after_crash["decisions"] and not after_crash["audit"]  # neither half of the write stayed
    _doctor_clean(tmp_path)
    done = suivi(tmp_path, *review)
    assert done.returncode == 0, done.stderr
    final = picture(tmp_path / "suivi.db")
    assert sum(final["decisions"].values()) == 1 and sum(final["audit"].values()) == 1
    assert final["commitments"] == reference("ingest")["commitments"]


def test_kill_9_from_outside_during_a_two_worker_batch(tmp_path, small_corpus, reference):
    """Not at a chosen point: the whole process group is killed once the first segment is in."""
    args = [str(SUIVI), *RUNS["batch"](small_corpus)[0][:-1], "2"]  # --workers 2
    env = {**os.environ, "SUIVI_HOME": str(tmp_path)}
    env.pop("SUIVI_DATABASE_URL", None)
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    db = tmp_path / "suivi.db"
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists() and _stored(db) >= 1:
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    _doctor_clean(tmp_path)
    again = suivi(tmp_path, *args[1:])
    assert again.returncode == 0, again.stderr
    assert picture(db) == reference("batch")


def _stored(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
