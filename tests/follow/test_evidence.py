"""What is and is not evidence: restatements, other parties, negations, cross-language reports,
the commitment's own verb in the past tense, and articles published before the pledge."""

from __future__ import annotations

from datetime import date

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, ingest_files, write_article

PLEDGE = "La Norvège financera la construction de trois écoles à Kayes d'ici fin 2025."
BRIDGE = "Le Japon construira un pont sur le fleuve Niger à Niamey avant 2026."


def noop(*_args) -> None:
    return None


def _setup(store, corpus_dir, later: list[tuple[str, str, str]]):
    first = write_article(corpus_dir, "0.txt", "Deux annonces", "Publié le 10 mars 2025", f"{PLEDGE} {BRIDGE}")
    files = [first] + [write_article(corpus_dir, f"{i + 1}.txt", title, published, body)
                       for i, (title, published, body) in enumerate(later)]
    ids = ingest_files(store, files)
    with store.begin() as conn:
        school, _ = add_commitment(conn, ids[0], PLEDGE, key="nor-schools", agents=["NOR"], beneficiaries=["MLI"],
                                   action="financer la construction de trois écoles à Kayes", deadline="2025-12")
        bridge, _ = add_commitment(conn, ids[0], BRIDGE, key="jpn-bridge", agents=["JPN"], beneficiaries=["NER"],
                                   action="construire un pont sur le fleuve Niger", deadline="2025")
    stage.run(store, None, noop)
    return ids, school, bridge


def test_restatements_other_parties_and_negations_are_not_evidence(store, corpus_dir):
    _, school, bridge = _setup(store, corpus_dir, [
        ("Rappel", "Publié le 1er juin 2025",
         "La Norvège a réaffirmé qu'elle financera la construction de trois écoles à Kayes."),
        ("Ailleurs", "Publié le 2 juin 2025",
         "Le Kenya a reporté la construction de son pont sur la rivière Tana, faute de crédits."),
        ("Retard", "Publié le 3 juin 2025",
         "Le pont japonais sur le fleuve Niger n'a toujours pas été inauguré à Niamey."),
    ])
    with store.connect() as conn:
        assert status_of(conn, school, date(2025, 7, 1)).changes == []
        assert status_of(conn, bridge, date(2025, 7, 1)).changes == []


def test_english_report_of_a_french_pledge_and_the_verb_in_the_past(store, corpus_dir):
    ids, school, bridge = _setup(store, corpus_dir, [
        ("Schools open", "Published on 4 September 2025",
         "Norway has inaugurated the three schools it funded in Kayes, officials said on Thursday."),
        ("Le pont", "Publié le 5 septembre 2025",
         "Le Japon a construit le pont sur le fleuve Niger à Niamey en dix-huit mois."),
    ])
    with store.connect() as conn:
        view = status_of(conn, school, date(2025, 10, 1))
        assert view.status == "fulfilled" and view.evidence[0].article_id == ids[1]
        bridge_view = status_of(conn, bridge, date(2025, 10, 1))
        assert bridge_view.status == "fulfilled"
        assert bridge_view.evidence[0].cue == "construit" and bridge_view.evidence[0].confidence < 1.0


def test_articles_published_before_the_pledge_are_not_evidence(store, corpus_dir):
    _, school, _ = _setup(store, corpus_dir, [
        ("Avant", "Publié le 1er janvier 2025",
         "La Norvège a inauguré trois écoles à Kayes, financées par un programme précédent."),
    ])
    with store.connect() as conn:
        assert status_of(conn, school, date(2025, 7, 1)).changes == []


def test_a_sentence_stating_a_new_pledge_reports_only_on_that_pledge(store, corpus_dir):
    new_pledge = "Le Japon a lancé un programme et construira une école à Niamey."
    ids, school, bridge = _setup(store, corpus_dir, [
        ("Nouvelle annonce", "Publié le 6 juin 2025", f"{new_pledge} Les travaux du pont continuent."),
    ])
    with store.begin() as conn:
        add_commitment(conn, ids[1], new_pledge, key="jpn-school", agents=["JPN"], beneficiaries=["NER"],
                       action="construire une école à Niamey", deadline="2026")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, bridge, date(2025, 7, 1)).changes == []


def test_a_report_read_again_is_read_once(monkeypatch):
    """The follow stage reads a report again at each rescan: the second reading with the same
    text, language and pledges comes from memory, equal and in containers of its own; other
    pledges in the report are read anew."""
    from suivi.follow import evidence
    from suivi.follow.cues import get_cues

    text = ("Le Japon a achevé la construction du pont sur le fleuve Niger. "
            "La Norvège a versé 3 millions de dollars pour les écoles de Kayes. Les travaux ont commencé.")
    calls = []
    real = evidence._candidates
    monkeypatch.setattr(evidence, "_candidates", lambda *a: calls.append(a) or real(*a))
    monkeypatch.setattr(evidence, "_READINGS", evidence.OrderedDict())
    cues, gaz = get_cues("fr"), evidence._get_gazetteer()
    spans = [(0, 61, 7)]
    first = evidence._report_reading(text, "fr", cues, gaz, spans)
    assert first[0] and first[4]  # status sentences and the sum of 3 millions
    first[0].clear()
    first[1].clear()
    again = evidence._report_reading(text, "fr", cues, gaz, spans)
    assert len(calls) == 1
    fresh = (*real(text, "fr", cues, gaz, spans), evidence.amounts(text, "fr"))
    assert again == fresh
    evidence._report_reading(text, "fr", cues, gaz, [(0, 61, 8)])
    assert len(calls) == 2
