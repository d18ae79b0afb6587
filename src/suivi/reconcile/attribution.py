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


MAX_WORDS = 4


def _source_after(text: str, pos: int, skip: frozenset[str]) -> tuple[int, int] | None:
    """The named source after a cue, up to punctuation ("l'agence Angop", "Kremlin"), or None.

    The source is at most a few words and must name someone (one capitalised word); when no
    punctuation closes it early, it ends at its last capitalised word.
    """
    tokens: list[tuple[int, int, str]] = []
    last = pos
    closed = False
    for m in _TOKEN.finditer(text, pos):
        if text[last : m.start()].strip(" \u00a0"):
            closed = True  # punctuation ends the source
            break
        if len(tokens) == MAX_WORDS:
            break
        tokens.append((m.start(), m.end(), m.group(0)))
        last = m.end()
    else:
        closed = True
    while tokens and _determiner(tokens[0][2], skip):
        start, end, word = tokens[0]
        rest = _strip_determiner(word, skip)
        tokens[0] = (end - len(rest), end, rest) if rest else tokens[0]
        if not rest:
            tokens.pop(0)
        else:
            break
    if not tokens or not any(w[:1].isupper() for _s, _e, w in tokens):
        return None
    if not closed:
        while not tokens[-1][2][:1].isupper():
            tokens.pop()
    return tokens[0][0], tokens[-1][1]


def _determiner(word: str, skip: frozenset[str]) -> bool:
    return word.lower() in skip or any(word.lower().startswith(d) for d in skip if d.endswith(("'", "’")))


def _strip_determiner(word: str, skip: frozenset[str]) -> str:
    if word.lower() in skip:
        return ""
    for d in skip:
        if d.endswith(("'", "’")) and word.lower().startswith(d):
            return word[len(d) :]
    return word


def sentence_span(article: Article, att: Attribution) -> tuple[int, int]:
    return sentence_at(article.text, att.start)
