"""One search box over articles (full text, ranked), quotes and commitments."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from suivi.store import articles as article_store
from suivi.store import queries
from suivi.views.register import RegisterFilter, RegisterItem, select_items

_WORD = re.compile(r"\w+", re.UNICODE)


def search(conn: Connection, query: str, items: list[RegisterItem], *, limit: int = 20) -> dict[str, Any]:
    """Articles (snippets with the matches between [ and ]), quotes and commitments matching `query`."""
    words = _WORD.findall(query)[:12]
    if not words:
        return {"query": query, "articles": [], "quotes": [], "commitments": []}
    visible = [i for i in items if i.review not in ("rejected", "merged")]
    hits = select_items(visible, RegisterFilter(q=" ".join(words)), limit=limit)
    return {
        "query": query,
        "articles": article_store.search(conn, " ".join(words), limit),
        "quotes": queries.search_quotes(conn, words, limit),
        "commitments": [i.to_json() for i in hits.items],
    }
