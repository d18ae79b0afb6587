"""The stage on our own fixtures: a syndicated copy, a rewrite, an English version, and a
different event with the same actors (tests/resources/reconcile/README.md)."""

from __future__ import annotations

from suivi.reconcile import stage
from suivi.reconcile.report import story_detail
from suivi.store import stories as story_store

from .conftest import RESOURCES, _noop, by_source


def _ids(store) -> list[int]:
    ids = by_source(store)
    return [ids[f"articles.jsonl:{n}"] for n in range(1, 7)]


def test_syndicated_copy_is_flagged_and_rewrites_are_not(fixture_store):
    original, copy, rewrite, english, other_event, unrelated = _ids(fixture_store)
    with fixture_store.connect() as conn:
        assert story_store.duplicate_of(conn, copy) == original
        for aid in (original, rewrite, english, other_event, unrelated):
            assert story_store.duplicate_of(conn, aid) is None


def test_same_event_is_one_story_and_same_actors_other_event_is_another(fixture_store):
    original, copy, rewrite, english, other_event, unrelated = _ids(fixture_store)
    with fixture_store.connect() as conn:
        story = {aid: story_store.story_of_article(conn, aid) for aid in _ids(fixture_store)}
    assert story[original] is not None
    assert story[copy] == story[rewrite] == story[english] == story[original]
    assert story[other_event] != story[original]
    assert story[unrelated] not in (story[original], story[other_event])


def test_corroboration_counts_a_copy_once(fixture_store):
    original, *_ = _ids(fixture_store)
    with fixture_store.connect() as conn:
        detail = story_detail(conn, story_store.story_of_article(conn, original))
    assert len(detail["articles"]) == 4
    assert detail["independent_outlets"] == 3
    copies = [a for a in detail["articles"] if a["duplicate_of"]]
    assert [a["duplicate_of"] for a in copies] == [original]


def test_disagreements_list_each_value_with_its_outlets(fixture_store):
    original, copy, rewrite, english, *_ = _ids(fixture_store)
    with fixture_store.connect() as conn:
        found = {
            d["field"]: d["values"]
            for d in story_store.disagreements_of(conn, story_store.story_of_article(conn, original))
        }
    dates = {v["value"]: v for v in found["event_date"]}
    assert set(dates) == {"2025-03-10", "2025-03-11"}
    assert dates["2025-03-11"]["articles"] == [rewrite]
    assert "le matin de luanda" in dates["2025-03-11"]["outlets"]
    assert set(dates["2025-03-10"]["articles"]) == {original, copy, english}
    figures = next(v for f, v in found.items() if f.startswith("figure:"))
    assert {v["value"] for v in figures} == {"2000", "1800"}


def test_attributions_are_recorded_with_their_source(fixture_store):
    original, _copy, _rewrite, english, *_ = _ids(fixture_store)
    with fixture_store.connect() as conn:
        found = story_store.attributions_of(conn, [original, english])
    sources = {(a["article_id"], a["source"]) for a in found}
    assert (original, "agence Angop") in sources
    assert (english, "Angolan presidency") in sources
    assert all(a["cue"] and a["sentence"] for a in found)


def test_summary_has_no_sentence_twice_and_names_outlets(fixture_store):
    from suivi.reconcile.vectors import similarity

    original, *_ = _ids(fixture_store)
    with fixture_store.connect() as conn:
        summary = story_store.summary_of(conn, story_store.story_of_article(conn, original))
    assert 1 <= len(summary) <= 3
    assert all(s["outlet"] for s in summary)
    sentences = [s["sentence"] for s in summary]
    sims = similarity(sentences, sentences)
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            assert sims[i, j] < 0.7, (sentences[i], sentences[j])


def test_rerun_over_some_articles_keeps_the_grouping(fixture_store):
    ids = _ids(fixture_store)
    with fixture_store.connect() as conn:
        before = {aid: story_store.story_of_article(conn, aid) for aid in ids}
    stage.run(fixture_store, [ids[2], ids[4]], _noop)
    with fixture_store.connect() as conn:
        after = {aid: story_store.story_of_article(conn, aid) for aid in ids}
        assert story_store.duplicate_of(conn, ids[1]) == ids[0]
    partition = lambda m: sorted(sorted(a for a in m if m[a] == s) for s in set(m.values()))  # noqa: E731
    assert partition(after) == partition(before)


def test_full_rerun_reproduces_stories(fixture_store):
    ids = _ids(fixture_store)
    with fixture_store.connect() as conn:
        before = {aid: story_store.story_of_article(conn, aid) for aid in ids}
    stage.run(fixture_store, None, _noop)
    with fixture_store.connect() as conn:
        after = {aid: story_store.story_of_article(conn, aid) for aid in ids}
    partition = lambda m: sorted(sorted(a for a in m if m[a] == s) for s in set(m.values()))  # noqa: E731
    assert partition(after) == partition(before)


def test_articles_added_one_at_a_time_give_the_same_stories(tmp_path):
    """Incremental: each new article joins a story or opens one, as in one batch."""
    import json

    from suivi.ingest.api import ingest
    from suivi.store import open_store
    from suivi.store.articles import iter_articles

    from .conftest import RESOURCES

    lines = (RESOURCES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines.sort(key=lambda line: json.loads(line)["published"])
    s = open_store(str(tmp_path / "one_by_one.db"))
    try:
        for n, line in enumerate(lines):
            path = tmp_path / f"a{n}.jsonl"
            path.write_text(line + "\n", encoding="utf-8")
            report = ingest(s, [str(path)], _noop, _noop)
            stage.run(s, report.new, _noop)
        with s.connect() as conn:
            story = {a.title + (a.outlet or ""): story_store.story_of_article(conn, a.id) for a in iter_articles(conn)}
            copies = sum(story_store.duplicate_of(conn, a.id) is not None for a in iter_articles(conn))
    finally:
        s.close()
    groups = sorted(sorted(k for k in story if story[k] == v) for v in set(story.values()))
    assert copies == 1
    assert [len(g) for g in sorted(groups, key=len)] == [1, 1, 4]
    big = max(groups, key=len)
    assert not any("Norway" in k or "naval" in k for k in big)


def test_mentions_compared_per_commitment_are_its_first_and_most_recent(tmp_path):
    from suivi.ingest.api import ingest
    from suivi.pipeline import run_pipeline
    from suivi.store import open_store

    store = open_store(str(tmp_path / "full.db"))
    ingest(store, [str(RESOURCES / "articles.jsonl")], _noop, _noop)
    run_pipeline(store, None, None, None)
    with store.connect() as conn:
        rows = story_store.mentions_of_articles(conn, list(by_source(store).values()))
        by_commitment: dict[int, list[int]] = {}
        for r in rows:
            if r.commitment_id is not None:
                by_commitment.setdefault(r.commitment_id, []).append(r.id)
        told_most = max(by_commitment, key=lambda c: len(by_commitment[c]))
        ids = sorted(by_commitment[told_most])
        assert len(ids) >= 3
        every = story_store.mentions_of_commitments(conn, [told_most])
        capped = story_store.mentions_of_commitments(conn, [told_most], per_commitment=2)
        stories = story_store.stories_of_articles(conn, sorted({r.article_id for r in rows}))
        alone = {r.article_id: story_store.story_of_article(conn, r.article_id) for r in rows}
    assert sorted(r.id for r in every) == ids
    assert sorted(r.id for r in capped) == [ids[0], ids[-1]]
    assert stories == alone
