"""Find status evidence for earlier commitments in a later article.

A sentence is evidence for a commitment when
  1. it carries a status cue (data/cues/status.<lang>.yaml), or — without a cue — it puts the
     commitment's own action verb in the past tense ("livrera" -> "a livré"), and is not a
     mere restatement (reporting verbs, "réaffirme", "reiterated", statements of intent);
  2. it names a party of the commitment (an agent or beneficiary, a member of an alliance
     that is one, the state of a named place, or the surname the commitment was stated
     with) — or names nobody while the article does (a pronoun sentence);
  3. its action is compatible: multilingual sentence similarity with the commitment's action
     and evidence, plus shared key words (lower-case content words, compared by stem);
  4. its article was published after the commitment was first reported.
Why all four: cues alone would attach "reporté" to every pledge of the same outlet, and
similarity alone cannot tell a promise from its fulfilment. A sentence that is itself a new
commitment (the extraction stage stored a mention there) only counts when it has a cue.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from suivi.follow.counts import count_status, find_counts
from suivi.follow.cues import (
    StatusCues,
    all_generic_words,
    all_stem_suffixes,
    ends_something,
    get_cues,
    is_to_sign,
    is_to_start,
    launches,
    sets_a_level,
    sets_up_something,
    signs,
)
from suivi.follow.lifecycle import get_lifecycle
from suivi.models import Article
from suivi.reconcile.amounts import amounts

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[\"«“(]?\s?[A-ZÀ-ÖØ-Þ0-9])|\n+")
_ABBREV_WORDS = ("M", "MM", "Mme", "Dr", "St", "Mr", "Mrs", "Ms", "Gen", "Col", "gén", "col", "n°")


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """A title or initial that ends in a full stop without ending the sentence: the words above
    and the reading lexicons' honorifics (data/reading: "Prof.", "Sen.", « Pr »), so that
    "Tanzania's Minister of Transport, Prof. Makame Mbarawa, inspected ..." stays one sentence."""
    from suivi.read.lexicon import get_lexicon

    words = set(_ABBREV_WORDS)
    for lang in ("en", "fr"):
        words |= {w.rstrip(".") for w in get_lexicon(lang).honorifics if w.rstrip(".")}
    alternatives = "|".join(rf"\b{re.escape(w)}" for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\b[A-Z]|{alternatives})\.$")
STEM = 5
# the object a nominal cue governs: "the cancellation of the scheme", "l'annulation du programme"
_CUE_OBJECT = re.compile(
    r"\s+(?:of|du|des|de|d['’])\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*|its\s+|their\s+|son\s+|sa\s+|ses\s+)?"
    r"(?:[^\W\d_]+[\s-]+)?(?P<noun>[^\W\d_]{4,})", re.IGNORECASE)
FIRST_REACH = 80  # characters after a done cue where "the first (road)" is read
_FIRST = re.compile(r"\b(?:first|premi(?:er|ère|ers|ères))\b", re.IGNORECASE)
PAST_VERB_CONFIDENCE = 0.6
SENTENCE_PENALTY = 0.05
"""The whole sentence counts a little less than the clause that holds the cue."""
SENTENCE_TIE = 0.02
"""Commitments whose match score is this close to the best one share the sentence."""
STRONG_SHARED = 3
"""Key words of the cue's clause shared with a commitment that admit it on a low similarity,
even when the sentence names no party ("le site ... n'a toujours pas été rendu public")."""
RECALL_REACH = 400
"""Characters before a reported sum searched for the pledged sum it is measured against."""
RECALL_BONUS = 0.2
"""A commitment whose own sum the report restates just before or in the sentence ("Global
Gateway, worth EUR 150 billion. ... already mobilised 120 billion") is the one it is about."""
HEAD_BONUS = 0.15
"""The clause's first content word is what it talks about ("L'étude de faisabilité de la
centrale ..." moves the study, not the plant): sharing it ranks a commitment higher."""


@dataclass
class Profile:
    """What a commitment is matched on."""

    commitment_id: int
    key: str
    parties: set[str]
    names: set[str]  # folded surnames / proper words the commitment was stated with
    texts: list[str]
    stems: set[str]
    action_stems: set[str]
    first_published: str | None
    mention_articles: set[int] = field(default_factory=set)
    stories: set[int] = field(default_factory=set)  # stories of the articles that state it
    first_articles: set[int] = field(default_factory=set)  # the articles of its first report
    recurrence: str | None = None  # its period, for recurring pledges ("P1Y")
    deadline: str | None = None
    sums: list = field(default_factory=list)  # (article id, Amount): sums its mentions state (reconcile.amounts)
    counts: list = field(default_factory=list)  # (article id, follow.counts.Count): things its mentions count
    # articles that state it only as an earlier pledge ("le pays s'était engagé à verser ..."):
    # what they report of it is news about it, even when they are its first report
    recalled_in: set[int] = field(default_factory=set)

    def pledged_counts(self, report: Article) -> list:
        """The counts of things its mentions state outside this report (`follow.counts`)."""
        return [c for article_id, c in self.counts if article_id != report.id]

    def pledged_sums(self, report: Article) -> list:
        """The sums its mentions state outside this report (a report restating "the 90 million
        pledged" while telling what was paid does not make that a pledged sum of its own)."""
        return [a for article_id, a in self.sums if article_id != report.id]
    families: frozenset[str] = frozenset()  # acts its mentions name (reconcile action families)
    givers: set[str] = field(default_factory=set)  # its agents, a national body's state with it
    ends: bool | None = None  # whether the pledge is itself to end or leave something (`_ends_something`)
    sets_up: bool | None = None  # whether the pledge is to set up a body or mechanism (`_sets_up_something`)
    to_sign: bool | None = None  # whether the pledge is itself to sign something (`_is_to_sign`)
    to_start: bool | None = None  # whether the pledge is itself to begin something (`_is_to_start`)
    vectors: np.ndarray | None = field(default=None, compare=False, repr=False)  # of its texts


@dataclass
class Evidence:
    commitment_id: int
    key: str
    status: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    cue: str
    confidence: float
    score: float


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    """Lower case without accents, remembered (bounded): follow-up folds every word of every
    sentence it reads, for each pledge profile and each report."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=4)
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list of the language, read from its one module file. Why not
    `import spacy.lang.fr.stop_words`: that runs the language package first, whose tokenizer
    exceptions compile thousands of patterns (7 s) in a process that needs no tokenizer (the
    writer of `suivi ingest`)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    roots = list(spec.submodule_search_locations or []) if spec else []
    code = "fr" if lang == "fr" else "en"
    for root in roots:
        path = Path(root) / "lang" / code / "stop_words.py"
        if path.is_file():
            scope: dict[str, object] = {}
            exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), scope)  # noqa: S102 - spaCy's own data module
            return frozenset(fold(w) for w in scope["STOP_WORDS"])  # type: ignore[union-attr]
    return frozenset()


@lru_cache(maxsize=1)
def _any_stop_words() -> frozenset[str]:
    """French and English stop words in one set (quotes and names cross languages), made once
    rather than at every call of the word readers below."""
    return _stop_words("fr") | _stop_words("en")


@lru_cache(maxsize=1)
def _object_concepts() -> dict[str, str]:
    """Folded word -> its concept (data/cues/objects.yaml): pledged things named alike across languages."""
    from suivi.datafiles import read_data_yaml

    data = read_data_yaml("cues/objects.yaml")
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, dict):
        raise ValueError("data/cues/objects.yaml: expected a mapping 'groups'")
    return {fold(str(w)): "=" + str(name) for name, words in groups.items() for w in words}


def stems_of(word: str) -> set[str]:
    """Two stems per word: its first letters, and the same after one ending is stripped
    (data: stem_suffixes), so "livraison"/"livrée" and "accès"/"access" both meet; a pledged
    thing also carries its concept (data/cues/objects.yaml), so "fund" and "fonds" meet."""
    return set(_stems(word))


@lru_cache(maxsize=1 << 15)
def _stems(word: str) -> frozenset[str]:
    """`stems_of`, remembered per word (a fresh set is handed out each time): the same words
    come back in every report and every pledge profile."""
    folded = fold(word)
    out = {folded[:STEM]}
    concept = _object_concepts().get(folded)
    if concept:
        out.add(concept)
    for suffix in all_stem_suffixes():
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            out.add(folded[: -len(suffix)][:STEM])
            break
    return frozenset(out)


@lru_cache(maxsize=20000)
def _is_actor_word(word: str) -> bool:
    """'russe', 'sahéliennes', 'malien': actor adjectives are parties, not action words."""
    gaz = _get_gazetteer()
    return gaz is not None and gaz.resolve(word) is not None


def key_words(text: str, lang: str, min_len: int, titles: bool = False) -> dict[str, set[str]]:
    """Lower-case content words -> their stems. Names and actor adjectives are matched as
    parties, and generic words (data: generic_words) prove nothing, so both are left out.

    `titles`: also capitalised words that are not actors — a later report writes the office
    or programme it is about in title case ("was named the Special Envoy") where the pledge
    wrote it in lower case ("will appoint a special envoy"). Used on the report's side only,
    so two names never make a match by themselves (the pledge's side keeps lower case)."""
    out: dict[str, set[str]] = {}
    for m in _WORD.finditer(text):
        # the elided article goes first: "l'Union" is a name, as "Union" is
        word = m.group().split("'")[-1].split("’")[-1]
        if not word or (word[0].isupper() and not titles) or len(word) < min_len:
            continue
        folded = _key_word(word, min_len)
        if folded is not None:
            out[folded] = stems_of(word)
    return out


@lru_cache(maxsize=1 << 15)
def _key_word(word: str, min_len: int) -> str | None:
    """The folded word when it is a key word (`key_words`), else None; remembered per word,
    since reports and pledges repeat their words and each test here is a set lookup or a
    gazetteer lookup."""
    folded = fold(word)
    if (len(folded) >= min_len and folded not in _any_stop_words() and word.lower() not in all_generic_words()
            and not _is_actor_word(word)):
        return folded
    return None


def key_stems(text: str, lang: str, min_len: int) -> set[str]:
    """Every stem of the text's key words."""
    return set().union(*key_words(text, lang, min_len).values())


_CLAUSE = re.compile(r"[,;:()—–]|\s(?:comme|tandis que|alors que|mais|selon|while|whereas|but|as)\s")


def clause_around(sentence: str, start: int) -> str:
    """The clause holding a cue: the sentence cut at punctuation and linking words."""
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    left = max(b for b in bounds if b <= start)
    right = min((m.start() for m in _CLAUSE.finditer(sentence) if m.start() > start), default=len(sentence))
    return sentence[left:right].strip()


_COORDINATION = re.compile(
    r";|,\s+(?:and|but|et|mais|where|où|dont)\s|\s(?:while|whereas|tandis que|alors que)\s"
    r"|,\s+(?:and\s+)?(?:adding|ajoutant)\s"
)


FUTURE_REACH = 30
"""Characters after a cue still read for future wording ("le lancement est prévu en juin");
further on, a "would" belongs to another verb ("sent its vessel to Somalia for what the
minister said would be its first mission")."""


def around_cue(sentence: str, start: int, end: int) -> str:
    """The part of the cue's clause that governs it: from the clause start to a little past the cue."""
    clause = clause_around(sentence, start)
    offset = sentence.find(clause)
    if offset < 0:
        return clause
    return clause[: max(0, end - offset) + FUTURE_REACH]


def coordinated_clauses(sentence: str) -> list[tuple[int, int]]:
    """Bounds of the coordinated clauses of a sentence: each has its own subject, so each
    may report on a different pledge ("has paid the first tranche, and work has begun on")."""
    cuts = [(m.start(), m.end()) for m in _COORDINATION.finditer(sentence)]
    bounds, start = [], 0
    for a, b in cuts:
        bounds.append((start, a))
        start = b
    bounds.append((start, len(sentence)))
    return [(a, b) for a, b in bounds if sentence[a:b].strip()]


@lru_cache(maxsize=1)
def _number_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words that count, words that join them) of every language (data/cues/number_words.yaml)."""
    from suivi.datafiles import read_data_yaml
    from suivi.errors import DataFileError

    data = read_data_yaml("cues/number_words.yaml")
    words: set[str] = set()
    joiners: set[str] = set()
    if not isinstance(data, dict):
        raise DataFileError("cues/number_words.yaml: top level must be a mapping of languages")
    for lang, entry in data.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k, []), list) for k in entry):
            raise DataFileError(f"cues/number_words.yaml: '{lang}' must map cardinals/ordinals/joiners to lists")
        words.update(str(w).lower() for k in ("cardinals", "ordinals") for w in entry.get(k, []))
        joiners.update(str(w).lower() for w in entry.get("joiners", []))
    return frozenset(words), frozenset(joiners)


_DIGITS = re.compile(r"[+±~]?\d[\d.,]*(?:/\d+)?(?:st|nd|rd|th|e|er|ème)?")


def _is_number(word: str) -> bool:
    """"Quarante-huit", "twenty-five", "48", "3rd": a count, not the head of the subject."""
    words, joiners = _number_words()
    parts = [p for p in re.split(r"[-‐]", word.lower()) if p]
    return bool(parts) and all(_DIGITS.fullmatch(p) or p in words or p in joiners for p in parts)


def head_stems(clause: str, min_len: int) -> set[str]:
    """Stems of the clause's first content word (its subject's head, usually), capitalised
    or not: a sentence opens with a capital ("Construction of the centre ...", "L'étude ...")."""
    stops = _any_stop_words()
    for m in _WORD.finditer(clause):
        word = re.split(r"['’]", m.group())[-1]
        folded = fold(word)
        if len(folded) < min_len or folded in stops or word.lower() in all_generic_words() or _is_number(word):
            continue
        if _is_actor_word(word) or (word[0].isupper() and m.start() > 0):
            return set()  # the clause opens with a party or a name: no object head
        return stems_of(word)
    return set()


def proper_words(text: str | None) -> set[str]:
    """Capitalised words of a phrase (a person's name as the commitment gave it), without
    articles and the words of names the gazetteer knows ("The United Arab Emirates" is ARE,
    matched as a party: its "united" must not match "the United States")."""
    if not text:
        return set()
    gaz = _get_gazetteer()
    masked = _mask_names(gaz, text, 0, None) if gaz is not None else text
    stops = _any_stop_words()
    return {fold(m.group()) for m in _WORD.finditer(masked)
            if m.group()[0].isupper() and len(m.group()) >= 3 and fold(m.group()) not in stops}


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds in the clean text (a light splitter: follow-up only needs sentences)."""
    out, start = [], 0
    for m in _SENT.finditer(text):
        if _abbreviation().search(text[start:m.start()]):
            continue
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def actor_keys(gazetteer, text: str) -> set[str]:  # noqa: ANN001 - read.gazetteer.Gazetteer
    """Actor keys named in a text, with the state of each place/body and alliance members."""
    if gazetteer is None:
        return set()
    return _keys_of(gazetteer.find_all(text))


def _keys_of(found: Iterable[tuple[int, int, Any]]) -> set[str]:
    """The actor keys of gazetteer matches (see `actor_keys`)."""
    keys: set[str] = set()
    for _s, _e, ref in found:
        if getattr(ref, "is_outlet", False):
            continue
        keys.add(ref.key)
        for extra in (getattr(ref, "code", None), getattr(ref, "state", None)):
            if extra:
                keys.add(extra)
        keys.update(getattr(ref, "seat_of", ()) or ())  # "Brussels said" speaks for the EU
    return keys


def expand_parties(gazetteer, keys: Iterable[str]) -> set[str]:  # noqa: ANN001
    """An alliance stands for its members too: evidence about Mali speaks to an AES pledge."""
    out = set(keys)
    if gazetteer is not None:
        for key in list(out):
            ref = gazetteer.get(key)
            if ref is not None:
                out.update(getattr(ref, "members", ()) or ())
    return out


def _get_gazetteer():  # noqa: ANN202
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return None
    return get_gazetteer()


Candidate = tuple[int, int, str, str, float, int, int, set[str] | None]
"""(sentence start, sentence end, status or "sum", cue text, confidence, cue start, cue end, past-verb stems)."""


def _candidates(
    text: str, lang: str, cues: Any, gaz: Any, commitment_spans: list[tuple[int, int, int | None]],
) -> tuple[list[Candidate], dict[int, set[int | None]], set[int], dict[int, tuple[tuple, bool, bool]]]:
    """The sentences of a report that state a status or a sum spent, before any commitment is
    compared with them: they depend on the text and on where its own pledges stand only, so a
    worker can find them (and embed them, `vector_texts`) before the store is read."""
    candidates: list[Candidate] = []
    only: dict[int, set[int | None]] = {}  # launch words in a pledge's sentence are about that pledge
    past_due: set[int] = set()  # "still not done": evidence only for a commitment past its deadline
    # candidate -> (sums reported, shared by several payers, told as a total so far)
    sums_of: dict[int, tuple[tuple, bool, bool]] = {}
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end]
        clauses = coordinated_clauses(sentence)
        hits = cues.find_statuses(sentence, clauses)
        # a sum reported spent decides against the pledged sum, whatever else the clause says
        stated_here = any(a < s_end and s_start < b for a, b, _cid in commitment_spans)
        money = [
            m for m in cues.find_disbursed(sentence, clauses, lang)
            if not cues.announces(around_cue(sentence, m.start, m.end))
            and not (stated_here and not cues.refers_back(sentence))  # a new pledge's own sum
        ]
        for m_hit in money:
            clause = next(((a, b) for a, b in clauses if a <= m_hit.start < b), (0, len(sentence)))
            hits = [h for h in hits if not (clause[0] <= h.start < clause[1])]
            sums_of[len(candidates)] = (m_hit.sums, _several_payers(gaz, sentence[:m_hit.start], cues),
                                        cues.so_far(sentence))
            candidates.append((s_start, s_end, "sum", m_hit.text, 1.0,
                               s_start + m_hit.start, s_start + m_hit.end, None))
        if not hits:
            still = cues.find_still_not(sentence)
            hits = [still] if still is not None else []
            if still is not None:
                past_due.add(len(candidates))
        stated = {cid for a, b, cid in commitment_spans if a < s_end and s_start < b}
        in_mention = bool(stated)
        # "the 210 million promised to X": a back-reference reports on an older pledge, even
        # when the extraction stage read it as one more mention of it
        refers_back = in_mention and cues.refers_back(sentence)
        for hit in hits:
            if hit.status == "fulfilled" and cues.describes_a_meeting(sentence, hit.start, hit.end):
                continue  # "l'événement qui s'est tenu à Djibouti": the report's setting
            if hit.status == "in_progress" and cues.restates(sentence) and in_mention and not refers_back:
                continue  # a restated pledge dressed with a launch word is not a step
            if hit.status in ("in_progress", "fulfilled") and cues.announces(around_cue(sentence, hit.start, hit.end)):
                continue  # "le lancement est prévu en juin": a step announced, not reported
            if in_mention and hit.status == "in_progress" and not refers_back:
                # "X a lancé un programme et construira ..." is the new pledge's own launch; a
                # completion, withdrawal or postponement stated there may still be about an
                # older one ("a achevé la route, comme il s'y était engagé")
                only[len(candidates)] = stated
            candidates.append((s_start, s_end, hit.status, hit.text, 1.0,
                               s_start + hit.start, s_start + hit.end, None))
        if hits or money:
            continue
        if in_mention or cues.restates(sentence):
            continue
        verbs = cues.past_verbs(sentence)
        if verbs:
            stems = set().union(*(stems_of(v.verb) for v in verbs))
            first = verbs[0]
            candidates.append((s_start, s_end, "fulfilled", sentence[first.start:first.end],
                               PAST_VERB_CONFIDENCE, s_start + first.start, s_start + first.end, stems))
    return candidates, only, past_due, sums_of


