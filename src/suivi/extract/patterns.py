"""Cues read without a parse: list items under an introducer, and surface patterns.

Why patterns survive the English model: a language without a spaCy model, or an install
where the model is missing, still gets commitments from the regular expressions of
data/cues/commitments.<lang>.yaml (`cues`, `rejects`); list items are read the same way in
every language because their introducer line, not their grammar, says they are pledges.
"""

from __future__ import annotations

import re

from suivi.extract.cues import Lexicon, fold
from suivi.extract.hits import Hit
from suivi.extract.units import Unit

STOP = {"le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "à", "au", "aux", "en", "et",
        "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "its", "their", "son", "sa", "ses",
        "leur", "leurs", "ce", "cette", "ces", "qui", "que", "«", "»"}

def introduced(text: str, unit: Unit, lex: Lexicon) -> bool:
    """The item hangs under a line that introduces pledges ("Le communiqué prévoit :")."""
    if unit.introducer is None:
        return False
    intro = fold(text[unit.introducer[0]: unit.introducer[1]])
    return any(fold(w) in intro for w in lex.phrases["list_introducers"])


_RELATIVE_TAIL = re.compile(r",\s+(?:qui|lequel|laquelle|which|that)\s+(?=[^,]*$)")


def _own_clause(intro: str) -> str:
    """The relative clause that introduces the list when the line ends with one ("Ce rappel met
    en lumière les défis ... de cet accord, qui prévoit notamment :"): what the main clause says
    (a reminder, a challenge) does not reject what the agreement provides for."""
    m = _RELATIVE_TAIL.search(intro)
    return intro[m.end():] if m else intro


def item_hits(text: str, unit: Unit, lex: Lexicon) -> list[Hit]:
    if unit.introducer is None or not introduced(text, unit, lex):
        return []
    intro = _own_clause(fold(text[unit.introducer[0]: unit.introducer[1]]))
    if any(fold(w) in intro for w in lex.phrases["list_introducer_rejects"]):
        return []
    body = text[unit.start: unit.end]
    words = re.findall(r"[\w’'-]+", fold(body))
    first = next((w for w in words if w not in STOP), "")
    rejects = {fold(w) for w in lex.words["list_item_rejects"]}
    if not first or first in rejects or first.split("-")[0] in rejects:
        return []
    return [Hit(None, "list:" + text[unit.introducer[0]: unit.introducer[1]].strip(), "agreement", 0.7,
                 unit.start, unit.end, unit.introducer, event=True)]


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding `pos` begins (after the last ';', ':' or sentence start)."""
    cut = max(text.rfind(";", start, pos), text.rfind(":", start, pos))
    return cut + 1 if cut >= 0 else start


_EN_BOUNDARY = re.compile(r",?\s+(?:and|while|whereas|but)\s+|;\s*")


def pattern_hits(text: str, unit: Unit, lex: Lexicon) -> list[Hit]:
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
        hits.append(Hit(None, cue_text, modality, 0.7, unit.start + s, unit.start + e, subject,
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

