"""`suivi evaluate`: a fresh temporary store, the whole pipeline, predictions, figures."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from suivi.errors import SuiviError
from suivi.evaluation.predictions import build_predictions
from suivi.evaluation.scoring import score
from suivi.ingest.api import ingest
from suivi.pipeline import run_pipeline
from suivi.store import Store, open_store
from suivi.store.db import scratch_store


class EvaluationError(SuiviError):
    code = "evaluation"


@contextmanager
def _throwaway_store(db: str | None) -> Iterator[Store]:
    if db is None:
        with tempfile.TemporaryDirectory(prefix="suivi-eval-") as tmp:
            store = open_store(str(Path(tmp) / "eval.db"))
            try:
                yield store
            finally:
                store.close()
        return
    if "://" not in db or not db.startswith("postgresql"):
        raise EvaluationError("evaluate --db takes a PostgreSQL URL (without it, a temporary SQLite store is used)")
    with scratch_store(db) as store:
        yield store


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvaluationError(f"{path}: no such gold file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: not a JSON gold file ({exc})") from exc
    if not isinstance(gold, dict) or gold.get("format") != "suivi-eval/1" or "articles" not in gold:
        raise EvaluationError(f"{path}: not a suivi-eval/1 file")
    return gold


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise EvaluationError(f"{corpus}: not a folder")
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))


def evaluate(
    gold_path: Path,
    corpus: Path,
    predictions_out: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    as_of: date | None = None,
    on_error: Callable[[str, int, Exception], None] | None = None,
    db: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the whole pipeline on `corpus` in a throwaway store; return (figures, predictions).

    The store is a temporary SQLite file, or with `db` (a PostgreSQL URL) a scratch schema in
    that database, dropped afterwards.
    """
    gold = load_gold(gold_path)
    files = corpus_files(corpus)
    with _throwaway_store(db) as store:
        file_articles: dict[str, list[int]] = {}
        for done, path in enumerate(files, 1):
            report = ingest(store, [str(path)])
            file_articles[path.relative_to(corpus).as_posix()] = report.new + [
                i for _, i in report.duplicates
            ]
            if progress:
                progress("ingest", done, len(files))
        run_pipeline(store, None, progress, on_error)
        predictions = build_predictions(store, file_articles, as_of or date.today())
    if predictions_out:
        Path(predictions_out).write_text(json.dumps(predictions, ensure_ascii=False, indent=1), encoding="utf-8")
    return score(gold, predictions), predictions