_READINGS: OrderedDict[tuple, tuple] = OrderedDict()
_READINGS_MAX = 512
_readings_lock = threading.Lock()


def _report_reading(
    text: str, lang: str, cues: Any, gaz: Any, commitment_spans: list[tuple[int, int, int | None]],
) -> tuple[list[Candidate], dict[int, set[int | None]], set[int], dict[int, tuple[tuple, bool, bool]], list]:
    """`_candidates` and the report's sums (`amounts`), remembered for the last 512 reports.

    Why: the follow stage reads a report when it is stored and again whenever later articles
    bring pledges it may report on (`deferring_rescans`): on 200 generated articles it read
    395 reports of which 210 were distinct (text, language and the report's own pledges), and
    each reading runs every status cue over every clause (7 searches per clause at least) and
    the sum finder over the whole text. Both depend only on what the key holds (the cues and
    the gazetteer are the process's own, checked by identity), so the result is the same; the
    caller gets its own copies of the containers."""
    key = (text, lang, tuple(commitment_spans))
    with _readings_lock:
        hit = _READINGS.get(key)
        if hit is not None and hit[0] is cues and hit[1] is gaz:
            _READINGS.move_to_end(key)
            found = hit[2]
        else:
            found = None
    if found is None:
        found = (_candidates(text, lang, cues, gaz, commitment_spans), amounts(text, lang))
        with _readings_lock:
            _READINGS[key] = (cues, gaz, found)
            _READINGS.move_to_end(key)
            while len(_READINGS) > _READINGS_MAX:
                _READINGS.popitem(last=False)
    (candidates, only, past_due, sums_of), sums = found
    return list(candidates), {k: set(v) for k, v in only.items()}, set(past_due), dict(sums_of), list(sums)


