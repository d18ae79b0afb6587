"""`suivi process`: run every stage after ingestion."""

from __future__ import annotations

from typing import Annotated

import typer

from suivi.cli.common import (
    AsOfOption,
    DbOption,
    JsonOption,
    console,
    emit_json,
    get_store,
    progress_bar,
    warn_stage_error,
)
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
            report = run_pipeline(store, list(articles) if articles else None, hook, warn_stage_error)
        if as_json:
            emit_json(report)
            return
        for stage, counts in report.items():
            figures = ", ".join(f"{k} {v}" for k, v in counts.items())
            console.print(f"[bold]{stage}[/bold]: {figures}")

    register_overview(app)


def _render_overview(data: dict) -> None:
    from rich.table import Table

    langs = ", ".join(f"{k} {v}" for k, v in data["languages"].items())
    console.print(f"[bold]Suivi overview[/bold] (as of {data['as_of']}): {data['articles']} articles ({langs})")
    if data["top_persons"]:
        console.print("People most mentioned: " + ", ".join(
            f"{p['name']} ({p['mentions']})" for p in data["top_persons"]), highlight=False)
    stories = Table("story", "event date", "articles", "label", title="Stories", title_justify="left")
    for s in data["stories"]:
        stories.add_row(str(s["id"]), s["event_date"] or "?", str(s["articles"]), s["label"] or "")
    console.print(stories)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(data["statuses"].items()))
    reg = Table("id", "agents", "→", "action", "deadline", "status", "src",
                title=f"Commitments: {data['commitments']} ({counts}; overdue {data['overdue']})",
                title_justify="left")
    for c in data["register"]:
        status = c["status"] + (" [red]OVERDUE[/red]" if c["overdue"] else "")
        reg.add_row(str(c["id"]), ",".join(c["agents"]), ",".join(c["beneficiaries"]), c["action"] or "",
                    c["deadline"] or "", status, str(c["articles"]))
    console.print(reg)
    comp = Table("party", "scored", "score", "percent", "statuses", title="Compliance by party", title_justify="left")
    for c in data["compliance"]:
        pct = f"{c['percent']:.0f}%" if c["percent"] is not None else "—"
        score = f"{c['score']:+.2f}" if c["score"] is not None else "—"
        comp.add_row(c["group"], f"{c['scored']}/{c['count']}", score, pct,
                     ", ".join(f"{k} {v}" for k, v in c["statuses"].items()))
    console.print(comp)


def register_overview(app: typer.Typer) -> None:
    @app.command("overview")
    def overview_cmd(db: DbOption = None, as_of: AsOfOption = None, as_json: JsonOption = False) -> None:
        """What the store holds: articles, people, stories, the commitment register and compliance.

        Example: suivi overview --as-of 2026-01-01
        """

        from suivi.follow.status import parse_as_of
        from suivi.views.overview import overview

        data = overview(get_store(db), parse_as_of(as_of))
        if as_json:
            emit_json(data)
        else:
            _render_overview(data)
