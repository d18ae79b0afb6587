"""Roles of persons: "le ministre malien des Affaires étrangères, X", "X, ministre burkinabè
des Affaires étrangères", "le général X (Niger)", "the Russian foreign minister X".

Why text windows and not the parse: appositions are reliably written as title + complement
+ comma next to the name, in both languages, and English is read without a parser. The state
served comes from the gazetteer inside the role phrase (a demonym, a state name, "de l'AES")
or from a parenthesis right after the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from suivi.read.gazetteer import GazMatch
from suivi.read.lexicon import Lexicon
from suivi.read.nlp import doc_text
from suivi.read.textnorm import fold

_STOP = re.compile(r"[.;:!?«»\"“”\n()]")
_AFTER = re.compile(r"\s*,\s*(?:(?:le|la|the)\s+|l['’])?", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()\n]{2,40})\)")
_ROLE_END = re.compile(r"[,;.()«»\"“”\n]|\s(?:a|ont|qui|avait|est|has|had|was|who|said)\s")
_LOWER_WORD = re.compile(r"(?<![\w’'])[a-zà-öø-ÿ][\w’'\-]*")
_GLUE = {"de", "du", "des", "d", "la", "l", "le", "et", "en", "of", "the", "for", "and", "chargé", "charge",
         "au", "aux"}
_BAD_POS = {"VERB", "AUX", "PRON", "SCONJ"}
MAX_WINDOW = 100
# between a state and a title: a possessive, up to three words ("Niger’s Head of State, General X"),
# maybe another title
_PREFIX_GAP = re.compile(r"(?:['’]s)?(?:\s+[A-Za-z][\w\-]*){0,3}(?:\s*,)?\s*")


@dataclass(frozen=True)
class Role:
    text: str
    serves: str | None
    start: int
    end: int


class RoleFinder:
    """Finds the role phrase next to a person mention; see module docstring."""

    def __init__(self, doc: Doc, lex: Lexicon, gaz: list[GazMatch]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        self.gaz = gaz
        self.has_pos = doc.has_annotation("POS")

    def _gaz_in(self, start: int, end: int) -> list[GazMatch]:
        return [g for g in self.gaz if start <= g.start and g.end <= end]

    def _serves(self, start: int, end: int) -> str | None:
        found = self._gaz_in(start, end)
        for g in found:
            if g.ref.kind == "state":
                return g.ref.code
        for g in found:
            if g.ref.kind == "alliance" or (g.ref.kind == "organization" and not g.ref.is_outlet):
                return g.ref.state or g.ref.key
        return None

    def _complement_ok(self, start: int, end: int) -> bool:
        between = self.text[start:end]
        if _STOP.search(between) or len(between) > 70:
            return False
        stripped = between.rstrip()
        if "," in stripped[:-1] if stripped.endswith(",") else "," in stripped:
            return False
        gaz_words = {fold(self.text[g.start:g.end]) for g in self._gaz_in(start, end)}
        loose = [w for w in _LOWER_WORD.findall(between)
                 if fold(w).strip("'’") not in _GLUE and fold(w) not in gaz_words
                 and fold(w) not in self.lex.filter_words]
        if len(loose) > 2:
            return False
        if self.has_pos:
            span = self.doc.char_span(start, end, alignment_mode="contract")
            if span is not None and any(t.pos_ in _BAD_POS for t in span):
                return False
        return True

    def _prefix_state(self, title_start: int) -> int:
        """Extend a role leftwards over a demonym or state written before the title (English:
        "the Russian foreign minister", "Mali's interim president", "Burkina Faso's leader, Captain")."""
        for g in self.gaz:
            kind_ok = g.ref.kind in ("state", "alliance") or (g.ref.kind == "organization" and not g.ref.is_outlet)
            near = g.end <= title_start and title_start - g.end <= 40 and kind_ok
            if near and _PREFIX_GAP.fullmatch(self.text[g.end:title_start]):
                return g.start
        return title_start

    def before(self, start: int) -> Role | None:
        lo = max(0, start - MAX_WINDOW)
        window = self.text[lo:start]
        found = list(self.lex.role_re.finditer(window))
        if not found:
            return None
        m = found[-1]
        t_start, t_end = lo + m.start(), lo + m.end()
        if not self._complement_ok(t_end, start):
            return None
        r_start = self._prefix_state(t_start)
        r_end = t_end + len(self.text[t_end:start].rstrip(" \t,"))
        return Role(self.text[r_start:r_end], self._serves(r_start, r_end), r_start, r_end)

    def after(self, end: int) -> Role | None:
        m = _AFTER.match(self.text, end)
        if not m or "," not in m.group():  # pattern.match(text, pos) anchors at pos
            return None
        t = self.lex.role_re.match(self.text, m.end())
        if not t:
            return None
        stop = _ROLE_END.search(self.text, t.end(), min(len(self.text), t.end() + 80))
        r_end = stop.start() if stop else min(len(self.text), t.end() + 80)
        r_start = m.end()
        return Role(self.text[r_start:r_end].strip(), self._serves(r_start, r_end), r_start, r_end)

    def paren_state(self, end: int) -> str | None:
        m = _PAREN.match(self.text, end)
        if not m:
            return None
        return self._serves(m.start(1), m.end(1))

    def role_of(self, start: int, end: int) -> Role | None:
        """The role written next to the mention [start, end), if any, with the state served."""
        role = self.before(start) or self.after(end)
        paren = self.paren_state(end)
        if role is None:
            return Role("", paren, end, end) if paren else None
        if role.serves is None and paren:
            return Role(role.text, paren, role.start, role.end)
        return role
