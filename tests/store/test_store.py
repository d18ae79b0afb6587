"""The store on both backends: migrations, idempotent inserts, spans, full-text search."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from suivi.models import ArticleDraft
from suivi.store import articles as A
from suivi.store import open_store


def _draft(text: str, title: str = "Titre", source: str = "mem") -> ArticleDraft:
    return ArticleDraft(text=text, raw=text.encode(), source=source, source_kind="text", title=title,
                        published="2025-04-03", published_precision="day", language="fr")


def _exercise(store) -> None:
    with store.begin() as conn:
        first, created = A.insert_article(conn, _draft("La Russie livrera des équipements au Niger.\n"))
        assert created
        again, created = A.insert_article(conn, _draft("La  Russie livrera des équipements\tau Niger.",
                                                       source="other"))
        assert (again, created) == (first, False)
        second, _ = A.insert_article(conn, _draft("Ghana and the EU signed a grid accord.", title="Grid"))
        span = A.add_span(conn, first, 3, 9, "Russie", "La Russie livrera…", 0, 40)
        assert A.add_span(conn, first, 3, 9, "Russie", "La Russie livrera…", 0, 40) == span
    with store.connect() as conn:
        assert A.count_articles(conn) == 2
        # SQLite's FTS5 folds accents; PostgreSQL's 'simple' configuration matches words as written
        hits = A.search(conn, "equipements" if store.is_sqlite else "équipements")
        assert [h["id"] for h in hits] == [first]
        assert "[" in hits[0]["snippet"]
        assert A.search(conn, 'NEAR("x" OR') == []  # user text is never query syntax
        assert A.get_span(conn, span).text == "Russie"
        assert [a.id for a in A.list_articles(conn, contains="grid")] == [second]
        assert A.get_article(conn, A.get_article(conn, second).content_hash[:10]).id == second


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request, tmp_path):
    """The same test on SQLite and on a fresh database of a real PostgreSQL server."""
    url = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_new_db")()
    store = open_store(url)
    yield store
    store.close()


def test_store_basics(any_store):
    _exercise(any_store)
    tables = set(inspect(any_store.engine).get_table_names())
    assert {"articles", "spans", "alembic_version"} <= tables
    # reopening migrates nothing and loses nothing
    again = open_store(any_store.url)
    with again.connect() as conn:
        assert A.count_articles(conn) == 2
    again.close()


def test_sqlite_pragmas(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    with store.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_location_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SUIVI_HOME", str(tmp_path / "home"))
    store = open_store()
    assert store.url.endswith(str(tmp_path / "home" / "suivi.db"))
    monkeypatch.setenv("SUIVI_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert open_store().url.endswith("env.db")
    assert open_store(str(tmp_path / "flag.db")).url.endswith("flag.db")


def test_stored_sources_name_the_inputs_already_done(any_store):
    with any_store.begin() as conn:
        A.insert_article(conn, _draft("Premier texte assez long pour compter.", source="/c/a.txt"))
        A.insert_article(conn, _draft("Une entrée de flux, assez longue.", source="/c/feed.xml#entry-2"))
        A.insert_article(conn, _draft("Une ligne JSON, assez longue aussi.", source="/c/x.jsonl:7"))
    with any_store.connect() as conn:
        done = A.stored_sources(conn, ["/c/a.txt", "/c/b.txt", "/c/feed.xml", "/c/x.jsonl", "/c/x"])
    assert done == {"/c/a.txt", "/c/feed.xml", "/c/x.jsonl"}


def test_bound_store_commits_with_the_segment_and_isolates_a_failing_stage(any_store):
    """The writer's segment transaction: stages' own transactions are savepoints of it."""
    from suivi.scale.writer import BoundStore

    with pytest.raises(RuntimeError), any_store.begin() as conn:
        bound = BoundStore(any_store, conn)
        with bound.begin() as c:
            A.insert_article(c, _draft("Gardé par le point de sauvegarde.", source="kept"))
        with pytest.raises(IntegrityError), bound.begin() as c:  # a failing statement on PostgreSQL too
            c.execute(A.articles.insert().values(content_hash="x"))
        with bound.connect() as c:
            assert A.count_articles(c) == 1  # the segment goes on after the failure
        raise RuntimeError("the segment fails as a whole")
    with any_store.connect() as conn:
        assert A.count_articles(conn) == 0

    with any_store.begin() as conn:
        bound = BoundStore(any_store, conn)
        with bound.begin() as c:
            A.insert_article(c, _draft("Écrit avec le segment entier.", source="seg"))
    with any_store.connect() as conn:
        assert A.count_articles(conn) == 1


@pytest.mark.postgres
def test_scratch_store_is_a_schema_of_its_own_dropped_afterwards(pg_new_db):
    from suivi.store.db import scratch_store

    url = pg_new_db()
    main = open_store(url)
    with main.begin() as conn:
        A.insert_article(conn, _draft("Donnée de production, à ne pas toucher.", source="prod"))
    with scratch_store(url) as scratch:
        with scratch.connect() as conn:
            assert A.count_articles(conn) == 0
        _exercise(scratch)
        schema = scratch.engine.url  # same database, another schema
        assert schema.database == main.engine.url.database
    with main.connect() as conn:
        assert A.count_articles(conn) == 1
        schemas = conn.exec_driver_sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'suivi_scratch_%%'").all()
    assert schemas == []
    main.close()


def test_kept_vectors_round_trip_and_keep_the_first(any_store, monkeypatch):
    """The text_vectors table (migration 0010) on both backends: bytes come back as written,
    a key kept twice keeps its first vector, and long key lists are read in chunks."""
    from suivi.store.vectors import load_vectors, save_vectors

    first = {f"k{i:04d}": bytes([i % 256]) * 2048 for i in range(1200)}
    with any_store.begin() as conn:
        assert save_vectors(conn, first) == 1200
        assert save_vectors(conn, {"k0001": b"\x00" * 2048, "new": b"\x07" * 2048}) == 1
    with any_store.connect() as conn:
        got = load_vectors(conn, [*first, "new", "absent"])
    assert got == {**first, "new": b"\x07" * 2048}
    # another writer kept the key between the look-up and the insert: skipped, no error that
    # would undo the segment's transaction
    import suivi.store.vectors as kept

    monkeypatch.setattr(kept, "kept_keys", lambda _conn, _keys: set())
    with any_store.begin() as conn:
        kept.save_vectors(conn, {"new": b"\x09" * 2048, "other": b"\x03" * 2048})
    with any_store.connect() as conn:
        assert load_vectors(conn, ["new", "other"]) == {"new": b"\x07" * 2048, "other": b"\x03" * 2048}


def test_keeping_vectors_asks_the_store_once_per_chunk_not_once_per_key(any_store):
    """Which keys are already kept is one look-up per 500 keys: asked inside the filter, it was
    one query per key, each reading every vector of the batch (12 s of a 400-article run)."""
    from sqlalchemy import event

    from suivi.store.vectors import kept_keys, save_vectors

    statements: list[str] = []
    event.listen(any_store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with any_store.begin() as conn:
        assert save_vectors(conn, {f"k{i:04d}": b"\x01" * 64 for i in range(1200)}) == 1200
        assert save_vectors(conn, {f"k{i:04d}": b"\x02" * 64 for i in range(1100, 1300)}) == 100
        assert kept_keys(conn, ["k0000", "k1299", "absent"]) == {"k0000", "k1299"}
    selects = [s for s in statements if "FROM text_vectors" in s]
    assert len(selects) == 3 + 1 + 1  # 1,200 keys in three chunks, then 200 in one, then the check


def test_merge_writes_assignments_and_party_keys_in_batches(any_store):
    """Reconcile's writes per merged mention (its commitment, its party keys) go out as one
    executemany each instead of one or two statements per row; a pair already indexed, or
    given twice, is written once, and rows keep the order they were decided in."""
    from sqlalchemy import event, select

    from suivi.store import commitments as C
    from suivi.store import stories as S

    with any_store.begin() as conn:
        aid, _ = A.insert_article(conn, _draft("Le Mali construira une route. Le Niger paiera."))
        span = A.add_span(conn, aid, 0, 10, "Le Mali", "Le Mali construira une route.", 0, 30)
        span2 = A.add_span(conn, aid, 31, 40, "Le Niger", "Le Niger paiera.", 31, 47)
        one = C.upsert_commitment(conn, key="one", agents=["MLI"])
        two = C.upsert_commitment(conn, key="two", agents=["NER"])
        m1 = C.insert_mention(conn, key="m1", article_id=aid, span_id=span, extractor_version="t", evidence="route",
                             cue="construira", modality="promise")
        m2 = C.insert_mention(conn, key="m2", article_id=aid, span_id=span2, extractor_version="t", evidence="paiera",
                             cue="paiera", modality="promise")
        S.add_party_key(conn, one, "MLI|")
    statements: list[tuple[str, bool]] = []
    event.listen(any_store.engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[5])))
    with any_store.begin() as conn:
        C.assign_mentions(conn, [(m1, one), (m2, two)])
        pairs = [(one, "MLI|"), (two, "NER|"), (two, "NER|amount:?:5e+06"), (two, "NER|")]
        assert S.add_party_keys(conn, pairs) == 2
        assert S.add_party_keys(conn, []) == 0
    writes = [(s, many) for s, many in statements if s.lstrip().upper().startswith(("UPDATE", "INSERT", "SELECT"))
              and ("commitment_parties" in s or "UPDATE commitment_mentions" in s)]
    assert [many for _s, many in writes] == [True, False, True]  # update, look-up, insert
    with any_store.connect() as conn:
        c = S.commitment_parties.c
        rows = conn.execute(select(c.commitment_id, c.party_key)).all()
        assigned = dict(conn.execute(select(C.commitment_mentions.c.id, C.commitment_mentions.c.commitment_id)).all())
    assert sorted(rows) == sorted([(one, "MLI|"), (two, "NER|"), (two, "NER|amount:?:5e+06")])
    assert assigned == {m1: one, m2: two}
    if any_store.is_sqlite:  # rowids follow the order the keys were decided in
        with any_store.connect() as conn:
            order = conn.exec_driver_sql("SELECT party_key FROM commitment_parties ORDER BY rowid").scalars().all()
        assert order == ["MLI|", "NER|", "NER|amount:?:5e+06"]


def test_has_table_asks_the_catalogue_once_per_table(any_store):
    """Stages ask whether another stage's table exists before each read of it; the answer is
    remembered per store (a migrated table is not dropped while it runs)."""
    from sqlalchemy import event

    from suivi.store.stories import has_table

    statements: list[str] = []
    event.listen(any_store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with any_store.connect() as conn:
        assert all(has_table(conn, "commitments") for _ in range(5))
        first = len(statements)
        assert has_table(conn, "commitments")
        assert not has_table(conn, "no_such_table")
        assert not has_table(conn, "no_such_table")
    assert first >= 1
    assert len(statements) > first  # a table not found is asked again


def test_kept_keys_are_not_asked_again_unless_rolled_back(any_store):
    """Keys this process kept or saw kept are not looked up again; a rolled-back savepoint
    (what it kept is gone) makes the store be asked again, and finds them absent."""
    from sqlalchemy import event

    from suivi.store.vectors import kept_keys, save_vectors

    statements: list[str] = []
    event.listen(any_store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def lookups() -> int:
        return sum("FROM text_vectors" in s for s in statements)

    with any_store.begin() as conn:
        assert save_vectors(conn, {"a": b"\x01" * 64, "b": b"\x02" * 64}) == 2
        before = lookups()
        assert kept_keys(conn, ["a", "b"]) == {"a", "b"}
        assert save_vectors(conn, {"a": b"\x03" * 64}) == 0
        assert lookups() == before
        with conn.begin_nested() as savepoint:
            assert save_vectors(conn, {"c": b"\x04" * 64}) == 1  # "c" asked: not known yet
            savepoint.rollback()
        assert lookups() == before + 1
        assert kept_keys(conn, ["a", "c"]) == {"a"}  # asked again: the rollback forgot them all
        assert lookups() == before + 2
