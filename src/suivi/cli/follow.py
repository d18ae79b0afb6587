"""`suivi status`, `suivi review ...`, `suivi compliance`, `suivi watch ...`: the follow-up views.

Every command that shows a status takes `--as-of` (the clock for overdue flags and replays);
every analyst action takes `--as NAME` (default $SUIVI_USER or the OS user) and `--why`.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from suivi.cli.common import AsOfOption, DbOption, JsonOption, console, emit_json, get_store
from suivi.follow import review as review_lib
from suivi.follow import watch as watch_lib
from suivi.follow.deadlines import parse_day
from suivi.follow.status import parse_as_of
from suivi.views.compliance import compliance_at, compliance_over_time
from suivi.views.labels import recurrence_label
from suivi.views.register import register as register_items

AsOption = Annotated[str | None, typer.Option("--as", help="Who does this (default: $SUIVI_USER or the OS user).")]
WhyOption = Annotated[str | None, typer.Option("--why", help="Why: kept in the audit trail.")]
CommitmentArg = Annotated[str, typer.Argument(help="Commitment id or key.")]

_STATUS_STYLE = {
    "fulfilled": "green", "in_progress": "cyan", "partial": "yellow", "stalled": "magenta",
    "broken": "red", "moot": "dim", "announced": "white",
}


def _split_keys(value: str | None) -> list[str] | None:
    return [v.strip().upper() for v in value.split(",") if v.strip()] if value else None


def register(app: typer.Typer) -> None:
    review_app = typer.Typer(help="Analyst review: confirm, reject, edit, merge, split, set-status, history.",
                             no_args_is_help=True)
    watch_app = typer.Typer(help="Watch rules: what changed for an actor, a sector, or deadlines due soon.",
                            no_args_is_help=True)
    app.add_typer(review_app, name="review")
    app.add_typer(watch_app, name="watch")

    @app.command("status")
    def status(
        party: Annotated[str | None, typer.Option(help="Only commitments of this party (agent/beneficiary).")] = None,
        sector: Annotated[str | None, typer.Option(help="Only this sector.")] = None,
        overdue_only: Annotated[bool, typer.Option("--overdue", help="Only overdue commitments.")] = False,
        as_of: AsOfOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """The register: every commitment with its status at a date, overdue first.

        Example: suivi status --as-of 2025-12-31 --json
        """
        day = parse_as_of(as_of)
        store = get_store(db)
        with store.connect() as conn:
            items = register_items(conn, day, party=party, sector=sector)
        if overdue_only:
            items = [i for i in items if i.overdue]
        if as_json:
            emit_json([i.to_json() for i in items])
            return
        table = Table("id", "status", "deadline", "agents", "beneficiaries", "action", "evidence",
                      title=f"Commitments as of {day.isoformat()}")
        for i in items:
            style = _STATUS_STYLE.get(i.status, "")
            label = f"[{style}]{i.status}[/{style}]" + (" [red bold]OVERDUE[/red bold]" if i.overdue else "")
            if i.occurrences:
                label += f" ({i.occurrences['reported']}/{i.occurrences['expected']} occ.)"
            applied = [c for c in i.status_changes if c["applied"]]
            evidence = applied[-1]["sentence"] or applied[-1]["note"] or "" if applied else ""
            table.add_row(str(i.id), label, i.deadline or recurrence_label(i.recurrence), " ".join(i.agents),
                          " ".join(i.beneficiaries), (i.action or "")[:60], (evidence or "")[:90])
        console.print(table)

    @app.command("compliance")
    def compliance(
        party: Annotated[str | None, typer.Option(help="Only this party (e.g. MLI) and its partnerships.")] = None,
        monthly: Annotated[bool, typer.Option("--monthly", help="Figures at the end of every month.")] = False,
        as_of: AsOfOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Compliance per party and partnership: status shares and a G7/G20-style score.

        Example: suivi compliance --party RUS --as-of 2026-06-30
        """
        day = parse_as_of(as_of)
        store = get_store(db)
        with store.connect() as conn:
            if monthly:
                series = compliance_over_time(conn, day, party=party)
            else:
                figures = compliance_at(conn, day, party=party)
        if monthly:
            if as_json:
                emit_json(series)
                return
            table = Table("month end", "group", "scored", "score", "percent")
            for point in series:
                for f in point["figures"]:
                    table.add_row(point["as_of"], f["group"], str(f["scored"]), _fmt(f["score"]), _pct(f["percent"]))
            console.print(table)
            return
        if as_json:
            emit_json([f.to_json() for f in figures])
            return
        table = Table("kind", "group", "n", "scored", "score", "percent", "overdue", "statuses",
                      title=f"Compliance as of {day.isoformat()}")
        for f in figures:
            shares = ", ".join(f"{k} {v}" for k, v in f.statuses.items() if v)
            table.add_row(f.kind, f.group, str(f.count), str(f.scored), _fmt(f.score), _pct(f.percent),
                          str(f.overdue), shares)
        console.print(table)

    @review_app.command("confirm")
    def confirm(commitment: CommitmentArg, user: AsOption = None, why: WhyOption = None, db: DbOption = None,
                as_json: JsonOption = False) -> None:
        """Confirm that a commitment is real and correctly read.

        Example: suivi review confirm 12 --as alice --why "checked the communiqué"
        """
        _act(db, as_json, lambda conn, u: review_lib.confirm(conn, commitment, user=u, why=why), user)

    @review_app.command("reject")
    def reject(commitment: CommitmentArg, user: AsOption = None, why: WhyOption = None, db: DbOption = None,
               as_json: JsonOption = False) -> None:
        """Reject a commitment (not a pledge): hidden from the register; survives re-extraction.

        Example: suivi review reject 7 --as alice --why "a description, not a promise"
        """
        _act(db, as_json, lambda conn, u: review_lib.reject(conn, commitment, user=u, why=why), user)

    @review_app.command("edit")
    def edit(
        commitment: CommitmentArg,
        agent: Annotated[str | None, typer.Option(help="Agent keys, comma-separated (RUS,MLI).")] = None,
        beneficiary: Annotated[str | None, typer.Option(help="Beneficiary keys, comma-separated.")] = None,
        deadline: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
        action: Annotated[str | None, typer.Option(help="The action, reworded.")] = None,
        sector: Annotated[str | None, typer.Option(help="Sector.")] = None,
        user: AsOption = None, why: WhyOption = None, db: DbOption = None, as_json: JsonOption = False,
    ) -> None:
        """Correct a commitment's agent, beneficiary, deadline, action or sector.

        Example: suivi review edit 12 --agent RUS --deadline 2026-06 --as alice --why "per the decree"
        """
        values = {"agents": _split_keys(agent), "beneficiaries": _split_keys(beneficiary), "deadline": deadline,
                  "action": action, "sector": sector}
        if deadline:
            values["deadline_precision"] = {4: "year", 7: "month"}.get(len(deadline), "day")
        _act(db, as_json, lambda conn, u: review_lib.edit(conn, commitment, values, user=u, why=why), user)

    @review_app.command("merge")
    def merge(
        keep: Annotated[str, typer.Argument(help="The commitment that stays (id or key).")],
        other: Annotated[str, typer.Argument(help="The commitment merged into it (id or key).")],
        user: AsOption = None, why: WhyOption = None, db: DbOption = None, as_json: JsonOption = False,
    ) -> None:
        """Merge two commitments that state the same pledge.

        Example: suivi review merge 3 9 --as alice --why "same embassy"
        """
        _act(db, as_json, lambda conn, u: review_lib.merge(conn, keep, other, user=u, why=why), user)

    @review_app.command("split")
    def split(
        commitment: CommitmentArg,
        mentions: Annotated[list[str], typer.Argument(help="Mention ids (or natural keys) to move out.")],
        user: AsOption = None, why: WhyOption = None, db: DbOption = None, as_json: JsonOption = False,
    ) -> None:
        """Move some mentions of a commitment to a new commitment (two pledges were merged).

        Example: suivi review split 4 17 18 --as alice --why "training is a separate pledge"
        """
        refs = [int(m) if m.isdigit() else m for m in mentions]
        _act(db, as_json, lambda conn, u: review_lib.split(conn, commitment, refs, user=u, why=why)[0], user)

    @review_app.command("set-status")
    def set_status(
        commitment: CommitmentArg,
        status: Annotated[
            str, typer.Argument(help="announced, in_progress, partial, fulfilled, stalled, broken or moot")
        ],
        note: Annotated[str | None, typer.Option(help="A note shown with the status.")] = None,
        source: Annotated[str | None, typer.Option(help="Where it is shown (URL, document).")] = None,
        effective: Annotated[str | None, typer.Option(help="Day the status took effect (YYYY-MM-DD).")] = None,
        user: AsOption = None, why: WhyOption = None, db: DbOption = None, as_json: JsonOption = False,
    ) -> None:
        """Set a commitment's status by hand, with a note and a source; it wins over earlier evidence.

        Example: suivi review set-status 8 fulfilled --source https://... --as alice --why "decree published"
        """
        day = parse_day(effective) if effective else None
        _act(db, as_json, lambda conn, u: review_lib.set_status(
            conn, commitment, status, user=u, why=why, note=note, source=source, effective=day), user)

    @review_app.command("history")
    def history(commitment: CommitmentArg, as_of: AsOfOption = None, db: DbOption = None,
                as_json: JsonOption = False) -> None:
        """A commitment's full history: mentions, status changes, audit trail.

        Example: suivi review history 12 --as-of 2025-12-31 --json
        """
        day = parse_as_of(as_of)
        store = get_store(db)
        with store.connect() as conn:
            data = review_lib.history(conn, commitment, day)
        if as_json:
            emit_json(data)
            return
        c = data["commitment"]
        console.print(f"[bold]#{c['id']}[/bold] {c['key']} — {' '.join(c['agents'])} -> "
                      f"{' '.join(c['beneficiaries'])}: {c['action'] or ''} (deadline {c['deadline'] or '—'})",
                      highlight=False)
        console.print(f"status {data['status']}{' OVERDUE' if data['overdue'] else ''} as of {data['as_of']}; "
                      f"review {data['review'] or '—'}")
        console.print("[bold]mentions[/bold]")
        for m in data["mentions"]:
            where = f"article {m['article_id']} [{m['start']}:{m['end']}]"
            console.print(f"  {m['published'] or '?'} {where} {m['evidence']}", highlight=False, markup=False)
        console.print("[bold]status changes[/bold]")
        for ch in data["status_changes"]:
            flag = "" if ch["applied"] else " (not applied)"
            what = ch["sentence"] or ch["note"] or ""
            who = f" {ch['actor_name']}" if ch["actor_name"] else ""
            console.print(f"  {ch['date'] or 'undated'} {ch['status']} by {ch['source']}{who}{flag}: {what}",
                          highlight=False, markup=False)
        console.print("[bold]audit[/bold]")
        for a in data["audit"]:
            console.print(f"  {a['at']} {a['user']} {a['action']}: {a['before']} -> {a['after']} ({a['why'] or ''})",
                          highlight=False, markup=False)

    @watch_app.command("add")
    def watch_add(
        name: Annotated[str, typer.Argument(help="A name for the rule.")],
        actor: Annotated[str | None, typer.Option(help="Actor key (agent or beneficiary), e.g. RUS.")] = None,
        sector: Annotated[str | None, typer.Option(help="Sector, e.g. security.")] = None,
        within: Annotated[int | None, typer.Option("--within", help="Deadline within N days (or passed).")] = None,
        user: AsOption = None, db: DbOption = None, as_json: JsonOption = False,
    ) -> None:
        """Add a watch rule.

        Example: suivi watch add russie --actor RUS --within 90
        """
        _act(db, as_json, lambda conn, u: watch_lib.add_rule(conn, name, actor=actor, sector=sector,
                                                             within_days=within, user=u), user)

    @watch_app.command("list")
    def watch_list(db: DbOption = None, as_json: JsonOption = False) -> None:
        """List watch rules and when each last ran.

        Example: suivi watch list --json
        """
        from suivi.store import follow as follow_store

        store = get_store(db)
        with store.connect() as conn:
            rules = follow_store.list_watch_rules(conn)
        if as_json:
            emit_json([vars(r) for r in rules])
            return
        table = Table("id", "name", "actor", "sector", "within days", "last run")
        for r in rules:
            table.add_row(str(r.id), r.name, r.actor or "", r.sector or "",
                          "" if r.within_days is None else str(r.within_days),
                          r.last_run_at.isoformat(timespec="seconds") if r.last_run_at else "never")
        console.print(table)

    @watch_app.command("remove")
    def watch_remove(rule: Annotated[str, typer.Argument(help="Rule id or name.")], user: AsOption = None,
                     db: DbOption = None, as_json: JsonOption = False) -> None:
        """Remove a watch rule.

        Example: suivi watch remove russie
        """
        _act(db, as_json, lambda conn, u: watch_lib.remove_rule(conn, rule, user=u), user)

    @watch_app.command("run")
    def watch_run(rule: Annotated[str, typer.Argument(help="Rule id or name.")], as_of: AsOfOption = None,
                  db: DbOption = None, as_json: JsonOption = False) -> None:
        """What changed for a rule since its last run (new, status moved, became overdue); records the run.

        Example: suivi watch run russie --as-of 2026-01-31
        """
        day = parse_as_of(as_of)
        store = get_store(db)
        with store.begin() as conn:
            changes = watch_lib.run_rule(conn, rule, day)
        if as_json:
            emit_json([c.to_json() for c in changes])
            return
        if not changes:
            console.print("nothing changed since the last run")
            return
        table = Table("id", "change", "status", "deadline", "agents", "action", title=f"Changes as of {day}")
        for c in changes:
            before = f" (was {c.before['status']})" if c.before and c.change == "status" else ""
            table.add_row(str(c.id), c.change, c.status + (" OVERDUE" if c.overdue else "") + before,
                          c.deadline or "", " ".join(c.agents), (c.action or "")[:70])
        console.print(table)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _act(db: str | None, as_json: bool, action, user: str | None) -> None:  # noqa: ANN001 - a callable
    """Run one analyst action in one transaction and report it."""
    who = review_lib.current_user(user)
    store = get_store(db)
    with store.begin() as conn:
        result = action(conn, who)
    if as_json:
        emit_json({"ok": True, "user": who, "result": result})
    else:
        console.print(f"done ({who}): {result}", highlight=False)
