"""English commitment cues, read on spaCy's parse (en_core_web_sm: tagger, parser, lemmas).

The same grammar as French, in English clothes: a pledge verb whatever its tense ("pledged
to", "had promised to", "vows $2 billion"), a future ("will build", "will be held"), a
reported conditional ("said Japan would provide"), a schedule ("is to host", "is set to",
"is due to", a headline "JICA to designate"), a noun of will carried by a verb or a copula
("reaffirmed its commitment to deliver", "a decision to leave"), and establishing verbs with
an institution ("sets up a committee"). What counts is data
(data/cues/commitments.en.yaml: verb_cues, will_nouns, scheduled_words, ...); rejections
are grammatical: negation ("not", "no plans"), a governing demand, speculation or
opinion ("urged Japan to", "could", "expected to"), a pledge verb that only refers back to
an earlier pledge ("the $749 million that countries pledged"), a cue inside another
clause's subject.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from suivi.extract.cues import Lexicon, VerbCue
from suivi.extract.deadlines import states_when
from suivi.extract.hits import (
    AWAITED,
    INSTALMENT,
    READY,
    STAYING,
    SUM_TO_COME,
    Hit,
    agreed_meeting,
    cancels_plan,
    children,
    in_relative,
    indirect_question,
    inside_subject,
    lets_lapse,
    mark_milestones,
    merge_nested,
    named_work,
    opened_by,
    party_relative,
    passive_doer,
    purpose_clause,
    reported,
    stated_contents,
    subject_range,
)
from suivi.extract.quantities import states_sum
from suivi.read.nlp import doc_text

_FUTURE = {"will", "shall", "'ll", "’ll", "wo"}
_CONDITIONAL = {"would", "'d", "’d"}


def _lemma(tok: Token) -> str:
    """The token's lemma; "find" with an object that settles a matter ("have decided to find a
    resolution to existing claims", "will find a solution") reads as "settle", an act, where a bare
    "find" is not one (data: settling_objects)."""
    lemma = tok.lemma_.lower()
    if lemma == "find" and any(c.dep_ == "dobj" and c.lemma_.lower() in _settling_objects() for c in tok.children):
        return "settle"
    return lemma


def _settling_objects() -> frozenset[str]:
    from suivi.extract.cues import get_lexicon  # the lexicon is loaded once and cached

    return get_lexicon("en").words.get("settling_objects", frozenset())


def _passive_infinitive(tok: Token) -> bool:
    """A passive infinitive under a participle ("expected to be completed"): "to" and "be" hang on it."""
    return (tok.dep_ == "xcomp" and tok.tag_ == "VBN" and any(a.lower_ == "to" for a in children(tok, "aux"))
            and any(_lemma(a) == "be" for a in children(tok, "auxpass")))


def _to_form(tok: Token) -> bool:
    """A base form after "to": tagged VB, or a verb the small model took for a noun though the
    parse hangs "to" on it as its auxiliary ("is slated to commence" tagged NN)."""
    if tok.tag_ == "VB":
        return True
    return tok.dep_ == "xcomp" and tok.pos_ == "NOUN" and any(
        a.lower_ == "to" and a.dep_ == "aux" and a.i == tok.i - 1 for a in tok.children)


def _infinitive(tok: Token) -> Token | None:
    """The verb a cue governs: "pledged to build", "committed to delivering", "plans to"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.tag_ in ("VB", "VBG"):
            if c.dep_ == "advcl" and c.i < tok.i:
                continue
            if c.dep_ == "advcl" and c.tag_ == "VBG" and any(t.text == "," for t in tok.doc[tok.i + 1:c.i]):
                continue  # "pledged $4.6 billion, remaining its largest donor": an aside, not the act
            if c.tag_ == "VB" and not any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                continue
            return c
        if c.dep_ == "acl" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    return g
    return None


def _objects(tok: Token) -> list[Token]:
    """Direct objects and the nouns of "on/for/to/of" complements ("agreed on a plan")."""
    objs = children(tok, "dobj", "attr", "oprd", "nsubjpass")
    for prep in children(tok, "prep", "dative"):
        if prep.lower_ in ("on", "for", "to", "of", "upon"):
            objs += children(prep, "pobj")
    return objs


def _deal_for_acts(obj: Token, lex: Lexicon) -> bool:
    """A deal signed for acts: "signed a Memorandum of Understanding with AGL for the design,
    construction and operation of three new berths" (data: agreement_nouns, works_nouns; not "for
    closer cooperation"); the parser may hang "for" anywhere in the object's phrase."""
    deals = lex.words.get("agreement_nouns", frozenset())
    if _lemma(obj) not in deals and obj.lower_ not in deals:
        return False
    acts = lex.words.get("works_nouns", frozenset())
    for prep in obj.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for noun in children(prep, "pobj"):
                if any(_lemma(n) in acts or n.lower_ in acts for n in [noun, *children(noun, "conj")]):
                    return True
    return False


def _money(tok: Token) -> bool:
    """A sum of money as object ("pledged $30 billion", "offers 40 million euros")."""
    sub = [t for t in tok.subtree]
    return tok.ent_type_ == "MONEY" or any(t.tag_ == "$" or t.ent_type_ == "MONEY" for t in sub[:6])


def _will_noun(tok: Token, lex: Lexicon) -> Token | None:
    """An object that is a noun of will with its action: "its commitment to deliver"."""
    for o in _objects(tok):
        if _lemma(o) in lex.words["will_nouns"] and not _no_det(o):
            return o
    return None


def _will_act(noun: Token) -> bool:
    """The noun of will names its act: "commitment to develop", "commitment to developing"."""
    if any(c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" for c in noun.children):
        return True
    return any(p.lower_ == "to" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children)
               for p in children(noun, "prep"))


def _no_det(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _negated(tok: Token, lex: Lexicon) -> bool:
    negs = lex.words.get("negations", frozenset())
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in negs) for c in tok.children):
        return not lets_lapse(tok, lex, _modal(tok) in ("future", "conditional"))
    # "offers no loans", and in the passive "no concessional loans were offered"
    return any(_no_det(o) for o in children(tok, "dobj", "nsubjpass"))


def _modal(tok: Token) -> str | None:
    """'future', 'conditional' or the speculative modal's lemma, from the auxiliaries."""
    for c in tok.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            word = c.lower_
            if word in _FUTURE:
                return "future"
            if word in _CONDITIONAL:
                return "conditional"
            return c.lemma_.lower()
    return None


def _dated_clause(verb: Token) -> bool:
    """The verb's own clause states a date or a deadline ("should be operational by next spring",
    "should open in 2026"), as French « devrait » with a date."""
    toks = sorted(verb.subtree, key=lambda t: t.i)
    return states_when(doc_text(verb.doc)[toks[0].idx: toks[-1].idx + len(toks[-1])], "en")


def _chain(tok: Token) -> list[Token]:
    """The cue and the verbs it is the complement of, up to the clause head
    ("Japan has pledged to build": build -> pledged)."""
    out = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "conj", "dep") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX", "ADJ"):
        if cur.dep_ == "conj" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in cur.children):
            break  # "does not have the money and will issue bonds": a clause with its own modal
        cur = cur.head
        out.append(cur)
    return out


def _blocked(tok: Token, lex: Lexicon) -> bool:
    """Negation, a speculative modal, a governing demand/speculation/opinion, or a statement
    denied ("was not saying that ...")."""
    blocked = lex.words["demand_verbs"] | lex.words["speculation_verbs"] | lex.words["evaluation_verbs"]
    questions = lex.words.get("question_marks", frozenset())
    for clause in (tok, *_governors(tok, lex)[:2]):
        if any(c.dep_ == "mark" and c.lower_ in questions for c in clause.children):
            return True  # "a question mark whether the country will be able to": asked, not pledged
    if indirect_question(tok, lex.words.get("interrogatives", frozenset()),
                         lex.words.get("question_marks", frozenset())):
        return True
    for verb in _chain(tok):
        if _negated(verb, lex):
            return True
        modal = _modal(verb)
        if modal and modal not in ("future", "conditional") and modal in lex.words["speculation_verbs"] and not (
                modal in lex.words.get("dated_modals", ()) and _dated_clause(verb)):
            return True
    reporting = lex.words["reporting_verbs"]
    return any(
        anc.pos_ in ("VERB", "AUX", "ADJ") and anc.i != tok.i and (
            _lemma(anc) in blocked
            # "the President was not saying that in 15 months the project will be completed"
            or (_lemma(anc) in reporting and _negated(anc, lex)))
        for anc in _ruling(tok, _governors(tok, lex))
    )


def _ruling(tok: Token, governors: list[Token]) -> list[Token]:
    """The governors that rule over `tok`, without the verbs a clause on the way is only
    coordinated with: in "welcomed the progress and assured that Riyadh is prepared to release
    the funds", "welcomed" is beside "assured", not above it (what governs both still rules)."""
    out: list[Token] = []
    cur = tok
    for anc in governors:
        if not (cur.dep_ == "conj" and anc.i == cur.head.i):
            out.append(anc)
        cur = anc
    return out


