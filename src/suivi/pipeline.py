"""Runs the stages after ingestion, in the design's one direction.

Contract for a stage module (`suivi.<stage>.stage`):
    NAME: str                      # short label for progress bars and reports
    VERSION: str                   # extractor version recorded on every row it writes
    def run(store, article_ids: list[int] | None, progress) -> dict[str, int]
        # article_ids None = every article; re-running replaces the stage's own rows for those
        # articles (never an analyst's decision) and returns counts for the report.
A stage reads what earlier stages stored and writes only its own tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from suivi import failpoints
from suivi.store import Store

STAGE_MODULES = (
    "suivi.read.stage",
    "suivi.extract.stage",
    "suivi.reconcile.stage",
    "suivi.follow.stage",
)

Progress = Callable[[str, int, int], None]


def _noop(_label: str, _done: int, _total: int) -> None:
    return None


def available_stages() -> list[Any]:
    """Stage modules that exist in this build, in flow order."""
    stages = []
    for name in STAGE_MODULES:
        try:
            stages.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # stage not built yet
            raise
    return stages


def run_pipeline(
    store: Store,
    article_ids: list[int] | None = None,
    progress: Progress | None = None,
    on_error: Callable[[str, int, Exception], None] | None = None,
    only: Iterable[str] | None = None,
) -> dict[str, dict[str, int]]:
    """Run every available stage over the given articles (None: all). Returns counts per stage.

    `only` names the stages to run (default: all); `suivi.scale` reads and extracts in worker
    processes and runs only the later stages here.

    Why the fallback: articles are untrusted text, and one that trips a stage must not cost
    the rest of the batch. When a stage fails on a batch it is run again article by article;
    the articles it still fails on are skipped by that stage (counted as `failed`, reported
    through `on_error`) and the next stages go on.
    """
    report: dict[str, dict[str, int]] = {}
    hook = progress or _noop
    wanted = set(only) if only is not None else None
    for stage in available_stages():
        if wanted is not None and stage.NAME not in wanted:
            continue
        try:
            report[stage.NAME] = stage.run(store, article_ids, hook)
            failpoints.reach(f"after.{stage.NAME}")
            continue
        except Exception:  # noqa: BLE001 - isolate below, article by article
            ids = article_ids if article_ids is not None else _all_ids(store)
        counts: dict[str, int] = {"failed": 0}
        for article_id in ids:
            try:
                for key, value in stage.run(store, [article_id], _noop).items():
                    counts[key] = counts.get(key, 0) + value if isinstance(value, int) else value
            except Exception as exc:  # noqa: BLE001 - reported, not fatal
                counts["failed"] += 1
                if on_error is not None:
                    on_error(stage.NAME, article_id, exc)
        report[stage.NAME] = counts
    return report


def _all_ids(store: Store) -> list[int]:
    from suivi.store.articles import article_ids

    with store.connect() as conn:
        return article_ids(conn)