def _compared_texts(text: str, candidates: list[Candidate]) -> tuple[list[str], list[str]]:
    """The sentence of each candidate and the clause around its cue (the sentence when the
    clause is too short to say anything), the two texts compared with a commitment's."""
    sent_texts = [text[c[0]:c[1]] for c in candidates]
    clauses = [clause_around(sent_texts[i], c[5] - c[0]) for i, c in enumerate(candidates)]
    return sent_texts, [cl if len(cl.split()) >= 4 else sent_texts[i] for i, cl in enumerate(clauses)]


def _pointed_pledges(sentence: str, cues: StatusCues, commitment_spans: list[tuple[int, int, int | None]],
                     s_start: int) -> set[int]:
    """The pledges a sentence points back to ("this commitment", "cet engagement"): those this
    report stated in the `RECALL_REACH` characters just before it."""
    if not cues.points_back(sentence.lower()):
        return set()
    return {cid for _s, e, cid in commitment_spans if cid is not None and s_start - RECALL_REACH <= e <= s_start}


def vector_texts(article: Article, commitment_spans: list[tuple[int, int, int | None]]) -> list[str]:
    """The texts `find_evidence` will embed for this report (its own pledges at
    `commitment_spans`), so that they can be embedded where the report is analysed."""
    if not article.text:
        return []
    lang = (article.language or "fr")[:2]
    candidates = _candidates(article.text, lang, get_cues(lang), _get_gazetteer(), commitment_spans)[0]
    sent_texts, clauses = _compared_texts(article.text, candidates)
    return [*sent_texts, *clauses]


