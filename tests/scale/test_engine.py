"""Workers and one writer: the same store as the serial pipeline, whatever the number of workers."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suivi.cli import app
from suivi.ingest.api import ingest
from suivi.pipeline import run_pipeline
from suivi.scale import engine
from suivi.scale.writer import Writer
from suivi.store import open_store

from .conftest import assert_same_store, dump

pytestmark = pytest.mark.slow


def _inline(store, corpus: Path, **kw):
    return engine.run(store, [str(corpus)], engine.InlineExecutor(), **kw)


def test_inline_engine_equals_serial_pipeline(tmp_path, corpus12):
    serial = open_store(str(tmp_path / "serial.db"))
    report = ingest(serial, [str(corpus12)])
    run_pipeline(serial, report.new)
    scaled = open_store(str(tmp_path / "scaled.db"))
    result = _inline(scaled, corpus12, segment=1000, task_inputs=5)
    assert len(result.ingest.new) == 12 and not result.ingest.rejected
    assert_same_store(serial, scaled)


def test_segments_are_one_transaction_each_and_a_rerun_resumes(tmp_path, corpus12, monkeypatch):
    whole = open_store(str(tmp_path / "whole.db"))
    _inline(whole, corpus12, segment=4, task_inputs=3)

    broken = open_store(str(tmp_path / "broken.db"))
    real_insert = Writer._read_and_extract
    calls = {"n": 0}

    def crash_in_third_segment(self, bound, conn, new):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real_insert(self, bound, conn, new)

    monkeypatch.setattr(Writer, "_read_and_extract", crash_in_third_segment)
    with pytest.raises(RuntimeError):
        _inline(broken, corpus12, segment=4, task_inputs=3)
    stored = dump(broken)
    assert len(stored["articles"]) == 8  # two whole segments, nothing of the third
    assert {r["article_id"] for r in stored["story_articles"]} == {r["id"] for r in stored["articles"]}
    monkeypatch.setattr(Writer, "_read_and_extract", real_insert)
    again = _inline(broken, corpus12, segment=4, task_inputs=3, skip_stored=True)
    assert again.skipped == 8 and len(again.ingest.new) == 4
    assert_same_store(whole, broken)


def _is_worker(proc) -> bool:  # noqa: ANN001 - psutil.Process
    """A pool worker: spawned ("spawn_main"), or forked by the fork server (whose own command
    line names it; the server itself is not a worker)."""
    import psutil

    try:
        if "spawn_main" in " ".join(proc.cmdline()):
            return True
        parent = proc.parent()
        return parent is not None and "forkserver" in " ".join(parent.cmdline())
    except psutil.Error:
        return False


def _kill_first_worker(killed: list[int], stop: threading.Event) -> None:
    """Kill the first worker process that appears, once it has had a moment to start working."""
    import psutil

    while not stop.is_set():
        workers = [p for p in psutil.Process().children(recursive=True) if _is_worker(p)]
        if workers:
            time.sleep(1.0)
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(workers[0].pid)
            return
        time.sleep(0.05)


def test_two_worker_processes_equal_one_even_when_a_worker_dies(tmp_path, corpus12):
    runner = CliRunner()
    outs = {}
    for n in (1, 2):
        killed: list[int] = []
        stop = threading.Event()
        killer = threading.Thread(target=_kill_first_worker, args=(killed, stop), daemon=True)
        if n == 2:
            killer.start()
        res = runner.invoke(app, ["--db", str(tmp_path / f"w{n}.db"), "ingest", "--workers", str(n), "--json",
                                  str(corpus12)])
        stop.set()
        assert res.exit_code == 0, res.output
        outs[n] = json.loads(res.stdout)
        assert bool(killed) == (n == 2)
    assert outs[1]["new"] == outs[2]["new"] == 12 and outs[1]["rejected"] == outs[2]["rejected"] == 0
    assert outs[1]["stages"] == outs[2]["stages"]
    assert_same_store(open_store(str(tmp_path / "w1.db")), open_store(str(tmp_path / "w2.db")))


def _pledges(store) -> set[frozenset[tuple[int, int, int]]]:
    """Which mentions (article, span) were merged into one commitment, whatever its id."""
    rows = dump(store)
    spans = {r["id"]: (r["article_id"], r["start"], r["end"]) for r in rows["spans"]}
    groups: dict[int, set[tuple[int, int, int]]] = {}
    for m in rows["commitment_mentions"]:
        groups.setdefault(m["commitment_id"], set()).add(spans[m["span_id"]])
    return {frozenset(g) for g in groups.values()}


def test_a_pledge_reported_again_in_a_later_segment_joins_the_stored_one(tmp_path):
    """The project's sample corpus written one article per segment (as daily runs write it)
    merges as the whole batch does: the stored mentions are compared by their sentence vectors
    too, not by shared stems alone (before, 36 commitments one by one against 22 in one batch)."""
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "articles"
    whole = open_store(str(tmp_path / "whole.db"))
    _inline(whole, corpus, segment=1000, task_inputs=5)
    one_by_one = open_store(str(tmp_path / "one.db"))
    _inline(one_by_one, corpus, segment=1, task_inputs=1)
    merged = _pledges(whole)
    assert sum(len(g) > 1 for g in merged) >= 5
    assert _pledges(one_by_one) == merged


def test_the_first_segments_are_small_and_double_up_to_the_full_segment(tmp_path, corpus12, monkeypatch):
    """The writer starts on a small first segment instead of idling while the workers load their
    models and fill a whole one; sizes double from there, the rest of the run at full size."""
    sizes: list[int] = []
    real_write = Writer.write

    def counting(self, inputs):
        sizes.append(sum(len(w.articles) for w in inputs))
        return real_write(self, inputs)

    monkeypatch.setattr(Writer, "write", counting)
    store = open_store(str(tmp_path / "ramp.db"))
    result = _inline(store, corpus12, segment=4, first_segment=1, task_inputs=1)
    assert sizes == [1, 2, 4, 4, 1]
    assert len(result.ingest.new) == 12


def _record_writer_embedding(monkeypatch) -> list[str]:
    """An empty vector cache, and every text the writer's stages give the encoder recorded in
    the list returned; what the analysis computes for new articles (a worker's share) is not."""
    from collections import OrderedDict

    from suivi.reconcile import vectors

    model = vectors._get_model()
    asked: list[str] = []

    class Recording:
        def encode(self, texts):
            asked.extend(texts)
            return model.encode(texts)

    def worker_encode(texts):
        return vectors.np.asarray(model.encode(list(texts)), dtype=vectors.np.float32)

    monkeypatch.setattr(vectors, "_cache", OrderedDict())
    monkeypatch.setattr(vectors, "_get_model", lambda: Recording())
    monkeypatch.setattr(vectors, "encode", worker_encode)
    return asked


def test_the_writer_embeds_nothing_the_workers_embedded(tmp_path, corpus12, monkeypatch):
    """Workers embed the texts the writer's stages compare (stories' leads and summaries,
    pledges, progress sentences): the writer finds every one of them ready. A stage that
    starts comparing another text fails here until `analyse.compared_texts` names it."""
    from suivi.reconcile import vectors

    embedded_by_writer = _record_writer_embedding(monkeypatch)
    store = open_store(str(tmp_path / "scaled.db"))
    result = _inline(store, corpus12, segment=5, task_inputs=3)
    assert len(result.ingest.new) == 12
    assert dump(store)["commitments"], "the corpus states pledges: merging and follow-up compared texts"
    assert embedded_by_writer == []
    assert len(vectors._cache) > 12 * 3  # leads, summary sentences, pledges at least


def test_a_later_run_reads_the_stored_pledges_vectors_instead_of_embedding_them(tmp_path, monkeypatch):
    """A new process starts with an empty vector cache, and a long run's bounded cache lets old
    texts go: merging a new report with a stored pledge, summing up its story again or reading
    old reports again for follow-up read the vectors the store kept instead of loading the
    encoder to embed those texts again. The result is the one of a single run."""
    from collections import OrderedDict

    from suivi.follow import stage as follow_stage
    from suivi.reconcile import merge, vectors

    corpus = Path(__file__).resolve().parents[2] / "corpus" / "articles"
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".txt", ".html"))
    whole = open_store(str(tmp_path / "whole.db"))
    engine.run(whole, files, engine.InlineExecutor(), segment=1000)

    store = open_store(str(tmp_path / "days.db"))
    engine.run(store, files[:2], engine.InlineExecutor(), segment=1000)
    first = dump(store)
    kept = {r["key"] for r in first["text_vectors"]}

    # the next day's process: nothing in memory, every text the writer's stages embed recorded
    asked = _record_writer_embedding(monkeypatch)
    monkeypatch.setattr(follow_stage, "_profiles", {})
    monkeypatch.setattr(merge, "_descriptions", OrderedDict())
    engine.run(store, files[2:], engine.InlineExecutor(), segment=1000)

    second = dump(store)
    last_first_day = max(a["id"] for a in first["articles"])
    joined = {m["commitment_id"] for m in second["commitment_mentions"] if m["article_id"] > last_first_day}
    joined &= {m["commitment_id"] for m in first["commitment_mentions"]}
    assert joined, "later reports join pledges stored the first day"
    compared = {m["evidence"] for m in first["commitment_mentions"] if m["commitment_id"] in joined}
    assert {vectors._key(t) for t in compared} <= kept, "the stored pledges' vectors were kept"
    again = sorted(t for t in set(asked) if vectors._key(t) in kept)
    assert again == [], "texts whose vectors the store kept were embedded again"
    assert _pledges(store) == _pledges(whole)
