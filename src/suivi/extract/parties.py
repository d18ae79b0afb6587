"""Who commits: the party behind a cue, read from its subject and, failing that, from the
reporting frame, the sentence before, the speaker or the article's main parties.

Why an order of fallbacks and not one rule: the press names the committing party in many
ways — by name or capital ("Tokyo would"), demonym ("le gouvernement nippon"), a person who
serves a state, a pronoun ("Elle formera"), a definite description of a body named earlier
("the agency", "the bloc"), the host of a meeting ("le pays hôte"), a passive with its doer
("hébergé par la Banque mondiale") — and a subject that is a thing ("the line will open")
only commits someone when a speaker is named. Each fallback lowers the confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from suivi.extract.agents import ActorContext, is_party_phrase, is_pronoun
from suivi.extract.cues import Lexicon, fold
from suivi.extract.hits import (
    AWAITED,
    INSTALMENT,
    IT_PRONOUNS,
    READY,
    STAYING,
    Hit,
    antecedent,
    children,
    core_ranges,
    of_complement,
    passive_doer,
    reported,
    stands_for,
    subject_range,
)
from suivi.extract.nominal import LISTED_AID, NEXT_STEP
from suivi.extract.outputs import OUTPUT
from suivi.extract.patterns import STOP
from suivi.extract.quantities import find_quantities, states_sum
from suivi.extract.units import Unit

_SELF_REFERENCE = re.compile(
    r"^(?:il|elle|ils|elles|nous|je|on|he|she|they|we|i|it|(?:son|sa|leur|notre|mon|his|her|its|their|our|my)"
    r"\s+(?:pays|gouvernement|nation|état|country|government|nation|state))$",
    re.IGNORECASE,
)


_PRONOUN_ATTRIBUTION = re.compile(
    r"(?:^|[,;:»”\"]\s*)(?:he|she|il|elle)\s+(?:(?:has|had|a|avait)\s+)?"
    r"(?:told|said|says|added|stated|declared|explained|a\s+(?:dit|déclaré|ajouté|indiqué|affirmé|précisé|expliqué)"
    r"|dit|déclare|ajoute|indique|affirme|précise|explique)\b",
    re.IGNORECASE,
)


def _speaker(unit: Unit, hit: Hit, ctx: ActorContext) -> str | None:
    """The state of who speaks: a person named in the unit, else the last one before. When the
    unit's own attribution is a pronoun ("..., he told reporters after meeting President X"),
    the person named after it is not the speaker: the pronoun's person, named before, is."""
    text = ctx.text[unit.start:unit.end]
    m = _PRONOUN_ATTRIBUTION.search(text)
    if m is not None:
        return ctx.speaker_before(unit.start) or ctx.speaker_in(unit.start, unit.end)
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