def _governors(tok: Token, lex: Lexicon) -> list[Token]:
    """The tokens above `tok` whose modality reaches it: up to a participial adjunct that
    is an act of its own (not a reporting verb: "..., noting it will" reports what was said).

    Why stop there: "India sought to recharge its ties, announcing ... while offering a credit
    of $10 billion" - the offer is what India did beside seeking, not what it sought; "seek"
    governs only its own complement."""
    out: list[Token] = []
    cur = tok
    reporting = lex.words["reporting_verbs"]
    while cur.head.i != cur.i:
        if cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.i > cur.head.i and (
                _lemma(cur) not in reporting or _pledging(cur, lex)):
            break  # "welcomed the deal, promising to build a port": a pledge beside the welcome
        if party_relative(cur):
            break  # "is expected to be led by Kenya, which has pledged ...": Kenya's own statement
        if _contents_relative(cur):
            break  # "examining the agreement in which Norway promised ...": what the deal holds
        cur = cur.head
        out.append(cur)
    return out


def _contents_relative(tok: Token) -> bool:
    """A relative clause with its own subject, opened by "in which", "under which" or
    "whereby", on a noun: "the agreement in which Norway promised to build clinics" states what
    the agreement holds; the verb above the noun ("examining the agreement") does not rule it,
    and it refers back to no pledged thing."""
    return tok.dep_ == "relcl" and bool(children(tok, "nsubj")) and (
        any(c.lower_ == "whereby" for c in tok.children)
        or any(o.lower_ in ("which", "whom") for p in children(tok, "prep") for o in children(p, "pobj")))


def _pledging(tok: Token, lex: Lexicon) -> bool:
    """A pledge verb with the act it pledges ("promising to build"): a statement of its own,
    though "promise" also reports what was said."""
    cue = lex.verb_cues.get(_lemma(tok))
    return cue is not None and cue.modality == "promise" and _infinitive(tok) is not None


def _back_reference(tok: Token, lex: Lexicon) -> bool:
    """A pledge verb as a past participle or relative clause on a noun refers back to an
    earlier pledge: "the $749 million that countries pledged", "the aid promised in May"."""
    if tok.tag_ not in ("VBD", "VBN"):
        return False
    if tok.dep_ == "relcl" and any(c.lower_ in ("which", "who") for c in children(tok, "nsubj")):
        return False  # the party itself pledging: "Kenya, which has pledged to deploy 1,000 officers"
    if tok.dep_ == "relcl" and _lemma(tok) in lex.words.get("announcing_verbs", ()) and children(tok, "nsubj") and any(
            c.lower_ in ("where", "when") for c in children(tok, "advmod")):
        # "her visit in February, where the President announced the mobilisation of EUR 210
        # million": a pledge told of the visit ("the talks in Baku, where the two signed
        # agreements" recalls a deal, as before)
        return False
    if _contents_relative(tok):
        return False  # "the agreement in which Norway promised to build clinics": what the deal holds
    if tok.dep_ in ("relcl", "acl", "amod"):
        return not any(c.lower_ in _FUTURE for c in tok.children if c.dep_ == "aux")
    if tok.dep_ == "acomp" and _lemma(tok.head) == "be":
        return False  # a predicate after "be": "China is committed to furthering ..."
    if tok.tag_ == "VBN" and tok.dep_ != "ROOT" and not children(tok, "aux", "auxpass"):
        return True  # a bare participle: "Turkish drones promised in March"
    # a parse slip: "the 90 million pledged to Ghana" read as a clause with no subject of its own
    return tok.dep_ == "advcl" and not children(tok, "nsubj", "nsubjpass", "aux", "auxpass")


def _restates(tok: Token, lex: Lexicon) -> bool:
    auxes = lex.words.get("restate_auxiliaries", frozenset())
    return any(c.dep_ == "aux" and c.lower_ in auxes for c in tok.children)


def _past_background(tok: Token, lex: Lexicon) -> bool:
    """An announcement in a past temporal clause: "a year after Moscow announced the facility"."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("advcl", "pcomp") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in lex.words["background_markers"] for c in cur.children
        ):
            return True
        if cur.dep_ == "pcomp" and cur.head.lower_ in lex.words["background_markers"]:
            return True
        if cur.dep_ in ("advcl",) and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return tok.dep_ in ("advcl", "pcomp") and any(c.lower_ in lex.words["background_markers"] for c in tok.children)


def _set_aside(tok: Token, objs: list[Token], lex: Lexicon) -> bool:
    """Money already committed in the perfect ("we have already committed $5 billion towards
    these investments"): what was done for an earlier pledge, not a pledge of its own."""
    words = lex.words
    if _lemma(tok) not in words.get("set_aside_verbs", ()) or not any(_money(o) for o in objs):
        return False
    kids = list(tok.children)
    return (any(c.dep_ == "advmod" and c.lower_ in words.get("set_aside_markers", ()) for c in kids)
            and any(c.dep_ == "aux" and c.lower_ in words.get("set_aside_auxiliaries", ()) for c in kids))


def _hit(tok: Token, bounds: tuple[int, int], cue: str, modality: str, confidence: float, **kw) -> Hit:
    lo, hi = bounds
    subject_tok = kw.pop("subject_of", tok)
    hit = Hit(tok, cue, modality, confidence, tok.idx, tok.idx + len(tok), subject_range(subject_tok, lo, hi), **kw)
    hit.relative = in_relative(subject_tok)
    hit.doer = passive_doer(subject_tok)
    return hit


def _verb_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    cue: VerbCue | None = lex.verb_cues.get(_lemma(tok))
    if cue is None or tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if tok.pos_ == "ADJ" and _lemma(tok) not in ("committed",) and tok.lower_ != "committed":
        return None
    if _back_reference(tok, lex):
        return None
    if cue.modality == "intention" and children(tok, "auxpass"):
        return None  # "the fund is intended to help countries": what a thing is for, nobody's aim
    inf = _infinitive(tok)
    objs = _objects(tok)
    action_nouns, talk = lex.words["action_nouns"], lex.words["talk_verbs"]
    has_action = any(_lemma(o) in action_nouns or o.lower_ in action_nouns or _money(o) for o in objs)
    if not has_action and cue.lemma in lex.words.get("signing_verbs", ()):
        has_action = any(_deal_for_acts(o, lex) for o in objs)
    if not has_action and cue.lemma in lex.words["decision_verbs"]:
        has_action = agreed_meeting(objs, lex)  # "both sides agreed to technical talks"
    will = _will_noun(tok, lex)
    # "announced $2.5 billion in assistance to address food insecurity": the sum is the act, the
    # infinitive its purpose
    own_money = any(_money(o) for o in children(tok, "dobj"))
    if (inf is not None and _lemma(inf) in talk and not own_money
            and not (has_action and _lemma(inf) in lex.words["light_verbs"])):
        return None  # "plans to attend a session": attending is no pledge
    ok = {
        "any": True,
        "infinitive": inf is not None,
        "action": has_action,
        "action_or_infinitive": has_action or inf is not None,
        "will": will is not None,
        "action_or_will": has_action or will is not None,
        "infinitive_or_goal": inf is not None,
        # "the partners target first gas in the third quarter of 2023": a dated first output
        "dated_milestone": any(_lemma(o) in lex.words.get("milestone_nouns", ()) for o in objs) and _dated_clause(tok),
    }[cue.needs]
    if not ok:
        return None
    if cue.lemma in lex.words.get("actor_subject_verbs", ()) and not _actor_subject(tok, lex):
        return None  # "the project hopes to attract investors": a wish said of a thing
    if cue.lemma in lex.words.get("will_act_verbs", ()) and (will is None or not _will_act(will)):
        return None  # "this reflects our commitment to peace": a will with no act
    if cue.lemma in lex.words.get("will_act_verbs", ()) and any(
            o.lower_ not in lex.words.get("will_act_owners", ()) for o in children(will, "poss")):
        return None  # "this funding demonstrates the EU's commitment to supporting": a reading of a will
    if cue.lemma in lex.words.get("order_verbs", ()) and not (_actor_subject(tok, lex) or any(
            s.lower_ in ("i", "we", "he", "she") for s in children(tok, "nsubj"))):
        return None  # "the report tasked the agency to review": a thing orders nobody
    if cue.needs in ("action", "action_or_will") and inf is None and _past_background(tok, lex):
        return None
    if (cue.lemma in lex.words.get("purpose_verbs", ()) and tok.tag_ in ("VBD", "VBN") and children(tok, "nsubj")
            and not children(tok, "aux", "auxpass") and not reported(tok, lex)):
        return None  # "the DFC aimed to combat China's influence": what it was for, background
    if cue.lemma in lex.words.get("deal_verbs", ()) and not any(
            _lemma(o) in lex.words.get("contents_subjects", ()) for o in children(tok, "dobj")):
        return None  # "reached 5 million people": no deal
    if cue.lemma in lex.words.get("signing_verbs", ()) and not _states_content(tok, lex):
        return None
    if cue.lemma in lex.words.get("approval_verbs", ()) and not any(
            _lemma(o) in lex.words.get("approved_things", ()) or any(  # "a credit line": its compound says
                _lemma(c) in lex.words.get("approved_things", ()) for c in children(o, "compound"))
            for o in objs):
        return None  # "approved a $600 million disbursement", "approved the deal": a step, not a loan
    if cue.lemma in lex.words.get("money_only_verbs", ()) and not own_money:
        return None  # "launched the construction": progress; "launch a $5.5 billion package": a sum put up
    if inf is None and _set_aside(tok, objs, lex):
        return None
    if _modal(tok) == "conditional" and not reported(tok, lex):
        return None
    verb = inf
    if verb is None and will is not None:
        verb = _infinitive(will)
    subject = tok.head if tok.dep_ == "acomp" else tok  # "China is committed to": the subject sits on "is"
    hit = _hit(tok, bounds, cue.lemma, cue.modality, 0.8, restates=_restates(tok, lex), verb=verb,
               subject_of=subject)
    owner = children(will, "poss") if will is not None and cue.lemma in lex.words.get("will_act_verbs", ()) else []
    if owner:
        # "this investment underscores our commitment to developing": the will is its owner's
        hit.subject = (owner[0].left_edge.idx, owner[0].right_edge.idx + len(owner[0].right_edge))
    return hit


def _thing_subject(tok: Token, lex: Lexicon) -> bool:
    """The subject is a thing: a common noun that names no party (not "the government", not a
    name), nor a pronoun standing for one."""
    subjects = children(tok, "nsubj", "nsubjpass")
    facilities = lex.words.get("facility_nouns", frozenset())
    if subjects and all(named_work(s, facilities) for s in subjects):
        return True  # "The Nigeria-Morocco Gas Pipeline (NMGP) will reduce gas flaring"
    return bool(subjects) and not _actor_subject(tok, lex) and all(
        s.pos_ == "NOUN" or (s.pos_ == "PRON" and s.lower_ in ("it", "its")) for s in subjects)


def _party_nouns(lex: Lexicon, *more: str) -> set[str]:
    """Common nouns that stand for a party (data: generic_org_nouns, generic_state_nouns,
    actor_nouns, and the lists named in `more`)."""
    return {w.lower() for key in ("generic_org_nouns", "generic_state_nouns", "actor_nouns", *more)
            for w in lex.words.get(key, ())}


def _actor_subject(tok: Token, lex: Lexicon) -> bool:
    """The subject is a party: a name, or a noun of one ("the government", "the operator",
    data: generic_org_nouns, generic_state_nouns, actor_nouns), or people it sends (data:
    personnel_nouns); not a thing, nor a pronoun."""
    nouns = _party_nouns(lex)
    # people a party sends ("the forces will support efforts to restore ..."), not its works
    sent = lex.words.get("personnel_nouns", frozenset()) - lex.words.get("facility_nouns", frozenset())
    # a name the small model mis-tags ("Zambia hopes": Zambia as a verb) is still an entity
    return any(subj.pos_ == "PROPN" or subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
               or _lemma(subj) in nouns or subj.lower_ in nouns or subj.lower_ in sent
               for subj in children(tok, "nsubj"))


def _readiness_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"is prepared to carry out", "is ready to assist": readiness stated after "be", with the
    act it announces (data: readiness_words)."""
    copulas = {"be"} | set(lex.words["readiness_copulas"])  # "stands ready to", "remains ready to"
    # "we will be able to ensure free supplies": ability stated for the future is a readiness
    # too; "is able to" now is a description of what a party can do
    future_only = tok.lower_ in lex.words.get("future_readiness_words", ())
    if not (future_only or tok.lower_ in lex.words.get("readiness_words", ())) or tok.dep_ not in ("acomp", "oprd") or (
        _lemma(tok.head) not in copulas
    ):
        return None
    if future_only and _modal(tok.head) not in ("future", "conditional"):
        return None
    inf = _infinitive(tok)
    if inf is None or _lemma(inf) in lex.words["talk_verbs"] or _negated(tok.head, lex):
        return None
    if _modal(tok.head) == "conditional" and not reported(tok.head, lex):
        return None
    return _hit(tok, bounds, f"{tok.lower_} to", "intention", 0.7, verb=inf, subject_of=tok.head)


def _engaged_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"ABB has been selected to supply substation equipment", "the firm was awarded a contract to
    build the section", "GEA has been entrusted with delivering the plant": a party engaged for
    a task (data: engaged_participles) takes it on; the act is the task's verb, the doer the
    passive's subject (whoever engaged it, after "by", is not the one who acts)."""
    if tok.tag_ != "VBN" or _lemma(tok) not in lex.words.get("engaged_participles", ()) or not children(tok, "auxpass"):
        return None
    if not any((t.pos_ == "PROPN" or t.ent_type_ == "ORG") and t.ent_type_ not in ("GPE", "LOC", "FAC")
               for s in children(tok, "nsubjpass") for t in s.subtree):
        return None  # "a site was chosen to host the plant", "Dodoma was chosen to host": a place, not a firm
    nouns = lex.words.get("engagement_nouns", frozenset())
    act = next((c for c in children(tok, "xcomp", "advcl") if _to_form(c) and any(
        a.lower_ == "to" for a in children(c, "aux"))), None)
    if act is None:  # "was awarded a contract to build"
        act = next((c for o in children(tok, "dobj") if _lemma(o) in nouns for c in children(o, "acl", "relcl")
                    if _to_form(c)), None)
    if act is None:  # "entrusted with delivering"
        act = next((c for p in children(tok, "prep") if p.lower_ == "with" for c in children(p, "pcomp")
                    if c.tag_ == "VBG"), None)
    if act is None or _lemma(act) in lex.words["talk_verbs"] or _negated(tok, lex):
        return None
    hit = _hit(tok, bounds, f"{tok.lower_} to", "plan", 0.65, verb=act, party_subject=True)
    hit.doer = None  # "selected by Ghana": the one who chose does not act
    return hit


_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)", re.IGNORECASE)


