"""Exports: the register handed on in the formats of the field, through one registry.

    tabular    csv (analyst-editable, safe against formula injection), jsonl
    network    gexf, graphml (Gephi) — the actor network
    ftm        FollowTheMoney entities (Aleph): actors, articles, mentions, commitments
    calendar   ical — commitment deadlines
    timeline   timelinejs — stories, events and deadlines on a TimelineJS timeline

Every format takes the same selection (`views.dataset.select`: the register's filters at a
date). A new format registers an `Exporter`; the CLI lists whatever is registered.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection

from suivi.errors import ConfigError
from suivi.show.files import atomic_writer
from suivi.views.dataset import Selection

BUILTIN_MODULES = (
    "suivi.show.export.tabular",
    "suivi.show.export.network",
    "suivi.show.export.ftm",
    "suivi.show.export.calendar",
    "suivi.show.export.timeline",
)


@dataclass(frozen=True)
class Exporter:
    """A format: its name (`--format`), usual file suffix, one line of help, and its writer.

    `write(conn, selection, out)` writes the whole file to the binary stream `out` and returns
    how many records (rows, entities, nodes, events) it wrote.
    """

    name: str
    suffix: str
    help: str
    write: Callable[[Connection, Selection, BinaryIO], int]


EXPORTERS: dict[str, Exporter] = {}
_loaded = False


def register_exporter(exporter: Exporter) -> None:
    """Add (or replace) a format."""
    EXPORTERS[exporter.name] = exporter


def exporters() -> dict[str, Exporter]:
    """Every registered format, the built-in ones loaded on first use."""
    global _loaded
    if not _loaded:
        for name in BUILTIN_MODULES:
            importlib.import_module(name)
        _loaded = True
    return EXPORTERS


def get(name: str) -> Exporter:
    found = exporters()
    try:
        return found[name.lower()]
    except KeyError:
        raise ConfigError(f"unknown export format {name!r}: one of {', '.join(sorted(found))}") from None


def write(conn: Connection, selection: Selection, fmt: str, path: Path) -> int:
    """Write `selection` as `fmt` to `path` (atomically: beside it, then renamed). Returns records."""
    exporter = get(fmt)
    with atomic_writer(path) as out:
        return exporter.write(conn, selection, out)
