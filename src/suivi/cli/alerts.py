"""`suivi alerts add|list|remove|run`: hand watch rules' changes on (JSON Lines, webhook, mail)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from suivi.alerts import dispatch
from suivi.alerts import targets as target_lib
from suivi.cli.common import AsOfOption, DbOption, JsonOption, console, emit_json, get_store
from suivi.errors import ConfigError
from suivi.follow.review import current_user
from suivi.follow.status import parse_as_of

AsOption = Annotated[str | None, typer.Option("--as", help="Who does this (default: $SUIVI_USER or the OS user).")]


def register(app: typer.Typer) -> None:
    alerts_app = typer.Typer(help="Where watch rules send what changed: a JSON Lines file, a webhook, mail.",
                             no_args_is_help=True)
    app.add_typer(alerts_app, name="alerts")

    @alerts_app.command("add")
    def alerts_add(
        rule: Annotated[str, typer.Argument(help="Watch rule id or name (suivi watch add ...).")],
        jsonl: Annotated[str | None, typer.Option("--jsonl", help="Append each alert to this file.")] = None,
        webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL.")] = None,
        email: Annotated[str | None, typer.Option("--email", help="Mail each alert to this address ($SUIVI_SMTP_*).")]
        = None,
        user: AsOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Send a watch rule's changes somewhere; `suivi run` evaluates it after each poll.

        Example: suivi alerts add russie --webhook https://hooks.example.org/suivi
        """
        given = [(k, v) for k, v in (("jsonl", jsonl), ("webhook", webhook), ("email", email)) if v]
        if len(given) != 1:
            raise ConfigError("give exactly one of --jsonl FILE, --webhook URL, --email ADDRESS")
        kind, target = given[0]
        store = get_store(db)
        with store.begin() as conn:
            target_id = target_lib.add(conn, rule, kind, target, user=current_user(user))
        if as_json:
            emit_json({"id": target_id, "rule": rule, "kind": kind, "target": target})
        else:
            console.print(f"alert {target_id}: rule {rule} -> {kind} {target}", highlight=False, markup=False)

    @alerts_app.command("list")
    def alerts_list(db: DbOption = None, as_json: JsonOption = False) -> None:
        """Alert targets with their deliveries: sent, pending (retrying), failed, last error.

        Example: suivi alerts list --json
        """
        store = get_store(db)
        with store.connect() as conn:
            views = target_lib.list_views(conn)
        if as_json:
            emit_json([v.to_json() for v in views])
            return
        table = Table("id", "rule", "kind", "target", "sent", "pending", "failed", "last error")
        for v in views:
            table.add_row(str(v.id), escape(v.rule), v.kind, escape(v.target), str(v.sent), str(v.pending),
                          str(v.failed), escape(v.last_error or ""))
        console.print(table)

    @alerts_app.command("remove")
    def alerts_remove(target: Annotated[int, typer.Argument(help="Alert target id.")], user: AsOption = None,
                      db: DbOption = None, as_json: JsonOption = False) -> None:
        """Remove an alert target (its undelivered messages go with it).

        Example: suivi alerts remove 2
        """
        store = get_store(db)
        with store.begin() as conn:
            target_lib.remove(conn, target, user=current_user(user))
        if as_json:
            emit_json({"removed": target})
        else:
            console.print(f"removed alert target {target}")

    @alerts_app.command("run")
    def alerts_run(as_of: AsOfOption = None, db: DbOption = None, as_json: JsonOption = False) -> None:
        """Evaluate the rules that have targets now and deliver (what `suivi run` does after each poll).

        Example: suivi alerts run --as-of 2026-01-31
        """
        day = parse_as_of(as_of)
        store = get_store(db)
        queued = dispatch.evaluate(store, day)
        results = dispatch.deliver_due(store)
        if as_json:
            emit_json({"queued": queued, "deliveries": results})
            return
        if not queued and not results:
            console.print("nothing to send")
        for r in results:
            console.print(f"{r['rule']} -> {r['kind']} {r['target']}: {r['state']}"
                          + (f" ({r['error']})" if r["error"] else ""), highlight=False, markup=False)
