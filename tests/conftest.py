"""Shared fixtures. Tests never touch the user's store: SUIVI_HOME points at a temp folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("suivi_home")
    monkeypatch.setenv("SUIVI_HOME", str(home))
    monkeypatch.delenv("SUIVI_DATABASE_URL", raising=False)
    yield


@pytest.fixture
def store(tmp_path):
    from suivi.store import open_store

    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture
def gold_path() -> Path:
    if not GOLD.is_file():
        pytest.skip("../shared/eval/seeds.gold.json not present")
    return GOLD


def pytest_configure(config):
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
