"""`suivi ingest`, `suivi articles`, `suivi show`, `suivi search`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from suivi.cli.common import (
    DbOption,
    JsonOption,
    console,
    emit_json,
    err_console,
    get_store,
    progress_bar,
    warn_stage_error,
)
from suivi.store import articles as article_store

if TYPE_CHECKING:  # the readers (lxml, trafilatura, feedparser) load with the command that reads
    from suivi.ingest.api import IngestReport

WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", help="Processes that read and extract (default: $SUIVI_WORKERS, else one per core; "
                                   "0: this process).", min=0),
]


def reject_printer(as_json: bool):  # noqa: ANN201 - a callback
    """One line per rejected input, naming it and saying why (silent with --json: it is in the JSON)."""

    def on_reject(source: str, reason: str) -> None:
        if not as_json:
            err_console.print(
                f"[yellow]rejected[/yellow] {escape(source)}: {escape(reason)}",
                highlight=False, markup=True, soft_wrap=True,
            )

    return on_reject


def print_ingest(report: IngestReport, stages: dict, as_json: bool, extra: dict | None = None) -> None:
    if as_json:
        emit_json({**report.to_json(), **(extra or {}), "stages": stages})
        return
    console.print(f"new {len(report.new)}, duplicate {len(report.duplicates)}, rejected {len(report.rejected)}")
    for stage, counts in stages.items():
        console.print(f"  {stage}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, or - for stdin.")],
        process: Annotated[
            bool, typer.Option("--process/--no-process", help="Run the later stages on new articles.")
        ] = True,
        workers: WorkersOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Store articles from text, HTML, feeds, JSONL and URLs (the same article is stored once).

        Folders are read recursively; globs and - (stdin) work too. Articles are read and
        extracted by --workers processes (each loads the models once) and written by this one,
        a few hundred at a time in one transaction, so an interrupted run can simply be started
        again. Rejected inputs get one line each and make the exit status 1 once the batch is done.

        Example: suivi ingest corpus/ https://example.org/feed.xml --workers 4
        """
        store = get_store(db)
        on_reject = reject_printer(as_json)
        with progress_bar(not as_json) as hook:
            if process:
                from suivi.scale import engine

                result = engine.run(store, inputs, engine.local_executor(workers), progress=hook,
                                    on_reject=on_reject, on_error=warn_stage_error)
                report, stages = result.ingest, result.stages
            else:
                from suivi.ingest.api import ingest as ingest_inputs

                report, stages = ingest_inputs(store, inputs, hook, on_reject), {}
        print_ingest(report, stages, as_json)
        if report.rejected:
            raise typer.Exit(1)

    @app.command("articles")
    def articles(
        outlet: Annotated[str | None, typer.Option(help="Outlet name contains.")] = None,
        language: Annotated[str | None, typer.Option("--lang", help="Language code (fr, en).")] = None,
        since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
        contains: Annotated[str | None, typer.Option(help="Title or text contains.")] = None,
        limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List stored articles, newest first.

        Example: suivi articles --lang fr --since 2025-04-01
        """
        store = get_store(db)
        with store.connect() as conn:
            rows = article_store.list_articles(
                conn, outlet=outlet, language=language, since=since, until=until, contains=contains, limit=limit
            )
        if as_json:
            emit_json([a.to_json() for a in rows])
            return
        table = Table("id", "published", "lang", "outlet", "title")
        for a in rows:
            table.add_row(str(a.id), a.published or "?", a.language or "?", a.outlet or "", a.title or "")
        console.print(table)

    @app.command("show")
    def show(
        article: Annotated[str, typer.Argument(help="Article id or content-hash prefix.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show one article: metadata and clean text.

        Example: suivi show 3
        """
        store = get_store(db)
        with store.connect() as conn:
            a = article_store.get_article(conn, article)
        if as_json:
            emit_json(a.to_json(with_text=True))
            return
        console.print(f"[bold]{a.title or '(no title)'}[/bold]", highlight=False)
        for label, value in (
            ("id", a.id), ("outlet", a.outlet), ("author", a.author),
            ("published", f"{a.published} ({a.published_precision})" if a.published else None),
            ("language", a.language), ("source", a.source), ("hash", a.content_hash[:12]),
        ):
            if value:
                console.print(f"{label:>10}: {value}", highlight=False, markup=False)
        console.print()
        console.print(a.text, highlight=False, markup=False)

    @app.command("search")
    def search(
        query: Annotated[str, typer.Argument(help="Words to find.")],
        limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Full-text search over articles, ranked, with highlighted snippets.

        Example: suivi search "force conjointe"
        """
        store = get_store(db)
        with store.connect() as conn:
            hits = article_store.search(conn, query, limit)
        if as_json:
            emit_json(hits)
            return
        for h in hits:
            console.print(f"[bold]{h['id']}[/bold] {h['published'] or '?'} {h['title'] or ''}", highlight=False)
            snippet = h["snippet"].replace("[", "\x00").replace("]", "\x01")
            snippet = snippet.replace("\x00", "[reverse]").replace("\x01", "[/reverse]")
            console.print("    " + snippet, highlight=False)
