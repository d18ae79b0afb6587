"""Commitment extraction: find announced future actions of identifiable parties.

Why rules and not a model: every mention must be explainable to an analyst (the cue that
fired is stored) and every cue lives in data/cues/commitments.<lang>.yaml. French and English
are read on spaCy's parse (suivi.extract.french, suivi.extract.english); a language or an
install without a parser falls back to surface patterns (suivi.extract.patterns). All share
the same units (headline, sentence, list item), actor resolution, dates, action and sectors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from suivi.extract.action import action_phrase
from suivi.extract.agents import ActorContext, build_context, is_party_phrase
from suivi.extract.coordination import act_list_cuts
from suivi.extract.cues import Lexicon, fold, get_lexicon
from suivi.extract.deadlines import (
    article_anchor,
    choose,
    clause_time_values,
    dated_before_this_year,
    period_told_before,
    states_when,
    time_values,
    told_as_past,
)
from suivi.extract.english import english_hits
from suivi.extract.enumeration import split_listed
from suivi.extract.french import french_hits, future_or_conditional
from suivi.extract.headlines import heading_line, headline_verb, reparsed_headline, sentence_cased_text
from suivi.extract.hits import (
    Hit,
    act_range,
    acting_verb,
    apart_clause,
    children,
    phrase_range,
    reported,
    told_in_past,
)
from suivi.extract.nominal import (
    PLEDGE_NAMED,
    listed_aid_hits,
    next_step_hits,
    nominal_hits,
    opened_payment_hits,
    pledge_noun_hits,
)
from suivi.extract.outputs import output_hits
from suivi.extract.parties import agents_of, hyphenated_start, item_doer, people_subject, receipt_parties
from suivi.extract.patterns import introduced, item_hits, pattern_hits
from suivi.extract.quantities import main_quantity
from suivi.extract.units import Unit, split_units
from suivi.models import Article
from suivi.read.nlp import get_nlp
from suivi.read.sentences import Sentences


@dataclass
class CommitmentCandidate:
    """One commitment statement found in an article (before storage)."""

    start: int  # evidence offsets in Article.text
    end: int
    evidence: str
    unit_start: int  # the sentence / headline / item it was read from
    unit_end: int
    unit_kind: str
    cue: str
    modality: str
    agents: list[str] = field(default_factory=list)
    beneficiaries: list[str] = field(default_factory=list)
    agent_text: str | None = None
    beneficiary_text: str | None = None
    action: str | None = None
    sector: str | None = None
    deadline: str | None = None
    deadline_precision: str | None = None
    recurrence: str | None = None
    condition: str | None = None
    restates: bool = False
    confidence: float = 0.5
    deadline_kind: str | None = None  # by | start | on (docs/dates.md)
    quantity: float | None = None  # the pledged sum or count ("300", "55000000000")
    quantity_unit: str | None = None  # ISO currency for money, the counted noun for a count
    quantity_kind: str | None = None  # money | count
    quantity_text: str | None = None  # the phrase it was read from ("plus de 150 milliards d'euros")
    agent_fallback: bool = False  # the agent came from a fallback (speaker, main parties), not the subject

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def extract(doc: Doc | None, article: Article, mentions: list[Any] | None = None) -> list[CommitmentCandidate]:
    """Every commitment statement of one article, in text order.

    `doc` is the reading stage's parse of article.text (None or a tagger-less doc: surface
    patterns only); `mentions` the reading stage's actor mentions (persons with the state
    they serve).
    """
    lang = (article.language or "fr")[:2].lower()
    lexicon = get_lexicon(lang)
    text = article.text
    ctx = build_context(text, mentions, lexicon)
    # the reading stage's sentences: the parser's, clipped to lines and joined where the parser
    # cut inside one ("« d'ici janvier » 2025 le déploiement")
    sentences = Sentences(doc).ranges if doc is not None else [(0, len(text))]
    tagged = doc is not None and doc.has_annotation("DEP") and lexicon.language == lang
    anchor = article_anchor(article, doc if tagged else None)
    starts = {t.idx: t for t in doc} if tagged else {}  # tokens by their first character
    act_end = _act_end(doc, starts) if tagged else None
    list_cuts = None
    if tagged:
        to_come = (lambda t: future_or_conditional(t, lexicon) is not None) if lang == "fr" else None
        list_cuts = act_list_cuts(doc, starts, to_come, lexicon.words.get("action_nouns", frozenset()))
    out: list[CommitmentCandidate] = []
    seen: set[tuple[int, int]] = set()
    for unit in split_units(text, sentences, article.title, lexicon):
        if unit.kind == "sentence" and text[unit.end - 1] == ":":
            continue  # a list introducer: its items carry the commitments
        listed = unit.kind == "item" and tagged and not introduced(text, unit, lexicon)
        intro = unit.introducer if listed else None
        if listed:
            # an item under no list introducer ("- 8 new coastguard boats will be provided", a
            # list whose opening line the page cut): a statement of its own, read as a sentence
            unit = replace(unit, kind="sentence", introducer=None)
        # an English headline in Title Case is read in sentence case (see extract.headlines)
        # (so is a line atop the text that reads as one: "Japan and AfDB Launch $5.5 Billion Support Package")
        titled = unit.kind == "headline" or (unit.kind == "sentence" and unit.start < _TOP_CHARS
                                             and heading_line(text, unit.start, unit.end))
        cased = sentence_cased_text(text, unit.start, unit.end) if titled and lang == "en" else None
        if unit.kind == "item":
            hits = item_hits(text, unit, lexicon)
        elif tagged:
            span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
            if cased is not None:
                span = reparsed_headline(get_nlp(lang), cased, unit.start, unit.end) or span
            if span is None:
                hits = []
            elif lang == "fr":
                hits = french_hits(span, lexicon)
            else:
                hits = english_hits(span, lexicon, headline=unit.kind == "headline")
        else:
            hits = pattern_hits(text, unit, lexicon)
        if not hits and tagged and unit.kind == "headline":
            hits = pattern_hits(cased or text, unit, lexicon)  # headlines are where parsers slip most
            hits = [h for h in hits if headline_verb(h, span, lexicon)]
        verbless = not hits and tagged and unit.kind in ("sentence", "headline")
        if verbless:
            hits = _verbless_hits(doc, unit, text, anchor, lang, lexicon, intro if listed else None, listed)
        # who commits, first: a cue without a party is dropped before the unit's clauses are
        # cut, so it does not take words away from the statements that remain
        agreed = [(h, agents_of(text, unit, h, ctx, lexicon)) for h in hits]
        pledged = False
        kept = [(h, who) for h, who in agreed if who[0]]
        if not kept and hits and not verbless and tagged and unit.kind in ("sentence", "headline"):
            # a verb cue with no party ("the approval of the review will then unlock the third
            # tranche of $360 million from the IMF"): the sentence may still state a pledge
            # without a pledge verb, whose party is the payer it names
            nominal = _verbless_hits(doc, unit, text, anchor, lang, lexicon, intro if listed else None, listed)
            kept = [(h, who) for h in nominal for who in [agents_of(text, unit, h, ctx, lexicon)] if who[0]]
        if not kept and tagged and unit.kind == "sentence":
            # "the project will create 5,000 jobs": a project's promised result, its backers'
            span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
            outputs = output_hits(span, lexicon) if span is not None else []
            kept = [(h, who) for h in outputs for who in [agents_of(text, unit, h, ctx, lexicon)] if who[0]]
        for hit, who in kept:
            cand = _candidate(text, unit, hit, [h for h, _ in kept], who, ctx, lexicon, anchor, lang)
            if cand is None:
                continue
            if (cand.deadline is None and hit.cue in lexicon.words.get("dated_only_verbs", ())
                    and not states_when(cand.evidence, lang)):
                # "Kenya hopes to attract investors": a wish; "hopes to start the works by 2026", "s'apprête
                # à engager des discussions mardi prochain": a plan; "s'apprête à débuter sa mission": news
                continue
            acts = lexicon.words.get("prepared_acts", frozenset())
            readied = hit.verb.lemma_.lower() if hit.verb is not None else None
            if hit.cue in lexicon.words.get("preparing_verbs", ()) and readied not in acts:
                continue  # "as Trump prepares to take office": readying for what comes, not an act pledged
            if hit.cue in lexicon.words.get("dated_only_verbs", ()) and _outcome_hoped(hit, lexicon):
                # "Ghana expects to grow by 5% in 2025", "expects to receive the first tranche by June":
                # an outcome hoped for, dated or not, not an act of the party's own
                continue
            dates = [v for v in time_values(cand.evidence, anchor, lang)
                     if v.kind in ("date", "deadline", "interval") and v.value] if tagged else None
            parts = split_listed(cand, ctx.parties_in, lambda c, s, e: _narrowed(c, s, e, ctx, lexicon, anchor, lang),
                                 act_end if unit.kind != "item" else None,
                                 list_cuts if unit.kind == "sentence" else None, dates,
                                 lexicon.words.get("source_prepositions", frozenset()), hit.start)
            for part in parts:
                if (part.start, part.end) in seen:
                    continue
                seen.add((part.start, part.end))
                out.append(part)
            if parts:
                ctx.last_giver = list(parts[-1].agents)
                pledged = True
        if unit.kind == "sentence":
            ctx.previous_subject = _sentence_subject(doc, unit, ctx, lexicon) if tagged else []
            ctx.since_pledge = 0 if pledged else ctx.since_pledge + 1
    out.sort(key=lambda c: (c.start, c.end))
    return _share_stated(_without_repeats(out, text))


def _outcome_hoped(hit: Hit, lex: Lexicon) -> bool:
    """The act a hope or an expectation names is someone else's, a change of state or something
    received (data: forecast_verbs, expected_outcome_verbs), not a deed of the party's own."""
    if hit.verb is None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in hit.verb.children if c.i < hit.verb.i):
        return True  # "the Europeans expect the countries of origin to stop departures": others' act
    verb = hit.verb.lemma_.lower()
    return verb in lex.words.get("forecast_verbs", ()) or verb in lex.words.get("expected_outcome_verbs", ())


