"""`suivi brief`, `suivi export`, `suivi import`: hand results on, and take reviews back."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from suivi.cli.common import DbOption, JsonOption, console, emit_json, err_console, get_store
from suivi.errors import ConfigError

FromOption = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD; default 30 days before --to).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last day, and the clock for statuses (default today).")]


def register(app: typer.Typer) -> None:
    register_exports(app)

    @app.command("brief")
    def brief(
        output: Annotated[Path, typer.Option("-o", "--output", help="File to write (.md, .html or .pdf).")],
        fmt: Annotated[str | None, typer.Option("--format", help="md, html or pdf (default: from the file name).")]
        = None,
        party: Annotated[str | None, typer.Option(help="Only this party (e.g. RUS) and its partnerships.")] = None,
        start: FromOption = None,
        end: ToOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Write a briefing: the period's stories, new commitments, status changes with their evidence,
        overdue pledges, compliance by party with a chart, disagreements between outlets, sources.

        Example: suivi brief --party RUS --from 2026-01-01 --to 2026-03-31 --format pdf -o russie-t1.pdf
        """
        from suivi.show import brief as brief_show
        from suivi.views import briefing

        chosen = brief_show.format_of(output, fmt)
        first, last = briefing.period(_day(start, "--from"), _day(end, "--to"))
        store = get_store(db)
        with store.connect() as conn:
            data = briefing.build(conn, first, last, party=party)
        written = brief_show.render(data, chosen, output)
        if as_json:
            emit_json({"written": [str(p) for p in written], "format": chosen, "from": first.isoformat(),
                       "to": last.isoformat(), "party": data.party, "counts": data.counts})
        else:
            console.print(f"wrote {', '.join(str(p) for p in written)} ({data.counts['stories']} stories, "
                          f"{data.counts['new_commitments']} new commitments, {data.counts['status_changes']} "
                          f"status changes, {data.counts['overdue']} overdue)", highlight=False, markup=False)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r}: write a day as YYYY-MM-DD") from None


_FILTER_HELP = "The register's filters, as in `suivi status`."


def register_exports(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
        fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, gexf, graphml, ftm, ical or timelinejs.")],
        party: Annotated[str | None, typer.Option(help="Agent or beneficiary (e.g. RUS).")] = None,
        agent: Annotated[str | None, typer.Option(help="Agent.")] = None,
        beneficiary: Annotated[str | None, typer.Option(help="Beneficiary.")] = None,
        sector: Annotated[str | None, typer.Option(help="Sector.")] = None,
        status: Annotated[str | None, typer.Option(help="Status (announced, fulfilled, ...).")] = None,
        story: Annotated[int | None, typer.Option(help="Story id.")] = None,
        due_from: Annotated[str | None, typer.Option("--due-from", help="Deadline on or after (YYYY[-MM[-DD]]).")]
        = None,
        due_to: Annotated[str | None, typer.Option("--due-to", help="Deadline on or before.")] = None,
        overdue: Annotated[bool | None, typer.Option("--overdue/--not-overdue", help="Only (not) overdue.")] = None,
        q: Annotated[str | None, typer.Option("--q", help="Words in the action or the evidence.")] = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help="Clock for statuses (YYYY-MM-DD; default today).")]
        = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Export the register: commitments (csv, jsonl), the actor network (gexf, graphml),
        FollowTheMoney entities for Aleph (ftm), deadlines (ical), the story timeline (timelinejs).

        Example: suivi export --format csv --party RUS -o russie.csv
        """
        from suivi.show import export as exports
        from suivi.views.dataset import select
        from suivi.views.register import RegisterFilter

        exporter = exports.get(fmt)
        day = _day(as_of, "--as-of") or date.today()
        flt = RegisterFilter(party=party, agent=agent, beneficiary=beneficiary, sector=sector, status=status,
                             story=story, due_from=due_from, due_to=due_to, overdue=overdue, q=q)
        store = get_store(db)
        with store.connect() as conn:
            selection = select(conn, day, flt)
            count = exports.write(conn, selection, exporter.name, output)
        if as_json:
            emit_json({"written": str(output), "format": exporter.name, "records": count,
                       "commitments": len(selection.items), "as_of": day.isoformat()})
        else:
            console.print(f"wrote {output} ({exporter.name}: {count} records from {len(selection.items)} "
                          f"commitments as of {day})", highlight=False, markup=False)

    @app.command("import")
    def import_reviews(
        source: Annotated[Path, typer.Argument(help="A reviewed CSV made by `suivi export --format csv`.")],
        user: Annotated[str | None, typer.Option("--as", help="Who reviewed (default: $SUIVI_USER or the OS user).")]
        = None,
        why: Annotated[str | None, typer.Option("--why", help="Why, for the audit trail (a row's note wins).")] = None,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and show what would change; change nothing.")]
        = False,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Apply an analyst's reviewed CSV in bulk: decisions (confirm, reject), new statuses with
        note and source, corrected agents, beneficiaries, deadlines, actions, sectors — each one in
        the audit trail. A file with a bad row changes nothing.

        Example: suivi import russie-reviewed.csv --as alice --why "monthly review"
        """
        from suivi.follow.review import current_user
        from suivi.show.export import review_import

        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read ({exc.strerror})") from exc
        try:
            rows = review_import.read_rows(data)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ConfigError(f"{source}: not a UTF-8 CSV file ({exc})") from exc
        who = current_user(user)
        store = get_store(db)
        with store.begin() as conn:
            plan = review_import.plan(conn, rows)
            if plan.errors:
                for row, reason in plan.errors:
                    err_console.print(f"[yellow]row {row}[/yellow]: {escape(reason)}", highlight=False)
                raise ConfigError(f"{source}: {len(plan.errors)} bad row(s); nothing was changed")
            audit = [] if dry_run else review_import.apply(conn, plan.actions, user=who, why=why)
        counts: dict[str, int] = {}
        for a in plan.actions:
            counts[a.action] = counts.get(a.action, 0) + 1
        if as_json:
            emit_json({"rows": plan.rows, "applied": not dry_run, "user": who, "counts": counts,
                       "actions": [a.to_json() for a in plan.actions], "audit_ids": audit})
            return
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing to change"
        verb = "would apply" if dry_run else "applied"
        console.print(f"{plan.rows} rows: {verb} {summary} (as {who})", highlight=False, markup=False)
