"""`suivi doctor`, `suivi backup`, `suivi restore`: keeping a store trustworthy.

Why here and thin: the checks and copies live in `store.integrity` and `store.backup` (the
only SQL); the command decides the exit status (1 when a fault remains) and, for `--fix`,
hands unfinished articles back to the stages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from sqlalchemy.engine import make_url

from suivi import config
from suivi.cli.common import DbOption, JsonOption, _global_db, console, emit_json, progress_bar, warn_stage_error
from suivi.errors import StoreError
from suivi.store import Store, open_store


def _open(db: str | None, *, migrate: bool) -> Store:
    url = config.database_url(db or _global_db["db"])
    parsed = make_url(url)
    sqlite_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    if sqlite_file and not Path(parsed.database).is_file():
        raise StoreError(f"no store at {parsed.database}")
    return open_store(url, migrate=migrate)


def register(app: typer.Typer) -> None:
    @app.command("doctor")
    def doctor(
        fix: Annotated[bool, typer.Option("--fix", help="Repair what is safe (derived rows, search index, "
                                                        "unfinished stages, schema), then check again.")] = False,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Check a store: engine integrity, foreign keys, search index, spans, unfinished stages, schema.

        Exits 1 when a fault remains. Nothing an analyst wrote is ever removed by --fix.

        Example: suivi doctor --fix
        """
        from suivi.store import integrity

        store = _open(db, migrate=False)
        report = integrity.check(store)
        if fix:
            from suivi.pipeline import run_pipeline

            def reprocess(ids: list[int]) -> None:
                with progress_bar(not as_json) as hook:
                    run_pipeline(store, ids, hook, warn_stage_error)

            report = integrity.fix(store, report, reprocess)
        if as_json:
            emit_json(report.to_json())
        else:
            for f in report.findings:
                mark = ("[red]FAULT[/red]" if not f.ok
                        else "[yellow]todo[/yellow] " if f.count else "[green]ok[/green]   ")
                extra = " (fixed)" if f.fixed else (" (--fix repairs it)" if not f.ok and f.fixable else "")
                examples = f" e.g. {', '.join(map(str, f.examples))}" if f.examples else ""
                console.print(f"{mark} {f.check:<13} {escape(f.detail)}{examples}{extra}", highlight=False)
        if not report.ok:
            raise typer.Exit(1)

    @app.command("backup")
    def backup_cmd(
        file: Annotated[Path, typer.Argument(help="Backup file to write (replaced if it exists).")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Copy the store to FILE while it stays in use (SQLite online backup; pg_dump on PostgreSQL).

        Example: suivi backup ~/suivi-2026-12-04.db
        """
        from suivi.store import backup

        result = backup.backup(_open(db, migrate=False), file)
        if as_json:
            emit_json(result.to_json())
            return
        console.print(f"backed up {result.articles} articles to {escape(result.path)} ({result.bytes:,} bytes)",
                      highlight=False)

    @app.command("restore")
    def restore_cmd(
        file: Annotated[Path, typer.Argument(help="A file written by `suivi backup`.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Replace the store's content with a backup (the content replaced is saved first).

        Example: suivi restore ~/suivi-2026-12-04.db
        """
        from suivi.store import backup

        result = backup.restore(open_store(db or _global_db["db"], migrate=False), file)
        if as_json:
            emit_json(result.to_json())
            return
        console.print(f"restored {result.articles} articles from {escape(result.path)}", highlight=False)
        if result.replaced:
            console.print(f"the store's previous content is saved in {escape(result.replaced)}", highlight=False)
