"""Lines of an article that are not the story: links ("Lire aussi : ...") and bylines.

Why: cleaned text may still carry page furniture, and a person named only in a link to
another article, or the author under the headline, is not an actor of this story. A line
is a link when it starts with a link prefix (data): nothing in it is read. A line is a
byline when it starts with a byline prefix ("Par", "Auteur:") or is nothing but a short
capitalised name, or holds a credit ("X contributed to this report", "Editing by X"): no
person is read from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from suivi.read.lexicon import Lexicon

_LINE = re.compile(r"[^\n]+")
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?)"
_NAME_LINE = re.compile(rf"^{_CAP}(?:\s+{_CAP}){{1,3}}$")


class _Ranges:
    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self._starts = [r[0] for r in ranges]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]


class Zones:
    """Link lines (nothing read) and byline lines (no person read) of one text."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        links: list[tuple[int, int]] = []
        bylines: list[tuple[int, int]] = []
        for m in _LINE.finditer(text):
            line = m.group().strip()
            if not line:
                continue
            if lex.link_re.match(line):
                links.append((m.start(), m.end()))
            elif (lex.byline_re.match(line) and len(line.split()) <= 12) or (
                _NAME_LINE.match(line) and not line.isupper()
            ) or (lex.credit_re.search(line) and len(line.split()) <= 30):
                bylines.append((m.start(), m.end()))
        self.links = _Ranges(links)
        self.bylines = _Ranges(bylines)

    def in_link(self, pos: int) -> bool:
        return pos in self.links

    def no_person(self, pos: int) -> bool:
        return pos in self.links or pos in self.bylines
