"""The register as a data set to hand on: selected commitments with their mentions resolved to
articles (outlet, title, date, URL), and the actors and actor mentions of those articles.

Why here: every export (`suivi.show.export`) takes the same selection — the register's
filters (`views.register.RegisterFilter`) at a date — and the same article references; each
format only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.store import queries
from suivi.store import reading as reading_store
from suivi.store import stories as story_store
from suivi.store.reading import ActorSummary, MentionView
from suivi.views.articles import list_articles
from suivi.views.register import RegisterFilter, RegisterItem, register, select_items


@dataclass
class Selection:
    """Commitments chosen by the register's filters at `as_of`, and what they point to."""

    as_of: date
    filter: RegisterFilter
    items: list[RegisterItem]
    articles: dict[int, dict[str, Any]]  # article id -> id, title, outlet, published, language, url
    names: dict[str, str] = field(default_factory=dict)  # actor key -> display name
    filtered: bool = False

    def article_ids(self) -> list[int]:
        """Articles the selected commitments were read in (every article when nothing is filtered)."""
        if not self.filtered:
            return sorted(self.articles)
        return sorted({m["article_id"] for i in self.items for m in i.mentions} & set(self.articles))

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def select(conn: Connection, as_of: date, flt: RegisterFilter | None = None) -> Selection:
    flt = flt or RegisterFilter()
    everything = register(conn, as_of, details=True)
    page = select_items(everything, flt, offset=0, limit=max(1, len(everything)))
    articles = {a["id"]: a for a in list_articles(conn, limit=10_000_000)["items"]}
    keys = {k for i in page.items for k in (*i.agents, *i.beneficiaries)}
    names = {k: name for k, (name, _kind) in queries.actor_names(conn, keys).items() if name}
    filtered = any(getattr(flt, f) not in (None, "") for f in
                   ("party", "agent", "beneficiary", "sector", "status", "story", "due_from", "due_to", "overdue", "q"))
    return Selection(as_of=as_of, filter=flt, items=list(page.items), articles=articles, names=names,
                     filtered=filtered)


def actors(conn: Connection) -> list[ActorSummary]:
    """Every actor with at least one mention, with aliases and roles."""
    return reading_store.list_actors(conn)


def actor_mentions(conn: Connection, article_ids: list[int]) -> list[MentionView]:
    """Each actor mention of these articles, with its span and sentence."""
    out: list[MentionView] = []
    for article_id in article_ids:
        out.extend(reading_store.mentions_for_article(conn, article_id))
    return out


def stories(conn: Connection, story_ids: set[int] | None = None) -> list[dict[str, Any]]:
    """Stories (all, or these) with their dated articles, newest first."""
    found = [s.to_json() for s in story_store.list_stories(conn)]
    if story_ids is not None:
        found = [s for s in found if s["id"] in story_ids]
    for s in found:
        s["articles"] = [a.__dict__ for a in story_store.get_story(conn, s["id"]).articles]
    return found
