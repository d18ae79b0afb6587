"""French commitment cues, read on spaCy's parse (fr_core_news_md).

Why the form and not the tagger for futures and conditionals: the model's Tense/Mood are
unreliable on them ("accompagnerait" tagged present), while the ending is not. What counts
is listed in data/cues/commitments.fr.yaml (verb_cues, passive_participles, scheduled_forms,
establish_verbs × institution_nouns); this module only knows the grammar.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from suivi.extract.cues import Lexicon, fold
from suivi.extract.deadlines import states_when
from suivi.extract.hits import (
    AWAITED,
    INSTALMENT,
    NE,
    READY,
    STAYING,
    Hit,
    agreed_meeting,
    cancels_plan,
    children,
    clause_of_adjunct,
    in_relative,
    indirect_question,
    inside_subject,
    lets_lapse,
    mark_milestones,
    merge_nested,
    named_work,
    party_relative,
    passive_doer,
    purpose_clause,
    reported,
    stated_contents,
    subject_range,
)
from suivi.extract.quantities import find_quantities
from suivi.read.nlp import doc_text


def future_or_conditional(tok: Token, lex: Lexicon) -> str | None:
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


def _negated(tok: Token, lex: Lexicon) -> bool:
    """Negated, except "ne ... plus" on a future or conditional: a pledge to stop ("les
    États-Unis ne contribueront plus à Gavi"), as English "will no longer contribute"."""
    negs = lex.words.get("negations", frozenset())
    kids = [c.lower_ for c in tok.children if c.dep_ == "advmod"]
    stop = lex.words.get("cessation_adverbs", frozenset())
    if (stop & set(kids) and not (set(kids) & (negs - stop))
            and future_or_conditional(tok, lex) in ("future", "conditional")):
        return False
    negated = any(k in negs or k in NE for k in kids)
    return negated and not lets_lapse(tok, lex, future_or_conditional(tok, lex) in ("future", "conditional"))


def _blocked_by_ancestor(tok: Token, lex: Lexicon) -> bool:
    """A demand, speculation or opinion governs the cue (someone else's matter or a guess), or a
    statement denied."""
    blocked = lex.words["demand_verbs"] | lex.words["speculation_verbs"] | lex.words["evaluation_verbs"]
    if _pledging_adjunct(tok, lex):
        return False  # « a condamné l'accord, promettant de le contester » : a pledge beside the blame
    reporting = lex.words["reporting_verbs"]
    return any(anc.pos_ in ("VERB", "AUX") and not _purpose_infinitive(anc) and (
        anc.lemma_.lower() in blocked
        # « le président n'a jamais dit que le barrage serait achevé en 15 mois »: a statement denied
        or (anc.lemma_.lower() in reporting and _negated(anc, lex)))
        for anc in _ruling(tok))


def _pledging_adjunct(tok: Token, lex: Lexicon) -> bool:
    """A present participle of a pledge verb set after its clause with its act (« promettant de
    contester », « s'engageant à verser »): a statement of its own by the clause's subject."""
    cue = lex.verb_cues.get(tok.lemma_.lower())
    beside = (tok.dep_ == "advcl" and tok.i > tok.head.i) or clause_of_adjunct(tok) is not None
    return (cue is not None and cue.modality == "promise" and beside
            and "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
            and _infinitive_child(tok) is not None)


def _superseded_plan(tok: Token, lex: Lexicon) -> bool:
    """A plan told in the pluperfect (« avait prévu de », « avaient planifié »; data:
    superseded_plan_verbs): what was planned before something changed it, not a plan now."""
    return (tok.lemma_.lower() in lex.words.get("superseded_plan_verbs", ())
            and any(a.lower_ in ("avait", "avaient") for a in tok.children if a.dep_.startswith("aux")))


def _ruling(tok: Token) -> list[Token]:
    """The ancestors that rule over `tok`, without the verbs a clause on the way is only
    coordinated with: in « a salué ces progrès et a assuré que le Japon versera ... », « saluer »
    is beside « assurer », not above it (what governs both still rules)."""
    out: list[Token] = []
    cur = tok
    for anc in tok.ancestors:
        if party_relative(cur):
            break  # « la Chine, qui avait promis un financement, ne semble pas ... »: its own statement
        if not (cur.dep_ == "conj" and anc.i == cur.head.i):
            out.append(anc)
        cur = anc
    return out


_PURPOSE_MARKS = {"pour", "afin"}


def _purpose_infinitive(tok: Token) -> bool:
    """An infinitive of purpose ("afin d'encourager le commerce, la Corée fournira ..."): the
    parser may hang the main clause under it, but it is the speaker's aim, nobody's demand."""
    return "Inf" in tok.morph.get("VerbForm") and (
        tok.head.lower_ in _PURPOSE_MARKS or any(c.lower_ in _PURPOSE_MARKS for c in tok.children))


def _dated_act(verb: Token, lex: Lexicon) -> bool:
    """The verb's own clause states a date or a deadline ("dès novembre 2029", "en 2029")."""
    toks = sorted(verb.subtree, key=lambda t: t.i)
    return states_when(doc_text(verb.doc)[toks[0].idx: toks[-1].idx + len(toks[-1])], lex.language)


def _on_track_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« Les travaux restent en bonne voie pour une mise en service d'ici le 31 juillet 2026 » : un
    ouvrage dit en bonne voie pour une étape datée (data: on_track_nouns) redit le calendrier de
    ses maîtres d'ouvrage, comme « sera opérationnel en » ; sans date, ou dit d'une partie, rien."""
    if tok.pos_ != "VERB":
        return None
    track = next((c for c in children(tok, "obl") if c.lemma_.lower() in lex.words.get("on_track_nouns", ())
                  and any(k.lower_ == "en" for k in children(c, "case"))
                  and any(a.lemma_.lower() == "bon" for a in children(c, "amod"))), None)
    if track is None or not _dated_act(tok, lex):
        return None
    works = lex.words.get("facility_nouns", frozenset()) | lex.words.get("works_nouns", frozenset())
    if not any(named_work(s, works) for s in children(tok, "nsubj")):
        return None
    return _hit(tok, bounds, READY, "plan", 0.6, event=True)


def _comes_about(verb: Token, lex: Lexicon) -> bool:
    """« voir le jour » (data: coming_phrases): a verb with its object that says a thing comes
    into being, though the verb alone is no act."""
    phrases = lex.words.get("coming_phrases", frozenset())
    return any(f"{verb.lemma_.lower()} {o.lemma_.lower()}" in phrases for o in children(verb, "obj"))


def _due_by(state: Token, lex: Lexicon) -> bool:
    """The working state is what « devoir » or « prévu de » governs (« la ligne devrait être
    opérationnelle en 2021 », « doit être prête en 2026 », « est prévu d'être opérationnel en
    2019 »): with the date the caller checked, a schedule, not a guess."""
    if state.dep_ != "xcomp":
        return False
    governor = state.head
    forms = lex.words["scheduled_forms"] | lex.words["expected_forms"]
    if governor.lemma_.lower() == "devoir":
        return governor.lower_ in forms
    return governor.lemma_.lower() in lex.words["scheduled_participles"] and any(
        a.lemma_.lower() == "être" for a in governor.children if a.dep_ in ("aux:pass", "cop", "aux"))


def _infinitive_child(tok: Token) -> Token | None:
    """The infinitive a cue governs ("s'engage à fournir", "entend renforcer"); never one of
    purpose ("comptait sur nous pour rejeter": why, not what is pledged)."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "obj", "advcl") and c.pos_ in ("VERB", "AUX") and (
            "Inf" in c.morph.get("VerbForm")
        ):
            if any(m.lower_ in _PURPOSE_MARKS for m in c.children if m.dep_.startswith("mark")):
                continue
            return c
    # parse slips: "de"/"à" + infinitive right after the cue
    for nxt in tok.doc[tok.i + 1: tok.i + 4]:
        if nxt.pos_ == "VERB" and "Inf" in nxt.morph.get("VerbForm"):
            return nxt
    return None


