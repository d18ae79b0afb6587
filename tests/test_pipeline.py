"""One article that trips a stage costs that article, not the batch."""

from __future__ import annotations

import sys
import types

from suivi import pipeline
from suivi.models import ArticleDraft
from suivi.store.articles import insert_article


def _fragile_stage(bad: set[int], seen: list[int]) -> types.ModuleType:
    """A stage that fails on some articles, as a real stage does on text it cannot read."""
    module = types.ModuleType("tests_fragile_stage")
    module.NAME, module.VERSION = "fragile", "test"

    def run(store, article_ids, progress):
        ids = article_ids if article_ids is not None else pipeline._all_ids(store)
        if bad & set(ids):
            raise IndexError("cannot read this article")
        seen.extend(ids)
        return {"articles": len(ids)}

    module.run = run
    return module


def test_failing_article_is_skipped_and_reported(store, monkeypatch):
    with store.begin() as conn:
        ids = [insert_article(conn, ArticleDraft(text=f"Texte numéro {i}.", raw=b"x", source=f"s{i}",
                                                 source_kind="text"))[0] for i in range(4)]
    seen: list[int] = []
    module = _fragile_stage({ids[1]}, seen)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(pipeline, "STAGE_MODULES", (module.__name__,))
    errors: list[tuple[str, int, str]] = []
    report = pipeline.run_pipeline(store, None, on_error=lambda s, a, e: errors.append((s, a, str(e))))
    assert report == {"fragile": {"failed": 1, "articles": 3}}
    assert sorted(seen) == sorted(set(ids) - {ids[1]})
    assert errors == [("fragile", ids[1], "cannot read this article")]
