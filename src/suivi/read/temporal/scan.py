"""Scanning helpers: where the rules run, what the sentence's tense is, cue handling.

Why apart from the resolvers: these look at the text around a match (the sentence, the
words before it), not at the match's groups.
"""

from __future__ import annotations

import re

from suivi.read.dates_rules import APOSTROPHES, DateRules


def name_ok(rules: DateRules, m: re.Match[str]) -> bool:
    """English month and weekday names count only when capitalised ("may" is a verb)."""
    if not rules.case_sensitive_names:
        return True
    for group in ("month", "month2", "weekday"):
        try:
            v = m.group(group)
        except IndexError:
            continue
        if v and not v[0].isupper():
            return False
    return True


_SENTENCE_END = re.compile(r"[.!?;\n]\s|\n")


def sentence_tense(probe: str, start: int, end: int, rules: DateRules) -> int:
    """+1 / -1 / 0: the tense of the marker nearest before the expression in its sentence,
    else of the first one after it.

    Ties: before the expression the marker ending last wins, so "agreed to meet in June"
    is future; after it the verb starting first wins and a past reading is preferred, so
    "On Thursday the parties agreed to ..." keeps Thursday in the past.
    """
    left = max((m.end() for m in _SENTENCE_END.finditer(probe, 0, start)), default=0)
    stop = _SENTENCE_END.search(probe, end)
    right = stop.start() + 1 if stop else len(probe)
    best: tuple[int, int, int] | None = None  # (after?, distance, tie-break) -> sign
    sign_of: dict[tuple[int, int, int], int] = {}
    for pattern, sign in ((rules.future_markers, 1), (rules.past_markers, -1)):
        for m in pattern.finditer(probe, left, right):
            if m.start() < end and m.end() > start:
                continue  # a marker inside the expression says nothing about it
            key = (0, start - m.end(), -sign) if m.end() <= start else (1, m.start() - end, sign)
            sign_of[key] = sign
            if best is None or key < best:
                best = key
    return 0 if best is None else sign_of[best]


_MARKS = tuple(chr(k) for k in APOSTROPHES)
_MARGIN = 80  # characters around a gate token: longer than any expression the rules know
_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def windows(probe: str, rules: DateRules) -> list[tuple[int, int]]:
    """Stretches of text around gate tokens, cut at whitespace so no word is split; the
    rules only scan these (most of a sentence is not about time)."""
    spans: list[tuple[int, int]] = []
    gate = rules.gate
    for m in _TOKEN.finditer(probe):
        token = m.group()
        if not (token[0].isdigit() or token.lower() in gate):
            continue
        lo = max(0, m.start() - _MARGIN)
        if lo:
            before = probe.rfind(" ", 0, lo)
            lo = before + 1 if before >= 0 else 0
        hi = m.end() + _MARGIN
        after = _SPACE.search(probe, hi)
        hi = after.start() if after else len(probe)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def ascii_marks(text: str) -> str:
    """Typographic apostrophes and hyphens as ASCII, one char for one (offsets unchanged);
    `str.translate` is slow on long texts, so only when one of them is there."""
    if any(ch in text for ch in _MARKS):
        return text.translate(APOSTROPHES)
    return text


def cue_words(cue: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", cue.group(0).strip().lower())