def _liability_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"Egypt's Housing Ministry is responsible for the remaining 15 percent of costs": a party
    said to bear a share or a sum of a cost (data: liability_words) pledges to pay it; "is
    responsible for security" names a duty, no payment."""
    if tok.lower_ not in lex.words.get("liability_words", ()) or tok.dep_ != "acomp" or _lemma(tok.head) != "be":
        return None
    for prep in children(tok, "prep"):
        if prep.lower_ != "for":
            continue
        for obj in children(prep, "pobj"):
            phrase = obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text
            if (_SHARE.search(phrase) or states_sum(phrase)) and not _negated(tok.head, lex):
                return _hit(tok, bounds, f"{tok.lower_} for", "plan", 0.6, subject_of=tok.head)
    return None


def _states_content(tok: Token, lex: Lexicon) -> bool:
    """A signing counts when the text says what the signed text does: "an agreement that
    extends ...", "a deal to build ...", in a present-tense headline ("signs a deal"), or when
    the text is a loan or a grant (data: money_agreement_words)."""
    if tok.tag_ == "VBZ" and not children(tok, "aux"):
        return True
    money = lex.words["money_agreement_words"]
    if any(_lemma(c) in money for o in children(tok, "dobj") for c in o.children
           if c.dep_ in ("compound", "amod", "nmod")):
        return True  # "signed 14 loan agreements": a loan's content is the money lent
    if any(states_sum(doc_text(tok.doc)[o.left_edge.idx:o.right_edge.idx + len(o.right_edge)])
           for o in children(tok, "dobj")):
        return True  # "an agreement worth 500 million euros", "with investments of up to 3.5 billion euros"
    if any(_deal_for_acts(o, lex) for o in children(tok, "dobj")):
        return True  # "signed a memorandum with AGL for the design, construction and operation of berths"
    for o in children(tok, "dobj"):
        for c in o.children:
            if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB":
                return True
            if c.dep_ == "advcl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in children(c, "aux")):
                return True  # "signed an agreement for Russia to build the plant"
    if any(c.dep_ == "advcl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in children(c, "aux"))
           and any(m.lower_ == "for" for m in children(c, "mark")) for c in tok.children):
        return True  # "signed an agreement in 2015 for Russia to build ...": the parser hangs it on the verb
    # "has signed a deal to hand the islands to Mauritius": the parser hangs the deal's purpose
    # on the verb; right after the deal, not after whom it was signed with ("signed an agreement
    # with the minister of X, to enhance our cooperation")
    objs = [o for o in children(tok, "dobj") if _lemma(o) in lex.words.get("contents_subjects", ())]
    if any(
        c.dep_ == "advcl" and c.tag_ == "VB" and any(a.lower_ == "to" and a.i in _right_after_deal(o, tok)
                                                     for a in children(c, "aux"))
        for o in objs for c in tok.children
    ):
        return True
    # "signed concession agreements with the governments of X and Y for the financing and
    # construction of the line": what the agreements are for, wherever the parser hung "for"
    acts = lex.words["action_nouns"] - lex.words.get("vague_purpose_nouns", frozenset())
    return any(t.lower_ == "for" and t.i > o.i and any(_lemma(p) in acts for p in children(t, "pobj"))
               for o in objs for t in tok.subtree)


def _right_after_deal(deal: Token, verb: Token) -> set[int]:
    """Where a purpose infinitive may start to be the deal's own: right after it, or right after
    whom it was signed with and when, with no comma between ("signed a new deal with Rwanda to
    build a hospital", "signed an agreement with Egypt on Friday to invest"; not "signed an
    agreement with the minister of X, to enhance our cooperation")."""
    spots = {deal.i + 1}
    doc = deal.doc
    for prep in children(deal, "prep") + children(verb, "prep"):
        if prep.lower_ != "with" or prep.i != deal.i + 1:
            continue
        end = prep.right_edge.i
        if any(t.is_punct for t in doc[prep.i:end + 1]):
            continue
        spots.add(end + 1)
        when = doc[end + 1] if end + 1 < len(doc) else None
        if when is not None and when.dep_ in ("prep", "npadvmod"):
            dated = [t for t in when.subtree if t.dep_ != "prep"]  # "on Friday", "Friday"
            if dated and all(t.ent_type_ in ("DATE", "TIME") for t in dated):
                spots.add(when.right_edge.i + 1)
    return spots


