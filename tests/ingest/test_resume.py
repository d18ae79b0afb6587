"""An ingest process killed mid-batch (SIGKILL) and re-run: every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

N_FILES = 300
CITIES = ["Ségou", "Kayes", "Mopti", "Gao", "Sikasso", "Koulikoro", "Tombouctou", "Kidal"]


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_FILES):
        city = CITIES[i % len(CITIES)]
        text = (
            f"Bulletin {i} : travaux à {city}\n\n"
            f"Le chantier numéro {i} a commencé à {city} le {1 + i % 28} mars 2025. "
            f"Les autorités prévoient {i * 3 + 7} kilomètres de route et {i % 11 + 2} ponts.\n"
        )
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")


def count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # store not created or not migrated yet


def run_ingest(db: Path, folder: Path, **kwargs) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "suivi", "--db", str(db), "ingest", "--no-process", "--json", str(folder)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **kwargs)


def test_killed_batch_resumes_without_loss_or_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_corpus(folder)
    db = tmp_path / "store.db"

    proc = run_ingest(db, folder)
    deadline = time.monotonic() + 120
    while count(db) < 25 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # polling the store, not waiting for a fixed time
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    stored_at_kill = count(db)
    assert 0 < stored_at_kill < N_FILES, "the process was not killed mid-batch"

    again = run_ingest(db, folder)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    import json

    report = json.loads(out)
    assert report["rejected"] == 0
    assert report["duplicates"] == stored_at_kill
    assert report["new"] == N_FILES - stored_at_kill

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, content_hash, text FROM articles").fetchall()
    assert len(rows) == N_FILES
    assert len({r[1] for r in rows}) == N_FILES
    assert sorted(Path(r[0]).name for r in rows) == sorted(p.name for p in folder.iterdir())
    assert all(r[2].startswith("Bulletin ") and r[2].rstrip().endswith("ponts.") for r in rows)
