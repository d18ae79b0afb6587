"""The read stage: parse articles, read actors/roles/quotes/events/dates, store them with spans.

Why batches: spaCy is fastest with nlp.pipe over many texts, and one transaction per batch
keeps writes cheap (executemany) while a crash loses at most one batch. Persons are linked
across articles through a PersonIndex loaded from the store once and kept up to date as the
batch is read; a quote attributed to a role ("a souligné le ministre malien") whose holder
the article does not name is resolved with the roles known from every article read so far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select

from suivi import failpoints
from suivi.read.gazetteer import ActorRef, get_gazetteer
from suivi.read.nlp import parse
from suivi.read.persons import PersonIndex
from suivi.read.quotes import Who
from suivi.read.reader import Reading, read_article
from suivi.store import Store
from suivi.store import articles as art_store  # article reads; spans are batched in rstore
from suivi.store import reading as rstore

NAME = "read"
VERSION = "read-1"
BATCH = 32

Progress = Callable[[str, int, int], None]


class RoleIndex:
    """Which persons (keys) hold roles serving which state, with the role texts."""

    def __init__(self) -> None:
        self.by_state: dict[str, Counter[str]] = {}
        self.texts: dict[tuple[str, str], list[str]] = {}

    def add(self, person_key: str, serves: str | None, role: str) -> None:
        if not serves:
            return
        self.by_state.setdefault(serves, Counter())[person_key] += 1
        self.texts.setdefault((person_key, serves), []).append(role.lower())

    def holder(self, title: str, states: tuple[str, ...], prefer: set[str]) -> str | None:
        """The person holding `title` for one of `states`: in `prefer` (the article) first."""
        scored: list[tuple[int, int, str]] = []
        for state in states:
            for key, n in self.by_state.get(state, Counter()).items():
                has_title = any(title in t for t in self.texts.get((key, state), []))
                scored.append((key in prefer, has_title * n + n, key))
        if not scored:
            return None
        scored.sort(reverse=True)
        return scored[0][2]


def _load_indexes(conn: Connection) -> tuple[PersonIndex, RoleIndex]:
    persons = PersonIndex()
    for a in rstore.load_actors(conn, "person"):
        persons.add(a.key, a.name, a.aliases)
    roles = RoleIndex()
    rows = conn.execute(
        select(rstore.actors.c.key, rstore.actor_roles.c.serves, rstore.actor_roles.c.role)
        .join(rstore.actors, rstore.actor_roles.c.actor_id == rstore.actors.c.id)
    )
    for r in rows:
        roles.add(r.key, r.serves, r.role)
    return persons, roles


def _person_keys(reading: Reading, index: PersonIndex) -> list[str]:
    keys = []
    for cl in reading.actors.persons:
        known = index.match(cl.name)
        if known is not None:
            index.update(known.key, cl.name, [cl.name.text, *cl.surfaces])
            keys.append(known.key)
            continue
        key = cl.name.key()
        if key in index.by_key:
            index.update(key, cl.name, cl.surfaces)
        else:
            index.add(key, cl.name.text, [cl.name.text, *cl.surfaces])
        keys.append(key)
    return keys


class _Writer:
    """Writes one article's reading (spans, actors, rows) inside a transaction."""

    def __init__(self, conn: Connection, reading: Reading, pkeys: list[str], persons: PersonIndex,
                 roles: RoleIndex) -> None:
        self.conn = conn
        self.r = reading
        self.aid = reading.article.id
        self.text = reading.article.text
        self.pkeys = pkeys
        self.persons = persons
        self.roles = roles
        self.wanted: dict[str, dict[str, Any]] = {}
        self.spans: dict[tuple[int, int], tuple[int, int, str, str, int, int]] = {}

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Record a span to create (batched in rstore.add_spans); rows refer to it by range."""
        if (start, end) not in self.spans:
            s, e = self.r.sentences.around(start, end)
            self.spans[(start, end)] = (start, end, self.text[start:end], self.text[s:e], s, e)
        return (start, end)

    def want_ref(self, ref: ActorRef, surface: str | None) -> str:
        w = self.wanted.setdefault(ref.key, {"key": ref.key, "kind": ref.kind, "name": ref.name,
                                             "code": ref.code, "aliases": [], "rename": False})
        if surface and surface not in w["aliases"]:
            w["aliases"].append(surface)
        return ref.key

    def want_person(self, key: str) -> str:
        p = self.persons.by_key[key]
        self.wanted[key] = {"key": key, "kind": "person", "name": p.name.text, "code": None,
                            "aliases": list(p.aliases), "rename": True}
        return key

    def who_key(self, who: Who | None) -> str | None:
        if who is None:
            return None
        if who.person is not None and who.person >= 0:
            return self.want_person(self.pkeys[who.person])
        if who.ref is not None:
            return self.want_ref(who.ref, None)
        if who.role_states:
            key = self.roles.holder(who.role_title or "", who.role_states, set(self.pkeys))
            return self.want_person(key) if key in self.persons.by_key else None
        return None

    def write(self) -> dict[str, int]:
        r = self.r
        mention_rows: list[tuple[str, dict[str, Any]]] = []
        role_rows: list[tuple[str, dict[str, Any]]] = []
        for i, m in enumerate(r.actors.mentions):
            if m.kind == "person":
                key = self.want_person(self.pkeys[m.person])
            else:
                key = self.want_ref(m.ref, m.surface if m.label != "gaz:adjective" else None)
            span_id = self.span(m.start, m.end)
            mention_rows.append((key, {"article_id": self.aid, "span_id": span_id, "surface": m.surface,
                                       "role": m.role, "serves": m.serves, "label": m.label,
                                       "extractor_version": VERSION}))
            role = r.roles.get(i)
            if role is not None and role.text:
                rs = self.span(min(role.start, m.start), max(role.end, m.end))
                role_rows.append((key, {"article_id": self.aid, "span_id": rs, "role": role.text,
                                        "serves": role.serves, "extractor_version": VERSION}))
        quote_rows = []
        for q in r.quotes:
            quote_rows.append({"article_id": self.aid, "span_id": self.span(q.start, q.end),
                               "_speaker": self.who_key(q.speaker), "verb": q.verb, "direct": q.direct,
                               "text": q.text, "extractor_version": VERSION})
        event_rows = []
        for ev in r.events:
            participants = [k for k in (self.who_key(w) for w in ev.participants) if k]
            place = self.want_ref(ev.place, None) if ev.place is not None else None
            event_rows.append({"article_id": self.aid, "span_id": self.span(ev.start, ev.end), "kind": ev.kind,
                               "date": ev.date, "date_precision": ev.date_precision, "_place": place,
                               "participants": list(dict.fromkeys(participants)),
                               "extractor_version": VERSION})
        time_rows = [
            {"article_id": self.aid, "span_id": self.span(t.start, t.end), "text": t.text, "kind": t.kind,
             "value": t.value, "precision": t.precision, "start": t.interval_start, "end": t.interval_end,
             "recurrence": t.value if t.kind == "recurrence" else None, "extractor_version": VERSION}
            for t in r.times
        ]
        span_ids = rstore.add_spans(self.conn, self.aid, list(self.spans.values()))
        for row in (*(r for _, r in mention_rows), *(r for _, r in role_rows), *quote_rows, *event_rows, *time_rows):
            row["span_id"] = span_ids[row["span_id"]]
        ids = rstore.upsert_actors(self.conn, list(self.wanted.values()))
        rstore.insert_rows(self.conn, rstore.mentions, [{**row, "actor_id": ids[k]} for k, row in mention_rows])
        rstore.insert_rows(self.conn, rstore.actor_roles, [{**row, "actor_id": ids[k]} for k, row in role_rows])
        for row in quote_rows:
            row["speaker_actor_id"] = ids.get(row.pop("_speaker"))
        rstore.insert_rows(self.conn, rstore.quotes, quote_rows)
        for row in event_rows:
            row["place_actor_id"] = ids.get(row.pop("_place"))
        rstore.insert_rows(self.conn, rstore.events, event_rows)
        rstore.insert_rows(self.conn, rstore.time_expressions, time_rows)
        return {"mentions": len(mention_rows), "roles": len(role_rows), "quotes": len(quote_rows),
                "events": len(event_rows), "time_expressions": len(time_rows)}


def load_indexes(store: Store) -> tuple[PersonIndex, RoleIndex]:
    """The persons and roles already stored, to link a run's readings to them."""
    with store.connect() as conn:
        return _load_indexes(conn)


