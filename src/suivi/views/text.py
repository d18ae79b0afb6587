"""Cutting an article's text into marked segments, for pages that highlight spans.

Why segments and not HTML: the text is untrusted; a template escapes every segment and wraps
marked ones in its own tags, so no article character is ever interpreted as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # actor | quote | date | commitment | sentence | evidence
    ref: str | None = None  # a link target (actor key, commitment id ...)
    label: str | None = None
    anchor: str | None = None


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "marks": [m.__dict__ for m in self.marks]}


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text cut at every mark boundary; each piece lists the marks covering it (outer first)."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in valid if m.start <= a and b <= m.end]
        covering.sort(key=lambda m: (m.start, -m.end))
        out.append(Segment(text[a:b], covering))
    return out


def paragraphs(text: str, marks: list[Mark]) -> list[list[Segment]]:
    """Segments grouped by paragraph (blank-line or line separated)."""
    out: list[list[Segment]] = []
    pos = 0
    for block in text.split("\n"):
        start, end = pos, pos + len(block)
        pos = end + 1
        if not block.strip():
            continue
        inside = [Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind, m.ref, m.label,
                       m.anchor if m.start >= start else None)
                  for m in marks if m.start < end and m.end > start]
        out.append(segments(block, inside))
    return out


def context(text: str, start: int, end: int, sentence: str | None,
            reach: int = 280) -> tuple[list[Segment], bool, bool]:
    """The passage around a span: its sentence marked, the span inside it marked as evidence.

    Returns (segments, cut before, cut after)."""
    s_start = text.rfind(sentence, 0, end) if sentence else -1
    if s_start < 0 or s_start + len(sentence or "") < start:
        s_start, s_end = start, end
    else:
        s_end = s_start + len(sentence or "")
    lo = max(0, text.rfind("\n", 0, max(0, s_start - reach)) + 1, s_start - reach)
    hi_break = text.find("\n", min(len(text), s_end + reach))
    hi = min(len(text), s_end + reach) if hi_break < 0 else min(hi_break, s_end + reach)
    lo = min(lo, s_start)
    hi = max(hi, s_end)
    if lo > 0 and not text[lo - 1].isspace():  # start and end on word boundaries
        space = text.find(" ", lo, s_start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", s_end, hi)
        hi = space if space >= 0 else hi
    marks = [Mark(s_start - lo, s_end - lo, "sentence"), Mark(start - lo, end - lo, "evidence")]
    return segments(text[lo:hi], marks), lo > 0, hi < len(text)
