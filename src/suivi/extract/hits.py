"""What a cue finder returns, and the dependency helpers French and English share.

Why one shape for every reader: French (fr_core_news_md) and English (en_core_web_sm) are
read on their parse, other languages and model-less installs on surface patterns; the
candidate builder (agents, dates, action, evidence) must not care which one fired.
Universal-Dependencies labels (French: nsubj, obj, obl:agent, acl:relcl) and ClearNLP labels
(English: nsubj, dobj, agent, relcl) are both understood here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from suivi.extract.cues import Lexicon
from suivi.extract.quantities import states_sum
from suivi.read.nlp import entity_kind


@dataclass
class Hit:
    """One cue found in a unit (a sentence, headline or list item)."""

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
    reporter: tuple[int, int] | None = None  # who reports a "would" (its subject)
    relative: bool = False  # read in a relative clause: a thing antecedent means a description
    party_subject: bool = False  # only a party subject makes it a commitment ("X is to ...")
    doer: tuple[int, int] | None = None  # a passive's "by"/"par" agent phrase
    verb: Token | None = None  # the acting verb, when it is not the cue token ("plans to build")
    nominal: bool = False  # a sum with a deadline and no pledge verb ("un programme doté de X d'ici 2027")
    contents: Token | None = None  # the agreement or pledge whose contents are stated ("the deal includes $5bn")
    milestone: bool = False  # a work's dated milestone told on its noun ("the port, scheduled for completion by 2028")


AWAITED = "awaited"
"""The cue of an act awaited by a date ("the final investment decision is expected by 2025")."""

READY = "ready by"
"""The cue of a work said to be in working order by a date ("will be operational by 2026")."""

STAYING = "staying"
"""The cue of people who stay on ("80 soldiers will remain"): a presence kept."""

INSTALMENT = "instalment"
SUM_TO_COME = "to come"
"""A sum still to come after one paid ("with another 50 million pounds to come"): the act is
that sum, not the payment its clause reports."""
"""The cue of a scheduled payment told by its sum ("the first tranche will be $5 billion")."""


def children(tok: Token, *deps: str) -> list[Token]:
    """Children whose label (or its part before ':') is one of `deps`."""
    return [c for c in tok.children if c.dep_ in deps or c.dep_.split(":")[0] in deps]


def named_work(subject: Token, facilities: frozenset[str]) -> bool:
    """A subject that names a work by its name ("The Nigeria-Morocco Gas Pipeline (NMGP)",
    « Le Gazoduc Atlantique Africain »; data: facility_nouns): a thing, though tagged a proper
    noun; its head word, or the name the parser hung beside it, is a work."""
    words = [subject] + children(subject, "appos")
    return any(w.lower_ in facilities or w.lemma_.lower() in facilities for w in words)


_RELATIVE_PRONOUNS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles", "which", "who", "that", "whom"}
_CLAUSE_DEPS = ("relcl", "acl", "appos", "advcl", "ccomp", "parataxis")


def phrase_range(head: Token, lo: int, hi: int) -> tuple[int, int]:
    """Offsets of a noun phrase without its relative clauses, appositions and parentheses.

    Why: "The agency, which assists developing countries, will ..." has "The agency" as
    its subject; the parties named in the relative clause are not the doer.
    """
    cut: set[int] = set()
    for c in head.children:
        if c.dep_.split(":")[0] in _CLAUSE_DEPS and c.i > head.i:
            cut |= {t.i for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in cut and lo <= t.idx < hi]
    if not toks:
        return head.idx, head.idx + len(head)
    # keep the contiguous run around the head
    ids = sorted(t.i for t in toks)
    pos = ids.index(head.i) if head.i in ids else 0
    first = last = pos
    while first > 0 and ids[first - 1] == ids[first] - 1:
        first -= 1
    while last < len(ids) - 1 and ids[last + 1] == ids[last] + 1:
        last += 1
    doc = head.doc
    start_tok, end_tok = doc[ids[first]], doc[ids[last]]
    while end_tok.i > start_tok.i and end_tok.is_punct:
        end_tok = doc[end_tok.i - 1]
    while start_tok.i < end_tok.i and start_tok.is_punct:
        start_tok = doc[start_tok.i + 1]
    return _whole_names(head, start_tok.i, end_tok.i)


def _whole_names(head: Token, first: int, last: int) -> tuple[int, int]:
    """Offsets of tokens first..last, widened so that no named entity is cut in two, and a
    title keeps the person's name that follows it.

    Why: the parser sometimes reads names as appositions ("le président Luiz Inácio Lula da
    Silva": Luiz, Lula, Silva tagged appos; or only a middle name), and the cut above then
    ended the subject before or inside the name, which no longer held the person's mention."""
    doc = head.doc
    for ent in head.sent.ents if doc.has_annotation("ENT_IOB") else ():
        if ent.start <= last and ent.end - 1 >= first:  # overlaps: take it whole
            first, last = min(first, ent.start), max(last, ent.end - 1)
        elif ent.start == last + 1 and entity_kind(ent.label_) == "person" and doc[last].pos_ == "NOUN":
            last = ent.end - 1  # "le président Luiz Inácio Lula da Silva": the title's name, cut as appositions
    return doc[first].idx, doc[last].idx + len(doc[last])


def subject_range(tok: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of the subject phrase of a verb, climbing xcomp/conj/relative clauses.

    Only tokens inside [lo, hi) (the unit) count: the parser sometimes joins a list item
    and the next line into one tree. A relative pronoun or a participle clause ("countries
    promising to contribute") gives the antecedent.
    """
    def inside(t: Token) -> bool:
        return lo <= t.idx < hi

    cur = tok
    for _ in range(6):
        subs = [c for c in children(cur, "nsubj", "nsubjpass", "csubj") if inside(c)]
        if subs:
            sub = subs[-1]
            if sub.lower_ in _RELATIVE_PRONOUNS and cur.dep_.split(":")[0] in ("acl", "relcl"):
                return _antecedent(cur, lo, hi)
            if sub.lower_ in _RELATIVE_PRONOUNS - {"that"} and len(subs) == 1 and cur.i != tok.i:
                before = _noun_before(sub, lo)
                if before is not None:
                    # "Cet accord, qui doit encore être validé ..., prévoit ...", the relative clause
                    # parsed as the main one and the main verb as its conjunct: the noun the
                    # pronoun follows is the subject (a verb of the relative clause itself stays
                    # unresolved, as a relative clause does)
                    return max(lo, before.left_edge.idx), before.idx + len(before)
            if sub.dep_ in ("csubj",):
                return None
            ranges = [phrase_range(x, lo, hi) for x in subs if x.dep_ != "csubj"]
            return min(r[0] for r in ranges), max(r[1] for r in ranges)
        dep = cur.dep_.split(":")[0]
        clause = clause_of_adjunct(cur) if dep == "acl" else None
        if clause is not None and inside(clause):
            cur = clause  # "a condamné cette initiative comme une agression, promettant de ...": the clause's doer
            continue
        if dep in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON") and inside(cur.head):
            return _antecedent(cur, lo, hi)
        if dep == "conj":
            own = _stranded_subject(cur, lo)
            if own is not None:
                return own
        if (dep in ("xcomp", "conj", "advcl", "dep") or dep == "acl") and cur.head.i != cur.i and inside(cur.head):
            cur = cur.head
            continue
        prep = cur.head
        if dep == "pcomp" and cur.tag_ == "VBG" and prep.dep_ == "prep" and prep.head.i != prep.i and inside(prep.head):
            cur = prep.head  # "Norway confirmed its support by pledging ...": the gerund's doer is the clause's
            continue
        break
    return None


_NP_TAGS = ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PART")


def clause_of_adjunct(tok: Token) -> Token | None:
    """The verb whose clause a present participle set off by a comma belongs to, when the
    parser hung it on the noun before the comma: in "Mogadiscio a condamné cette initiative
    comme une agression, promettant de contester ce texte" the one promising is Mogadiscio,
    not the aggression. A participle without a comma ("countries promising to contribute")
    describes its noun and keeps it."""
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or not _present_participle(tok):
        return None
    cur = tok.head
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") and cur.i < tok.i else None


def _present_participle(tok: Token) -> bool:
    return tok.tag_ == "VBG" or ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"))


def _stranded_subject(verb: Token, lo: int) -> tuple[int, int] | None:
    """A parse slip on "X will build A and China pledged to ...": the noun phrase between the
    "and" and a coordinated verb is that verb's subject, even when hung on the first clause."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX") and doc[i].dep_ in ("advmod", "aux", "neg"):
        i -= 1
    end = i
    while i >= 0 and doc[i].pos_ in _NP_TAGS and doc[i].dep_ != "cc" and doc[i].idx >= lo:
        i -= 1
    if end <= i or i < 0 or doc[i].dep_ != "cc":
        return None
    if not any(doc[k].pos_ in ("PROPN", "NOUN") for k in range(i + 1, end + 1)):
        return None
    first, last = doc[i + 1], doc[end]
    if any(doc[k].head.i == verb.i for k in range(i + 1, end + 1)):
        return None  # the parser already made it the verb's dependant: nothing stranded
    return first.idx, last.idx + len(last)


def _noun_before(pronoun: Token, lo: int) -> Token | None:
    """The noun right before a relative pronoun ("accord" in "Cet accord, qui"), or None."""
    i = pronoun.i - 1
    if i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    if i < 0 or pronoun.doc[i].idx < lo or pronoun.doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    return pronoun.doc[i]


def _antecedent(clause: Token, lo: int, hi: int) -> tuple[int, int]:
    return phrase_range(clause.head, lo, hi)


def _own_subject(verb: Token) -> bool:
    """The clause has a subject of its own that is not a relative pronoun (then it is no
    relative clause, whatever the parser says: "X, la Russie construira ...")."""
    return any(c.lower_ not in _RELATIVE_PRONOUNS for c in children(verb, "nsubj", "nsubjpass"))


def in_relative(tok: Token) -> bool:
    """The cue is a relative or participle clause on a noun ("policies that will allow"), or
    its subject is a relative pronoun wherever the parser hung it ("qui aura lieu")."""
    if any(c.lower_ in _RELATIVE_PRONOUNS and c.lower_ != "that" for c in children(tok, "nsubj", "nsubjpass")):
        return True
    cur = tok
    for _ in range(4):
        dep = cur.dep_.split(":")[0]
        if dep in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return not _own_subject(cur) and clause_of_adjunct(cur) is None
        if dep in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return False
    return False


def party_relative(tok: Token) -> bool:
    """A relative clause whose subject is the named party it hangs on ("Kenya, which has pledged
    to deploy 1,000 officers", « le Kenya, qui a promis de déployer »): the party's own
    statement, not a description of a subject, and not ruled by the verb above that name."""
    return (tok.dep_.split(":")[0] in ("relcl", "acl") and tok.head.pos_ == "PROPN"
            and any(c.lower_ in ("which", "who", "qui") for c in children(tok, "nsubj")))


def inside_subject(tok: Token, hits_tokens: set[int], lo: int, hi: int) -> bool:
    """The cue sits inside the subject of another verb of the same unit that is not itself a
    cue: background ("La préparation du sommet qui se tiendra à Bruxelles est un des objectifs")."""
    if any(c.lower_ not in _RELATIVE_PRONOUNS and c.pos_ in ("PROPN", "NOUN")
           for c in children(tok, "nsubj", "nsubjpass")) and any(
            m.lower_ == "que" for m in children(tok, "mark")):
        # « Le journal ajoute, citant des sources, que l'Union s'est engagée à ... »: a clause of
        # its own opened by « que », with its own subject, that the parser hung inside a noun
        return False
    if party_relative(tok):
        return False
    cur = tok
    while cur.head.i != cur.i and lo <= cur.head.idx < hi:
        if cur.dep_.split(":")[0] in ("nsubj", "nsubjpass", "csubj") and cur.head.i not in hits_tokens:
            return True
        cur = cur.head
    return False


def work_told_on(tok: Token, facilities: frozenset[str]) -> Token | None:
    """The noun naming a work (data: facility_nouns) that the cue's relative clause is said of:
    « le métro, qui doit entrer en service en 2021, reliera ... », "the metro, which is due to
    open in 2021". Dated, the clause is the work's milestone, though it sits inside another
    verb's subject."""
    cur = tok
    for _ in range(4):
        dep = cur.dep_.split(":")[0]
        if dep in ("relcl", "acl") and cur.head.i != cur.i:
            noun = cur.head
            return noun if noun.lemma_.lower() in facilities or noun.lower_ in facilities else None
        if dep not in ("xcomp", "conj", "acomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def mark_milestones(hits: list[Hit], facilities: frozenset[str], dated: Callable[[Token], bool]) -> None:
    """Mark as milestones (Hit.milestone) the hits in a dated relative clause on a work's noun
    (`work_told_on`): « le métro, qui doit entrer en service en 2021, reliera ... » is the work's
    date, kept although it sits inside another verb's subject. `dated`: the language's test of
    a clause stating a date."""
    for h in hits:
        if h.token is not None and not h.milestone and work_told_on(h.token, facilities) is not None and dated(h.token):
            h.milestone = True


_COMPLEMENTS = ("obj", "dobj", "iobj", "xcomp", "ccomp", "obl", "prep", "dative", "attr", "oprd", "advcl")


def merge_shared(hits: list[Hit]) -> list[Hit]:
    """Coordinated verbs that share one object are one statement: "Elle formera et équipera sa
    marine", "Turkey will build, train and equip the navy" — the first verb, with no complement
    of its own, keeps the others (its subtree covers them)."""
    keep = list(hits)
    by_token = {h.token.i: h for h in hits if h.token is not None}
    for h in hits:
        tok = h.token
        if tok is None or h not in keep:
            continue
        own = [c for c in tok.children if c.dep_.split(":")[0] in _COMPLEMENTS and c.i > tok.i]
        if own:
            continue
        for c in tok.children:
            if children(c, "nsubj", "nsubjpass", "csubj"):
                continue  # "..., and that the summit would be held": a statement of its own
            if c.dep_ in ("conj", "dep") and c.i in by_token and by_token[c.i] in keep:
                keep.remove(by_token[c.i])
                for g in c.children:  # "build, train and equip": the chain goes on
                    if g.dep_ == "conj" and g.i in by_token and by_token[g.i] in keep:
                        keep.remove(by_token[g.i])
    return keep


def merge_nested(hits: list[Hit], apart_marks: frozenset[str] = frozenset()) -> list[Hit]:
    """One statement per clause: a cue governed by another (not through coordination) merges.

    The deeper cue wins (its subject is the committing party: "a annoncé que la Russie
    accompagnerait"); coordinated cues stay apart ("livrera ... et formera ..."), and so does
    an adverbial clause opened by one of `apart_marks` with a subject of its own ("the UK
    pledged 1bn while the US will halt funding": two parties, two statements).
    """
    seen: set[int] = set()
    unique = []
    for h in hits:  # one cue per token ("est prévu" and "prévu" are one)
        if h.token is not None and h.token.i in seen:
            continue
        if h.token is not None:
            seen.add(h.token.i)
        unique.append(h)
    hits = unique
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
            if outer.token.i < inner.token.i and (any(
                    c.dep_ == "cc" and outer.token.i < c.i < inner.token.i for c in inner.token.children)
                    or _finite_beside_infinitive(inner.token)):
                # "se réengageant à atteindre l'objectif ... et s'engageant à éliminer ...": a
                # cue opened by "et" is coordinated, whatever node the parser hung it on, and
                # shares the subject of the cue before it
                # (a participle hung on a noun by "acl" took that noun for its subject)
                if outer.subject is not None and (inner.subject is None or inner.token.dep_.startswith("acl")):
                    inner.subject = outer.subject
                    inner.relative = outer.relative  # not a clause describing that noun either
                continue
            if (inner.relative and inner.doer is not None and outer.subject is not None
                    and outer.subject[0] <= inner.token.head.idx < outer.subject[1]):
                # "l'accord, qui sera financé par le Royaume-Uni, prévoit que ...": a relative
                # clause on the subject naming its own doer is that doer's pledge, told apart
                continue
            if (cur.i == outer.token.i and inner.subject is not None and inner.subject != outer.subject
                    and apart_clause(inner.token, apart_marks) is not None):
                continue
            if cur.i == outer.token.i and "conj" not in path[-1:] and outer in keep and inner.relative:
                # a relative clause on the outer cue's noun ("agreed to host a centre that will
                # open by 2027") says more about the same pledge: the outer cue keeps it
                if inner in keep:
                    keep.remove(inner)
                continue
            if cur.i == outer.token.i and "conj" not in path[-1:] and outer in keep:
                if inner.subject is None and outer.subject is not None:
                    inner.subject = outer.subject
                if not inner.restates and outer.restates:
                    inner.restates = True
                keep.remove(outer)
                break
    return merge_shared(keep)


def _finite_beside_infinitive(tok: Token) -> bool:
    """A finite verb the parser coordinated with an infinitive or a gerund ("agreed to hold
    talks and pledged to respect ..." read as "to hold ... and [to] pledged"). A finite verb
    cannot be the complement an infinitive stands for, so it is coordinated with the finite
    verb above: a statement of its own, with that verb's subject."""
    head = tok.head
    return (tok.dep_ == "conj" and tok.tag_ in _FINITE_TAGS and head.tag_ in ("VB", "VBG")
            and any(c.dep_ == "cc" and head.i < c.i < tok.i for c in head.children))


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def apart_clause(tok: Token, marks: frozenset[str]) -> Token | None:
    """The verb of the set-apart clause a cue belongs to (`opened_by`): the cue itself, or the
    "be" of "is to" it hangs on ("While Nigeria is to bear 15 per cent, China will ..."); None
    when the cue's clause is not set apart."""
    if opened_by(tok, marks):
        return tok
    if tok.dep_ == "xcomp" and opened_by(tok.head, marks):
        return tok.head
    return None


def opened_by(tok: Token, marks: frozenset[str]) -> bool:
    """An adverbial clause with its own subject whose first marker is one of `marks` ("while",
    "tandis que")."""
    if not marks or tok.dep_.split(":")[0] != "advcl" or not any(c.dep_.startswith("nsubj") for c in tok.children):
        return False
    first = next((c for c in tok.children if c.dep_ == "mark"), None)
    return first is not None and first.lower_ in marks


def reported(tok: Token, lex: Lexicon) -> bool:
    """A clause introduced by a reporting verb ("il a annoncé que ...", "he said Japan would"),
    or the content of a noun of will ("a pledge that China would provide ...")."""
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_.split(":")[0] in ("acl", "ccomp") and head.lemma_.lower() in lex.words["will_nouns"] and any(
        c.dep_ == "mark" and c.lower_ in ("that", "que", "qu'", "qu’") for c in tok.children
    ):
        return True
    if tok.dep_.split(":")[0] in ("acl", "relcl") and _content_relative(tok, lex):
        return True  # « une déclaration selon laquelle l'Éthiopie reconnaîtrait ... »
    if tok.dep_.split(":")[0] == "acl" and _said_around(tok, head, lex):
        return True
    # a second statement joined to a reported one ("said X would ..., and Y would ...", "...,
    # while a package would be disbursed"): reported too
    joined = tok.dep_ == "conj" or (tok.dep_.split(":")[0] == "advcl" and any(
        c.dep_.startswith("mark") and c.lower_ in lex.words.get("apart_marks", ()) for c in tok.children))
    return (
        tok.dep_.split(":")[0] in ("ccomp", "xcomp", "conj", "advcl", "parataxis")
        and (head.lemma_.lower() in lex.words["reporting_verbs"] or (joined and reported(head, lex)))
    )


def _said_around(tok: Token, head: Token, lex: Lexicon) -> bool:
    """A "que" clause the parser hung on a noun of a reporting verb's complement (« a déclaré
    lors de la cérémonie que la société investirait ... »): "que" marks it (or hangs loose), or stands as an
    object beside another object (a relative pronoun would be the only one), and a verb at most
    three steps above the noun reports it ("cérémonie" <- "lors" <- "déclaré")."""
    ques = [c for c in tok.children if c.lower_ in ("that", "que", "qu'", "qu’")]
    objects = [c for c in tok.children if c.dep_ == "obj"]
    # "dep": the parser unsure what the "qu'" is (« a annoncé vendredi, via l'agence APS,
    # qu'elle allait augmenter ... »)
    if not any(c.dep_ in ("mark", "dep") or (c.dep_ == "obj" and len(objects) > 1) for c in ques):
        return False
    up = head
    for _ in range(3):
        if up.head.i == up.i:
            return False
        up = up.head
        if up.pos_ == "VERB" and up.lemma_.lower() in lex.words["reporting_verbs"]:
            return True
    return False


def _content_relative(tok: Token, lex: Lexicon) -> bool:
    """A relative clause whose pronoun is governed by a content marker (data:
    content_relative_markers: « selon laquelle »)."""
    marks = lex.words.get("content_relative_markers", frozenset())
    return any(c.lower_ in _CONTENT_PRONOUNS and any(t.lower_ in marks for t in c.doc[max(0, c.i - 2):c.i])
               for c in tok.children)


_CONTENT_PRONOUNS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles"})


def agreed_meeting(objs: list[Token], lex: Lexicon) -> bool:
    """Talks agreed on, the object of a decision verb: "agreed to technical talks", "agreed on a
    new round of negotiations", « ont convenu d'un second cycle de négociations » (data:
    agreed_meeting_nouns). Parties that agree to talk commit to hold the talks; a report can
    later say they were held or not."""
    nouns = lex.words.get("agreed_meeting_nouns", frozenset())
    rounds = lex.words.get("meeting_round_nouns", frozenset())

    def talks(t: Token) -> bool:
        return t.lemma_.lower() in nouns or t.lower_ in nouns

    for o in objs:
        if talks(o):
            return True
        if o.lemma_.lower() in rounds:  # "a new round of negotiations", « un second cycle de négociations »
            told = [n for n in o.children if n.dep_.startswith("nmod")]
            told += [n for p in o.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"]
            if any(talks(t) for t in told):
                return True
    return False


def passive_doer(tok: Token) -> tuple[int, int] | None:
    """The doer of a passive: "will be hosted by the World Bank", "sera hébergé par la BM";
    shared by coordinated participles, where the parser hangs it on the last one: « sera
    financé et géré par le Ghana et la Norvège »."""
    own = _own_passive_doer(tok)
    if own is not None:
        return own
    for c in tok.children:
        if c.dep_ == "conj" and c.i > tok.i and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm"):
            return _own_passive_doer(c)
    return _stray_doer(tok)


def _stray_doer(tok: Token) -> tuple[int, int] | None:
    """A French "par" doer the parser hung on a word of the verb's own complement, with no verb
    between (« seront alloués aux forces rwandaises par l'Union européenne »: "par l'Union" on
    "rwandaises"), as a doer or as a name's modifier ("par la Norvège" on "forces"). Only of a
    passive: an active verb's subject is its doer."""
    if not any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children):
        return None
    for t in tok.subtree:
        if t.head.pos_ in ("VERB", "AUX") or t.i < tok.i:
            continue
        if t.dep_ != "obl:agent" and not (t.dep_ == "nmod" and t.pos_ == "PROPN" and any(
                c.dep_ == "case" and c.lower_ == "par" for c in t.children)):
            continue
        up = t.head
        while up.i != tok.i and up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        if up.i == tok.i:
            toks = [x for x in t.subtree if x.dep_ != "case" or x.head.i != t.i]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1])
    return None


def _own_passive_doer(tok: Token) -> tuple[int, int] | None:
    for c in tok.children:
        if c.dep_ == "agent":  # English: agent -> pobj
            objs = children(c, "pobj")
            if objs:
                toks = list(objs[0].subtree)
                return toks[0].idx, toks[-1].idx + len(toks[-1])
        if c.dep_ == "obl:agent":  # French: the noun itself, with "par"
            toks = [t for t in c.subtree if t.dep_ != "case" or t.head.i != c.i]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1])
    return None