def _verbless_hits(doc: Doc, unit: Unit, text: str, anchor: date | None, lang: str, lexicon: Lexicon,
                   intro: tuple[int, int] | None, listed: bool) -> list[Hit]:
    """Pledges stated without a pledge verb (`suivi.extract.nominal`), tried in turn: a sum due by
    a date, a verbless list item of aid, a payment a step opens the way to, a pledge named by its
    noun."""
    span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return []
    hits = nominal_hits(span, anchor, lang)
    if not hits and listed:
        intro_text = text[intro[0]:intro[1]] if intro else ""
        hits = listed_aid_hits(span, lexicon.words.get("aid_nouns", frozenset()), intro_text)
    if not hits:
        hits = opened_payment_hits(span, lexicon.phrases.get("way_openers", ()),
                                   lexicon.words.get("instalment_nouns", frozenset()),
                                   lexicon.words.get("source_prepositions", frozenset()))
    if not hits:
        hits = next_step_hits(span, lexicon.phrases.get("next_step_openers", ()),
                              lexicon.phrases.get("next_step_links", ()))
    if not hits:
        hits = pledge_noun_hits(span, lexicon.words.get("pledge_nouns", frozenset()),
                                lexicon.words.get("planned_adjectives", frozenset()),
                                lexicon.words.get("action_nouns", frozenset()),
                                lexicon.words.get("source_prepositions", frozenset()),
                                lexicon.words.get("keeping_verbs", frozenset()))
    return hits


