"""`suivi process`: run every stage after ingestion."""

from __future__ import annotations

from typing import Annotated

import typer

from suivi.cli.common import DbOption, JsonOption, console, emit_json, get_store, progress_bar
from suivi.pipeline import run_pipeline


def register(app: typer.Typer) -> None:
    @app.command("process")
    def process(
        articles: Annotated[
            list[int] | None, typer.Argument(help="Article ids to process (default: all).")
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Run reading, extraction, reconciliation and follow-up over stored articles.

        Example: suivi process            (re-runs every stage over every article)
        """
        store = get_store(db)
        with progress_bar(not as_json) as hook:
            report = run_pipeline(store, list(articles) if articles else None, hook)
        if as_json:
            emit_json(report)
            return
        for stage, counts in report.items():
            figures = ", ".join(f"{k} {v}" for k, v in counts.items())
            console.print(f"[bold]{stage}[/bold]: {figures}")