def _objs(tok: Token) -> list[Token]:
    out = children(tok, "obj", "dobj", "nsubjpass", "nsubj:pass")
    for c in tok.children:  # "of its initiative", "de son initiative"
        if c.dep_ == "prep" and c.lower_ in ("of",):
            out += children(c, "pobj")
        if c.dep_.split(":")[0] == "nmod" and any(k.lower_ in _OF_WORDS for k in c.children):
            out.append(c)
    return out


def stated_contents(tok: Token, lex: Lexicon) -> Token | None:
    """The agreement, package or pledge whose contents the verb states with money or aid, or
    None: "the agreement includes 5 billion euros in loans", "The US's pledges included $56
    million in grant funds", "L'accord prévoit cinq milliards d'euros de prêts", "ce pacte
    inclura des aides financières" (data: contents_verbs, contents_subjects, aid_nouns). The
    contents of an agreement are its parties' pledges, whatever the tense they are told in.
    Works it provides for ("the deal includes the construction of a refinery", « les projets
    incluent la création d'une usine », data: contents_act_verbs, contents_act_nouns) count
    only when not told in the past."""
    verbs = lex.words.get("contents_verbs", frozenset())
    lemma = tok.lemma_.lower()
    if lemma not in verbs and tok.pos_ == "VERB" and lemma + "r" in verbs:
        lemma += "r"  # « porte » given as its own lemma: « porter »
    if lemma not in verbs:
        return None
    named = children(tok, "nsubj")
    if not named and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
        named = children(tok.head, "nsubj")  # "the work ... is to include the repair of the track"
    nouns = lex.words.get("contents_subjects", ())
    subjects = [c for c in named
                if c.lemma_.lower() in nouns or (c.lower_ in IT_PRONOUNS | THIS_PRONOUNS and stands_for(c, nouns))]
    if not subjects:
        return None
    objs = children(tok, "obj", "dobj")
    for prep in children(tok, "prep"):
        if prep.lower_ == "for":  # "provides for 900 million"
            objs += children(prep, "pobj")
    if lemma in lex.words.get("contents_on_verbs", ()):
        # « l'accord porte sur un investissement de 35 milliards de dollars »
        objs += [c for c in children(tok, "obl", "obl:arg", "obl:mod")
                 if any(k.lower_ == "sur" for k in children(c, "case"))]
    aid = lex.words.get("aid_nouns", frozenset()) | lex.words.get("granted_nouns", frozenset())
    acts: frozenset[str] = frozenset()
    if not told_in_past(tok) and tok.lemma_.lower() in lex.words.get("contents_act_verbs", ()):
        acts = lex.words.get("contents_act_nouns", frozenset())
    for o in objs:
        phrase = o.doc[o.left_edge.i:o.right_edge.i + 1].text
        if states_sum(phrase) or o.lemma_.lower() in aid or o.lower_ in aid or o.lemma_.lower() in acts:
            return subjects[0]
    return None


