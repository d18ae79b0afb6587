"""Test helpers: the reference scorer and mentions inserted through the extraction store."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path
from types import ModuleType

import pytest

from suivi.store import open_store  # noqa: F401 - re-exported for tests
from suivi.store.articles import add_span, iter_articles
from suivi.store.commitments import insert_mention, mention_key

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORE = SHARED / "eval" / "score.py"


def load_scorer() -> ModuleType:
    if not SCORE.is_file():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("suivi_reference_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def add_mention(conn, article, evidence: str, agents: list[str], beneficiaries: list[str]) -> int:
    """Insert one commitment mention at the evidence's first occurrence in the article."""
    start = article.text.index(evidence)
    end = start + len(evidence)
    span = add_span(conn, article.id, start, end, evidence, evidence, start, end)
    return insert_mention(
        conn,
        key=mention_key(article.content_hash, start, end),
        article_id=article.id,
        span_id=span,
        extractor_version="test",
        evidence=evidence,
        cue="test",
        modality="promise",
        agents=agents,
        beneficiaries=beneficiaries,
        confidence=1.0,
    )


def articles_by_file(conn) -> dict[str, object]:
    return {Path(a.source).name: a for a in iter_articles(conn)}


def pair_f1(gold: dict[int, str], pred: dict[int, int | None]) -> float:
    pg = {p for p in itertools.combinations(sorted(gold), 2) if gold[p[0]] == gold[p[1]]}
    pp = {p for p in itertools.combinations(sorted(gold), 2) if pred[p[0]] is not None and pred[p[0]] == pred[p[1]]}
    tp = len(pg & pp)
    precision = tp / len(pp) if pp else 0.0
    recall = tp / len(pg) if pg else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
