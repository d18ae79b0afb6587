"""The `suivi` command. Each stage registers its commands from its own module.

Why a registry of modules: commands stay next to the stage they drive and this file never
grows; `main()` is the one edge where a SuiviError becomes a one-line message and exit 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

import suivi.cli.threads  # noqa: F401 - one BLAS thread per process, before numpy loads
from suivi import __version__
from suivi.cli.common import err_console, set_global_db
from suivi.errors import SuiviError

app = typer.Typer(
    name="suivi",
    help="Suivi: who committed to what, to whom, by when — and whether it happened, from the press.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = (
    "suivi.cli.ingest",
    "suivi.cli.read",
    "suivi.cli.commitments",
    "suivi.cli.reconcile",
    "suivi.cli.follow",
    "suivi.cli.evaluate",
    "suivi.cli.pipeline",
    "suivi.cli.web",
    "suivi.cli.monitor",
    "suivi.cli.alerts",
    "suivi.cli.outputs",
    "suivi.cli.batch",
    "suivi.cli.maintenance",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"suivi {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store URL or SQLite path for every command (overrides the environment)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Turn news reports into a tracked, sourced record of commitments."""
    set_global_db(db)


for _name in COMMAND_MODULES:
    _module = importlib.import_module(_name)
    _module.register(app)


def main() -> None:
    try:
        # Outside standalone mode click does not exit: a `raise typer.Exit(1)` inside a command
        # comes back as the return value, and dropping it made every failure exit 0.
        code = app(standalone_mode=False)
    except SuiviError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        if isinstance(exc, _click_exceptions()):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if _store_busy(exc):
            err_console.print("[red]error:[/red] the store is busy: another process kept its write lock longer "
                              "than $SUIVI_BUSY_TIMEOUT_MS; nothing was written, run the command again",
                              highlight=False, soft_wrap=True)
            sys.exit(1)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)


def _store_busy(exc: Exception) -> bool:
    """SQLite's lock wait ran out ("database is locked"): the transaction was rolled back whole."""
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _click_exceptions() -> tuple[type[Exception], ...]:
    """Click's usage-error class, and the copy newer Typer versions vendor as typer._click
    (an unknown command or option raised there is not click's own class: it printed a
    traceback instead of its one-line message)."""
    found: list[type[Exception]] = []
    for name in ("click.exceptions", "typer._click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        found.append(module.ClickException)
    return tuple(found)


if __name__ == "__main__":
    main()
