"""Sentence boundaries of clean text, for spans the stage writes itself.

Why not spaCy here: reconcile only needs sentence-sized spans for summaries and attributions,
must run on any language and must stay cheap; a line or a sentence-final mark is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])|\n+")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence or line, whitespace trimmed."""
    pos = 0
    for m in _BOUNDARY.finditer(text):
        yield from _trim(text, pos, m.start())
        pos = m.end()
    yield from _trim(text, pos, len(text))


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped)
        yield s, s + len(stripped)


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    for s, e in sentences(text):
        if s <= pos < e:
            return s, e
    return pos, pos
