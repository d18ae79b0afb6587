"""`suivi commitments` and `suivi commitment` on a real store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suivi.cli import app

pytestmark = pytest.mark.slow


@pytest.fixture
def filled_db(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "La Turquie livrera des drones au Niger en 2026.\nLe Ghana a promis d’ouvrir une ambassade au Togo.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return db


def test_commitments_json_and_filters(filled_db):
    runner = CliRunner()
    out = runner.invoke(app, ["--db", filled_db, "commitments", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert {tuple(r["agents"]) for r in rows} >= {("TUR",), ("GHA",)}
    only = json.loads(runner.invoke(app, ["--db", filled_db, "commitments", "--agent", "TUR", "--json"]).stdout)
    assert [r["deadline"] for r in only] == ["2026-12-31"]
    assert json.loads(runner.invoke(app, ["--db", filled_db, "commitments", "--beneficiary", "TGO",
                                          "--json"]).stdout)[0]["agents"] == ["GHA"]
    table = runner.invoke(app, ["--db", filled_db, "commitments"])
    assert table.exit_code == 0 and "TUR" in table.stdout


def test_commitment_shows_evidence(filled_db):
    runner = CliRunner()
    rows = json.loads(runner.invoke(app, ["--db", filled_db, "commitments", "--agent", "TUR", "--json"]).stdout)
    out = runner.invoke(app, ["--db", filled_db, "commitment", rows[0]["id"], "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["evidence"][0]["evidence"].startswith("La Turquie livrera")
    text = runner.invoke(app, ["--db", filled_db, "commitment", rows[0]["id"]])
    assert "La Turquie livrera des drones" in text.stdout


def test_unknown_commitment_is_one_line_error(filled_db):
    out = CliRunner().invoke(app, ["--db", filled_db, "commitment", "m9999"])
    assert out.exit_code != 0
