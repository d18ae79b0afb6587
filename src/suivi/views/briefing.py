"""A briefing's content for a period (and optionally one party), as plain objects.

Why a view and not a template's queries: a briefing says the same things as the register,
the compliance table and the story pages — it selects from them (`views.register`,
`views.compliance`, `views.stories`), it never recomputes a status. Rendering (Markdown,
HTML, PDF, charts) lives in `suivi.show.brief`.

Every fact carries its sources: items point to articles by id, and `sources` lists every
cited article once (outlet, title, date, URL), numbered in order of first citation so the
renderers can print "[3]" next to a fact and the full reference at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from suivi.follow.compliance import Compliance
from suivi.reconcile.report import story_detail
from suivi.store import articles as article_store
from suivi.store import queries
from suivi.store import stories as story_store
from suivi.views.compliance import compliance_at
from suivi.views.register import RegisterItem, register

DEFAULT_DAYS = 30


@dataclass
class StoryBrief:
    id: int
    label: str | None
    event_date: str | None
    place: str | None
    actors: list[str]
    articles: list[int]  # article ids, oldest first
    outlets: list[str]
    commitments: int


@dataclass
class StatusChange:
    commitment_id: int
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    evidence: str | None  # the commitment's words in its first report
    status: str
    before: str
    date: str | None
    source: str  # auto (read in an article) | analyst
    sentence: str | None
    article_id: int | None
    note: str | None
    by: str | None
    source_ref: str | None = None


@dataclass
class Disagreement:
    story_id: int
    story: str | None
    field: str
    values: list[dict[str, Any]]  # value, articles, outlets


@dataclass
class SourceRef:
    number: int
    article_id: int
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None


@dataclass
class Briefing:
    start: date
    end: date
    party: str | None
    generated_at: datetime
    stories: list[StoryBrief] = field(default_factory=list)
    new_commitments: list[RegisterItem] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    overdue: list[RegisterItem] = field(default_factory=list)
    compliance: list[Compliance] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # actor key -> display name

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def cite(self, article_ids: list[int | None]) -> list[int]:
        """Source numbers of these articles (each article is numbered once)."""
        numbers = {s.article_id: s.number for s in self.sources}
        return sorted({numbers[a] for a in article_ids if a is not None and a in numbers})

    @property
    def title(self) -> str:
        who = f" — {self.name(self.party)}" if self.party else ""
        return f"Briefing{who}: {self.start.isoformat()} to {self.end.isoformat()}"


def period(start: date | None, end: date | None, today: date | None = None) -> tuple[date, date]:
    """The briefing's days: `end` defaults to today, `start` to 30 days before `end`."""
    end = end or today or date.today()
    start = start or end - timedelta(days=DEFAULT_DAYS)
    if start > end:
        from suivi.errors import ConfigError

        raise ConfigError(f"--from {start} is after --to {end}")
    return start, end


def _in(day: str | None, start: str, end: str) -> bool:
    """An ISO day, month or year prefix falls in [start, end] (compared on its own precision)."""
    return bool(day) and start[:len(day)] <= day <= end[:len(day)]


