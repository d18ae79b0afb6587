"""`suivi stories`, `suivi story ID`, `suivi compare A B`: the reconcile stage's views."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from suivi.cli.common import DbOption, JsonOption, console, emit_json, get_store
from suivi.reconcile.report import compare as compare_articles
from suivi.reconcile.report import story_detail
from suivi.store import stories as story_store


def _values(values: list[dict]) -> str:
    return "; ".join(f"{v['value']} ({', '.join(v['outlets'])})" for v in values)


def register(app: typer.Typer) -> None:
    @app.command("stories")
    def stories(
        limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List stories (articles reporting one real-world event), latest event first.

        Example: suivi stories --limit 20
        """
        store = get_store(db)
        with store.connect() as conn:
            rows = story_store.list_stories(conn, limit)
        if as_json:
            emit_json([s.to_json() for s in rows])
            return
        table = Table("id", "event date", "articles", "actors", "label")
        for s in rows:
            table.add_row(str(s.id), s.event_date or "?", str(s.n_articles), " ".join(s.actors[:8]), s.label or "")
        console.print(table)

    @app.command("story")
    def story(
        story_id: Annotated[int, typer.Argument(help="Story id (see `suivi stories`).")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """One story: timeline, merged commitments with corroboration, disagreements, summary.

        Example: suivi story 3 --json
        """
        store = get_store(db)
        with store.connect() as conn:
            data = story_detail(conn, story_id)
        if as_json:
            emit_json(data)
            return
        console.print(
            f"[bold]Story {data['id']}[/bold] {data['label'] or ''} — event {data['event_date'] or '?'}, "
            f"{data['independent_outlets']} independent outlet(s)",
            highlight=False,
        )
        timeline = Table("published", "article", "outlet", "title", "copy of")
        for a in data["articles"]:
            timeline.add_row(
                a["published"] or "?",
                str(a["article_id"]),
                a["outlet"] or "",
                a["title"] or "",
                str(a["duplicate_of"] or ""),
            )
        console.print(timeline)
        if data["summary"]:
            console.print("[bold]Summary[/bold]")
            for s in data["summary"]:
                console.print(f"  • {s['sentence']} [dim]({s['outlet'] or s['article_id']})[/dim]", highlight=False)
        if data["commitments"]:
            table = Table("id", "agents", "beneficiaries", "outlets", "mentions", "evidence")
            for c in data["commitments"]:
                mark = " [yellow](single source)[/yellow]" if c["single_source"] else ""
                table.add_row(
                    str(c["id"]),
                    " ".join(c["agents"] or []),
                    " ".join(c["beneficiaries"] or []),
                    f"{c['n_outlets']}{mark}",
                    str(len(c["mentions"])),
                    c["mentions"][0]["evidence"] if c["mentions"] else "",
                )
            console.print(table)
        for d in data["disagreements"]:
            console.print(f"[bold red]differs[/bold red] {d['field']}: {_values(d['values'])}", highlight=False)
        for a in data["attributions"]:
            console.print(f"[dim]attributed[/dim] article {a['article_id']}: {a['cue']} {a['source']}", highlight=False)

    @app.command("compare")
    def compare(
        left: Annotated[str, typer.Argument(help="Article id or content-hash prefix.")],
        right: Annotated[str, typer.Argument(help="Article id or content-hash prefix.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Side-by-side facts of two articles: actors, event date, commitments, shared and different.

        Example: suivi compare 12 15
        """
        store = get_store(db)
        with store.connect() as conn:
            data = compare_articles(conn, left, right)
        if as_json:
            emit_json(data)
            return
        la, ra = data["left"], data["right"]
        table = Table(
            "",
            f"#{la['article']['id']} {la['article']['outlet'] or ''}",
            f"#{ra['article']['id']} {ra['article']['outlet'] or ''}",
        )
        table.add_row("title", la["article"]["title"] or "", ra["article"]["title"] or "")
        table.add_row("story", str(la["story"]), str(ra["story"]))
        table.add_row("event date", la["event_date"] or "?", ra["event_date"] or "?")
        table.add_row("actors only here", " ".join(data["actors"]["left_only"]), " ".join(data["actors"]["right_only"]))
        table.add_row(
            "commitments only here",
            " ".join(map(str, data["commitments"]["left_only"])),
            " ".join(map(str, data["commitments"]["right_only"])),
        )
        console.print(table)
        console.print(f"shared actors: {' '.join(data['actors']['shared'])}", highlight=False)
        console.print(
            f"shared commitments: {' '.join(map(str, data['commitments']['shared'])) or 'none'}", highlight=False
        )
        console.print(f"same story: {data['same_story']}, duplicate: {data['duplicate']}", highlight=False)