def _act_after(tok: Token, noun: Token) -> bool:
    """An infinitive with "pour" right after the noun of will: the act consented to (« a donné son
    accord pour octroyer un financement »), not the purpose of the whole clause."""
    return any(c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm") and noun.i < c.i <= noun.i + 2
               for c in children(tok, "advcl"))


def _objects(tok: Token) -> list[Token]:
    objs = children(tok, "obj", "nsubj:pass", "obl")
    if not objs:
        objs = [t for t in tok.doc[tok.i + 1: tok.i + 5] if t.pos_ in ("NOUN", "PROPN")][:1]
    # "décident en toute souveraineté du retrait": the parser may hang the "de" complement on
    # the adverbial noun before it
    for o in children(tok, "obl"):
        for n in children(o, "nmod"):
            if any(c.dep_ == "case" and c.lower_ in ("du", "de", "des") for c in n.children):
                objs.append(n)
    # "ont annoncé, le mardi 2 novembre, la mise à disposition de ...": after a date or place
    # set between commas the parser may lose the object; the noun right after the second comma
    doc = tok.doc
    if not children(tok, "obj") and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
        close = next((t for t in doc[tok.i + 2: tok.i + 10] if t.text == ","), None)
        if close is not None:
            objs += [t for t in doc[close.i + 1: close.i + 4] if t.pos_ == "NOUN"][:1]
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


def _hit(tok: Token, bounds: tuple[int, int], cue: str, modality: str, confidence: float, *,
         event: bool = False, restates: bool = False, subject_of: Token | None = None) -> Hit:
    lo, hi = bounds
    hit = Hit(tok, cue, modality, confidence, tok.idx, tok.idx + len(tok),
              subject_range(subject_of if subject_of is not None else tok, lo, hi), event, restates)
    hit.doer = passive_doer(tok)
    return hit


