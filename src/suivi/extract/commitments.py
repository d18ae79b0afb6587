"""Commitment extraction: find announced future actions of identifiable parties.

Why rules and not a model: every mention must be explainable to an analyst (the cue that
fired is stored) and every cue lives in data/cues/commitments.<lang>.yaml. French and English
are read on spaCy's parse (suivi.extract.french, suivi.extract.english); a language or an
install without a parser falls back to surface patterns (suivi.extract.patterns). All share
the same units (headline, sentence, list item), actor resolution, dates, action and sectors.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from suivi.extract.agents import ActorContext, build_context, is_party_phrase, is_pronoun
from suivi.extract.cues import Lexicon, fold, get_lexicon
from suivi.extract.english import english_hits
from suivi.extract.french import french_hits
from suivi.extract.hits import Hit, antecedent, children, core_ranges, reported, subject_range
from suivi.extract.patterns import STOP, item_hits, pattern_hits
from suivi.extract.units import Unit, split_units
from suivi.models import Article


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
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc is not None else [(0, len(text))]
    tagged = doc is not None and doc.has_annotation("DEP") and lexicon.language == lang
    anchor = _anchor(article.published)
    out: list[CommitmentCandidate] = []
    seen: set[tuple[int, int]] = set()
    for unit in split_units(text, sentences, article.title, lexicon):
        if unit.kind == "sentence" and text[unit.end - 1] == ":":
            continue  # a list introducer: its items carry the commitments
        if unit.kind == "item":
            hits = item_hits(text, unit, lexicon)
        elif tagged:
            span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
            if span is None:
                hits = []
            elif lang == "fr":
                hits = french_hits(span, lexicon)
            else:
                hits = english_hits(span, lexicon, headline=unit.kind == "headline")
        else:
            hits = pattern_hits(text, unit, lexicon)
        if not hits and tagged and unit.kind == "headline":
            hits = pattern_hits(text, unit, lexicon)  # headlines are where parsers slip most
        # who commits, first: a cue without a party is dropped before the unit's clauses are
        # cut, so it does not take words away from the statements that remain
        agreed = [(h, _agents(text, unit, h, ctx, lexicon)) for h in hits]
        kept = [(h, who) for h, who in agreed if who[0]]
        for hit, who in kept:
            cand = _candidate(text, unit, hit, [h for h, _ in kept], who, ctx, lexicon, anchor, lang)
            if cand is None or (cand.start, cand.end) in seen:
                continue
            seen.add((cand.start, cand.end))
            out.append(cand)
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        parts = [int(p) for p in published.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


# --------------------------------------------------------------------------- filling a candidate

def _evidence_range(text: str, unit: Unit, hit: Hit, hits: list[Hit]) -> tuple[int, int]:
    """The whole unit, or the hit's own clause when the unit holds several statements."""
    if len(hits) < 2:
        return unit.start, unit.end
    if hit.token is None:
        start, end = hit.clause or (unit.start, unit.end)
        return _trim(text, start, end)
    own = {t.i for t in hit.token.subtree}
    doc = hit.token.doc
    mine = {t.i for t in doc if hit.subject and hit.subject[0] <= t.idx < hit.subject[1]}
    others: set[int] = set()
    for h in hits:
        if h is hit or h.token is None:
            continue
        theirs = {t.i for t in h.token.subtree}
        if h.subject is not None:  # a stranded subject ("... and China pledged") is theirs too
            theirs |= {t.i for t in doc if h.subject[0] <= t.idx < h.subject[1]}
        others |= ((theirs - own) if hit.token.i in theirs else theirs) - mine
    toks = sorted((t for t in hit.token.subtree if t.i not in others), key=lambda t: t.i)
    if hit.subject is not None and toks:
        subject = [t for t in hit.token.doc if hit.subject[0] <= t.idx < hit.subject[1] and t.i not in others]
        between = range(subject[-1].i + 1, toks[0].i) if subject else range(0)
        if subject and not any(i in others for i in between):
            toks = sorted(set(subject) | set(toks) | {hit.token.doc[i] for i in between}, key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks.pop(0)
    if not toks:
        return unit.start, unit.end
    return _trim(text, max(unit.start, toks[0].idx), min(unit.end, toks[-1].idx + len(toks[-1])))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:–-":
        start += 1
    while end > start and text[end - 1] in " ,;:–-":
        end -= 1
    return start, end


_SELF_REFERENCE = re.compile(
    r"^(?:il|elle|ils|elles|nous|je|on|he|she|they|we|i|it|(?:son|sa|leur|notre|mon|his|her|its|their|our|my)"
    r"\s+(?:pays|gouvernement|nation|état|country|government|nation|state))$",
    re.IGNORECASE,
)


def _speaker(unit: Unit, hit: Hit, ctx: ActorContext) -> str | None:
    return ctx.speaker_in(unit.start, unit.end) or ctx.speaker_before(hit.start)


def _impersonal(hit: Hit) -> bool:
    """"Il a été convenu de ...", "il est prévu de ...": the parties of the meeting agree."""
    if hit.token is None:
        return False
    kids = list(hit.token.children)
    passive = any(c.dep_ == "aux:pass" for c in kids) or "Pass" in hit.token.morph.get("Voice")
    return any(
        c.lower_ == "il" and (c.dep_.startswith("expl") or (passive and c.dep_ == "nsubj:pass")) for c in kids
    )


def _agents(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> tuple[list[str], str | None, bool]:
    """(agent keys, agent text, whether a fallback was used)."""
    if unit.kind == "item":
        doer = _item_doer(text, unit, ctx, lex)
        if doer:
            return doer, None, False
        lo, hi = hit.subject or (unit.start, unit.start)
        parties = ctx.parties_in(lo, hi)
        return (parties or list(ctx.main_parties)), text[lo:hi].strip() or None, not parties
    if _impersonal(hit):
        return list(ctx.main_parties), None, True
    if hit.subject is not None and _people_subject(text, hit, lex) and (
        _attributed(text, unit, hit, lex) or ctx.main_parties
    ):
        lo, hi = hit.subject
        granted = set(ctx.parties_in(lo, hi))
        agents = [k for k in _attribution_party(unit, hit, ctx) if k not in granted]
        return agents or [k for k in ctx.main_parties if k not in granted][:1], None, True
    if hit.doer is not None:  # a passive with its doer: "sera hébergé par la Banque mondiale"
        parties = ctx.parties_in(*hit.doer)
        if parties:
            return parties, text[hit.doer[0]:hit.doer[1]], False
    if hit.subject is not None:
        s, e = hit.subject
        phrase = text[s:e].strip(" \t\"'“”«»‘’,")
        if is_party_phrase(phrase, lex):
            return list(ctx.main_parties), phrase, False
        surface = hit.token is None and lex.language == "en"
        ante = antecedent(hit.token) if hit.relative and hit.token is not None else None
        if ante is not None:  # only the noun itself (or its owner) can be the doer
            parties = list(dict.fromkeys(k for r in core_ranges(ante) for k in ctx.parties_in(*r)))
        else:
            parties = _en_subject_parties(text, s, e, ctx) if surface else ctx.parties_in(s, e)
        if parties:
            return parties, phrase, False
        if hit.relative or hit.party_subject:
            return [], phrase, False  # "policies that will allow", "the deal is to promote": a description
        thing = not (_SELF_REFERENCE.match(phrase) or (phrase.split() and is_pronoun(phrase.split()[-1])))
        if thing and _forecast(text, hit, lex):
            return [], phrase, False  # "prices will rise, the minister said": a forecast
        if hit.reporter is not None:  # "Russia said it would ...": the reporter's party
            parties = _en_subject_parties(text, *hit.reporter, ctx)
            if parties:
                return (_unless_outsider(parties, ctx) if thing else parties), phrase, True
        if hit.token is not None and reported(hit.token, lex):
            # "le ministre tchadien a assuré que son pays enverrait ...": the reporter's party
            outer = subject_range(hit.token.head, unit.start, unit.end)
            if outer is not None:
                parties = ctx.parties_in(*outer)
                if parties:
                    return (_unless_outsider(parties, ctx) if thing else parties), phrase, True
                if _SELF_REFERENCE.match(text[outer[0]:outer[1]].strip()):
                    who = _speaker(unit, hit, ctx)
                    if who:
                        return [who], phrase, True
        if _SELF_REFERENCE.match(phrase) or (phrase.split() and is_pronoun(phrase.split()[-1])):
            who = _speaker(unit, hit, ctx)
            if who:
                return [who], phrase, True
    if unit.kind == "headline" or hit.subject is None:
        # no readable subject (a headline "Russie : X promet ...", a parse slip): the party
        # named before the cue in the same unit, else the person speaking
        named = ctx.parties_in(unit.start, hit.start)
        if named:
            return named[:1] if unit.kind == "headline" else named, None, True
        who = _speaker(unit, hit, ctx) if unit.kind != "headline" else None
        if who:
            return [who], None, True
    if hit.event and ctx.parties_in(unit.start, unit.end):
        # a meeting or institution of the parties named here; a programme with no party named
        # ("various seminars will be held") is no one's pledge
        return list(ctx.main_parties), None, True
    if _attributed(text, unit, hit, lex) and not _forecast(text, hit, lex):
        return _on_behalf(text, unit, hit, ctx), None, True
    return [], None, False


def _forecast(text: str, hit: Hit, lex: Lexicon) -> bool:
    """A change of state of a thing ("prices will rise"): a forecast, whoever says it."""
    verb = hit.token.lemma_.lower() if hit.token is not None else fold(hit.cue.split()[-1])
    return verb in lex.words.get("forecast_verbs", ())


def _item_doer(text: str, unit: Unit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The party a list item names as doer: "la construction par l'Inde de ...", "delivery by Japan of"."""
    words = "|".join(re.escape(w) for w in lex.words.get("agent_prepositions", ()))
    if not words:
        return []
    m = re.search(rf"\b(?:{words})\s+", text[unit.start: unit.end], re.IGNORECASE)
    if not m:
        return []
    lo = unit.start + m.end()
    return ctx.parties_in(lo, min(unit.end, lo + 40))[:1]


def _attributed(text: str, unit: Unit, hit: Hit, lex: Lexicon) -> bool:
    """The statement is reported or quoted ("..., the minister said", "selon lui", "« Nous ...")."""
    folded = " " + fold(text[unit.start: unit.end])
    return any(fold(m) in folded for m in lex.phrases.get("attribution_markers", ()))


def _on_behalf(text: str, unit: Unit, hit: Hit, ctx: ActorContext) -> list[str]:
    """Who commits when the subject is not a party ("we", "the line", "a tranche", a passive).

    Why: a spokesperson's "the first tranche would be paid" or "students will leave in
    September" announces what their side will do. The speaker's state first; else the
    parties named outside the subject (the attribution "Senegalese minister"); else the
    article's main parties. Confidence is lowered by the caller.
    """
    found = _attribution_party(unit, hit, ctx)
    return _unless_outsider(found, ctx) if found else list(ctx.main_parties)


def _attribution_party(unit: Unit, hit: Hit, ctx: ActorContext) -> list[str]:
    """The speaker named in the unit, else a party named outside the subject (the attribution
    "the Senegalese minister said"), else the last person named before."""
    who = ctx.speaker_in(unit.start, unit.end)
    if who:
        return [who]
    lo, hi = hit.subject or (hit.start, hit.start)
    outside = [k for p, k in ctx.named_parties(unit.start, unit.end) if not lo <= p < hi]
    if outside:
        return list(dict.fromkeys(outside))[:1]
    who = ctx.speaker_before(hit.start)
    return [who] if who else []


def _unless_outsider(found: list[str], ctx: ActorContext) -> list[str]:
    """A speaker from outside the article's two main parties (a mediator, a host) announcing a
    thing ("a joint panel would meet") reports what the parties agreed, not what their state
    will do."""
    if found[0] in ctx.main_parties[:2] or len(ctx.main_parties) < 2:
        return found
    return list(ctx.main_parties[:2])


def _people_subject(text: str, hit: Hit, lex: Lexicon) -> bool:
    """The subject names people of a state ("citizens of Mali", "les étudiants ghanéens")."""
    lo, hi = hit.subject or (0, 0)
    words = [w for w in re.findall(r"[\w’'-]+", fold(text[lo:hi])) if w not in STOP]
    nouns = {fold(n) for n in lex.words.get("beneficiary_subject_nouns", ())}
    return bool(words) and words[0] in nouns


_EN_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|whom)\b[^,]*,")


def _en_subject_parties(text: str, start: int, end: int, ctx: ActorContext) -> list[str]:
    """Parties of an English subject: relative clauses skipped; of several, the nearest
    unless they are coordinated ("Ghana and Togo will ...")."""
    skip = [(start + m.start(), start + m.end()) for m in _EN_RELATIVE.finditer(text[start:end])]
    kept = start
    parts: list[str] = []
    for lo, hi in [*skip, (end, end)]:
        parts += ctx.parties_in(kept, lo)
        kept = hi
    parties = list(dict.fromkeys(parts))
    phrase = text[start:end]
    if len(parties) > 1 and not re.search(r"\b(?:and|&)\b", _EN_RELATIVE.sub(",", phrase)[-80:]):
        parties = parties[-1:]
    return parties


def _beneficiaries(text: str, start: int, end: int, hit: Hit, agents: list[str], ctx: ActorContext) -> list[str]:
    begin = hit.end if hit.token is not None or hit.cue.startswith("list:") is False else start
    if hit.cue.startswith("list:"):
        begin = start
    return [k for k in ctx.parties_in(begin, end) if k not in agents]


def _action(text: str, start: int, end: int, hit: Hit) -> str:
    """A short lemma form: the acting verb (following "promet de continuer à ...") + object."""
    if hit.token is not None:
        verb = hit.token
        for _ in range(4):  # promettre -> continuer -> accompagner
            nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if not nxt:
                break
            verb = nxt[0]
        lemmas = [verb.lemma_.lower()]
        if verb.lemma_.lower() in ("continuer", "poursuivre") and len(lemmas) == 1:
            lemmas = []
        for t in verb.subtree:
            if t.i > verb.i and t.idx < end and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in STOP:
                lemmas.append(t.lemma_.lower())
            if len(lemmas) >= 6:
                break
        return " ".join(lemmas)
    begin = hit.end if not hit.cue.startswith("list:") else start
    words = [w for w in re.findall(r"[\w’'-]+", text[begin:end].lower()) if w not in STOP]
    return " ".join(words[:6])


def _time_values(text: str, anchor: date | None, lang: str) -> list[Any]:
    try:
        from suivi.read.dates import normalise
    except ImportError:  # reading stage absent: no deadlines rather than a private date parser
        return []
    return list(normalise(text, anchor, lang))


def _dated_before_this_year(values: list[Any], anchor: date | None) -> bool:
    """The statement is dated in an earlier year ("en 2019, le Niger a signé ..."): background."""
    if anchor is None:
        return False
    return any(
        tv.kind in ("date", "interval") and tv.value and tv.value[:4].isdigit() and int(tv.value[:4]) < anchor.year
        for tv in values
    )


def _dates(values: list[Any], anchor: date | None) -> tuple[str | None, str | None, str | None]:
    """(deadline, precision, recurrence) from the reading stage's normaliser; past dates skipped."""
    deadline = precision = recurrence = None
    floor = anchor.isoformat() if anchor else ""
    for tv in values:
        if tv.kind == "recurrence" and tv.value and recurrence is None:
            recurrence = tv.value
            continue
        if tv.kind not in ("date", "deadline", "interval") or not tv.value or tv.value.startswith("P"):
            continue
        value = tv.value
        past = floor and (value < floor[: len(value)] if tv.kind == "deadline" else value <= floor[: len(value)])
        if past or deadline is not None:
            continue
        deadline, precision = _last_day(tv), tv.precision
    return deadline, precision, recurrence


def _last_day(tv: Any) -> str:
    """The last day of the stated period ("fin 2025" -> 2025-12-31), precision kept apart.

    Why: a deadline is met until the end of its period, so overdue checks must compare against
    that day; and a full day still starts with every coarser spelling of the same deadline
    ("2025", "2025-12"), so consumers reading by prefix see the stated period.
    """
    if tv.interval_end:
        return str(tv.interval_end)
    value = str(tv.value)
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-12-31"
        if len(parts) == 2:
            month = int(parts[1])
            return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    except ValueError:
        return value
    return value


def _condition(text: str, lex: Lexicon) -> str | None:
    folded = fold(text)
    for marker in lex.phrases.get("condition_markers", ()):
        pos = folded.find(fold(marker))
        if pos >= 0 and (pos == 0 or not folded[pos - 1].isalnum()):
            rest = text[pos:]
            cut = re.search(r"[,;.)»]", rest[len(marker):])
            return rest[: len(marker) + cut.start()] if cut else rest
    return None


def _candidate(text: str, unit: Unit, hit: Hit, hits: list[Hit], who: tuple[list[str], str | None, bool],
               ctx: ActorContext, lex: Lexicon, anchor: date | None, lang: str) -> CommitmentCandidate | None:
    start, end = _evidence_range(text, unit, hit, hits)
    agents, agent_text, fallback = who
    evidence = text[start:end]
    modality = hit.modality
    condition = _condition(evidence, lex)
    if condition:
        modality = "conditional"
    values = _time_values(evidence, anchor, lang)
    restates = hit.restates
    if hit.token is not None and children(hit.token, "aux") and _dated_before_this_year(values, anchor):
        if hit.modality not in ("promise", "intention"):
            return None  # a dated past fact: evidence for follow-up, not a new commitment
        restates = True  # "en 2019, la Chine avait promis ...": an earlier pledge restated
    deadline, precision, recurrence = _dates(values, anchor)
    beneficiaries = _beneficiaries(text, start, end, hit, agents, ctx)
    if unit.kind == "item" and agents and agents == _item_doer(text, unit, ctx, lex):
        # the other party of the introducer's agreement receives what the doer gives
        beneficiaries = beneficiaries or [k for k in ctx.main_parties if k not in agents][:1]
    if hit.subject is not None and _people_subject(text, hit, lex):
        subject_parties = ctx.parties_in(*hit.subject)
        beneficiaries = [k for k in dict.fromkeys(subject_parties + beneficiaries) if k not in agents]
    verb = hit.token.lemma_.lower() if hit.token is not None else fold(hit.cue.split()[-1])
    if verb in lex.words["receive_verbs"] and beneficiaries:
        agents, beneficiaries = beneficiaries, agents  # the giver commits, the receiver benefits
    confidence = hit.confidence - (0.15 if fallback else 0.0) + (0.05 if unit.kind == "headline" else 0.0)
    return CommitmentCandidate(
        start=start, end=end, evidence=evidence, unit_start=unit.start, unit_end=unit.end,
        unit_kind=unit.kind, cue=hit.cue, modality=modality, agents=agents, beneficiaries=beneficiaries,
        agent_text=agent_text, beneficiary_text=", ".join(beneficiaries) or None,
        action=_action(text, start, end, hit), sector=lex.sector_of(evidence), deadline=deadline,
        deadline_precision=precision, recurrence=recurrence, condition=condition, restates=restates,
        confidence=round(max(0.1, min(1.0, confidence)), 2),
    )
