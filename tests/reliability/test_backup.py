"""`suivi backup` / `suivi restore` with the installed command, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time

from sqlalchemy import create_engine, text
from tests.reliability.conftest import CORPUS, RUNS, SUIVI, picture, suivi


def test_backup_then_restore_into_a_new_store_gives_the_same_store(ingested, tmp_path_factory):
    original = picture(ingested / "suivi.db")
    copy = tmp_path_factory.mktemp("backups") / "store.db"
    done = suivi(ingested, "backup", str(copy), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"] == sum(original["articles"].values())
    assert not list(copy.parent.glob("*-wal"))  # one self-contained file
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    done = suivi(elsewhere, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    assert picture(elsewhere / "suivi.db") == original
    assert suivi(elsewhere, "doctor").returncode == 0


def test_restore_over_a_store_saves_what_it_replaces(ingested, tmp_path_factory, small_corpus):
    other = tmp_path_factory.mktemp("other")
    assert suivi(other, "ingest", "--no-process", str(small_corpus / sorted(os.listdir(small_corpus))[0])
                 ).returncode == 0
    small = picture(other / "suivi.db")
    backup = tmp_path_factory.mktemp("bk") / "full.db"
    assert suivi(ingested, "backup", str(backup)).returncode == 0
    done = suivi(other, "restore", str(backup), "--json")
    assert done.returncode == 0, done.stderr
    replaced = json.loads(done.stdout)["replaced"]
    assert replaced and picture(replaced) == small
    assert picture(other / "suivi.db") == picture(ingested / "suivi.db")


def test_bad_backup_files_are_refused_and_the_store_is_untouched(ingested, tmp_path_factory):
    before = picture(ingested / "suivi.db")
    folder = tmp_path_factory.mktemp("bad")
    not_sqlite = folder / "notes.db"
    not_sqlite.write_text("not a database\n")
    foreign = folder / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    pg_dump = folder / "dump.pgc"
    pg_dump.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 64)
    for path, message in ((not_sqlite, "not a Suivi backup"), (foreign, "no schema revision"),
                          (pg_dump, "needs a PostgreSQL store"), (folder / "absent.db", "no backup file")):
        done = suivi(ingested, "restore", str(path))
        assert done.returncode == 1, (path, done.stdout)
        assert message in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert suivi(ingested, "backup", str(folder)).returncode == 1  # a folder is not a file name
    assert picture(ingested / "suivi.db") == before


def test_online_backup_while_an_ingest_writes(ingested, tmp_path_factory):
    """Backups taken while another process writes are each a sound store."""
    env = {**os.environ, "SUIVI_HOME": str(ingested)}
    env.pop("SUIVI_DATABASE_URL", None)
    writer = subprocess.Popen([str(SUIVI), "batch", str(CORPUS), "--segment", "1", "--workers", "0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    folder = tmp_path_factory.mktemp("online")
    taken = []
    try:
        while writer.poll() is None and len(taken) < 4:
            target = folder / f"b{len(taken)}.db"
            done = suivi(ingested, "backup", str(target))
            assert done.returncode == 0, done.stderr
            taken.append(target)
            time.sleep(0.5)
    finally:
        _, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    assert taken
    for path in taken:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        home = tmp_path_factory.mktemp("check")
        assert suivi(home, "restore", str(path)).returncode == 0
        report = json.loads(suivi(home, "doctor", "--json").stdout)
        assert report["ok"], report


def test_postgres_backup_and_restore(tmp_path, pg_new_db, small_corpus):
    source, target = pg_new_db(), pg_new_db()
    assert suivi(tmp_path, *RUNS["process"](small_corpus)[0], db=source).returncode == 0
    dump = tmp_path / "store.pgc"
    done = suivi(tmp_path, "backup", str(dump), db=source)
    assert done.returncode == 0, done.stderr
    assert dump.read_bytes().startswith(b"PGDMP")
    done = suivi(tmp_path, "restore", str(dump), "--json", db=target)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"] == 8
    engine = create_engine(target)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 8
    engine.dispose()
    assert suivi(tmp_path, "doctor", db=target).returncode == 0
    # restored again over a store that holds articles: those are saved first
    done = suivi(tmp_path, "restore", str(dump), "--json", db=target)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["replaced"]
    sqlite_file = tmp_path / "x.db"
    with sqlite3.connect(sqlite_file) as conn:
        conn.execute("CREATE TABLE t (x)")
    done = suivi(tmp_path, "restore", str(sqlite_file), db=target)
    assert done.returncode == 1 and "needs a SQLite store" in done.stderr