def agents_of(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> tuple[list[str], str | None, bool]:
    """(agent keys, agent text, whether a fallback was used); no agent means no commitment."""
    agents, phrase, fallback = _no_thing_doers(_agents_of(text, unit, hit, ctx, lex), ctx, lex)
    if ctx.groups and any(k in ctx.groups for k in agents):
        # a group the article defines by its members acts for them ("IPG comprises France, ...")
        agents = list(dict.fromkeys([*agents, *(m for k in agents for m in ctx.groups.get(k, ()))]))
    return agents, phrase, fallback


def _no_thing_doers(found: tuple[list[str], str | None, bool], ctx: ActorContext,
                    lex: Lexicon) -> tuple[list[str], str | None, bool]:
    """Agents without the bodies the reader keyed from a thing's name ("the Mombasa Economic
    Zone Development Project", "the Atlantic Initiative", "the Intergovernmental Agreement", "the
    Project"): a project, plan, deal or work does nothing; its parties do. When they were the
    only agents, the report's parties stand for them (a fallback)."""
    agents, phrase, fallback = found
    things = {fold(w) for key in ("plan_nouns", "agreement_nouns", "facility_nouns")
              for w in lex.words.get(key, frozenset())}
    kept = [k for k in agents if not (k.startswith("org:") and k[4:].rsplit("-", 1)[-1] in things)]
    if len(kept) == len(agents):
        return found
    if kept:
        return kept, phrase, fallback
    return list(ctx.main_parties[:2]), phrase, True


def _agents_of(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> tuple[list[str], str | None, bool]:
    """The agents as the unit's words tell them, before things named as bodies are set aside."""
    if unit.kind == "item":
        doer = item_doer(text, unit, ctx, lex)
        if doer:
            return doer, None, False
        lo, hi = hit.subject or (unit.start, unit.start)
        parties = ctx.parties_in(lo, hi)
        first = ctx.named_parties(lo, hi)
        opening = text[lo:first[0][0]] if first else text[lo:hi]
        if parties and ctx.main_parties and is_party_phrase(opening, lex):
            # "Both countries agreed to ... projects that benefit the Maldivian people. Key
            # initiatives include:": the parties the introducer opens with, not those it names after
            parties = list(ctx.main_parties)
        if not parties and _given(text, hit, lex) and ctx.main_parties:
            # "- 8 new coastguard boats will be provided": a listed gift in the passive is the
            # giver's, not every party's (the receiver and the lender named as a condition)
            return _giver(text, unit, hit, ctx), None, True
        return (parties or list(ctx.main_parties)), text[lo:hi].strip() or None, not parties
    if hit.contents is not None:  # "This will include a fund of $100 million": what the package holds
        return _contents_giver(text, unit, hit, ctx, lex), None, True
    if hit.subject is not None and text[hit.subject[0]:hit.subject[1]].strip().lower() in lex.words.get(
        "thing_pronouns", ()
    ):
        return [], None, False  # "ça va nous soulager", said of a gift: its effect, nobody's pledge
    source = _money_source(hit, ctx, lex)
    if not source and hit.nominal and hit.cue == LISTED_AID:
        source = _item_source(text, unit, ctx, lex)  # "- $1 billion from France"
    if source:
        return source, None, False  # "3 billion will come from the Italian climate fund": its giver
    if _impersonal(hit):
        return list(ctx.main_parties), None, True
    if hit.cue == NEXT_STEP and ctx.main_parties:
        # « Prochaine étape pour les partenaires : travailler sur ... »: those the opener names,
        # else the state of who says so in the sentence, else the report's parties
        named = ctx.parties_in(*hit.subject) if hit.subject is not None else []
        who = ctx.speaker_in(unit.start, unit.end)
        return named or ([who] if who else list(ctx.main_parties[:2])), None, not named
    if hit.subject is not None and people_subject(text, hit, lex) and (
        _attributed(text, unit, hit, lex) or ctx.main_parties
    ):
        lo, hi = hit.subject
        granted = set(ctx.parties_in(lo, hi))
        agents = [k for k in _attribution_party(unit, hit, ctx) if k not in granted]
        return agents or [k for k in ctx.main_parties if k not in granted][:1], None, True
    if hit.doer is not None:  # a passive with its doer: "sera hébergé par la Banque mondiale"
        lo, hi = hit.doer
        hi += len(re.match(r"[-‐\w’']*", text[hi:]).group())  # "par le Royaume-Uni": the parser cut the name
        parties = ctx.parties_in(lo, hi)
        if parties:
            return parties, text[lo:hi], False
        if ctx.main_parties and is_party_phrase(text[lo:hi], lex):
            # "is due to be signed by the two presidents", « sera signé par les deux parties »
            return list(ctx.main_parties), text[lo:hi], False
    if hit.cue == AWAITED and not ctx.parties_in(unit.start, unit.end) and ctx.main_parties:
        return list(ctx.main_parties[:2]), None, True  # "the final investment decision is expected by 2025"
    if hit.cue == OUTPUT and ctx.main_parties:
        named = ctx.parties_in(*hit.subject) if hit.subject is not None else []
        return named or list(ctx.main_parties[:2]), None, not named  # "the project will create 5,000 jobs"
    if (hit.cue == READY and hit.subject is not None and ctx.main_parties
            and not _not_where(text, *hit.subject, ctx.parties_in(*hit.subject), ctx, lex)):
        # "the centres (in Albania) should be operational by next spring": the state of who says
        # so in the sentence ("..., Meloni told reporters"), else the report's parties
        who = ctx.speaker_in(unit.start, unit.end)
        return ([who] if who else list(ctx.main_parties[:2])), None, True
    if ctx.main_parties and _scheduled_work(hit):
        # "Morocco is building the Dakhla port, scheduled for completion by 2028": the milestone
        # of whoever the clause says carries the work out, else of the report's parties
        assert hit.token is not None
        clause = hit.token
        while clause.dep_.split(":")[0] not in ("acl", "relcl") and clause.head.i != clause.i:
            clause = clause.head
        work = clause.head
        verb = work.head if work.dep_ in ("dobj", "obj") else (  # "..., with construction expected":
            work.head.head if work.dep_ == "pobj" and work.head.lower_ == "with" else None)  # the clause's verb
        builders = [k for s in (children(verb, "nsubj") if verb is not None else [])
                    for k in ctx.parties_in(s.left_edge.idx, s.right_edge.idx + len(s.right_edge))]
        return list(dict.fromkeys(builders)) or list(ctx.main_parties[:2]), None, True
    if hit.cue == INSTALMENT and ctx.main_parties:
        return _giver(text, unit, hit, ctx), None, True  # "the first tranche will be $5 billion"
    between = _agreed_between(hit, ctx)
    if between:
        return between, None, False  # "a loan has been agreed between Japan and Kenya": both parties
    if hit.subject is not None and ctx.main_parties and _agreement_provides(text, hit, lex):
        # « L'accord prévoyait un accès à la mer Rouge pour l'Éthiopie »: what an agreement that
        # names no party provides for is its parties' (those it names, else the article's)
        named = ctx.parties_in(*hit.subject)
        return named or list(ctx.main_parties[:2]), None, not named
    if hit.cue == STAYING and hit.subject is not None:
        # "80 French soldiers will remain"; "France handed the base over. A detachment of 80
        # soldiers will remain": the troops of whoever the text spoke of just before, else of
        # its first party
        own = ctx.parties_in(*hit.subject)
        if own or ctx.previous_subject or ctx.main_parties:
            return own or list(ctx.previous_subject or ctx.main_parties[:1]), None, not own
    if hit.subject is not None:
        found = _subject_agents(text, unit, hit, ctx, lex)
        if found is not None:
            return found
    if unit.kind == "headline" or hit.subject is None:
        # no readable subject (a headline "Russie : X promet ...", a parse slip): the party
        # named before the cue in the same unit, else the person speaking
        named = ctx.parties_in(unit.start, hit.start)
        if named:
            return named[:1] if unit.kind == "headline" else named, None, True
        who = _speaker(unit, hit, ctx) if unit.kind != "headline" else None
        if who:
            return [who], None, True
    if _given(text, hit, lex) and ctx.main_parties:
        # "une aide de 8,3 millions de dollars sera allouée à la région": money or aid given in
        # the passive, no giver named: who made the article's last pledge, else its first party
        # (before the meeting test: "un milliard sera accordé à la Tunisie" is a gift, not a meeting)
        return _giver(text, unit, hit, ctx), None, True
    if hit.event and _carries_on(text, unit, hit, ctx, lex):
        # "Il s'est engagé à former 30 000 experts ... Les cours seront proposés au Kenya": a
        # passive future of a thing the text points back to, right after a pledge, is more of
        # that pledge, its giver's
        return list(ctx.last_giver), None, True
    if hit.event and ctx.parties_in(unit.start, unit.end):
        # a meeting or institution of the parties named here; a programme with no party named
        # ("various seminars will be held") is no one's pledge
        return list(ctx.main_parties), None, True
    if hit.event and ctx.main_parties and _names_a_vote(text, hit, lex):
        # « Une élection présidentielle est censée avoir lieu en décembre », "a referendum will be
        # held": a vote is held by a state, the article's first party when none is named
        return list(ctx.main_parties[:1]), None, True
    if hit.event and ctx.main_parties and _works_passive(hit, lex):
        # "the port will be upgraded and an airport will be built in the area": works told in the
        # passive future in a report on the parties' partnership are theirs to carry out
        return list(ctx.main_parties[:2]), None, True
    if _attributed(text, unit, hit, lex) and not _forecast(text, hit, lex):
        return _on_behalf(text, unit, hit, ctx), None, True
    if hit.subject is not None and hit.modality == "plan" and _measure_subject(text, hit, lex) and _dated(
        text[unit.start:unit.end], lex
    ) and not _told_before(hit, lex):
        # "Cette mesure doit entrer en vigueur le 1er mai", "zero levies will apply from May 1": the
        # measure of whoever was the subject just before, else of the article's first party
        owner = list(ctx.previous_subject) or list(ctx.main_parties[:1])
        if owner:
            return owner, text[hit.subject[0]:hit.subject[1]].strip() or None, True
    if hit.cue.split()[-1] in lex.words["duration_verbs"] and ctx.main_parties:
        # "la mission devrait durer sept mois": the undertaking of whoever the text last tied to
        # that noun ("la Turquie va débuter sa mission"), else of the article's first party
        return _owner_told_before(text, unit, hit, ctx) or list(ctx.main_parties[:1]), None, True
    if hit.nominal and hit.cue == LISTED_AID and ctx.main_parties:
        return _giver(text, unit, hit, ctx), None, True  # "- €150 million in budgetary assistance"
    if hit.nominal and ctx.main_parties:
        return list(ctx.main_parties[:1]), None, True  # a sum due by a date: the article's first party
    if (hit.modality == "promise" and hit.token is not None and hit.subject is not None and ctx.main_parties
            and unit.kind != "headline" and _definite_subject(text, hit, lex) and not _passive(hit.token)
            and _pledges_money(text, hit, unit)):
        # "les partenaires de l'initiative promettent 53 milliards de dollars": a sum pledged
        # by a subject that names no party is the article's main parties' pledge
        return list(ctx.main_parties), None, True
    if hit.subject is not None and ctx.main_parties and _meeting_decides(text, hit, lex):
        # "The summit decided to establish follow-up mechanisms": those who met decided
        return list(ctx.main_parties), text[hit.subject[0]:hit.subject[1]].strip() or None, True
    if _agreement_carries_on(text, unit, hit, ctx, lex):
        # "Le partenariat États-Unis-UE modernisera ... Le partenariat combinera des ressources
        # financières": what the agreement just told of will do, its parties will
        return list(ctx.last_giver), text[hit.subject[0]:hit.subject[1]].strip() or None, True
    listed = _listed_members(text, unit, hit, ctx, lex)
    if listed:
        # "plusieurs pays ont promis de contribuer au fonds, notamment l'Allemagne (...), l'Italie
        # (...)": the countries named after "notamment" are those who pledged
        return listed, text[hit.subject[0]:hit.subject[1]].strip() or None, False
    return [], None, False


def _money_source(hit: Hit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The parties named as where a sum comes from: "from the Italian climate fund", « du fonds
    italien » after a verb of origin (data: money_source_verbs) whose subject is the sum."""
    tok = hit.token
    if tok is None or tok.lemma_.lower() not in lex.words.get("money_source_verbs", ()):
        return []
    if not any(states_sum(" ".join(t.text for t in s.subtree)) for s in tok.children if s.dep_.startswith("nsubj")):
        return []
    for c in tok.children:
        origin = c.lower_ == "from" or (c.dep_.startswith("obl") and any(
            m.dep_ == "case" and m.lemma_.lower() == "de" for m in c.children))
        if origin:
            return ctx.parties_in(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text), places=False)
    return []


def _extent(tok: Token) -> tuple[int, int]:
    """Character offsets of a token's whole subtree."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def receipt_parties(hit: Hit, ctx: ActorContext, lex: Lexicon) -> tuple[list[str], list[str]] | None:
    """Who gives and who gets when the act is a receipt with its source named: "Ghana will
    receive $50 million from Japan", "the deal will see Rwanda receive £120 million from the UK
    government" (a plan's outcome, data: outcome_verbs). The source after "from" commits; the
    receiver benefits. None when the act is no receipt or names no party as its source."""
    tok = hit.token
    if tok is None:
        return None
    verbs = lex.words["receive_verbs"]
    if tok.lemma_.lower() not in verbs:
        tok = next((c for c in children(tok, "ccomp", "xcomp") if c.lemma_.lower() in verbs
                    and tok.lemma_.lower() in lex.words.get("outcome_verbs", ())), None)
        if tok is None:
            return None
    for prep in children(tok, "prep"):
        if prep.lower_ != "from":
            continue
        givers = ctx.parties_in(*_extent(prep), places=False)
        if not givers:
            return None
        receivers = [k for s in children(tok, "nsubj", "nsubjpass") for k in ctx.parties_in(*_extent(s))]
        return givers, [k for k in dict.fromkeys(receivers) if k not in givers]
    return None


def _agreed_between(hit: Hit, ctx: ActorContext) -> list[str]:
    """The parties an agreement in the passive is said to be "between" ("annual payments have
    been agreed between the UK and Rwanda", « un calendrier a été convenu entre Paris et Dakar »):
    the subject is what was agreed, the parties are named after the preposition."""
    tok = hit.token
    if tok is None or hit.modality != "agreement" or not _passive(tok):
        return []
    for prep in tok.children:
        if prep.lower_ in ("between", "entre"):
            return ctx.parties_in(*_extent(prep), places=False)
    return []


def _agreement_carries_on(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> bool:
    """An agreement the text points back to ("le partenariat", "the deal"; data:
    pointing_determiners, agreement_nouns) as the subject of an active future act, just
    after a pledge (in one of the two sentences before), naming no party itself; not what it
    makes possible ("permettra", "will help"; data: effect_verbs)."""
    if unit.kind != "sentence" or hit.token is None or hit.subject is None or not ctx.last_giver:
        return False
    if ctx.since_pledge > 2 or _passive(hit.token) or ctx.parties_in(*hit.subject):
        return False
    if hit.modality not in ("plan", "promise") or hit.token.lemma_.lower() in lex.words.get("effect_verbs", ()):
        return False
    words = _subject_words(text, hit)
    agreements = {fold(w) for w in lex.words.get("agreement_nouns", ())}
    return (len(words) == 2 and words[0] in {fold(w) for w in lex.words["pointing_determiners"]}
            and words[1] in agreements)


def _listed_members(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """Parties named after an inclusion marker ("notamment", "including", "such as"; data:
    inclusion_markers) following the cue, when the subject is a group of states with no name
    ("plusieurs pays", "other countries", "donors"; data: state_group_nouns)."""
    if hit.subject is None:
        return []
    nouns = {fold(w) for w in lex.words.get("state_group_nouns", ())}
    if not nouns & set(_subject_words(text, hit)):
        return []
    tail = fold(text[hit.end:unit.end])
    for marker in lex.phrases.get("inclusion_markers", ()):
        at = re.search(rf"(?<![\w]){re.escape(fold(marker))}(?![\w])", tail)
        if at is not None:
            return ctx.parties_in(hit.end + at.end(), unit.end, places=False)
    return []


def _meeting_decides(text: str, hit: Hit, lex: Lexicon) -> bool:
    """A meeting as the subject of a decision ("The summit decided", "le sommet a convenu";
    data: meeting_nouns, decision_verbs), no party named in it (that was tried above)."""
    assert hit.subject is not None
    if hit.token is None or hit.token.lemma_.lower() not in lex.words["decision_verbs"]:
        return False
    return _names_a_meeting(_subject_words(text, hit), lex)


def _names_a_vote(text: str, hit: Hit, lex: Lexicon) -> bool:
    """The event's subject is a vote (data: vote_nouns: élection, référendum, election ...)."""
    if hit.subject is None:
        return False
    votes = {fold(w) for w in lex.words.get("vote_nouns", ())}
    return bool(votes) and any(w in votes for w in _subject_words(text, hit))


def _carries_on(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> bool:
    """A passive future in a body sentence just after a pledge (in one of the two sentences
    before), its subject a thing the text points back to ("These measures will be
    implemented", "Les cours seront proposés"; data: pointing_determiners), not a party nor a
    meeting: the pledge goes on."""
    if unit.kind != "sentence" or hit.token is None or hit.subject is None or not ctx.last_giver:
        return False
    if ctx.since_pledge > 1 or not _passive(hit.token) or ctx.parties_in(*hit.subject):
        return False
    words = _subject_words(text, hit)
    if not words or words[0] not in {fold(w) for w in lex.words["pointing_determiners"]}:
        return False
    # "The summit will be held in Nairobi" is the meeting of all its parties (below)
    return not _names_a_meeting(words, lex)


def _agreement_provides(text: str, hit: Hit, lex: Lexicon) -> bool:
    """The cue is a verb of contents (data: content_verbs: prévoir, stipuler, provide) whose
    subject is an agreement (data: agreement_nouns), written with its article: "the accord
    provides for", « l'accord prévoyait »."""
    if hit.token is None or hit.token.lemma_.lower() not in lex.words.get("content_verbs", ()):
        return False
    if hit.cue != hit.token.lemma_.lower():
        return False  # "the trade deal will provide new jobs": a future effect, not the deal's contents
    if any(c.lower_ in ("comme", "as") for c in hit.token.children):
        return False  # « comme le prévoit l'accord, leur identité est vérifiée »: a procedure described
    words = _subject_words(text, hit)
    agreements = {fold(w) for w in lex.words.get("agreement_nouns", ())}
    if len(words) == 1 and words[0] in IT_PRONOUNS:
        # « Le contrat concerne les infrastructures. Il prévoit la construction d'un chemin de fer »:
        # "it" stands for the agreement the sentence before opened with
        pronoun = next((c for c in hit.token.children if c.dep_.split(":")[0] == "nsubj"), None)
        return pronoun is not None and pronoun.lower_ in IT_PRONOUNS and stands_for(
            pronoun, lex.words.get("agreement_nouns", frozenset()))
    if 1 <= len(words) <= 4 and words[-1] in agreements:
        return True
    # the subject's head noun, wherever its adjectives stand (« l'accord intergouvernemental,
    # ratifié lors de cette session, prévoit »)
    head = next((c for c in hit.token.children if c.dep_.split(":")[0] == "nsubj"), None)
    return head is not None and head.pos_ == "NOUN" and bool({fold(head.lemma_), fold(head.lower_)} & agreements)


def _subject_words(text: str, hit: Hit) -> list[str]:
    """The subject's words, folded ("the summit" -> ["the", "summit"])."""
    assert hit.subject is not None
    return re.findall(r"[\w-]+", fold(text[hit.subject[0]:hit.subject[1]]))


def _names_a_meeting(words: list[str], lex: Lexicon) -> bool:
    """Some of the words name a meeting (data: meeting_nouns)."""
    return bool(set(words) & {fold(w) for w in lex.words["meeting_nouns"]})


def _definite_subject(text: str, hit: Hit, lex: Lexicon) -> bool:
    """A subject that points at parties known to the reader ("les partenaires de l'initiative",
    "development partners"), not at some others ("des pays", "several donors"; data:
    indefinite_determiners)."""
    assert hit.subject is not None
    words = re.findall(r"[\w'’-]+", fold(text[hit.subject[0]:hit.subject[1]]))
    return bool(words) and words[0] not in {fold(w) for w in lex.words["indefinite_determiners"]}


def _passive(tok: Token) -> bool:
    """"being offered £3,000", "sera versé": the subject receives, it does not give."""
    return any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in tok.children) or (
        tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children))


def _pledges_money(text: str, hit: Hit, unit: Unit) -> bool:
    """A sum of money as the pledge's object ("promettent 53 milliards de dollars", "have
    pledged over $70bn"), not anywhere in the clauses that hang on it."""
    assert hit.token is not None
    for obj in hit.token.children:
        if obj.dep_ not in ("dobj", "obj"):
            continue
        words = [t for t in obj.subtree if unit.start <= t.idx < unit.end]
        if words and any(q.kind == "money" for q in find_quantities(
                text[words[0].idx: words[-1].idx + len(words[-1])])):
            return True
    return False


def _scheduled_work(hit: Hit) -> bool:
    """A work's milestone told on its noun ("the port, scheduled for completion by 2028", "...,
    with construction expected to begin next year", « le métro, qui doit entrer en service en
    2021, »): the readers mark it (Hit.milestone)."""
    return hit.milestone and hit.token is not None


def _works_passive(hit: Hit, lex: Lexicon) -> bool:
    """A passive future of building works (data: works_verbs: "will be built", "sera construit")."""
    tok = hit.token
    if tok is None or tok.lemma_.lower() not in lex.words.get("works_verbs", ()):
        return False
    return any(c.dep_ in ("auxpass", "aux:pass") for c in tok.children)


def _told_before(hit: Hit, lex: Lexicon) -> bool:
    """The cue in the pluperfect (« avait été annoncée en avril », "had been announced"; data:
    restate_auxiliaries): what was said before, recalled, not a measure's schedule."""
    auxes = lex.words.get("restate_auxiliaries", frozenset())
    return hit.token is not None and any(c.dep_.startswith("aux") and c.lower_ in auxes for c in hit.token.children)


def _measure_subject(text: str, hit: Hit, lex: Lexicon) -> bool:
    """The subject names a measure a party takes (data: measure_nouns): "cette mesure", "the
    new levies", "l'exemption"; or the works it carries out (data: works_nouns): "la
    construction du quai", "la mise en service"; or what those works build (data: facility_nouns):
    "the plant is due to be completed in 2022", or the project itself (data: scheduled_projects)."""
    assert hit.subject is not None
    # the elided article apart: « l'exécution du projet » names « exécution »
    words = {fold(w).split("'")[-1] for w in re.findall(r"[\w'’-]+", text[hit.subject[0]:hit.subject[1]])}
    nouns = (lex.words["measure_nouns"] | lex.words.get("works_nouns", frozenset())
             | lex.words.get("facility_nouns", frozenset()) | lex.words.get("scheduled_projects", frozenset()))
    return bool(words & {fold(w) for w in nouns})


def _dated(sentence: str, lex: Lexicon) -> bool:
    """The sentence states when ("le 1er mai", "from May 1"): a measure's schedule, not its effects."""
    from suivi.extract.deadlines import states_when

    return states_when(sentence, lex.language)


def _owner_told_before(text: str, unit: Unit, hit: Hit, ctx: ActorContext) -> list[str]:
    """The parties named before the last earlier mention of the subject's head noun, in that
    mention's sentence ("La Turquie va débuter sa mission ..." for "La mission devrait ...")."""
    if hit.subject is None:
        return []
    words = re.findall(r"\w{4,}", text[hit.subject[0]:hit.subject[1]])
    if not words:
        return []
    found = [m.start() for m in re.finditer(rf"\b{re.escape(words[0])}\b", text[:unit.start], re.IGNORECASE)]
    if not found:
        return []
    at = found[-1]
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    return ctx.parties_in(start, at)[:1]


_POSSESSIVES = frozenset({"our", "its", "their", "his", "her", "my", "notre", "nos", "leur", "leurs", "son", "sa",
                          "ses", "mon", "ma", "mes"})


def _pronoun(phrase: str) -> bool:
    """A pronoun, a self-reference ("son pays"), or a possessive standing for the owner of a will
    ("underscores our commitment to ...": the subject read is "our")."""
    return bool(_SELF_REFERENCE.match(phrase) or (phrase.split() and is_pronoun(phrase.split()[-1]))
                or phrase.strip().lower() in _POSSESSIVES)


def _apposition_parties(hit: Hit, start: int, end: int, ctx: ActorContext) -> list[str]:
    """Parties an apposition to a subject that names none tells as its makers: "Mission 300,
    a joint effort of the World Bank and the AfDB, aims to ..." (the parser leaves the
    apposition out of the subject phrase)."""
    if hit.token is None:
        return []
    found: list[str] = []
    for tok in hit.token.doc:
        if not start <= tok.idx < end:
            continue
        for c in tok.children:
            if c.dep_ == "appos" and c.idx >= end:
                words = list(c.subtree)
                found += ctx.parties_in(words[0].idx, words[-1].idx + len(words[-1]))
    return list(dict.fromkeys(found))


_BARE_NAME = re.compile(r"(?:[A-ZÀ-Ý][\w&’'-]*\s?){1,4}")
INTRODUCTION_REACH = 160  # characters of an apposition introducing a name


def _introduced_parties(text: str, phrase: str, start: int, ctx: ActorContext) -> list[str]:
    """The parties named in the apposition that introduced a bare name earlier in the text: a
    company or body no gazetteer knows, told once with its state or owner ("Masdar, a
    UAE-government-owned renewable energy company based in Abu Dhabi, will contribute ...")
    and later by its name alone ("Masdar also plans to mobilise ...")."""
    name = phrase.strip()
    if not _BARE_NAME.fullmatch(name):
        return []
    m = re.compile(rf"(?<![\w-]){re.escape(name)},\s+(?:(?:an?|the|un|une|le|la)\s+|l['’]\s*)"
                   rf"([^.;,]{{3,{INTRODUCTION_REACH}}})").search(text, 0, start)
    if m is None:
        return []
    return list(dict.fromkeys(ctx.parties_in(m.start(1), m.end(1))))


# the owner closing a subject phrase: "... of the Commission", « ... de la Commission »
_OWNER_TAIL = re.compile(r"\b(?:of|de|du|des)\s+((?:the|la|le|les|l['’])\s*[A-ZÀ-Ý][\w-]+)$")


def _our_goal(phrase: str, lex: Lexicon) -> bool:
    """"Our goal", "notre objectif" (data: goal_nouns): a first-person aim, a pledge of the
    side speaking when a plan follows ("... is to double trade")."""
    words = re.findall(r"[\w-]+", fold(phrase))
    return len(words) >= 2 and words[0] in _FIRST_PLURAL and bool(
        set(words[1:3]) & {fold(w) for w in lex.words["goal_nouns"]})


def _owned(phrase: str, lex: Lexicon) -> bool:
    """A subject phrase holding a possessive of the third person ("le cœur de son offre")."""
    owners = {fold(w) for w in lex.words.get("possessive_determiners", ())}
    return any(w in owners for w in re.findall(r"[\w'’-]+", fold(phrase)))


def _short_form(phrase: str, lex: Lexicon) -> bool:
    """A definite article and one capitalised noun: "the Commission", "la Banque"."""
    words = phrase.split()
    dets = {fold(w) for w in lex.words.get("definite_determiners", ())}
    return len(words) == 2 and fold(words[0]) in dets and words[1][:1].isupper() and words[1][1:].islower()


def hyphenated_start(text: str, start: int) -> int:
    """Where a name cut at a hyphen begins: the French parser splits "Royaume-Uni" into
    three tokens and may give the subject as "Uni" alone."""
    while start >= 2 and text[start - 1] in "-‐" and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    return start


def _unbacked_parties(text: str, s: int, e: int, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The parties of a subject phrase but its backers: "Ce programme, soutenu par la présidente
    de la Commission européenne, prévoit ...", "the plan, backed by the World Bank, will ..."
    (data: backer_participles, then agent_prepositions, up to the next comma) -- who supports a
    programme is not who carries it out."""
    backers = lex.words.get("backer_participles", frozenset())
    by = lex.words.get("agent_prepositions", frozenset())
    cuts = []
    for m in re.finditer(r"[\w’'-]+", text[s:e]):
        if m.group().lower() in backers:
            after = re.match(r"\s+([\w’'-]+)", text[s + m.end(): e])
            if after and after.group(1).lower() in by:
                comma = text.find(",", s + m.end(), e)
                cuts.append((s + m.start(), comma if comma >= 0 else e))
    if not cuts:
        return ctx.parties_in(s, e)
    found: list[str] = []
    at = s
    for lo, hi in cuts:
        found += ctx.parties_in(at, lo)
        at = hi
    found += ctx.parties_in(at, e)
    return list(dict.fromkeys(found))


def _not_where(text: str, s: int, e: int, parties: list[str], ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The subject's parties but the states named only as where its noun is ("the two centres in
    Albania will hold 3,000 people", « les centres en Albanie ») -- a place, not a doer, unless
    the noun is one that stands for a state ("the authorities in Niger"; data: located_prepositions,
    generic_state_nouns, actor_nouns)."""
    where = lex.words.get("located_prepositions", frozenset())
    if not parties or not where:
        return parties
    actors = {fold(w) for w in lex.words.get("generic_state_nouns", ())} | {
        fold(w) for w in lex.words.get("actor_nouns", ())}
    located: set[str] = set()
    told: set[str] = set()
    for at, key in ctx.named_parties(s, e):
        before = re.findall(r"[\w’'-]+", text[s:at])
        if len(before) >= 2 and fold(before[-1]) in where and not ({fold(w) for w in before[:-1]} & actors):
            located.add(key)
        else:
            told.add(key)
    dropped = located - told
    return [k for k in parties if k not in dropped]


def _subject_agents(
    text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon
) -> tuple[list[str], str | None, bool] | None:
    """Agents read from the subject phrase, or None to let the caller's fallbacks decide."""
    assert hit.subject is not None
    s, e = hit.subject
    s = hyphenated_start(text, s)
    phrase = text[s:e].strip(" \t\"'“”«»‘’,")
    surface = hit.token is None and lex.language == "en"
    ante = antecedent(hit.token) if hit.relative and hit.token is not None else None
    if hit.relative and hit.event:
        return [], phrase, False  # "le sommet qui se tiendra en mai": a meeting described, not pledged
    if ante is not None:  # only the noun itself (or its owner) can be the doer
        parties = ctx.parties_at(ante.idx) + [k for r in core_ranges(ante) for k in ctx.parties_in(*r)]
        parties = list(dict.fromkeys(parties))
        return (parties, phrase, False) if parties else ([], phrase, False)
    parties = _en_subject_parties(text, s, e, ctx) if surface else _unbacked_parties(text, s, e, ctx, lex)
    named_where = bool(parties)
    parties = _not_where(text, s, e, parties, ctx, lex)
    named_where = named_where and not parties
    if parties and all(len(k) == 3 and k.isupper() for k in parties):
        company = ctx.company_anaphor(phrase, s, lex)
        if company:
            parties = [company]  # "the Taiwan-based company promised": the company named before
    if parties and _short_form(phrase, lex) and parties[0] in {b.key for b in ctx.bodies}:
        # "the Commission" after "the European Commission": the body named in full before,
        # not a body of its own the reader found in the short form
        # "the Board" (data: generic_org_nouns) is the last body named before
        own = frozenset(parties[:1])
        full = ctx.org_anaphor(phrase, s, lex, full_names=True) or ctx.org_anaphor(phrase, s, lex, exclude=own)
        parties = [full or parties[0], *parties[1:]]
    if parties:
        return parties, phrase, False
    parties = _apposition_parties(hit, s, e, ctx)
    if parties:
        return parties, phrase, False  # "Mission 300, a joint effort of the World Bank and the AfDB, aims to"
    parties = _introduced_parties(text, phrase, s, ctx)
    if parties:
        return parties, phrase, True  # "Masdar also plans to" after "Masdar, a UAE-government-owned company,"
    if is_party_phrase(phrase, lex):
        return list(ctx.main_parties), phrase, False
    if hit.party_subject and not hit.relative and _our_goal(phrase, lex):
        # "our goal is to carry this figure to 75 billion", said by a leader: the speaker's
        who = _speaker(unit, hit, ctx)
        if who:
            return [who], phrase, True
        if _quoted(text, unit.start) and ctx.main_parties:
            return list(ctx.main_parties[:1]), phrase, True
    if hit.relative or hit.party_subject:
        return [], phrase, False  # "policies that will allow", "the deal is to promote": a description
    host = ctx.host_state() if _host_phrase(phrase, lex) else None
    if host:
        return [host], phrase, True  # "le pays hôte s'est engagé"
    body = ctx.org_anaphor(phrase, s, lex)
    if body:
        return [body], phrase, True  # "the agency will assign ...": the agency named before
    owner = _OWNER_TAIL.search(phrase)
    body = ctx.org_anaphor(owner.group(1), s, lex, full_names=True) if owner else None
    if body:
        # « une délégation de fonctionnaires de la Commission se rendra ... »: the subject's owner
        # is the body named in full before
        return [body], phrase, True
    state = ctx.state_anaphor(phrase, s, lex)
    if state:
        return [state], phrase, True  # "le pays s'était engagé à verser ...": the state named before
    pronoun = _pronoun(phrase)
    if not pronoun and _forecast(text, hit, lex):
        return [], phrase, False  # "prices will rise, the minister said": a forecast
    if hit.reporter is not None:  # "Russia said it would ...": the reporter's party
        parties = _en_subject_parties(text, *hit.reporter, ctx)
        if parties:
            return (parties if pronoun else _unless_outsider(parties, ctx)), phrase, True
    if hit.token is not None and reported(hit.token, lex):
        # "le ministre tchadien a assuré que son pays enverrait ...": the reporter's party
        outer = subject_range(hit.token.head, unit.start, unit.end)
        if outer is not None:
            parties = ctx.parties_in(*outer)
            if parties:
                return (parties if pronoun else _unless_outsider(parties, ctx)), phrase, True
            if _pronoun(text[outer[0]:outer[1]].strip()):
                who = _speaker(unit, hit, ctx)
                if who:
                    return [who], phrase, True
    if ctx.previous_subject and not hit.relative and not pronoun and _owned(phrase, lex):
        # "Bruxelles est venue avec des promesses fortes. Le cœur de son offre reste le programme
        # Global Gateway, doté de 150 milliards": the owner is the sentence before's subject
        # (after the reporter: "il a promis que son pays ..." is the speaker's)
        return list(ctx.previous_subject), phrase, True
    latter = {fold(w) for w in lex.phrases.get("latter_pronouns", ())}
    if fold(phrase) in latter:
        # « Le gouvernement namibien a choisi l'entreprise Hyphen. Celle-ci s'est engagée à
        # investir »: the latter is the party named last before it, not the sentence's subject
        named = ctx.parties_in(max(0, unit.start - LATTER_REACH), unit.start)
        if named:
            return named[-1:], phrase, True
    if pronoun:
        # "issued a statement saying it was a decision to leave": the governing clause's
        # subject; else the subject of the sentence before ("la marine turque protégera ...
        # Elle formera ..."); else the person speaking
        governing = _governing_subject(hit, unit, ctx, lex)
        if governing:
            return governing, phrase, True
        if ctx.previous_subject and not phrase.lower().startswith(("nous", "we", "je", "i ")):
            return list(ctx.previous_subject), phrase, True
        who = _speaker(unit, hit, ctx)
        if who:
            return [who], phrase, True
        if _first_plural(phrase) and _quoted(text, unit.start) and ctx.main_parties:
            # "« Nous avons décidé de ... »", "“We have decided to ...”" spoken by a leader
            # whose state the text never states: the side speaking is the article's first party
            return list(ctx.main_parties[:1]), phrase, True
    if named_where and ctx.main_parties:
        # "the two centres in Albania will now also house migrants": a thing of the report's
        # parties, where it is no sign of whose
        return list(ctx.main_parties[:2]), phrase, True
    return None


_FIRST_PLURAL = {"we", "nous", "our", "notre", "nos"}
LATTER_REACH = 300  # characters before the unit where "the latter" looks for the party it stands for
_OPENING = "“«„"
_CLOSING = "”»"
_NEXT_CLAUSE = (", but ", "; ", ", mais ", ", while ", ", tandis ")
"""Where a clause told after a gift begins: whom it names ("..., but the package has yet to be
approved by the EU") is not the gift's receiver."""


def _first_plural(phrase: str) -> bool:
    words = phrase.lower().split()
    return bool(words) and words[0] in _FIRST_PLURAL


def _quoted(text: str, pos: int) -> bool:
    """Whether `pos` lies inside quoted speech opened earlier in its paragraph (quotes running
    over several sentences open once: “China will ... We have decided ...)."""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    opened = sum(before.count(c) for c in _OPENING) + before.count('"') % 2
    closed = sum(before.count(c) for c in _CLOSING)
    return opened > closed or text[pos:pos + 1] in _OPENING + '"'


def _governing_subject(hit: Hit, unit: Unit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The parties of the nearest enclosing clause with a subject that is not a pronoun."""
    if hit.token is None:
        return []
    for anc in hit.token.ancestors:
        if not unit.start <= anc.idx < unit.end:
            break
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        outer = subject_range(anc, unit.start, unit.end)
        if outer is None or outer == hit.subject:
            continue
        phrase = ctx.text[outer[0]:outer[1]].strip()
        if _pronoun(phrase):
            continue
        parties = ctx.parties_in(*outer)
        if parties:
            return parties
        if is_party_phrase(phrase, lex):
            return list(ctx.main_parties)
        return []
    return []


def _host_phrase(phrase: str, lex: Lexicon) -> bool:
    folded = fold(phrase)
    return any(fold(w) in folded for w in lex.words.get("host_words", ()))


def _given(text: str, hit: Hit, lex: Lexicon) -> bool:
    """A passive of giving whose subject is money or aid ("une aide ... sera allouée"), or a sum
    or aid that will pay for something ("A first phase of $3bn will finance transport projects",
    "the loan and grant package will fund basic infrastructure")."""
    if hit.token is None or hit.subject is None or hit.doer is not None:
        return False
    # the act is the cue's own verb, or the one a modal governs (« devraient être alloués »)
    act = next((t for t in (hit.token, hit.verb) if t is not None
                and t.lemma_.lower() in lex.words.get("giving_verbs", ())), None)
    if act is None:
        # « Un premier décaissement de 700 millions USD est prévu pour des travaux » : a sum
        # scheduled is paid by whoever gives it
        return (hit.token.lemma_.lower() in lex.words.get("scheduled_participles", ())
                and any(c.dep_ in ("aux:pass", "auxpass") for c in hit.token.children)
                and states_sum(text[hit.subject[0]:hit.subject[1]]))
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in act.children)
    if states_sum(text[hit.subject[0]:hit.subject[1]]):
        return True  # "dont un milliard sera versé avant la fin de 2024"
    subject = fold(text[hit.subject[0]:hit.subject[1]])
    if not passive:
        # "The loan and grant package will fund basic infrastructure": the aid pays, its giver acts
        # (not "the reduced payments will give the Maldives more time": data: paying_verbs)
        return act.lemma_.lower() in lex.words.get("paying_verbs", ()) and any(
            re.search(rf"\b{re.escape(fold(w))}\b", subject) for w in lex.words.get("aid_nouns", ()))
    return bool(re.search(r"\d", subject)) or any(
        re.search(rf"\b{re.escape(fold(w))}\b", subject) for w in lex.words.get("aid_nouns", ())
    )


def _giver(text: str, unit: Unit, hit: Hit, ctx: ActorContext) -> list[str]:
    """Who gives money or aid the sentence leaves unnamed: the party of the article's last pledge
    ("L'UE va signer un accord ... un milliard sera versé avant fin 2024"), else its first
    party that is not the one it names most as a receiver ("a partnership with Egypt", "for
    Egypt"); never a party the sentence names after the verb, who receives ("sera versé à
    l'Égypte")."""
    # the parties after the verb up to a closing quote (not the attribution that follows:
    # "...,” detailed this European Commission official"), and any named as receivers
    quoted_end = min((i for i in (text.find(q, hit.end, unit.end) for q in (*_CLOSING, *_NEXT_CLAUSE)) if i >= 0),
                     default=unit.end)
    # (a capital there is not a receiver: "un hôpital de référence Riyad en Sierra Leone")
    receivers = set(ctx.parties_in(hit.end, quoted_end, places=False)) | set(ctx.receivers_in(hit.end, quoted_end))
    found = [k for k in ctx.last_giver if k not in receivers]
    if found:
        return found
    ranked = ctx.received.most_common(2)
    dominant = None
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        dominant = ranked[0][0]
    found = [k for k in ctx.main_parties if k not in receivers and k != dominant]
    if not found and ctx.main_parties[0] in receivers:
        # the only party named twice receives here ("La Norvège et le Ghana ont signé un pacte.
        # Un milliard sera accordé au Ghana"): the giver is a party named once, not the receiver
        found = [k for k in ctx.named_once if k not in receivers]
    return found[:1] or list(ctx.main_parties[:1])


def _contents_giver(text: str, unit: Unit, hit: Hit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """Who pledges what an agreement or pledge contains: its owner ("the US's 2021 pledges",
    "les engagements pris par les États-Unis", "l'aide de la Chine"), else the giver of the
    article's last pledge (`_giver`)."""
    noun = hit.contents
    assert noun is not None
    spans: list[tuple[int, int]] = []
    for c in noun.children:
        dep = c.dep_.split(":")[0]
        if c.dep_ == "poss" or (dep == "nmod" and c.i > noun.i and of_complement(c)):
            toks = list(c.subtree)
            spans.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
        elif dep in ("acl", "relcl") and c.lower_ not in lex.words.get("backer_participles", ()):
            # "pris par les États-Unis", "made by Japan", "the work to be undertaken by CCECC";
            # not "soutenu par", who backs it
            doer = passive_doer(c)
            if doer is not None:
                spans.append(doer)
    found = [k for lo, hi in spans for k in ctx.parties_in(lo, hi)]
    return list(dict.fromkeys(found)) or _giver(text, unit, hit, ctx)


def _forecast(text: str, hit: Hit, lex: Lexicon) -> bool:
    """A change of state of a thing ("prices will rise"), or what a thing will bring told with a
    word of certainty ("the deal will undoubtedly provide new opportunities"): a forecast, whoever
    says it."""
    verb = hit.token.lemma_.lower() if hit.token is not None else fold(hit.cue.split()[-1])
    if verb in lex.words.get("forecast_verbs", ()):
        return True
    if hit.token is None:
        return False
    sure = {fold(w) for w in lex.words["certainty_adverbs"]}
    return any(c.dep_ == "advmod" and fold(c.text) in sure for c in hit.token.children)


def item_doer(text: str, unit: Unit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The party a list item names as doer: "la construction par l'Inde de ...", "delivery by Japan of"."""
    return _party_after(text, unit, ctx, lex.words.get("agent_prepositions", ()), places=True)


def _item_source(text: str, unit: Unit, ctx: ActorContext, lex: Lexicon) -> list[str]:
    """The party a listed sum comes from: "- $1 billion from France" (data: source_prepositions)."""
    return _party_after(text, unit, ctx, lex.words.get("source_prepositions", ()), places=False)


def _party_after(text: str, unit: Unit, ctx: ActorContext, prepositions: Iterable[str], places: bool) -> list[str]:
    """The first party named right after the item's first one of these prepositions."""
    words = "|".join(re.escape(w) for w in prepositions)
    if not words:
        return []
    m = re.search(rf"\b(?:{words})\s+", text[unit.start: unit.end], re.IGNORECASE)
    if not m:
        return []
    lo = unit.start + m.end()
    return ctx.parties_in(lo, min(unit.end, lo + 40), places=places)[:1]


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
    if found:
        return _unless_outsider(found, ctx)
    # the main parties but the partner the sentence names after the verb ("Western nations have
    # announced an $8.5bn partnership with South Africa"), who receives rather than gives
    partners = set(ctx.receivers_in(hit.end, unit.end))
    return [k for k in ctx.main_parties if k not in partners] or list(ctx.main_parties)


def _attribution_party(unit: Unit, hit: Hit, ctx: ActorContext) -> list[str]:
    """The speaker named in the unit, else a party named outside the subject (the attribution
    "the Senegalese minister said"), else the last person named before."""
    who = ctx.speaker_in(unit.start, unit.end)
    if who:
        return [who]
    lo, hi = hit.subject or (hit.start, hit.start)
    # not the partner or receiver named after the verb ("have announced a partnership with
    # South Africa"): the attribution names who speaks, not whom the pledge is for
    partners = set(ctx.receivers_in(hit.end, unit.end))
    outside = [k for p, k in ctx.named_parties(unit.start, unit.end) if not lo <= p < hi and k not in partners]
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


def people_subject(text: str, hit: Hit, lex: Lexicon) -> bool:
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


