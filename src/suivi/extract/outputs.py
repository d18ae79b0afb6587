"""What a project is to produce, told with the project as subject: "The project will provide up
to 7,000 direct jobs", "the plant is projected to supply 50% of demand", « le projet devrait
créer 5 000 emplois », « le projet permettra de produire 194 000 tonnes par an ».

Why: reports of a partnership state its promised results this way, with no party as subject;
they are its backers' pledges (the article's parties, a fallback of lower confidence), and the
figure is what a later report is checked against. Only with a figure (a promise of "more jobs"
states nothing to follow up), in the future, the conditional of "devoir", or after a verb of aim
or forecast ("aims to", "is projected to"); never in the past (what a plant produced is a
report). Words are data (commitments.<lang>.yaml: output_subjects, output_verbs,
output_governors).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from suivi.extract.cues import Lexicon
from suivi.extract.french import future_or_conditional
from suivi.extract.hits import NE, Hit, children, subject_range, told_in_past

OUTPUT = "output"
"""The cue of a project's promised result ("will provide up to 7,000 jobs")."""

_YEAR = re.compile(r"(?:19|20)\d\d")
_WILL = frozenset({"will", "would", "shall"})


def output_hits(span: Span, lex: Lexicon) -> list[Hit]:
    """One hit per verb of result whose subject is a project (see the module docstring)."""
    verbs = lex.words.get("output_verbs", frozenset())
    if not verbs or "?" in span.text:
        return []
    lo, hi = span.start_char, span.end_char
    hits: list[Hit] = []
    for tok in span:
        if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB":
            continue
        lead = _leading_verb(tok, lex)
        if lead is None or not _promised(lead, tok, lex) or not _figure(tok):
            continue
        subjects = children(lead, "nsubj", "nsubjpass", "nsubj:pass")
        if not subjects or subjects[0].lemma_.lower() not in lex.words.get("output_subjects", frozenset()):
            continue
        hit = Hit(tok, OUTPUT, "plan", 0.45, lead.idx, tok.idx + len(tok), subject_range(lead, lo, hi))
        hits.append(hit)
        break  # one statement per sentence: the coordinated results are in its evidence
    return hits


def _leading_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb carrying the subject: the result verb itself, the verb of aim or forecast it
    completes ("aims to produce", « devrait créer »), or the one it is coordinated with."""
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in lex.words.get("output_verbs", frozenset()):
        tok = tok.head
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.words.get("output_governors", frozenset()):
        return tok.head
    return tok if tok.dep_ in ("ROOT", "ccomp") or children(tok, "nsubj") else None


def _promised(lead: Token, verb: Token, lex: Lexicon) -> bool:
    """Told as to come: a future or conditional, an aim or forecast in the present; not negated."""
    negations = lex.words.get("negations", frozenset()) | NE
    if any(c.dep_ == "neg" or c.lower_ in negations for c in list(lead.children) + list(verb.children)):
        return False
    if told_in_past(lead) or lead.tag_ == "VBD" or any(c.tag_ == "VBD" for c in children(lead, "aux", "auxpass")):
        return False
    if lex.language == "fr":
        # « créera », « devrait créer », « permettra de produire », « va créer », « vise à produire »
        return lead.lemma_.lower() in ("aller", "viser") or future_or_conditional(lead, lex) is not None
    if lead is verb:
        return any(c.dep_ == "aux" and c.lower_ in _WILL for c in lead.children)
    return True  # "aims to", "is projected to", "is expected to" (a past told above is not)


def _figure(verb: Token) -> bool:
    """The result is counted: a number in what the verb (or a verb coordinated with it) governs,
    not a year."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for v in verbs:
        for obj in children(v, "obj", "dobj", "xcomp"):
            for t in obj.subtree:
                if t.like_num and not _YEAR.fullmatch(t.text):
                    return True
    return False
