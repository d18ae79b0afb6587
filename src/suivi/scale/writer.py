"""The one writer: stores what the workers analysed, then runs the stages that need the store.

Why one writer: linking a person to the persons already known, placing an article in a
story, merging commitments and finding follow-up evidence all depend on what was stored
before, so they run in one process, in input order. Workers only ever compute; the writer
only ever stores and reconciles. The result is the same whatever the number of workers.

Why segments: the writer takes the workers' results a segment at a time (a few hundred
articles) and writes each segment in ONE transaction — articles, readings, commitment
mentions, stories, follow-up. A run killed half-way leaves whole segments only; running it
again skips the articles already stored (their content hash) and does the rest. Memory holds
one segment, however large the corpus.

Each segment is what the serial pipeline would do with the same articles: the reading is
written in the read stage's own batches (`read.stage.write_readings`), the workers'
commitment candidates are stored with `extract.stage.store_candidates`, and reconcile and
follow run through `suivi.pipeline.run_pipeline` (with its article-by-article isolation).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

from suivi import failpoints
from suivi.follow.stage import deferring_rescans, finish_rescans
from suivi.ingest.api import IngestReport
from suivi.pipeline import run_pipeline
from suivi.reconcile.vectors import remember
from suivi.scale.analyse import WARM_DATES, ArticleWork, InputWork
from suivi.scale.timeline import mark
from suivi.store import Store
from suivi.store.articles import insert_article

Progress = Callable[[str, int, int], None]
OnError = Callable[[str, int, Exception], None]
LATER_STAGES = ("reconcile", "follow")
_log = logging.getLogger(__name__)


class BoundStore:
    """A Store whose transactions are savepoints of one open transaction.

    Why: the stages take a Store and open their own transactions; bound to the segment's
    transaction, everything they write commits (or rolls back) with the segment, and a
    stage that fails rolls back to its savepoint only, so the pipeline can isolate the
    article that tripped it.
    """

    def __init__(self, store: Store, conn: Connection) -> None:
        self.url, self.dialect, self.engine = store.url, store.dialect, store.engine
        self._conn = conn

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self._conn.begin_nested():
            yield self._conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        # a savepoint here too: on PostgreSQL a failed statement would abort the whole segment
        with self._conn.begin_nested():
            yield self._conn

    def close(self) -> None:
        return None


def extraction_view(mentions: list[Any]) -> list[tuple]:
    """What commitment extraction reads of the reading stage's mentions (`extract.agents.
    build_context`): each mention's kind, span and state served, and which mentions are one
    person. Person keys are compared as a partition: the worker's are article-local, the
    store's are linked to persons of other articles."""
    groups: dict[str, int] = {}
    out = []
    for m in mentions:
        key = m.actor_key
        if m.kind == "person":
            key = groups.setdefault(key, len(groups))
        out.append((m.kind, m.start, m.end, m.serves, key))
    return out


def same_for_extraction(local: list[Any], stored: list[Any]) -> bool:
    """Whether extraction would find the same candidates with the stored mentions."""
    return extraction_view(local) == extraction_view(stored)


def merge_counts(total: dict[str, dict[str, int]], part: dict[str, dict[str, int]]) -> None:
    for stage, counts in part.items():
        into = total.setdefault(stage, {})
        for key, value in counts.items():
            if isinstance(value, int):
                into[key] = into.get(key, 0) + value
            else:
                into[key] = value


class Writer:
    """Writes segments of analysed inputs, in the order given."""

    def __init__(
        self,
        store: Store,
        progress: Progress | None = None,
        on_error: OnError | None = None,
        on_reject: Callable[[str, str], None] | None = None,
        later: tuple[str, ...] = LATER_STAGES,
    ) -> None:
        self.store = store
        self.later = later
        self.progress = progress or (lambda _label, _done, _total: None)
        self.on_error = on_error
        self.on_reject = on_reject
        self.report = IngestReport()
        self.stages: dict[str, dict[str, int]] = {}
        self.reextracted = 0
        self._indexes: tuple[Any, Any] | None = None
        self._stored = 0
        self._warming: threading.Thread | None = None

    def warm_meanwhile(self, encoder: bool) -> None:
        """Load, in a thread, what the stages load at the writer's first segment (`warm_stages`).

        Why: the writer has nothing to do until the first segment comes back, while the workers
        load their models and parse it, and then paid these loads itself before writing
        anything (stage modules and their libraries, the gazetteer, date rules and dateparser's
        language data, follow-up cues: about 3 s of its run on this machine). Only for workers
        in other processes: the thread then overlaps with waiting, and it is over before the
        first segment is written (`write` waits for it), so the stages run as before."""
        self._warming = threading.Thread(target=warm_stages, args=(encoder,), name="suivi-writer-warm", daemon=True)
        self._warming.start()

    def _warmed(self) -> None:
        if self._warming is not None:
            self._warming.join()
            self._warming = None

    def write(self, inputs: list[InputWork]) -> None:
        """Store one segment in one transaction and run every stage over its new articles."""
        self._warmed()
        with self.store.begin() as conn:
            bound = BoundStore(self.store, conn)
            new = self._insert(conn, inputs)
            if new:
                remember((text, vec) for w in new for text, vec in w.vectors.items())
                counts = self._read_and_extract(bound, conn, new)
                mark("writer.read_extract.done", articles=len(new))
                merge_counts(self.stages, counts)
                with deferring_rescans():
                    later = run_pipeline(bound, [w.article.id for w in new], None, self.on_error, only=self.later)
                merge_counts(self.stages, later)
                mark("writer.later.done")
            failpoints.reach("ingest.segment")
        for work in inputs:
            for source, reason in work.rejected:
                self.report.rejected.append((source, reason))
                if self.on_reject:
                    self.on_reject(source, reason)
        self._stored += len(new)
        for stage in self.stages:
            self.progress(stage, self._stored, self._stored)

    def finish(self) -> None:
        """Read again, once, the stored articles the segments found worth it (see
        `follow.stage.deferring_rescans`); also what a run killed before its end left."""
        self._warmed()
        if "follow" not in self.later:
            return
        mark("writer.finish.start")
        counts = finish_rescans(self.store, self.progress)
        mark("writer.finish.end")
        if counts["articles"]:
            merge_counts(self.stages, {"follow": {"rescanned": counts["articles"],
                                                  "status_changes": counts["status_changes"]}})

    def _insert(self, conn: Connection, inputs: list[InputWork]) -> list[ArticleWork]:
        new: list[ArticleWork] = []
        for work in inputs:
            for a in work.articles:
                article_id, created = insert_article(conn, a.draft)
                if not created:
                    self.report.duplicates.append((a.draft.source, article_id))
                    continue
                a.article.id = article_id
                if a.reading is not None:
                    a.reading.article = a.article
                self.report.new.append(article_id)
                new.append(a)
        return new

    def _indexes_for(self, store: Any) -> tuple[Any, Any]:
        """Persons and roles known to the store, loaded once and kept up to date as segments go."""
        from suivi.read import stage as read_stage

        if self._indexes is None:
            self._indexes = read_stage.load_indexes(store)
        return self._indexes

    def _read_and_extract(self, bound: BoundStore, conn: Connection, new: list[ArticleWork]) -> dict:
        from suivi.extract import stage as extract_stage
        from suivi.read import stage as read_stage
        from suivi.store.commitments import delete_mentions_for_articles
        from suivi.store.reading import mentions_for_article

        persons, roles = self._indexes_for(bound)
        read_counts: Counter[str] = Counter()
        readable = [w for w in new if w.reading is not None]
        for b in range(0, len(readable), read_stage.BATCH):
            batch = readable[b:b + read_stage.BATCH]
            read_counts.update(read_stage.write_readings(bound, [w.reading for w in batch], persons, roles))
            read_counts["articles"] += len(batch)
        found = 0
        extractable = [w for w in readable if w.candidates is not None]
        with bound.begin():
            delete_mentions_for_articles(conn, [w.article.id for w in extractable])
            for w in extractable:
                stored = mentions_for_article(conn, w.article.id)
                candidates = w.candidates
                if not same_for_extraction(w.mentions, stored):
                    candidates = self._reextract(w, stored)
                found += extract_stage.store_candidates(conn, w.article, candidates)
        counts = {"read": dict(read_counts), "extract": {"articles": len(extractable), "commitment_mentions": found}}
        for stage in ("read", "extract"):  # what a worker could not do, done here with isolation
            failed = [w for w in new if stage in w.errors]
            if failed:
                merge_counts(counts, run_pipeline(bound, [w.article.id for w in failed], None, self.on_error,
                                                  only=(stage,)))
        return counts

    def _reextract(self, work: ArticleWork, stored: list[Any]) -> list[Any]:
        """Extraction again with the store's mentions: linking persons across articles changed
        what it reads (rare: two persons of one article turned out to be one known person)."""
        from suivi.extract.commitments import extract
        from suivi.read.nlp import parse

        self.reextracted += 1
        return extract(parse([work.article])[0], work.article, stored)


def warm_stages(encoder: bool) -> None:
    """Load what the writer's stages load at their first article: the stage modules (the
    near-duplicate stage brings scipy), the gazetteer, each language's date rules and
    dateparser's data (read when a lead gives no event date), the follow-up cues, and the
    sentence encoder when `encoder` (the writer embeds itself when its one local worker does
    not). Everything here is a cache filled as the first article would fill it; a failure is
    left for the stage that meets it."""
    from datetime import date

    from suivi.follow.cues import get_cues
    from suivi.pipeline import available_stages
    from suivi.read.dates import normalise
    from suivi.read.dates_rules import available_languages
    from suivi.read.gazetteer import get_gazetteer
    from suivi.reconcile.vectors import warm

    mark("writer.warm.start")
    try:
        available_stages()
        get_gazetteer()
        for lang in available_languages():
            get_cues(lang)
            if lang in WARM_DATES:
                normalise(WARM_DATES[lang], date(2024, 1, 1), lang)
        if encoder:
            warm()
    except Exception:  # noqa: BLE001 - only a head start: the stage loads it again and reports
        _log.debug("warming the writer's stages failed", exc_info=True)
    mark("writer.warm.end")
