"""`suivi ingest`: counts, one line per rejected input, exit status, JSON, re-runs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from suivi.cli import app

BODY = (
    "Le conseil régional a voté jeudi un budget de reconstruction pour les écoles endommagées. "
    "Les premières classes rouvriront en septembre, selon le président du conseil."
)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Écoles : un budget voté\n\n{BODY}", encoding="utf-8")
    (folder / "b.txt").write_text(f"Routes : un plan adopté\n\n{BODY.replace('écoles', 'routes')}", encoding="utf-8")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_ingest_counts_rejects_and_exit_status(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    first = runner.invoke(app, ["--db", db, "ingest", "--no-process", str(folder)])
    assert first.exit_code == 1
    assert "new 2, duplicate 0, rejected 1" in first.stdout
    rejected = [ln for ln in first.stderr.splitlines() if ln.startswith("rejected")]
    assert rejected == [f"rejected {folder / 'c.txt'}: binary content, not text"]

    (folder / "c.txt").unlink()
    second = runner.invoke(app, ["--db", db, "ingest", "--no-process", "--json", str(folder)])
    assert second.exit_code == 0
    report = json.loads(second.stdout)
    assert (report["new"], report["duplicates"], report["rejected"]) == (0, 2, 0)


def test_articles_and_show_after_ingest(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    (folder / "c.txt").unlink()
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", "--no-process", str(folder)]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)
    assert sorted(a["title"] for a in listed) == ["Routes : un plan adopté", "Écoles : un budget voté"]
    shown = json.loads(runner.invoke(app, ["--db", db, "show", "--json", str(listed[0]["id"])]).stdout)
    assert shown["text"].startswith(shown["title"] + "\n\n")
