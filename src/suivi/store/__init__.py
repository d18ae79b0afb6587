"""The only package that talks SQL. Everyone else gets plain objects.

Each stage owns one module here (articles, reading, commitments, stories, follow) with its
tables and queries; `db.Store` owns the engine and migrations.
"""

from suivi.store.db import Store, open_store

__all__ = ["Store", "open_store"]
