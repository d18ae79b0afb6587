"""Reconcile fixtures: stores built once per module (the sentence encoder loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from suivi.ingest.api import ingest
from suivi.reconcile import stage
from suivi.store import open_store
from suivi.store.articles import iter_articles

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "reconcile"


def _noop(*_args: object) -> None:
    return None


def build_store(path: Path, inputs: list[str]):
    """A migrated SQLite store with `inputs` ingested (no later stages) and reconcile run."""
    s = open_store(str(path))
    ingest(s, inputs, _noop, _noop)
    stage.run(s, None, _noop)
    return s


def by_source(store) -> dict[str, int]:
    """Article id by the tail of its source name (file name, or 'articles.jsonl:N')."""
    with store.connect() as conn:
        return {Path(a.source).name: a.id for a in iter_articles(conn)}


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("reconcile") / "fx.db", [str(RESOURCES / "articles.jsonl")])
    yield s
    s.close()
