"""`suivi read`, `suivi actors`, `suivi actor`, `suivi quotes`: the reading stage's commands."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from suivi.cli.common import DbOption, JsonOption, console, emit_json, get_store, progress_bar
from suivi.store import articles as article_store
from suivi.store import reading as reading_store

KINDS = ("person", "organization", "state", "alliance", "place")


def _print(text: str) -> None:
    console.print(text, highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("read")
    def read(
        ids: Annotated[list[str] | None, typer.Argument(help="Article ids or hash prefixes (default: all).")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Re-run the reading stage (actors, roles, quotes, events, dates) over stored articles.

        Replaces the stage's own rows for those articles; other stages are not re-run.

        Example: suivi read 3 4
        """
        store = get_store(db)
        article_ids = None
        if ids:
            with store.connect() as conn:
                article_ids = [article_store.get_article(conn, ref).id for ref in ids]
        with progress_bar(not as_json) as hook:
            from suivi.read import stage as read_stage  # spaCy: loaded by the command that needs it

            counts = read_stage.run(store, article_ids, hook)
        if as_json:
            emit_json(counts)
        else:
            _print(", ".join(f"{k} {v}" for k, v in counts.items()))

    @app.command("actors")
    def actors(
        kind: Annotated[str | None, typer.Option(help=f"Only this kind: {', '.join(KINDS)}.")] = None,
        limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List actors seen in the articles, most mentioned first, with their roles.

        Example: suivi actors --kind person
        """
        if kind is not None and kind not in KINDS:
            raise typer.BadParameter(f"kind must be one of {', '.join(KINDS)}", param_hint="--kind")
        store = get_store(db)
        with store.connect() as conn:
            rows = reading_store.list_actors(conn, kind=kind, limit=limit)
        if as_json:
            emit_json([r.to_json() for r in rows])
            return
        table = Table("key", "kind", "name", "mentions", "articles", "roles")
        for r in rows:
            roles = "; ".join(f"{x['role']}" + (f" ({x['serves']})" if x["serves"] else "") for x in r.roles[:3])
            table.add_row(escape(r.key), r.kind, escape(r.name), str(r.mentions), str(r.articles), escape(roles))
        console.print(table)

    @app.command("actor")
    def actor(
        name: Annotated[str, typer.Argument(help="Actor key, name, alias or part of a name.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show one actor: roles, every mention with its sentence, quotes and co-actors.

        Example: suivi actor Lavrov
        """
        store = get_store(db)
        with store.connect() as conn:
            detail = reading_store.actor_detail(conn, name)
        if as_json:
            emit_json(detail)
            return
        console.print(f"[bold]{escape(detail['name'])}[/bold]  {escape(detail['key'])} ({detail['kind']})")
        if detail["aliases"]:
            _print("aliases: " + ", ".join(detail["aliases"]))
        for r in detail["roles"]:
            _print(f"role: {r['role']}" + (f" — serves {r['serves']}" if r["serves"] else "") + f" ×{r['count']}")
        console.print("[bold]mentions[/bold]")
        for m in detail["mentions"]:
            _print(f"  [{m['article_id']}] {m['published'] or '?'} «{m['surface']}» {m['sentence']}")
        if detail["quotes"]:
            console.print("[bold]quotes[/bold]")
            for q in detail["quotes"]:
                mark = "«»" if q["direct"] else "~"
                _print(f"  [{q['article_id']}] {mark} {q['text']}  ({q['verb'] or '—'})")
        if detail["co_actors"]:
            console.print("[bold]co-actors[/bold]")
            _print("  " + ", ".join(f"{c['name']} ({c['mentions']})" for c in detail["co_actors"]))

    @app.command("quotes")
    def quotes(
        speaker: Annotated[str | None, typer.Option(help="Only quotes of this actor (key, name or alias).")] = None,
        article: Annotated[str | None, typer.Option(help="Only quotes of this article (id or hash prefix).")] = None,
        direct_only: Annotated[bool, typer.Option("--direct", help="Only direct quotes.")] = False,
        limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List quotes with their speakers (direct quotes and indirect speech).

        Example: suivi quotes --speaker Lavrov
        """
        store = get_store(db)
        with store.connect() as conn:
            speaker_id = reading_store.find_actor(conn, speaker).id if speaker else None
            article_id = article_store.get_article(conn, article).id if article else None
            rows = reading_store.list_quotes(conn, speaker_id=speaker_id, article_id=article_id)
        if direct_only:
            rows = [q for q in rows if q.direct]
        if limit:
            rows = rows[:limit]
        if as_json:
            emit_json([q.to_json() for q in rows])
            return
        table = Table("article", "speaker", "verb", "direct", "quote")
        for q in rows:
            direct = "yes" if q.direct else "no"
            table.add_row(str(q.article_id), escape(q.speaker or "?"), escape(q.verb or ""), direct, escape(q.text))
        console.print(table)