_TOP_CHARS = 400  # where a page's own headline lines sit, above the body


_ACT_OPENING = re.compile(r"^(?:to|à|a|de|d'|d’)\s*", re.IGNORECASE)


def _act_end(doc: Doc, starts: dict[int, Token]) -> Callable[[int], int | None]:
    """Where the act that opens at a character offset ends, or None when no verb starts there:
    "implement", "to help", "à aider", "will build" -- an act listed after another one. It
    ends with its own phrase and the acts coordinated after it ("build 30 clinics and
    encourage firms to invest"), not with the reporting clause that follows ("..., the
    minister said")."""

    def act_end(offset: int) -> int | None:
        tok = starts.get(offset)
        if tok is None:
            return None
        if tok.pos_ in ("PART", "ADP", "AUX") and tok.i + 1 < len(doc):
            if tok.pos_ == "AUX" and tok.lower_ not in ("will", "would", "shall"):
                return None
            tok = doc[tok.i + 1]
        if tok.pos_ != "VERB":
            return None
        # a base form, or a future or conditional: not "said", "a annoncé", "helping"
        if not (tok.tag_ == "VB" or "Inf" in tok.morph.get("VerbForm") or "Fut" in tok.morph.get("Tense")
                or "Cnd" in tok.morph.get("Mood")):
            return None
        last = tok.right_edge
        for sib in tok.head.children if tok.dep_ == "conj" else tok.children:
            if sib.dep_ == "conj" and sib.i > tok.i:
                last = max(last, sib.right_edge, key=lambda t: t.i)
        return last.idx + len(last)

    return act_end