def _lemma(tok: Token, lex: Lexicon) -> str:
    """spaCy's lemma, repaired when the tagger left a present-tense form as its own lemma."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verb_cues or lemma != tok.lower_:
        return lemma
    for ending, repl in (("ent", "er"), ("e", "er"), ("es", "er")):
        if lemma.endswith(ending) and lemma[: -len(ending)] + repl in lex.verb_cues:
            return lemma[: -len(ending)] + repl
    return lemma


def _money(obj: Token) -> bool:
    """A sum of money as object ("annonce 560 millions de dollars pour le corridor"), as the
    English side reads one: a sum given is an act, like a noun of action."""
    # "un partenariat stratégique de 7,4 milliards d'euros", « un accord d'une valeur de 500
    # millions d'euros »: the sum may come nine words on
    words = [t for t in obj.subtree if t.i <= obj.i + 9]
    if not words:
        return False
    phrase = doc_text(obj.doc)[words[0].idx: words[-1].idx + len(words[-1])]
    return any(q.kind == "money" for q in find_quantities(phrase))


def _figured_goal(objs: list[Token], lex: Lexicon) -> bool:
    """An object that is a goal with its figure ("un objectif de 75 milliards"; data:
    goal_nouns): a target set, not a vague aim ("un objectif de paix")."""
    goals = lex.words["goal_nouns"]
    return any(o.lemma_.lower() in goals and any(t.pos_ == "NUM" or any(c.isdigit() for c in t.text)
                                                 for t in o.subtree) for o in objs)


def _date_of(obj: Token, lex: Lexicon) -> bool:
    """The date of an act or an event as object (« a fixé la date du référendum au 21
    septembre »; data: date_nouns, dated_events, action_nouns): a calendar set, an act to come."""
    if obj.lemma_.lower() not in lex.words.get("date_nouns", ()):
        return False
    events = lex.words.get("dated_events", frozenset()) | lex.words["action_nouns"]
    return any(c.dep_ == "nmod" and c.lemma_.lower() in events for c in obj.children)


def _verb_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    cue = lex.verb_cues.get(_lemma(tok, lex))
    if cue is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if cue.reflexive and not _reflexive(tok):
        return None
    if (cue.lemma in lex.words.get("decision_verbs", ()) and children(tok, "aux:pass")
            and any(a.lemma_.lower() == "avoir" for a in children(tok, "aux:tense"))
            and any(s.pos_ == "NOUN" for s in children(tok, "nsubj:pass"))):
        return None  # "la création du fonds a été décidée lors de la COP27": a past decision, told of its object
    action_nouns, talk = lex.words["action_nouns"], lex.words["talk_verbs"]
    inf = _infinitive_child(tok)
    if inf is not None and any(a.lemma_.lower() in ("avoir", "être") and "Inf" in a.morph.get("VerbForm")
                               for a in children(inf, "aux:tense", "aux:pass", "aux")):
        return None  # « annonce avoir débloqué 10 millions » : un acte passé, rapporté
    has_action = any(o.lemma_.lower() in action_nouns or _money(o) or _date_of(o, lex) for o in _objects(tok))
    if not has_action and cue.lemma in lex.words["decision_verbs"]:
        has_action = agreed_meeting(_objects(tok), lex)  # « ont convenu d'un second cycle de négociations »
    acted = lex.words.get("will_nouns_with_act", frozenset())
    will = any(o.lemma_.lower() in lex.words["will_nouns"] and (o.lemma_.lower() not in acted or any(
        c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm") for c in o.children) or (inf is not None and inf.i > o.i)
        or _act_after(tok, o) or _figured_goal([o], lex)) for o in children(tok, "obj") + _objects(tok))
    if inf is not None and inf.lemma_.lower() in lex.words.get("will_verbs", ()) and _infinitive_child(inf) is not None:
        will = True  # "ont annoncé vouloir mettre en place un partenariat": a will stated, with its act
        inf = _infinitive_child(inf)
    if inf is not None and inf.lemma_.lower() in talk:
        if not has_action or inf.lemma_.lower() not in lex.words["light_verbs"]:
            return None  # "prévoit d'assister à une session": attending is no pledge
        inf = None  # "prévoit de faire une visite": the noun is the act
    ok = {
        "any": True,
        "infinitive": inf is not None,
        "action": has_action,
        "action_or_infinitive": has_action or inf is not None,
        "will": will,
        "action_or_will": has_action or will,
        # "vise un objectif de 75 milliards": an aim with its figure
        "infinitive_or_goal": inf is not None or _figured_goal(children(tok, "obj"), lex),
        "dated_milestone": False,  # no French verb cue needs it
    }[cue.needs]
    if ok and cue.lemma in lex.words.get("approval_verbs", ()) and not any(
            o.lemma_.lower() in lex.words.get("approved_things", ()) for o in _objects(tok)):
        return None  # « a approuvé le décaissement », « a approuvé l'accord » : une étape, pas un prêt
    if not ok and cue.lemma in lex.words.get("decision_verbs", ()) and _future_that(tok, lex):
        ok = True  # "nous avons convenu que les personnes seront relocalisées": what was agreed, to come
    provided = _provides_that(tok, lex) if not ok else None
    if not ok and provided is None:
        return None
    if cue.lemma in lex.words.get("actor_subject_verbs", ()) and not _actor_subject(tok, lex):
        return None  # "l'accord vise à renforcer la coopération": a purpose, nobody's aim
    if future_or_conditional(tok, lex) == "conditional" and not reported(tok, lex):
        return None
    if (tok.dep_.startswith("acl") and "Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense")
            and not children(tok, "aux") and future_or_conditional(tok, lex) is None):
        # "la centrale promise en mars par la Russie": refers back to a pledge made before (a form
        # ending as a future, « financera » tagged a participle, is the sentence's verb)
        return None
    if cue.lemma in lex.words.get("closing_verbs", ()) and inf is None and _objects(tok) and all(
        o.lemma_.lower() in lex.words.get("meeting_nouns", ()) for o in _objects(tok)
    ):
        return None  # "conclure leur sommet": the meeting ends
    if cue.lemma in lex.words.get("deal_verbs", ()) and not any(
            o.lemma_.lower() in lex.words.get("contents_subjects", ()) for o in children(tok, "obj")):
        return None  # « a trouvé des fonds » : pas un accord
    if cue.lemma in lex.words.get("signing_verbs", ()) and children(tok, "aux") and not _states_content(tok, lex):
        return None  # "ont signé des accords": a past signing, unless the text says what it provides for
    # "l'accord prévoit que la Norvège livre ...": who the provided clause names commits
    return _hit(tok, bounds, cue.lemma, cue.modality, 0.8, restates=_restates(tok, lex), subject_of=provided)


def _future_that(tok: Token, lex: Lexicon) -> bool:
    """A "que" clause whose verb is in the future or the conditional ("ont décidé que les vols
    reprendront", "avons convenu que les personnes seront relocalisées"): a decision on what is
    to come, as binding as "décider de" with an infinitive."""
    for c in children(tok, "ccomp"):
        if c.pos_ not in ("VERB", "AUX") or not any(
                m.lower_ in ("que", "qu'", "qu’") for m in c.children if m.dep_.startswith("mark")):
            continue
        verbs = [a for a in children(c, "aux", "aux:pass", "aux:tense")] or [c]
        if any(future_or_conditional(v, lex) and "Imp" not in v.morph.get("Tense") for v in verbs[:1]):
            return True
    return False


def _actor_subject(tok: Token, lex: Lexicon) -> bool:
    """The subject is a party: a name, or a noun of one ("le gouvernement", "l'opérateur",
    data: generic_org_nouns, generic_state_nouns, actor_nouns); not a thing, nor a pronoun."""
    nouns = {w.lower() for key in ("generic_org_nouns", "generic_state_nouns", "actor_nouns")
             for w in lex.words.get(key, ())}
    for subj in children(tok, "nsubj"):
        if subj.pos_ == "PROPN" or subj.lemma_.lower() in nouns or subj.lower_ in nouns:
            return True
    return False


def _provides_that(tok: Token, lex: Lexicon) -> Token | None:
    """"L'accord prévoit que les migrants soient installés au Rwanda": an agreement (data:
    agreement_nouns) providing that something be done (data: content_verbs + "que"); the
    clause provided, or None."""
    if tok.lemma_.lower() not in lex.words.get("content_verbs", ()):
        return None
    if not any(s.lemma_.lower() in lex.words.get("agreement_nouns", ()) for s in children(tok, "nsubj")):
        return None
    clause = next((c for c in children(tok, "ccomp")
                   if any(m.lower_ in ("que", "qu'", "qu’") for m in c.children if m.dep_.startswith("mark"))), None)
    if clause is None:
        return None
    # the clause's subject when it names someone ("que la Norvège livrera"); else the
    # agreement's ("l'accord entre le Togo et le Bénin prévoit que les camions circulent"),
    # also when the parser headed the clause on a noun
    named = clause.pos_ in ("VERB", "AUX") and any(
        t.pos_ == "PROPN" for s in children(clause, "nsubj") for t in s.subtree)
    return clause if named else tok


def _states_content(tok: Token, lex: Lexicon) -> bool:
    """The signed text's content is stated: "un accord pour la construction de", "qui prévoit",
    or the text is a loan or a grant (data: money_agreement_words)."""
    action_nouns = lex.words["action_nouns"]
    objs = children(tok, "obj")
    money = lex.words["money_agreement_words"]
    if any(c.lemma_.lower() in money or c.lower_ in money for o in objs for c in o.children
           if c.dep_.split(":")[0] in ("nmod", "compound", "amod")):
        return True  # "a signé 14 accords de prêt": a loan's content is the money lent
    if any(o.pos_ == "NOUN" and _money(o) for o in _objects(tok)):
        return True  # "a conclu un partenariat de 7,4 milliards d'euros": what it holds is the sum
    first = min((o.i for o in objs), default=tok.i)
    for head in [*objs, tok]:
        for c in head.children:
            if c.i <= first:
                continue
            if c.dep_.startswith("acl") and c.pos_ == "VERB":
                return True
            if (c.dep_.startswith("advcl") and c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")
                    and any(m.lower_ == "pour" for m in c.children if m.dep_.startswith("mark"))):
                return True  # "a signé un accord avec Londres pour accueillir des migrants"
            if c.dep_.split(":")[0] in ("nmod", "obl") and c.lemma_.lower() in action_nouns and any(
                k.dep_ == "case" and k.lower_ in ("pour", "sur") for k in c.children
            ):
                return True
    return False


def _slipped_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """An intent verb the model read as a noun, right before the infinitive it governs, which
    the model made the clause's verb: « le gouvernement compte inscrire la construction des
    lignes » ("compte" tagged a noun of "gouvernement"). Only verbs of the cue file that take an
    infinitive, and only with a subject on the infinitive."""
    if tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm") or tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN", "ADJ") or prev.head.i == tok.i and prev.dep_.startswith("nsubj"):
        return None
    cue = lex.verb_cues.get(_lemma(prev, lex))
    if cue is None or cue.needs not in ("infinitive", "action_or_infinitive") or cue.reflexive:
        return None
    if not children(tok, "nsubj") or tok.lemma_.lower() in lex.words["talk_verbs"] | lex.words["non_commitment_lemmas"]:
        return None
    hit = _hit(tok, bounds, f"{prev.lower_} {tok.lower_}", cue.modality, 0.6)
    if hit.subject is not None and hit.subject[1] > prev.idx:
        start = hit.subject[0]  # the subject without the slipped verb
        hit.subject = (start, start + len(doc_text(tok.doc)[start:prev.idx].rstrip()))
    return hit


def _supposed_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« le Togo est censé organiser une élection », « l'élection est censée avoir lieu en
    décembre » (data: supposed_lemmas): what is to be done, as « doit » + infinitive; the model
    reads « censé » as an adjective or a verb."""
    if tok.lemma_.lower() not in lex.words.get("supposed_lemmas", ()) or not any(
            c.lemma_.lower() == "être" for c in children(tok, "cop", "aux:pass")):
        return None
    inf = _infinitive_child(tok)
    if inf is None:
        return None
    event = any(o.lemma_.lower() in lex.words["event_objects"] for o in children(inf, "obj"))
    if inf.lemma_.lower() in lex.words["talk_verbs"] | lex.words["non_commitment_lemmas"] and not event:
        return None
    return _hit(tok, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6, event=event)


def _tense_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """Future / reported conditional of an action verb, passive future, near future."""
    lemma = tok.lemma_.lower()
    excluded = lex.words["non_commitment_lemmas"]
    if (tok.pos_ == "AUX" and lemma == "être" and tok.dep_ in ("cop", "aux:pass") and tok.head.lemma_.lower()
            in lex.words.get("working_states", ()) and _dated_act(tok.head, lex)):
        mood = future_or_conditional(tok, lex)
        if mood == "future" or (mood == "conditional" and reported(tok.head, lex)):
            # « les centres seront opérationnels au printemps 2024 » : un ouvrage en service à une date
            return _hit(tok.head, bounds, READY, "plan", 0.6, event=True)
        if _due_by(tok.head, lex):
            # « la ligne devrait être opérationnelle en 2021 » : told on « devoir », which rules it
            return _hit(tok.head.head, bounds, READY, "plan", 0.6, event=True)
        return None
    if tok.pos_ == "AUX" and lemma == "être" and tok.dep_ == "cop" and _instalment(tok.head, lex):
        if future_or_conditional(tok, lex) == "future":
            # "le premier versement sera de 15 milliards de dollars": a payment scheduled, its giver's
            return _hit(tok.head, bounds, INSTALMENT, "plan", 0.6)
        return None
    if tok.pos_ == "AUX" and lemma == "être" and tok.dep_ == "aux:pass":
        part = tok.head
        mood = future_or_conditional(tok, lex)
        if (mood is None and part.lemma_.lower() in lex.words.get("expected_participles", ())
                and "Imp" not in tok.morph.get("Tense") and _awaited(part, lex)):
            # « la décision finale d'investissement est attendue avant la fin de 2025 »
            return _hit(part, bounds, AWAITED, "plan", 0.6, event=True)
        if (mood is None and part.lemma_.lower() in lex.words.get("expected_participles", ())
                and "Imp" not in tok.morph.get("Tense") and _expected_visitor(part, lex)):
            # « Une mission du FMI est attendue à Dakar la semaine prochaine » : une visite prévue
            return _hit(part, bounds, f"{tok.lower_} {part.lower_} à", "plan", 0.6)
        if (mood is None and part.lemma_.lower() in lex.words["scheduled_participles"] and _scheduled(part, lex)
                and "Imp" not in tok.morph.get("Tense")):
            # "est prévu pour 2024"; "les fonds étaient prévus dans le cadre d'un autre
            # programme" tells what was planned then, not a plan
            return _hit(part, bounds, f"{tok.lower_} {part.lower_}", "plan", 0.6, event=True)
        if (mood is None and part.lemma_.lower() in lex.words.get("announced_participles", ())
                and "Imp" not in tok.morph.get("Tense") and _announced_for(part, lex)):
            # « la phase 2 est annoncée pour le deuxième semestre 2026 » : annoncé pour une date,
            # un calendrier, comme « prévu pour »
            return _hit(part, bounds, f"{tok.lower_} {part.lower_} pour", "plan", 0.6, event=True)
        if mood and part.lemma_.lower() in lex.words["passive_participles"]:
            if mood == "conditional" and not reported(part, lex):
                return None
            return _hit(part, bounds, f"{tok.lower_} {part.lower_}", "plan", 0.7, event=True)
        return None
    if lemma == "devoir" and (tok.lower_ in lex.words["scheduled_forms"] or (
            tok.lower_ in lex.words.get("recalled_forms", ()) and _dated_act(tok, lex))):
        part = next((c for c in children(tok, "xcomp") if c.pos_ == "VERB" and children(c, "aux:pass")), None)
        if part is not None and part.lemma_.lower() in lex.words["passive_participles"]:
            hit = _hit(tok, bounds, f"{tok.lower_} être {part.lower_}", "plan", 0.6)  # "doit être raccordé"
            hit.doer = passive_doer(part)  # « devra être ratifié par les Parlements » : theirs
            return hit
        inf = _infinitive_child(tok)
        if inf is not None and inf.lemma_.lower() not in lex.words["talk_verbs"] | excluded:
            return _hit(tok, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6)
        return None
    if lemma == "devoir" and tok.lower_ in lex.words["expected_forms"]:
        # "la mission devrait durer sept mois": the planned length of an undertaking is stated,
        # not guessed
        inf = _infinitive_child(tok)
        if inf is not None and inf.lemma_.lower() in lex.words["duration_verbs"] and (any(
            t.lemma_.lower() in lex.words["duration_units"] for t in inf.subtree
        ) or (any(t.lower_.startswith("jusqu") for t in inf.subtree) and _dated_act(inf, lex))):
            # « les travaux devraient durer jusqu'en 2023 » : the end of an undertaking, dated
            return _hit(tok, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6)
        # "la réalisation du tronçon devrait être finalisée en 2029", "le comité devrait se réunir
        # à l'automne": a dated act is a schedule told, an event of whoever it belongs to; an
        # undated "devrait" stays a speculation ("les prix devraient baisser")
        barred = (lex.words["talk_verbs"] | excluded | lex.words["speculation_verbs"]
                  | lex.words.get("forecast_verbs", frozenset()))
        if inf is None:  # "devrait être finalisée en 2029": the act in the passive
            inf = next((c for c in children(tok, "xcomp") if c.pos_ == "VERB" and children(c, "aux:pass")), None)
        # the date may open the sentence, hung on « devrait » (« D'ici fin 2023, la ligne devrait relier »)
        fronted = inf is not None and any(c.i < inf.i and c.dep_.split(":")[0] in ("obl", "advcl", "advmod")
                                          and _dated_act(c, lex) for c in tok.children)
        if (inf is not None and (inf.lemma_.lower() not in barred or _comes_about(inf, lex))
                and (_dated_act(inf, lex) or fronted)):
            hit = _hit(tok, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.55, event=True)
            hit.verb = inf  # « devraient être alloués »: the act, and its doer, are the infinitive's
            hit.doer = hit.doer or passive_doer(inf)
            return hit
        return None
    # "allait construire" is the future told in the past: a pledge when someone is reported
    # saying it ("a indiqué que l'UE allait porter son soutien à ..."), as a reported conditional
    # is; told by the narrator it is a plan of the past ("le Japon allait construire, mais ...")
    told_later = tok.lower_ in ("allait", "allaient") and reported(tok, lex)
    if lemma == "aller" and (tok.lower_ in ("va", "vont", "vais", "vas", "allons", "allez") or told_later):
        inf = _infinitive_child(tok) if tok.pos_ == "VERB" else (tok.head if tok.head.pos_ == "VERB" else None)
        if inf is not None and inf.lemma_.lower() not in lex.words["talk_verbs"] | excluded:
            return _hit(inf, bounds, f"{tok.lower_} {inf.lower_}", "plan", 0.6)
        part = next((c for c in children(tok, "xcomp") if c.pos_ == "VERB" and any(
            a.lemma_.lower() == "être" for a in children(c, "aux:pass"))), None) if tok.pos_ == "VERB" else None
        if part is not None and part.lemma_.lower() in lex.words["passive_participles"]:
            # "la base va être rétrocédée à la Côte d'Ivoire en janvier": the near future in the passive
            return _hit(part, bounds, f"{tok.lower_} être {part.lower_}", "plan", 0.6, event=True)
        return None
    if lemma in lex.words.get("staying_verbs", ()) and tok.pos_ == "VERB" and _people_staying(tok, lex):
        mood = future_or_conditional(tok, lex)
        if mood == "future" or (mood == "conditional" and reported(tok, lex)):
            # « un détachement d'environ 80 militaires restera sur place » : une présence maintenue
            return _hit(tok, bounds, STAYING, "plan", 0.6)
        return None
    there = _there_will_be(tok, lex, bounds)
    if there is not None:
        return there
    happens = any(o.lemma_.lower() in lex.words["event_objects"] for o in children(tok, "obj"))
    if lemma in excluded and happens and tok.pos_ in ("VERB", "AUX"):  # "aura lieu": an event
        mood = future_or_conditional(tok, lex)
        if mood == "future" or (mood == "conditional" and reported(tok, lex)):
            return _hit(tok, bounds, f"{tok.lower_} lieu", "plan", 0.7, event=True)
        return None
    if (lemma in lex.words.get("impersonal_plan_verbs", ()) and tok.pos_ == "VERB"
            and any(c.lower_ == "il" and c.dep_.startswith("expl") for c in tok.children)
            and future_or_conditional(tok, lex) == "future"):
        # « Il s'agira donc de construire un quai de 1 102 mètres » : ce qui sera fait, le plan des
        # parties dont parle l'article (« il s'agit de » au présent ne dit qu'un sujet)
        inf = _infinitive_child(tok)
        if inf is not None and inf.lemma_.lower() not in lex.words["talk_verbs"] | excluded:
            return _hit(tok, bounds, f"{tok.lower_} de {inf.lower_}", "plan", 0.6)
        return None
    if tok.pos_ != "VERB" or lemma in excluded or lemma in lex.words["talk_verbs"]:
        return None
    # « le Japon formerait ... et soutiendrait » : a second verb's subject is the first one's
    owner = tok.head if tok.dep_ == "conj" and not children(tok, "nsubj", "expl:subj") else tok
    subjects = children(owner, "nsubj", "expl:subj")
    facilities = lex.words.get("facility_nouns", frozenset())
    if lemma in lex.words.get("route_verbs", ()) and not (children(tok, "aux:pass") and passive_doer(tok)) and (
        (subjects and all(named_work(s, facilities) for s in subjects))  # « Le Gazoduc Atlantique Africain »
        or (not _actor_subject(owner, lex) and all(s.pos_ in ("NOUN", "PRON") for s in subjects))
    ):  # no subject parsed: no party named as one
        return None  # « le gazoduc traversera onze pays » : un ouvrage décrit
    mood = future_or_conditional(tok, lex)
    if mood == "future":
        event = (lemma in lex.words["passive_participles"] and _reflexive(tok)) or (
            lemma in lex.words["establish_verbs"]
        )
        return _hit(tok, bounds, tok.lower_, "plan", 0.7, event=event)
    if mood == "conditional" and reported(tok, lex):
        return _hit(tok, bounds, tok.lower_, "plan", 0.7)
    return None


def _main_verb_on_noun(tok: Token, lex: Lexicon) -> bool:
    """A finite future hung by the parser on the sentence's first noun as if it described it
    (« Le gouvernement britannique financera dans un premier temps, le dispositif » parsed with
    « gouvernement » for root): the sentence's own verb, whose subject is that noun."""
    return (tok.dep_.startswith("acl") and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.head.i < tok.i and not children(tok, "nsubj", "nsubj:pass")
            and future_or_conditional(tok, lex) == "future")


def _instalment(head: Token, lex: Lexicon) -> bool:
    """A sum whose subject is a payment of a schedule ("le premier versement sera de 15
    milliards", data: instalment_nouns)."""
    nouns = lex.words.get("instalment_nouns", frozenset())
    return _money(head) and any(s.lemma_.lower() in nouns for s in children(head, "nsubj"))


def _people_staying(tok: Token, lex: Lexicon) -> bool:
    """The subject counts people who stay (data: personnel_nouns): « 80 militaires », « un
    détachement »; not a thing (« les prix »)."""
    nouns = lex.words.get("personnel_nouns", frozenset())
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns for s in children(tok, "nsubj") for t in s.subtree)


