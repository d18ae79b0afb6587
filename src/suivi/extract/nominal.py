"""Pledges stated without a pledge verb: a sum of money tied to a deadline.

"Le cœur de son offre reste le programme Global Gateway, doté de 150 milliards d'euros pour
l'Afrique d'ici 2027", "un plan ... mobilisant d'ici à 2027 jusqu'à 300 milliards d'euros":
no verb promises anything, yet a sum due by a date is a pledge. Counted only when the
sentence is not told in the past (what was spent by 2024 is a report) and names no question.
The party is the subject's, else the article's first party (a fallback, lower confidence).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span

from suivi.extract.deadlines import time_values
from suivi.extract.hits import Hit, children, subject_range, told_in_past
from suivi.extract.quantities import find_quantities
from suivi.read.nlp import doc_text


def nominal_hits(span: Span, anchor: date | None, lang: str) -> list[Hit]:
    """A hit for a sentence that ties a sum of money to a future deadline, else none."""
    text = span.text
    if "?" in text or told_in_past(span.root):  # what was spent by 2024 is a report
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


def listed_aid_hits(span: Span, aid_nouns: frozenset[str], introducer: str = "") -> list[Hit]:
    """A list item with no verb that states a sum of aid ("- €150 million in budgetary
    assistance"), in a list whose opening line the page cut, or that no pledge verb opens: a
    pledge of the list's giver, as its sibling items are. A sum with no aid noun ("- €2 billion
    in trade") says nothing is given, unless the line opening the list names the aid the items
    share out ("The initial $8.5 billion funding package includes:" then "- $1 billion from
    France")."""
    if any(t.pos_ in ("VERB", "AUX") and set(t.morph.get("VerbForm")) & {"Fin", "Inf"} for t in span):
        return []  # a clause of its own ("- €2 billion was traded"): read by the verb cues
    text = span.text
    money = [q for q in find_quantities(text) if q.kind == "money"]
    shared_out = bool(find_quantities(introducer)) and any(
        w in aid_nouns for w in re.findall(r"\w+", introducer.lower()))
    if not money or not (shared_out or any(t.lower_ in aid_nouns for t in span)):
        return []
    lo = span.start_char
    hit = Hit(span.root, LISTED_AID, "plan", 0.5, lo + money[0].start, lo + money[0].end, None)
    hit.nominal = True
    return [hit]


PLEDGE_NAMED = "pledge named"
"""The cue of a pledge named by its noun with its sum (`pledge_noun_hits`)."""


def pledge_noun_hits(span: Span, pledge_nouns: frozenset[str], planned: frozenset[str],
                     money_nouns: frozenset[str], sources: frozenset[str] = frozenset(),
                     keeping: frozenset[str] = frozenset()) -> list[Hit]:
    """A pledge told by its noun with its sum, in a sentence with no pledge verb: "the payment is
    part of Doha's $7.5 billion investment pledge to Cairo", "its commitment to spend $55 billion",
    "a planned $29.7 billion investment by the fund", « la promesse de 7,5 milliards du Qatar ».
    Reports of what came of a pledge recall it this way; the pledge is its owner's (the
    possessor, the "by" phrase, « du Qatar »). With no owner ("initial pledges of $768
    million") it is nobody's in particular; without a sum or an act ("its commitment to peace")
    it states nothing that can be followed up."""
    hits = []
    for tok in span:
        if tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        named = lemma in pledge_nouns
        if not named and not (lemma in money_nouns and any(
                c.lower_ in planned for c in children(tok, "amod", "acl"))):
            continue
        if named and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in keeping:
            continue  # "as Government fulfils its commitment to compensate": a pledge being kept, a report
        # the noun's phrase without its relative clauses and appositions
        cut = {t.i for c in tok.subtree if c.i != tok.i and c.dep_ in ("relcl", "acl:relcl", "appos")
               for t in c.subtree}
        kept = [t for t in tok.subtree if t.i not in cut]
        lo, hi = kept[0].idx, kept[-1].idx + len(kept[-1])
        money = [q for q in find_quantities(doc_text(span.doc)[lo:hi]) if q.kind == "money"]
        # or its act: "welcomes the government's commitment to reinstate the Fiscal Responsibility
        # Act", « l'engagement du Comité à contribuer à rendre la dette viable »
        act = named and any(c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")
                            for c in tok.children)
        if not money and not act:
            continue
        owner = children(tok, "poss") + [d for d in children(tok, "det") if "Yes" in d.morph.get("Poss")]
        left = tok.left_edge.i
        if not owner and left >= 2 and tok.doc[left - 1].lower_ in ("’s", "'s") and tok.doc[left - 2].pos_ == "PROPN":
            owner = [tok.doc[left - 2]]  # "part of Doha’s $7.5 billion pledge" parsed with Doha as the object of "of"
        by = [p for p in children(tok, "prep", "agent") if p.lower_ == "by"] + [
            n for n in kept if n.dep_ == "nmod" and (n.pos_ == "PROPN" or (act and n.head.i == tok.i))
            and any(c.lower_ in ("de", "du", "d'", "d’") for c in children(n, "case"))]
        # or the sources of its sums: "funding commitments for the project, including $500 million
        # from the AfDB, $320 million from Italy ...": each sum is its source's pledge
        sourced = None
        if named and not owner and not by:
            text = doc_text(span.doc)
            sourced = next((src for q in money for src in [source_after(text, lo + q.end, hi, sources)] if src), None)
        if not owner and not by and sourced is None:
            continue  # "initial pledges of $768 million", a headline's "with $100 mln pledge": nobody's in particular
        subject = (owner[0].left_edge.idx, owner[0].right_edge.idx + len(owner[0].right_edge)) if owner else None
        hit = Hit(tok, PLEDGE_NAMED, "promise" if named else "plan", 0.5, lo, hi, subject, restates=True)
        if by:
            hit.doer = (by[0].idx, by[0].right_edge.idx + len(by[0].right_edge))
        elif sourced is not None:
            hit.doer = hit.subject = sourced
        hit.nominal = True
        hits.append(hit)
        break
    return hits


_SOURCE_PHRASE_CHARS = 80  # how far a source's name may run after its preposition


_SOURCE_GAP = 40  # characters from a sum to its source's preposition ("$188 million tranche of money from")


def source_after(text: str, start: int, limit: int, sources: frozenset[str]) -> tuple[int, int] | None:
    """Where the money comes from, named shortly after a sum ending at `start`, within its clause:
    "$188 million tranche of money from the IMF", « 188 millions de dollars de la part du FMI »
    -- the name up to the next punctuation, else None."""
    for prep in sources:
        words = r"\s+".join(re.escape(w) for w in prep.split())
        if prep.endswith(" de"):
            words = words[: -len("de")] + r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|d['’]|de\s+)"
        else:
            words += r"\s+"
        m = re.search(r"\b" + words, text[start:min(limit, start + _SOURCE_GAP + len(prep))], re.IGNORECASE)
        if m is None or re.search(r"[,;.:()]", text[start:start + m.start()]):
            continue
        lo = start + m.end()
        stop = re.search(r"[,;.:()]|\s[-–—]\s", text[lo:min(limit, lo + _SOURCE_PHRASE_CHARS)])
        hi = lo + stop.start() if stop else min(limit, lo + _SOURCE_PHRASE_CHARS)
        return (lo, hi) if hi > lo else None
    return None


PAYMENT_OPENED = "payment opened"
"""The cue of a payment a step opens the way to (`opened_payment_hits`)."""


def opened_payment_hits(span: Span, openers: tuple[str, ...], instalment_nouns: frozenset[str],
                        sources: frozenset[str]) -> list[Hit]:
    """A payment with its sum that a step opens the way to: "the approval will pave the way for a
    $300 million disbursement from the World Bank", "clearing the path for a $370 million
    disbursement", « ouvrant ainsi la voie à un décaissement de 600 millions de dollars ». The
    lender's next payment, announced: its pledge (the source after "from", « de la part de »,
    else the parties of the sentence). Told in the past ("paved the way for") it is a report.
    `openers`: lower-case phrases ending right before the payment's noun phrase (data:
    way_openers); `sources`: the prepositions naming where the money comes from."""
    low = span.text.lower()
    lo = span.start_char
    for tok in span:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in instalment_nouns:
            continue
        # the noun phrase without its preposition (the French parse hangs « à » on the noun)
        first = next(t for t in tok.subtree if t.dep_ != "case")
        phrase_start = first.idx - lo
        before = low[max(0, phrase_start - 40):phrase_start].rstrip()
        if not any(before.endswith(o) for o in openers):
            continue
        governor = tok.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.tag_ == "VBD" or any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ("avoir", "have")
                                         and c.tag_ != "MD" for c in governor.children):
            continue  # "the approval paved the way for the disbursement": what came of it
        start, end = first.idx, tok.right_edge.idx + len(tok.right_edge)
        if not any(q.kind == "money" for q in find_quantities(doc_text(span.doc)[start:end])):
            continue
        hit = Hit(tok, PAYMENT_OPENED, "plan", 0.5, start, end, subject_range(span.root, lo, span.end_char))
        source = [p for p in tok.subtree if p.dep_ in ("prep", "case") and p.lower_ in sources]
        if source:
            obj = source[0].head if source[0].dep_ == "case" else next(iter(source[0].children), source[0])
            hit.doer = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
        else:
            # the parser hangs the source on the verb ("receive the next tranche from the IMF"), and
            # a source of several words (« de la part du FMI ») is no single token: read the text
            money = next(q for q in find_quantities(doc_text(span.doc)[start:end]) if q.kind == "money")
            hit.doer = source_after(doc_text(span.doc), start + money.end, span.end_char, sources)
        if hit.doer is not None:
            hit.subject = hit.doer  # who pays is who pledges, whoever reports it
        hit.nominal = True
        return [hit]
    return []


NEXT_STEP = "next step"
"""The cue of acts a report names as what comes next ("the next step is to secure the financing")."""
NEXT_STEP_REACH = 80  # characters after "next step" where the words that open its acts are read


def next_step_hits(span: Span, openers: tuple[str, ...], links: tuple[str, ...]) -> list[Hit]:
    """The acts named as the next step: "The next step is to secure the financing", « Prochaine
    étape pour les partenaires : travailler sur le pacte d'actionnaires, finaliser ... ». A plan
    with no pledge verb, of those the opener names ("pour les partenaires"), else of the report's
    parties. `openers`: "next step", « prochaine étape » (data: next_step_openers); `links`: what
    comes between it and the first act, a colon or "is to" (data: next_step_links)."""
    text = doc_text(span.doc)
    lo = span.start_char
    low = text[lo:span.end_char].lower()
    for opener in openers:
        m = re.search(rf"(?<!\w){re.escape(opener)}(?!\w)", low)
        if m is None:
            continue
        found = [(k, link) for link in links
                 if (k := low.find(link, m.end(), m.end() + NEXT_STEP_REACH)) >= 0]
        if not found:
            continue
        at, link = min(found)
        after = lo + at + len(link)
        verb = next((t for t in span if t.idx >= after), None)
        if verb is None or verb.pos_ != "VERB" or not (verb.tag_ == "VB" or "Inf" in verb.morph.get("VerbForm")):
            continue  # "the next step: the summit in May" names no act
        owner = (lo + m.end(), lo + at) if text[lo + m.end():lo + at].strip(" ,") else None
        hit = Hit(verb, NEXT_STEP, "plan", 0.5, verb.idx, verb.idx + len(verb), owner)
        hit.nominal = True
        return [hit]
    return []