def write_readings(store: Store, readings: list[Reading], persons: PersonIndex, roles: RoleIndex) -> Counter[str]:
    """Link one batch's persons to the known ones, then replace its rows in one transaction.

    Why apart from reading: `suivi.scale` reads articles in worker processes and writes their
    readings here, in the one writer process, batch by batch as this stage does.
    """
    all_keys = [_person_keys(r, persons) for r in readings]
    for r, keys in zip(readings, all_keys, strict=True):
        for i, role in r.roles.items():
            m = r.actors.mentions[i]
            roles.add(keys[m.person], role.serves, role.text)
    counts: Counter[str] = Counter()
    with store.begin() as conn:
        rstore.delete_for_articles(conn, [r.article.id for r in readings])
        for r, keys in zip(readings, all_keys, strict=True):
            counts.update(_Writer(conn, r, keys, persons, roles).write())
        failpoints.reach("read.batch")
    return counts


def run(store: Store, article_ids: list[int] | None, progress: Progress) -> dict[str, int]:
    """Read the given articles (None: all), replacing this stage's rows for them."""
    with store.connect() as conn:
        ids = list(article_ids) if article_ids is not None else art_store.article_ids(conn)
        persons, roles = _load_indexes(conn)
    gaz = get_gazetteer()
    counts: Counter[str] = Counter()
    total = len(ids)
    progress(NAME, 0, total)
    for b in range(0, total, BATCH):
        batch = ids[b:b + BATCH]
        with store.connect() as conn:
            arts = art_store.iter_articles(conn, batch)
        docs = parse(arts)
        readings = [read_article(doc, art, gaz) for doc, art in zip(docs, arts, strict=True)]
        counts.update(write_readings(store, readings, persons, roles))
        counts["articles"] += len(arts)
        progress(NAME, min(b + BATCH, total), total)
    return dict(counts)
