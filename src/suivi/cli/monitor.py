"""`suivi sources add|list|remove` and `suivi run`: keep watching the news."""

from __future__ import annotations

import json
import signal
import sys
import threading
from typing import Annotated, Any

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
from suivi.follow.review import current_user
from suivi.monitor import catalog
from suivi.monitor.runner import Monitor

AsOption = Annotated[str | None, typer.Option("--as", help="Who does this (default: $SUIVI_USER or the OS user).")]


def register(app: typer.Typer) -> None:
    sources_app = typer.Typer(help="Sources `suivi run` polls: feeds, pages, folders.", no_args_is_help=True)
    app.add_typer(sources_app, name="sources")

    @sources_app.command("add")
    def sources_add(
        location: Annotated[str, typer.Argument(help="A feed or page URL, a folder or a file.")],
        every: Annotated[str, typer.Option("--every", help="How often to poll: 15m, 1h, 90s, 1d.")] = "15m",
        name: Annotated[str | None, typer.Option("--name", help="A short name (default: from the URL).")] = None,
        user: AsOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Add a source; `suivi run` polls it at once, then every --every.

        Example: suivi sources add https://example.org/feed.xml --every 15m --name wire
        """
        store = get_store(db)
        with store.begin() as conn:
            view = catalog.add(conn, location, every=every, name=name, user=current_user(user))
        if as_json:
            emit_json(view.to_json())
        else:
            console.print(f"added source {view.name!r} ({view.kind}, every {view.every}): {view.location}",
                          highlight=False, markup=False)

    @sources_app.command("list")
    def sources_list(db: DbOption = None, as_json: JsonOption = False) -> None:
        """Every source with its state, last poll, last error and when it is next due.

        Example: suivi sources list --json
        """
        store = get_store(db)
        with store.connect() as conn:
            views = catalog.list_views(conn)
        if as_json:
            emit_json([v.to_json() for v in views])
            return
        table = Table("id", "name", "every", "state", "next due", "last poll", "new", "fails", "last error",
                      caption="times in UTC; locations and full times: --json")
        for v in views:
            state = {"backing off": "[yellow]backing off[/yellow]", "due": "[green]due[/green]"}.get(v.state, v.state)
            table.add_row(str(v.id), escape(v.name), v.every, state, _short(v.next_due_at), _short(v.last_polled_at),
                          f"{v.last_new}/{v.total_new}", str(v.failures), _error(v.failures, v.last_error))
        console.print(table)

    @sources_app.command("remove")
    def sources_remove(
        source: Annotated[str, typer.Argument(help="Source id or name.")],
        user: AsOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Stop polling a source (the articles it brought stay).

        Example: suivi sources remove wire
        """
        store = get_store(db)
        with store.begin() as conn:
            view = catalog.remove(conn, source, user=current_user(user))
        if as_json:
            emit_json({"removed": view.to_json()})
        else:
            console.print(f"removed source {view.name!r}", highlight=False, markup=False)

    @app.command("run")
    def run(
        once: Annotated[bool, typer.Option("--once", help="One round over the due sources, then exit.")] = False,
        source: Annotated[
            list[str] | None, typer.Option("--source", help="Poll this source now (repeatable; implies --once).")
        ] = None,
        tick: Annotated[float, typer.Option(help="Longest sleep between two looks at the schedule, in seconds.")] = 5.0,
        batch: Annotated[int, typer.Option(help="Articles stored before the stages run over them together.")] = 8,
        alerts: Annotated[bool, typer.Option("--alerts/--no-alerts", help="Evaluate rules with targets.")] = True,
        db: DbOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event on stdout.")] = False,
    ) -> None:
        """Keep watching: poll each source when due, run every stage on new articles, send alerts.

        Ctrl-C or SIGTERM finishes the article in hand and stops; a second one stops at once
        (articles already stored are finished by the next run). Sources are added with
        `suivi sources add`.

        Example: suivi run            (or: suivi run --once, for cron)
        """
        store = get_store(db)
        if source:  # a name that is no source was silently skipped: exit 0 having polled nothing
            from suivi.store.monitor import get_source

            with store.connect() as conn:
                for ref in source:
                    get_source(conn, ref)
        stop = threading.Event()

        def on_signal(signum: int, _frame: Any) -> None:
            if stop.is_set():
                raise KeyboardInterrupt
            stop.set()
            log_event({"event": "stopping", "signal": signal.Signals(signum).name}, as_json)

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            # the stages' bars on stderr (a terminal only: a service's log gets the event lines alone)
            with progress_bar(not as_json and sys.stderr.isatty()) as hook:
                monitor = Monitor(store, log=lambda e: log_event(e, as_json), progress=hook,
                                  on_stage_error=warn_stage_error, batch=batch, alerts=alerts)
                if once or source:
                    monitor.run_once(stop, only=source or None)
                    log_event({"event": "stopped"}, as_json)
                else:
                    monitor.run_forever(stop, tick=tick)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _error(failures: int, error: str | None) -> str:
    if not error:
        return ""
    return escape(error) if failures else f"[dim]earlier: {escape(error)}[/dim]"


def _short(stamp: str | None) -> str:
    """'2026-12-03T08:46:59+00:00' -> '12-03 08:46:59' (a table column, not a record)."""
    return stamp[5:19].replace("T", " ") if stamp else "never"


def log_event(event: dict[str, Any], as_json: bool) -> None:
    """One line per event: JSON on stdout with --json, else a short sentence on stderr."""
    if as_json:
        sys.stdout.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()
        return
    kind = event["event"]
    if kind == "poll":
        status = event["status"]
        text = f"{event['source']}: "
        if status == "failed":
            text += f"[red]failed[/red] ({escape(event['error'] or '')}), {event['failures']} in a row"
        elif status == "not_modified":
            text += "not modified"
        else:
            text += f"{event['new']} new, {event['duplicates']} already stored"
            if event["rejected"]:
                text += f", {len(event['rejected'])} rejected"
            if status == "stopped":
                text += " [yellow](stopped before the end)[/yellow]"
        text += f"; next {event['next_due_at']}"
        for r in event["rejected"]:
            err_console.print(f"  [yellow]rejected[/yellow] {escape(r['item'])}: {escape(r['reason'])}",
                              highlight=False, soft_wrap=True)
    elif kind == "processed":
        text = f"processed {len(event['articles'])} article(s)"
    elif kind == "alert":
        state = "[green]sent[/green]" if event["state"] == "sent" else f"[red]{event['state']}[/red]"
        text = f"alert {event['rule']} -> {escape(event['target'])}: {state}"
        if event["error"]:
            text += f" ({escape(event['error'])})"
    elif kind == "alert_queued":
        text = f"watch {event['rule']}: {event['changes']} change(s) for {escape(event['target'])}"
    elif kind == "error":
        text = f"[red]round failed[/red] ({escape(event['error'])}); trying again"
    elif kind == "stopping":
        text = f"{event['signal']}: finishing the article in hand, then stopping"
    else:
        text = kind
    err_console.print(text, highlight=False, soft_wrap=True)
