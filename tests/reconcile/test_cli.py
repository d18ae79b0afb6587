"""`suivi stories`, `suivi story ID`, `suivi compare A B` on the fixture store, as JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from suivi.cli import app

from .conftest import by_source

runner = CliRunner()


def _run(store, *args: str):
    result = runner.invoke(app, ["--db", store.url, *args])
    assert result.exit_code == 0, result.output
    return result


def test_stories_json_lists_every_story(fixture_store):
    data = json.loads(_run(fixture_store, "stories", "--json").stdout)
    assert sum(s["n_articles"] for s in data) == 6
    assert len(data) == 3


def test_story_json_has_timeline_commitments_disagreements_summary(fixture_store):
    ids = by_source(fixture_store)
    stories = json.loads(_run(fixture_store, "stories", "--json").stdout)
    big = max(stories, key=lambda s: s["n_articles"])
    data = json.loads(_run(fixture_store, "story", str(big["id"]), "--json").stdout)
    published = [a["published"] for a in data["articles"]]
    assert published == sorted(published)
    assert data["independent_outlets"] == 3
    assert {"commitments", "disagreements", "summary", "attributions", "events"} <= set(data)
    assert ids["articles.jsonl:1"] in {a["article_id"] for a in data["articles"]}
    text = _run(fixture_store, "story", str(big["id"])).stdout
    assert "differs" in text and "event_date" in text


def test_compare_shows_shared_and_different_facts(fixture_store):
    ids = by_source(fixture_store)
    a, b = ids["articles.jsonl:1"], ids["articles.jsonl:5"]
    data = json.loads(_run(fixture_store, "compare", str(a), str(b), "--json").stdout)
    assert data["same_story"] is False
    assert {"AGO", "BRA"} <= set(data["actors"]["shared"])
    assert data["event_date"]["agree"] is False
    copy = json.loads(_run(fixture_store, "compare", str(a), str(ids["articles.jsonl:2"]), "--json").stdout)
    assert copy["same_story"] is True and copy["duplicate"] is True


def test_unknown_story_is_one_line_error(fixture_store):
    result = runner.invoke(app, ["--db", fixture_store.url, "story", "9999"])
    assert result.exit_code != 0