def _narrowed(cand: CommitmentCandidate, start: int, end: int, ctx: ActorContext, lex: Lexicon,
              anchor: date | None, lang: str) -> CommitmentCandidate:
    """A listed pledge cut out of a longer statement: its own deadline, sum, action and
    beneficiaries read on its own span ("... and $165 million to help ... elections next year")."""
    text = ctx.text
    evidence = text[start:end]
    values = time_values(evidence, anchor, lang)
    deadline, precision, recurrence, kind = choose(values, anchor, lex, None, evidence)
    quantity = main_quantity(evidence)
    if cand.action is None:  # a listed act: its own verb and what follows it
        action = " ".join(_ACT_OPENING.sub("", evidence).split()[:14]).rstrip(" ,;.")
    else:
        # a pledge named by its noun lists sums with no verb ("commitments including $500 million from")
        verb = cand.action.split()[:1] if cand.cue != PLEDGE_NAMED else []
        own = evidence[quantity.start:] if quantity is not None else evidence
        for tv in values:
            if quantity is not None and tv.start > quantity.start:
                own = evidence[quantity.start: tv.start]
                break
        action = " ".join(verb + own.split()[:13]).rstrip(" ,;.")
    beneficiaries = [k for k in ctx.parties_in(start, end) if k not in cand.agents]
    return replace(
        cand, deadline=deadline,
        deadline_precision=precision, recurrence=recurrence, deadline_kind=kind,
        quantity=quantity.value if quantity else None, quantity_unit=quantity.unit if quantity else None,
        quantity_kind=quantity.kind if quantity else None, quantity_text=quantity.text if quantity else None,
        action=action, beneficiaries=beneficiaries, beneficiary_text=", ".join(beneficiaries) or None,
        sector=lex.sector_of(evidence) or cand.sector,
    )


def _same_quantity(a: CommitmentCandidate, b: CommitmentCandidate) -> bool:
    if a.quantity is None or b.quantity is None or a.quantity_kind != b.quantity_kind:
        return False
    if abs(a.quantity - b.quantity) > 1e-6 * max(abs(a.quantity), 1.0):
        return False
    if a.quantity_kind == "money":
        return a.quantity_unit == b.quantity_unit
    return (a.quantity_unit or "").split()[-1:] == (b.quantity_unit or "").split()[-1:]


def _share_stated(found: list[CommitmentCandidate]) -> list[CommitmentCandidate]:
    """One pledge told twice in an article (the headline and the lead, a quote and its
    paraphrase) is known by its sum or count: "plus de 150 milliards d'euros ... d'ici 2027"
    then "je suis fière d'annoncer plus de 150 milliards d'euros". A statement that does not
    give the deadline takes it from the one that does; one whose party came from a fallback
    takes the party of the one that names it."""
    for cand in found:
        same = [o for o in found if o is not cand and _same_quantity(cand, o)]
        same = [o for o in same if set(o.agents) & set(cand.agents) or cand.agent_fallback]
        if not same:
            continue
        if cand.agent_fallback:
            named = [o for o in same if not o.agent_fallback]
            if named:
                cand.agents = list(named[0].agents)
        if cand.deadline is None:
            dated = [o for o in same if o.deadline and set(o.agents) & set(cand.agents)]
            if dated:
                src = min(dated, key=lambda o: abs(o.start - cand.start))
                cand.deadline, cand.deadline_precision = src.deadline, src.deadline_precision
                cand.deadline_kind = src.deadline_kind
    return found


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _without_repeats(found: list[CommitmentCandidate], text: str) -> list[CommitmentCandidate]:
    """An article that states a pledge and then quotes it word for word ("Les trois pays
    cesseront ... 2025." then "« ... les trois pays cesseront ... 2025 », a-t-il précisé") has
    one statement: the later repeat is dropped.

    A headline or standfirst the body then tells in a fuller sentence ("Russia will finance
    the project through a loan" atop "Under a second deal signed, Russia will finance the
    project through a loan ...") is two statements, as a headline told in other words is:
    the body's sentence is kept; only a copy of the same line is a repeat."""
    kept: list[CommitmentCandidate] = []
    for cand in found:
        mine = _norm(cand.evidence)
        repeat = any(
            len(_norm(k.evidence)) >= 30 and _norm(k.evidence) in mine and set(k.agents) & set(cand.agents)
            and (_norm(k.evidence) == mine or not _heading(k, text))
            for k in kept
        )
        if not repeat:
            kept.append(cand)
    return kept


