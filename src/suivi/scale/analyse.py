"""What a worker does: read inputs into articles, parse them, read and extract each one.

Why these steps and no others: they need only the article itself (and the models, loaded
once per process), so any number of processes or cluster nodes can run them in any order.
Everything that depends on what is already stored — linking persons across articles,
stories, merged commitments, follow-up — is done afterwards by the one writer
(`suivi.scale.writer`), in input order, so the result does not depend on how many workers
there were or which of them read what.

Results are plain picklable objects (no spaCy Doc crosses a process boundary).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from suivi.errors import InputRejected
from suivi.ingest import sources
from suivi.models import Article, ArticleDraft
from suivi.scale.timeline import mark
from suivi.store.articles import content_hash, raw_hash

_log = logging.getLogger(__name__)


@dataclass
class ArticleWork:
    """One article as a worker left it: the draft to store, its reading and its candidates.

    `reading` and `candidates` are None when the worker could not compute them (the stage
    raised on this article); the writer then runs that stage itself, so the failure is
    isolated and reported exactly as the serial pipeline does.
    """

    draft: ArticleDraft
    article: Article  # provisional id (the writer sets the stored one)
    reading: Any = None  # suivi.read.reader.Reading
    candidates: list[Any] | None = None  # suivi.extract.commitments.CommitmentCandidate
    mentions: list[Any] = field(default_factory=list)  # the mentions extraction was given (local keys)
    errors: dict[str, str] = field(default_factory=dict)  # stage name -> one-line error
    vectors: dict[str, Any] = field(default_factory=dict)  # text -> sentence vector (`compared_texts`)


@dataclass
class InputWork:
    """One input (a file, a URL, stdin) read and analysed."""

    ref: str
    articles: list[ArticleWork] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


PRELOAD_VECTORS = "SUIVI_PRELOAD_VECTORS"
"""Set to "1" by the engine when its workers embed (two or more): the fork server then loads the
sentence encoder too, so the workers share it; a single worker leaves embedding to the writer
and the encoder (about 100 MB) is not loaded for nothing."""


WARM_DATES = {"fr": "le 15 mars", "en": "on 15 March"}
"""A day and month per language: reading one loads the date rules and dateparser's language data."""


def warm(vectors: bool = True) -> None:
    """Load every model and rule table this process will use, once (a worker's initializer);
    the sentence encoder only when `vectors` (the worker embeds, see `analyse_inputs`).

    Also the date rules, dateparser (its import, languages and patterns) and the store's
    reading types, which each worker loaded in its first task (400 generated articles: the
    first task of 8 took 0.93 s of CPU, the next ones 0.4 s; 0.67 s with these loaded here):
    the fork server loads them once for every worker."""
    from datetime import date

    import suivi.store.reading  # noqa: F401 - `local_mentions` reads its MentionView
    from suivi.extract.cues import get_lexicon as extract_lexicon
    from suivi.read.dates import normalise
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.lexicon import get_lexicon
    from suivi.read.nlp import MODELS, get_nlp
    from suivi.reconcile.vectors import warm as warm_encoder

    mark("warm.start", vectors=vectors)
    _one_blas_thread()
    get_gazetteer()
    if vectors:
        warm_encoder()
    for lang in (*MODELS, "en"):
        get_nlp(lang)
        get_lexicon(lang)
        extract_lexicon(lang)
        if lang in WARM_DATES:
            try:
                normalise(WARM_DATES[lang], date(2024, 1, 1), lang)
            except Exception:  # noqa: BLE001 - only a head start: the reading stage meets it and reports it
                _log.debug("warming the %s date rules failed", lang, exc_info=True)
    mark("warm.end")