def build(conn: Connection, start: date, end: date, *, party: str | None = None,
          now: datetime | None = None) -> Briefing:
    """What happened from `start` to `end` (statuses as of `end`), for one party or all."""
    lo, hi = start.isoformat(), end.isoformat()
    party = party.upper() if party else None
    items = register(conn, end, party=party, details=True)
    brief = Briefing(start=start, end=end, party=party, generated_at=now or datetime.now().astimezone())

    brief.new_commitments = [i for i in items if _in(i.first_seen, lo, hi)]
    brief.new_commitments.sort(key=lambda i: (i.first_seen or "", i.id))
    brief.overdue = sorted((i for i in items if i.overdue), key=lambda i: (i.deadline is None, i.deadline or "", i.id))
    for item in items:
        before = "announced"
        for ch in item.status_changes:
            if not ch["applied"]:
                continue
            if _in(ch["date"], lo, hi):
                brief.status_changes.append(StatusChange(
                    commitment_id=item.id, agents=item.agents, beneficiaries=item.beneficiaries, action=item.action,
                    evidence=item.evidence, status=ch["status"], before=before, date=ch["date"], source=ch["source"],
                    sentence=ch["sentence"], article_id=ch["article_id"], note=ch["note"], by=ch["by"],
                    source_ref=ch.get("source_ref"),
                ))
            before = ch["status"]
    brief.status_changes.sort(key=lambda c: (c.date or "", c.commitment_id))
    brief.compliance = [c for c in compliance_at(conn, end, party=party, items=items)]

    brief.stories, details = _stories(conn, lo, hi, party, items)
    for story in details:
        for d in story["disagreements"]:
            brief.disagreements.append(Disagreement(story_id=story["id"], story=story["label"], field=d["field"],
                                                    values=d["values"]))

    cited: list[int | None] = []
    for s in brief.stories:
        cited += s.articles
    for i in brief.new_commitments:
        cited += [m["article_id"] for m in i.mentions]
    cited += [c.article_id for c in brief.status_changes]
    for i in brief.overdue:
        cited += [m["article_id"] for m in i.mentions[:1]]
    for d in brief.disagreements:
        for v in d.values:
            cited += v["articles"]
    brief.sources = _sources(conn, cited)
    keys = {k for i in items for k in (*i.agents, *i.beneficiaries)}
    keys |= {k for st in brief.stories for k in (*st.actors, st.place) if k}
    keys |= {c.group for c in brief.compliance if c.kind == "party"}
    brief.names = {k: name for k, (name, _kind) in queries.actor_names(conn, keys).items() if name}
    brief.counts = {"stories": len(brief.stories), "new_commitments": len(brief.new_commitments),
                    "status_changes": len(brief.status_changes), "overdue": len(brief.overdue),
                    "disagreements": len(brief.disagreements), "sources": len(brief.sources),
                    "register": len(items)}
    return brief


def _stories(conn: Connection, lo: str, hi: str, party: str | None,
             items: list[RegisterItem]) -> tuple[list[StoryBrief], list[dict[str, Any]]]:
    """Stories whose event falls in the period or that gained an article in it."""
    from suivi.views.articles import list_articles

    in_period = list_articles(conn, since=lo, until=hi, limit=100_000)["items"]
    wanted = set(queries.stories_of_articles(conn, [a["id"] for a in in_period]).values())
    wanted |= {s.id for s in story_store.list_stories(conn) if _in(s.event_date, lo, hi)}
    commitments_by_story: dict[int, int] = {}
    for i in items:
        if i.story_id is not None:
            commitments_by_story[i.story_id] = commitments_by_story.get(i.story_id, 0) + 1
    out, details = [], []
    for story_id in sorted(wanted):
        data = story_detail(conn, story_id)
        if party and party not in {a.upper() for a in data["actors"]} and story_id not in commitments_by_story:
            continue
        articles = sorted(data["articles"], key=lambda a: (a["published"] or "", a["article_id"]))
        out.append(StoryBrief(
            id=story_id, label=data["label"], event_date=data["event_date"], place=data["place"],
            actors=data["actors"], articles=[a["article_id"] for a in articles],
            outlets=data["outlets"], commitments=commitments_by_story.get(story_id, 0),
        ))
        details.append(data)
    out.sort(key=lambda s: (s.event_date or "", s.id), reverse=True)
    return out, details


def _sources(conn: Connection, cited: list[int | None]) -> list[SourceRef]:
    order: list[int] = []
    for a in cited:
        if a is not None and a not in order:
            order.append(a)
    found = {a.id: a for a in article_store.iter_articles(conn, order)}
    refs = []
    for a_id in order:
        a = found.get(a_id)
        if a is None:
            continue
        refs.append(SourceRef(number=len(refs) + 1, article_id=a.id, outlet=a.outlet, title=a.title,
                              published=a.published, url=a.url))
    return refs
