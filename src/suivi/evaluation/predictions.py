"""Builds a `suivi-predictions/1` file from a store, one entry per corpus file.

Why per file: gold files name articles by their file in the corpus folder; a file that holds
several articles (a feed, a JSONL export) contributes all of them under its one name.
"""

from __future__ import annotations

import importlib
import re
from datetime import date
from typing import Any

from suivi.store import Store
from suivi.store.articles import get_article


def _optional(module: str) -> Any | None:
    """A later stage's store module, or None when this build does not have that stage."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


def _commitment_entries(conn: Any, article_id: int, as_of: date) -> list[dict[str, Any]]:
    commitments = _optional("suivi.store.commitments")
    if commitments is None:
        return []
    status_mod = _optional("suivi.follow.status")
    review = _optional("suivi.follow.review")
    hidden = review.hidden_keys(conn) if review is not None else set()
    keys = {c.id: c.key for c in commitments.list_commitments(conn)} if hidden else {}
    entries = []
    for m in commitments.mentions_for_article(conn, article_id):
        cid = getattr(m, "commitment_id", None)
        if cid is not None and keys.get(cid) in hidden:
            continue  # an analyst rejected it, or merged it into another commitment
        status = "announced"
        if cid is not None and status_mod is not None:
            status = status_mod.status_of(conn, cid, as_of).status
        entries.append(
            {
                "id": f"C{cid}" if cid is not None else f"M{m.id}",
                "agent": [party_code(k) for k in m.agents or []],
                "beneficiary": [party_code(k) for k in m.beneficiaries or []],
                "evidence": m.evidence,
                "deadline": m.deadline,
                "status": status,
                "modality": getattr(m, "modality", None),
                "action": getattr(m, "action", None),
            }
        )
    return entries


_ACRONYM_KEY = re.compile(r"org:([a-z][a-z0-9&]{1,9})")


_NAME_KEY = re.compile(r"org:([a-z]+(?:-[a-z]+){2,})")
_LINK_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "les", "et", "pour", "d", "l"})


def party_code(key: str) -> str:
    """A party as the gold files write it: an organisation the text defined by its acronym
    ("Lobito Atlantic Railway (LAR)", keyed "org:lar" by the reader) is that acronym, "LAR";
    one named in three words or more is the acronym of its name ("Asian Infrastructure
    Investment Bank" -> "AIIB", "Development Bank of Southern Africa" -> "DBSA"), as
    organisations are written; states, alliances and known bodies keep their codes; a body
    named in one or two words with no acronym is its name ("org:dp-world" -> "DP WORLD",
    "org:totalenergies" -> "TOTALENERGIES"): companies are written by name, and the format
    compares codes without case."""
    m = _ACRONYM_KEY.fullmatch(key)
    if m:
        return m.group(1).upper()
    m = _NAME_KEY.fullmatch(key)
    if m:
        words = [w for w in m.group(1).split("-") if w not in _LINK_WORDS]
        if len(words) >= 3:
            return "".join(w[0] for w in words).upper()
    if key.startswith("org:") and key[4:]:
        return " ".join(key[4:].split("-")).upper()
    return key


def build_predictions(store: Store, file_articles: dict[str, list[int]], as_of: date) -> dict[str, Any]:
    reading = _optional("suivi.views.actors")
    stories = _optional("suivi.store.stories")
    out = []
    with store.connect() as conn:
        for name, ids in file_articles.items():
            if not ids:
                continue
            first = get_article(conn, ids[0])
            entry: dict[str, Any] = {
                "file": name,
                "story": None,
                "published": first.published,
                "title": first.title,
                "commitments": [],
                "persons": [],
                "organizations": [],
                "places": [],
            }
            for article_id in dict.fromkeys(ids):
                if stories is not None and entry["story"] is None:
                    sid = stories.story_of_article(conn, article_id)
                    entry["story"] = f"S{sid}" if sid is not None else None
                entry["commitments"].extend(_commitment_entries(conn, article_id, as_of))
                if reading is not None:
                    actors = reading.article_actors(conn, article_id)
                    for key in ("persons", "organizations", "places"):
                        entry[key].extend(a for a in actors.get(key, []) if a not in entry[key])
            out.append(entry)
    return {"format": "suivi-predictions/1", "articles": out}
