"""Quotes: direct quotes in « », “ ” and "…", and indirect speech ("X a annoncé que …"),
each with its speaker.

Why these rules, in this order: a speaker written right after a quote with a reporting verb
(«…», a ajouté M. Lavrov / «…», rapporte RFI / "…," he said) is the most explicit; then a
source marker or reporting verb before the quote in the same sentence (Selon RFI, «…» /
X a déclaré : «…»), its subject found with the dependency parse when there is one; then the
sentence's or the paragraph's subject. Pronouns ("Il a ajouté") resolve to the last person
who was a sentence subject; "le média" to the last outlet cited; "le ministre malien" to the
person of the article whose role serves that state.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from suivi.read.actors import ArticleActors, MentionDraft
from suivi.read.gazetteer import ActorRef, get_gazetteer
from suivi.read.lexicon import Lexicon
from suivi.read.nlp import doc_text
from suivi.read.roles import Role
from suivi.read.sentences import Sentences
from suivi.read.textnorm import fold

_QUOTE = re.compile(r"«\s*([^«»]{2,2000}?)\s*»|“\s*([^“”]{2,2000}?)\s*”|\"([^\"\n]{2,1000}?)\"")
_SENT_BREAK = re.compile(r"(?<![A-Z])[.!?]\s")
_WHO_END = re.compile(r"[,;:!?\n«»\"“”(]|(?<!\b[A-Z])\.(?!\w)")
_LEAD = re.compile(r"[ \t]*,?[ \t]*")  # never across a full stop: the next sentence is not the speaker
_SUBJ_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "nsubjpass"}  # French UD and English ClearNLP labels
_OBJECT_PRONOUNS = {"lui", "elle", "him", "her"}
# English reported clause without "that": "X said his country would ..."
_EN_CLAUSE = re.compile(r"\b(?:would|will|could|should|can|may|might|had|has|have|is|was|were|are|plans?|planned)\b")
# French inverted pronoun after a quote: "», a-t-il déclaré", "», précise-t-elle", "», dit-il"
_INVERTED = re.compile(r"(?:(?:a|avait|aurait)-t-(il|elle)\s+(\w+)|(\w+)-(?:t-)?(il|elle))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Who:
    """A speaker: a person of the article (cluster index), a gazetteer actor, or a role
    reference ("le ministre malien") left for the stage to resolve with roles known from
    other articles when the article itself names nobody in that role."""

    person: int | None = None
    ref: ActorRef | None = None
    role_title: str | None = None
    role_states: tuple[str, ...] = ()


@dataclass
class QuoteDraft:
    start: int
    end: int
    text: str
    direct: bool
    verb: str | None
    speaker: Who | None


class QuoteReader:
    """Reads the quotes of one parsed article; see module docstring."""

    def __init__(self, doc: Doc, lex: Lexicon, actors: ArticleActors, sents: Sentences,
                 roles: dict[int, list[Role]]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        self.sents = sents
        self.mentions = [m for m in actors.mentions if m.label != "gaz:adjective"]
        self.all_mentions = actors.mentions
        self._starts = [m.start for m in self.mentions]
        self.roles = roles  # person cluster index -> roles
        self.has_deps = doc.has_annotation("DEP")
        self._found = self._find_direct()
        self._quote_ranges = [(a, b) for a, b, _, _ in self._found]
        self.subjects = self._sentence_subjects()

    # -- mentions ------------------------------------------------------------------------
    def _in(self, start: int, end: int) -> list[MentionDraft]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    @staticmethod
    def _who(m: MentionDraft) -> Who:
        if m.kind == "person":
            return Who(person=m.person)
        ref = m.ref
        if ref is not None and ref.sub == "capital" and ref.state:  # "Moscow said": the Russian state
            ref = get_gazetteer().get(ref.state) or ref
        return Who(ref=ref)

    # -- subjects ------------------------------------------------------------------------
    def _subject_token_who(self, tok: Token) -> Who | None:
        """The actor a subject token stands for (its subtree's first person, else actor)."""
        left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        inside = self._in(left, right)
        persons = [m for m in inside if m.kind == "person"]
        if persons:
            return self._who(persons[0])
        others = [m for m in inside if m.ref is not None]
        if others:
            return self._who(others[0])
        if fold(tok.text) in self.lex.pronouns:
            return Who(person=-1)  # resolved by the caller to the previous subject
        if self.lex.person_anaphor_re.match(self.text[left:left + 40]):  # "Ce dernier a salué ..."
            return self._last_person_mention(left)
        return self._role_phrase(left, right)

    def _last_person_mention(self, pos: int) -> Who | None:
        persons = [m for m in self.mentions if m.kind == "person" and m.end <= pos]
        return self._who(persons[-1]) if persons else None

    def _sentence_subjects(self) -> list[Who | None]:
        """Per sentence: the person or actor it is about (pronouns carry the previous one)."""
        out: list[Who | None] = []
        last_person: Who | None = None
        for s, e in self.sents.ranges:
            who = self._subject_in(s, e)
            if who is not None and who.person == -1:
                who = last_person
            if who is not None and who.person is not None:
                last_person = who
            out.append(who)
        return out

    def _subject_in(self, s: int, e: int) -> Who | None:
        if self.has_deps:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    if tok.dep_ in _SUBJ_DEPS and tok.head.dep_ == "ROOT" and not self._quoted(tok.idx):
                        return self._subject_token_who(tok)
        first = self._in(s, e)
        head = self.text[s:e].split(None, 1)
        if head and fold(head[0]) in self.lex.pronouns:
            return Who(person=-1)
        persons = [m for m in first if m.kind == "person"]
        return self._who(persons[0]) if persons else None

    def _last_person_before(self, pos: int) -> Who | None:
        """The subject person of the nearest earlier sentence that has one ("Il a ajouté")."""
        for i in range(min(self.sents.index(pos), len(self.subjects)) - 1, -1, -1):
            w = self.subjects[i]
            if w is not None and w.person is not None and w.person >= 0:
                return w
        return None

    def _quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._quote_ranges)

    # -- phrase resolution ----------------------------------------------------------------
    def _role_phrase(self, start: int, end: int) -> Who | None:
        """"le ministre malien" -> the article's person whose role serves that state."""
        phrase = self.text[start:end]
        if not self.lex.role_re.search(phrase):
            return None
        states = {m.ref.code or m.ref.state for m in self.all_mentions
                  if m.ref is not None and start <= m.start and m.end <= end}
        states.discard(None)
        title = fold(self.lex.role_re.search(phrase).group())
        if not states and not any(title in fold(r.text) for rs in self.roles.values() for r in rs):
            return None
        best: tuple[int, int] | None = None
        for person, roles in self.roles.items():
            for r in roles:
                score = (r.serves in states if states else 1) * 2 + (title in fold(r.text))
                if states and r.serves not in states:
                    continue
                if best is None or score > best[0]:
                    best = (score, person)
        if best is not None:
            return Who(person=best[1])
        return Who(role_title=title, role_states=tuple(sorted(states))) if states else None

    def resolve(self, start: int, end: int, before: int) -> Who | None:
        inside = self._in(start, end)
        persons = [m for m in inside if m.kind == "person"]
        if persons:
            return self._who(persons[0])
        phrase = self.text[start:end]
        if self.lex.outlet_anaphor_re.search(fold(phrase)):
            outlets = [m for m in self.mentions if m.ref is not None and m.ref.is_outlet and m.start < before]
            if outlets:
                return self._who(outlets[-1])
        if self.lex.person_anaphor_re.match(phrase):  # a prefix regex: matched on the phrase itself
            return self._last_person_mention(start)
        role = self._role_phrase(start, end)
        if role is not None:
            return role
        words = phrase.split()
        if words and fold(words[0]) in self.lex.pronouns:
            return self._last_person_before(start)
        actors = [m for m in inside if m.ref is not None]
        return self._who(actors[0]) if actors else None

    # -- direct quotes --------------------------------------------------------------------
    def _after(self, oe: int) -> tuple[Who | None, str | None]:
        lead = _LEAD.match(self.text, oe)
        pos = lead.end() if lead else oe
        if self.text[pos:pos + 1] in (".", "!", "?", "\n", ""):
            return None, None
        inv = _INVERTED.match(self.text, pos)
        if inv:
            return self._last_person_before(pos), inv.group()
        verb = self.lex.reporting_re.match(self.text, pos)
        if verb:  # inversion: «…», a ajouté M. Lavrov / », rapporte RFI
            who_start = verb.end()
            stop = _WHO_END.search(self.text, who_start)
            who_end = stop.start() if stop else len(self.text)
            if who_end - who_start <= 90:
                return self.resolve(who_start, who_end, oe), verb.group()
        # speaker then verb: "…," Lavrov said. / », M. Diop a-t-il ajouté
        stop = _WHO_END.search(self.text, pos)
        clause_end = stop.start() if stop else len(self.text)
        clause = self.text[pos:clause_end]
        verb = self.lex.reporting_re.search(clause)
        if verb and verb.start() <= 80:
            who = self.resolve(pos, pos + verb.start(), oe)
            if who is not None:
                return who, verb.group()
        return None, None

    def _before(self, os_: int) -> tuple[Who | None, str | None]:
        line_start = self.sents.line_start(os_)
        head = self.text[line_start:os_]
        breaks = list(_SENT_BREAK.finditer(head))
        cs = line_start + (breaks[-1].end() if breaks else 0)
        ctx = self.text[cs:os_]
        if not ctx.strip():
            return None, None
        src = list(self.lex.source_re.finditer(ctx))
        if src:
            m = src[-1]
            stop = _WHO_END.search(self.text, cs + m.end(), os_)
            who = self.resolve(cs + m.end(), stop.start() if stop else os_, os_)
            if who is not None:
                return who, m.group()
        verb_tok = self._reporting_token(cs, os_)
        if verb_tok is not None:
            who = self._subject_of_verb(verb_tok)
            if who is not None:
                return who, verb_tok.text
        verbs = list(self.lex.reporting_re.finditer(ctx))
        m = verbs[-1] if verbs else None
        if m is not None:
            persons = [x for x in self._in(cs, cs + m.start()) if x.kind == "person"]
            if persons:
                return self._who(persons[-1]), m.group()
            after = [x for x in self._in(cs + m.end(), os_) if x.kind == "person"]
            if after:
                return self._who(after[0]), m.group()
            words = ctx.split()
            if words and fold(words[0]) in self.lex.pronouns:
                return self._last_person_before(cs), m.group()
        return None, None

    def _reporting_token(self, start: int, end: int) -> Token | None:
        if not self.has_deps:
            return None
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return None
        found = None
        lemmas = self.lex.reporting_lemmas | self.lex.indirect_lemmas
        for tok in span:
            if tok.pos_ in ("VERB", "AUX") and fold(tok.lemma_) in lemmas:
                found = tok
        return found

    def _subject_of_verb(self, verb: Token) -> Who | None:
        tok: Token | None = verb
        for _ in range(4):
            if tok is None:
                break
            for child in tok.children:
                if child.dep_ in _SUBJ_DEPS:
                    who = self._subject_token_who(child)
                    if who is not None and who.person == -1:
                        return self._last_person_before(child.idx)
                    if who is not None:
                        return who
            if tok.head is tok:
                break
            tok = tok.head
        return None

    def _fallback(self, os_: int) -> Who | None:
        idx = self.sents.index(os_)
        who = self.subjects[idx] if idx < len(self.subjects) else None
        if who is not None and (who.person is not None or (who.ref is not None and who.ref.is_outlet)):
            return who
        line = self.sents.line_of(os_)
        for i in range(idx - 1, -1, -1):
            if self.sents.line_of(self.sents.ranges[i][0]) != line:
                break
            w = self.subjects[i]
            if w is not None and w.person is not None:
                return w
        return None

    def _find_direct(self) -> list[tuple[int, int, int, int]]:
        found = []
        for m in _QUOTE.finditer(self.text):
            g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
            if len(m.group(g).split()) >= 2:
                found.append((m.start(), m.end(), m.start(g), m.end(g)))
        return found

    def direct(self) -> list[QuoteDraft]:
        out = []
        for os_, oe, qs, qe in self._found:
            who, verb = self._after(oe)
            if who is None:
                who, verb = self._before(os_)
            if who is None:
                who = self._fallback(os_)
            while qe > qs and self.text[qe - 1] in ",;: ":  # English puts the comma inside: "…,"
                qe -= 1
            out.append(QuoteDraft(qs, qe, self.text[qs:qe], True, verb, who))
        return out

    # -- indirect speech ------------------------------------------------------------------
    def indirect(self) -> list[QuoteDraft]:
        out = []
        for s, e in self.sents.ranges:
            hit = self._indirect_in(s, e) or self._according_to(s, e)
            if hit is not None:
                out.append(hit)
        return out

    def _according_to(self, s: int, e: int) -> QuoteDraft | None:
        """"Selon X, ..." / "According to X, ..." opening a sentence with no direct quote."""
        sentence = self.text[s:e]
        m = self.lex.source_re.match(sentence)
        if not m or any(s <= a < e for a, _ in self._quote_ranges):
            return None
        comma = sentence.find(",", m.end())
        if comma < 0 or comma - m.end() > 90:
            return None
        # "Selon le vice-ministre russe, Viktor Zaïtsev, la Russie ...": skip the apposed name
        for mention in self._in(s + comma + 1, s + comma + 60):
            gap = self.text[s + comma + 1:mention.start]
            if mention.kind == "person" and not gap.strip() and self.text[mention.end:mention.end + 1] == ",":
                comma = mention.end - s
            break
        text = sentence[comma + 1:].strip()
        if len(text.split()) < 3:
            return None
        who_start, who_end = s + m.end(), s + comma
        phrase = fold(self.text[who_start:who_end]).split()
        if phrase and phrase[-1] in _OBJECT_PRONOUNS:  # "selon lui", "according to her"
            who = self._last_person_before(s)
        else:
            who = self.resolve(who_start, who_end, s)
        if who is None:
            return None
        start = self.text.index(text, s + comma)
        return QuoteDraft(start, start + len(text), text, False, m.group(), who)

    def _indirect_in(self, s: int, e: int) -> QuoteDraft | None:
        if self.has_deps:
            span = self.doc.char_span(s, e, alignment_mode="contract")
            if span is None:
                return None
            for tok in span:
                if self._quoted(tok.idx) or fold(tok.lemma_) not in self.lex.indirect_lemmas or tok.pos_ != "VERB":
                    continue
                nxt = [t for t in tok.doc[tok.i + 1: min(tok.i + 4, span.end)] if not t.is_space]
                comp = next((t for t in nxt if fold(t.text) in self.lex.complementizers), None)
                if comp is not None:
                    start = comp.idx + len(comp.text)
                else:  # "X said his country would ...": a clausal complement with no "that"
                    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                                   and c.pos_ in ("VERB", "AUX") and c.left_edge.i <= tok.i + 3), None)
                    if clause is None or self._quoted(clause.idx):
                        continue
                    start = clause.left_edge.idx
                text = self.text[start:e].strip()
                if len(text.split()) < 3:
                    continue
                start = self.text.index(text, start)
                who = self._subject_of_verb(tok)
                verb = self.text[tok.idx:tok.idx + len(tok.text)]
                return QuoteDraft(start, start + len(text), text, False, verb, who)
            return None
        sentence = self.text[s:e]
        for m in self.lex.indirect_re.finditer(sentence):
            comp = re.match(r"\s+(\w+['’]?)\s", sentence[m.end():])
            if not comp:
                continue
            if fold(comp.group(1)) in self.lex.complementizers:
                start = s + m.end() + comp.end()
            elif comp.group(1)[:1].isalpha() and _EN_CLAUSE.search(sentence, m.end(), m.end() + 60):
                start = s + m.end() + len(comp.group()) - len(comp.group().lstrip())
            else:
                continue
            if self._quoted(start):
                continue
            text = self.text[start:e].strip()
            if len(text.split()) < 3:
                continue
            persons = [x for x in self._in(s, s + m.start()) if x.kind == "person"]
            if persons:
                who: Who | None = self._who(persons[-1])
            else:
                head = sentence.split(None, 1)
                who = self._last_person_before(s) if head and fold(head[0]) in self.lex.pronouns else None
                if who is None:
                    actors = [x for x in self._in(s, s + m.start()) if x.ref is not None]
                    who = self._who(actors[-1]) if actors else None
            return QuoteDraft(start, start + len(text), text, False, m.group(), who)
        return None


def read_quotes(doc: Doc, lex: Lexicon, actors: ArticleActors, sents: Sentences,
                roles: dict[int, list[Role]]) -> list[QuoteDraft]:
    """Direct quotes then indirect speech of one article."""
    reader = QuoteReader(doc, lex, actors, sents, roles)
    return reader.direct() + reader.indirect()