IT_PRONOUNS = frozenset({"it", "il", "they", "ils", "elles"})  # "They also include": the deals named before
THIS_PRONOUNS = frozenset({"this", "ceci", "cela"})
OPENING_WORDS = 4  # the words that open a sentence an "it" stands for: "Le contrat", "The work to be"


def stands_for(pronoun: Token, nouns: frozenset[str] | tuple[str, ...], depth: int = 0) -> bool:
    """A pronoun opening a sentence that stands for one of `nouns` in the sentence before: "it"
    for what that sentence opened with ("The work ... is to include the repair of the track. It
    will include the purchase of 34 locomotives", « Le contrat concerne ... Il prévoit »); "this"
    for such a noun anywhere in it ("India announced a package of $600 million. This will
    include ..."); either for what that sentence's own opening pronoun stood for ("This will
    include a fund ... It will also include 50,000 scholarships")."""
    start = pronoun.sent.start
    if start == 0 or pronoun.i - start > 1:
        return False
    before = pronoun.doc[start - 1].sent
    lower = pronoun.lower_
    if lower in IT_PRONOUNS and any(t.lemma_.lower() in nouns for t in before[:OPENING_WORDS]):
        return True
    if lower in THIS_PRONOUNS and any(t.lemma_.lower() in nouns for t in before):
        return True
    opener = next((t for t in before[:2] if t.lower_ in IT_PRONOUNS | THIS_PRONOUNS), None)
    return opener is not None and depth < 2 and stands_for(opener, nouns, depth + 1)