def find_evidence(
    article: Article,
    profiles: list[Profile] | ProfileIndex,
    commitment_spans: list[tuple[int, int, int | None]],
    extra_actors: dict[tuple[int, int], set[str]] | None = None,
    story: int | None = None,
    embed_texts: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Evidence]:
    """Best evidence per commitment in one article (at most one status change each).

    `commitment_spans`: (start, end, commitment id) of the commitment mentions the extraction
    stage found in this article. `story`: the article's story; articles of the story that
    first reported a commitment tell the same event again, they are never its follow-up.
    `embed_texts`: how the report's sentences become vectors (default: `vectors.embed`).
    """
    if not article.text:
        return []
    index = profiles if isinstance(profiles, ProfileIndex) else ProfileIndex(profiles)
    if not index.profiles:
        return []
    life = get_lifecycle()
    lang = (article.language or "fr")[:2]
    cues = get_cues(lang)
    gaz = _get_gazetteer()
    text = article.text
    # one scan of the whole report; each candidate sentence takes the names inside it
    found = gaz.find_all(text) if gaz is not None else []
    if found:  # "Congo" in a report on the "Democratic Republic of Congo" is that republic
        owners = gaz.short_name_owners(text, found)
        found = [(a, b, replace(ref, key=owners[ref.key], code=owners[ref.key]) if ref.key in owners else ref)
                 for a, b, ref in found]
    article_actors = _keys_of(found)
    for keys in (extra_actors or {}).values():
        article_actors |= keys
    candidates, only, past_due, sums_of, article_sums = _report_reading(text, lang, cues, gaz, commitment_spans)
    if not candidates:
        return []
    from suivi.reconcile.vectors import embed

    embed_texts = embed_texts or embed
    sent_texts, clauses = _compared_texts(text, candidates)
    sent_vecs = embed_texts(sent_texts)
    clause_vecs = embed_texts(clauses)
    best: dict[int, Evidence] = {}
    actors_of: list[set[str]] = []
    words_of: list[set[str]] = []
    for s_start, s_end, *_rest in candidates:
        in_sentence = _keys_of(f for f in found if s_start <= f[0] and f[1] <= s_end)
        for (a, b), keys in (extra_actors or {}).items():
            if a < s_end and s_start < b:
                in_sentence |= keys
        actors_of.append(in_sentence)
        # names are matched on capitalised words: the pledge's "Africa Finance Corporation" is not
        # named by a report's verb "a financé" (folded alike)
        words_of.append({fold(m.group()) for m in _WORD.finditer(text[s_start:s_end]) if m.group()[0].isupper()})
    kept, sims = index.candidates(article_actors, actors_of, words_of, sent_vecs, clause_vecs)
    payers = [_payers(gaz, text, c, cues, extra_actors) for c in candidates]
    by_id = {p.commitment_id: p for p in kept}
    floor = min(life.min_similarity_low, life.min_similarity, life.min_similarity_alone)
    for idx, (s_start, s_end, status, cue, conf, c_start, c_end, verb_stems) in enumerate(candidates):
        matches: list[Evidence] = []
        sentence = sent_texts[idx]
        in_sentence = actors_of[idx]
        folded_words = words_of[idx]
        # states and alliances the sentence names: a place, a region, a forum or agency ("at
        # TICAD", "the World Bank said") or an unlisted name does not make it about someone else
        # ... and only those named as its doers: before the cue, or after "by"/"par" ("21
        # projects were launched in nine pilot countries: Algeria, ..." names where, not who)
        parties_named = {k for k in _doer_actors(gaz, text, s_start, c_start, c_end, s_end, extra_actors,
                                                    cues.doer_after)
                         if _is_state(gaz, k)}
        # key words come from the clause holding the cue first ("..., selon un document consulté"
        # says nothing about which pledge moved); from the sentence when the clause shares none
        words = key_words(clauses[idx], lang, life.min_key_word_length)
        # title-case words of the clause that name no actor ("was named the Special Envoy")
        masked = _mask_names(gaz, sentence, s_start, extra_actors)
        c_at = sentence.find(clauses[idx])
        if c_at >= 0:
            for word, word_stems in key_words(masked[c_at:c_at + len(clauses[idx])], lang,
                                              life.min_key_word_length, titles=True).items():
                words.setdefault(word, word_stems)
        sentence_words = key_words(sentence, lang, life.min_key_word_length)
        head = head_stems(clauses[idx], life.min_key_word_length)
        governed = _CUE_OBJECT.match(sentence, c_end - s_start)
        cue_object = (key_words(governed.group(0), lang, life.min_key_word_length) if governed else {})
        # the act the clause names (visits, deliveries ...) is one word shared across languages
        clause_acts = _clause_families(clauses[idx], lang)
        sentence_acts = _clause_families(sentence, lang)
        # a pledge's own sum stated just before ("Global Gateway, worth EUR 150 billion. She said
        # 120 billion had been mobilised"): the report is about that pledge
        recalled_sums = [x for x in article_sums if s_start - RECALL_REACH <= x.start < s_end]
        clause_counts = find_counts(clauses[idx])
        told_years = cues.years_dated(clauses[idx])
        with_words: set[int] = set()
        named_ids: set[int] = set()
        by_sum: set[int] = set()
        # every way of admitting a match below asks at least the lowest similarity; of those,
        # the most similar few (lifecycle max_candidates), in register order
        tried = np.flatnonzero(sims[:, idx] >= floor)
        if len(tried) > life.max_candidates:
            closest = np.argpartition(-sims[tried, idx], life.max_candidates - 1)[:life.max_candidates]
            tried = np.sort(tried[closest])
        # "we have delivered on more than 40 per cent of this commitment" right after the report
        # restates the pledge: that pledge, however little the sentence shares with it
        # money paid by a named payer, of the same order as one of its own pledged sums: that
        # pledge is tried however little the sentence's words resemble it (a French report in
        # euros of a pledge told in English: « a déjà prêté 700 millions d'euros »)
        paid_by = payers[idx]
        if status == "sum" and paid_by and not sums_of[idx][1]:
            own_order = [pi for pi, p in enumerate(kept) if p.givers and p.givers <= as_givers(gaz, paid_by)
                         and _near_sum(sums_of[idx][0], p.pledged_sums(article), any_currency=True)]
            tried = np.union1d(tried, own_order).astype(int)
        pointed = _pointed_pledges(sentence, cues, commitment_spans, s_start)
        if pointed:
            tried = np.union1d(tried, [pi for pi, p in enumerate(kept) if p.commitment_id in pointed]).astype(int)
        for pi in tried:
            profile = kept[pi]
            if idx in only and profile.commitment_id not in only[idx]:
                continue
            if idx in past_due and not _past_deadline(article, profile):
                continue
            if article.id not in profile.recalled_in and (
                    not _later(article, profile) or (story is not None and story in profile.stories)):
                continue
            if told_years and profile.first_published and max(told_years) < int(profile.first_published[:4]):
                continue  # "avaient rompu leurs liens en 2016": background older than the pledge
            if verb_stems is not None and not (verb_stems & profile.action_stems):
                continue  # the fallback needs the commitment's own verb
            named = bool(in_sentence & profile.parties) or bool(folded_words & profile.names)
            # a sentence naming nobody is about a pledge its article names the giver of; an article
            # naming only where the money goes ("the UN-backed fund") says nothing of whose pledge
            level = 2 if named else (1 if not parties_named and (article_actors & (profile.givers or profile.parties))
                                     else 0)
            if level == 0:
                continue
            if payers[idx] and profile.givers and not (payers[idx] & profile.givers):
                continue  # money paid by someone else is not this pledge's money
            sim = float(sims[pi, idx])
            in_clause = sum(1 for st in words.values() if st & profile.stems)
            in_clause += 1 if clause_acts & profile.families else 0
            same_act = 1 if sentence_acts & profile.families else 0
            recalled = any(x.same_as(p) for x in recalled_sums for p in profile.pledged_sums(article))
            # a sum paid of the same order as this pledge's own sum, its giver named: "le Japon a
            # fourni 6,3 millions USD" reports on the $8.3 million pledged, not on the $30 billion
            # (one payer told: a total several payers share is each one's part of their pledges)
            near_sum = (status == "sum" and level == 2 and not sums_of[idx][1]
                        and _near_sum(sums_of[idx][0], profile.pledged_sums(article)))
            # ... and the payer's own pledge of that order in another major currency
            own_order_sum = (status == "sum" and level == 2 and not sums_of[idx][1] and bool(paid_by)
                             and bool(profile.givers) and profile.givers <= as_givers(gaz, paid_by)
                             and _near_sum(sums_of[idx][0], profile.pledged_sums(article), any_currency=True))
            # words elsewhere in the sentence may admit a match, but only the clause ranks it
            shared = in_clause or (sum(1 for st in sentence_words.values() if st & profile.stems) + same_act)
            need = life.min_similarity + (0.0 if level == 2 else 0.1)
            if not (
                # the pledge the sentence points back to ("this commitment") just after stating it
                profile.commitment_id in pointed
                # the pledged sum itself, with its parties named: "suspended its $1.8 billion
                # facility to Senegal" reports on the $1.8 billion pledged to Senegal
                or (recalled and (status == "sum" or level == 2) and sim >= life.min_similarity_low)
                or (near_sum and sim >= life.min_similarity_low)
                or own_order_sum
                or (shared >= 1 and sim >= need)
                or (level == 2 and shared >= 2 and sim >= life.min_similarity_low)
                # a sentence naming nobody, as close as a named one must be, that shares two key
                # words with the pledge, one in the cue's clause ("Les travaux, qui avaient démarré
                # il y a cinq ans" after "les travaux devraient démarrer")
                or (level == 1 and in_clause >= 1 and sim >= life.min_similarity
                    and sum(1 for st in sentence_words.values() if st & profile.stems) >= 2)
                or (in_clause >= STRONG_SHARED and sim >= life.min_similarity_low)
                # the thing the cue says was cancelled, suspended, launched is the pledge's own
                # object, in an article about its parties: "the cancellation of the scheme"
                or (status != "sum" and any(st & profile.stems for st in cue_object.values())
                    and sim >= life.min_similarity_low)
                or sim >= life.min_similarity_alone
            ):
                continue
            if in_clause:
                with_words.add(profile.commitment_id)
            if named:
                named_ids.add(profile.commitment_id)
            if recalled or near_sum or own_order_sum:
                by_sum.add(profile.commitment_id)
            own = status
            if status == "broken" and _ends_something(profile):
                # the pledge was itself to end or leave ("decided to end the defence agreement",
                # "French troops will withdraw"): the report that it ended is the pledge kept
                own = "fulfilled"
            elif status == "fulfilled" and signs(cue) and not _is_to_sign(profile):
                # "the contract was signed", « signé », said of a pledge to build, lend or deliver:
                # a step; only a pledge to sign is kept by its signature
                own = "in_progress"
            elif status == "in_progress" and launches(cue) and _sets_up_something(profile):
                # the pledge was to set up a body ("la mise en place d'un mécanisme de sécurité
                # conjoint"): its launch or first meeting is the pledge kept, not a first step
                own = "fulfilled"
            elif status == "in_progress" and _is_to_start(profile):
                # the pledge was to begin ("les travaux de construction commenceront début 2025"):
                # works under way keep it
                own = "fulfilled"
            if own in ("in_progress", "fulfilled") and status != "sum" and clause_counts:
                # "400 policiers déjà déployés" of the 1,000 pledged: a part, not a mere step
                own = count_status(clause_counts, profile.pledged_counts(article),
                                   profile.deadline is None or _past_deadline(article, profile)) or own
            if status == "sum":
                paid, several, so_far = sums_of[idx]
                to_a_level = any(sets_a_level(t) for t in profile.texts if t not in text)
                own = _sum_status(article, profile, paid, several, so_far or to_a_level)
            if status == "in_progress" and cues.first_part(cue) and any(
                cues.first_part(t) for t in profile.texts if t not in text  # its words, not this report's
            ):
                own = "fulfilled"  # the first tranche was itself the pledge
            matches.append(Evidence(
                commitment_id=profile.commitment_id, key=profile.key, status=own,
                start=c_start, end=c_end, sent_start=s_start, sent_end=s_end, cue=cue,
                confidence=round(min(1.0, conf * (0.5 + sim)), 3),
                score=sim + 0.1 * min(in_clause, 3) + 0.1 * level + (HEAD_BONUS if head & profile.stems else 0.0)
                + (RECALL_BONUS if recalled else 0.0),
            ))
        # a commitment known only from this report's own recall of it ("comme il s'y était
        # engagé") yields to one reported before that the sentence matches too: that is the
        # pledge recalled, which the reconcile stage did not merge with the recall
        if any(by_id[m.commitment_id].mention_articles != {article.id} for m in matches):
            matches = [m for m in matches if by_id[m.commitment_id].mention_articles != {article.id}]
        # the pledge whose own sum the money paid states beats one of another sum that shares
        # more words ("has disbursed €150 million in financial support": the €150 million
        # pledged, not the €60 million "in budget support"); a clause of another act in the same
        # sentence ("and work has begun on the centres") is not about the sum
        if status == "sum" and by_sum & {m.commitment_id for m in matches}:
            matches = [m for m in matches if m.commitment_id in by_sum]
            with_words &= by_sum
        # the money paid told as a part of a whole ("has disbursed €1 billion, marking the first
        # instalment of a wider €4 billion package"): the pledge of the whole is what it reports on
        wholes = [x for x in article_sums if s_start <= x.start < s_end
                  and _PART_OF.search(text[max(s_start, x.start - PART_OF_REACH):x.start])]
        if status == "sum" and wholes:
            of_whole = {m.commitment_id for m in matches
                        if any(w.same_as(p) for w in wholes for p in by_id[m.commitment_id].pledged_sums(article))}
            if of_whole:
                matches = [m for m in matches if m.commitment_id in of_whole]
                with_words &= of_whole
        # the clause's subject head names the object that moved: when some candidates share it,
        # the others (the bigger project it belongs to, say) are not what the clause is about
        if head and any(head & by_id[m.commitment_id].stems for m in matches):
            matches = [m for m in matches if head & by_id[m.commitment_id].stems]
        # the act the cue itself names ("a adopté une loi portant ratification de l'accord"):
        # the pledge of that act (to ratify), not the agreement it is about
        cue_acts = _clause_families(cue, lang) if status in ("fulfilled", "in_progress") else frozenset()
        if cue_acts and any(cue_acts & by_id[m.commitment_id].families for m in matches):
            matches = [m for m in matches if cue_acts & by_id[m.commitment_id].families]
            with_words &= {m.commitment_id for m in matches}
        # who backed out or held back, named as the doer of a withdrawal or a delay ("Le
        # gouvernement britannique a retiré plus d'un milliard du financement prévu pour le projet
        # de TotalEnergies"): that doer's pledge, not the project's other backers'
        doers = as_givers(gaz, parties_named) if status in ("broken", "stalled") else set()
        if doers and any(doers & by_id[m.commitment_id].givers for m in matches):
            matches = [m for m in matches if doers & by_id[m.commitment_id].givers]
            # ... and its own pledge before one it shares with others ("the US severing its
            # financial support": the US's $1 billion, not the partners' $8.5 billion together)
            alone = [m for m in matches if by_id[m.commitment_id].givers <= doers]
            if alone and not cues.gives_back(cue):
                matches = alone
            with_words &= {m.commitment_id for m in matches}
        # a commitment sharing words with the cue's clause beats one only similar in meaning
        if with_words:
            matches = [m for m in matches if m.commitment_id in with_words]
        # one sentence reports on one commitment: the closest (near-ties share it)
        top = max((m.score for m in matches), default=0.0)
        shared_total = status == "sum" and sums_of[idx][1]
        for ev in matches:
            if shared_total:
                if ev.commitment_id not in named_ids:
                    continue  # a total of several payers reports on each payer it names
            elif ev.score < top - SENTENCE_TIE and (
                ev.status == status
                or (status == "sum" and not _states_sum(by_id[ev.commitment_id], sums_of[idx][0], article))
            ):
                continue  # a pledge of the first tranche (of that very sum) itself shares the report of it
            if (ev.status == "fulfilled" and status == "fulfilled"
                    and cues.first_of_many(text[c_end:min(s_end, c_end + FIRST_REACH)])
                    and not any(_FIRST.search(t) for t in by_id[ev.commitment_id].texts)):
                # "a inauguré la première infrastructure routière construite dans le cadre de
                # l'accord": the first of the works pledged is a step (unless the pledge was it)
                ev.status = "in_progress"
            ev.score += conf  # a status cue outranks the past-tense fallback
            current = best.get(ev.commitment_id)
            if current is None or ev.score > current.score:
                best[ev.commitment_id] = ev
    return list(best.values())


