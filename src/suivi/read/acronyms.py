"""Organisations defined in the text by an acronym: "la Banque ouest-africaine de développement
(BOAD)", "the Fund for Responding to Loss and Damage (FRLD)".

Why a rule of its own: an acronym in brackets after a name is how the press introduces a body
it will name again by the short form; the letters tell exactly where the long form starts (its
significant words' initials spell the acronym, glue words skipped), so no list of bodies is
needed. The long form and every later bare acronym are one actor, keyed by the acronym
("org:frld"), so the same body defined in French and in English in two articles is one actor
when both use the same acronym. The gazetteer stays first: a defined name it knows is its.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suivi.read.textnorm import fold

_DEF = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
_WORD = re.compile(r"[^\W\d_]['’](?=[^\W\d_])|[^\W\d_][\w\-]*|&")  # "l'Agence" -> "l'", "Agence"
_GLUE = frozenset({
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "aux", "au", "en", "sur", "a",
    "of", "the", "for", "and", "on", "in", "to", "at", "&",
})
_MAX_WORDS = 14


@dataclass(frozen=True)
class Definition:
    start: int  # the long form, in the text
    end: int
    acronym: str
    acr_start: int  # the acronym inside the brackets
    acr_end: int


def _initials(word: str) -> list[str]:
    """Letters a word gives an acronym: "ouest-africaine" -> o, a; "Loss" -> l."""
    return [fold(p)[:1] for p in re.split(r"[-‐]", word) if p]


def _matches(words: list[str], acronym: str) -> bool:
    """The words' significant initials spell the acronym (each glue word may give its letter or not)."""
    target = fold(acronym.replace("&", ""))

    def walk(i: int, k: int) -> bool:
        if k == len(target):
            return all(fold(w).strip("'’") in _GLUE for w in words[i:])
        if i == len(words):
            return False
        w = words[i]
        glue = fold(w).strip("'’") in _GLUE
        letters = _initials(w) if not glue else [fold(w)[:1]]
        if target.startswith("".join(letters), k) and walk(i + 1, k + len(letters)):
            return True
        if len(letters) > 1 and target[k:k + 1] == letters[0] and walk(i + 1, k + 1):  # "ouest-africaine" -> O
            return True
        return glue and walk(i + 1, k)

    return walk(0, 0)


def definitions(text: str, heads: frozenset[str] = frozenset()) -> list[Definition]:
    """Every "Long Form (ACR)" whose long form starts with a capital and spells the acronym.

    A long form in another language than its acronym ("Forum sur la coopération sino-africaine
    (FOCAC)", an English acronym) cannot spell it: it is taken when it opens with a head word of
    a body (`heads`, folded: "forum", "fonds", "agence") whose initial is the acronym's."""
    out: list[Definition] = []
    for m in _DEF.finditer(text):
        acronym = m.group("acr")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        before = text[max(0, m.start() - 200):m.start()]
        if not before.endswith((" ", "\u00a0")):
            continue
        words = list(_WORD.finditer(before))[-_MAX_WORDS:]
        tail = before[words[-1].end():] if words else ""
        if not words or tail.strip():
            continue
        base = m.start() - len(before)
        # the shortest run of words ending before the bracket that spells the acronym
        for i in range(len(words) - 1, -1, -1):
            first = words[i].group()
            if not first[:1].isupper():
                continue
            gap = before[words[i].end():words[-1].start()]
            if re.search(r"[.;:!?()\n«»\"“”]", gap):
                break
            if _matches([w.group() for w in words[i:]], acronym):
                out.append(Definition(base + words[i].start(), base + words[-1].end(), acronym,
                                      m.start("acr"), m.end("acr")))
                break
        else:
            head = _head_form(words, acronym, heads, before)
            if head is not None:
                out.append(Definition(base + words[head].start(), base + words[-1].end(), acronym,
                                      m.start("acr"), m.end("acr")))
    return out


_HEAD_MAX_WORDS = 8


def _head_form(words: list[re.Match[str]], acronym: str, heads: frozenset[str], before: str) -> int | None:
    """Index of the nearest capitalised head word that opens a long form not spelling the acronym."""
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _HEAD_MAX_WORDS), -1):
        gap = before[words[i].end():words[-1].start()]
        if re.search(r"[.;:!?()\n«»\"“”,]", gap):
            return None
        w = words[i].group()
        if w[:1].isupper() and fold(w) in heads and fold(w)[:1] == fold(acronym)[:1]:
            return i
    return None


def uses(text: str, acronym: str, after: int) -> list[tuple[int, int]]:
    """Later bare uses of the acronym (whole word, same case)."""
    rx = re.compile(rf"(?<![\w\-]){re.escape(acronym)}(?![\w\-])")
    return [(m.start(), m.end()) for m in rx.finditer(text, after)]