def told_in_past(verb: Token) -> bool:
    """The verb is told in the past: English simple past, imperfect or compound past
    ("included", "built", « prévoyait », « a construit »). Used for what a deal states as works
    (maybe built already: only a sum or aid makes it a pledge) and for a clause describing a noun
    (its dates are no deadline). Not the French tagger's Tense=Past on a finite verb: it also
    marks presents like « inclut »."""
    if verb.tag_ == "VBD" or "Imp" in verb.morph.get("Tense"):
        return True
    return any(a.dep_ in ("aux", "aux:tense") and a.lemma_.lower() in ("avoir", "have") and a.tag_ != "MD"
               for a in verb.children)


def cancels_plan(tok: Token, lex: Lexicon) -> bool:
    """The cue announces that a plan is dropped ("announced the withdrawal of its initiative",
    "a décidé de retirer le projet"): follow-up evidence, not a new commitment."""
    cancel, plans = lex.words["cancel_verbs"], lex.words["plan_nouns"]
    verbs = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB"]
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma in cancel and any(o.lemma_.lower() in plans for o in _objs(v)):
            return True
        for o in _objs(v):
            if o.lemma_.lower() in cancel and any(g.lemma_.lower() in plans for g in _objs(o)):
                return True
    return False


def antecedent(tok: Token) -> Token | None:
    """The noun a relative or participle clause hangs on ("JICA, which will ...")."""
    cur = tok
    for _ in range(4):
        dep = cur.dep_.split(":")[0]
        if dep in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return None if _own_subject(cur) else cur.head
        if dep in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