def _instalment_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The first tranche will be $5 billion", "the remaining payments would be $10 million a
    year" (reported): a payment of a schedule (data: instalment_nouns) told by its sum, in the
    future; the giver's, who pays it."""
    if _lemma(tok) != "be" or _modal(tok) is None:
        return None
    if _modal(tok) == "conditional" and not reported(tok, lex):
        return None
    nouns = lex.words.get("instalment_nouns", frozenset())
    if not any(_lemma(s) in nouns for s in children(tok, "nsubj")):
        return None
    if not any(_money(a) for a in children(tok, "attr")):
        return None
    word = next(c.text for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD")
    return _hit(tok, bounds, INSTALMENT, "plan", 0.6) if word else None


def _modal_noun(tok: Token) -> bool:
    """A verb the model tagged as a noun, with a modal and a subject of its own: "Buhari will in
    January 2021 commission the railway" (a date between "will" and the verb misleads it)."""
    return (tok.pos_ == "NOUN" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
            and any(c.dep_ == "nsubj" for c in tok.children))


def _future_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"will build", "will be held", a reported "would provide"."""
    if tok.pos_ not in ("VERB", "AUX") and not _modal_noun(tok):
        return None
    modal = _modal(tok)
    if modal in lex.words.get("dated_modals", ()) and _dated_clause(tok):
        modal = "future"  # "the centres should be operational by next spring": a schedule, not a guess
    if modal not in ("future", "conditional"):
        return None
    lemma = _lemma(tok)
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if lemma == "be" and any(c.dep_ == "expl" for c in tok.children):
        return _there_will_be(tok, lex, bounds, modal)
    if lemma == "be" and any(_lemma(a) in lex.words.get("working_states", ()) for a in children(tok, "acomp")):
        # "the centres should be operational by next spring", "the line will be ready in 2027": a
        # work in working order by a date is its owners' schedule; undated, a description
        return _hit(tok, bounds, READY, "plan", 0.6, event=True) if _dated_clause(tok) else None
    route = lemma in lex.words.get("route_verbs", ()) or (
        lemma in lex.words.get("path_verbs", ()) and _along_places(tok) and any(
            _names_a_work(s, lex.words.get("facility_nouns", frozenset())) for s in children(tok, "nsubj")))
    if route and not _done_by_someone(tok, passive, lex) and _thing_subject(tok, lex):
        # "the pipeline will originate from Brass Island", "it will be connected to the grid": a work
        # described; "the project will be supported through a collaboration between two funds": an act
        return None
    if lemma == "have" and modal == "future":
        # "in return, Tunisia will have to secure the borders": an obligation taken under the
        # deal, its subject's (as "devra assurer"); the act is the infinitive
        act = next((c for c in children(tok, "xcomp") if c.tag_ == "VB" and any(
            a.lower_ == "to" for a in children(c, "aux"))), None)
        if act is None or _lemma(act) in lex.words["non_commitment_lemmas"] | lex.words["talk_verbs"]:
            return None
        hit = _hit(tok, bounds, f"will have to {act.lower_}", "plan", 0.65)
        hit.verb = act
        return hit
    if passive:
        if lemma in lex.words["passive_exclusions"]:
            return None
    elif _plan_outcome(tok, lex):
        # "the scheme will see migrants deported to Rwanda": what an agreement provides for,
        # its parties' pledge (event: the parties named in the sentence)
        word = next(c.text for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD")
        return _hit(tok, bounds, f"{word.lower()} {tok.lower_}", "plan", 0.65, event=True)
    elif _money_from(tok, lex):
        pass  # "around 3 billion will come from the Italian climate fund": a sum provided
    elif lemma in lex.words.get("staying_verbs", ()) and any(
            _lemma(t) in lex.words.get("personnel_nouns", ()) or t.lower_ in lex.words.get("personnel_nouns", ())
            for s in children(tok, "nsubj") for t in s.subtree):
        pass  # "a detachment of about 80 soldiers will remain for training": a presence kept
    elif lemma in lex.words["non_commitment_lemmas"] or lemma in lex.words["talk_verbs"] or _makes_into(tok):
        return None  # "will remain", "will say", "will make the country a hub": no act
    if (modal == "conditional" and not reported(tok, lex) and not _under_terms(tok, lex)
            and not _speech_goes_on(tok, lex) and not _attributed(tok)):
        return None
    event = passive or lemma in lex.words["event_verbs"]
    word = next(c.text for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD")
    if lemma in lex.words.get("staying_verbs", ()):
        return _hit(tok, bounds, STAYING, "plan", 0.6)
    if any(c.dep_ == "neg" for c in tok.children):  # "will not renew the agreement" (lets_lapse)
        word = f"{'will' if word.lower() == 'wo' else word.lower()} not"
    return _hit(tok, bounds, f"{word.lower()} {tok.lower_}", "plan", 0.7, event=event)


def _there_will_be(tok: Token, lex: Lexicon, bounds: tuple[int, int], modal: str) -> Hit | None:
    """"There will be a joint committee", a reported "there would be student exchanges": an act,
    a body or a meeting said to come, no doer named; an event of the article's parties (or of
    whoever reports it). Only nouns of such things (data: existential_nouns, action_nouns,
    institution_nouns, meeting_nouns): "there will be difficulties" is a guess."""
    if modal == "conditional" and not reported(tok, lex) and not _attributed(tok):
        return None
    if _negated(tok, lex):
        return None
    nouns = set().union(*(lex.words.get(k, frozenset()) for k in (
        "existential_nouns", "action_nouns", "institution_nouns", "meeting_nouns")))
    attrs = children(tok, "attr")
    if not attrs or any(d.lower_ == "no" for a in attrs for d in a.children):
        return None
    if not any(_lemma(a) in nouns or a.lower_ in nouns for a in attrs):
        return None
    word = next(c.text for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD")
    return _hit(tok, bounds, f"there {word.lower()} be", "plan", 0.6, event=True)


def _speech_goes_on(tok: Token, lex: Lexicon) -> bool:
    """"The gazette said the loan would finance 85 percent ... Egypt would fund the remaining 15
    percent": a main-clause "would" right after a reported one, on the same line, goes on
    reporting it (indirect speech keeps its tense from one sentence to the next)."""
    if tok.dep_ != "ROOT" or any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in children(c, "mark"))
                                 for c in tok.children):
        return False
    sent = tok.sent
    if sent.start == 0:
        return False
    doc = tok.doc
    prev = doc[sent.start - 1].sent
    if "\n" in doc_text(doc)[prev.end_char:sent.start_char]:
        return False
    return any(_modal(t) == "conditional" and reported(t, lex) for t in prev)


def _along_places(tok: Token) -> bool:
    """The verb's complements name where, not when: "will run from Kabaale to Tanga", "will start
    in Hoima and end on the coast" (a route), not "will start in May" (a schedule)."""
    places = [o for p in children(tok, "prep") if p.lower_ in _PATH_PREPOSITIONS for o in children(p, "pobj")]
    return any(o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC", "FAC") for o in places) and not any(
        t.ent_type_ in ("DATE", "TIME") or t.like_num for o in places for t in o.subtree)


_PATH_PREPOSITIONS = frozenset({"from", "to", "in", "at", "on", "through", "via", "along"})


def _done_by_someone(tok: Token, passive: bool, lex: Lexicon) -> bool:
    """A passive that names who does it: "by the World Bank", or the means it comes through
    ("through a new collaboration between two funds"; data: doer_prepositions)."""
    return passive and (passive_doer(tok) is not None or any(
        p.lower_ in lex.words.get("doer_prepositions", ()) for p in children(tok, "prep")))


def _makes_into(tok: Token) -> bool:
    """"will make the country a regional hub", "will make Africa self-sufficient", "will make
    investors hesitate": what a thing turns something into, or makes someone do (a noun,
    adjective or verb with its own subject under "make"), an outcome foretold, not an act; "will
    make a contribution of $10 million" has no such clause."""
    if _lemma(tok) != "make":
        return False
    return any(c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and children(c, "nsubj")
               for c in children(tok, "ccomp", "oprd"))


def _money_from(tok: Token, lex: Lexicon) -> bool:
    """A sum as the subject of a verb of origin with its source ("3 billion will come from the
    climate fund"; data: money_source_verbs): money provided, not a motion."""
    if _lemma(tok) not in lex.words.get("money_source_verbs", ()):
        return False
    if not any(p.lower_ == "from" for p in children(tok, "prep")):
        return False
    return any(states_sum(" ".join(t.text for t in s.subtree)) for s in children(tok, "nsubj"))


def _attributed(tok: Token) -> bool:
    """"According to the Minister of Economy Yuliya Svyrydenko, Kiev would contribute 50% of
    ...": a "would" attributed to a named source is reported speech, as after "said"."""
    if not any(s.pos_ in ("PROPN", "NOUN", "PRON") and s.tag_ != "VBG" for s in children(tok, "nsubj")):
        return False  # "according to X, terminating the deal would help ...": an outcome foretold
    for prep in children(tok, "prep"):
        if prep.lower_ != "according":
            continue
        for to in children(prep, "prep"):
            if to.lower_ == "to" and any(t.pos_ == "PROPN" for o in children(to, "pobj") for t in o.subtree):
                return True
    return False


