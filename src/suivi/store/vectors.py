"""Kept sentence vectors, by key (see migration 0010): read and write, nothing else.

The keys and the vectors' bytes are the caller's (`suivi.reconcile.vectors`): this module
only stores them, so the store stays free of the encoder."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Column, Connection, LargeBinary, String, Table, event, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from suivi.store.meta import metadata

text_vectors = Table(
    "text_vectors",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

_CHUNK = 500  # keys per IN list


def load_vectors(conn: Connection, keys: Iterable[str]) -> dict[str, bytes]:
    """The kept vectors of these keys (keys never kept are absent)."""
    wanted = list(dict.fromkeys(keys))
    out: dict[str, bytes] = {}
    for i in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(text_vectors.c.key, text_vectors.c.vector).where(text_vectors.c.key.in_(wanted[i:i + _CHUNK]))
        )
        out.update((r.key, bytes(r.vector)) for r in rows)
    return out


_KNOWN: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
"""Per engine, keys this process saw kept or kept itself: a kept vector is never deleted, so they
need not be asked again (the writer asked 640 times per 200 articles, most keys known). Forgotten
at any rollback (a savepoint's too: what it kept is gone) and when the engine is disposed (a
restore replaces the store)."""
_KNOWN_MAX = 200_000


def _known(conn: Connection) -> set[str]:
    engine = conn.engine
    known = _KNOWN.get(engine)
    if known is None:
        known = _KNOWN[engine] = set()

        def forget(*_args: Any) -> None:
            known.clear()

        for name in ("rollback", "rollback_savepoint", "engine_disposed"):
            event.listen(engine, name, forget)
    elif len(known) > _KNOWN_MAX:
        known.clear()
    return known


def kept_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Which of these keys are kept (read from the primary key's index, not the vectors)."""
    known = _known(conn)
    wanted = list(dict.fromkeys(keys))
    out = {k for k in wanted if k in known}
    wanted = [k for k in wanted if k not in known]
    for i in range(0, len(wanted), _CHUNK):
        out.update(conn.execute(
            select(text_vectors.c.key).where(text_vectors.c.key.in_(wanted[i:i + _CHUNK]))).scalars())
    known.update(out)
    return out


def save_vectors(conn: Connection, vectors: Mapping[str, bytes]) -> int:
    """Keep these vectors; a key already kept keeps its vector. Returns how many were new.

    A key another writer keeps at the same moment is skipped, not an error that would undo the
    caller's segment (the vectors of one text are the same whoever computed them). Only the
    new keys' values are read from `vectors` (the caller may make them on demand)."""
    kept = kept_keys(conn, vectors)  # once: asked inside the filter it was one query per key
    new = {k: vectors[k] for k in vectors if k not in kept}
    if new:
        insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(insert(text_vectors).on_conflict_do_nothing(index_elements=["key"]),
                     [{"key": k, "vector": v} for k, v in new.items()])
        _known(conn).update(new)
    return len(new)
