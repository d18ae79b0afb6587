"""Actors of one article: gazetteer matches plus persons, canonicalised within the article.

Why this shape: states, alliances, bodies, places and outlets come from the gazetteer (the
statistical NER is unreliable on them); persons come from capitalised runs of words that
have person evidence: spaCy labels them PER (French), an honorific ("M.", "Mr") or a role
title ("le ministre malien des Affaires étrangères, ...") stands before them, or, for
languages read without NER (English), they are two or more capitalised words that neither
the gazetteer nor the organisation words explain. Every candidate is cleaned (titles,
honorifics, demonyms stripped; "X du Burkina Faso" cut) and filtered (outlets, bylines,
links, page furniture), then bare surnames attach to the full name of the same article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from suivi.read.gazetteer import ActorRef, Gazetteer, GazMatch
from suivi.read.leaders import leader_of
from suivi.read.lexicon import Lexicon
from suivi.read.nlp import NON_PERSON_LABELS, doc_text, entity_kind, is_common_word
from suivi.read.persons import Name, better, same_person, split_name, surname_of
from suivi.read.textnorm import fold, slug
from suivi.read.zones import Zones

_UP = "A-ZÀ-ÖØ-ÞŒ"
_WORD = rf"(?:[{_UP}][\w’'\-]*\w|[{_UP}]\.|[{_UP}]\b)"
_PARTICLE = r"(?:de|da|di|do|dos|das|e|y|ben|bin|ould|ag|el|al|van|von|der|den|ter|ibn|abu|abou|bint)"
# two particles may follow each other: "Ursula von der Leyen", "Ulisses Correia e Silva"
_CAPRUN = re.compile(rf"(?<![\w.]){_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD})*")
_TOKEN = re.compile(r"\S+")
_ELIDED = re.compile(r"^(?:l|d|qu)['’](?=\w)")
_STOP_BETWEEN = re.compile(r"[.;:!?«»\"“”\n()]")
_DETS = frozenset({"la", "l", "le", "les", "du", "des", "d"})
_AFTER_ROLE = re.compile(r"\s*,\s*(?:(?:le|la|the)\s+|l['’])?", re.IGNORECASE)


@dataclass
class MentionDraft:
    """One mention of an actor in the article's clean text."""

    start: int
    end: int
    surface: str
    kind: str
    label: str
    ref: ActorRef | None = None
    name: Name | None = None
    person: int | None = None  # index into ArticleActors.persons
    role: str | None = None
    serves: str | None = None


@dataclass
class PersonCluster:
    """One person of the article: every surface that denotes them and the best full name."""

    name: Name
    surfaces: list[str] = field(default_factory=list)
    key: str | None = None
    strong: bool = False


@dataclass
class ArticleActors:
    mentions: list[MentionDraft]
    persons: list[PersonCluster]
    gaz: list[GazMatch]
    zones: Zones


@dataclass
class _Candidate:
    start: int
    end: int
    name: Name
    strong: bool  # honorific, role or NER evidence
    label: str
    lone: bool = False  # one written word that splits into several ("Al-Tayeb"): never a full name


class _GazIndex:
    """Gazetteer matches of a text, queried by character range."""

    def __init__(self, matches: list[GazMatch]) -> None:
        self.matches = matches
        self._starts = [m.start for m in matches]

    def overlapping(self, start: int, end: int) -> list[GazMatch]:
        i = max(0, bisect_left(self._starts, start) - 1)
        out = []
        while i < len(self.matches) and self.matches[i].start < end:
            m = self.matches[i]
            if m.end > start:
                out.append(m)
            i += 1
        return out


def _ner_spans(doc: Doc, kind: str) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if entity_kind(e.label_) == kind]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_ROLE_GAP_CHARS = 60  # "ministre malien des Affaires étrangères et de la Coopération, " fits


