"""Which stored articles the follow stage reads again, and when.

A late article that is the first report of a pledge makes the stored articles published after
it worth reading for that pledge's follow-up; the segmented writer notes the day and reads them
once at the end of its run (a note a killed run leaves behind is finished by the next run);
a new article that only tells an older pledge again re-opens nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from suivi.follow import stage
from suivi.follow.status import status_of
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store

from .conftest import add_commitment, ingest_files, write_article

PLEDGE = "La Norvège financera la construction de trois écoles à Kayes d'ici fin 2025."
DONE = "Les trois écoles financées par la Norvège ont été inaugurées mardi à Kayes en présence du ministre."
AGAIN = "La Norvège a rappelé qu'elle financera la construction de trois écoles à Kayes."


def noop(*_args) -> None:
    return None


def _late_pledge(store, corpus_dir) -> dict[str, int]:
    """The follow-up is stored first; the (earlier) pledge arrives afterwards."""
    later = write_article(corpus_dir, "later.txt", "Les écoles de Kayes ouvertes", "Publié le 2 octobre 2025",
                          f"Kayes célèbre la rentrée. {DONE} Les élèves sont nombreux.")
    (later_id,) = ingest_files(store, [later])
    stage.run(store, [later_id], noop)  # nothing to report on yet
    first = write_article(corpus_dir, "first.txt", "Coopération : une annonce", "Publié le 10 mars 2025",
                          f"{PLEDGE} Les discussions se poursuivent.")
    (first_id,) = ingest_files(store, [first])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, first_id, PLEDGE, key="nor-schools", agents=["NOR"], beneficiaries=["MLI"],
                                action="financer la construction de trois écoles à Kayes", deadline="2025-12",
                                agent_text="La Norvège")
    return {"later": later_id, "first": first_id, "commitment": cid}


def _status(store, cid: int) -> str:
    with store.connect() as conn:
        return status_of(conn, cid, date(2025, 12, 1)).status


def _pending(store) -> str | None:
    with store.connect() as conn:
        return follow_store.pending_rescan(conn)


def test_a_late_first_report_reads_the_later_articles_at_once(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    counts = stage.run(store, [ids["first"]], noop)
    assert counts["articles"] == 2  # the new article, and the one published after it
    assert _status(store, ids["commitment"]) == "fulfilled"
    assert _pending(store) is None


def test_deferred_rescans_are_noted_then_read_once(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    with stage.deferring_rescans():
        counts = stage.run(store, [ids["first"]], noop)
    assert counts["articles"] == 1
    assert _status(store, ids["commitment"]) == "announced"
    assert _pending(store) == "2025-03-10"

    done = stage.finish_rescans(store, noop)
    assert done["articles"] == 1 and done["status_changes"] == 1
    assert _status(store, ids["commitment"]) == "fulfilled"
    assert _pending(store) is None
    assert stage.finish_rescans(store, noop)["articles"] == 0  # nothing left


def test_deferred_runs_keep_the_note_for_the_end(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    news = write_article(corpus_dir, "news.txt", "Autre sujet", "Publié le 5 janvier 2026",
                         "Il a beaucoup plu à Dakar cette semaine. Les routes du centre-ville ont été inondées "
                         "et plusieurs écoles sont restées fermées, selon la mairie.")
    with stage.deferring_rescans():
        stage.run(store, [ids["first"]], noop)
        (news_id,) = ingest_files(store, [news])
        counts = stage.run(store, [news_id], noop)  # a later segment with nothing to re-open
    assert counts["articles"] == 1
    assert _pending(store) == "2025-03-10"
    assert _status(store, ids["commitment"]) == "announced"


def test_a_note_left_by_a_stopped_run_is_finished_by_the_next_run(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    with stage.deferring_rescans():
        stage.run(store, [ids["first"]], noop)
    news = write_article(corpus_dir, "news.txt", "Autre sujet", "Publié le 1 janvier 2024",
                         "Il a beaucoup plu à Dakar cette semaine. Les routes du centre-ville ont été inondées "
                         "et plusieurs écoles sont restées fermées, selon la mairie.")
    (news_id,) = ingest_files(store, [news])
    stage.run(store, [news_id], noop)  # an ordinary run, not deferred
    assert _status(store, ids["commitment"]) == "fulfilled"
    assert _pending(store) is None


def test_restating_an_older_pledge_reopens_nothing(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    stage.run(store, [ids["first"]], noop)
    again = write_article(corpus_dir, "again.txt", "Rappel", "Publié le 1 avril 2025", f"{AGAIN} Rien de neuf.")
    (again_id,) = ingest_files(store, [again])
    with store.begin() as conn:
        add_commitment(conn, again_id, AGAIN, key="nor-schools", agents=["NOR"], beneficiaries=["MLI"],
                       action="financer la construction de trois écoles à Kayes", deadline="2025-12",
                       agent_text="La Norvège")
    counts = stage.run(store, [again_id], noop)
    assert counts["articles"] == 1
    assert _status(store, ids["commitment"]) == "fulfilled"  # what the later article said stays


def test_profiles_follow_an_edited_commitment(store, corpus_dir):
    ids = _late_pledge(store, corpus_dir)
    with store.connect() as conn:
        (before,) = stage.build_profiles(conn)
    with store.begin() as conn:
        commitment_store.upsert_commitment(conn, key="nor-schools", action="équiper trois dispensaires")
        (after,) = stage.build_profiles(conn)
        assert after.texts[0] == "équiper trois dispensaires" and after is not before
        assert stage.build_profiles(conn)[0] is after  # unchanged: built once
        assert after.first_articles == {ids["first"]} and after.first_published == "2025-03-10"
        assert conn.execute(select(follow_store.follow_pending)).all() == []