_OF_WORDS = frozenset({"de", "du", "des", "d'", "d’"})


def of_complement(tok: Token) -> bool:
    """A French noun complement opened by "de" ("l'aide de la Chine", "les engagements du Japon")."""
    return any(k.dep_ == "case" and k.lower_ in _OF_WORDS for k in tok.children)


def core_ranges(head: Token) -> list[tuple[int, int]]:
    """Where a party may be named in a noun phrase for it to be the doer: the name itself
    (a proper name, whole), a possessor ("the fund's call"), an apposition or an "of/de"
    complement — not a modifier inside a name ("the Tokyo International Conference")."""
    if head.pos_ == "PROPN":
        toks = [t for t in head.subtree if t.dep_ in ("compound", "flat", "flat:name") or t.i == head.i]
        toks += [t for t in head.subtree if t.pos_ == "PROPN" and t.head.i == head.i and t.dep_ != "appos"]
        lo, hi = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        ranges = [(lo, hi)]
    else:
        ranges = [(head.idx, head.idx + len(head))]
    for c in head.children:
        dep = c.dep_.split(":")[0]
        if dep in ("poss", "appos") or (dep == "nmod" and of_complement(c)) or (dep == "prep" and c.lower_ in ("of",)):
            sub = list(c.subtree)
            ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return ranges