# what names a sum as the whole the money paid is a part of ("the first instalment of a wider",
# « la première tranche d'une enveloppe de »): the words right before that sum
_PART_OF = re.compile(
    r"\b(instal?lments?|tranches?|parts?|portions?|versements?)\s+(of|from|d['’]une?|de\s+l['’]|de\s+la|du|sur)\s+"
    r"((a|an|the|its|their|une?|la|le|l['’]|ce|cette|son|sa)\s+)?((wider|larger|broader|total|overall|"
    r"globale?|plus\s+large|totale?)\s+)?((\w+\s+){0,2}(de|of)\s+)?$", re.IGNORECASE)
PART_OF_REACH = 60  # characters before a sum where the words naming it a whole are read


def _doer_actors(gazetteer, text: str, s_start: int, c_start: int, c_end: int, s_end: int,  # noqa: ANN001
                 extra_actors: dict[tuple[int, int], set[str]] | None,
                 doer_after: re.Pattern[str] | None) -> set[str]:
    """Actors a sentence names where a doer stands: before its cue, or right after "by" /
    "par" following it (the cue file's `doer_markers`). States listed after the cue are where
    the act took place or whom it served ("launched in nine pilot countries: Algeria, Egypt
    ..."): they do not make the sentence about another party's pledge."""
    spans = [(s_start, c_start)]
    by = doer_after.match(text, c_end, s_end) if doer_after is not None else None
    if by:
        spans.append((by.end(), min(s_end, by.end() + 80)))
    keys: set[str] = set()
    for a, b in spans:
        if b > a:
            keys |= actor_keys(gazetteer, text[a:b])
    for (a, b), found in (extra_actors or {}).items():
        if any(a < hi and lo < b for lo, hi in spans):
            keys |= found
    return keys


