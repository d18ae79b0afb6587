"""The store on both backends: migrations, idempotent inserts, spans, full-text search."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

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


def test_sqlite_store(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    _exercise(store)
    with store.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # reopening migrates nothing and loses nothing
    again = open_store(str(tmp_path / "s.db"))
    with again.connect() as conn:
        assert A.count_articles(conn) == 2


def test_store_location_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SUIVI_HOME", str(tmp_path / "home"))
    store = open_store()
    assert store.url.endswith(str(tmp_path / "home" / "suivi.db"))
    monkeypatch.setenv("SUIVI_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert open_store().url.endswith("env.db")
    assert open_store(str(tmp_path / "flag.db")).url.endswith("flag.db")


@pytest.mark.postgres
def test_postgres_store(pg_url):
    store = open_store(pg_url)
    _exercise(store)
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "spans", "alembic_version"} <= tables
