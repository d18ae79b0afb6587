"""The city a wire story was filed from is a place of the article, never a party."""

from __future__ import annotations

from suivi.ingest.api import ingest
from suivi.pipeline import run_pipeline
from suivi.store.articles import get_article
from suivi.store.commitments import mentions_for_article
from suivi.views.actors import article_actors


def test_dateline_city_is_a_place_but_not_an_agent(store, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Ghana and Japan agree on a port upgrade\n\n"
        "ACCRA, March 3, 2026 (Reuters) - Japan will finance the upgrade of the Takoradi port "
        "by the end of 2027, Ghana's finance minister Kofi Mensah said on Tuesday.\n\n"
        "The two countries have worked together on ports for a decade.\n",
        encoding="utf-8",
    )
    report = ingest(store, [str(path)])
    [article_id] = report.new
    run_pipeline(store, [article_id])
    with store.connect() as conn:
        article = get_article(conn, article_id)
        actors = article_actors(conn, article_id)
        places = actors["places"]
        body = [m for m in mentions_for_article(conn, article_id) if "Japan will finance" in m.evidence]
    assert "ACCRA" not in article.text  # the dateline left the clean text ...
    assert "Accra" in places  # ... but the filing city is still a place of the article
    assert "Reuters" in actors["organizations"]  # and the agency in the dateline an organisation
    assert [m.agents for m in body] == [["JPN"]]  # and it never became a party
