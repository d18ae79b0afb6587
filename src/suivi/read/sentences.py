"""Sentence boundaries of a parsed text, clipped to lines.

Why clipped: cleaned articles keep one paragraph per line, and headlines, bylines and
captions have no final full stop; spaCy may glue a headline to the next line. A fact's
sentence (stored with its span) must never run across a line break.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from suivi.read.nlp import doc_text

_FINAL = frozenset(".!?…»\"”:;")


def _merge_unfinished(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence to the next one on the same line when it does not end like a sentence
    (the parser sometimes splits inside "Addis-Abeba" or before a closing quote)."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out:
            ps, pe = out[-1]
            same_line = "\n" not in text[pe:s]
            if same_line and (text[pe - 1] not in _FINAL or _quoted_fragment(text, pe, s)):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


_CLOSING_QUOTES = frozenset("»\"”")


def _quoted_fragment(text: str, end: int, nxt: int) -> bool:
    """A closing quote ends a quoted fragment, not a sentence, when the words inside do not end
    like a sentence and the text goes on in lower case or with a figure: « son pays terminerait
    « d'ici janvier » 2025 le déploiement », "said it would act “within days” to help"."""
    if text[end - 1] not in _CLOSING_QUOTES or nxt >= len(text):
        return False
    inside = text[:end - 1].rstrip()
    return bool(inside) and inside[-1] not in ".!?…" and (text[nxt].islower() or text[nxt].isdigit())


class Sentences:
    """Ordered (start, end) character ranges covering the text's sentences."""

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        ranges: list[tuple[int, int]] = []
        for sent in doc.sents:
            start = sent.start_char
            for part in text[sent.start_char:sent.end_char].split("\n"):
                end = start + len(part)
                stripped_lead = len(part) - len(part.lstrip())
                s, e = start + stripped_lead, start + len(part.rstrip())
                if e > s:
                    ranges.append((s, e))
                start = end + 1
        self.ranges = _merge_unfinished(text, ranges)
        self._starts = [r[0] for r in self.ranges]
        self.text = text
        self._line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def index(self, pos: int) -> int:
        """Index of the sentence containing pos (or the last one before it)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        if not self.ranges:
            return 0, len(self.text)
        s, e = self.ranges[self.index(pos)]
        return (s, e) if s <= pos <= e else (pos, pos)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence range that covers [start, end) (extended over several sentences if needed)."""
        s, _ = self.bounds(start)
        _, e = self.bounds(max(start, end - 1))
        return min(s, start), max(e, end)

    def line_of(self, pos: int) -> int:
        return bisect_right(self._line_starts, pos) - 1

    def line_start(self, pos: int) -> int:
        return self._line_starts[self.line_of(pos)]
