"""The commitment register: merged commitments, plus mentions reconcile has not merged yet.

Why mentions stand in for commitments: without the reconcile stage (or before it ran on a
new article) a statement is still a commitment an analyst must see; it is listed as its own
entry with id "m<mention id>" until it is assigned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.store import commitments as cstore


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

    def to_json(self, *, with_evidence: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_evidence:
            data.pop("evidence")
        return data


def _status(conn: Connection, commitment_id: int, as_of: date | None) -> tuple[str, bool]:
    try:
        from suivi.follow.status import status_of
    except ImportError:  # follow-up stage not built: every commitment is as announced
        return "announced", False
    view = status_of(conn, commitment_id, as_of)
    return view.status, bool(view.overdue)


def _story_of(conn: Connection, article_id: int) -> int | None:
    try:
        from suivi.store.stories import story_of_article
    except ImportError:
        return None
    return story_of_article(conn, article_id)


def _evidence(m: cstore.CommitmentMention) -> Evidence:
    return Evidence(
        mention_id=m.id, key=m.key, article_id=m.article_id, article_title=m.article_title, outlet=m.outlet,
        published=m.published, start=m.start, end=m.end, evidence=m.evidence, sentence=m.sentence, cue=m.cue,
        modality=m.modality, confidence=m.confidence,
    )


def _from_mention(conn: Connection, m: cstore.CommitmentMention) -> RegisterEntry:
    return RegisterEntry(
        id=f"m{m.id}", agents=m.agents, beneficiaries=m.beneficiaries, action=m.action, sector=m.sector,
        deadline=m.deadline, deadline_precision=m.deadline_precision, recurrence=m.recurrence,
        modality=m.modality, status="announced", overdue=False, first_reported=m.published,
        story_id=_story_of(conn, m.article_id), mentions=1, outlets=[m.outlet] if m.outlet else [],
        evidence=[_evidence(m)],
    )


def _from_commitment(conn: Connection, c: cstore.Commitment, as_of: date | None) -> RegisterEntry:
    mentions = cstore.list_mentions(conn, commitment_id=c.id)
    status, overdue = _status(conn, c.id, as_of)
    return RegisterEntry(
        id=str(c.id), agents=c.agents, beneficiaries=c.beneficiaries, action=c.action, sector=c.sector,
        deadline=c.deadline, deadline_precision=c.deadline_precision, recurrence=c.recurrence,
        modality=c.modality, status=status, overdue=overdue, first_reported=c.first_reported,
        story_id=c.story_id, mentions=len(mentions),
        outlets=sorted({m.outlet for m in mentions if m.outlet}), evidence=[_evidence(m) for m in mentions],
    )


def _keep(entry: RegisterEntry, agent: str | None, beneficiary: str | None, sector: str | None,
          story: int | None) -> bool:
    if agent and agent.upper() not in {a.upper() for a in entry.agents}:
        return False
    if beneficiary and beneficiary.upper() not in {b.upper() for b in entry.beneficiaries}:
        return False
    if sector and entry.sector != sector:
        return False
    return story is None or entry.story_id == story


def register(
    conn: Connection,
    *,
    agent: str | None = None,
    beneficiary: str | None = None,
    sector: str | None = None,
    story: int | None = None,
    as_of: date | None = None,
) -> list[RegisterEntry]:
    """Every commitment (merged ones, then unassigned mentions), filtered."""
    entries = [
        _from_commitment(conn, c, as_of)
        for c in cstore.list_commitments(conn, agent=agent, beneficiary=beneficiary, sector=sector,
                                         story_id=story)
    ]
    entries += [_from_mention(conn, m) for m in cstore.list_mentions(conn, unassigned=True)]
    return [e for e in entries if _keep(e, agent, beneficiary, sector, story)]


def entry(conn: Connection, ref: str, as_of: date | None = None) -> RegisterEntry:
    """One register entry by id ("12"), mention id ("m34") or mention natural key."""
    ref = ref.strip()
    if ref.isdigit():
        return _from_commitment(conn, cstore.get_commitment(conn, int(ref)), as_of)
    if ref[:1].lower() == "m" and ref[1:].isdigit():
        m = cstore.get_mention(conn, int(ref[1:]))
    else:
        m = cstore.get_mention(conn, ref)
    if m.commitment_id is not None:
        return _from_commitment(conn, cstore.get_commitment(conn, m.commitment_id), as_of)
    return _from_mention(conn, m)
