"""Extractive story summaries: the few most central sentences across a story's articles.

Why centrality over multilingual vectors: the sentences most like all the others are what
the outlets agree the story is about, whatever their language; a sentence too close to one
already picked (a reprint, a translation) is skipped, so nothing is said twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from suivi.models import Article
from suivi.reconcile.settings import settings
from suivi.reconcile.text import sentences
from suivi.reconcile.vectors import embed


@dataclass(frozen=True)
class Picked:
    article_id: int
    start: int
    end: int
    sentence: str
    score: float


def candidate_sentences(article: Article) -> list[tuple[int, int, str]]:
    """The article's sentences a summary may pick: the first few long enough, not the title."""
    cfg = settings()["summary"]
    out = []
    for s, e in sentences(article.text):
        sentence = article.text[s:e]
        if len(sentence) >= cfg["min_chars"] and not (article.title and sentence.strip() == article.title.strip()):
            out.append((s, e, sentence))
            if len(out) >= cfg["per_article"]:
                break
    return out


def summarise(articles: list[Article]) -> list[Picked]:
    cfg = settings()["summary"]
    cands = [(a.id, s, e, sentence) for a in articles for s, e, sentence in candidate_sentences(a)]
    if not cands:
        return []
    vectors = embed([c[3] for c in cands])
    centrality = (vectors @ vectors.mean(axis=0)).astype(float)
    order = sorted(range(len(cands)), key=lambda i: (-round(centrality[i], 6), cands[i][0], cands[i][1]))
    picked: list[int] = []
    for i in order:
        if len(picked) >= cfg["sentences"]:
            break
        if any(float(vectors[i] @ vectors[j]) >= cfg["near_duplicate"] for j in picked):
            continue
        picked.append(i)
    return [Picked(cands[i][0], cands[i][1], cands[i][2], cands[i][3], round(float(centrality[i]), 4)) for i in picked]