def _payers(gazetteer, text: str, candidate: Candidate, cues: Any,  # noqa: ANN001
            extra_actors: dict[tuple[int, int], set[str]] | None) -> set[str]:
    """Who the sentence says paid the sum it reports: the doers of an active money clause
    ("la DFC avait octroyé un prêt d'un milliard"), as states (a national body stands for its
    state). Empty when the sentence does not say: a sum told first ("40 millions ont été
    versés"), money received ("l'opérateur a reçu 753 millions"), or no doer named."""
    s_start, s_end, status, cue, _conf, c_start, c_end, _stems = candidate
    if status != "sum" or not cues.pays_first(cue) or cues.receives(cue):
        return set()
    doers = _doer_actors(gazetteer, text, s_start, c_start, c_end, s_end, extra_actors, cues.doer_after)
    return as_givers(gazetteer, doers)


def as_givers(gazetteer, keys: Iterable[str]) -> set[str]:  # noqa: ANN001
    """Parties able to pay: states, alliances and bodies, with each national body's state and
    each alliance's members; places are not payers."""
    out: set[str] = set()
    for key in keys:
        if key.startswith("place:"):
            continue
        out.add(key)
        ref = gazetteer.get(key) if gazetteer is not None else None
        if ref is not None:
            if ref.kind == "place":
                out.discard(key)
                continue
            if ref.state and ref.kind == "organization":
                out.add(ref.state)
            out.update(getattr(ref, "members", ()) or ())
    return out


