"""Commitment extraction: find announced future actions of identifiable parties.

Why rules and not a model: every mention must be explainable to an analyst (the cue that
fired is stored) and every cue lives in data/cues/commitments.<lang>.yaml. French is read
with spaCy's parse (lemmas, dependencies); English, read without a tagger, with surface
patterns. Both share the same units (headline, sentence, list item), rejections, actor
resolution, dates and sectors.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from suivi.extract.agents import ActorContext, build_context, is_party_phrase, is_pronoun
from suivi.extract.cues import Lexicon, fold, get_lexicon
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


@dataclass
class _Hit:
    token: Token | None
    cue: str
    modality: str
    confidence: float
    start: int
    end: int
    subject: tuple[int, int] | None = None  # subject phrase offsets when known
    event: bool = False  # a meeting/institution: agents may default to the main parties
    restates: bool = False
    clause: tuple[int, int] | None = None  # its own clause when the unit holds several cues
    reporter: tuple[int, int] | None = None  # English: who reports a "would" (its subject)


_STOP = {"le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "à", "au", "aux", "en", "et",
         "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "its", "their", "son", "sa", "ses",
         "leur", "leurs", "ce", "cette", "ces", "qui", "que", "«", "»"}


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
    tagged = doc is not None and lexicon.language == "fr" and doc.has_annotation("DEP")
    anchor = _anchor(article.published)
    out: list[CommitmentCandidate] = []
    seen: set[tuple[int, int]] = set()
    for unit in split_units(text, sentences, article.title, lexicon):
        if unit.kind == "sentence" and text[unit.end - 1] == ":":
            continue  # a list introducer: its items carry the commitments
        if unit.kind == "item":
            hits = _item_hits(text, unit, lexicon)
        elif tagged:
            span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
            hits = _french_hits(span, lexicon) if span is not None else []
        else:
            hits = _pattern_hits(text, unit, lexicon)
        for hit in hits:
            cand = _candidate(text, unit, hit, hits, ctx, lexicon, anchor, lang)
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


# --------------------------------------------------------------------------- French (parsed)

def _is_future_or_conditional(tok: Token, lex: Lexicon) -> str | None:
    """'future', 'conditional' or None, from the form (the tagger's morphology is unreliable)."""
    form, lemma = fold(tok.text), fold(tok.lemma_)
    stems = {lemma, lemma[:-1] if lemma.endswith("re") else lemma}
    stems |= {fold(s) for s in lex.words.get("irregular_future_stems", ())}

    def stem_ok(suffix: str) -> bool:
        base = form[: len(form) - len(suffix)] + suffix[:1]  # keep the 'r' of the ending
        return any(base.startswith(s) and len(s) >= 2 for s in stems) or form.startswith(lemma)

    for suffix in sorted(lex.words.get("conditional_suffixes", ()), key=len, reverse=True):
        if form.endswith(suffix) and stem_ok(suffix):
            return "conditional"
    for suffix in sorted(lex.words.get("future_suffixes", ()), key=len, reverse=True):
        if form.endswith(suffix) and stem_ok(suffix):
            return "future"
    if "Fut" in tok.morph.get("Tense"):
        return "future"
    if "Cnd" in tok.morph.get("Mood"):
        return "conditional"
    return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps or c.dep_.split(":")[0] in deps]


def _negated(tok: Token, lex: Lexicon) -> bool:
    negs = lex.words.get("negations", frozenset())
    return any(c.lower_ in negs or c.lower_ in ("n'", "ne", "n’") for c in tok.children if c.dep_ == "advmod")


def _blocked_by_ancestor(tok: Token, lex: Lexicon) -> bool:
    """A demand, speculation or opinion governs the cue: someone else's matter or a guess."""
    blocked = lex.words["demand_verbs"] | lex.words["speculation_verbs"] | lex.words["evaluation_verbs"]
    return any(anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in blocked for anc in tok.ancestors)