def acting_verb(hit: Hit) -> Token | None:
    """The verb of the pledged act: "promet de continuer à accompagner" -> accompagner,
    "pledged to build" -> build, "will build" -> build."""
    verb = hit.verb or hit.token
    if verb is None:
        return None
    for step in range(4):
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not nxt:
            nxt = _act_of_will_noun(verb)
        if not nxt and step == 0:
            nxt = _act_after_incise(verb)
        if not nxt:
            break
        verb = nxt[0]
    return verb


_INF_MARKS = frozenset({"de", "d'", "d’", "to"})


def _act_after_incise(verb: Token) -> list[Token]:
    """ "avait promis, lors d'un sommet qu'il avait accueilli à Paris, de se rendre au Ghana": an
    incise between the pledge verb and its infinitive lets the parser hang the infinitive on
    the incise's own verb. The first infinitive marked "de"/"to" right after the incise's
    closing comma is the act, when the pledge verb itself governs none."""
    if any(c.dep_.split(":")[0] in ("obj", "dobj", "ccomp", "xcomp", "advcl") for c in verb.children):
        return []  # the verb governs its own complement ("announced that ...")
    sent = verb.sent
    seen_comma = False
    for tok in sent[verb.i - sent.start + 1:]:
        if tok.is_punct and tok.text in ",;" and tok.i > verb.i + 1:
            seen_comma = True
            continue
        if tok.text in ".;:!?":
            break
        if not seen_comma or tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm"):
            continue
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark" or c.dep_ == "aux"}
        before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        prev = tok.doc[tok.i - 2].lower_ if tok.i > 1 else ""
        if (marks & _INF_MARKS or before in _INF_MARKS or (before in ("se", "s'", "s’") and prev in _INF_MARKS)) \
                and tok.head is not verb and any(a.is_punct and a.text == "," for a in sent if verb.i < a.i < tok.i):
            return [tok]
        return []  # the first infinitive after the incise is the only candidate
    return []


