"""Source readers, registered in one table so a new kind plugs in without touching callers.

A reader takes the input's name and bytes and returns ArticleDrafts (a feed gives many).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from suivi.config import IngestSettings
from suivi.errors import InputRejected
from suivi.ingest import text as text_reader
from suivi.models import ArticleDraft

Reader = Callable[[str, bytes], list[ArticleDraft]]

READERS: dict[str, Reader] = {
    "text": text_reader.read,
}


def register_reader(kind: str, reader: Reader) -> None:
    READERS[kind] = reader


def detect_kind(name: str, data: bytes) -> str:
    """The reader for an input, from its name then its first bytes."""
    return "text"


def read_input(ref: str, stdin: BinaryIO | None = None) -> list[ArticleDraft]:
    limit = IngestSettings().max_file_bytes
    if stdin is not None:
        data = stdin.read(limit + 1)
        name = "<stdin>"
    else:
        path = Path(ref)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputRejected(ref, f"cannot read: {exc.strerror}") from exc
        if size > limit:
            raise InputRejected(ref, f"too large ({size} bytes; limit {limit})")
        data = path.read_bytes()
        name = ref
    if len(data) > limit:
        raise InputRejected(name, f"too large (limit {limit} bytes)")
    if not data.strip():
        raise InputRejected(name, "empty input")
    kind = detect_kind(name, data)
    return READERS[kind](name, data)
