"""Fixtures for the scale tests: a generated corpus (bench/corpus.py) and a store dump to compare runs."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]


def _corpus_module():
    spec = importlib.util.spec_from_file_location("suivi_bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def make_corpus(folder: Path, n: int, seed: int = 11) -> Path:
    """n generated French and English reports (several outlets per event), as .txt files."""
    _corpus_module().generate(folder, n, seed=seed)
    return folder


@pytest.fixture(scope="session")
def corpus12(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus12"), 12)


def _plain(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def dump(store) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows in primary-key order, without timestamps (a run's clock differs)."""
    import suivi.pipeline as pipeline
    from suivi.store.meta import metadata

    pipeline.available_stages()  # every stage's tables are declared on the metadata
    out: dict[str, list[dict[str, Any]]] = {}
    with store.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns))
            out[table.name] = [
                {k: _plain(v) for k, v in r._mapping.items() if not isinstance(v, datetime.datetime)} for r in rows
            ]
    return out


def assert_same_store(a, b) -> None:
    left, right = dump(a), dump(b)
    assert left.keys() == right.keys()
    for name in left:
        assert left[name] == right[name], f"table {name} differs"
    assert left["articles"] and left["commitment_mentions"] and left["story_articles"]
