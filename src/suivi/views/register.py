"""The commitment register: every commitment with its status at a date, and one entry by id.

Why one module for the CLI, the web, the API, watch rules, briefings and exports: they must
agree on what "the status on that day" is, and on which commitments an analyst has hidden
(rejected or merged away). The register is built in bulk — a handful of queries for the
whole store, then the follow stage's replay (`follow.status.derive`) per commitment — so it
costs the same whether a store holds ten commitments or fifty thousand.

Mentions reconcile has not merged yet stand in for commitments in `entries()` (id
"m<mention id>"): without reconcile, or before it ran on a new article, a statement is still
a commitment an analyst must see.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import review
from suivi.follow.status import derive, status_of
from suivi.store import commitments as commitment_store
from suivi.store import queries
from suivi.store.commitments import Commitment, CommitmentMention
from suivi.store.follow import StatusChangeRow


@dataclass
class RegisterItem:
    """One merged commitment with its status at `as_of`; `mentions` and `status_changes` are
    filled only when the register is built with details (the CLI's `status`, watch rules)."""

    id: int
    key: str
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    sector: str | None
    deadline: str | None
    recurrence: str | None
    first_reported: str | None
    status: str
    overdue: bool
    review: str | None
    occurrences: dict[str, int] | None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    status_changes: list[dict[str, Any]] = field(default_factory=list)
    deadline_precision: str | None = None
    modality: str | None = None
    story_id: int | None = None
    outlets: list[str] = field(default_factory=list)
    n_mentions: int = 0
    n_articles: int = 0
    evidence: str | None = None  # the first mention's evidence, for text filters and previews
    status_date: str | None = None  # effective day of the change that set the status
    first_seen: str | None = None  # earliest publication date among its mentions

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def register(
    conn: Connection, as_of: date | None = None, *, party: str | None = None, sector: str | None = None,
    include_hidden: bool = False, details: bool = True,
) -> list[RegisterItem]:
    """Commitments with status and overdue at `as_of` (default today): overdue first, then by deadline.

    A commitment appears once one of its mentions was published by `as_of`; rejected and
    merged-away commitments are left out unless `include_hidden`.
    """
    as_of = as_of or date.today()
    items = build(conn, as_of, details=details)
    out = []
    for item in items:
        if not include_hidden and item.review in ("rejected", "merged"):
            continue
        if sector and item.sector != sector:
            continue
        if party and party.upper() not in {p.upper() for p in [*item.agents, *item.beneficiaries]}:
            continue
        out.append(item)
    return out


def build(conn: Connection, as_of: date, *, details: bool = False) -> list[RegisterItem]:
    """Every commitment reported by `as_of`, hidden ones included (with their verdict), sorted.

    One query per table: commitments, mention facts (or full mentions with `details`), status
    logs, review decisions.
    """
    day = as_of.isoformat()
    state = review.review_state(conn)
    facts: dict[int, list[queries.MentionFact]] = defaultdict(list)
    for f in queries.mention_facts(conn):
        if f.commitment_id is not None and (not f.published or f.published[:10] <= day):
            facts[f.commitment_id].append(f)
    full: dict[int, list[CommitmentMention]] = defaultdict(list)
    if details:
        for m in commitment_store.list_mentions(conn):
            if m.commitment_id is not None and (not m.published or m.published[:10] <= day):
                full[m.commitment_id].append(m)
    logs = queries.status_logs(conn, with_sentence=details)
    evidence = queries.first_evidence(conn)
    items = []
    for c in queries.commitment_rows(conn):
        own = facts.get(c.id)
        if not own:
            continue  # not yet reported at as_of (or emptied by a merge)
        item = _item(c, own, logs.get(c.key, []), as_of, state.get(c.key), full.get(c.id) if details else None)
        item.evidence = evidence.get(c.id)
        items.append(item)
    items.sort(key=lambda i: (not i.overdue, i.deadline or "9999", i.id))
    return items


def _item(
    c: Commitment, facts: list[queries.MentionFact], log: list[StatusChangeRow], as_of: date, verdict: str | None,
    mentions: list[CommitmentMention] | None,
) -> RegisterItem:
    status, overdue, _source, views, occurrences = derive(
        log, as_of=as_of, deadline=c.deadline, recurrence=c.recurrence, first_reported=c.first_reported,
    )
    applied = [v for v in views if v.applied]
    day = as_of.isoformat()
    item = RegisterItem(
        id=c.id, key=c.key, agents=c.agents, beneficiaries=c.beneficiaries, action=c.action, sector=c.sector,
        deadline=c.deadline, recurrence=c.recurrence, first_reported=c.first_reported, status=status,
        overdue=overdue, review=verdict, occurrences=occurrences, deadline_precision=c.deadline_precision,
        modality=c.modality, story_id=c.story_id, outlets=sorted({f.outlet for f in facts if f.outlet}),
        n_mentions=len(facts), n_articles=len({f.article_id for f in facts}),
        status_date=applied[-1].date if applied else None,
        first_seen=min((f.published for f in facts if f.published), default=None),
    )
    if mentions is not None:
        item.mentions = [
            {"id": m.id, "article_id": m.article_id, "published": m.published, "start": m.start, "end": m.end,
             "evidence": m.evidence, "sentence": m.sentence}
            for m in mentions
        ]
        item.status_changes = [
            {"status": ch.status, "source": ch.source, "date": ch.date, "applied": ch.applied,
             "article_id": ch.article_id, "start": ch.start, "end": ch.end, "sentence": ch.sentence,
             "cue": ch.cue, "note": ch.note, "by": ch.actor_name, "source_ref": ch.source_ref}
            for ch in views
            if ch.date is None or ch.date <= day
        ]
    return item


# --- the entry view: merged commitments and lone mentions (`suivi commitments`, `suivi commitment`)


@dataclass
class Evidence:
    mention_id: int
    key: str
    article_id: int
    article_title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    evidence: str
    sentence: str
    cue: str
    modality: str
    confidence: float


@dataclass
class RegisterEntry:
    id: str  # "12" for a merged commitment, "m34" for a lone mention
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    sector: str | None
    deadline: str | None
    deadline_precision: str | None
    recurrence: str | None
    modality: str | None
    status: str
    overdue: bool
    first_reported: str | None
    story_id: int | None
    mentions: int
    outlets: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    review: str | None = None

    def to_json(self, *, with_evidence: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_evidence:
            data.pop("evidence")
        return data


def _evidence(m: CommitmentMention) -> Evidence:
    return Evidence(
        mention_id=m.id, key=m.key, article_id=m.article_id, article_title=m.article_title, outlet=m.outlet,
        published=m.published, start=m.start, end=m.end, evidence=m.evidence, sentence=m.sentence, cue=m.cue,
        modality=m.modality, confidence=m.confidence,
    )


def _from_mention(m: CommitmentMention, story_id: int | None) -> RegisterEntry:
    return RegisterEntry(
        id=f"m{m.id}", agents=m.agents, beneficiaries=m.beneficiaries, action=m.action, sector=m.sector,
        deadline=m.deadline, deadline_precision=m.deadline_precision, recurrence=m.recurrence,
        modality=m.modality, status="announced", overdue=False, first_reported=m.published,
        story_id=story_id, mentions=1, outlets=[m.outlet] if m.outlet else [], evidence=[_evidence(m)],
    )


def _from_commitment(c: Commitment, mentions: list[CommitmentMention], status: str, overdue: bool,
                     verdict: str | None) -> RegisterEntry:
    return RegisterEntry(
        id=str(c.id), agents=c.agents, beneficiaries=c.beneficiaries, action=c.action, sector=c.sector,
        deadline=c.deadline, deadline_precision=c.deadline_precision, recurrence=c.recurrence,
        modality=c.modality, status=status, overdue=overdue, first_reported=c.first_reported,
        story_id=c.story_id, mentions=len(mentions), outlets=sorted({m.outlet for m in mentions if m.outlet}),
        evidence=[_evidence(m) for m in mentions], review=verdict,
    )


def _keeps(agents: list[str], beneficiaries: list[str], sector_: str | None, story_: int | None,
           agent: str | None, beneficiary: str | None, sector: str | None, story: int | None) -> bool:
    if agent and agent.upper() not in {a.upper() for a in agents}:
        return False
    if beneficiary and beneficiary.upper() not in {b.upper() for b in beneficiaries}:
        return False
    if sector and sector_ != sector:
        return False
    return story is None or story_ == story


def entries(
    conn: Connection, *, agent: str | None = None, beneficiary: str | None = None, sector: str | None = None,
    story: int | None = None, as_of: date | None = None,
) -> list[RegisterEntry]:
    """Every visible commitment (first reported first), then mentions not merged yet, filtered.

    Rejected and merged-away commitments are left out, as in the register.
    """
    as_of = as_of or date.today()
    state = review.review_state(conn)
    logs = queries.status_logs(conn, with_sentence=False)
    by_commitment: dict[int, list[CommitmentMention]] = defaultdict(list)
    lone: list[CommitmentMention] = []
    for m in commitment_store.list_mentions(conn):
        (by_commitment[m.commitment_id] if m.commitment_id is not None else lone).append(m)
    out = []
    for c in commitment_store.list_commitments(conn, sector=sector, story_id=story):
        if state.get(c.key) in ("rejected", "merged"):
            continue
        if not _keeps(c.agents, c.beneficiaries, c.sector, c.story_id, agent, beneficiary, sector, story):
            continue
        status, overdue, *_ = derive(logs.get(c.key, []), as_of=as_of, deadline=c.deadline,
                                     recurrence=c.recurrence, first_reported=c.first_reported)
        out.append(_from_commitment(c, by_commitment.get(c.id, []), status, overdue, state.get(c.key)))
    stories = queries.stories_of_articles(conn, {m.article_id for m in lone}) if lone else {}
    for m in lone:
        if _keeps(m.agents, m.beneficiaries, m.sector, stories.get(m.article_id), agent, beneficiary, sector, story):
            out.append(_from_mention(m, stories.get(m.article_id)))
    return out


def entry(conn: Connection, ref: str, as_of: date | None = None) -> RegisterEntry:
    """One register entry by id ("12"), mention id ("m34") or mention natural key; hidden ones too."""
    ref = ref.strip()
    if ref.isdigit():
        return _commitment_entry(conn, commitment_store.get_commitment(conn, int(ref)), as_of)
    if ref[:1].lower() == "m" and ref[1:].isdigit():
        m = commitment_store.get_mention(conn, int(ref[1:]))
    else:
        m = commitment_store.get_mention(conn, ref)
    if m.commitment_id is not None:
        return _commitment_entry(conn, commitment_store.get_commitment(conn, m.commitment_id), as_of)
    return _from_mention(m, queries.stories_of_articles(conn, [m.article_id]).get(m.article_id))


def _commitment_entry(conn: Connection, c: Commitment, as_of: date | None) -> RegisterEntry:
    view = status_of(conn, c.id, as_of)
    mentions = commitment_store.list_mentions(conn, commitment_id=c.id)
    return _from_commitment(c, mentions, view.status, bool(view.overdue), review.review_state(conn).get(c.key))


# --- filtering, sorting and paging the register (the web page and the JSON API) ----------------

SORTS = ("deadline", "-deadline", "first_reported", "-first_reported", "status", "id", "-id", "sources", "-sources")


@dataclass
class RegisterFilter:
    """The register's filters, as they appear in a page's URL and the API's query string."""

    party: str | None = None  # agent or beneficiary
    agent: str | None = None
    beneficiary: str | None = None
    sector: str | None = None
    status: str | None = None
    story: int | None = None
    due_from: str | None = None  # deadline on or after (ISO day, month or year)
    due_to: str | None = None  # deadline on or before
    overdue: bool | None = None
    q: str | None = None  # words in the action or the evidence
    sort: str = "deadline"

    def keeps(self, item: RegisterItem) -> bool:
        if self.party and self.party.upper() not in {p.upper() for p in [*item.agents, *item.beneficiaries]}:
            return False
        if self.agent and self.agent.upper() not in {a.upper() for a in item.agents}:
            return False
        if self.beneficiary and self.beneficiary.upper() not in {b.upper() for b in item.beneficiaries}:
            return False
        if self.sector and item.sector != self.sector:
            return False
        if self.status and item.status != self.status:
            return False
        if self.story is not None and item.story_id != self.story:
            return False
        if self.overdue is not None and item.overdue != self.overdue:
            return False
        if self.due_from or self.due_to:
            if not item.deadline:
                return False
            if self.due_from and item.deadline[:len(self.due_from)] < self.due_from[:len(item.deadline)]:
                return False
            if self.due_to and item.deadline[:len(self.due_to)] > self.due_to[:len(item.deadline)]:
                return False
        if self.q:
            hay = f"{item.action or ''} {item.evidence or ''}".casefold()
            if not all(word in hay for word in self.q.casefold().split()):
                return False
        return True


@dataclass
class Page:
    """One page of a listing: its rows, the total count, and where it starts."""

    items: list[Any]
    total: int
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit,
                "items": [i.to_json() if hasattr(i, "to_json") else i for i in self.items]}


_STATUS_ORDER = {s: n for n, s in enumerate(
    ("announced", "in_progress", "partial", "stalled", "fulfilled", "broken", "moot"))}


def _sort_key(name: str):  # noqa: ANN202 - a key function
    field_ = name.lstrip("-")
    if field_ == "deadline":
        return lambda i: (i.deadline is None, i.deadline or "", i.id)
    if field_ == "first_reported":
        return lambda i: (i.first_reported is None, i.first_reported or "", i.id)
    if field_ == "status":
        return lambda i: (not i.overdue, _STATUS_ORDER.get(i.status, 99), i.deadline or "9999", i.id)
    if field_ == "sources":
        return lambda i: (len(i.outlets), i.n_mentions, i.id)
    return lambda i: i.id


class RegisterIndex:
    """A register with lookup tables for its filters, so a filtered page reads only candidates.

    Why: testing every one of tens of thousands of items per page view costs a fifth of a
    second in Python; the party, agent, beneficiary, sector, status and story filters each
    name a small subset, found here by key. Built once per register (see `views.cache`).
    """

    def __init__(self, items: list[RegisterItem]) -> None:
        self.items = items
        self.tables: dict[str, dict[Any, list[int]]] = {
            name: defaultdict(list) for name in ("party", "agent", "beneficiary", "sector", "status", "story")}
        for n, i in enumerate(items):
            agents = {a.upper() for a in i.agents}
            beneficiaries = {b.upper() for b in i.beneficiaries}
            for a in agents:
                self.tables["agent"][a].append(n)
            for b in beneficiaries:
                self.tables["beneficiary"][b].append(n)
            for p in agents | beneficiaries:
                self.tables["party"][p].append(n)
            self.tables["sector"][i.sector].append(n)
            self.tables["status"][i.status].append(n)
            self.tables["story"][i.story_id].append(n)

    def candidates(self, flt: RegisterFilter) -> list[RegisterItem]:
        lists = []
        for name, value in (("party", flt.party), ("agent", flt.agent), ("beneficiary", flt.beneficiary)):
            if value:
                lists.append(self.tables[name].get(value.upper(), []))
        for name, value in (("sector", flt.sector), ("status", flt.status)):
            if value:
                lists.append(self.tables[name].get(value, []))
        if flt.story is not None:
            lists.append(self.tables["story"].get(flt.story, []))
        if not lists:
            return self.items
        return [self.items[n] for n in min(lists, key=len)]


def select_items(items: list[RegisterItem] | RegisterIndex, flt: RegisterFilter, *, offset: int = 0,
                 limit: int = 50) -> Page:
    """Filter, sort and cut a register (built once, e.g. by `views.cache`) into one page."""
    pool = items.candidates(flt) if isinstance(items, RegisterIndex) else items
    kept = [i for i in pool if flt.keeps(i)]
    sort = flt.sort if flt.sort in SORTS else "deadline"
    kept.sort(key=_sort_key(sort), reverse=sort.startswith("-"))
    offset = max(0, offset)
    return Page(kept[offset:offset + limit], len(kept), offset, limit)
