"""The register's filters, sorts and pages (shared by the register page and the API), and the
per-process cache that notices a write from another connection."""

from __future__ import annotations

from datetime import date

from suivi.store import commitments as commitment_store
from suivi.views.cache import RegisterCache
from suivi.views.register import RegisterFilter, RegisterItem, select_items


def _item(i: int, agents, beneficiaries, deadline, status="announced", overdue=False, action="a", sector=None):
    return RegisterItem(id=i, key=f"k{i}", agents=agents, beneficiaries=beneficiaries, action=action, sector=sector,
                        deadline=deadline, recurrence=None, first_reported=f"2025-0{i}-01", status=status,
                        overdue=overdue, review=None, occurrences=None, evidence=f"evidence {i}")


ITEMS = [
    _item(1, ["RUS"], ["MLI"], "2025-06", "fulfilled", action="livrer du blé", sector="trade"),
    _item(2, ["RUS"], ["NER"], "2025-12-15", overdue=True, action="former des officiers", sector="defence"),
    _item(3, ["CHN"], ["SEN"], "2026", action="construire une usine de dessalement"),
    _item(4, ["SEN"], ["MLI"], None, "stalled", action="ouvrir une route"),
]


def _ids(flt, **kw):
    return [i.id for i in select_items(ITEMS, flt, **kw).items]


def test_filters_combine_and_windows_compare_partial_dates():
    assert _ids(RegisterFilter(party="mli")) == [1, 4]  # agent or beneficiary, any case
    assert _ids(RegisterFilter(agent="RUS", beneficiary="NER")) == [2]
    assert _ids(RegisterFilter(due_from="2025-07", due_to="2025-12")) == [2]  # a day inside the month window
    assert _ids(RegisterFilter(due_from="2026-03")) == [3]  # a year deadline overlaps a later month
    assert _ids(RegisterFilter(due_to="2025")) == [1, 2]
    assert _ids(RegisterFilter(overdue=True)) == [2]
    assert _ids(RegisterFilter(status="stalled")) == [4]
    assert _ids(RegisterFilter(sector="defence")) == [2]
    assert _ids(RegisterFilter(q="Usine dessalement")) == [3]  # every word, any case
    assert _ids(RegisterFilter(q="evidence 4")) == [4]  # the evidence is searched too


def test_sorts_and_pages():
    assert _ids(RegisterFilter()) == [1, 2, 3, 4]  # by deadline, undated last
    assert _ids(RegisterFilter(sort="-deadline")) == [4, 3, 2, 1]
    assert _ids(RegisterFilter(sort="status"))[0] == 2  # overdue first
    page = select_items(ITEMS, RegisterFilter(), offset=2, limit=1)
    assert [i.id for i in page.items] == [3] and page.total == 4 and page.has_next
    assert not select_items(ITEMS, RegisterFilter(), offset=3, limit=1).has_next
    assert _ids(RegisterFilter(sort="nonsense")) == [1, 2, 3, 4]


def test_cache_rebuilds_when_the_store_changes(store):
    from suivi.models import ArticleDraft
    from suivi.store.articles import insert_article

    cache = RegisterCache(check_every=0)
    day = date(2026, 1, 1)
    assert cache.items(store, day) == []
    with store.begin() as conn:
        aid, _ = insert_article(conn, ArticleDraft(text="Le Mali construira une route.", raw=b"x", source="t",
                                                   source_kind="text", published="2025-05-01"))
        span = commitment_store_span(conn, aid)
        cid = commitment_store.upsert_commitment(conn, key="road", agents=["MLI"], beneficiaries=[], action="route")
        mid = commitment_store.insert_mention(conn, key="m:road", article_id=aid, span_id=span, extractor_version="t",
                                              evidence="Le Mali construira une route", cue="construira",
                                              modality="promise", agents=["MLI"], confidence=1.0)
        commitment_store.assign_mention(conn, mid, cid)
    assert [i.key for i in cache.items(store, day)] == ["road"]  # a write through another connection is seen
    assert cache.items(store, day) is cache.items(store, day)  # and the built register is reused


def commitment_store_span(conn, article_id: int) -> int:
    from suivi.store.articles import add_span

    return add_span(conn, article_id, 0, 28, "Le Mali construira une route", "Le Mali construira une route.", 0, 29)
