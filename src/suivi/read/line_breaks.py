"""Line breaks that end a sentence, marked before the parser runs.

Why: articles come as lines: a title, a dateline, paragraphs. The statistical parsers were
trained on running text and readily join a title without a full stop to the first sentence
("Sahel schools fund launched in Niamey / Canada pledged ..."), which then gets the title's
noun as its subject, and the pledge the wrong giver. A line break is taken as a sentence end
when a blank line follows, when the line ends with closing punctuation, or when the line has
none and the next one starts with a capital, a digit or a quote (a title, a heading, a new
paragraph). A line wrapped before a lower-case word ("... said the\nminister") is left to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "suivi_line_breaks"
_CLOSING = frozenset(".!?:;»\"”)…")


def _boundary(doc: Doc, space: int) -> int | None:
    """The token that starts a sentence after the whitespace token `space`, or None."""
    nxt = space + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    prev = space - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if nxt >= len(doc) or prev < 0:
        return None
    gap = "".join(t.text for t in doc[prev + 1 : nxt])
    if gap.count("\n") >= 2:
        return nxt
    last = doc[prev].text[-1]
    first = doc[nxt].text[0]
    if last in _CLOSING or (first.isupper() or first.isdigit() or first in "«“\"-–—•"):
        return nxt
    return None


@Language.component(NAME)
def mark_line_breaks(doc: Doc) -> Doc:
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            start = _boundary(doc, tok.i)
            if start is not None:
                doc[start].is_sent_start = True
    return doc
