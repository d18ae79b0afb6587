"""Kept sentence vectors, by key (see migration 0010): read and write, nothing else.

The keys and the vectors' bytes are the caller's (`suivi.reconcile.vectors`): this module
only stores them, so the store stays free of the encoder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Column, Connection, LargeBinary, String, Table, select
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


def kept_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Which of these keys are kept (read from the primary key's index, not the vectors)."""
    wanted = list(dict.fromkeys(keys))
    out: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        out.update(conn.execute(
            select(text_vectors.c.key).where(text_vectors.c.key.in_(wanted[i:i + _CHUNK]))).scalars())
    return out


def save_vectors(conn: Connection, vectors: Mapping[str, bytes]) -> int:
    """Keep these vectors; a key already kept keeps its vector. Returns how many were new.

    A key another writer keeps at the same moment is skipped, not an error that would undo the
    caller's segment (the vectors of one text are the same whoever computed them)."""
    kept = kept_keys(conn, vectors)  # once: asked inside the filter it was one query per key
    new = {k: v for k, v in vectors.items() if k not in kept}
    if new:
        insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(insert(text_vectors).on_conflict_do_nothing(index_elements=["key"]),
                     [{"key": k, "vector": v} for k, v in new.items()])
    return len(new)
