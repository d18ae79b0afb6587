"""The read side over a real SQLite store: the bulk register agrees with the follow stage's
one-commitment replay, hides what analysts rejected, and feeds the overview and compliance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from suivi.follow import review
from suivi.follow.compliance import compliance
from suivi.follow.status import status_of
from suivi.ingest.api import ingest
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.views.compliance import compliance_at
from suivi.views.overview import overview
from suivi.views.register import build, entries, entry, register

BODY = {
    "a.txt": ("Accord de coopération", "2025-03-10",
              "Le Ghana construira un pont sur la Volta d'ici juin 2025. Le Togo livrera du ciment avant 2026."),
    "b.txt": ("Suite du projet", "2025-09-02",
              "La Norvège financera trois écoles à Kara d'ici décembre 2025. Le pont avance."),
}


def _fill(store, folder: Path) -> dict[str, int]:
    paths = []
    for name, (title, day, body) in BODY.items():
        path = folder / name
        path.write_text(f"{title}\n\nPublié le {day}\n\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    report = ingest(store, paths)
    assert not report.rejected
    ids = {}
    with store.begin() as conn:
        arts = {a.title: a for a in article_store.iter_articles(conn)}
        for key, title, evidence, agents, ben, deadline in (
            ("bridge", "Accord de coopération", "Le Ghana construira un pont sur la Volta", ["GHA"], ["TGO"],
             "2025-06"),
            ("cement", "Accord de coopération", "Le Togo livrera du ciment", ["TGO"], ["GHA"], "2025-12"),
            ("schools", "Suite du projet", "La Norvège financera trois écoles", ["NOR"], ["TGO"], "2025-12"),
        ):
            art = arts[title]
            start = art.text.index(evidence)
            span = article_store.add_span(conn, art.id, start, start + len(evidence), evidence, evidence, start,
                                          start + len(evidence))
            cid = commitment_store.upsert_commitment(conn, key=key, agents=agents, beneficiaries=ben,
                                                     action=key, deadline=deadline, first_reported=art.published)
            mid = commitment_store.insert_mention(
                conn, key=f"{art.content_hash}:{start}", article_id=art.id, span_id=span, extractor_version="t",
                evidence=evidence, cue="t", modality="promise", agents=agents, beneficiaries=ben, action=key,
                deadline=deadline, confidence=1.0)
            commitment_store.assign_mention(conn, mid, cid)
            ids[key] = cid
        review.set_status(conn, ids["bridge"], "in_progress", user="ana", why="works seen",
                          effective=date(2025, 5, 1))
        review.reject(conn, ids["cement"], user="ana", why="a description")
    return ids


def test_bulk_register_matches_the_one_commitment_replay(store, tmp_path):
    ids = _fill(store, tmp_path)
    with store.connect() as conn:
        for day in (date(2025, 3, 31), date(2025, 7, 1), date(2026, 1, 15)):
            everything = build(conn, day, details=True)
            assert everything, day
            for item in everything:
                single = status_of(conn, item.id, day)
                assert (item.status, item.overdue) == (single.status, single.overdue), (item.key, day)
            visible = {i.key for i in register(conn, day)}
            assert "cement" not in visible  # rejected by an analyst
            assert {i.key: i.review for i in everything}["cement"] == "rejected"
        # a commitment is not in the register before its first report
        assert "schools" not in {i.key for i in register(conn, date(2025, 7, 1))}
        late = {i.key: i for i in register(conn, date(2026, 1, 15))}
        assert late["bridge"].status == "in_progress" and late["bridge"].overdue
        assert late["bridge"].status_date == "2025-05-01" and late["bridge"].outlets == []
        assert late["schools"].n_mentions == 1 and "Norvège" in late["schools"].evidence
        assert [i.key for i in register(conn, date(2026, 1, 15), party="nor")] == ["schools"]
        assert [e.id for e in entries(conn, agent="GHA")] == [str(ids["bridge"])]
        assert entry(conn, str(ids["cement"])).review == "rejected"  # hidden from lists, reachable by id


def test_overview_and_compliance_read_the_same_register(store, tmp_path):
    _fill(store, tmp_path)
    day = date(2025, 10, 15)  # the schools' deadline (end of December) is 77 days away
    data = overview(store, day)
    assert data["articles"] == 2 and data["commitments"] == 2
    assert [r["id"] for r in data["due_soon"]] == [r["id"] for r in data["register"] if r["deadline"] == "2025-12"]
    assert data["recent_changes"][0]["status"] == "in_progress" and data["recent_changes"][0]["by"] == "ana"
    with store.connect() as conn:
        items = register(conn, day)
        assert [c.to_json() for c in compliance_at(conn, day)] == [c.to_json() for c in compliance(items, day)]
