"""`suivi commitments` (the register) and `suivi commitment ID` (one, with its evidence)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from suivi.cli.common import AsOfOption, DbOption, JsonOption, console, die, emit_json, get_store
from suivi.views.register import entries as build_register
from suivi.views.register import entry as register_entry


def _as_of(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        die(f"--as-of must be YYYY-MM-DD, got {value!r}")
    return None


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `suivi` app."""

    @app.command("commitments")
    def commitments(
        agent: Annotated[str | None, typer.Option(help="Agent key (ISO3 state, AES, ...).")] = None,
        beneficiary: Annotated[str | None, typer.Option(help="Beneficiary key (ISO3 state, AES, ...).")] = None,
        sector: Annotated[str | None, typer.Option(help="Sector (security, defence, energy, trade, ...).")] = None,
        story: Annotated[int | None, typer.Option(help="Story id.")] = None,
        as_of: AsOfOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """The commitment register: who committed to what, to whom, by when, and its status.

        Example: suivi commitments --agent RUS --beneficiary MLI --sector defence
        """
        store = get_store(db)
        with store.connect() as conn:
            rows = build_register(conn, agent=agent, beneficiary=beneficiary, sector=sector, story=story,
                                  as_of=_as_of(as_of))
        if as_json:
            emit_json([r.to_json() for r in rows])
            return
        table = Table(show_lines=False)
        for col in ("id", "agents", "beneficiaries", "action", "deadline", "sector", "modality", "status",
                    "mentions"):
            table.add_column(col)
        for r in rows:
            deadline = r.deadline or (f"every {r.recurrence}" if r.recurrence else "")
            table.add_row(
                r.id, ",".join(r.agents), ",".join(r.beneficiaries), r.action or "", deadline,
                r.sector or "", r.modality or "", r.status + (" (overdue)" if r.overdue else ""),
                f"{r.mentions} ({', '.join(r.outlets)})" if r.outlets else str(r.mentions),
            )
        console.print(table)
        console.print(f"{len(rows)} commitments")

    @app.command("commitment")
    def commitment(
        ref: Annotated[str, typer.Argument(help="Commitment id, or m<mention id>, or a mention key.")],
        as_of: AsOfOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """One commitment with its evidence sentences (article, outlet, date, span).

        Example: suivi commitment 3
        """
        store = get_store(db)
        with store.connect() as conn:
            item = register_entry(conn, ref, _as_of(as_of))
        if as_json:
            emit_json(item.to_json(with_evidence=True))
            return
        console.print(f"[bold]{item.id}[/bold] {','.join(item.agents)} → {','.join(item.beneficiaries) or '-'}: "
                      f"{item.action or ''}", highlight=False)
        console.print(f"sector {item.sector or '-'} · modality {item.modality or '-'} · deadline "
                      f"{item.deadline or '-'} ({item.deadline_precision or '-'}) · recurrence "
                      f"{item.recurrence or '-'} · status {item.status}{' (overdue)' if item.overdue else ''}",
                      highlight=False)
        for ev in item.evidence:
            console.print(f"- {ev.published or '?'} {ev.outlet or '?'} — {ev.article_title or '(no title)'} "
                          f"[article {ev.article_id}, {ev.start}-{ev.end}, cue {ev.cue}]", highlight=False,
                          markup=False)
            console.print(f"  {ev.sentence}", highlight=False, markup=False)
