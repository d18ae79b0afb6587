"""The real `suivi` executable against real stores, and a comparable picture of a store.

Why natural keys in the picture: after a crash and a re-run, row ids may differ from an
uninterrupted run's while the content is the same; what must match is what an analyst sees —
articles, commitments, their mentions, stories, statuses and review decisions — with nothing
lost and nothing doubled.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

SUIVI = Path(sys.executable).parent / "suivi"
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def suivi(home: Path, *args: str, failpoint: str | None = None, db: str | None = None,
          timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the installed command with its own SUIVI_HOME (never the user's store)."""
    env = {**os.environ, "SUIVI_HOME": str(home)}
    env.pop("SUIVI_DATABASE_URL", None)
    env.pop("SUIVI_FAILPOINT", None)
    if failpoint:
        env["SUIVI_FAILPOINT"] = failpoint
    if db:
        env["SUIVI_DATABASE_URL"] = db
    return subprocess.run([str(SUIVI), *args], capture_output=True, text=True, timeout=timeout, env=env)


def picture(db: Path) -> dict[str, object]:
    """What the store holds, by natural keys and multiplicities (a doubled row shows as a count 2)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        q = conn.execute
        hashes = dict(q("SELECT id, content_hash FROM articles").fetchall())
        stories: dict[int, set[str]] = {}
        for story, article in q("SELECT story_id, article_id FROM story_articles"):
            stories.setdefault(story, set()).add(hashes[article])
        return {
            "articles": Counter(hashes.values()),
            "commitments": Counter(q("SELECT key || '|' || agents || '|' || coalesce(deadline, '') "
                                     "FROM commitments").fetchall()),
            "mentions": Counter((hashes[a], k) for a, k in q("SELECT article_id, key FROM commitment_mentions")),
            "linked": Counter(q("SELECT m.key, c.key FROM commitment_mentions m "
                                "JOIN commitments c ON c.id = m.commitment_id").fetchall()),
            "readings": Counter(hashes[a] for (a,) in q("SELECT article_id FROM mentions")),
            "spans": Counter((hashes[a], s, e) for a, s, e in q('SELECT article_id, start, "end" FROM spans')),
            "stories": sorted(sorted(v) for v in stories.values()),
            "statuses": Counter((k, s, hashes.get(a)) for k, s, a in
                                q("SELECT commitment_key, status, article_id FROM status_changes")),
            "decisions": Counter(q("SELECT action, commitment_key FROM review_decisions").fetchall()),
            "audit": Counter(q("SELECT action, target_id FROM audit_entries").fetchall()),
        }
    finally:
        conn.close()


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """Eight of the project's own articles (French and English, text and HTML)."""
    if not SUIVI.exists():
        pytest.skip("the suivi console script is not installed")
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.iterdir())[:8]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory, small_corpus) -> Callable[[str], Path]:
    """The store of an uninterrupted run of a command, made once per command (do not write to it)."""
    made: dict[str, Path] = {}

    def get(kind: str) -> Path:
        if kind not in made:
            home = tmp_path_factory.mktemp(f"ref-{kind}")
            for args in RUNS[kind](small_corpus):
                done = suivi(home, *args)
                assert done.returncode == 0, done.stderr
            made[kind] = home / "suivi.db"
        return made[kind]

    return get


@pytest.fixture(scope="session")
def reference(reference_db) -> Callable[[str], dict[str, object]]:
    """The picture of an uninterrupted run of a command."""
    made: dict[str, dict[str, object]] = {}

    def get(kind: str) -> dict[str, object]:
        if kind not in made:
            made[kind] = picture(reference_db(kind))
        return made[kind]

    return get


@pytest.fixture
def ingested(tmp_path, reference_db) -> Path:
    """A home (tmp_path) whose store holds the small corpus, every stage run."""
    shutil.copy(reference_db("ingest"), tmp_path / "suivi.db")
    return tmp_path


RUNS: dict[str, Callable[[Path], list[list[str]]]] = {
    "batch": lambda corpus: [["batch", str(corpus), "--segment", "3", "--workers", "0"]],
    "ingest": lambda corpus: [["ingest", str(corpus), "--workers", "0"]],
    "process": lambda corpus: [["ingest", "--no-process", str(corpus)], ["process"]],
}
