"""Reading one parsed article: actors, roles, quotes, events and time expressions.

Why a pure function separate from the stage: it needs only the Doc and the Article, so
tests and the commitment extractor can call it without a store; the stage adds the
cross-article person index and the writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from suivi.models import Article
from suivi.read.actors import ArticleActors, find_actors
from suivi.read.dates import TimeValue, normalise
from suivi.read.events import EventDraft, read_events
from suivi.read.gazetteer import Gazetteer, get_gazetteer
from suivi.read.lexicon import get_lexicon
from suivi.read.nlp import doc_has_ner, lang_of
from suivi.read.quotes import QuoteDraft, read_quotes
from suivi.read.roles import Role, RoleFinder
from suivi.read.sentences import Sentences


@dataclass
class Reading:
    article: Article
    actors: ArticleActors
    roles: dict[int, Role]  # mention index -> role
    quotes: list[QuoteDraft]
    events: list[EventDraft]
    times: list[TimeValue]  # offsets in the article text
    sentences: Sentences


def anchor_of(article: Article) -> date | None:
    """The publication day, when known to the day (relative dates need it)."""
    if article.published and len(article.published) >= 10:
        try:
            return date.fromisoformat(article.published[:10])
        except ValueError:
            return None
    return None


def _shift(tv: TimeValue, offset: int) -> TimeValue:
    return TimeValue(tv.text, tv.start + offset, tv.end + offset, tv.kind, tv.value, tv.precision,
                     tv.interval_start, tv.interval_end)


def _known_offices(actors, by_person: dict[int, list[Role]]) -> None:  # noqa: ANN001 - ArticleActors
    """Persons whose state the article never states but the leaders table knows (see
    read/leaders.py): each mention of them serves that state."""
    from suivi.read.leaders import leader_of
    from suivi.read.persons import split_name
    from suivi.read.textnorm import fold

    for idx, cluster in enumerate(actors.persons):
        if any(r.serves for r in by_person.get(idx, [])):
            continue  # the text says whom they serve
        leader = None
        for name in [cluster.name.raw or " ".join(cluster.name.words), *cluster.surfaces]:
            leader = leader_of(name)
            if leader is not None:
                break
        if leader is None:
            continue
        if len(cluster.name.words) == 1 and leader.full:
            full = split_name(leader.full)
            if fold(cluster.name.words[0]) in {fold(w) for w in full.words}:
                cluster.name = full  # "Xi" alone is the listed "Xi Jinping", here and across reports
        for m in actors.mentions:
            if m.kind == "person" and m.person == idx and not m.serves:
                m.serves = leader.serves
                m.role = m.role or leader.role


def read_article(doc: Doc, article: Article, gazetteer: Gazetteer | None = None) -> Reading:
    """Everything the reading stage extracts from one article (no store involved)."""
    gazetteer = gazetteer or get_gazetteer()
    lang = lang_of(article)
    lex = get_lexicon(lang)
    sents = Sentences(doc)
    actors = find_actors(doc, gazetteer, lex, doc_has_ner(doc), article.author)
    finder = RoleFinder(doc, lex, actors.gaz)
    roles: dict[int, Role] = {}
    by_person: dict[int, list[Role]] = {}
    for i, m in enumerate(actors.mentions):
        if m.kind != "person":
            continue
        role = finder.role_of(m.start, m.end)
        if role is not None:
            roles[i] = role
            m.role, m.serves = role.text or None, role.serves
            by_person.setdefault(m.person, []).append(role)
    _known_offices(actors, by_person)
    zones = actors.zones  # link lines ("Lire aussi : ...") state nothing about this story
    quotes = [q for q in read_quotes(doc, lex, actors, sents, by_person) if not zones.in_link(q.start)]
    anchor = anchor_of(article)
    times: list[TimeValue] = []
    times_by_sentence: dict[int, list[TimeValue]] = {}
    text = sents.text  # Doc.text re-joins every token on each access: read it once
    for idx, (s, e) in enumerate(sents.ranges):
        if zones.in_link(s):
            continue
        found = [_shift(tv, s) for tv in normalise(text[s:e], anchor, lang)]
        if found:
            times.extend(found)
            times_by_sentence[idx] = found
    events = [ev for ev in read_events(text, lex, actors, sents, times_by_sentence) if not zones.in_link(ev.start)]
    return Reading(article, actors, roles, quotes, events, times, sents)

