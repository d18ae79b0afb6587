"""Intervals, backoff and the source list (`suivi sources add|list|remove`)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from suivi.errors import ConfigError
from suivi.monitor import catalog
from suivi.monitor.schedule import backoff, format_every, next_due, parse_every

SUIVI = [str(Path(sys.executable).with_name("suivi"))]  # the installed command, as a user runs it


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h30m", 5400), ("45s", 45), ("2d", 172800),
                                               ("600", 600), (" 1H ", 3600)])
def test_parse_every(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds
    assert parse_every(format_every(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "m15", "1.5h", "-5m"])
def test_parse_every_refuses(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_every(text)


def test_backoff_doubles_up_to_a_day() -> None:
    assert backoff(900, 0) == timedelta(minutes=15)
    assert [backoff(900, n) for n in (1, 2, 3)] == [timedelta(minutes=30), timedelta(hours=1), timedelta(hours=2)]
    assert backoff(900, 12) == timedelta(days=1)
    assert backoff(3 * 86400, 5) == timedelta(days=3)  # never shorter than the source's own interval
    at = datetime(2026, 1, 1, tzinfo=UTC)
    assert next_due(at, 60, 2) == at + timedelta(minutes=4)


def test_add_list_remove(store, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    with store.begin() as conn:
        feed = catalog.add(conn, "https://www.example.org/news/rss.xml", every="30m", user="alice")
        drop = catalog.add(conn, str(folder), name="drop box")
        again = catalog.add(conn, "https://example.org/news/rss.xml?x=1")
    assert (feed.name, feed.kind, feed.every_seconds, feed.state) == ("example-org-rss", "url", 1800, "due")
    assert (drop.kind, drop.location, drop.every) == ("folder", str(folder.resolve()), "15m")
    assert again.name == "example-org-rss-2"
    with store.begin() as conn, pytest.raises(ConfigError, match="already a source"):
        catalog.add(conn, str(folder))
    with store.begin() as conn, pytest.raises(ConfigError, match="no such file or folder"):
        catalog.add(conn, str(tmp_path / "missing"))
    with store.begin() as conn, pytest.raises(ConfigError, match="only http"):
        catalog.add(conn, "ftp://example.org/feed")
    with store.begin() as conn, pytest.raises(ConfigError, match="interval"):
        catalog.add(conn, "https://example.org/other", every="soon")
    with store.begin() as conn:
        catalog.remove(conn, "drop box")
        assert [v.name for v in catalog.list_views(conn)] == ["example-org-rss", "example-org-rss-2"]


def test_cli_sources(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")

    def suivi(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*SUIVI, "--db", db, *args], capture_output=True, text=True, timeout=120)

    added = suivi("sources", "add", "https://example.org/feed.xml", "--every", "1h", "--name", "wire", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["every"] == "1h"
    bad = suivi("sources", "add", str(tmp_path / "nope"))
    assert bad.returncode == 1 and "no such file or folder" in bad.stderr
    assert "Traceback" not in bad.stderr
    listed = json.loads(suivi("sources", "list", "--json").stdout)
    assert [(s["name"], s["state"], s["failures"], s["last_error"]) for s in listed] == [("wire", "due", 0, None)]
    assert suivi("sources", "remove", "wire").returncode == 0
    assert json.loads(suivi("sources", "list", "--json").stdout) == []
