"""Undated reports read from their story's date.

Why after reconcile: an article with no publication day ("Biden said Thursday he planned to
visit Africa next year", no year anywhere) has relative deadlines nobody can place, until the
reconcile stage puts it in a story with a dated report of the same event. Its deadlines are
then read again from the first dated report of that story. The reconcile stage calls
`reanchor` between placing articles in stories and merging their commitments.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from suivi.extract.cues import get_lexicon
from suivi.extract.deadlines import choose, lead_anchor, parse_day, time_values


def _story_day(conn: Connection, article_id: int) -> date | None:
    from suivi.store.articles import get_article
    from suivi.store.stories import story_members, story_of_article

    sid = story_of_article(conn, article_id)
    if sid is None:
        return None
    days = [parse_day(get_article(conn, a).published) for a in story_members(conn, sid) if a != article_id]
    dated = [d for d in days if d is not None]
    return min(dated) if dated else None


def reanchor(conn: Connection, article_ids: list[int]) -> int:
    """Re-read the deadlines of undated articles' mentions from their story's first dated
    report; returns how many mentions changed."""
    from suivi.store import commitments as cstore
    from suivi.store.articles import get_article

    changed = 0
    for article_id in article_ids:
        article = get_article(conn, article_id)
        if lead_anchor(article):
            continue  # the article dates itself
        anchor = _story_day(conn, article_id)
        if anchor is None:
            continue
        lang = (article.language or "fr")[:2]
        lex = get_lexicon(lang)
        for m in cstore.mentions_for_article(conn, article_id):
            values = time_values(m.evidence, anchor, lang)
            deadline, precision, _rec, kind = choose(values, anchor, lex, None, m.evidence)
            if deadline is not None and deadline != m.deadline:
                cstore.set_mention_deadline(conn, m.id, deadline, precision, kind)
                changed += 1
            elif deadline is None and m.deadline and m.deadline < anchor.isoformat():
                # a past date taken for a deadline for want of a day ("CRCC, which built the
                # line between 1970 and 1976, will spearhead ..."): over before the story began
                cstore.set_mention_deadline(conn, m.id, None, None, None)
                changed += 1
    return changed