def _one_blas_thread() -> None:
    """A worker started by something else than the `suivi` command (a Dask worker) may have
    numpy loaded with a BLAS thread per core: limit it to one, as the command does for its own
    processes (see `suivi.cli`), so the workers' parallelism is not fought by spinning threads."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(1, user_api="blas")


def provisional_article(draft: ArticleDraft, number: int) -> Article:
    """The Article the store would hand back for this draft (ids are negative until stored)."""
    return Article(
        id=-number, content_hash=content_hash(draft.text), raw_hash=raw_hash(draft.raw), source=draft.source,
        source_kind=draft.source_kind, url=draft.url, outlet=draft.outlet, author=draft.author, title=draft.title,
        published=draft.published, published_precision=draft.published_precision or "unknown",
        language=draft.language, text=draft.text, ingested_at=datetime.now(UTC), meta=draft.meta or {},
    )


def read_inputs(refs: list[str], stdin: bytes | None = None) -> list[InputWork]:
    """Read each input into drafts (rejections are kept, never raised)."""
    out = []
    for ref in refs:
        work = InputWork(ref)
        try:
            stream = io.BytesIO(stdin) if ref == "-" and stdin is not None else None
            result = sources.read_input(ref, stdin=stream)
        except InputRejected as exc:
            work.rejected.append((exc.source, exc.reason))
        else:
            work.rejected.extend(result.rejected)
            work.articles = [ArticleWork(d, provisional_article(d, 0)) for d in result.drafts]
        out.append(work)
    return out


def local_mentions(reading: Any) -> list[Any]:
    """The mentions the read stage will store for this reading, as extraction reads them back.

    Persons carry the key their cluster gets when it is new to the store; the writer checks
    that linking them to known persons changed nothing extraction looks at (see
    `suivi.scale.writer.same_for_extraction`).
    """
    from suivi.store.reading import MentionView

    views = []
    for m in reading.actors.mentions:
        if m.kind == "person":
            cluster = reading.actors.persons[m.person]
            key, kind, name = cluster.name.key(), "person", cluster.name.text
        else:
            key, kind, name = m.ref.key, m.ref.kind, m.ref.name
        views.append(MentionView(key, kind, name, m.start, m.end, m.surface, m.role, m.serves, m.label, None,
                                 reading.article.id))
    return sorted(views, key=lambda v: v.start)  # stable: the store orders by span start, then insertion


def analyse_articles(works: list[ArticleWork], vectors: bool = True) -> None:
    """Parse, read and extract every article (in place); a failure costs that article's stage only.
    `vectors`: also embed the texts the writer will compare (`compared_texts`)."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse
    from suivi.read.reader import read_article

    if not works:
        return
    articles = [w.article for w in works]
    try:
        docs = parse(articles)
    except Exception:  # noqa: BLE001 - one text the parser cannot take must not cost the others
        docs = []
        for w in works:
            try:
                docs.append(parse([w.article])[0])
            except Exception as exc:  # noqa: BLE001
                w.errors["read"] = w.errors["extract"] = _one_line(exc)
                docs.append(None)
    mark("analyse.parsed", docs=len(docs))
    gaz = get_gazetteer()
    for w, doc in zip(works, docs, strict=True):
        if doc is None:
            continue
        try:
            w.reading = read_article(doc, w.article, gaz)
        except Exception as exc:  # noqa: BLE001
            w.errors["read"] = w.errors["extract"] = _one_line(exc)
            continue
        try:
            w.mentions = local_mentions(w.reading)
            w.candidates = extract(doc, w.article, w.mentions)
        except Exception as exc:  # noqa: BLE001
            w.errors["extract"] = _one_line(exc)
            continue
        if not vectors:
            continue
        try:
            w.vectors = sentence_vectors(w.article, w.candidates)
        except Exception:  # noqa: BLE001 - only a head start: the writer embeds what is missing
            w.vectors = {}


def compared_texts(article: Article, candidates: list[Any]) -> list[str]:
    """The texts the writer's stages will embed for this article: its lead (story features),
    its summary sentences, its pledges' evidence and actions (merging, follow-up profiles)
    and the sentences it reports progress in (follow-up evidence).

    Why here: embedding them is a third of the writer's work, and the writer is one process;
    a worker embeds them while the writer stores earlier segments. A text missed here (or a
    stage that changed what it compares) costs nothing but the writer embedding it itself."""
    from suivi.follow.evidence import vector_texts
    from suivi.reconcile.features import lead, settings
    from suivi.reconcile.summary import candidate_sentences

    texts = [lead(article, settings()["stories"]["lead_chars"])]
    texts += [sentence for _s, _e, sentence in candidate_sentences(article)]
    for c in candidates:
        texts += [t for t in (c.evidence, c.action) if t]
    texts += vector_texts(article, [(c.start, c.end, None) for c in candidates])
    return list(dict.fromkeys(t for t in texts if t))


def sentence_vectors(article: Article, candidates: list[Any]) -> dict[str, Any]:
    """`compared_texts` embedded in one batch of the article's own (see `vectors.encode`)."""
    from suivi.reconcile.vectors import encode

    texts = compared_texts(article, candidates)
    return dict(zip(texts, encode(texts), strict=True))


def analyse_inputs(refs: list[str], stdin: bytes | None = None, vectors: bool = True) -> list[InputWork]:
    """A worker's task: read a few inputs and analyse all their articles in one parse batch.

    `vectors` False leaves embedding to the writer: with a single local worker the writer has a
    core of its own that waits for the worker much of the time, and moving a third of its work
    onto the worker made the whole run slower (400 articles: 39.8 s -> 47.3 s), while with two
    workers or a cluster it made it faster (41.2 s -> 37.8 s, see bench/README.md)."""
    mark("analyse.start", first=refs[0])
    works = read_inputs(refs, stdin)
    mark("analyse.read")
    articles = [a for w in works for a in w.articles]
    for number, a in enumerate(articles, 1):
        a.article.id = -number
    analyse_articles(articles, vectors)
    _forget_parses()
    mark("analyse.end", first=refs[0], articles=len(articles))
    return works


def _forget_parses() -> None:
    """A worker keeps no parse between tasks: its memory stays flat however long it runs."""
    from suivi.read.nlp import clear_cache

    clear_cache()


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
