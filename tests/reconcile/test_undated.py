"""Articles without a date: the same partnership's later events are other stories."""

from __future__ import annotations

from suivi.reconcile.features import _fallback_place
from suivi.store import stories as story_store

from .conftest import RESOURCES, build_store, by_source


def test_undated_reports_of_one_partnership_over_the_years_are_three_stories(tmp_path):
    store = build_store(tmp_path / "undated.db", [str(RESOURCES / "undated.jsonl")])
    try:
        ids = by_source(store)
        with store.connect() as conn:
            stories = {story_store.story_of_article(conn, ids[f"undated.jsonl:{n}"]) for n in (1, 2, 3)}
        assert None not in stories
        assert len(stories) == 3
    finally:
        store.close()


def test_a_continent_is_not_where_an_event_happens():
    assert _fallback_place(["place:afrique", "place:sahel", "place:luanda"]) == "place:luanda"
    assert _fallback_place(["place:afrique", "USA"]) is None
