"""The read stage on a real SQLite store: cross-article persons, role-based speakers, rows."""

from __future__ import annotations

from suivi.ingest.api import ingest
from suivi.read import stage
from suivi.store import reading as rstore
from suivi.store.articles import iter_articles
from suivi.views.actors import article_actors

FR = ("Le ministre kényan des Affaires étrangères, Musalia Mudavadi, est arrivé à Addis-Abeba lundi "
      "pour une réunion de l'Union africaine. M. Mudavadi a rencontré son homologue éthiopien.\n")
EN = ("Kenya's foreign minister Musalia Mudavadi visited Kampala on Tuesday. "
      '"Our region needs peace," said the Kenyan minister. Adama Ouedraogo, a trader, was not there.\n')
EN2 = ('"We will open the border," the Kenyan foreign minister said on 12 March 2025 in Nairobi.\n')


def _write(tmp_path, name: str, title: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(f"{title}\n\n{body}", encoding="utf-8")
    return str(path)


def test_persons_link_across_articles_and_languages(tmp_path, store, nlp_fr):
    files = [_write(tmp_path, "a.txt", "Mudavadi à Addis-Abeba", FR),
             _write(tmp_path, "b.txt", "Kenyan minister in Uganda", EN),
             _write(tmp_path, "c.txt", "Kenya to open border", EN2)]
    ingest(store, files)
    counts = stage.run(store, None, lambda *_: None)
    assert counts["articles"] == 3
    with store.connect() as conn:
        persons = rstore.list_actors(conn, kind="person")
        mudavadi = [p for p in persons if p.name == "Musalia Mudavadi"]
        assert len(mudavadi) == 1 and mudavadi[0].articles == 2
        assert {r["serves"] for r in mudavadi[0].roles} == {"KEN"}
        quotes = {q.text: q.speaker for q in rstore.list_quotes(conn)}
        # named in the same article through its role, and in another article only by role
        assert quotes["Our region needs peace"] == "Musalia Mudavadi"
        assert quotes["We will open the border"] == "Musalia Mudavadi"
        arts = {a.title: a.id for a in iter_articles(conn)}
        fr_actors = article_actors(conn, arts["Mudavadi à Addis-Abeba"])
        assert fr_actors["persons"] == ["Musalia Mudavadi"]
        assert "Union africaine" in fr_actors["organizations"] and "African Union" in fr_actors["organizations"]
        assert "Addis-Abeba" in fr_actors["places"]
        events = rstore.events_for_article(conn, arts["Mudavadi à Addis-Abeba"])
        assert events and events[0]["place"] == "place:addis-ababa"
        times = rstore.time_expressions_for_article(conn, arts["Kenya to open border"])
        assert [t["value"] for t in times] == ["2025-03-12"]


def test_relatives_sharing_a_surname_stay_apart_across_articles(tmp_path):
    from suivi.read.persons import PersonIndex, split_name

    index = PersonIndex()
    index.add("person:paul-mendes", "Paul Mendes", ["Paul Mendes", "Mendes"])
    assert index.match(split_name("Clara Mendes")) is None
    assert index.match(split_name("Mendes")).key == "person:paul-mendes"
    assert index.match(split_name("P. Mendes")).key == "person:paul-mendes"