_TIME_UNITS = frozenset({"heure", "jour", "semaine", "mois", "an", "année"})


def _time_given_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« Le Rwanda dispose de 90 jours pour retirer ses troupes », « ont 72 heures pour quitter la
    ville » : le délai donné à une partie pour agir, une obligation avec son échéance (la règle de
    date time_given la lit)."""
    if tok.lemma_.lower() not in ("disposer", "avoir") or tok.pos_ != "VERB":
        return None
    for unit in children(tok, "obl:arg", "obl", "obj"):
        if unit.lemma_.lower() not in _TIME_UNITS or not children(unit, "nummod"):
            continue
        acts = [c for c in children(tok, "advcl") + children(unit, "acl") if c.pos_ == "VERB"
                and "Inf" in c.morph.get("VerbForm") and any(m.lower_ == "pour" for m in children(c, "mark"))]
        if acts and acts[0].lemma_.lower() not in lex.words["talk_verbs"]:
            # the cue is the verb of having, the act its "pour" clause (not a purpose here)
            hit = _hit(tok, bounds, f"{tok.lower_} {unit.lower_} pour {acts[0].lower_}", "plan", 0.6)
            hit.verb = acts[0]
            return hit
    return None


def _absolute(part: Token) -> bool:
    """A participle with « étant » hung on its noun: an absolute clause (« ..., la première
    extraction étant attendue pour 2022 »), a statement of its own, not a relative describing the noun."""
    return part.dep_.startswith("acl") and any(a.lower_ == "étant" for a in children(part, "aux:pass", "aux"))


def _awaited(part: Token, lex: Lexicon) -> bool:
    """An act (a noun of action, of will or of works) awaited by a stated date: « la décision est
    attendue avant la fin de 2025 », « la première extraction étant attendue pour 2022 », not « les
    résultats sont attendus » nor an undated wait."""
    acts = lex.words["action_nouns"] | lex.words["will_nouns"] | lex.words.get("works_nouns", frozenset())
    subjects = children(part, "nsubj", "nsubj:pass")
    if _absolute(part):
        subjects = [*subjects, part.head]  # « ..., la première extraction étant attendue pour 2022 »
    subject = any(t.lemma_.lower() in acts or t.lower_ in acts for t in subjects)
    dated = any(t.like_num for c in children(part, "obl", "obl:mod", "obl:arg") for t in c.subtree)
    return subject and dated


def _expected_visitor(part: Token, lex: Lexicon) -> bool:
    """A person or a delegation awaited at a named place (« le président est attendu à Abidjan »):
    the subject a name or a visitor noun (data: visitor_nouns), a capitalised place after « à »,
    « au » or « en »."""
    visitors = lex.words.get("visitor_nouns", frozenset())
    subject = any(t.pos_ == "PROPN" or t.lemma_.lower() in visitors or t.lower_ in visitors
                  for t in children(part, "nsubj", "nsubj:pass"))
    place = any(c.text[:1].isupper() and any(k.lower_ in ("à", "au", "en") for k in children(c, "case"))
                for c in children(part, "obl", "obl:mod", "obl:arg"))
    return subject and place


def _announced_for(part: Token, lex: Lexicon) -> bool:
    """A complement opened by « pour » that states a date (« annoncée pour 2026 »), not a
    receiver or a purpose (« annoncée pour l'Afrique »)."""
    for c in children(part, "obl", "obl:arg", "obl:mod"):
        if any(k.lower_ == "pour" for k in children(c, "case")):
            toks = sorted(c.subtree, key=lambda t: t.i)
            if states_when(doc_text(part.doc)[toks[0].idx: toks[-1].idx + len(toks[-1])], lex.language):
                return True
    return False


def _scheduled(part: Token, lex: Lexicon) -> bool:
    """"son lancement est prévu pour 2024", "trente milliards sont prévus pour le financement":
    an action subject, or a dated or action complement."""
    subj = children(part, "nsubj", "nsubj:pass")
    if any(t.lemma_.lower() in lex.words["action_nouns"] for t in subj):
        return True
    for c in children(part, "obl", "obl:arg", "obl:mod"):
        if c.like_num or c.lemma_.lower() in lex.words["action_nouns"] or any(t.like_num for t in c.subtree):
            return True
    return False


def _establish_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"établit un nouveau format", "institue un mécanisme": an agreed mechanism, present tense."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.words["establish_verbs"]:
        return None
    if "Pres" not in tok.morph.get("Tense") or children(tok, "aux"):
        return None
    if any(o.lemma_.lower() in lex.words["institution_nouns"] for o in children(tok, "obj")):
        return _hit(tok, bounds, tok.lemma_.lower(), "agreement", 0.65, event=True)
    return None


def _readiness_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """"La Chine est prête à réaliser", "le Japon se dit disposé à financer": readiness stated
    with "être" (or "se dire", "se déclarer", "se montrer") and the act it announces
    (data: readiness_words)."""
    if tok.lower_ not in lex.words.get("readiness_words", ()):
        return None
    # « nous sommes déterminés à » : the parser may read the adjective as a participle with "être"
    copula = any(c.dep_ == "cop" or (c.dep_.startswith("aux") and c.lemma_.lower() == "être") for c in tok.children)
    declared = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.words.get("readiness_verbs", ())
    if not (copula or declared):
        return None
    inf = _infinitive_child(tok)
    if inf is None or inf.lemma_.lower() in lex.words["talk_verbs"]:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "à" for c in inf.children):
        return None  # "prêt de 50 millions": a loan, not readiness
    head = tok.head if declared else tok
    if _negated(head, lex) or _negated(tok, lex):
        return None
    if future_or_conditional(head, lex) == "conditional" and not reported(head, lex):
        return None
    return _hit(head, bounds, f"{tok.lower_} à", "intention", 0.7)


