"""Attribution: "selon RFI", "according to the Kremlin" — on whose word a claim rests.

Why record it: a story's facts often rest on one named source relayed by several outlets;
the cue words are data per language (data/reconcile/attribution/), the source is the run of
capitalised words after the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suivi.models import Article
from suivi.reconcile.settings import attribution_cues
from suivi.reconcile.text import sentence_at

_TOKEN = re.compile(r"[\w’'-]+", re.UNICODE)


@dataclass(frozen=True)
class Attribution:
    cue: str
    source: str
    start: int  # of the cue
    end: int  # of the source


def find(article: Article) -> list[Attribution]:
    cues = attribution_cues((article.language or "fr")[:2])
    text = article.text
    lower = text.lower()
    out: list[Attribution] = []
    for cue in cues.before:
        for m in re.finditer(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", lower):
            source = _source_after(text, m.end(), cues.skip)
            if source is not None:
                s, e = source
                out.append(Attribution(text[m.start() : m.end()], text[s:e], m.start(), e))
    out.sort(key=lambda a: a.start)
    return [a for i, a in enumerate(out) if not any(o.start <= a.start < o.end for o in out[:i])]


def _source_after(text: str, pos: int, skip: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised words after a cue ("the Kremlin" -> "Kremlin"), or None."""
    start = end = None
    last = pos
    for m in _TOKEN.finditer(text, pos):
        word = m.group(0)
        if text[last : m.start()].strip(" \u00a0"):
            break  # punctuation ends the source
        last = m.end()
        if start is None and word.lower() in skip:
            continue
        if word[:1].isupper():
            start = m.start() if start is None else start
            end = m.end()
        elif start is not None and word.lower() in {"de", "du", "des", "of", "the"}:
            continue
        else:
            break
    if start is None or end is None:
        return None
    return start, end


def sentence_span(article: Article, att: Attribution) -> tuple[int, int]:
    return sentence_at(article.text, att.start)
