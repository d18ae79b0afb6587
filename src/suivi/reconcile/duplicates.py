"""Near-duplicates: MinHash over word shingles, with LSH band keys persisted in the store.

Why bands in a table: a new article looks up only the articles sharing one of its band keys
(an indexed equality lookup), so finding its copies costs the same at 1,000 or 100,000
stored articles. A copy points to the earliest article it reprints; corroboration then counts
the copy and its original as one source.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash
from sqlalchemy import Connection

from suivi.reconcile.settings import settings
from suivi.store import stories as story_store

_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def shingles(text: str, size: int | None = None) -> set[str]:
    """Word n-grams of the accent- and case-folded text."""
    size = size or settings()["duplicates"]["shingle_words"]
    words = _words(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash hash values (uint64) of a text's shingles."""
    mh = MinHash(num_perm=settings()["duplicates"]["num_perm"], seed=7)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per LSH band: articles sharing a key are candidate near-duplicates."""
    bands = settings()["duplicates"]["bands"]
    rows = len(sig) // bands
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(sig[b * rows : (b + 1) * rows].tobytes(), digest_size=10).hexdigest()
        keys.append(f"{b}:{digest}")
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b)) if len(a) and len(a) == len(b) else 0.0


def find_original(conn: Connection, article_id: int, sig: np.ndarray) -> tuple[int, float] | None:
    """The already reconciled article this one copies (LSH candidates, then estimated Jaccard).

    The stage reconciles a batch in publication order, so within a batch the original is the
    earlier article; a copy of a copy points to the first original.
    """
    threshold = settings()["duplicates"]["threshold"]
    candidates = story_store.articles_sharing_bands(conn, band_keys(sig), exclude=article_id)
    if not candidates:
        return None
    feats = story_store.features_for(conn, candidates)
    best: tuple[float, int] | None = None
    for cid, f in feats.items():
        sim = estimated_jaccard(sig, np.frombuffer(f.signature, dtype=np.uint64))
        if sim >= threshold and (best is None or sim > best[0]):
            best = (sim, cid)
    if best is None:
        return None
    sim, other = best
    root = story_store.duplicate_of(conn, other) or other
    return root, sim


def record(conn: Connection, article_id: int, sig: np.ndarray) -> tuple[int, float] | None:
    """Index the article's bands and flag it as a copy when an earlier near-duplicate exists."""
    found = find_original(conn, article_id, sig)
    story_store.add_bands(conn, article_id, band_keys(sig))
    if found is not None:
        story_store.set_duplicate(conn, article_id, found[0], round(found[1], 3))
    return found
