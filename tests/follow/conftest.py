"""Helpers for follow-up tests: articles written as real files and ingested, commitments
stored through the commitments store (as extraction + reconcile would)."""

from __future__ import annotations

from pathlib import Path

import pytest

from suivi.ingest.api import ingest
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store


def write_article(folder: Path, name: str, title: str, published_line: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{published_line}\n\n{body}\n", encoding="utf-8")
    return path


def ingest_files(store, paths: list[Path]) -> list[int]:
    report = ingest(store, [str(p) for p in paths])
    assert not report.rejected, report.rejected
    return report.new


def pledge_then_report(store, folder: Path, pledge: str, report: str, *,
                       titles: tuple[str, str] = ("The pledge", "The report"),
                       dates: tuple[str, str] = ("Published on 10 January 2025", "Published on 28 May 2026"),
                       ) -> tuple[int, int]:
    """Two articles ingested in order: the first states the pledges, the later one reports on
    them; returns their ids."""
    first, later = ingest_files(store, [
        write_article(folder, "0.txt", titles[0], dates[0], pledge),
        write_article(folder, "1.txt", titles[1], dates[1], report),
    ])
    return first, later


def status_after(store, folder: Path, pledge: str, later: str, action: str, dates: tuple[str, str]) -> str:
    """The status, on 1 June 2026, of Belgium's pledge to Mali (the first article, whole) once
    the follow-up stage has read the later report."""
    from datetime import date

    from suivi.follow import stage
    from suivi.follow.status import status_of

    ids = pledge_then_report(store, folder, pledge, later, titles=("Mali and Belgium", "Works"), dates=dates)
    with store.begin() as conn:
        kati, _ = add_commitment(conn, ids[0], pledge, key="bel-kati", agents=["BEL"], beneficiaries=["MLI"],
                                 action=action)
    stage.run(store, None, lambda *_args: None)
    with store.connect() as conn:
        return status_of(conn, kati, date(2026, 6, 1)).status


def add_commitment(conn, article_id: int, evidence: str, *, key: str, agents: list[str], beneficiaries: list[str],
                   action: str, deadline: str | None = None, agent_text: str | None = None,
                   recurrence: str | None = None) -> tuple[int, int]:
    """A mention at `evidence` (must occur in the article) assigned to commitment `key`."""
    article = article_store.get_article(conn, article_id)
    start = article.text.index(evidence)
    end = start + len(evidence)
    span_id = article_store.add_span(conn, article_id, start, end, evidence, evidence, start, end)
    cid = commitment_store.upsert_commitment(
        conn, key=key, agents=agents, beneficiaries=beneficiaries, action=action, deadline=deadline,
        recurrence=recurrence, first_reported=article.published,
    )
    mid = commitment_store.insert_mention(
        conn, key=commitment_store.mention_key(article.content_hash, start, end), article_id=article_id,
        span_id=span_id, extractor_version="test", evidence=evidence, cue="test", modality="promise",
        agents=agents, beneficiaries=beneficiaries, agent_text=agent_text, action=action, deadline=deadline,
        recurrence=recurrence, confidence=1.0,
    )
    commitment_store.assign_mention(conn, mid, cid)
    return cid, mid


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder
