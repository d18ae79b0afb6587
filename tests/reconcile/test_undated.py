"""Articles without a date: the same partnership's later events are other stories."""

from __future__ import annotations

from suivi.reconcile.features import _fallback_place, days_between, partial_day
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


def test_undated_reports_leading_with_the_same_sum_are_one_story(tmp_path):
    """Two undated reports, in English and French, both leading with the same sum of money are
    one event; a later undated report of the same partnership leading with another sum is not
    (written for this test)."""
    store = build_store(tmp_path / "undated_sum.db", [str(RESOURCES / "undated_sum.jsonl")])
    try:
        ids = by_source(store)
        with store.connect() as conn:
            en, fr, later = (story_store.story_of_article(conn, ids[f"undated_sum.jsonl:{n}"]) for n in (1, 2, 3))
        assert en is not None and fr == en
        assert later != en
    finally:
        store.close()


def test_a_lead_figure_is_a_sum_or_a_measured_quantity_in_any_language():
    from suivi.reconcile.features import lead_sums

    en = lead_sums("Norway will send up to 40,000 tonnes of fertiliser and 12 million euros to six countries.", "en")
    fr = lead_sums("La Norvège enverra 20 000 à 40 000 tonnes d'engrais et 12 millions d'euros à six pays.", "fr")
    assert en == fr and len(en) == 2
    assert lead_sums("Norway will train nurses in six countries and 300 villages.", "en") == ()


def test_a_continent_is_not_where_an_event_happens():
    assert _fallback_place(["place:afrique", "place:sahel", "place:luanda"]) == "place:luanda"
    assert _fallback_place(["place:afrique", "USA"]) is None


def test_a_day_stated_without_its_year_joins_the_dated_story_of_that_day_and_weekday(tmp_path):
    store = build_store(tmp_path / "yearless.db", [str(RESOURCES / "yearless.jsonl")])
    try:
        ids = by_source(store)
        with store.connect() as conn:
            dated, same_day, year_later = (story_store.story_of_article(conn, ids[f"yearless.jsonl:{n}"])
                                           for n in (1, 2, 3))
        assert dated is not None and same_day == dated
        assert year_later != dated
    finally:
        store.close()


def test_partial_days_compare_by_month_day_and_weekday():
    assert partial_day("ont ouvert ce jeudi 30 novembre à Accra", "fr") == ("--11-30", 3)
    assert partial_day("talks opened on Thursday, November 30 in Accra", "en") == ("--11-30", 3)
    assert partial_day("talks opened on 30 November 2023 in Accra", "en") is None  # a full date is not partial
    assert days_between("--11-30", "2023-11-30", 3) == 0
    assert days_between("--11-30", "2023-11-30", 5) >= 365  # 30 November 2023 was a Thursday: another year
    assert days_between("2024-01-01", "--12-31") == 1


def test_a_report_dated_to_its_month_reports_an_event_of_that_month_not_a_later_plan():
    from suivi.reconcile.features import pick_event

    plan = story_store.EventRow("statement", "2025-01-29", "day", None, 10)
    summit = story_store.EventRow("meeting", "2024-12-15", "day", None, 90)
    assert pick_event([plan], "2024-12") is None
    assert pick_event([plan, summit], "2024-12") == summit
    assert pick_event([summit], "2025-01") == summit  # a few weeks before the month: still its event
    assert pick_event([plan], None) == plan


def test_a_report_dated_to_its_month_is_near_every_day_of_that_month():
    from suivi.reconcile.features import day_range
    from suivi.reconcile.stories import _better_date

    assert days_between("2024-09", "2024-09-05") == 0 == days_between("2024-09-30", "2024-09")
    assert days_between("2024-09", "2024-11-02") == 33  # from the month's last day
    assert days_between("2024-09", "2024-10") == 30
    assert days_between("2024-09", None) is None
    keys = day_range("2024-09", 3)
    assert keys[0] == "2024-08-29" and keys[-1] == "2024-10-03" and len(keys) == 36
    assert _better_date("2024-09", "2024-09-05") == "2024-09-05"  # a day of the story's month
    assert _better_date("2024-09", "2024-10-05") == "2024-09"


def test_a_past_year_read_as_a_deadline_for_want_of_a_day_is_dropped_once_the_story_dates_it(tmp_path):
    """An undated report's "X, which built the quay between 1970 and 1976, will lead the works":
    with no day, 1976 could be a deadline; in the story of a report dated 2023 it is over
    (written for this test)."""
    from suivi.ingest.api import ingest
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as cstore
    from suivi.store import open_store

    store = open_store(str(tmp_path / "anchored.db"))
    try:
        run_pipeline(store, ingest(store, [str(RESOURCES / "anchored_past.jsonl")]).new)
        ids = by_source(store)
        with store.connect() as conn:
            dated, undated = ids["anchored_past.jsonl:1"], ids["anchored_past.jsonl:2"]
            assert story_store.story_of_article(conn, undated) == story_store.story_of_article(conn, dated)
            lead = [m for m in cstore.mentions_for_article(conn, undated) if "lead the new works" in m.evidence]
        assert lead and all(m.deadline is None for m in lead), [(m.evidence, m.deadline) for m in lead]
    finally:
        store.close()
