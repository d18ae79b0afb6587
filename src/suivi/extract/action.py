"""A commitment's action as a reader would say it: the acting verb and what it acts on,
taken from the text ("financer la construction de 300 écoles", "build, train and equip the
Somali navy").

Why words of the text and not lemmas: analysts read the register, and merging compares the
words of two statements; a phrase cut from the evidence keeps both readable and comparable.
The phrase leaves out the reporting frame, the time expression (the deadline has its own
field) and the tails of the sentence (relative clauses, purposes after a comma).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Token

from suivi.extract.cues import fold, get_lexicon
from suivi.extract.hits import INSTALMENT, NE, SUM_TO_COME, Hit, acting_verb
from suivi.extract.nominal import PLEDGE_NAMED

MAX_WORDS = 14
_KEEP = ("obj", "dobj", "iobj", "dative", "prt", "attr", "oprd", "xcomp", "compound", "obl", "prep", "nmod",
         "conj", "dep", "cc", "acomp", "ccomp", "fixed", "flat", "agent", "npadvmod", "nummod", "amod", "det")
_CLITICS = {"se", "s'", "s’", "y", "en", "lui", "leur", "nous", "vous", "me", "m'", "m’", "te", "t'", "t’"}
_TAIL = {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "et", "ou", "le", "la", "les", "l'", "l’", "un",
         "une", "pour", "par", "sur", "dans", "avec", "the", "a", "an", "of", "to", "and", "or", "for", "in",
         "on", "at", "by", "with", "from", "its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs",
         "qui", "que", "which", "that", "who", ",", ";", ":", "(", "«", "“", '"', "-", "–"}


def _words(phrase: str) -> list[str]:
    return phrase.split()


def _trim_tail(phrase: str) -> str:
    words = _words(phrase)
    while words and (words[-1].lower() in _TAIL or not re.search(r"\w", words[-1])):
        words.pop()
    return " ".join(words).rstrip(",;:(«“\"-– ")


def _cap(phrase: str) -> str:
    words = _words(phrase)
    if len(words) > MAX_WORDS:
        phrase = " ".join(words[:MAX_WORDS])
    return _trim_tail(phrase)


def _core(tok: Token) -> list[Token]:
    """A dependant's words without its relative clauses, asides and subordinate clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_.split(":")[0] in ("relcl", "advcl", "parataxis", "appos", "acl") and c.i > tok.i:
            continue
        if c.dep_ == "punct" and c.i > tok.i:
            continue
        out.extend(_core(c))
    return out


def _parsed(text: str, start: int, end: int, verb: Token, stops: list[tuple[int, int]]) -> str:
    first = verb
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.lower_ in _CLITICS and prev.head.i == verb.i and prev.idx >= start:
        first = prev  # "se rendre", "s'y rendre"
    last = verb.idx + len(verb)
    doc = verb.doc
    for c in verb.children:
        dep = c.dep_.split(":")[0]
        if c.i < verb.i or dep not in _KEEP:
            continue
        before = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if before is not None and before.text in (",", "(", "–", "—") and dep not in ("conj", "dep", "cc"):
            continue  # ", according to the minister", "(...)": an aside, not the act
        for t in _core(c):
            if t.idx < end:
                last = max(last, t.idx + len(t))
    phrase_end = min(last, end)
    # stop before a parenthesis, a quote's end or a time expression after the object
    tail = text[verb.idx + len(verb): phrase_end]
    cut = re.search(r"[;:(«»“”\"]|\s[–—-]\s|,\s(?:which|who|where|qui|dont|où)\b", tail)
    if cut:
        phrase_end = verb.idx + len(verb) + cut.start()
    for s, _e in stops:
        if verb.idx + len(verb) < s < phrase_end:
            phrase_end = s
    return _cap(text[first.idx: phrase_end])


