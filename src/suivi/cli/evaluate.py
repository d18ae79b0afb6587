"""`suivi evaluate GOLD --corpus DIR`: the public scoring method, run by Suivi itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from suivi.cli.common import AsOfOption, JsonOption, console, emit_json, progress_bar, warn_stage_error


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate(
        gold: Annotated[Path, typer.Argument(help="Gold file (suivi-eval/1).")],
        corpus: Annotated[Path, typer.Option("--corpus", help="Folder of the articles the gold annotates.")],
        predictions_out: Annotated[
            Path | None, typer.Option("--predictions-out", help="Write the predictions file here.")
        ] = None,
        as_of: AsOfOption = None,
        db: Annotated[
            str | None,
            typer.Option("--db", help="Run in a scratch schema of this PostgreSQL database (dropped afterwards)."),
        ] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Score the whole pipeline against a gold file, in a fresh temporary store.

        The store is a temporary SQLite file, or with --db a scratch schema of a PostgreSQL
        database (same migrations as production). Prints the same figures as shared/eval/score.py.
        Example: suivi evaluate ../shared/eval/seeds.gold.json --corpus ../shared/seeds
        """
        from suivi.evaluation.runner import evaluate as run_evaluation

        clock = date.fromisoformat(as_of) if as_of else None
        with progress_bar(not as_json) as hook:
            figures, _ = run_evaluation(gold, corpus, predictions_out, hook, clock, warn_stage_error, db)
        if as_json:
            emit_json(figures)
            return
        for key, value in figures.items():
            console.print(f"{key}: {value}", highlight=False)
