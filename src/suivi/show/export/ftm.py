"""FollowTheMoney entities (JSON Lines, one entity per line) for Aleph and the FtM tools.

Mapping, with the `followthemoney` package's own schemata:
- each article: `Article` (title, publishedAt, publisher, sourceUrl, language);
- each actor: `Person`, `PublicBody` (a state, its country set), `Organization` (bodies,
  alliances, armed groups), or `Address` (a place);
- each actor mention: `Mention` (document = the article, resolved = the actor, name = the
  words used);
- each commitment: `Event` (organizer = who commits, involved = who benefits, startDate =
  first report, endDate = deadline, summary = the words of its first report, keywords =
  status, sector, overdue; proof = the articles);
- each commitment mention and each status change read in an article: `Documentation`
  (document = the article, entity = the commitment's Event, role, summary = the sentence).
Ids are stable: the same store exported twice gives the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from followthemoney import model
from followthemoney.proxy import EntityProxy
from sqlalchemy import Connection

from suivi.show.export import Exporter, register_exporter
from suivi.views import dataset
from suivi.views.dataset import Selection

NAMESPACE = "suivi"
SCHEMA_OF_KIND = {"person": "Person", "state": "PublicBody", "organization": "Organization",
                  "alliance": "Organization", "place": "Address"}


def _entity(schema: str, *id_parts: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id(NAMESPACE, *[str(p) for p in id_parts])
    return proxy


def actor_id(key: str) -> str:
    return _entity("Person", "actor", key).id or ""


def _actor(summary: dataset.ActorSummary) -> EntityProxy:
    schema = SCHEMA_OF_KIND.get(summary.kind, "Organization")
    proxy = model.make_entity(schema)
    proxy.id = actor_id(summary.key)
    if schema == "Address":
        proxy.add("full", summary.name)
    proxy.add("name", summary.name)
    for alias in summary.aliases:
        if alias != summary.name:
            proxy.add("alias", alias)
    if schema == "PublicBody" and summary.code:
        proxy.add("country", summary.code, quiet=True)
    if schema == "Person":
        for role in summary.roles:
            if role.get("role"):
                proxy.add("position", role["role"])
    proxy.add("notes", f"Suivi actor key {summary.key}; {summary.mentions} mention(s) in {summary.articles} article(s)")
    return proxy


def entities(conn: Connection, selection: Selection) -> Iterator[EntityProxy]:
    article_ids = selection.article_ids()
    for a_id in article_ids:
        a = selection.articles[a_id]
        art = _entity("Article", "article", a_id)
        art.add("title", a.get("title"))
        art.add("name", a.get("title") or f"article {a_id}")
        art.add("publishedAt", a.get("published"))
        art.add("publisher", a.get("outlet"))
        art.add("sourceUrl", a.get("url"), quiet=True)
        art.add("language", a.get("language"), quiet=True)
        yield art

    mentions = dataset.actor_mentions(conn, article_ids)
    wanted = {m.actor_key for m in mentions} | {k for i in selection.items for k in (*i.agents, *i.beneficiaries)}
    actors = {a.key: a for a in dataset.actors(conn) if a.key in wanted}
    schemas = {}
    for summary in actors.values():
        proxy = _actor(summary)
        schemas[summary.key] = proxy.schema.name
        yield proxy

    for m in mentions:
        mention = _entity("Mention", "mention", m.article_id, m.start, m.end, m.actor_key)
        mention.add("document", _entity("Article", "article", m.article_id).id)
        mention.add("name", m.surface or m.name)
        schema = schemas.get(m.actor_key, SCHEMA_OF_KIND.get(m.kind, "Organization"))
        mention.add("detectedSchema", schema)
        if m.actor_key in actors and model.get(schema).is_a("LegalEntity"):
            mention.add("resolved", actor_id(m.actor_key))
        yield mention

    for item in selection.items:
        event = _entity("Event", "commitment", item.key)
        parties = ", ".join(selection.name(k) for k in item.agents) or "?"
        event.add("name", f"{parties}: {(item.action or item.evidence or '')[:200]}")
        event.add("summary", item.evidence)
        event.add("description", f"Status {item.status}{' (overdue)' if item.overdue else ''} as of "
                                 f"{selection.as_of.isoformat()}; deadline {item.deadline or 'none'}")
        event.add("recordId", item.key)
        event.add("startDate", item.first_seen)
        event.add("date", item.first_seen)
        event.add("endDate", item.deadline)
        event.add("keywords", [item.status, item.sector, "overdue" if item.overdue else None])
        for key in item.agents:
            if key in actors and model.get(schemas[key]).is_a("LegalEntity"):
                event.add("organizer", actor_id(key))
        for key in item.beneficiaries:
            if key in actors and model.get(schemas[key]).is_a("LegalEntity"):
                event.add("involved", actor_id(key))
        cited = [m["article_id"] for m in item.mentions if m["article_id"] in selection.articles]
        for a_id in cited:
            event.add("proof", _entity("Article", "article", a_id).id)
            event.add("sourceUrl", selection.articles[a_id].get("url"), quiet=True)
            event.add("publisher", selection.articles[a_id].get("outlet"))
        yield event
        for m in item.mentions:
            if m["article_id"] not in selection.articles:
                continue
            doc = _entity("Documentation", "commitment-mention", item.key, m["id"])
            doc.add("document", _entity("Article", "article", m["article_id"]).id)
            doc.add("entity", event.id)
            doc.add("role", "reports the commitment")
            doc.add("summary", m["sentence"] or m["evidence"])
            doc.add("date", m["published"])
            yield doc
        for n, ch in enumerate(item.status_changes):
            if not ch["article_id"] or ch["article_id"] not in selection.articles:
                continue
            doc = _entity("Documentation", "status", item.key, n, ch["article_id"])
            doc.add("document", _entity("Article", "article", ch["article_id"]).id)
            doc.add("entity", event.id)
            doc.add("role", f"status evidence: {ch['status']}")
            doc.add("status", ch["status"])
            doc.add("summary", ch["sentence"])
            doc.add("date", ch["date"])
            yield doc


def write_ftm(conn: Connection, selection: Selection, out: BinaryIO) -> int:
    count = 0
    for proxy in entities(conn, selection):
        out.write((json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
        count += 1
    return count


register_exporter(Exporter("ftm", ".ftm.json", "FollowTheMoney entities for Aleph: articles, actors, mentions, "
                                               "commitments (Event) and their evidence (Documentation)", write_ftm))
