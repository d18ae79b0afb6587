"""Events: meetings, summits, visits, statements and agreements, one per cue sentence.

Why sentence-level: news states an event in one sentence ("Moscou a accueilli, ce jeudi
3 avril, une réunion entre ..."): the cue word (data/reading/<lang>.yaml, event_cues) gives
the kind, the actors named in that sentence are the participants, a capital or city named
in it is the place, and the first dated expression in it (suivi.read.dates, anchored on the
publication day) is the date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from suivi.read.actors import ArticleActors, MentionDraft
from suivi.read.dates import TimeValue
from suivi.read.gazetteer import ActorRef
from suivi.read.lexicon import Lexicon
from suivi.read.quotes import Who
from suivi.read.sentences import Sentences

_PLACE_SUBS = ("capital", "city")
_DATED = ("date",)


@dataclass
class EventDraft:
    start: int  # the cue
    end: int
    kind: str
    participants: list[Who] = field(default_factory=list)
    place: ActorRef | None = None
    date: str | None = None
    date_precision: str | None = None


def _participant(m: MentionDraft) -> Who | None:
    if m.kind == "person":
        return Who(person=m.person)
    ref = m.ref
    if ref is None or ref.is_outlet or ref.kind == "place":
        return None
    return Who(ref=ref)


def read_events(text: str, lex: Lexicon, actors: ArticleActors, sents: Sentences,
                times: dict[int, list[TimeValue]]) -> list[EventDraft]:
    """Events of one article; `times` maps a sentence index to its normalised expressions
    (offsets already made absolute)."""
    by_sentence: dict[int, list[MentionDraft]] = {}
    for m in actors.mentions:
        by_sentence.setdefault(sents.index(m.start), []).append(m)
    out: list[EventDraft] = []
    for idx, (s, e) in enumerate(sents.ranges):
        sentence = text[s:e]
        cue = None
        for kind, regex in lex.event_res:
            m = regex.search(sentence)
            if m and (cue is None or m.start() < cue[1]):
                cue = (kind, m.start(), m.end())
        if cue is None:
            continue
        kind, cs, ce = cue
        mentions = by_sentence.get(idx, [])
        participants: list[Who] = []
        for m in mentions:
            who = _participant(m)
            if who is not None and who not in participants:
                participants.append(who)
        places = [m.ref for m in mentions if m.ref is not None and m.ref.kind == "place"
                  and m.ref.sub in _PLACE_SUBS and m.label != "gaz:adjective"]
        dated = [t for t in times.get(idx, []) if t.kind in _DATED and t.value]
        date = _told_as_today(dated, text, lex.lang) or (dated[0] if dated else None)
        out.append(EventDraft(s + cs, s + ce, kind, participants, places[0] if places else None,
                              date.value if date else None, date.precision if date else None))
    return out


def _told_as_today(dated: list[TimeValue], text: str, lang: str) -> TimeValue | None:
    """The first date the sentence introduces as today (see `ingest.rules.told_as_today`)."""
    from suivi.ingest.rules import told_as_today

    return next((t for t in dated if told_as_today(text, t.start, lang)), None)
