"""Counts of things in pledges and in later reports: "deploy 1,000 police officers" against
« les quelque 400 policiers kenyans déjà déployés ».

Why: a report that some of the pledged officers, boats or schools are there says how much of
the pledge is done, the way a sum paid does for a pledged sum (`evidence._sum_status`). The
cue word alone ("deployed", « fournis ») only says something moved; read against the pledged
count, 400 of 1,000 is a part and 1,000 of 1,000 the pledge kept. Counts are compared only
within one class of things (data/cues/count_classes.yaml), so "735 police officers" is read
against "1,000 policiers" and never against "2,500 troops" or "17 boats".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError
from suivi.extract.quantities import find_quantities

_PATH = "cues/count_classes.yaml"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DEFINITE = re.compile(r"\b(the|these|those|its|their|les|ces|ses|leurs)\s+$", re.IGNORECASE)
_FULL = 0.98  # as in cues.sum_status: a count this close to the pledged one is all of it


@dataclass(frozen=True)
class Count:
    value: float
    kind: str  # the class of things counted (count_classes.yaml)
    start: int  # offsets in the text the count was read from
    end: int
    definite: bool = False  # after "the", « les »: a count already known, told again


def _key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded[:-1] if len(folded) > 3 and folded[-1] in "sx" else folded


@cache
def _lexicon() -> tuple[int, dict[tuple[str, ...], str]]:
    data = read_data_yaml(_PATH)
    try:
        reach = int(data["reach_words"])
        classes = data["classes"]
        if not isinstance(classes, dict) or not classes:
            raise TypeError("classes must be a non-empty mapping")
        nouns: dict[tuple[str, ...], str] = {}
        for kind, words in classes.items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise TypeError(f"class {kind!r} must be a list of nouns")
            for w in words:
                nouns[tuple(_key(x) for x in w.split())] = str(kind)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"data/{_PATH}: malformed ({exc})") from exc
    return reach, nouns


def _kind_after(text: str, at: int) -> str | None:
    """The class of the first noun of a class in the few words from `at` ("1,000 police
    officers", "trois nouveaux navires de recherche")."""
    reach, nouns = _lexicon()
    words = [_key(m.group()) for m in _WORD.finditer(text, at, min(len(text), at + 80))][:reach]
    longest = max(len(k) for k in nouns)
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            kind = nouns.get(tuple(words[i:i + n]))
            if kind is not None:
                return kind
    return None


def find_counts(text: str) -> list[Count]:
    """Every count of a known class of things in `text` (sums of money and years are not)."""
    out = []
    for q in find_quantities(text):
        if q.kind != "count":
            continue
        number = re.match(r"[\d\s.,  \u202f]+|\S+", q.text)
        kind = _kind_after(text, q.start + (number.end() if number else 0))
        if kind is not None:
            definite = _DEFINITE.search(text[max(0, q.start - 20):q.start]) is not None
            out.append(Count(q.value, kind, q.start, q.end, definite))
    return out


def count_status(reported: list[Count], pledged: list[Count], past_deadline: bool) -> str | None:
    """What counts reported done say of the counts a pledge stated: as many or more is the
    pledge kept; fewer is a part (in_progress while its deadline runs, partial after it or
    without one). None when no reported count is of a class the pledge counted, or when the
    only ones are the pledged count itself told again ("the 1,000 officers")."""
    by_kind: dict[str, float] = {}
    for c in pledged:
        by_kind[c.kind] = max(by_kind.get(c.kind, 0.0), c.value)
    same = [c for c in reported if by_kind.get(c.kind, 0.0) > 0]
    # "735 of the 1,000 officers": the count that differs from the pledged one is the news
    news = [c for c in same if abs(c.value - by_kind[c.kind]) > (1 - _FULL) * by_kind[c.kind]]
    told = news[0] if news else next((c for c in same if not c.definite), None)
    if told is None:
        return None
    if told.value >= _FULL * by_kind[told.kind]:
        return "fulfilled"
    return "partial" if past_deadline else "in_progress"
