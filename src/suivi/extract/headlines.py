"""Headlines in Title Case, read again in sentence case.

Why: many English outlets capitalise every word of a headline ("Russia Ready To Ship Grain
To Some African States For Free"), and the small English model then reads every word as a
proper noun: no verb, no cue, no pledge, although the same words in sentence case parse well.
The headline is re-parsed with its common words lower-cased, placed at its own offsets (a run
of spaces stands for the text before it), so every hit keeps the article's character offsets.
A word keeps its capital when it is an acronym, or when the article's body writes it with a
capital and never without (names: "Putin", "Burkina Faso").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

if TYPE_CHECKING:
    from suivi.extract.cues import Lexicon
    from suivi.extract.hits import Hit

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MIN_WORDS = 4
_TITLE_SHARE = 0.75  # of the words of four letters or more, this share capitalised


def title_case(headline: str) -> bool:
    """Most longer words of the headline start with a capital, and not all are in capitals."""
    words = [w for w in _WORD.findall(headline) if len(w) >= 4]
    if len(_WORD.findall(headline)) < _MIN_WORDS or len(words) < 3 or headline.isupper():
        return False
    return sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def sentence_cased(headline: str, body: str) -> str:
    """The headline with its common words lower-cased (same length, same offsets)."""
    body_words = set(_WORD.findall(body))
    out = []
    at = 0
    first = True
    for m in _WORD.finditer(headline):
        word = m.group()
        out.append(headline[at:m.start()])
        low = word[0].lower() + word[1:]
        name = word in body_words and low not in body_words
        keep = first or word.isupper() or not word[0].isupper() or name or len(low) != len(word)
        out.append(word if keep else low)
        at = m.end()
        first = False
    out.append(headline[at:])
    return "".join(out)


def heading_line(text: str, start: int, end: int) -> bool:
    """text[start:end] is a whole line that ends without a sentence's closing mark: a headline
    or standfirst the page kept in its text ("Japan and AfDB Launch $5.5 Billion Support
    Package at TICAD9" under a line of section names)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    whole = line == text[start:end].strip()
    return whole and not line.endswith((".", "!", "?", "…", "»", '"', "”", ":"))


def sentence_cased_text(text: str, start: int, end: int) -> str | None:
    """The article's text with its headline text[start:end] in sentence case (same length, so
    the same offsets everywhere), or None when the headline is not in Title Case."""
    headline = text[start:end]
    if not title_case(headline):
        return None
    return text[:start] + sentence_cased(headline, text[:start] + text[end:]) + text[end:]


def reparsed_headline(nlp: Language, cased: str, start: int, end: int) -> Span | None:
    """The sentence-cased headline cased[start:end] parsed on its own, as a span whose
    character offsets are the article's (a run of spaces stands for the text before it)."""
    doc = nlp(" " * start + cased[start:end]) if start else nlp(cased[start:end])
    return doc.char_span(start, end, alignment_mode="expand")


_HEADLINE_TO = re.compile(r"to\s+\S+", re.IGNORECASE)


def headline_verb(hit: Hit, span: Span | None, lex: Lexicon) -> bool:
    """A headline's "X to <word>" is a future only when the word is a verb ("Mali to host
    summit"; not "Path to economic growth", "looks to first projects"), as the headline's own
    parse tags it, and no verb but one of saying comes before "to" in its clause ("linking
    restive Sahel to ocean"; "Minister says Ghana to build clinics", "Egypt set to build" stand);
    other cues stand."""
    if span is None or not _HEADLINE_TO.fullmatch(hit.cue):
        return True
    last = next((t for t in span if t.idx <= hit.end - 1 < t.idx + len(t)), None)
    if last is not None and last.pos_ not in ("VERB", "AUX"):
        return False
    saying = lex.words.get("reporting_verbs", frozenset())
    earlier_verb = False
    for t in span:
        if t.idx >= hit.start:
            break
        if t.is_punct and t.text in ":;,|":
            earlier_verb = False  # a new clause
        elif t.pos_ == "VERB" and t.lemma_.lower() not in saying and t.idx + len(t) + 1 < hit.start:
            earlier_verb = True  # (not the word right before "to": "Egypt set to build")
    return not earlier_verb
