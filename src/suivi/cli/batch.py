"""`suivi batch`: a large corpus through a pool of workers or a Dask cluster, resumable."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from suivi.cli.common import DbOption, JsonOption, die, get_store, progress_bar, warn_stage_error
from suivi.cli.ingest import WorkersOption, print_ingest, reject_printer
from suivi.scale.engine import SEGMENT_ARTICLES


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    @app.command("batch")
    def batch(
        inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs or URLs the workers can read.")],
        engine_name: Annotated[
            Engine, typer.Option("--engine", help="local: processes on this machine; dask: a Dask cluster.")
        ] = Engine.local,
        scheduler: Annotated[
            str | None, typer.Option("--scheduler", help="Dask scheduler (tcp://HOST:PORT), with --engine dask.")
        ] = None,
        workers: WorkersOption = None,
        segment: Annotated[int, typer.Option(help="Articles written per transaction.", min=1)] = SEGMENT_ARTICLES,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Read, extract and store a corpus with many workers; run it again to resume.

        Workers read and extract (each loads the models once); this process is the one writer
        (PostgreSQL for a cluster: --db postgresql+psycopg://...). Inputs whose articles are
        already stored are skipped, so a batch that stopped (or lost a worker) is finished by
        running the same command again. See docs/scale.md.

        Example: suivi batch /shared/corpus --engine dask --scheduler tcp://10.0.0.5:8786
        """
        from suivi.scale import engine

        if engine_name is Engine.dask:
            if not scheduler:
                die("--engine dask needs --scheduler tcp://HOST:PORT")
            from suivi.scale.dask_engine import DaskExecutor

            executor = DaskExecutor(scheduler)
        else:
            if scheduler:
                die("--scheduler is for --engine dask")
            executor = engine.local_executor(workers)
        store = get_store(db)
        with progress_bar(not as_json) as hook:
            result = engine.run(store, inputs, executor, progress=hook, on_reject=reject_printer(as_json),
                                on_error=warn_stage_error, skip_stored=True,
                                segment=segment)
        if not as_json and result.skipped:
            from suivi.cli.common import console

            console.print(f"skipped {result.skipped} inputs already stored")
        print_ingest(result.ingest, result.stages, as_json, {"skipped": result.skipped})
        if result.ingest.rejected:
            raise typer.Exit(1)
