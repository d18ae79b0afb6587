"""Pledges stated without a pledge verb: a sum of money tied to a deadline.

"Le cœur de son offre reste le programme Global Gateway, doté de 150 milliards d'euros pour
l'Afrique d'ici 2027", "un plan ... mobilisant d'ici à 2027 jusqu'à 300 milliards d'euros":
no verb promises anything, yet a sum due by a date is a pledge. Counted only when the
sentence is not told in the past (what was spent by 2024 is a report) and names no question.
The party is the subject's, else the article's first party (a fallback, lower confidence).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from suivi.extract.deadlines import time_values
from suivi.extract.hits import Hit, subject_range
from suivi.extract.quantities import find_quantities


def _past(span: Span) -> bool:
    """Told in the past: English simple past or "has/had + participle", French passé composé
    or imparfait (the French tagger's Tense=Past also covers present forms like "agit")."""
    root = span.root
    if root.tag_ == "VBD" or "Imp" in root.morph.get("Tense"):
        return True
    return any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ("avoir", "have") and c.tag_ != "MD"
        for c in root.children
    )


def nominal_hits(span: Span, anchor: date | None, lang: str) -> list[Hit]:
    """A hit for a sentence that ties a sum of money to a future deadline, else none."""
    text = span.text
    if "?" in text or _past(span):
        return []
    money = [q for q in find_quantities(text) if q.kind == "money"]
    if not money:
        return []
    due = [
        tv for tv in time_values(text, anchor, lang)
        if tv.kind == "deadline" and tv.value and (anchor is None or tv.value[:4] >= f"{anchor.year:04d}")
    ]
    if not due:
        return []
    root = span.root
    lo, hi = span.start_char, span.end_char
    first = money[0]
    hit = Hit(root, "sum by deadline", "plan", 0.5, lo + first.start, lo + first.end, subject_range(root, lo, hi))
    hit.nominal = True
    return [hit]


LISTED_AID = "listed aid"
"""The cue of a verbless list item stating a sum of aid (`listed_aid_hits`)."""


def listed_aid_hits(span: Span, aid_nouns: frozenset[str]) -> list[Hit]:
    """A list item with no verb that states a sum of aid ("- €150 million in budgetary
    assistance"), in a list whose opening line the page cut: a pledge of the list's giver, as
    its sibling items are. A sum with no aid noun ("- €2 billion in trade") says nothing is given."""
    if any(t.pos_ in ("VERB", "AUX") and set(t.morph.get("VerbForm")) & {"Fin", "Inf"} for t in span):
        return []  # a clause of its own ("- €2 billion was traded"): read by the verb cues
    text = span.text
    money = [q for q in find_quantities(text) if q.kind == "money"]
    if not money or not any(t.lower_ in aid_nouns for t in span):
        return []
    lo = span.start_char
    hit = Hit(span.root, LISTED_AID, "plan", 0.5, lo + money[0].start, lo + money[0].end, None)
    hit.nominal = True
    return [hit]
