"""Hard-wrapped text joined back into paragraphs.

Why: wire copy and e-mailed or plain-text reprints often come broken at a fixed width
("Morocco agreed to buy / high-speed trains from French company Alstom on / Monday, ...").
Read as they stand, such lines cut sentences in two: the sentence splitter takes a line
ending followed by a capital ("on / Monday") for a sentence end, and a pledge loses its
object or its subject. A body is taken as wrapped only when it shows it: several line
breaks fall inside a sentence (no closing punctuation, the next line going on in lower
case) and the lines are of a like length. Then a line with no closing punctuation that
fills the width is joined to the next; a short line (a heading) or a list item is kept, and
the first line (perhaps a headline) is joined only to a line going on in lower case. It runs
before the header is read, so that a wrapped first sentence is not taken for a headline.
Texts laid out as one paragraph per line are left exactly as they are.
"""

from __future__ import annotations

_CLOSING = frozenset(".!?:;»\"”)…")
_ITEM_MARKS = frozenset("-–—•*·")
MIN_WRAPS = 3  # line breaks inside a sentence before a body counts as wrapped
MIN_WRAP_SHARE = 0.2  # of the breaks between two filled lines
MAX_WIDTH = 120  # longer lines are paragraphs, not a fixed width
FILL = 0.6  # a line this share of the width or longer fills it


def _goes_on(line: str, nxt: str) -> bool:
    """The break between `line` and `nxt` is inside a sentence: no closing punctuation and
    the next line goes on in lower case."""
    return bool(line) and bool(nxt) and line[-1] not in _CLOSING and nxt[0].islower()


def _item(line: str) -> bool:
    return line[0] in _ITEM_MARKS or (line[:2].rstrip(".)").isdigit() and line[1:3].startswith((".", ")")))


def _width(lines: list[str]) -> int | None:
    """The wrap width of a wrapped body, or None when the body is not wrapped."""
    filled = [ln.strip() for ln in lines]
    pairs = [(a, b) for a, b in zip(filled, filled[1:], strict=False) if a and b]
    if not pairs:
        return None
    wraps = sum(_goes_on(a, b) for a, b in pairs)
    if wraps < MIN_WRAPS or wraps < MIN_WRAP_SHARE * len(pairs):
        return None
    lengths = sorted(len(ln) for ln in filled if ln)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= MAX_WIDTH else None


def unwrap(lines: list[str]) -> list[str]:
    """The body's lines with hard wraps joined; blank lines and their places kept (the
    number of lines shrinks only by the lines joined)."""
    width = _width(lines)
    if width is None:
        return lines
    out: list[str] = []
    prev = ""  # the last physical line, stripped
    joined = False  # the last line of `out` holds lines joined: a paragraph, not a headline
    for line in lines:
        text = line.strip()
        # the first line may be a headline with no full stop: joined only to a lower-case going-on
        fills = len(prev) >= FILL * width and (joined or any(ln.strip() for ln in out[:-1]))
        if out and prev and text and not _item(text) and prev[-1] not in _CLOSING and (
                fills or text[0].islower()):
            out[-1] = f"{out[-1].rstrip()} {text}"
            joined = True
        else:
            out.append(line)
            joined = False
        prev = text
    return out
