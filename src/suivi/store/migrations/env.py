"""Alembic environment: runs on the connection Suivi hands it (see store.db.Store.migrate)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when alembic CLI is used directly
    from suivi.store.db import open_store

    store = open_store(migrate=False)
    with store.engine.begin() as conn:
        context.configure(connection=conn, render_as_batch=store.is_sqlite)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