def _engaged_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« Le groupe turc Yapi Merkezi a été retenu pour construire le tronçon », « le groupe
    Bouygues est chargé de réaliser les travaux » : une entreprise retenue pour une tâche (data:
    engaged_participles) la prend en charge ; l'acte est le verbe de la tâche, son auteur le
    sujet du passif (qui l'a choisie, après « par », n'agit pas)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.words.get("engaged_participles", ()) or not any(
            c.dep_ == "aux:pass" for c in tok.children):
        return None
    subjects = children(tok, "nsubj:pass")
    if not any(t.pos_ == "PROPN" and t.ent_type_ not in ("LOC", "GPE") for s in subjects for t in s.subtree):
        return None  # « un site a été choisi pour accueillir l'usine » : pas d'entreprise
    act = next((c for c in children(tok, "xcomp", "advcl") if c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")
                and any(m.lower_ in ("pour", "de", "d'") for m in children(c, "mark"))), None)
    if act is None or act.lemma_.lower() in lex.words["talk_verbs"] or _negated(tok, lex):
        return None
    mark = next(m.lower_ for m in children(act, "mark") if m.lower_ in ("pour", "de", "d'"))
    hit = _hit(tok, bounds, f"{tok.lower_} {mark}", "plan", 0.65)  # « retenu pour », « chargé de »
    hit.verb = act
    hit.doer = None  # « retenu par le Ghana » : qui choisit n'agit pas
    hit.party_subject = True  # « Tema a été choisie pour accueillir » : un lieu, pas une entreprise
    return hit