def _under_terms(tok: Token, lex: Lexicon) -> bool:
    """"Under the terms of the agreement Mauritius would gain sovereignty", "according to the terms
    of the deal, the UK would ...": a "would" told as what an agreement provides (data:
    contents_subjects), not a hypothesis."""
    subjects = lex.words.get("contents_subjects", frozenset())
    for prep in children(tok, "prep"):
        if prep.lower_ == "according":  # "according to the terms of the agreement": the same
            prep = next((p for p in children(prep, "prep") if p.lower_ == "to"), prep)
        elif prep.lower_ != "under":
            continue
        for obj in children(prep, "pobj"):
            nouns = [obj] + [o for p in children(obj, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
            if any(_lemma(n) in subjects for n in nouns):
                return True
    return False


def _plan_outcome(tok: Token, lex: Lexicon) -> bool:
    """"<plan or agreement> will see <object> ...": the verb (data: outcome_verbs) reports
    what the plan provides for when its subject is a plan or agreement noun."""
    if _lemma(tok) not in lex.words.get("outcome_verbs", ()) or not children(tok, "dobj", "ccomp"):
        return False
    subjects = lex.words.get("plan_nouns", frozenset()) | lex.words.get("outcome_subjects", frozenset())
    # "The scheme, announced days after ..., will see": the parser may hang the subject on the
    # participle describing it
    found = children(tok, "nsubj") + [s for a in children(tok, "advcl", "parataxis") if a.tag_ == "VBN" and a.i < tok.i
                                       for s in children(a, "nsubj")]
    return any(_lemma(s) in subjects for s in found)


def _expected_start_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"We expect construction of the berths to begin early January", "we expect the effective
    start next year": a party's own works expected to start (or end) by a date, told by the
    party (data: expected_participles, start_verbs, start_nouns, works_nouns); undated, or
    said of others' acts ("expects prices to rise"), nothing."""
    if tok.pos_ != "VERB" or _lemma(tok) not in lex.words.get("expected_participles", ()) or children(tok, "auxpass"):
        return None
    if not any(s.lower_ in ("we", "i") or s.pos_ == "PROPN" for s in children(tok, "nsubj")):
        return None
    starts = lex.words.get("start_verbs", frozenset())
    works = _works(lex) | lex.words["action_nouns"]
    clause = next((c for c in children(tok, "ccomp", "xcomp") if _lemma(c) in starts and any(
        _lemma(n) in works for n in children(c, "nsubj"))), None)
    noun = next((o for o in children(tok, "dobj") if _lemma(o) in lex.words.get("start_nouns", ())), None)
    if (clause is None and noun is None) or not _dated_clause(tok):
        return None
    return _hit(tok, bounds, f"expect {(clause or noun).lower_}", "plan", 0.6)


def _works(lex: Lexicon) -> frozenset[str]:
    """The works a project builds or carries out (data: facility_nouns, works_nouns)."""
    return lex.words.get("facility_nouns", frozenset()) | lex.words.get("works_nouns", frozenset())


def _names_a_work(subject: Token, works: frozenset[str]) -> bool:
    """The subject is a work or what a project builds ("the plant"), or names one after "of" or
    "on" ("the first of its reactors", "the first stretch of the line", "work on the line"), or
    before it ("construction work")."""
    if _lemma(subject) in works or any(_lemma(c) in works for c in children(subject, "compound")):
        return True
    nouns = [c for p in children(subject, "prep") if p.lower_ in ("of", "on") for c in p.subtree if c.pos_ == "NOUN"]
    return bool(nouns) and _lemma(nouns[0]) in works


def _ready_as_scheduled(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The first phase is scheduled to be ready by 2019", "it is expected to be fully operational
    by 2026", "the zone is due to be operational in 2020": a thing in working order by a date,
    told as a schedule or an expectation, is its owners' schedule as "will be operational by" is
    (READY); undated, or said of a party ("Ghana is expected to be ready"), nothing."""
    lemma = _lemma(tok)
    if not (lemma in lex.words.get("expected_participles", ()) or lemma in lex.words["scheduled_participles"]
            or tok.lower_ in lex.words["scheduled_words"]):
        return None
    states = lex.words.get("working_states", frozenset())
    inf = next((c for c in children(tok, "xcomp") if _lemma(c) == "be" and any(a.lower_ == "to" for a in children(
        c, "aux")) and any(_lemma(a) in states or a.lower_ in states for a in children(c, "acomp"))), None)
    if inf is None or not _dated_clause(inf):
        return None
    holder = tok.head if tok.dep_ == "acomp" else tok
    subjects = children(holder, "nsubj", "nsubjpass")
    if not subjects and holder.dep_ == "conj":  # "it is aimed at ... and is expected to be ready by"
        subjects = children(holder.head, "nsubj", "nsubjpass")
    works = _works(lex)
    if not subjects and tok.dep_ == "acl" and _after_with(tok.head) and _names_a_work(tok.head, works):
        # "..., with the inaugural phase expected to be operational by late 2026": the work the
        # absolute construction opens with
        subjects = [tok.head]
    things = [s for s in subjects if s.ent_type_ not in ("GPE", "NORP", "PERSON") and (
        s.pos_ in ("NOUN", "PROPN") or s.lower_ == "it" or _relative_work(s, holder, works))]
    if not subjects or len(things) < len(subjects):
        return None
    return _hit(tok, bounds, READY, "plan", 0.6, event=True)


def _relative_work(subject: Token, clause: Token, works: frozenset[str]) -> bool:
    """"which" standing for a work in a relative clause ("The pipeline, which is scheduled to be
    operational by early 2030, will have ..."): the work is the subject."""
    return (subject.lower_ in ("which", "that") and clause.dep_ == "relcl"
            and clause.head.pos_ in ("NOUN", "PROPN") and _names_a_work(clause.head, works))


def _on_track_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The railway is almost half done, on schedule to begin service in 2021", "the pipeline is
    on track for completion by July 2026": a work said to be on schedule for a dated step
    (data: on_track_nouns) restates its owners' schedule, as "will be operational by" does."""
    if tok.lower_ not in lex.words.get("on_track_nouns", ()) or tok.dep_ != "pobj" or tok.head.lower_ != "on":
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or not _dated_clause(verb):
        return None
    works = (_works(lex)
             | lex.words.get("output_subjects", frozenset()))
    holder = verb if children(verb, "nsubj", "nsubjpass") else next(  # "The terminal is almost half done":
        (a for a in children(verb, "aux", "auxpass") if children(a, "nsubj", "nsubjpass")), verb)  # hung on "is"
    if not any(_names_a_work(s, works) for s in children(holder, "nsubj", "nsubjpass")):
        return None  # "Ghana is on track to meet its targets": a party's own progress, told elsewhere
    return _hit(verb, bounds, READY, "plan", 0.6, event=True, subject_of=holder)


def _time_to_finish_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The dam will take up to three years to complete": the time a work needs to be finished,
    told in the future, is its owners' schedule (as "will be operational by" is), due when that
    time ends (data: period_words); "talks will take two years" names no work."""
    if (_lemma(tok) not in lex.words.get("duration_take_verbs", ())
            or not any(a.lower_ in ("will", "would") for a in children(tok, "aux"))):
        return None
    if not any(_lemma(o) in lex.words.get("duration_nouns", ()) for o in children(tok, "dobj", "npadvmod")):
        return None
    inf = next((c for c in children(tok, "xcomp")
                if _to_form(c) and _lemma(c) in lex.words.get("finish_verbs", ())), None)
    if inf is None:
        return None
    works = _works(lex)
    if any(_names_a_work(s, works) for s in children(tok, "nsubj")):
        return _hit(tok, bounds, READY, "plan", 0.6, event=True)
    # "It will take two years to complete the works on the project", told by no one: the works
    # are the infinitive's object ("it will take two years, the minister said" is read as any
    # future: its "it" is the speaker's side, which the reporting verb tells)
    if (any(s.lower_ == "it" for s in children(tok, "nsubj")) and not reported(tok, lex)
            and any(_names_a_work(o, works) or o.lower_ in works for o in children(inf, "dobj"))):
        return _hit(tok, bounds, READY, "plan", 0.6, event=True)
    return None


def _first_output(noun: Token, lex: Lexicon) -> bool:
    """"First LNG", "first oil", "the first cargo": a project's first output (data:
    milestone_nouns), awaited by a date as an act is ("First LNG is expected in 2029")."""
    return (_lemma(noun) in lex.words.get("milestone_nouns", ()) or noun.lower_ in lex.words.get(
        "milestone_nouns", ())) and any(c.lower_ == "first" for c in children(noun, "amod", "compound"))


def _after_with(noun: Token) -> bool:
    """The noun opens an absolute construction with "with" (", with construction expected to
    begin next year", ", with construction set to start next year and ..."), however the
    parser hung it: the object of "with", or the subject of a clause "with" marks."""
    if noun.dep_ == "pobj":
        return noun.head.lower_ == "with"
    return noun.dep_ == "nsubj" and any(m.lower_ == "with" for m in children(noun.head, "mark"))


def _schedule_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int], headline: bool) -> Hit | None:
    """"is to host", "is set to", "is due to", "proposals set to launch", headline "X to designate"."""
    ready = _ready_as_scheduled(tok, lex, bounds)
    if ready is not None:
        return ready
    lemma = _lemma(tok)
    apart = lex.words.get("apart_marks", frozenset())
    # "While Nigeria is to bear 15 per cent of the cost, China will ...": a contrasting clause
    # with its own subject states a plan of its own (not "if Ghana is to meet its targets")
    if lemma == "be" and (tok.dep_ in ("ROOT", "ccomp", "conj") or opened_by(tok, apart)):
        if any(s.left_edge.lower_ in ("what", "all") for s in children(tok, "nsubj", "csubj")):
            return None  # "What we need to do is to demonstrate ...": a necessity, not a plan
        inf = next((c for c in children(tok, "xcomp") if _to_form(c)), None)
        if inf is not None and any(a.lower_ == "to" for a in inf.children if a.dep_ == "aux"):
            if _lemma(inf) in lex.words["talk_verbs"] or _lemma(inf) == "be":
                return None
            return _hit(inf, bounds, f"{tok.lower_} to {inf.lower_}", "plan", 0.6, subject_of=tok,
                        party_subject=True)
        done = next((c for c in children(tok, "xcomp") if c.tag_ == "VBN" and children(c, "auxpass")
                     and any(a.lower_ == "to" for a in children(c, "aux"))), None)
        if done is not None and _lemma(done) not in lex.words["passive_exclusions"] | lex.words["talk_verbs"]:
            # "British troops are to be withdrawn by March", "the scheme is to be scrapped": a
            # decision announced in the passive, as "will be withdrawn" is
            hit = _hit(done, bounds, f"{tok.lower_} to be {done.lower_}", "plan", 0.6, subject_of=tok, event=True)
            hit.doer = hit.doer or passive_doer(done)
            return hit
    if (tok.tag_ == "VBN" and lemma in lex.words.get("scheduled_participles", ()) and tok.dep_ == "acl"
            and tok.head.pos_ in ("NOUN", "PROPN") and _dated_clause(tok)):
        works = lex.words.get("works_nouns", frozenset())
        for prep in children(tok, "prep"):
            if prep.lower_ == "for" and any(_lemma(o) in works for o in children(prep, "pobj")):
                # "the Dakhla port, scheduled for completion by 2028": a work's dated milestone,
                # told on the noun it is said of; its owners' schedule
                return _hit(tok, bounds, f"{tok.lower_} for", "plan", 0.6, milestone=True)
    if (tok.tag_ == "VBN" and (lemma in lex.words.get("expected_participles", ())
                               or lemma in lex.words["scheduled_participles"]) and tok.dep_ == "acl"
            and _after_with(tok.head) and _dated_clause(tok)
            and _lemma(tok.head) in lex.words.get("works_nouns", frozenset())):
        inf = next((c for c in children(tok, "xcomp") if _to_form(c)), None)
        barred = lex.words["talk_verbs"] | lex.words.get("forecast_verbs", frozenset())
        if inf is not None and _lemma(inf) not in barred:
            # "..., with construction expected to begin next year": the works' dated milestone,
            # told in an absolute construction; theirs who carry the clause's act
            hit = _hit(tok, bounds, f"{tok.lower_} to {inf.lower_}", "plan", 0.6, milestone=True)
            hit.verb = inf
            return hit
    if tok.tag_ == "VBN" and lemma in lex.words.get("expected_participles", ()) and children(tok, "auxpass"):
        works = _works(lex)
        inf = next((c for c in children(tok, "xcomp") if _to_form(c) or _passive_infinitive(c)), None)
        if inf is not None and inf.tag_ == "VBN":  # "the project is expected to be handed over on ..."
            works = works | lex.words.get("scheduled_projects", frozenset())
        subjects = children(tok, "nsubjpass")
        if inf is not None and inf.tag_ == "VBN" and not any(_names_a_work(s, works) for s in subjects):
            inf = None  # "the line is expected to be completed by 2025": in the passive, only of a work
        if (inf is not None and _dated_clause(tok) and _lemma(inf) not in lex.words["talk_verbs"]
                and _lemma(inf) not in lex.words.get("forecast_verbs", ())
                and any(_names_a_work(s, works) for s in children(tok, "nsubjpass"))):
            # "the first of its reactors is expected to begin producing power in 2024": a work's
            # dated milestone, its owners' schedule ("prices are expected to rise" is no work)
            passive = "be " if inf.tag_ == "VBN" else ""
            hit = _hit(tok, bounds, f"expected to {passive}{inf.lower_}", "plan", 0.6)  # not "begin": "expect" rules
            hit.verb = inf
            return hit
        if (inf is not None and _lemma(inf) not in lex.words["talk_verbs"] | lex.words.get("receive_verbs", frozenset())
                and any(s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "ORG", "NORP") for s in children(tok, "nsubjpass"))
                and any(_money(o) for o in children(inf, "dobj"))):
            # "The UK is expected to make an upfront investment of £120 million": a party's outlay
            # announced ahead, its plan ("Ghana is expected to grow" puts up no sum)
            hit = _hit(tok, bounds, f"expected to {inf.lower_}", "plan", 0.6)
            hit.verb = inf
            return hit
        nouns = _party_nouns(lex, "expected_signers")
        if (inf is not None and _lemma(inf) in lex.words.get("expected_signing_verbs", ())
                and any(s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or _lemma(s) in nouns
                        for s in children(tok, "nsubjpass"))):
            # "the presidents of both states are expected to formally sign the agreement": planned
            hit = _hit(tok, bounds, f"expected to {inf.lower_}", "plan", 0.6)
            hit.verb = inf
            return hit
        visitors = lex.words.get("visitor_nouns", frozenset())
        if inf is None and any(s.pos_ == "PROPN" or s.ent_type_ == "PERSON" or _lemma(s) in visitors
                               for s in children(tok, "nsubjpass")) and any(
                p.lower_ in ("in", "at") and any(o.text[:1].isupper() for o in children(p, "pobj"))
                for p in children(tok, "prep")):
            # "An IMF mission is expected in Dakar next week": a visit planned
            return _hit(tok, bounds, "expected in", "plan", 0.6)
        # "the final investment decision is expected by the end of 2025": an act awaited by a date
        acts = lex.words["action_nouns"] | lex.words["will_nouns"] | lex.words.get("works_nouns", frozenset())
        # "by" parsed as agent; a date with no figure: "the fund's first meeting is expected in July"
        dated = any(t.like_num or t.ent_type_ == "DATE" for p in children(tok, "prep", "agent") for t in p.subtree)
        if dated and not children(tok, "xcomp") and any(_lemma(t) in acts or _first_output(t, lex)
                                                        for t in children(tok, "nsubjpass")):
            return _hit(tok, bounds, AWAITED, "plan", 0.6, event=True)
        return None
    if tok.tag_ == "VBN" and lemma in lex.words["scheduled_participles"] and children(tok, "auxpass"):
        # "the launch is planned for 2024": an action subject or a dated complement
        subj = children(tok, "nsubjpass")
        # "is scheduled for 2026", "is scheduled within the next few weeks"
        dated = any(t.like_num or t.ent_type_ == "DATE" for p in children(tok, "prep") for t in p.subtree)
        # "A further $2bn is earmarked for rehabilitating the mines": a sum set aside
        money = any(_money(t) for t in subj)
        acting = dated or money or any(_lemma(t) in lex.words["action_nouns"] for t in subj)
        if acting and not children(tok, "xcomp"):
            # a decision scheduled ("the final investment decision is scheduled for the end of
            # 2026") is awaited: the article's main parties' when the sentence names none
            decided = dated and any(_lemma(t) in lex.words["will_nouns"] for t in subj)
            return _hit(tok, bounds, AWAITED if decided else f"{tok.lower_}", "plan", 0.6, event=True)
    if tok.lower_ in lex.words["scheduled_words"]:
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not children(tok, "aux", "auxpass"):
            return None  # ", scheduled to begin on Wednesday": a bare participle describing a noun
        inf = next((c for c in children(tok, "xcomp") if _to_form(c)), None)
        if inf is None:
            # "the plant is due to be completed in 2022": the act in the passive infinitive, of a work
            # or an act ("discussions are set to be held on Thursday" are talks)
            things = (_works(lex)
                      | lex.words["action_nouns"])
            holder = tok.head if tok.dep_ == "acomp" else tok
            if any(_names_a_work(s, things) for s in children(holder, "nsubj", "nsubjpass")):
                inf = next((c for c in children(tok, "xcomp") if c.tag_ == "VBN" and children(c, "auxpass")
                            and any(a.lower_ == "to" for a in children(c, "aux"))), None)
        if inf is not None and _lemma(inf) not in lex.words["talk_verbs"]:
            passive = "be " if inf.tag_ == "VBN" else ""
            # "the plant is due to be completed": "due" hangs on "is", whose subject it is
            hit = _hit(inf, bounds, f"{tok.lower_} to {passive}{inf.lower_}", "plan", 0.65,
                       subject_of=tok.head if tok.dep_ == "acomp" and not children(tok, "nsubj") else tok)
            # "is due to be signed by the two presidents": the infinitive's own doer
            hit.doer = hit.doer or passive_doer(inf)
            return hit
    if headline and tok.tag_ == "VB" and any(a.lower_ == "to" for a in tok.children if a.dep_ == "aux"):
        # "JICA to designate ...": the subject is the verb's own, or the noun the parser hung it on
        own = tok.dep_ == "ROOT" and children(tok, "nsubj")
        hung = tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("PROPN", "NOUN")
        gerund = tok.lower_.endswith("ing") and tok.lower_ not in lex.words.get("ing_base_verbs", ())
        if (own or hung) and _lemma(tok) not in lex.words["talk_verbs"] and not gerund:
            return _hit(tok, bounds, f"to {tok.lower_}", "plan", 0.65)
    return None


def _intent_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"We have a plan to support Rwanda with 20 million euros", "Ghana has plans to build": an aim
    held with "have" and a noun of intent (data: intent_nouns) whose infinitive is the act, as
    French « avoir l'intention de »."""
    if _lemma(tok) != "have" or tok.pos_ != "VERB" or _negated(tok, lex):
        return None
    noun = next((o for o in children(tok, "dobj") if _lemma(o) in lex.words.get("intent_nouns", ())
                 and not _no_det(o)), None)
    if noun is None:
        return None
    inf = next((c for c in children(noun, "acl", "relcl", "xcomp") if c.pos_ == "VERB" and c.tag_ == "VB"
                and any(a.lower_ == "to" for a in children(c, "aux"))), None)
    if inf is None or _lemma(inf) in lex.words["talk_verbs"]:
        return None
    hit = _hit(tok, bounds, f"have {noun.lower_} to", "intention", 0.7)
    hit.verb = inf
    return hit


_TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def _time_given_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"Rwanda has ninety days to withdraw its troops": the time a party is given to act, an
    obligation with its deadline (the date rule time_given reads it)."""
    if _lemma(tok) != "have" or tok.pos_ != "VERB":
        return None
    for obj in children(tok, "dobj"):
        if _lemma(obj) not in _TIME_UNITS or not children(obj, "nummod"):
            continue
        act = next((c for c in children(obj, "relcl", "acl") if c.pos_ == "VERB" and any(
            a.lower_ == "to" for a in children(c, "aux"))), None)
        if act is not None and _lemma(act) not in lex.words["talk_verbs"]:
            return _hit(act, bounds, f"has {obj.lower_} to {act.lower_}", "plan", 0.6, subject_of=tok)
    return None


def _verb_tagged_noun(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"Hyphen and the Namibian government plan to begin building in January 2025": the small
    model tags "plan" a noun (the subject's conjunct) when a coordinated subject precedes it. A
    bare noun that is a verb cue taking an infinitive (data: slip_verbs), with no determiner or
    owner, followed by "to" + verb, is that verb; its subject is what precedes it in the unit."""
    if tok.pos_ != "NOUN" or tok.lower_ not in lex.words.get("slip_verbs", ()) or tok.i == tok.sent.start:
        return None
    if children(tok, "det", "poss", "amod", "nummod"):
        return None
    inf = next((c for c in children(tok, "xcomp", "acl") if c.pos_ == "VERB" and c.tag_ == "VB"
                and any(a.lower_ == "to" for a in children(c, "aux"))), None)
    if inf is None or _lemma(inf) in lex.words["talk_verbs"]:
        return None
    cue = lex.verb_cues.get(_lemma(tok))
    if cue is None:
        return None
    lo = max(bounds[0], tok.sent.start_char)
    hit = Hit(tok, cue.lemma, cue.modality, 0.6, tok.idx, tok.idx + len(tok), (lo, tok.idx - 1))
    hit.verb = inf
    return hit


def _decision_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """A noun of will with its action after a copula: "it was a sovereign decision to leave"."""
    if tok.pos_ != "NOUN" or _lemma(tok) not in lex.words["will_nouns"] or _no_det(tok):
        return None
    if tok.dep_ not in ("attr",) or _lemma(tok.head) != "be":
        return None
    inf = _infinitive(tok)
    if inf is None or _lemma(inf) in lex.words["talk_verbs"]:
        return None
    return _hit(inf, bounds, f"{tok.lemma_.lower()} to {inf.lower_}", "intention", 0.6, subject_of=tok.head)


_SUPPORT_FOR = re.compile(r"\s+for\s+(?:[^.;:,]{1,80}?)\s+(?:to\s+\w+|joining|becoming|obtaining|getting|gaining)\b")


def _stance_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """An announced position of support: "announced that he supports the AU becoming ...",
    "affirmed his support for the African Union to join the G20" (data: stance_nouns after an
    announcing verb; support for someone to reach an outcome, not support for someone alone)."""
    if (tok.pos_ == "VERB" and _lemma(tok) in lex.words["announcing_verbs"] and tok.tag_ in ("VBD", "VBZ", "VBP")
            and not children(tok, "aux", "auxpass")):
        doc = tok.doc
        for t in doc[tok.i + 1: min(tok.i + 5, len(doc))]:
            if t.idx >= bounds[1]:
                break
            if t.lower_ in lex.words.get("stance_nouns", ()) and t.tag_ == "NN":
                if _SUPPORT_FOR.match(doc_text(doc)[t.idx + len(t): bounds[1]]):
                    return _hit(tok, bounds, f"{tok.lower_} {t.lower_} for", "intention", 0.6)
                break
        return None
    if tok.pos_ != "VERB" or _lemma(tok) not in lex.words["stance_verbs"] or tok.tag_ not in ("VBZ", "VBP"):
        return None
    if tok.dep_ != "ccomp" or _lemma(tok.head) not in lex.words["announcing_verbs"]:
        return None
    return _hit(tok, bounds, f"{tok.head.lower_} {tok.lower_}", "intention", 0.6)


def _establish_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"sets up a committee", "establishes a fund": an agreed mechanism, present tense."""
    if tok.pos_ != "VERB" or _lemma(tok) not in lex.words["establish_verbs"]:
        return None
    present = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBD" and tok.lower_ == _lemma(tok))  # "set up"
    if not present or children(tok, "aux", "auxpass"):
        return None
    if any(_lemma(o) in lex.words["institution_nouns"] for o in children(tok, "dobj")):
        return _hit(tok, bounds, tok.lower_, "agreement", 0.65, event=True)
    return None


def _progressive_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The ECI is providing $500 million of credit insurance", "Norway is contributing EUR 40m":
    a sum given in the present progressive (data: progressive_pledge_verbs), told as what the
    party puts in; a sum spent or paid out in the progressive ("is disbursing") is progress."""
    if tok.tag_ != "VBG" or _lemma(tok) not in lex.words.get("progressive_pledge_verbs", ()):
        return None
    now = any(a.lower_ in ("is", "are", "am", "'s", "’s", "'re", "’re") for a in children(tok, "aux"))
    # "said on Friday it was preparing a portfolio worth $10 billion": the present, reported
    told = any(a.lower_ in ("was", "were") for a in children(tok, "aux")) and reported(tok, lex)
    if not (now or told):
        return None
    if not any(_a_sum(o) for o in children(tok, "dobj", "oprd")):  # oprd: "a portfolio worth $10 billion"
        return None
    return _hit(tok, bounds, f"{'is' if now else 'was'} {tok.lower_}", "promise", 0.65)


def _sum_to_come(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"paid 100 million pounds to Rwanda, with another 50 million pounds to come": a sum still
    to be paid (data: to_come_verbs), its payer's pledge; the clause "with" hangs on tells who."""
    if _lemma(tok) not in lex.words.get("to_come_verbs", ()) or not any(a.lower_ == "to" for a in children(tok, "aux")):
        return None
    if tok.dep_ in ("relcl", "acl") and not children(tok, "nsubj"):  # "with [50 million pounds [to come]]"
        noun: Token | None = tok.head
        prep = noun.head if noun.dep_ == "pobj" else None
    elif tok.dep_ == "pcomp":  # "with [$10 million] [to come]"
        noun = next(iter(children(tok, "nsubj")), None)
        prep = tok.head
    else:
        return None
    if (noun is None or prep is None or prep.lower_ != "with" or prep.head.pos_ not in ("VERB", "AUX")
            or not _a_sum(noun)):
        return None
    hit = _hit(tok, bounds, SUM_TO_COME, "plan", 0.6, subject_of=prep.head)
    hit.relative = False  # the sum's clause, not a description of a thing
    if tok.dep_ != "pcomp":
        hit.verb = noun  # the act is the sum to come, not the payment the clause reports
    return hit


def _contents_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The agreement includes 5 billion euros in loans", "the funding will include 210 billion
    yuan in credit": an agreement's or a pledge's contents (`hits.stated_contents`)."""
    what = stated_contents(tok, lex)
    if what is None:
        return None
    return _hit(tok, bounds, _lemma(tok), "agreement", 0.7, contents=what)


def _provides_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The agreement stipulates that future aid will be counted as contributions": what an
    agreement (data: contents_subjects) provides that (data: content_verbs + "that"), told in
    the future; the clause's own verb may be one that is no pledge alone ("be considered")."""
    if _lemma(tok) not in lex.words.get("content_verbs", ()) or tok.pos_ != "VERB":
        return None
    subjects = [s for s in children(tok, "nsubj") if _lemma(s) in lex.words.get("contents_subjects", ())]
    if not subjects:
        return None
    for clause in children(tok, "ccomp"):
        that = any(m.lower_ == "that" for m in children(clause, "mark"))
        future = any(a.lower_ in ("will", "shall") for a in clause.children if a.dep_ == "aux")
        if that and future:  # who the clause names commits ("future US military assistance")
            return _hit(tok, bounds, _lemma(tok), "agreement", 0.7, verb=clause, subject_of=clause)
    return None


def _joining_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"The United States joined Britain ... in a multi-billion dollar partnership to help South
    Africa finance ...": joining a partnership, fund or initiative (data: joining_verbs,
    joined_nouns) that states what it will do (a purpose "to" + verb, or a sum) commits the
    one who joins; joining a bloc or a meeting does not."""
    if _lemma(tok) not in lex.words.get("joining_verbs", ()) or tok.pos_ != "VERB":
        return None
    nouns = lex.words.get("joined_nouns", ())
    joined = [o for p in children(tok, "prep") if p.lower_ == "in" for o in children(p, "pobj")]
    joined += [o for o in children(tok, "dobj") if _lemma(o) in nouns]
    for noun in joined:
        if _lemma(noun) not in nouns:
            continue
        purpose = [c for c in (*tok.children, *noun.children)
                   if c.dep_ in ("advcl", "acl", "relcl") and c.pos_ == "VERB"
                   and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)]
        if purpose or _money(noun):
            return _hit(tok, bounds, "join", "agreement", 0.7, verb=purpose[0] if purpose else None)
    return None


def _party_noun(tok: Token) -> bool:
    """A name of a party (a proper noun or a named organisation, state or person)."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")


def _a_sum(tok: Token) -> bool:
    """The phrase of `tok` is a sum of money in any currency the data knows ("50 million euros")."""
    return _money(tok) or states_sum(" ".join(t.text for t in tok.subtree))


def _sum_given(tok: Token) -> bool:
    """A verb whose object, or whose "with" complement, is a sum ("adding $1bn", "pitching in
    with $20m")."""
    if any(_a_sum(o) for o in children(tok, "dobj")):
        return True
    return any(p.lower_ == "with" and any(_a_sum(o) for o in children(p, "pobj")) for p in children(tok, "prep"))


def _people_counted(tok: Token, lex: Lexicon) -> bool:
    """The phrase of `tok` counts people sent ("1,000 Kenyan police officers", "150 people";
    data: personnel_nouns, and people)."""
    nouns = lex.words.get("personnel_nouns", frozenset()) | {"people", "men", "women"}
    return any((t.lower_ in nouns or _lemma(t) in nouns) and any(c.dep_ == "nummod" for c in t.children)
               for t in tok.subtree)


def _people_given(tok: Token, lex: Lexicon) -> bool:
    """A verb whose object counts people sent ("committing 150 people")."""
    return any(_people_counted(o, lex) for o in children(tok, "dobj"))


def _superseded_plan(tok: Token, lex: Lexicon) -> bool:
    """A plan told in the past perfect ("had planned to", "had been scheduled for"; data:
    superseded_plan_verbs): what was planned before something changed it, not a plan now."""
    return (_lemma(tok) in lex.words.get("superseded_plan_verbs", ()) and tok.tag_ == "VBN"
            and any(a.lower_ in ("had", "'d") for a in children(tok, "aux")))


def _absolute_pledges(span: Span, hits: list[Hit], lex: Lexicon, bounds: tuple[int, int]) -> list[Hit]:
    """Further payers told in an absolute construction after a pledge of a sum: "the AIIB has
    pledged $1.5bn, the OPEC Fund adding $1bn and the Foundation pitching in with $20m",
    "Germany pledged EUR 50m, with France adding EUR 30m". Each named party with a gerund and a
    sum of its own is a pledge of that party, whatever the gerund: the pledge before it says
    what the list is; a thing ("the money going to schools") or a sum without a party is not.
    Read after the nested cues are merged: the gerund hangs under the first pledge, which must
    keep its own statement."""
    pledges = [h.token for h in hits if h.token is not None and h.modality == "promise"
               and any(_a_sum(o) for o in _objects(h.token))]
    # ... or of people sent: "Kenya has pledged 1,000 officers, with the Bahamas committing 150
    # people" (each further party with a count of people of its own)
    counted = [h.token for h in hits if h.token is not None and h.modality == "promise"
               and any(_people_counted(o, lex) for o in _objects(h.token))]
    pledges = sorted(pledges + counted, key=lambda t: t.i)
    if not pledges:
        return []
    taken = {h.token.i for h in hits if h.token is not None}
    barred = lex.words["non_commitment_lemmas"] | lex.words["talk_verbs"]
    found: list[Hit] = []
    for tok in span:
        # the clause's own negation blocks it; what rules over the sentence was weighed on the
        # pledge before it ("The force is expected to be led by Kenya, which has pledged ..., with
        # the Bahamas committing 150 people": "expected" is said of the leading, not the pledges)
        if (tok.tag_ != "VBG" or tok.i in taken or tok.i < pledges[0].i or _lemma(tok) in barred
                or children(tok, "aux", "auxpass") or _negated(tok, lex)
                or not (_sum_given(tok) or (counted and _people_given(tok, lex)))):
            continue
        own = children(tok, "nsubj")
        before = tok.doc[tok.i - 1] if tok.i > span.start else None
        if own:
            party = own[-1]
        elif before is not None and _party_noun(before) and before.dep_ in ("conj", "appos", "dep", "npadvmod"):
            party = before  # "... adding $40m and the Port Trust pitching in with $5m": the parser hung the name apart
        elif tok.dep_ == "acl" and tok.head.i != tok.i:
            party = tok.head
        elif tok.dep_ == "pcomp" and tok.head.lower_ == "with":
            party = next(iter(children(tok.head, "pobj")), None)
            if party is None:
                continue
        else:
            continue
        if not _party_noun(party) or party.dep_ == "pobj" and tok.dep_ == "acl":
            continue  # "received funds from the Fund adding ...": a noun of the clause, not a payer
        start = party.left_edge.idx if party.left_edge.i < tok.i else party.idx  # "the OPEC Fund"
        last = tok.doc[max(t.i for t in tok.subtree)]
        hit = _hit(tok, bounds, _lemma(tok), "promise", 0.6, subject_of=tok)
        hit.relative = False  # a payer's clause, not a description of the noun it hangs on
        hit.subject = (start, party.idx + len(party))
        hit.clause = (start, last.idx + len(last))
        found.append(hit)
    text = doc_text(span.doc)
    for hit, nxt in zip(found, found[1:], strict=False):
        assert hit.clause is not None and nxt.clause is not None
        if hit.clause[1] > nxt.clause[0]:  # the next payer hung inside this clause: it ends before
            end = nxt.clause[0]
            trimmed = re.sub(r"(?:[\s,;]|\band\b)+$", "", text[hit.clause[0]:end])
            hit.clause = (hit.clause[0], hit.clause[0] + len(trimmed))
    return found


def english_hits(span: Span, lex: Lexicon, headline: bool = False) -> list[Hit]:
    """Every cue of one unit on its parse, nested cues merged into the deepest."""
    if "?" in span.text:
        return []
    bounds = (span.start_char, span.end_char)
    hits: list[Hit] = []
    for tok in span:
        hit = (
            _contents_cue(tok, lex, bounds)
            or _instalment_cue(tok, lex, bounds)
            or _verb_cue(tok, lex, bounds)
            or _expected_start_cue(tok, lex, bounds)
            or _time_to_finish_cue(tok, lex, bounds)
            or _future_cue(tok, lex, bounds)
            or _schedule_cue(tok, lex, bounds, headline)
            or _decision_cue(tok, lex, bounds)
            or _verb_tagged_noun(tok, lex, bounds)
            or _time_given_cue(tok, lex, bounds)
            or _intent_cue(tok, lex, bounds)
            or _stance_cue(tok, lex, bounds)
            or _establish_cue(tok, lex, bounds)
            or _readiness_cue(tok, lex, bounds)
            or _engaged_cue(tok, lex, bounds)
            or _liability_cue(tok, lex, bounds)
            or _on_track_cue(tok, lex, bounds)
            or _joining_cue(tok, lex, bounds)
            or _provides_cue(tok, lex, bounds)
            or _progressive_cue(tok, lex, bounds)
            or _sum_to_come(tok, lex, bounds)
        )
        if hit is None or hit.token is None:
            continue
        if _blocked(tok, lex) or (hit.token is not tok and _blocked(hit.token, lex)):
            continue
        if purpose_clause(hit.token):
            continue  # "to help reduce the effects": why, not what
        if cancels_plan(tok, lex) or cancels_plan(hit.token, lex):
            continue  # "announced the withdrawal of its initiative": the plan is dropped (follow-up)
        if _superseded_plan(tok, lex):
            continue  # "it had been scheduled for November 2020 but was pushed back": a plan replaced
        hits.append(hit)
    cue_tokens = {h.token.i for h in hits if h.token is not None}
    # "the metro, which is due to open in 2021, will link ...": the work's date
    mark_milestones(hits, lex.words.get("facility_nouns", frozenset()), _dated_clause)
    hits = [
        h for h in hits
        if h.token is not None and (h.token.tag_ == "VBG" or (h.token.dep_ == "acl" and h.token.tag_ == "VBN")
                                    or h.milestone or not inside_subject(h.token, cue_tokens, *bounds))
    ]
    hits = merge_nested(hits, frozenset(lex.words["apart_marks"]))
    return hits + _absolute_pledges(span, hits, lex, bounds)
