"""Engine, connection pragmas and schema migrations.

Why Alembic at open time: a store made by an older Suivi is upgraded in place, SQLite and
PostgreSQL follow the same migration chain, and tests get a real schema in one call.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from suivi import config
from suivi.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_CACHE_KB = 32768
"""SQLite page cache per connection, in KiB (the web app sets its own, smaller)."""


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
    # SQLAlchemy emits BEGIN itself (_sqlite_begin): the driver's own transaction handling
    # starts a transaction only at the first INSERT/UPDATE, so a SAVEPOINT issued before one
    # opened (and its RELEASE committed) a transaction of its own, outside the outer one.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={config.busy_timeout_ms()}")
    # 32 MB of page cache per connection: blocking-key lookups stay flat as a store grows
    # (with the 2 MB default, time per new article tripled from 1k to 100k articles; 128 MB
    # held the writer's memory up by 100 MB at 10k articles for no measured gain, bench/README.md)
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
    cur.close()


WRITE = "suivi_write"
"""Connection-info flag: this transaction (from Store.begin) will write."""


def _sqlite_begin(conn: Connection) -> None:
    # A write transaction takes the write lock when it starts (BEGIN IMMEDIATE), waiting for it
    # up to busy_timeout. A deferred one that read first was refused at once when it came to
    # write after another process had committed (its snapshot was stale: SQLITE_BUSY, which
    # busy_timeout does not wait out) — a review write during an ingest failed that way.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(WRITE) else "BEGIN")


def _json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class Store:
    """A migrated database. Use `store.begin()` for one transaction."""

    def __init__(self, url: str, schema: str | None = None) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        connect_args: dict[str, str] = {}
        if schema is not None:  # a PostgreSQL schema of its own (see scratch_store)
            if self.dialect != "postgresql":
                raise StoreError(f"a store schema needs PostgreSQL, not {self.dialect}")
            connect_args["options"] = f"-c search_path={schema}"
        try:
            self.engine: Engine = create_engine(url, json_serializer=_json_dumps, future=True,
                                                connect_args=connect_args)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError(f"cannot open store {safe_url(url)}: {exc}") from exc
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def migrate(self) -> None:
        """Bring the schema to the newest revision."""
        from alembic import command  # imported here: every command starts faster without it
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except Exception as exc:
            raise StoreError(f"cannot migrate store {safe_url(self.url)}: {exc}") from exc

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One write transaction: committed on success, rolled back on any error. It holds the
        store's write lock from its start (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
        lock), so concurrent writers queue instead of failing; readers are never blocked."""
        with self.engine.connect() as conn:
            conn.info[WRITE] = True
            try:
                with conn.begin():
                    if self.dialect == "postgresql":
                        # the same one-writer-at-a-time rule, per schema: two writers' get-or-create
                        # rows (articles, actors) raced into unique violations, and each reconciled
                        # without the other's articles
                        conn.execute(text("SELECT pg_advisory_xact_lock(8413, hashtext(current_schema()))"))
                    yield conn
            finally:
                conn.info.pop(WRITE, None)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<store>"


@contextmanager
def scratch_store(url: str) -> Iterator[Store]:
    """A fresh, migrated store inside a PostgreSQL database, in a schema of its own that is
    dropped afterwards (`suivi evaluate --db`): the evaluation runs on the same server and
    migrations as production data, and never touches that data."""
    if make_url(url).get_backend_name() != "postgresql":
        raise StoreError("a scratch store needs a PostgreSQL URL (postgresql+psycopg://...)")
    name = f"suivi_scratch_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, future=True)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
    except Exception as exc:
        admin.dispose()
        raise StoreError(f"cannot create a scratch schema in {safe_url(url)}: {exc}") from exc
    store = Store(url, schema=name)
    try:
        store.migrate()
        yield store
    finally:
        store.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and migrate) the store chosen by `--db`, `$SUIVI_DATABASE_URL` or SUIVI_HOME."""
    store = Store(config.database_url(db))
    if migrate:
        store.migrate()
    return store
