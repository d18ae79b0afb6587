"""What every command shares: the store option, JSON output, progress bars, error edge.

Why here: commands stay thin wrappers over library functions; output format, `--db`
resolution and one-line errors are decided once.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from suivi.store import Store, open_store

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL or SQLite path (overrides $SUIVI_DATABASE_URL and $SUIVI_HOME)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Clock for deadlines and overdue flags (YYYY-MM-DD; default today).")
]

_global_db: dict[str, str | None] = {"db": None}


def set_global_db(db: str | None) -> None:
    _global_db["db"] = db


def get_store(db: str | None = None) -> Store:
    """The store chosen by the command's --db, else the global --db, else the environment."""
    return open_store(db or _global_db["db"])


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


ProgressHook = Callable[[str, int, int], None]
"""progress(label, done, total): stages call it; the CLI draws a Rich bar from it."""


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[ProgressHook]:
    """A Rich progress bar on stderr, one task per label; a no-op when disabled or not a TTY-safe run."""
    if not enabled:
        yield lambda label, done, total: None
        return
    progress = Progress(
        TextColumn("[bold]{task.description:<12}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )
    tasks: dict[str, Any] = {}

    def hook(label: str, done: int, total: int) -> None:
        if label not in tasks:
            tasks[label] = progress.add_task(label, total=total)
        progress.update(tasks[label], completed=done, total=total)

    with progress:
        yield hook


def warn_stage_error(stage: str, article_id: int, exc: Exception) -> None:
    """One line on stderr when a stage had to skip an article (the batch goes on)."""
    err_console.print(
        f"[yellow]warning:[/yellow] {stage} skipped article {article_id}: {type(exc).__name__}: {exc}",
        highlight=False, soft_wrap=True, markup=True,
    )


def die(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)
