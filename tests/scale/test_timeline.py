"""The run timeline (`SUIVI_TIMELINE`): one line per event from every process, nothing when unset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from suivi.scale import timeline


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a process")
def test_events_of_several_processes_land_in_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "timeline.tsv"
    monkeypatch.setenv(timeline.ENV, str(path))
    timeline.mark("run.start")
    pid = os.fork()
    if pid == 0:  # a worker process inherits the setting
        timeline.mark("analyse.end", articles=8)
        os._exit(0)
    os.waitpid(pid, 0)
    timeline.mark("run.end")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r[3] for r in rows] == ["run.start", "analyse.end", "run.end"]
    assert rows[1][4] == "articles=8"
    assert rows[0][1] == rows[2][1] == str(os.getpid()) != rows[1][1]
    wall = [float(r[0]) for r in rows]
    assert wall == sorted(wall)
    assert all(float(r[2]) >= 0 for r in rows)  # the process's CPU seconds


def test_nothing_is_written_when_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(timeline.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    timeline.mark("run.start")
    assert list(tmp_path.iterdir()) == []
