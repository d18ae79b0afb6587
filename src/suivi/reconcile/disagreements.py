"""Disagreements within a story: event dates, figures and labels that outlets state differently.

Why keep every value with its outlets: Suivi does not decide which outlet is right; it shows
"2 April (outlet A) vs 3 April (outlet B)" so a reader can judge. Only values stated by at
least two different independent sources for one field count (a lone value is no dispute).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from suivi.models import Article
from suivi.reconcile.corroboration import sources
from suivi.reconcile.settings import settings
from suivi.store import stories as story_store
from suivi.store.articles import iter_articles

_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u202f\u00a0.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(%|[^\W\d_]{2,})", re.UNICODE)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def figures(text: str) -> dict[str, set[str]]:
    """Numbers keyed by the word they count ("500 soldats" -> {"solda": {"500"}})."""
    skip = {_fold(w) for w in settings()["disagreements"]["not_figures"]}
    out: dict[str, set[str]] = defaultdict(set)
    for m in _FIGURE.finditer(text):
        number, unit = m.group(1), _fold(m.group(2))
        if unit in skip or (len(number) == 4 and number[:2] in ("19", "20")):
            continue
        value = re.sub(r"[ \u202f\u00a0]", "", number)
        out[unit[:5]].add(value)
    return out


def _values(per_article: dict[int, set[str]], src: dict[int, str]) -> list[dict[str, Any]]:
    by_value: dict[str, set[int]] = defaultdict(set)
    for aid, values in per_article.items():
        for v in values:
            by_value[v].add(aid)
    return [
        {"value": v, "articles": sorted(a), "outlets": sorted({src[x] for x in a})} for v, a in sorted(by_value.items())
    ]


def _disputed(values: list[dict[str, Any]]) -> bool:
    """At least two values, each stated by a source the other values lack."""
    if len(values) < 2:
        return False
    outlets = [set(v["outlets"]) for v in values]
    return len(set().union(*outlets)) >= 2


def _labels(conn: Connection, article: Article) -> dict[str, set[str]]:
    """Long-form names used for each actor ("Alliance des États du Sahel" for AES)."""
    min_chars = settings()["disagreements"]["min_label_chars"]
    surfaces = [(s.key, s.surface) for s in story_store.actor_surfaces(conn, article.id)]
    if not surfaces:
        try:
            from suivi.read.gazetteer import get_gazetteer
        except ImportError:
            surfaces = []
        else:
            surfaces = [(ref.key, article.text[s:e]) for s, e, ref in get_gazetteer().find_all(article.text)]
    out: dict[str, set[str]] = defaultdict(set)
    for key, surface in surfaces:
        if key.startswith("person:"):
            continue  # a surname alone vs the full name is no disagreement
        if len(surface) >= min_chars and " " in surface.strip() and surface[:1].isupper():
            out[key].add(" ".join(surface.split()))
    return out


def _drop_contained(values: set[str]) -> set[str]:
    """Forget a label whose words all appear in another one (a shorter form, not a rival)."""
    folded = {v: set(_fold(v).split()) for v in values}
    return {v for v in values if not any(v != o and folded[v] < folded[o] for o in values)}


def find(conn: Connection, story_id: int) -> list[tuple[str, list[dict[str, Any]]]]:
    """(field, values) for each disputed field of a story."""
    members = story_store.story_members(conn, story_id)
    src = sources(conn, members)
    arts = iter_articles(conn, members)
    feats = story_store.features_for(conn, members)
    found: list[tuple[str, list[dict[str, Any]]]] = []
    dates = {
        aid: {f.event_date}
        for aid, f in feats.items()
        if f.event_date and f.date_source != "published" and not f.event_date.startswith("--")  # a yearless day agrees
    }
    values = _values(dates, src)
    if _disputed(values):
        found.append(("event_date", values))
    per_unit: dict[str, dict[int, set[str]]] = defaultdict(dict)
    per_label: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for a in arts:
        for unit, nums in figures(a.text).items():
            per_unit[unit][a.id] = nums
        for key, labels in _labels(conn, a).items():
            # labels compare within one language: a translation is not a rival name
            per_label[f"{key}|{a.language or '?'}"][a.id] = labels
    for unit in sorted(per_unit):
        articles = per_unit[unit]
        if len(articles) < 2:
            continue
        common = set.intersection(*articles.values())
        if common:
            continue  # every article states one shared value: the others are other figures
        values = _values(articles, src)
        if _disputed(values):
            found.append((f"figure:{unit}", values))
    for key in sorted(per_label):
        labels = per_label[key]
        kept = _drop_contained(set().union(*labels.values()))
        values = _values({a: v & kept for a, v in labels.items() if v & kept}, src)
        if _disputed(values):
            found.append((f"label:{key.split('|')[0]}", values))
    return found