def _heading(cand: CommitmentCandidate, text: str) -> bool:
    return cand.unit_kind == "headline" or heading_line(text, cand.unit_start, cand.unit_end)


def _sentence_subject(doc: Doc, unit: Unit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The parties of a sentence's main subject, for a pronoun in the next one."""
    span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    for c in root.children:
        if c.dep_.split(":")[0] in ("nsubj", "nsubjpass"):
            lo, hi = phrase_range(c, unit.start, unit.end)
            parties = ctx.parties_in(lo, hi)
            if parties:
                return parties
            if is_party_phrase(ctx.text[lo:hi], lex):
                return list(ctx.main_parties)
            return []
    return []


# --------------------------------------------------------------------------- filling a candidate

def _clause_top(tok: Token, apart: frozenset[str]) -> Token:
    """The cue's clause: the cue itself, or the "be" of "is to" when that clause is set apart
    ("While Nigeria is to bear 15 per cent, China will ...": "While Nigeria is" belongs to it)."""
    return apart_clause(tok, apart) or tok


def _evidence_range(text: str, unit: Unit, hit: Hit, hits: list[Hit],
                    means: frozenset[str] = frozenset(), apart: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The whole unit, or the hit's own clause when the unit holds several statements.

    A cue told as the means of its clause's verb ("confirmed its support by pledging 1bn",
    data: means_prepositions) has that whole clause for its own: the pledge is what it does."""
    if len(hits) < 2:
        return unit.start, unit.end
    if hit.token is None or hit.clause is not None:  # a cue that knows its own clause
        start, end = hit.clause or (unit.start, unit.end)
        return _trim(text, start, end)
    top = _clause_top(hit.token, apart)
    if top.dep_ == "pcomp" and top.head.lower_ in means and top.head.head.i != top.head.i:
        top = top.head.head
    own = {t.i for t in top.subtree}
    doc = hit.token.doc
    mine = {t.i for t in doc if hit.subject and hit.subject[0] <= t.idx < hit.subject[1]}
    others: set[int] = set()
    cut_before = -1
    for h in hits:
        if h is hit or h.token is None:
            continue
        theirs = {t.i for t in _clause_top(h.token, apart).subtree}
        if h.subject is not None:  # a stranded subject ("... and China pledged") is theirs too
            theirs |= {t.i for t in doc if h.subject[0] <= t.idx < h.subject[1]}
        if h.clause is not None:  # a cue that knows its own clause ("the Fund adding $1bn")
            theirs |= {t.i for t in doc if h.clause[0] <= t.idx < h.clause[1]}
        theirs = (theirs - own) if hit.token.i in theirs else theirs
        if h.relative and h.token.i in mine and h.token.i < hit.token.i:
            # a relative clause on my subject telling its own pledge ("l'accord, qui sera financé
            # par le Royaume-Uni, prévoit que ..."): my evidence starts after it
            cut_before = max(cut_before, max(theirs, default=-1))
        else:
            theirs = theirs - mine
        others |= theirs
    inside = range(unit.start, unit.end)  # the parser may hang the next sentence on this one
    toks = sorted((t for t in top.subtree if t.i not in others and t.idx in inside and t.i > cut_before),
                  key=lambda t: t.i)
    if hit.subject is not None and toks and cut_before < 0:
        subject = [t for t in hit.token.doc if hit.subject[0] <= t.idx < hit.subject[1] and t.i not in others]
        between = range(subject[-1].i + 1, toks[0].i) if subject else range(0)
        if subject and not any(i in others for i in between):
            toks = sorted(set(subject) | set(toks) | {hit.token.doc[i] for i in between}, key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")
                    or (toks[0].dep_ == "fixed" and toks[0].head.dep_ == "mark")):  # "tandis [que]"
        toks.pop(0)
    if not toks:
        return unit.start, unit.end
    start = max(unit.start, hyphenated_start(text, toks[0].idx))
    return _trim(text, start, min(unit.end, toks[-1].idx + len(toks[-1])))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:–-":
        start += 1
    while end > start and text[end - 1] in " ,;:–-":
        end -= 1
    return start, end


def _beneficiaries(text: str, start: int, end: int, hit: Hit, agents: list[str], ctx: ActorContext) -> list[str]:
    begin = hit.end if hit.token is not None or hit.cue.startswith("list:") is False else start
    if hit.cue.startswith("list:"):
        begin = start
    # "to all African countries except Eswatini, which recognises Taiwan": those left out, and
    # what is said of them, receive nothing
    words = "|".join(re.escape(w) for w in sorted(ctx.exclusion_words, key=len, reverse=True))
    cut = re.search(rf"(?<!\w)(?:{words})(?!\w)", text[begin:end], re.IGNORECASE) if words else None
    if cut is not None:
        end = begin + cut.start()
    return [k for k in ctx.parties_in(begin, end) if k not in agents]


def _condition(text: str, lex: Lexicon) -> str | None:
    folded = fold(text)
    for marker in lex.phrases.get("condition_markers", ()):
        pos = folded.find(fold(marker))
        if pos >= 0 and (pos == 0 or not folded[pos - 1].isalnum()):
            rest = text[pos:]
            cut = re.search(r"[,;.)»]", rest[len(marker):])
            return rest[: len(marker) + cut.start()] if cut else rest
    return None


NOUN_MODIFIERS = frozenset({"acl", "relcl", "acl:relcl", "amod", "nmod", "appos"})


def dates_the_act(cue: Token, verb: Token, offset: int) -> Callable[[Any], bool]:
    """Whether a time value (offsets from `offset` in the doc's text) dates the pledged act,
    its acting verb `verb` ("promised to visit Africa last year"), rather than the pledge
    itself ("s'y était engagé l'an dernier"), a clause inside the act ("after reviving the
    summit in December 2022") or a noun of it ("l'aide supprimée en 2018")."""
    doc = cue.doc

    def check(tv: Any) -> bool:
        span = doc.char_span(offset + tv.start, offset + tv.end, alignment_mode="expand")
        if span is None:
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        participle = before is not None and (before.tag_ == "VBN" or "Part" in before.morph.get("VerbForm")
                                             or (before.pos_ == "ADJ" and before.dep_ in NOUN_MODIFIERS))
        if participle and before.i != verb.i:
            return False  # "l'école fermée en 2019", whatever the parser hung it on
        cur = span.root
        while True:
            if cur.dep_ in NOUN_MODIFIERS:
                return False
            head = cur.head
            if head.i == cur.i:
                return True
            if head.pos_ in ("VERB", "AUX"):
                return head.i == verb.i != cue.i
            cur = head

    return check


def _future_reported(tok: Token, lex: Lexicon) -> bool:
    """A future told in the past by a reporting verb ("said we would invest", "a annoncé qu'elle
    verserait"): what was pledged then, not what happened."""
    would = any(c.dep_.startswith("aux") and c.lower_ in ("would", "will", "shall", "must") for c in tok.children)
    tense = tok.morph.get("Tense") + tok.morph.get("Mood")
    return (would or "Fut" in tense or "Cnd" in tense) and reported(tok, lex)


def _in_own_clause(values: list[Any], tok: Token, offset: int) -> list[Any]:
    """The time values (offsets in the evidence, which starts at `offset`) inside the clause of
    the cue's verb, not in a clause coordinated with it: "Our trade reached $25 billion by the
    end of 2020, and our goal is to carry it to $75 billion" is not dated 2020. Nor does a
    clause describing a noun date it: "have agreed to convene a meeting in June 2026 to advance
    the partnership established during their summit in 2024"."""
    head = tok
    while head.dep_ not in ("ROOT", "conj") and head.head is not head:
        head = head.head
    others = {t.i for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    others |= {t.i for c in head.subtree if c.dep_ in _NOUN_CLAUSES and c.pos_ in ("VERB", "AUX")
               and c.head.pos_ in ("NOUN", "PROPN") and tok not in c.subtree for t in c.subtree}
    # a participial adjunct opening the sentence tells the pledge's history, not its date:
    # "Announced first in 2017 and again in 2019, the construction is now planned to be completed
    # in four years"
    others |= {t.i for c in head.subtree if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < tok.i
               and not any(k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for k in c.children)
               and tok not in c.subtree for t in c.subtree}
    own = [t for t in head.subtree if t.i not in others]
    lo, hi = min(t.idx for t in own) - offset, max(t.idx + len(t) for t in own) - offset
    inside = [(t.idx - offset, t.idx + len(t) - offset) for t in own]
    return [v for v in values if lo <= v.start and v.end <= hi
            and any(a <= v.start < b for a, b in inside)]


_NOUN_CLAUSES = frozenset({"acl", "relcl", "acl:relcl"})


def _report_days(values: list[Any], tok: Token, offset: int, lex: Lexicon) -> list[Any]:
    """The days on which a statement was made, told on its reporting verb above the cue (« La
    Norvège a annoncé vendredi qu'elle augmentera ... », "said on Friday it would"): when it was
    said, not when it is due. Only a day (a "by" deadline the parser hung there stays). The
    reported clause is the topmost verb under the reporting one, wherever the parser hung it
    (« annoncé vendredi qu'elle allait ... » with the clause on "vendredi")."""
    reporting = lex.words["reporting_verbs"]
    clause = tok
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in reporting:
            said = {t.i for t in anc.subtree} - {t.i for t in clause.subtree} - {anc.i}
            return [v for v in values if v.kind == "date" and _told_within(v, tok, said, offset)]
        if anc.pos_ in ("VERB", "AUX"):
            clause = anc
    return []


def _told_within(value: Any, tok: Token, tokens: set[int], offset: int) -> bool:
    """Every token a time value covers is among `tokens`."""
    sent = tok.doc[tok.sent.start:tok.sent.end]
    covered = [t.i for t in sent if t.idx - offset < value.end and t.idx + len(t) - offset > value.start]
    return bool(covered) and all(i in tokens for i in covered)


def _past_descriptions(values: list[Any], tok: Token, act: Token | None, offset: int) -> list[Any]:
    """The time values inside a clause told in the past that describes a noun, the cue outside
    it: "The China Railway Construction Corporation, which originally built TAZARA between 1970
    and 1976, will spearhead the revitalization" is not due in 1976 (in an undated report the
    year cannot be seen to be over). Not a clause the parser hung the act itself under (« avait
    promis, lors d'un sommet qu'il avait accueilli fin 2022, de se rendre en Afrique en 2023 »)."""
    spans = [(c.left_edge.idx - offset, c.right_edge.idx + len(c.right_edge) - offset)
             for c in tok.doc[tok.sent.start:tok.sent.end]
             if c.dep_ in _NOUN_CLAUSES and c.pos_ in ("VERB", "AUX") and c.head.pos_ in ("NOUN", "PROPN")
             and tok not in c.subtree and (act is None or act not in c.subtree) and told_in_past(c)]
    return [v for v in values if any(a <= v.start and v.end <= b for a, b in spans)]


def _candidate(text: str, unit: Unit, hit: Hit, hits: list[Hit], who: tuple[list[str], str | None, bool],
               ctx: ActorContext, lex: Lexicon, anchor: date | None, lang: str) -> CommitmentCandidate | None:
    start, end = _evidence_range(text, unit, hit, hits, frozenset(lex.words["means_prepositions"]),
                                 frozenset(lex.words.get("apart_marks", ())))
    agents, agent_text, fallback = who
    evidence = text[start:end]
    modality = hit.modality
    condition = _condition(evidence, lex)
    if condition:
        modality = "conditional"
    values = clause_time_values(text, start, end, unit.start, anchor, lang)
    restates = hit.restates
    # when a state of things began does not date the statement ("le camp, installé depuis
    # 1978, serait rebaptisé")
    since = tuple(f"{w} " for w in lex.words.get("since_words", ()))
    if hit.token is not None and children(hit.token, "aux") and dated_before_this_year(
            [v for v in _in_own_clause(values, hit.token, start) if not v.text.lower().startswith(since)], anchor):
        lent = hit.token.lemma_.lower() in lex.words.get("approval_verbs", ())
        if hit.modality not in ("promise", "intention") and not _future_reported(hit.token, lex) and not lent:
            return None  # a dated past fact: evidence for follow-up, not a new commitment
        # (a loan approved or granted on a past day is still to be paid out: the lender's pledge,
        # restated like a promise made before)
        # "en 2019, la Chine avait promis ...", "last year, the administration said we would
        # invest ...": an earlier pledge restated
        restates = True
    act = act_range(hit, start, end) if hit.token is not None else None
    if act is not None:
        act = (act[0] - start, act[1] - start)  # values' offsets are in the evidence
    recalled = None
    verb = acting_verb(hit) if hit.token is not None else None
    # « Foxconn devait employer 520 personnes à la fin de 2019 » (data: recalled_forms): a plan
    # recalled, its date the act's own even when over
    was_due = hit.token is not None and hit.token.lower_ in lex.words.get("recalled_forms", ())
    if verb is not None and (restates or was_due or (
            hit.modality in ("promise", "intention") and told_as_past(hit.token))):
        recalled = dates_the_act(hit.token, verb, start)
    described = (_past_descriptions(values, hit.token, verb, start) + _report_days(values, hit.token, start, lex)
                 if hit.token is not None else [])
    deadline, precision, recurrence, deadline_kind = choose([v for v in values if v not in described], anchor,
                                                            lex, act, evidence, recalled)
    if deadline is None:
        told = period_told_before(text, start, evidence, anchor, lang, lex)
        if told is not None:
            (deadline, precision), deadline_kind = told, "by"
    quantity = main_quantity(evidence, act)
    beneficiaries = _beneficiaries(text, start, end, hit, agents, ctx)
    if unit.kind == "item" and agents and agents == item_doer(text, unit, ctx, lex):
        # the other party of the introducer's agreement receives what the doer gives
        beneficiaries = beneficiaries or [k for k in ctx.main_parties if k not in agents][:1]
    if hit.subject is not None and people_subject(text, hit, lex):
        subject_parties = ctx.parties_in(*hit.subject)
        beneficiaries = [k for k in dict.fromkeys(subject_parties + beneficiaries) if k not in agents]
    verb = hit.token.lemma_.lower() if hit.token is not None else fold(hit.cue.split()[-1])
    receipt = receipt_parties(hit, ctx, lex)
    if receipt is not None:
        agents, beneficiaries = receipt[0], receipt[1] or [k for k in agents if k not in receipt[0]]
    elif verb in lex.words["receive_verbs"] and beneficiaries:
        agents, beneficiaries = beneficiaries, agents  # the giver commits, the receiver benefits
    confidence = hit.confidence - (0.15 if fallback else 0.0) + (0.05 if unit.kind == "headline" else 0.0)
    return CommitmentCandidate(
        start=start, end=end, evidence=evidence, unit_start=unit.start, unit_end=unit.end,
        unit_kind=unit.kind, cue=hit.cue, modality=modality, agents=agents, beneficiaries=beneficiaries,
        agent_text=agent_text, beneficiary_text=", ".join(beneficiaries) or None,
        action=action_phrase(text, start, end, hit, values), sector=lex.sector_of(evidence), deadline=deadline,
        deadline_kind=deadline_kind,
        quantity=quantity.value if quantity else None, quantity_unit=quantity.unit if quantity else None,
        quantity_kind=quantity.kind if quantity else None, quantity_text=quantity.text if quantity else None,
        deadline_precision=precision, recurrence=recurrence, condition=condition, restates=restates,
        confidence=round(max(0.1, min(1.0, confidence)), 2), agent_fallback=fallback,
    )
