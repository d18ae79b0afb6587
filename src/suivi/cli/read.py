"""Commands of the read stage (filled by the stage that owns them)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the `suivi` app."""