def _intent_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« Nous avons l'intention de créer un instrument », « le Japon a pour objectif de
    construire »: an aim held, told with "avoir" and a noun of intent (data: intent_nouns)
    whose infinitive is the act."""
    if tok.lemma_.lower() != "avoir":
        return None
    nouns = lex.words.get("intent_nouns", frozenset())
    if tok.pos_ == "VERB":  # « a l'intention de »
        noun = next((o for o in children(tok, "obj") if o.lemma_.lower() in nouns), None)
        head = tok
    elif tok.dep_ == "cop" and tok.head.lemma_.lower() in nouns and any(
            c.lower_ == "pour" for c in tok.head.children):  # « a pour objectif de »
        noun, head = tok.head, tok.head
    else:
        return None
    if noun is None:
        return None
    inf = next((c for c in children(noun, "acl") if c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")), None)
    if inf is None or inf.lemma_.lower() in lex.words["talk_verbs"]:
        return None
    if _negated(tok, lex) or _negated(head, lex):
        return None
    if future_or_conditional(tok, lex) == "conditional" and not reported(tok, lex):
        return None
    said = doc_text(tok.doc)[tok.idx: noun.idx + len(noun)].lower()
    return _hit(head, bounds, f"{said} de", "intention", 0.7)


def _contents_cue(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« L'accord prévoit cinq milliards d'euros de prêts », « les engagements ... comprenaient
    56 millions de dollars » : an agreement's or a pledge's contents (`hits.stated_contents`)."""
    what = stated_contents(tok, lex)
    if what is None:
        return None
    hit = _hit(tok, bounds, tok.lemma_.lower(), "agreement", 0.7)
    hit.contents = what
    return hit


