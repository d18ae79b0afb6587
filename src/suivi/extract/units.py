"""The pieces of an article a commitment is read from: headline, sentences, list items.

Why lines first: list items and headlines are lines of the clean text, and a sentence never
crosses a line break in an article; spaCy's sentences are cut at line ends so evidence is
always one sentence, one headline or one item — an exact substring of Article.text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suivi.extract.cues import Lexicon, fold

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    kind: str  # headline | sentence | item
    introducer: tuple[int, int] | None = None  # span of the line introducing a list item


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\r\u00a0":
        end -= 1
    return start, end


def _strip_item(text: str, start: int, end: int) -> tuple[int, int]:
    """An item without the closing quote of a quoted list ("... until further notice.”")."""
    start, end = _strip(text, start, end)
    if end > start and text[end - 1] in "”\"»" and text.count(text[end - 1], start, end) == 1:
        end -= 1
    return _strip(text, start, end)


def _item_body(line: str, lexicon: Lexicon) -> int | None:
    """Offset in `line` where an item's text starts, or None when the line is not an item."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    for marker in lexicon.phrases.get("list_markers", ()):
        if stripped.lower().startswith(marker) and len(stripped) > len(marker) + 2:
            rest = stripped[len(marker):]
            if marker.strip() == marker and not rest[:1].isspace() and marker not in "✓✔•▪►→·":
                continue  # "-Moscou" is a word, "- Moscou" an item
            return lead + len(marker) + (len(rest) - len(rest.lstrip()))
    for pattern in lexicon.item_patterns:  # "a) Recognise ...", "(ii) ...", "“b) Continue ..."
        m = pattern.match(stripped)
        if m and len(stripped) > m.end() + 2:
            return lead + m.end()
    return None


def headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the title sits in the text, when the text carries it in its first lines."""
    if not title or not title.strip():
        return None
    pos = text.find(title.strip())
    if pos < 0 or text.count("\n", 0, pos) > 4:
        return None
    return pos, pos + len(title.strip())


def split_units(text: str, sentences: list[tuple[int, int]], title: str | None, lexicon: Lexicon) -> list[Unit]:
    """Headline, then sentences and list items in text order."""
    units: list[Unit] = []
    head = headline_span(text, title)
    if head:
        units.append(Unit(head[0], head[1], "headline"))
    title_fold = fold(title.strip()) if title else None
    introducer: tuple[int, int] | None = None
    in_list = False
    for m in _LINE.finditer(text):
        ls, le = _strip(text, m.start(), m.end())
        if ls >= le:
            continue
        line = text[ls:le]
        if head and ls <= head[0] < le:
            continue
        if title_fold and fold(line) == title_fold:
            continue
        body = _item_body(line, lexicon)
        if body is not None:
            s, e = _strip_item(text, ls + body, le)
            # an item of several sentences ("1. Special Fund: ... from the UAE. The AfDB will
            # match these contributions."): the first is the item, the others sentences of their own
            first, *rest = _pieces(text, sentences, s, e) or [(s, e)]
            units.append(Unit(first[0], first[1], "item", introducer if in_list or introducer else None))
            units.extend(Unit(ps, pe, "sentence") for ps, pe in rest)
            in_list = True
            continue
        in_list = False
        introducer = (ls, le) if line.rstrip().endswith(":") else None
        units.extend(Unit(s, e, "sentence") for s, e in _pieces(text, sentences, ls, le))
    return units


def _pieces(text: str, sentences: list[tuple[int, int]], ls: int, le: int) -> list[tuple[int, int]]:
    """The parser's sentences inside one line, glued back where it cut mid-sentence."""
    pieces: list[tuple[int, int]] = []
    for ss, se in sentences:
        s, e = max(ss, ls), min(se, le)
        s, e = _strip(text, s, e)
        if s >= e:
            continue
        if pieces and not _ends_sentence(text[pieces[-1][0]:pieces[-1][1]]):
            pieces[-1] = (pieces[-1][0], e)  # the parser cut mid-sentence: glue it back
        else:
            pieces.append((s, e))
    out = []
    for s, e in pieces:
        while s < e and text[s] in ",;:–—-)":
            s, e = _strip(text, s + 1, e)
        if s < e:
            out.append((s, e))
    return out


def _ends_sentence(piece: str) -> bool:
    return piece.rstrip().endswith((".", "!", "?", "»", '"', "”", "…", ":"))
