"""`suivi backup FILE` / `suivi restore FILE`: a consistent copy of a live store, and back.

Why these tools: SQLite's online backup API copies a store page by page while other
processes keep writing (a plain file copy of a WAL database can miss committed pages or catch
a half-written one); PostgreSQL's pg_dump takes one snapshot. A restore never loses what it
replaces: a store holding articles is first saved next to the backup (`<FILE>.replaced-<time>`),
and a file that is not a backup of a Suivi store is refused before anything is touched.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from suivi.errors import StoreError
from suivi.store.db import Store

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


@dataclass
class BackupResult:
    path: str
    bytes: int
    articles: int
    replaced: str | None = None  # restore: where the store's previous content was saved

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "bytes": self.bytes, "articles": self.articles, "replaced": self.replaced}


def backup(store: Store, target: Path) -> BackupResult:
    """Write a consistent copy of the store to `target` (replaced atomically if it exists)."""
    target = target.expanduser().resolve()
    if target.is_dir():
        raise StoreError(f"{target} is a folder: give a file name for the backup")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        if store.is_sqlite:
            _sqlite_copy(_sqlite_path(store), tmp)
        elif store.dialect == "postgresql":
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp), _libpq_url(store)],
                 "pg_dump")
        else:
            raise StoreError(f"backup does not support {store.dialect} stores")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(str(target), target.stat().st_size, _article_count(store))


def restore(store: Store, source: Path) -> BackupResult:
    """Replace the store's content with a backup made by `backup`, then migrate it to head."""
    source = source.expanduser().resolve()
    if not source.is_file():
        raise StoreError(f"no backup file at {source}")
    with source.open("rb") as fh:
        head = fh.read(16)
    replaced: str | None = None
    if store.is_sqlite:
        if not head.startswith(SQLITE_MAGIC):
            raise StoreError(f"{source} is not a SQLite backup (a PostgreSQL dump needs a PostgreSQL store)"
                             if head.startswith(PGDUMP_MAGIC) else f"{source} is not a Suivi backup")
        _validate_sqlite_backup(source)
        if _article_count(store):
            replaced = str(backup(store, _replaced_name(source)).path)
        store.close()  # no pooled connection of ours holds the file while it is overwritten
        _sqlite_copy(source, Path(_sqlite_path(store)), standalone=False)
    elif store.dialect == "postgresql":
        if not head.startswith(PGDUMP_MAGIC):
            raise StoreError(f"{source} is not a PostgreSQL dump (a SQLite backup needs a SQLite store)"
                             if head.startswith(SQLITE_MAGIC) else f"{source} is not a Suivi backup")
        listing = _run([_pg_tool("pg_restore"), "--list", str(source)], "pg_restore --list")
        if " alembic_version" not in listing:
            raise StoreError(f"{source} is a PostgreSQL dump but not of a Suivi store (no alembic_version)")
        if _article_count(store):
            replaced = str(backup(store, _replaced_name(source)).path)
        store.close()
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--dbname", _libpq_url(store), str(source)], "pg_restore")
    else:
        raise StoreError(f"restore does not support {store.dialect} stores")
    store.migrate()  # a backup made by an older Suivi is brought to this version's schema
    return BackupResult(str(source), source.stat().st_size, _article_count(store), replaced)


def _replaced_name(source: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return source.with_name(f"{source.name}.replaced-{stamp}")


def _sqlite_path(store: Store) -> str:
    database = make_url(store.url).database
    if not database or database == ":memory:":
        raise StoreError("an in-memory store has no file to back up or restore")
    return database


def _sqlite_copy(source: str | Path, target: Path, *, standalone: bool = True) -> None:
    """Page-by-page copy through SQLite's online backup API (consistent while others write)."""
    if not Path(source).is_file():
        raise StoreError(f"no store at {source}")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(str(target), timeout=30)
        try:
            src.backup(dst)
            # one self-contained file: the copy carries the source's WAL flag otherwise, and
            # every later open of it would leave -wal/-shm files beside it
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot copy {source} to {target}: {exc}") from exc
    finally:
        src.close()


def _validate_sqlite_backup(source: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                        if "alembic_version" in tables else None)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{source} is not a Suivi backup: {exc}") from exc
    if not check or check[0] != "ok":
        raise StoreError(f"{source} is damaged (integrity_check: {check[0] if check else 'no answer'})")
    if not revision:
        raise StoreError(f"{source} is not a Suivi backup (no schema revision)")


def _article_count(store: Store) -> int:
    from sqlalchemy import func, select

    from suivi.store.articles import articles

    try:
        with store.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    except Exception:  # noqa: BLE001 - an empty or unmigrated store holds no articles
        return 0


def _libpq_url(store: Store) -> str:
    """The store's URL as libpq reads it (no SQLAlchemy driver suffix)."""
    url = make_url(store.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)),
                                       None)
    if not found:
        raise StoreError(f"{name} is not installed (Debian: postgresql-client)")
    return found


def _run(cmd: list[str], what: str) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise StoreError(f"{what} failed: {exc}") from exc
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["exit status " + str(done.returncode)])[-1]
        raise StoreError(f"{what} failed: {message}")
    return done.stdout