def _infinitive_child(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "obj", "advcl") and c.pos_ in ("VERB", "AUX") and (
            "Inf" in c.morph.get("VerbForm")
        ):
            return c
    # parse slips: "de"/"à" + infinitive right after the cue
    for nxt in tok.doc[tok.i + 1: tok.i + 4]:
        if nxt.pos_ == "VERB" and "Inf" in nxt.morph.get("VerbForm"):
            return nxt
    return None


def _objects(tok: Token) -> list[Token]:
    objs = _children(tok, "obj", "nsubj:pass", "obl")
    if not objs:
        objs = [t for t in tok.doc[tok.i + 1: tok.i + 5] if t.pos_ in ("NOUN", "PROPN")][:1]
    return objs


def _reflexive(tok: Token) -> bool:
    refl = {"se", "s'", "s’", "me", "m'", "m’", "nous", "vous", "te", "t'"}
    if any(c.lower_ in refl and c.pos_ == "PRON" for c in tok.children):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in refl


def _restates(tok: Token, lex: Lexicon) -> bool:
    auxes = lex.words.get("restate_auxiliaries", frozenset())
    return any(c.dep_.startswith("aux") and c.lower_ in auxes for c in tok.children)


def _subject_range(tok: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of the subject phrase of a verb, climbing xcomp/conj/relative clauses.

    Only tokens inside [lo, hi) (the unit) count: the parser sometimes joins a list item
    and the next line into one tree.
    """
    def inside(t: Token) -> bool:
        return lo <= t.idx < hi

    cur = tok
    for _ in range(5):
        subs = [c for c in _children(cur, "nsubj", "nsubj:pass") if inside(c)]
        if subs:
            sub = subs[-1]
            if sub.lower_ in ("qui", "lequel", "laquelle", "which", "who") and cur.dep_.startswith("acl"):
                ante = cur.head
                within = {t.i for t in cur.subtree}
                toks = [t for t in ante.subtree if t.i < cur.i and t.i not in within and inside(t)]
                toks = toks or [ante]
                return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
            toks = [t for s in subs for t in s.subtree if inside(t)] or subs
            return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        if (cur.dep_ in ("xcomp", "conj") or cur.dep_.startswith("acl") or cur.dep_ == "advcl") and inside(cur.head):
            cur = cur.head
            continue
        break
    return None


def _hit(tok: Token, bounds: tuple[int, int], cue: str, modality: str, confidence: float, *,
         event: bool = False, restates: bool = False) -> _Hit:
    lo, hi = bounds
    return _Hit(tok, cue, modality, confidence, tok.idx, tok.idx + len(tok), _subject_range(tok, lo, hi),
                event, restates)


def _lemma(tok: Token, lex: Lexicon) -> str:
    """spaCy's lemma, repaired when the tagger left a present-tense form as its own lemma."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verb_cues or lemma != tok.lower_:
        return lemma
    for ending, repl in (("ent", "er"), ("e", "er"), ("es", "er")):
        if lemma.endswith(ending) and lemma[: -len(ending)] + repl in lex.verb_cues:
            return lemma[: -len(ending)] + repl
    return lemma


def _verb_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> _Hit | None:
    cue = lex.verb_cues.get(_lemma(tok, lex))
    if cue is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if cue.reflexive and not _reflexive(tok):
        return None
    action_nouns, talk = lex.words["action_nouns"], lex.words["talk_verbs"]
    inf = _infinitive_child(tok)
    has_action = any(o.lemma_.lower() in action_nouns for o in _objects(tok))
    if inf is not None and inf.lemma_.lower() in talk:
        if not has_action:
            return None
        inf = None
    ok = {
        "any": True,
        "infinitive": inf is not None,
        "action": has_action,
        "action_or_infinitive": has_action or inf is not None,
        "will": any(
            o.lemma_.lower() in lex.words["will_nouns"] for o in _children(tok, "obj") + _objects(tok)
        ),
    }[cue.needs]
    if not ok:
        return None
    if _is_future_or_conditional(tok, lex) == "conditional" and not _reported(tok, lex):
        return None
    if tok.dep_.startswith("acl") and "Part" in tok.morph.get("VerbForm") and not _children(tok, "aux"):
        return None  # "la centrale promise en mars par la Russie": refers back to a pledge made before
    if cue.lemma in lex.words.get("signing_verbs", ()) and _children(tok, "aux") and not _states_content(tok, lex):
        return None  # "ont signé des accords": a past signing, unless the text says what it provides for
    return _hit(tok, bounds, cue.lemma, cue.modality, 0.8, restates=_restates(tok, lex))


def _states_content(tok: Token, lex: Lexicon) -> bool:
    """The signed text's content is stated: "un accord pour la construction de", "qui prévoit"."""
    action_nouns = lex.words["action_nouns"]
    objs = _children(tok, "obj")
    first = min((o.i for o in objs), default=tok.i)
    for head in [*objs, tok]:
        for c in head.children:
            if c.i <= first:
                continue
            if c.dep_.startswith("acl") and c.pos_ == "VERB":
                return True
            if c.dep_.split(":")[0] in ("nmod", "obl") and c.lemma_.lower() in action_nouns and any(
                k.dep_ == "case" and k.lower_ in ("pour", "sur") for k in c.children
            ):
                return True
    return False


def _reported(tok: Token, lex: Lexicon) -> bool:
    """A clause introduced by a reporting verb ("il a annoncé que ...")."""
    head = tok.head
    return (
        tok.dep_.split(":")[0] in ("ccomp", "xcomp", "conj", "advcl", "parataxis")
        and head.i != tok.i
        and (head.lemma_.lower() in lex.words["reporting_verbs"] or (tok.dep_ == "conj" and _reported(head, lex)))
    )


def _tense_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> _Hit | None:
    """Future / reported conditional of an action verb, passive future, near future."""
    lemma = tok.lemma_.lower()
    excluded = lex.words["non_commitment_lemmas"]
    if tok.pos_ == "AUX" and lemma == "être" and tok.dep_ == "aux:pass":
        part = tok.head
        mood = _is_future_or_conditional(tok, lex)
        if mood and part.lemma_.lower() in lex.words["passive_participles"]:
            if mood == "conditional" and not _reported(part, lex):
                return None
            return _hit(part, bounds, f"{tok.lower_} {part.lower_}", "plan", 0.7, event=True)
        return None
    if tok.lower_ in lex.words["scheduled_forms"] and lemma == "devoir":
        part = next((c for c in _children(tok, "xcomp") if c.pos_ == "VERB" and _children(c, "aux:pass")), None)
        if part is not None and part.lemma_.lower() in lex.words["passive_participles"]:
            return _hit(tok, bounds, f"{tok.lower_} être {part.lower_}", "plan", 0.6)  # "doit être raccordé"
        inf = _infinitive_child(tok)
        if inf is not None and inf.lemma_.lower() not in lex.words["talk_verbs"] | excluded:
            return _hit(tok, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6)
        return None
    if lemma == "aller" and tok.lower_ in ("va", "vont", "vais", "vas", "allons", "allez"):
        inf = _infinitive_child(tok) if tok.pos_ == "VERB" else (tok.head if tok.head.pos_ == "VERB" else None)
        if inf is not None and inf.lemma_.lower() not in lex.words["talk_verbs"] | excluded:
            return _hit(inf, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6)
        return None
    if tok.pos_ != "VERB" or lemma in excluded or lemma in lex.words["talk_verbs"]:
        return None
    mood = _is_future_or_conditional(tok, lex)
    if mood == "future":
        event = (lemma in lex.words["passive_participles"] and _reflexive(tok)) or (
            lemma in lex.words["establish_verbs"]
        )
        return _hit(tok, bounds, tok.lower_, "plan", 0.7, event=event)
    if mood == "conditional" and _reported(tok, lex):
        return _hit(tok, bounds, tok.lower_, "plan", 0.7)
    return None


def _establish_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> _Hit | None:
    """"établit un nouveau format", "institue un mécanisme": an agreed mechanism, present tense."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.words["establish_verbs"]:
        return None
    if "Pres" not in tok.morph.get("Tense") or _children(tok, "aux"):
        return None
    if any(o.lemma_.lower() in lex.words["institution_nouns"] for o in _children(tok, "obj")):
        return _hit(tok, bounds, tok.lemma_.lower(), "agreement", 0.65, event=True)
    return None


def _french_hits(span: Span, lex: Lexicon) -> list[_Hit]:
    if "?" in span.text:
        return []
    bounds = (span.start_char, span.end_char)
    hits: list[_Hit] = []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        hit = _verb_cue(tok, lex, bounds) or _tense_cue(tok, lex, bounds) or _establish_cue(tok, lex, bounds)
        if hit is None or hit.token is None:
            continue
        if _negated(hit.token, lex) or _negated(tok, lex) or _blocked_by_ancestor(hit.token, lex):
            continue
        hits.append(hit)
    return _merge_nested(hits)


def _merge_nested(hits: list[_Hit]) -> list[_Hit]:
    """One statement per clause: a cue governed by another (not through coordination) merges.

    The deeper cue wins (its subject is the committing party: "a annoncé que la Russie
    accompagnerait"); coordinated cues stay apart ("livrera ... et formera ...").
    """
    keep = list(hits)
    for outer in hits:
        for inner in hits:
            if inner is outer or inner.token is None or outer.token is None:
                continue
            path = []
            cur = inner.token
            while cur.head.i != cur.i and cur.i != outer.token.i:
                path.append(cur.dep_)
                cur = cur.head
            if cur.i == outer.token.i and "conj" not in path[-1:] and outer in keep:
                if inner.subject is None and outer.subject is not None:
                    inner.subject = outer.subject
                keep.remove(outer)
                break
    return keep


# --------------------------------------------------------------------------- list items

def _item_hits(text: str, unit: Unit, lex: Lexicon) -> list[_Hit]:
    if unit.introducer is None:
        return []
    intro = fold(text[unit.introducer[0]: unit.introducer[1]])
    if not any(fold(w) in intro for w in lex.phrases["list_introducers"]):
        return []
    if any(fold(w) in intro for w in lex.phrases["list_introducer_rejects"]):
        return []
    body = text[unit.start: unit.end]
    words = re.findall(r"[\w’'-]+", fold(body))
    first = next((w for w in words if w not in _STOP), "")
    rejects = {fold(w) for w in lex.words["list_item_rejects"]}
    if not first or first in rejects or first.split("-")[0] in rejects:
        return []
    return [_Hit(None, "list:" + text[unit.introducer[0]: unit.introducer[1]].strip(), "agreement", 0.7,
                 unit.start, unit.end, unit.introducer, event=True)]


# --------------------------------------------------------------------------- English (surface)

def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding `pos` begins (after the last ';', ':' or sentence start)."""
    cut = max(text.rfind(";", start, pos), text.rfind(":", start, pos))
    return cut + 1 if cut >= 0 else start


_EN_BOUNDARY = re.compile(r",?\s+(?:and|while|whereas|but)\s+|;\s*")


def _pattern_hits(text: str, unit: Unit, lex: Lexicon) -> list[_Hit]:
    """Every cue of the unit, one per clause; a clause is cut at "and", "while", ";"."""
    sentence = text[unit.start: unit.end]
    if "?" in sentence:
        return []
    found: list[tuple[int, int, str, str]] = []  # (start, end, cue text, modality), sentence offsets
    for cue in lex.pattern_cues:
        if cue.headline_only and unit.kind != "headline":
            continue
        for m in cue.pattern.finditer(sentence):
            if _pattern_ok(sentence, m, cue.needs_action_noun, lex):
                found.append((m.start(), m.end(), m.group(0).strip(), cue.modality))
    found.sort()
    chosen: list[tuple[int, int, str, str]] = []
    for hit in found:
        if chosen and (hit[0] < chosen[-1][1] or not _EN_BOUNDARY.search(sentence, chosen[-1][1], hit[0])):
            continue  # overlaps, or same clause as the previous cue
        chosen.append(hit)
    restates = any(r.search(sentence) for r in lex.restate_patterns)
    hits = []
    for i, (s, e, cue_text, modality) in enumerate(chosen):
        lo = 0 if i == 0 else _last_boundary(sentence, chosen[i - 1][1], s)
        hi = len(sentence) if i == len(chosen) - 1 else _first_boundary(sentence, e, chosen[i + 1][0])
        clause_lo = max(lo, _clause_start(sentence, 0, s))
        subject = (unit.start + clause_lo, unit.start + s)
        reported = re.search(r"^\S+\s+(?:that\s+)?(.*?)\bwould\b", cue_text)
        if reported:  # "X said (that) Ghana would open ...": the reported subject commits
            subject = (unit.start + s + reported.start(1), unit.start + s + reported.end(1))
        hits.append(_Hit(None, cue_text, modality, 0.7, unit.start + s, unit.start + e, subject,
                         restates=restates))
        hits[-1].reporter = (unit.start + clause_lo, unit.start + s)
        hits[-1].clause = (unit.start + lo, unit.start + hi)
    return hits


def _last_boundary(sentence: str, lo: int, hi: int) -> int:
    ends = [m.end() for m in _EN_BOUNDARY.finditer(sentence, lo, hi)]
    return ends[-1] if ends else lo


def _first_boundary(sentence: str, lo: int, hi: int) -> int:
    m = _EN_BOUNDARY.search(sentence, lo, hi)
    return m.start() if m else hi


def _pattern_ok(sentence: str, m: re.Match[str], needs_action_noun: bool, lex: Lexicon) -> bool:
    clause = sentence[_clause_start(sentence, 0, m.start()): m.end()]
    clause = clause[_last_boundary(clause, 0, len(clause) - len(m.group(0))):]
    if any(r.search(clause) for r in lex.rejects):
        return False
    after = sentence[m.end():].split()
    last = fold(m.group(0).split()[-1])
    if last == "be":  # passive: "will be held" counts, "will be difficult" does not
        if not after or fold(after[0]).strip(",.") not in lex.words["passive_participles"]:
            return False
    elif last in lex.words["talk_verbs"]:
        return False
    words = [m.group(0).split()[-1], *after[:6]]
    return not needs_action_noun or any(fold(w).strip(",.") in lex.words["action_nouns"] for w in words)


# --------------------------------------------------------------------------- filling a candidate

def _evidence_range(text: str, unit: Unit, hit: _Hit, hits: list[_Hit]) -> tuple[int, int]:
    """The whole unit, or the hit's own clause when the unit holds several statements."""
    if len(hits) < 2:
        return unit.start, unit.end
    if hit.token is None:
        start, end = hit.clause or (unit.start, unit.end)
        return _trim(text, start, end)
    own = {t.i for t in hit.token.subtree}
    others: set[int] = set()
    for h in hits:
        if h is hit or h.token is None:
            continue
        theirs = {t.i for t in h.token.subtree}
        others |= (theirs - own) if hit.token.i in theirs else theirs
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


def _speaker(unit: Unit, hit: _Hit, ctx: ActorContext) -> str | None:
    return ctx.speaker_in(unit.start, unit.end) or ctx.speaker_before(hit.start)


def _impersonal(hit: _Hit) -> bool:
    """"Il a été convenu de ...", "il est prévu de ...": the parties of the meeting agree."""
    if hit.token is None:
        return False
    kids = list(hit.token.children)
    passive = any(c.dep_ == "aux:pass" for c in kids) or "Pass" in hit.token.morph.get("Voice")
    return any(
        c.lower_ == "il" and (c.dep_.startswith("expl") or (passive and c.dep_ == "nsubj:pass")) for c in kids
    )


def _agents(text: str, unit: Unit, hit: _Hit, ctx: ActorContext, lex: Lexicon) -> tuple[list[str], str | None, bool]:
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
    if hit.subject is not None:
        s, e = hit.subject
        phrase = text[s:e].strip(" \t\"'“”«»‘’,")
        if is_party_phrase(phrase, lex):
            return list(ctx.main_parties), phrase, False
        parties = _en_subject_parties(text, s, e, ctx) if lex.language == "en" else ctx.parties_in(s, e)
        if parties:
            return parties, phrase, False
        thing = not (_SELF_REFERENCE.match(phrase) or (phrase.split() and is_pronoun(phrase.split()[-1])))
        if hit.reporter is not None:  # "Russia said it would ...": the reporter's party
            parties = _en_subject_parties(text, *hit.reporter, ctx)
            if parties:
                return (_unless_outsider(parties, ctx) if thing else parties), phrase, True
        if hit.token is not None and _reported(hit.token, lex):
            # "le ministre tchadien a assuré que son pays enverrait ...": the reporter's party
            outer = _subject_range(hit.token.head, unit.start, unit.end)
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
    if hit.event:
        return list(ctx.main_parties), None, True
    if _attributed(text, unit, hit, lex) and not _forecast(text, hit, lex):
        return _on_behalf(text, unit, hit, ctx), None, True
    return [], None, False


def _forecast(text: str, hit: _Hit, lex: Lexicon) -> bool:
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


def _attributed(text: str, unit: Unit, hit: _Hit, lex: Lexicon) -> bool:
    """The statement is reported or quoted ("..., the minister said", "selon lui", "« Nous ...")."""
    folded = " " + fold(text[unit.start: unit.end])
    return any(fold(m) in folded for m in lex.phrases.get("attribution_markers", ()))


def _on_behalf(text: str, unit: Unit, hit: _Hit, ctx: ActorContext) -> list[str]:
    """Who commits when the subject is not a party ("we", "the line", "a tranche", a passive).

    Why: a spokesperson's "the first tranche would be paid" or "students will leave in
    September" announces what their side will do. The speaker's state first; else the
    parties named outside the subject (the attribution "Senegalese minister"); else the
    article's main parties. Confidence is lowered by the caller.
    """
    found = _attribution_party(unit, hit, ctx)
    return _unless_outsider(found, ctx) if found else list(ctx.main_parties)


def _attribution_party(unit: Unit, hit: _Hit, ctx: ActorContext) -> list[str]:
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


def _people_subject(text: str, hit: _Hit, lex: Lexicon) -> bool:
    """The subject names people of a state ("citizens of Mali", "les étudiants ghanéens")."""
    lo, hi = hit.subject or (0, 0)
    words = [w for w in re.findall(r"[\w’'-]+", fold(text[lo:hi])) if w not in _STOP]
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


def _beneficiaries(text: str, start: int, end: int, hit: _Hit, agents: list[str], ctx: ActorContext) -> list[str]:
    begin = hit.end if hit.token is not None or hit.cue.startswith("list:") is False else start
    if hit.cue.startswith("list:"):
        begin = start
    return [k for k in ctx.parties_in(begin, end) if k not in agents]


def _action(text: str, start: int, end: int, hit: _Hit) -> str:
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
            if t.i > verb.i and t.idx < end and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in _STOP:
                lemmas.append(t.lemma_.lower())
            if len(lemmas) >= 6:
                break
        return " ".join(lemmas)
    begin = hit.end if not hit.cue.startswith("list:") else start
    words = [w for w in re.findall(r"[\w’'-]+", text[begin:end].lower()) if w not in _STOP]
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


def _candidate(text: str, unit: Unit, hit: _Hit, hits: list[_Hit], ctx: ActorContext, lex: Lexicon,
               anchor: date | None, lang: str) -> CommitmentCandidate | None:
    start, end = _evidence_range(text, unit, hit, hits)
    agents, agent_text, fallback = _agents(text, unit, hit, ctx, lex)
    if not agents:
        return None  # no identifiable party: a forecast or a description, not a commitment
    evidence = text[start:end]
    modality = hit.modality
    condition = _condition(evidence, lex)
    if condition:
        modality = "conditional"
    values = _time_values(evidence, anchor, lang)
    restates = hit.restates
    if hit.token is not None and _children(hit.token, "aux") and _dated_before_this_year(values, anchor):
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
