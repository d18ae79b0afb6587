"""The reading commands on a real store: read, actors, actor, quotes (JSON output)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from suivi.cli import app
from suivi.ingest.api import ingest

TEXT = ("Le ministre ivoirien des Affaires étrangères, Léon Kacou Adom, a reçu à Abidjan son homologue "
        "ghanéen, Samuel Ablakwa. « Nos deux pays avancent ensemble », a déclaré M. Adom.\n")


def test_read_actors_actor_quotes(tmp_path, store, nlp_fr):
    src = tmp_path / "a.txt"
    src.write_text("Abidjan et Accra renforcent leurs liens\n\n" + TEXT, encoding="utf-8")
    ingest(store, [str(src)])
    db = store.url
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "read", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["articles"] == 1
    res = runner.invoke(app, ["--db", db, "actors", "--kind", "person", "--json"])
    persons = {a["name"]: a for a in json.loads(res.stdout)}
    assert set(persons) == {"Léon Kacou Adom", "Samuel Ablakwa"}
    assert persons["Léon Kacou Adom"]["roles"][0]["serves"] == "CIV"
    res = runner.invoke(app, ["--db", db, "actor", "Adom", "--json"])
    detail = json.loads(res.stdout)
    assert detail["key"] == "person:leon-kacou-adom"
    assert [q["text"] for q in detail["quotes"]] == ["Nos deux pays avancent ensemble"]
    assert all(m["sentence"] for m in detail["mentions"])
    res = runner.invoke(app, ["--db", db, "quotes", "--speaker", "Kacou Adom", "--json"])
    assert [q["speaker"] for q in json.loads(res.stdout)] == ["Léon Kacou Adom"]
    res = runner.invoke(app, ["--db", db, "actor", "Personne Inconnue"])
    assert res.exit_code == 1