def action_phrase(text: str, start: int, end: int, hit: Hit, times: list[Any] | None = None) -> str:
    """The action of the commitment whose evidence is text[start:end]; `times` are the time
    expressions found in that evidence (offsets in the evidence), left out of the phrase."""
    stops = [(start + tv.start, start + tv.end) for tv in times or []]
    verb = acting_verb(hit) if hit.token is not None else None
    if hit.cue == INSTALMENT and hit.subject is not None and start <= hit.subject[0] < end:
        # "le premier versement sera de 15 milliards de dollars": the payment and its sum, up to
        # its date or the clause's end
        stop = min([s for s, _e in stops if s > hit.subject[0]] + [end])
        piece = text[hit.subject[0]:stop]
        cut = re.search(r"[,;:(«»“”\"]|\s[–—-]\s|\.(?:\s|$)", piece)
        return _cap((piece[: cut.start()] if cut else piece).strip())
    if hit.cue == SUM_TO_COME and hit.token is not None and hit.token.idx + len(hit.token) <= end:
        # "with another 50 million pounds to come": the sum and "to come", not the payment before
        first = min((t.idx for t in hit.token.subtree), default=hit.token.idx)
        if hit.verb is not None:
            first = min(first, hit.verb.left_edge.idx)
        if first >= start:
            return _cap(text[first:hit.token.idx + len(hit.token)])
    if hit.cue == PLEDGE_NAMED and hit.token is not None:
        # "his commitment to spend $55 billion": the act under the noun; "Doha's $7.5 billion
        # investment pledge to Cairo": the pledge named is the act
        acts = [c for c in hit.token.children if c.pos_ == "VERB" and c.dep_.split(":")[0] in ("acl", "xcomp")]
        if not acts:
            return _cap(text[hit.start:hit.end])
        verb = acts[0]
    elif hit.nominal and hit.token is not None:
        # "doté de 150 milliards d'euros", "mobilisant ... 300 milliards": the word that carries the sum
        doc = hit.token.doc
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        cur = span.root if span is not None else None
        for _ in range(4):
            if cur is None or cur.pos_ in ("VERB", "ADJ") or cur.head.i == cur.i:
                break
            cur = cur.head
        if cur is not None and cur.pos_ in ("VERB", "ADJ") and cur.i != hit.token.i:
            verb = cur
        elif span is not None:
            return _cap(text[hit.start:hit.end])
    if verb is not None and start <= verb.idx < end:
        phrase = _parsed(text, start, end, verb, stops)
        if len(phrase.split()) <= 1 and hit.subject is not None and start <= hit.subject[0] < end:
            # "son lancement est prévu pour 2024": the act is the subject noun
            phrase = _cap(text[hit.subject[0]: verb.idx + len(verb)])
        if phrase:
            return _with_negation(text, start, verb, phrase)
    begin = start if hit.cue.startswith("list:") else max(start, min(hit.end, end))
    last = re.search(r"(\w+)\W*$", text[hit.start:hit.end]) if not hit.cue.startswith("list:") else None
    if last and last.group(1).lower() not in _TAIL and hit.end - hit.start > len(last.group(1)) + 1:
        begin = hit.start + last.start(1)  # "will build": the verb is the cue's last word
    piece = text[begin:end]
    cut = re.search(r"[,;:(«»“”\"]|\s[–—-]\s|\.(?:\s|$)", piece)
    if cut and cut.start() > 0:
        piece = piece[: cut.start()]
    for s, _e in stops:
        if begin < s < begin + len(piece):
            piece = text[begin:s]
    return _cap(piece.strip()) or _cap(text[start:end])


def _with_negation(text: str, start: int, verb: Token, phrase: str) -> str:
    """A negated act keeps its negation ("will not renew the agreement" is "not renew the
    agreement", « ne renouvellera pas cet accord »): without it the register would say the
    opposite of the report."""
    negs = [c for c in verb.children if c.i < verb.i and (c.dep_ == "neg" or c.lower_ in NE) and c.idx >= start]
    head = text[verb.idx:verb.idx + len(verb)]
    if not negs or not phrase.lower().startswith(head.lower()):
        return phrase
    first = min(negs, key=lambda t: t.i)
    lead = "not " if first.lower_ in ("n't", "n’t") else text[first.idx:verb.idx]  # "won't renew"
    return _cap(lead + phrase)


@cache
def _folded_function_words() -> frozenset[str]:
    """Function words of every supported language, folded once per process (merging asks for
    the content words of every pair of mentions)."""
    skip = get_lexicon("fr").words.get("function_words", frozenset()) | get_lexicon("en").words.get(
        "function_words", frozenset()
    )
    return frozenset(fold(w) for w in skip)


def content_words(phrase: str) -> list[str]:
    """The words of an action that say what is done and to what ("keep visa-free travel
    between them" -> keep, visa, free, travel): function words of every supported language
    left out, so another stage can compare two actions by their content."""
    folded_skip = _folded_function_words()
    words = re.findall(r"\w+", phrase.replace("-", " "))
    return [w for w in words if len(w) > 1 and fold(w) not in folded_skip and not w.isdigit()]
