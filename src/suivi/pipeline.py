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
from collections.abc import Callable
from typing import Any

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
    store: Store, article_ids: list[int] | None = None, progress: Progress | None = None
) -> dict[str, dict[str, int]]:
    """Run every available stage over the given articles (None: all). Returns counts per stage."""
    report: dict[str, dict[str, int]] = {}
    for stage in available_stages():
        report[stage.NAME] = stage.run(store, article_ids, progress or _noop)
    return report