def _is_state(gazetteer, key: str) -> bool:  # noqa: ANN001 - read.gazetteer.Gazetteer
    ref = gazetteer.get(key) if gazetteer is not None and ":" not in key else None
    return ref is not None and ref.kind in ("state", "alliance")


def _sets_up_something(profile: Profile) -> bool:
    """Whether the pledge is to set up a body or a mechanism (`cues.sets_up_something`), computed
    once per profile."""
    if profile.sets_up is None:
        profile.sets_up = any(sets_up_something(t) for t in profile.texts)
    return profile.sets_up


def _is_to_sign(profile: Profile) -> bool:
    """Whether the pledge is itself to sign something (`cues.is_to_sign`), computed once per profile."""
    if profile.to_sign is None:
        profile.to_sign = any(is_to_sign(t) for t in profile.texts)
    return profile.to_sign


def _is_to_start(profile: Profile) -> bool:
    """Whether the pledge is itself to begin the works (`cues.is_to_start`): every mention says so
    (a start of works merged with the pledge to build them is the building's), computed once."""
    if profile.to_start is None:
        profile.to_start = bool(profile.texts) and all(is_to_start(t) for t in profile.texts[1:] or profile.texts)
    return profile.to_start


def _ends_something(profile: Profile) -> bool:
    """Whether the pledge is itself to end or leave something (`cues.ends_something`), computed
    once per profile."""
    if profile.ends is None:
        profile.ends = any(ends_something(t) for t in profile.texts)
    return profile.ends


def _clause_families(clause: str, lang: str) -> frozenset[str]:
    from suivi.reconcile.settings import action_families

    words = [fold(w) for w in re.findall(r"\w+", clause)]
    return action_families(lang).of(words)


def _mask_names(gazetteer, sentence: str, offset: int,  # noqa: ANN001 - read.gazetteer.Gazetteer
                extra_actors: dict[tuple[int, int], set[str]] | None) -> str:
    """The sentence with every actor name blanked out (gazetteer matches, and the reading
    stage's mentions: persons, organisations), so title-case words left are offices,
    programmes and things, not parties."""
    chars = list(sentence)
    spans = [(a, b) for a, b, _ref in (gazetteer.find_all(sentence) if gazetteer is not None else [])]
    spans += [(a - offset, b - offset) for (a, b) in (extra_actors or {})]
    for a, b in spans:
        for k in range(max(0, a), min(len(chars), b)):
            chars[k] = " "
    return "".join(chars)


NEAR_SHARE = 0.5
"""A sum paid is of the same order as a pledged sum from this share of it up to all of it."""


MAJOR_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CHF"})
"""Currencies close enough in value that a sum in one is of the same order as a sum in another."""