def _role_before(doc: Doc, text: str, start: int, lex: Lexicon) -> bool:
    """A role title ends shortly before `start`, in the same clause, with only the rest of the
    title between ("le ministre malien des Affaires étrangères, X", "Japan's Ambassador to
    Ethiopia X"): no verb, no figure, no sentence stop ("President X, visit the Museum" is not)."""
    window = text[max(0, start - 90):start]
    for m in reversed(list(lex.role_re.finditer(window))):
        between = window[m.end():]
        if _STOP_BETWEEN.search(between) or between.count(",") > 1:
            return False
        if len(between) > _ROLE_GAP_CHARS or any(c.isdigit() for c in between):
            return False
        return not _verb_in(doc, start - len(between), start)
    return False


def _verb_in(doc: Doc, start: int, end: int) -> bool:
    """A verb or auxiliary lies in [start, end) (False when the Doc has no tags)."""
    if start >= end or not doc.has_annotation("POS"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _role_after(text: str, end: int, lex: Lexicon) -> bool:
    m = _AFTER_ROLE.match(text, end)
    return bool(m and m.group().strip().startswith(",") and lex.role_re.match(text, m.end()))


_REGNAL = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")
"""A regnal number after a name (II, VI, XIV)."""


def _clean_run(text: str, start: int, end: int, lex: Lexicon, gaz: _GazIndex) -> _Candidate | None:
    """Strip titles, honorifics, demonyms and furniture words from a capitalised run."""
    toks = [(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(text[start:end])]
    strong = False
    role_words = _role_words(lex)
    # "ECOWAS Commission President Omar Touray", "Senegalese Transport Minister Aminata Sow":
    # the name starts after the run's last title word (the stripping below marks it strong)
    for i in range(len(toks) - 2, 0, -1):
        f = fold(toks[i][2]).rstrip(".")
        if f in role_words or toks[i][2] in lex.honorifics or (
            "-" in f and any(p in role_words for p in f.split("-") if p)  # "Co-Chair", "President-elect"
        ):
            toks = toks[i:]
            break
    if _PORTFOLIO_BEFORE.search(text, max(0, start - 40), start) and _title_before_of(text, start, role_words):
        # "Commissioner for Migration Helga Lindqvist", "Secretary of State Antony Blinken":
        # the portfolio opens the run and is not part of the name
        while toks and (fold(toks[0][2]) in lex.filter_words or fold(toks[0][2]) in lex.org_words
                        or gaz.overlapping(toks[0][0], toks[0][1])):
            toks.pop(0)
        if len(toks) >= 3:
            toks.pop(0)
        strong = True
    # strip leading non-name words (an elided article is not part of the word: "L'ambassadeur X",
    # "L'administration Biden")
    while toks:
        s, e, w = toks[0]
        f = _ELIDED.sub("", fold(w).rstrip("."))
        parts = [x for x in re.split(r"[-‐]", f) if x]
        if w in lex.honorifics or w.rstrip(".") in lex.honorifics or f in role_words or (
            len(parts) > 1 and any(x in role_words for x in parts)
        ):  # "Secretary-General", "Vice-President", "Co-Chair", "President-elect"
            strong = True
        elif not (f in lex.filter_words or gaz.overlapping(s, e) or _acronym_before_name(w, len(toks))):
            break
        toks.pop(0)
    # cut at the first word that cannot belong to a name
    kept: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        f = fold(w).rstrip(".")
        if f in lex.org_words or f in lex.place_words or f in lex.thing_words:
            return None  # "Wagner Group", "Defence Ministry", "Lac de Guiers", "Action Plan": not a person
        if f in lex.particles:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or gaz.overlapping(nxt[0], nxt[1]):
                break
            kept.append((s, e, w))
            continue
        if f in lex.filter_words or gaz.overlapping(s, e) or f in role_words:
            break
        if kept and _REGNAL.fullmatch(w):
            kept.append((s, e, w))  # "King Mohammed VI", "Charles III": the number ends the name
            break
        if any(c.isdigit() for c in w) or (len(w.rstrip(".")) > 1 and w.isupper()):
            return None
        poss = _POSSESSIVE.search(w)
        if poss:  # "President William Ruto's envoy": the possessive ends the name
            kept.append((s, e - len(poss.group()), w[:poss.start()]))
            break
        kept.append((s, e, w))
    while kept and fold(kept[-1][2]) in lex.particles:
        kept.pop()
    if not kept or len(kept) > 5:
        return None
    words = [w.rstrip(",") for _, _, w in kept]
    name = split_name(" ".join(words))
    if len(words) == 1 and fold(re.split(r"[-‐]", words[0])[0]) in lex.particles:
        # "Al-Shabab", "Al-Tayeb" alone: a bare name (it may join "Ahmed Al-Tayeb"), never a
        # full name on its own -- groups and places are written this way too
        return _Candidate(kept[0][0], kept[-1][1], name, strong, "rule", lone=True)
    if len(name.words) == 1 and (len(name.folded[0]) < 2 or words[0].endswith(".")):
        return None
    return _Candidate(kept[0][0], kept[-1][1], name, strong, "rule")


def _acronym_before_name(word: str, left: int) -> bool:
    """An all-caps acronym opening a run of three words or more is a body or a title
    ("PS Korir Sing'Oei", "JICA President X"), never the start of a name."""
    return left >= 3 and 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


_ROLE_WORDS: dict[str, frozenset[str]] = {}
_POSSESSIVE = re.compile(r"['’]s?$")
_PORTFOLIO_BEFORE = re.compile(r"(?:^|\s)(?:for|of)[ \t]+$", re.IGNORECASE)


def _title_before_of(text: str, start: int, role_words: frozenset[str]) -> bool:
    """A title word stands right before the "for"/"of" that precedes `start`."""
    m = re.search(r"([^\W\d_]+)[ \t]+(?:for|of)[ \t]+$", text[max(0, start - 40):start], re.IGNORECASE)
    return bool(m and fold(m.group(1)) in role_words)


def _role_words(lex: Lexicon) -> frozenset[str]:
    """Single words of role titles ("ministre", "foreign", "minister") for stripping runs."""
    words = _ROLE_WORDS.get(lex.lang)
    if words is None:
        pattern = lex.role_re.pattern
        raw = re.findall(r"[^\W\d_]+", pattern.replace(r"\s+", " "), re.UNICODE)
        keep = {fold(w) for w in raw if len(w) > 2} - lex.particles - {"la", "le", "les", "des", "du", "etat"}
        words = frozenset(keep)
        _ROLE_WORDS[lex.lang] = words
    return words


_LOWER_WORD = re.compile(r"[a-zà-öø-ÿ][\w\-]*$")


def _thing_context(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The name is a vessel's, storm's or operation's: a thing word stands before it, possibly
    with lowercase words between ("the research vessel X", "son navire de recherche X", "the
    drilling vessel X"), or right after it ("the X vessel")."""
    before = re.split(r"[^\w\s\-'’]", text[max(0, start - 50):start])[-1].split()
    for word in reversed(before[-4:]):
        f = fold(word)
        if f in lex.thing_heads:
            return True
        if not _LOWER_WORD.match(word):
            break
    after = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 30])
    return bool(after and fold(after.group(1)) in lex.thing_heads and after.group(1).islower())


def _non_person_entities(doc: Doc) -> list[tuple[int, int]]:
    """Entities the model labels as something other than a person (bodies, places, events,
    works, laws, products)."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NON_PERSON_LABELS]


def _counted(doc: Doc, start: int, end: int) -> bool:
    """A number word opens the run (tagged NUM by the model; False without tags)."""
    if not doc.has_annotation("POS"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[0].pos_ == "NUM" and span[0].text[:1].isalpha()


def _proper_noun(doc: Doc, start: int, end: int) -> bool:
    """The word is tagged a proper noun (True when the Doc has no tags: the rule layer)."""
    if not doc.has_annotation("POS"):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or span.root.pos_ == "PROPN"


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _speaker_subject(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """The name is the subject of a reporting verb ("Tuggar says ...", "a déclaré Tuggar"): a
    speaking person, read from the dependency parse (False without one)."""
    if not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (root.pos_ == "PROPN" and root.dep_ in ("nsubj", "nsubj:pass")
            and fold(root.head.lemma_) in lex.reporting_lemmas)


_HEAD_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]{3,}")
# A name read from the middle of a coordinated one ("Road Initiative" of "Belt and Road
# Initiative"): its first word is no short name of anything.
_COORDINATED_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*\s+(?:and|et|&)\s+$")


def org_heads(doc: Doc) -> set[str]:
    """The first word of each body the model names ("Kosmos Energy", "Kosmos" -> "kosmos"): a
    lone word the model takes for a person elsewhere in the article is that body's short name."""
    heads: set[str] = set()
    for ent in doc.ents:
        words = ent.text.split()
        if entity_kind(ent.label_) == "organization" and words and _HEAD_WORD.fullmatch(words[0]):
            heads.add(fold(words[0]))
    return heads


def _named_in_full(text: str, word: str) -> bool:
    """The word opens a longer capitalised name somewhere in the text ("Kosmos Energy"), and is
    only ever a name there."""
    return _name_only(text, word) and re.search(rf"\b{re.escape(word)}[ \t]+[A-ZÀ-ÖØ-Þ]\w+", text) is not None


def _name_only(text: str, word: str) -> bool:
    """The word never appears in lower case: a name ("Kosmos"), not a common word that may open
    a name or a sentence ("Force unifiée", "State House"). A web address's slug does not count
    ("/namibias-10bn-hyphen-green-hydrogen")."""
    return re.search(rf"(?<![\w/-]){re.escape(word.lower())}(?![\w/-])", text) is None


def _short_org_mentions(doc: Doc, mentions: list[MentionDraft], short_names: list[tuple[int, int]]
                        ) -> list[MentionDraft]:
    """A body named in full ("Kosmos Energy") and then by its first word alone ("Kosmos confirme
    ...", "the Hyphen project"): the lone word is a mention of that body, under its full name's
    key, where the model read a person (`short_names`), a body of its own (re-keyed), or nothing
    (a lone proper noun after the full name, not part of a longer name). Returns the added
    mentions."""
    text = doc_text(doc)
    refs: dict[str, ActorRef] = {}
    first: dict[str, int] = {}
    for m in mentions:
        words = m.surface.split()
        if (m.kind == "organization" and m.ref is not None and len(words) >= 2 and _HEAD_WORD.fullmatch(words[0])
                and _name_only(text, words[0]) and not _COORDINATED_BEFORE.search(text, max(0, m.start - 60), m.start)):
            refs.setdefault(fold(words[0]), m.ref)
            first[fold(words[0])] = min(first.get(fold(words[0]), m.start), m.start)
    if not refs:
        return []
    for m in mentions:
        if m.kind == "organization" and m.ref is not None and " " not in m.surface.strip():
            ref = refs.get(fold(m.surface.strip()))
            if ref is not None and ref.key != m.ref.key:
                m.ref = ref
    taken = [(m.start, m.end) for m in mentions]
    out: list[MentionDraft] = []
    spans = list(short_names)
    for tok in doc:
        key = fold(tok.text)
        if key in refs and tok.pos_ == "PROPN" and tok.idx > first[key] and not _in_longer_name(tok):
            spans.append((tok.idx, tok.idx + len(tok)))
    for a, b in sorted(set(spans)):
        ref = refs.get(fold(text[a:b]))
        if ref is not None and not any(x < b and a < y for x, y in taken):
            out.append(MentionDraft(a, b, text[a:b], "organization", "rule:short-name", ref=ref))
            taken.append((a, b))
    return out


def _in_longer_name(tok: Token) -> bool:
    """A capitalised word beside it makes the word part of another name ("Kosmos Energy",
    "Hyphen Hydrogen Energy"), not the body's short name."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = doc[tok.i - 1] if tok.i > 0 else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
        return True
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()


_RUN_LEAD = re.compile(r"(?:The|Le|La|Les|L['’])[ \t]+|L['’]")


def employer_names(text: str, lex: Lexicon, gaz: _GazIndex) -> dict[str, str]:
    """Names written as a company title's employer ("Rio Tinto chief executive Simon Trott",
    "country head for Rio Tinto", « le PDG de Rio Tinto »), by folded name -> name as written.

    Why: the model reads many company names as persons or places ("Rio Tinto"), and a company
    is a party to the deals this system follows; a title held in a company is the surest sign
    of one. Names the gazetteer knows (states, known bodies) are left to it."""
    spans: list[tuple[int, int]] = []
    for m in _CAPRUN.finditer(text):
        start, end = m.start(), m.end()
        lead = _RUN_LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        if lex.employer_after_re.match(text, end):
            spans.append((start, end))
        else:
            spans.extend(_employer_in_run(text, start, end, lex))
    spans += [m.span("name") for m in lex.employer_before_re.finditer(text)]
    for pattern in (lex.company_apposition_re, lex.company_before_re):
        for m in pattern.finditer(text):
            name = m.group("name")
            if not lex.role_re.match(name) and fold(name.split()[0]) not in lex.filter_words:
                spans.append(m.span("name"))
    out: dict[str, str] = {}
    for start, end in spans:
        name = " ".join(text[start:end].split())
        if len(name) < 2 or gaz.overlapping(start, end) or lex.role_re.fullmatch(name) or (
                lex.employer_title_re.fullmatch(name)):
            continue  # a known state or body, or a title itself ("Chief Executive")
        out.setdefault(fold(name), name)
    return out


def _employer_in_run(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """A company title capitalised inside a run of capitalised words, between a name and a
    person's name: "Foxconn Chairman Terry Gou", "TotalEnergies CEO Patrick Pouyanne" (the run
    holds all three, so the title is not at its end). The name before it is the employer,
    unless it is only organisation words ("Party Chairman", "Commission Chairman")."""
    for m in lex.employer_title_re.finditer(text, start, end):
        if m.start() == start or not text[m.end():end].strip():
            continue
        name = text[start:m.start()].rstrip()
        words = [fold(w) for w in name.split()]
        if words and len(words) <= 4 and not all(w in lex.org_words for w in words) and (
                words[0] not in lex.filter_words):
            return [(start, start + len(name))]
        return []
    return []


def employer_mentions(text: str, employers: dict[str, str], taken: list[tuple[int, int]]) -> list[MentionDraft]:
    """Every mention of an employer's name (see `employer_names`) not already taken by another
    mention: an organisation, keyed by its name."""
    out: list[MentionDraft] = []
    for name in employers.values():
        ref = ActorRef("org:" + slug(name), "organization", name, None, None, "ner")
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            out.append(MentionDraft(m.start(), m.end(), m.group(), "organization", "rule:employer", ref=ref))
            taken.append((m.start(), m.end()))
    return out


def person_candidates(
    doc: Doc, lex: Lexicon, gaz: _GazIndex, zones: Zones, has_ner: bool, author: Name | None,
    short_names: list[tuple[int, int]] | None = None, employers: dict[str, str] | None = None,
) -> list[_Candidate]:
    """Capitalised runs with person evidence, cleaned and filtered.

    With a model (French, English): the evidence is the model's person entity, an honorific or
    title inside the run, a role title next to it, or the subject slot of a reporting verb; a
    run the model labels as a body, place, event or work is not a person unless an honorific or
    role says otherwise. With the rule layer only (no model): any run of two capitalised words
    or more that nothing explains. Either way a bare word is kept only when it attaches to a
    full name (or has strong evidence), and a name after a vessel or storm word is not a person.
    """
    text = doc_text(doc)
    per = _ner_spans(doc, "person") if has_ner else []
    things = _non_person_entities(doc) if has_ner else []
    things_named: set[tuple[str, ...]] = set()
    heads = org_heads(doc) if has_ner else set()
    out: list[_Candidate] = []
    for m in _CAPRUN.finditer(text):
        if zones.no_person(m.start()):
            continue
        cand = _clean_run(text, m.start(), m.end(), lex, gaz)
        if cand is None:
            continue
        if gaz.overlapping(cand.start, cand.end):
            continue
        if author is not None and same_person(cand.name, author):
            continue
        if employers and fold(" ".join(text[cand.start:cand.end].split())) in employers:
            continue  # "Rio Tinto" in an article on "Rio Tinto chief executive ...": the company
        if _counted(doc, m.start(), m.end()):
            continue  # "Twenty Cabinet Members", "Three Wise Men": a count names a group
        if _thing_context(text, cand.start, cand.end, lex):
            things_named.add(cand.name.folded)  # "the research vessel Oruç Reis", "Hurricane X"
            continue
        if (len(cand.name.words) == 1 and not cand.strong and cand.name.folded[0] in heads
                and _named_in_full(text, cand.name.words[0])):
            if short_names is not None:
                short_names.append((cand.start, cand.end))
            continue  # "Kosmos" in an article on "Kosmos Energy": the company, told by its short name
        role_ctx = _role_before(doc, text, cand.start, lex) or _role_after(text, cand.end, lex)
        ner_ok = _overlaps(per, cand.start, cand.end)
        single = len(cand.name.words) == 1 or cand.lone  # kept only if it attaches (or is strong)
        # a listed office holder's full name is a person, whatever the model reads ("Kishida Fumio")
        listed = not single and leader_of(" ".join(cand.name.words)) is not None
        if has_ner:
            if not (ner_ok or cand.strong or role_ctx or listed) and _covered(things, cand.start, cand.end):
                continue  # the model reads a body, a place or a title here
            speaker = not (ner_ok or cand.strong or role_ctx) and _speaker_subject(doc, cand.start, cand.end, lex)
            ok = ner_ok or cand.strong or role_ctx or speaker or single or listed
            label = "ner:PER" if ner_ok else (
                "rule:honorific" if cand.strong else "rule:role" if role_ctx else "rule:speaker" if speaker
                else "rule:name")
            role_ctx = role_ctx or speaker
        else:
            ok = cand.strong or role_ctx or len(cand.name.words) >= 2 or single
            label = "rule:name"
        if not ok:
            continue
        cand.strong = cand.strong or role_ctx or (ner_ok and len(cand.name.words) >= 2)
        if single and ner_ok and leader_of(" ".join(cand.name.words)) is not None:
            cand.strong = True  # "Xi said": a listed office holder's short name stands alone
        if cand.strong and single and not ner_ok and (
                not _proper_noun(doc, cand.start, cand.end) or is_common_word(lex.lang, cand.name.words[0])):
            # "Cabinet Members", "Director General of the Office of Hydrocarbon": a common noun
            # after a title attaches to a full name or goes
            cand.strong = False
        cand.label = label
        out.append(cand)
    return [c for c in out if c.name.folded not in things_named]  # "the Oruç Reis" too


def cluster_persons(cands: list[_Candidate]) -> tuple[list[PersonCluster], list[int | None]]:
    """Group candidates into persons: full names by compatibility, bare names by surname."""
    clusters: list[PersonCluster] = []
    assign: list[int | None] = [None] * len(cands)
    order = sorted(range(len(cands)), key=lambda i: (-len(cands[i].name.words), cands[i].start))
    for i in order:
        c = cands[i]
        if not c.name.is_full or c.lone:
            continue
        for k, cl in enumerate(clusters):
            if same_person(c.name, cl.name):
                cl.name = better(cl.name, c.name)
                assign[i] = k
                break
        else:
            clusters.append(PersonCluster(c.name))
            assign[i] = len(clusters) - 1
        clusters[assign[i]].strong |= c.strong or c.label == "ner:PER"
    for i, c in enumerate(cands):
        if assign[i] is not None:
            continue
        word = c.name.words[-1]
        hits = [k for k, cl in enumerate(clusters) if surname_of(word, cl.name)]
        if not hits:  # "Xi" for "Xi Jinping": surname-first names, unique in the article
            f = fold(word)
            hits = [k for k, cl in enumerate(clusters) if f in cl.name.folded and len(f) > 1]
            hits = hits if len(hits) == 1 else []
        if len(hits) > 1:  # same surname, two people ("Joe Biden", "Jill Biden"): the bare
            # surname is the article's principal one, named first; the press writes the others in full
            prev = [(cands[j].start, assign[j]) for j in range(len(cands))
                    if assign[j] in hits and cands[j].start < c.start]
            hits = [min(prev)[1]] if prev else []
        if hits:
            assign[i] = hits[0]
        elif c.strong:
            clusters.append(PersonCluster(c.name, strong=True))
            assign[i] = len(clusters) - 1
    for i, c in enumerate(cands):
        if assign[i] is not None and c.name.text not in clusters[assign[i]].surfaces:
            clusters[assign[i]].surfaces.append(c.name.text)
    return clusters, assign


def find_actors(doc: Doc, gazetteer: Gazetteer, lex: Lexicon, has_ner: bool, author: str | None) -> ArticleActors:
    """Every actor mention of a parsed article (persons not yet linked to stored actors)."""
    text = doc_text(doc)
    zones = Zones(text, lex)
    gaz_all = gazetteer.matches(text)
    gaz_matches = [g for g in gaz_all if not zones.in_link(g.start)]
    gidx = _GazIndex(gaz_all)
    author_name = split_name(author) if author and author.strip() else None
    if author_name is not None and not author_name.words:
        author_name = None
    short_names: list[tuple[int, int]] = []
    employers = employer_names(text, lex, gidx) if has_ner else {}
    cands = person_candidates(doc, lex, gidx, zones, has_ner, author_name, short_names, employers)
    clusters, assign = cluster_persons(cands)
    person_spans = [(c.start, c.end) for c, k in zip(cands, assign, strict=True) if k is not None]
    from suivi.read.unlisted import other_mentions  # imports this module's run helpers

    places = [p for p in other_mentions(doc, lex, gidx, zones, has_ner)
              if not _overlaps(person_spans, p.start, p.end)
              and not (p.kind == "place" and fold(" ".join(p.surface.split())) in employers)]
    compounds = [(p.start, p.end) for p in places if p.label == "rule:place"]
    if compounds:  # "Indian Ocean", « océan Indien »: the demonym inside names no state
        gaz_matches = [g for g in gaz_matches if not (g.form == "adjective" and any(
            s <= g.start and g.end <= e for s, e in compounds))]
    mentions: list[MentionDraft] = []
    for g in gaz_matches:
        label = "gaz:" + g.form
        mentions.append(MentionDraft(g.start, g.end, text[g.start:g.end], g.ref.kind, label, ref=g.ref))
    for c, k in zip(cands, assign, strict=True):
        if k is None:
            continue
        mentions.append(MentionDraft(c.start, c.end, text[c.start:c.end], "person", c.label, name=c.name, person=k))
    mentions.extend(places)
    mentions.extend(_short_org_mentions(doc, mentions, short_names))
    mentions.extend(employer_mentions(text, employers, [(m.start, m.end) for m in mentions]))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return ArticleActors(mentions, clusters, gaz_matches, zones)
