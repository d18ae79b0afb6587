"""Acts listed after one cue, each with its own object: one commitment each.

"China will expand market access for farm products, deepen cooperation in e-commerce, and
launch a quality programme" is three things to follow up, and a later report may settle one
of them and not the others; so is « la Chine mettrait en œuvre la politique ..., qu'elle
faciliterait les exportations ... et qu'elle collaborerait avec l'Afrique ... ». The cut is made
at a separator (", ", ", and ", " et ", "; ") that opens a new act: a verb in the form of a
pledged act (base form, infinitive after "to"/"à"/"de", future or conditional, or a "que"/"that"
clause of one), coordinated with the act before it, with an object of its own. Two acts, verbs
sharing one object ("will build, train and equip the units") and pieces shorter than three
words stay one commitment; so do acts that carry figures, which `enumeration` cuts by their figures.

Works on the parse only: the callers pass the reading stage's doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from suivi.read.nlp import doc_text

ToCome = Callable[[Token], bool]  # a finite verb in the future or the conditional

_SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:and|et|or|ou)\s+|ainsi\s+qu(?:e\s+|['’]\s*)|as\s+well\s+as\s+)?"
                        r"|\s+(?:and|et|ainsi\s+que|as\s+well\s+as)\s+", re.IGNORECASE)
_OPENERS = frozenset({"to", "à", "de", "d'", "d’"})
_CLAUSE_OPENERS = frozenset({"que", "qu'", "qu’", "that"})
_MODALS = frozenset({"will", "would", "shall"})
# what makes an act's own object: "expand market access", "collaborerait avec l'Afrique"
_OBJECT_DEPS = frozenset({"dobj", "obj", "prep", "obl", "obl:arg", "obl:mod", "dative", "iobj", "attr"})
_MIN_WORDS = 3
# three acts or more: two coordinated acts are most often one undertaking told in two verbs
# ("will provide the land and build the access road", "financera les travaux et formera les
# ingénieurs"), and reports follow them up together
_MIN_CUTS = 2
_SUBJECT_REACH = 4  # tokens from "qu'" to its verb: "qu'elle", "que la Chine", "that it would"


def _tagged_to_come(tok: Token) -> bool:
    return "Fut" in tok.morph.get("Tense") or "Cnd" in tok.morph.get("Mood")


def _act_form(tok: Token, to_come: ToCome) -> bool:
    """A verb in the form of an act to come: base form, infinitive, future or conditional."""
    return tok.pos_ == "VERB" and (tok.tag_ == "VB" or "Inf" in tok.morph.get("VerbForm") or to_come(tok))


def _own_object(tok: Token) -> bool:
    return any(c.dep_ in _OBJECT_DEPS for c in tok.children)


def _opened_act(doc: Doc, tok: Token, to_come: ToCome) -> Token | None:
    """The act a segment opens with at `tok`, or None: "deepen ...", "to train ...", "à former
    ...", "will build ...", "qu'elle faciliterait ...", "that it would ..."."""
    if tok.lower_ in _CLAUSE_OPENERS:
        for k in range(tok.i + 1, min(tok.i + 1 + _SUBJECT_REACH, len(doc))):
            t = doc[k]
            if t.pos_ == "VERB":
                finite = to_come(t) or (k > 0 and doc[k - 1].lower_ in _MODALS)
                return t if finite else None
            if t.pos_ not in ("PRON", "DET", "NOUN", "PROPN", "AUX", "ADV"):
                return None
        return None
    if tok.lower_ in _OPENERS or tok.lower_ in _MODALS:
        if tok.i + 1 >= len(doc):
            return None
        tok = doc[tok.i + 1]
    if not _act_form(tok, to_come) or tok.dep_ != "conj":
        return None
    return tok


_NOUN_OPENERS = frozenset({"la", "le", "l'", "l’", "les", "the", "un", "une", "a", "an"})
_NOUN_OBJECT_DEPS = frozenset({"prep", "nmod", "nmod:poss"})


def _opened_noun_act(doc: Doc, tok: Token, act_nouns: frozenset[str]) -> Token | None:
    """The act a segment names by its noun at `tok`, or None: "la levée de l'ordonnance", "the
    restart of the mine" -- a noun of action with its own complement. The parse's attachment
    is not asked: the small models hang such items as conjuncts, appositions or obliques alike."""
    if tok.lower_ in _NOUN_OPENERS and tok.i + 1 < len(doc):
        tok = doc[tok.i + 1]
    if (tok.pos_ != "NOUN" or tok.lemma_.lower() not in act_nouns
            or not any(c.dep_ in _NOUN_OBJECT_DEPS for c in tok.children)):
        return None
    return tok


def _list_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def act_list_cuts(doc: Doc, starts: dict[int, Token], to_come: ToCome | None = None,
                  act_nouns: frozenset[str] = frozenset()) -> Callable[[int, int], list[tuple[int, int]]]:
    """`cuts(start, end)`: where the evidence text[start:end] lists several acts, the (end of
    the piece before, start of the next) character offsets of each cut; [] when it lists one.
    `to_come` tells a future or conditional (French forms: the tagger's morphology is wrong on
    many conditionals); by default the tagger's. `starts`: the doc's tokens by first character.
    `act_nouns`: nouns of action, for acts listed by their nouns ("provides for the release of
    four employees, the lifting of the seizure and the restart of the mine")."""
    to_come = to_come or _tagged_to_come
    text = doc_text(doc)

    def cuts(start: int, end: int) -> list[tuple[int, int]]:
        found = _verb_cuts(start, end)
        return found or (_noun_cuts(start, end) if act_nouns else [])

    def _noun_cuts(start: int, end: int) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for m in _SEPARATOR.finditer(text, start, end):
            tok = starts.get(m.end())
            if tok is not None and _opened_noun_act(doc, tok, act_nouns) is not None:
                found.append((m.start(), m.end()))
        if len(found) < _MIN_CUTS:
            return []
        # the list opens with an act named the same way ("provides for the release of ...")
        opening = doc.char_span(start, found[0][0], alignment_mode="expand")
        if opening is None or not any(_opened_noun_act(doc, t, act_nouns) is t for t in opening):
            return []
        return found if _pieces_long_enough(text, start, end, found) else []

    def _verb_cuts(start: int, end: int) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        roots: set[int] = set()  # the first act of the list each listed verb is coordinated with
        for m in _SEPARATOR.finditer(text, start, end):
            tok = starts.get(m.end())
            act = _opened_act(doc, tok, to_come) if tok is not None else None
            if act is None or not _own_object(act):
                continue
            if act.dep_ == "conj" and tok.lower_ not in _CLAUSE_OPENERS:
                # a verb of the list (a clause with its own subject is one whatever the parser
                # hangs it on): so is the one it follows
                root = _list_root(act)
                if not _own_object(act.head) or not start <= root.idx < m.start():
                    continue
                roots.add(root.i)
            found.append((m.start(), m.end()))
        if len(found) < _MIN_CUTS or len(roots) > 1:
            return []
        first = [t for t in doc if start <= t.idx < found[0][0] and _act_form(t, to_come) and _own_object(t)]
        if not first:
            return []
        return found if _pieces_long_enough(text, start, end, found) else []

    return cuts


def _pieces_long_enough(text: str, start: int, end: int, found: list[tuple[int, int]]) -> bool:
    """Every piece the cuts leave of text[start:end] has `_MIN_WORDS` words at least."""
    bounds = [start, *(b for _a, b in found)]
    ends = [*(a for a, _b in found), end]
    return all(len(text[lo:hi].split()) >= _MIN_WORDS for lo, hi in zip(bounds, ends, strict=True))