def _act_of_will_noun(verb: Token) -> list[Token]:
    """ "a exprimé sa volonté de financer", "announced its intention to visit": the act is the
    verb the noun of will governs, not the declaring verb."""
    from suivi.extract.cues import get_lexicon

    nouns = get_lexicon(verb.doc.lang_).words.get("will_nouns", frozenset())
    for obj in verb.children:
        if obj.dep_ in ("obj", "dobj") and obj.lemma_.lower() in nouns:
            acts = [c for c in obj.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and c.i > obj.i]
            if acts:
                return acts
    return []


def act_range(hit: Hit, lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of the acting verb's phrase (its subtree) inside [lo, hi)."""
    verb = acting_verb(hit)
    if verb is None:
        return None
    toks = [t for t in verb.subtree if lo <= t.idx < hi]
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


_PURPOSE = {"pour", "afin", "to", "so", "in order"}


def purpose_clause(tok: Token) -> bool:
    """An adverbial clause of purpose ("pour conclure le sommet", "to help reduce"): it says
    why, not what is pledged."""
    if tok.dep_.split(":")[0] != "advcl":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "aux") or c.dep_.startswith("mark")}
    return bool(marks & _PURPOSE)


def indirect_question(tok: Token, interrogatives: frozenset[str], question_marks: frozenset[str] = frozenset()) -> bool:
    """The cue's clause is the complement of a verb and opens with an interrogative word, on
    its verbs or their object ("did not say which nations he plans to visit", "when he would
    make the trip", "a expliqué comment la France financerait"): a question reported, not a
    pledge. A relative clause ("Kenya, where Japan will build a port") is not one. Whatever the
    clause's place in the parse, one opened by a question mark (data: question_marks, "si")
    with its verb in the future or the conditional is a question too."""
    if not interrogatives:
        return False
    chain = [tok]
    while (chain[-1].dep_.split(":")[0] in ("xcomp", "conj", "dep") and chain[-1].head.i != chain[-1].i
           and chain[-1].head.pos_ in ("VERB", "AUX", "ADJ")):
        chain.append(chain[-1].head)
    # "consensus on who will pay and where the fund will be located": a question may be the
    # complement of a preposition too
    if chain[-1].dep_.split(":")[0] not in ("ccomp", "pcomp"):
        # "n'a pas dit si elle versera": a condition never takes the future or the conditional
        # ("si les fonds arrivent"), a question does -- whatever the parser made of the clause
        tense = tok.morph.get("Tense") + tok.morph.get("Mood")
        return ("Fut" in tense or "Cnd" in tense) and any(
            c.dep_ == "mark" and c.lower_ in question_marks for c in tok.children)
    verbs = chain + [x for v in chain for x in v.children if x.dep_.split(":")[0] == "xcomp"]  # "plans to visit"
    for verb in verbs:
        for c in verb.children:
            if c.i > verb.i:
                continue
            if c.lower_ in interrogatives or any(g.dep_ == "det" and g.lower_ in interrogatives for g in c.children):
                return True
    return False


NE = frozenset({"ne", "n'", "n’"})
"""French's first negation word, beside the lexicon's second (« ne ... pas »)."""


def lets_lapse(tok: Token, lex: Lexicon, ahead: bool) -> bool:
    """A refusal to renew an agreement, told ahead ("the EU will not renew the fishing
    agreement", « l'UE ne renouvellera pas cet accord », "the agreement will not be renewed"; data:
    lapse_verbs, agreement_nouns): a decision its party announces, a pledge of its own, where
    other negated acts pledge nothing."""
    if not ahead or tok.lemma_.lower() not in lex.words.get("lapse_verbs", ()):
        return False
    agreements = lex.words.get("agreement_nouns", frozenset())
    return any(c.lemma_.lower() in agreements or c.lower_ in agreements
               for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass"))
