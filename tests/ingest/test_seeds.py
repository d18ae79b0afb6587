"""The five real seed articles: titles and publication days as the gold file says."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from sqlalchemy import select

from suivi.ingest.api import ingest
from suivi.store.articles import articles as article_table
from suivi.store.articles import iter_articles


def norm(s: str | None) -> str:
    """The normalisation of the shared scorer (case, accents, apostrophes, quotes, dashes)."""
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("’", "'").replace("‘", "'").replace("«", " ").replace("»", " ").replace('"', " ")
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")
    return " ".join(s.replace("-", " ").split())


def test_seed_titles_and_days_match_gold(store, seeds_dir: Path, gold_path: Path) -> None:
    gold = {a["file"]: a for a in json.loads(gold_path.read_text(encoding="utf-8"))["articles"]}
    report = ingest(store, [str(seeds_dir)])
    assert not report.rejected
    assert len(report.new) == len(gold)
    with store.connect() as conn:
        stored = {Path(a.source).name: a for a in iter_articles(conn)}
    assert set(stored) == set(gold)
    for name, expected in gold.items():
        article = stored[name]
        assert article.published == expected["published"], name
        assert article.published_precision == "day", name
        if expected["title"] is None:
            assert article.title is None, name
        else:
            assert norm(article.title) == norm(expected["title"]), name
            assert article.text.startswith(article.title + "\n\n"), name
        assert article.language == "fr", name


def test_seed_clean_text_keeps_body_drops_boilerplate(store, seeds_dir: Path) -> None:
    ingest(store, [str(seeds_dir)])
    with store.connect() as conn:
        articles = iter_articles(conn)
        raws = dict(conn.execute(select(article_table.c.source, article_table.c.raw)).all())
    for article in articles:
        assert raws[article.source] == Path(article.source).read_bytes()  # raw copy untouched
        for line in article.text.split("\n"):
            folded = norm(line)
            assert "la suite apres la publicite" not in folded
            assert not folded.startswith(("lire aussi", "tagged", "share this", "leave a comment"))
            assert "ad image" not in folded


def test_seed_second_run_stores_nothing_new(store, seeds_dir: Path) -> None:
    first = ingest(store, [str(seeds_dir)])
    second = ingest(store, [str(seeds_dir)])
    assert len(first.new) == 5
    assert second.new == []
    assert sorted(i for _, i in second.duplicates) == sorted(first.new)