def _near_sum(paid: tuple, pledged: list, any_currency: bool = False) -> bool:
    """The first sum paid is a large part of one pledged sum (same currency when both are
    known; with `any_currency`, also two major currencies, whose values differ by less than the
    share): from NEAR_SHARE of it up to all of it."""
    if not paid:
        return False
    got = paid[0]
    return any(
        NEAR_SHARE * p.value <= got.value <= p.value
        for p in pledged
        if not (p.currency and got.currency and p.currency != got.currency)
        or (any_currency and {p.currency, got.currency} <= MAJOR_CURRENCIES)
    )


def _states_sum(profile: Profile, sums: tuple, article: Article) -> bool:
    return bool(sums) and any(sums[0].same_as(a) for a in profile.pledged_sums(article))


def _several_payers(gazetteer, text: str, cues: Any) -> bool:  # noqa: ANN001 - read.gazetteer.Gazetteer
    """The clause before the verb names several states or bodies ("Denmark, Germany, ... and
    the United States contributed $68.95 million"): the sum is their total, not one's share.
    A party after a preposition is where or for whom, not a payer ("dans la zone de l'AES, le
    Japon a fourni ..."; data: not_payer_after)."""
    if gazetteer is None:
        return False
    payers = {ref.key for start, _e, ref in gazetteer.find_all(text)
              if ref.kind in ("state", "organization", "alliance") and not cues.after_preposition(text[:start])}
    return len(payers) >= 2


def _sum_status(article: Article, profile: Profile, sums: tuple, several: bool, so_far: bool) -> str:
    """The status a reported sum gives this commitment (cues.sum_status): compared with the
    largest sum its mentions state in the same currency (else in another major one); a
    commitment stating no sum is moved one step (money spent on it). A share told as a total so
    far ("thus far", "à ce jour"), or a level short of a pledged level (`so_far` as well), is on
    its way, not a pledge kept in part, unless its deadline is known and over."""
    from suivi.follow.cues import sum_status

    reported = sums[0]
    currency = reported.currency
    own = profile.pledged_sums(article)
    pledged = [a.value for a in own if not (a.currency and currency and a.currency != currency)]
    if not pledged and currency in MAJOR_CURRENCIES:
        # "700 millions d'euros" of "$1 billion": told in another major currency, compared as is
        # (their values differ less than what tells a part from the whole)
        pledged = [a.value for a in own if a.currency in MAJOR_CURRENCIES]
    if not pledged:
        return "in_progress"
    past = (profile.deadline is None and not so_far) or _past_deadline(article, profile)
    if any(reported.same_as(a) for a in own):  # the pledge was that very sum (a first tranche)
        return sum_status(reported.value, reported.value, several, past)
    return sum_status(reported.value, max(pledged), several, past)


def _past_deadline(article: Article, profile: Profile) -> bool:
    """The commitment's deadline period was over when the article was published."""
    from suivi.follow import deadlines

    day = deadlines.parse_day(article.published)
    return day is not None and deadlines.is_past(profile.deadline, day)


def _later(article: Article, profile: Profile) -> bool:
    """Published after the commitment's first report (unknown dates: a later-stored article)."""
    if profile.first_published and article.published:
        return article.published[:10] > profile.first_published
    return not profile.mention_articles or article.id > min(profile.mention_articles)


def profile_vectors(profile: Profile) -> np.ndarray:
    """Sentence vectors of the commitment's texts, computed once and kept on the profile."""
    if profile.vectors is None:
        from suivi.reconcile.vectors import embed

        profile.vectors = embed(list(profile.texts))
    return profile.vectors


class ProfileIndex:
    """The profiles of one follow run, with all their text vectors stacked once.

    Why: every report compares its candidate sentences with the register; stacking the
    vectors per report (and embedding a profile's texts again whenever a small cache
    overflowed) made the follow stage cost more the bigger the store."""

    def __init__(self, profiles: list[Profile]) -> None:
        from suivi.reconcile.vectors import embed

        todo = [p for p in profiles if p.vectors is None]
        texts = [t for p in todo for t in p.texts]
        if texts:
            vecs = embed(texts)
            at = 0
            for p in todo:
                # a copy, not a view: a view keeps the whole batch alive for as long as any one
                # profile of it lives, and profiles are rebuilt one by one as the store changes
                p.vectors, at = vecs[at:at + len(p.texts)].copy(), at + len(p.texts)
        self.profiles = [p for p in profiles if len(profile_vectors(p))]
        sizes = [len(profile_vectors(p)) for p in self.profiles]
        self.starts = np.cumsum([0, *sizes[:-1]]).astype(np.intp)
        self.stacked = (np.vstack([profile_vectors(p) for p in self.profiles]) if self.profiles
                        else np.zeros((0, 512), dtype=np.float32))
        # party and name -> profiles: a report names a few of them, the register holds thousands
        self.by_party: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        for i, p in enumerate(self.profiles):
            for key in p.parties:
                self.by_party.setdefault(key, []).append(i)
            for name in p.names:
                self.by_name.setdefault(name, []).append(i)

    def candidates(
        self, article_actors: set[str], actors_of: list[set[str]], words_of: list[set[str]],
        sent_vecs: np.ndarray, clause_vecs: np.ndarray,
    ) -> tuple[list[Profile], np.ndarray]:
        """The commitments a report can move, and their similarity to each candidate sentence.

        A report can only move a commitment whose party it names (in the article or the
        sentence) or whose names it states (see `find_evidence`'s levels). The similarities
        (best of the commitment's texts against the sentence, less a penalty, or against the
        cue's clause) come from two matrix products over the stacked vectors."""
        actors = set(article_actors).union(*actors_of) if actors_of else set(article_actors)
        words = set().union(*words_of) if words_of else set()
        hit: set[int] = set()
        for key in actors:
            hit.update(self.by_party.get(key, ()))
        for word in words:
            hit.update(self.by_name.get(word, ()))
        kept = sorted(hit)
        if not kept:
            return [], np.zeros((0, len(sent_vecs)), dtype=np.float32)
        if len(kept) * 2 < len(self.profiles):
            mats = [self.profiles[i].vectors for i in kept]
            starts = np.cumsum([0, *[len(m) for m in mats[:-1]]]).astype(np.intp)
            stacked = np.vstack(mats)
            rows = slice(None)
        else:
            starts, stacked, rows = self.starts, self.stacked, kept
        by_sentence = np.maximum.reduceat(stacked @ sent_vecs.T, starts, axis=0)[rows]
        by_clause = np.maximum.reduceat(stacked @ clause_vecs.T, starts, axis=0)[rows]
        return [self.profiles[i] for i in kept], np.maximum(by_sentence - SENTENCE_PENALTY, by_clause)
