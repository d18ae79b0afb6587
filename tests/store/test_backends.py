"""PostgreSQL everywhere: every command gives the same answer on SQLite and on PostgreSQL.

The same corpus is ingested into a SQLite store and into a fresh database of a real
PostgreSQL server (started by the tests); then every reading command, the analyst's writing
commands, `suivi process` and `suivi evaluate` run on both, and their JSON must agree
(full-text search uses each backend's own engine: the same articles match, snippets differ).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suivi.cli import app
from suivi.store import open_store
from suivi.store.commitments import list_commitments

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "articles"
CLOCK = "2026-11-22"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

_VOLATILE = re.compile(r'("(?:ingested_at|created_at|at|ran_at|last_run_at|when|time|since_run)": )"[^"]*"')


def _run(db: str, *args: str) -> object:
    res = CliRunner().invoke(app, ["--db", db, *args], env={"SUIVI_USER": "ana"})
    assert res.exit_code == 0, f"{args}: {res.output}"
    return json.loads(_VOLATILE.sub(r'\1"<t>"', res.stdout)) if "--json" in args else res.stdout


_SURROGATE = {"id", "commitment_id", "story_id", "mention_id", "mention_ids", "span_id", "target_id"}


def _without_ids(value: object) -> object:
    """Row ids made by a re-run differ (SQLite reuses a deleted row's id, a PostgreSQL sequence
    never does); keys, articles and everything read from them must not."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in _SURROGATE}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _both(dbs: dict[str, str], *args: str, rerun: bool = False) -> object:
    lite, pg = (_run(dbs[name], *args) for name in ("sqlite", "postgres"))
    if rerun:
        lite, pg = _without_ids(lite), _without_ids(pg)
    assert lite == pg, f"suivi {' '.join(args)} differs between SQLite and PostgreSQL:\n{_diff(lite, pg)}"
    return lite


def _diff(a: object, b: object, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b))
        return "".join(_diff(a.get(k), b.get(k), f"{path}.{k}") for k in keys if a.get(k) != b.get(k))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return "".join(_diff(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    return f"  {path}: {a!r} != {b!r}\n"


def test_every_command_agrees_on_both_backends(tmp_path, pg_new_db):
    dbs = {"sqlite": str(tmp_path / "s.db"), "postgres": pg_new_db()}
    _both(dbs, "ingest", "--json", str(CORPUS))
    listed = _both(dbs, "articles", "--json")
    first, second = str(listed[0]["id"]), str(listed[1]["id"])
    for word in ("Moscou", "Dakar", "desalination"):  # each backend's own full-text engine: same hits
        hits = {name: _run(db, "search", word, "--json") for name, db in dbs.items()}
        assert {h["id"] for h in hits["sqlite"]} == {h["id"] for h in hits["postgres"]} != set()
    for args in (["show", first], ["actors"],
                 ["actors", "--kind", "person"], ["quotes"], ["stories"], ["compare", first, second],
                 ["commitments"], ["status", "--as-of", CLOCK], ["compliance", "--as-of", CLOCK],
                 ["overview", "--as-of", CLOCK]):
        _both(dbs, *args, "--json")
    actor = _both(dbs, "actors", "--kind", "person", "--json")[0]
    _both(dbs, "actor", actor["key"], "--json")
    stories = _both(dbs, "stories", "--json")
    _both(dbs, "story", str(stories[0]["id"]), "--json")
    commitments = _both(dbs, "commitments", "--json")
    _both(dbs, "commitment", str(commitments[0]["id"]), "--json")
    with open_store(dbs["sqlite"]).connect() as conn:  # keys survive a re-run (ids need not)
        keys = {c.id: c.key for c in list_commitments(conn)}
    a, b = (keys[int(c["id"])] for c in commitments[:2])
    # the analyst's writes, then everything re-run: decisions survive on both backends alike
    _both(dbs, "review", "confirm", a, "--why", "read the source", "--json")
    _both(dbs, "review", "set-status", b, "in_progress", "--note", "works began", "--effective", "2026-01-10",
          "--why", "site visit", "--json")
    _both(dbs, "review", "edit", a, "--sector", "energy", "--why", "mislabelled", "--json")
    _both(dbs, "watch", "add", "russia", "--actor", "RUS", "--json")
    _both(dbs, "watch", "run", "russia", "--as-of", CLOCK, "--json")
    _both(dbs, "process", "--json")
    _both(dbs, "read", "--json")
    _both(dbs, "review", "history", a, "--as-of", CLOCK, "--json", rerun=True)
    _both(dbs, "status", "--as-of", CLOCK, "--json", rerun=True)
    _both(dbs, "stories", "--json", rerun=True)
    _both(dbs, "watch", "list", "--json")


def test_evaluate_on_postgres_gives_the_sqlite_figures(pg_url):
    gold = ROOT / "corpus" / "gold.json"
    on_sqlite = _run(pg_url, "evaluate", str(gold), "--corpus", str(CORPUS), "--as-of", CLOCK, "--json")
    on_pg = _run(pg_url, "evaluate", str(gold), "--corpus", str(CORPUS), "--as-of", CLOCK, "--db", pg_url,
                 "--json")
    assert on_pg == on_sqlite and on_pg["commitment_f1"] > 0.5
