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
