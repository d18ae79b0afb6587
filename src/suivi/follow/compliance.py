"""Compliance per party and per partnership, the G7/G20 Research Group's way.

Each commitment scores +1 fulfilled; 0 partial, in progress, or stalled/announced before its
deadline; -1 broken, or stalled/announced past its deadline; moot is not scored (the scores
are data: statuses.yaml). A group's score is the mean over its scored commitments, shown
also as a percent, 50 x (score + 1), always with the count scored — a 100 % on two
commitments is not a 100 % on forty. Over time: the same figures at the end of each month.

This module scores items it is given; reading the register for a date (`compliance_at`,
`compliance_over_time`) is the read side's job: `suivi.views.compliance`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Protocol

from suivi.follow import deadlines
from suivi.follow.lifecycle import Lifecycle, get_lifecycle


class RegisterItem(Protocol):
    """What scoring reads of a register item (`suivi.views.register.RegisterItem` has it)."""

    agents: list[str]
    beneficiaries: list[str]
    status: str
    deadline: str | None
    overdue: bool


@dataclass
class Compliance:
    group: str  # a party key, or "AGENTS -> BENEFICIARIES" for a partnership
    kind: str  # party | partnership
    count: int
    scored: int
    score: float | None
    percent: float | None
    statuses: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    overdue: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def item_score(status: str, deadline: str | None, as_of: date, lifecycle: Lifecycle | None = None) -> int | None:
    """One commitment's score at `as_of` (None: not scored)."""
    life = lifecycle or get_lifecycle()
    if deadlines.is_past(deadline, as_of):
        return life.score_past_deadline.get(status)
    return life.score.get(status)


def summarise(group: str, kind: str, items: list[RegisterItem], as_of: date) -> Compliance:
    life = get_lifecycle()
    counts = Counter(i.status for i in items)
    scores = [s for s in (item_score(i.status, i.deadline, as_of, life) for i in items) if s is not None]
    mean = sum(scores) / len(scores) if scores else None
    return Compliance(
        group=group, kind=kind, count=len(items), scored=len(scores),
        score=round(mean, 3) if mean is not None else None,
        percent=round(50 * (mean + 1), 1) if mean is not None else None,
        statuses={s: counts.get(s, 0) for s in life.statuses},
        shares={s: round(counts.get(s, 0) / len(items), 3) if items else 0.0 for s in life.statuses},
        overdue=sum(1 for i in items if i.overdue),
    )


def partnership_label(item: RegisterItem) -> str:
    return f"{'+'.join(sorted(item.agents)) or '?'} -> {'+'.join(sorted(item.beneficiaries)) or '?'}"


def compliance(items: list[RegisterItem], as_of: date, *, party: str | None = None) -> list[Compliance]:
    """Per party (each agent) and per partnership (agent set -> beneficiary set)."""
    parties: dict[str, list[RegisterItem]] = {}
    partnerships: dict[str, list[RegisterItem]] = {}
    for item in items:
        for agent in item.agents or ["?"]:
            parties.setdefault(agent, []).append(item)
        partnerships.setdefault(partnership_label(item), []).append(item)
    out = [summarise(k, "party", v, as_of) for k, v in sorted(parties.items())]
    out += [summarise(k, "partnership", v, as_of) for k, v in sorted(partnerships.items())]
    if party:
        wanted = party.upper()
        out = [c for c in out if (c.kind == "party" and c.group.upper() == wanted)
               or (c.kind == "partnership" and wanted in c.group.upper().replace(" -> ", "+").split("+"))]
    return out


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from `start`'s month to `end` (the last one is `end` itself)."""
    out = []
    year, month = start.year, start.month
    while (year, month) < (end.year, end.month):
        out.append(deadlines.deadline_end(f"{year:04d}-{month:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    out.append(end)
    return [d for d in out if d is not None]