def _there_will_be(tok: Token, lex: Lexicon, bounds: tuple[int, int]) -> Hit | None:
    """« Il y aura une commission mixte », « il y aurait des échanges d'étudiants » (rapporté) :
    an act, a body or a meeting said to come, with no doer named; an event of the article's
    parties (or of whoever reports it). Only nouns of such things (data: existential_nouns,
    action_nouns, institution_nouns, meeting_nouns): « il y aura des difficultés » is a guess."""
    if tok.lemma_.lower() != "avoir" or not any(c.lower_ == "y" and c.dep_.startswith("expl") for c in tok.children):
        return None
    mood = future_or_conditional(tok, lex)
    if not (mood == "future" or (mood == "conditional" and reported(tok, lex))) or _negated(tok, lex):
        return None
    nouns = set().union(*(lex.words.get(k, frozenset()) for k in (
        "existential_nouns", "action_nouns", "institution_nouns", "meeting_nouns")))
    if not any(o.lemma_.lower() in nouns or o.lower_ in nouns for o in children(tok, "obj")):
        return None
    return _hit(tok, bounds, f"il y {tok.lower_}", "plan", 0.6, event=True)


def french_hits(span: Span, lex: Lexicon) -> list[Hit]:
    if "?" in span.text:
        return []
    bounds = (span.start_char, span.end_char)
    hits: list[Hit] = []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if tok.pos_ == "ADJ":
            hit = _readiness_cue(tok, lex, bounds) or _supposed_cue(tok, lex, bounds)
        else:
            hit = (_contents_cue(tok, lex, bounds) or _supposed_cue(tok, lex, bounds) or _verb_cue(tok, lex, bounds)
                   or _slipped_cue(tok, lex, bounds)
                   or _tense_cue(tok, lex, bounds) or _establish_cue(tok, lex, bounds)
                   or _readiness_cue(tok, lex, bounds) or _engaged_cue(tok, lex, bounds)
                   or _on_track_cue(tok, lex, bounds)
                   or _intent_cue(tok, lex, bounds)
                   or _time_given_cue(tok, lex, bounds))
        if hit is None or hit.token is None:
            continue
        if _negated(hit.token, lex) or _negated(tok, lex) or _blocked_by_ancestor(hit.token, lex):
            continue
        if indirect_question(hit.token, lex.words.get("interrogatives", frozenset()),
                             lex.words.get("question_marks", frozenset())):
            continue  # "a expliqué comment la France financerait": a question reported
        if purpose_clause(hit.token):
            continue  # "pour conclure le sommet": why, not what
        if cancels_plan(hit.token, lex) or cancels_plan(tok, lex):
            continue  # "a décidé de retirer le projet": the plan is dropped (follow-up)
        if _superseded_plan(tok, lex):
            continue  # « la France avait prévu de réduire ses effectifs » : un plan depuis remplacé
        hit.relative = (in_relative(hit.token) and not _main_verb_on_noun(hit.token, lex)
                        and not _absolute(hit.token))
        hits.append(hit)
    cue_tokens = {h.token.i for h in hits if h.token is not None}
    # « le métro, qui doit entrer en service en 2021, reliera ... » : the work's date
    mark_milestones(hits, lex.words.get("facility_nouns", frozenset()), lambda tok: _dated_act(tok, lex))
    hits = [h for h in hits if h.token is not None and (h.milestone or not inside_subject(h.token, cue_tokens,
                                                                                           *bounds))]
    return merge_nested(hits, frozenset(lex.words["apart_marks"]))

