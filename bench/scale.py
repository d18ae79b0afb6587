#!/usr/bin/env python3
"""Speed and scale of the whole pipeline, from one run (the figures of bench/README.md).

    .venv/bin/python bench/scale.py [--articles 1000] [--memory-articles 10000]
                                    [--reconcile-sizes 1000 100000] [--only throughput memory reconcile]
                                    [--json-out results.json]

throughput  Generates a corpus (bench/corpus.py), then times on the same texts:
            bare spaCy (`nlp.pipe` per language in this process, models already loaded, one core),
            `suivi ingest DIR --workers 1` and `--workers 2` (whole processes: start-up, model
            loading, every stage, SQLite), and `suivi batch --engine dask` on a local cluster of two
            worker processes started with the `dask` command line, writing to PostgreSQL.
            Reports words/s and articles/s of each, and each run's peak memory.
memory      `suivi ingest --workers 2` over a bigger corpus: peak resident memory of the process
            tree (sum of every process, sampled every 0.2 s) and of its largest process.
reconcile   The reconcile stage's time per new article when the store already holds 1k and 100k
            articles. A base store is made by the real pipeline (generated corpus); bigger stores
            are copies of it shifted in time (every table, new ids, keys and dates: a longer
            archive of the same density); then the same new articles (generated, read and
            extracted once) are reconciled into each store, one segment at a time as
            `suivi ingest` does, and the stage alone is timed.

The machine's load average is printed before and after each part: on a shared machine the
figures are only as good as the quiet they were taken in.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus as corpus_gen  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class PeakMemory:
    """Samples the resident memory of a process and all its descendants.

    Two sums: RSS (each process's resident pages, shared ones counted in every process that
    maps them) and PSS (shared pages divided among the processes sharing them). The workers
    are forked from a fork server that loaded the models, so they share those pages: the RSS
    sum counts the models three times, the PSS sum is the memory the tree really holds.
    """

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.peak_total = 0
        self.peak_single = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                rss, pss = [], []
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        full = p.memory_full_info()
                        rss.append(full.rss)
                        pss.append(full.pss)
                if rss:
                    self.peak_total = max(self.peak_total, sum(rss))
                    self.peak_single = max(self.peak_single, max(rss))
                    self.peak_pss = max(self.peak_pss, sum(pss))
            except psutil.Error:
                pass
            self._stop.wait(self.every)

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {"peak_rss_total_mb": round(self.peak_total / 2**20),
                "peak_rss_largest_mb": round(self.peak_single / 2**20),
                "peak_pss_total_mb": round(self.peak_pss / 2**20)}


def timed_command(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Run a command to the end; wall time, peak memory of its process tree, its JSON output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    mem = PeakMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    peaks = mem.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    return {"seconds": round(wall, 2), **peaks, "output": json.loads(out)}


def clean_texts(folder: Path) -> list[tuple[str, str]]:
    """(language, clean text) of every generated article, as ingestion stores them."""
    from suivi.ingest.api import expand_inputs
    from suivi.read.nlp import lang_of
    from suivi.scale.analyse import read_inputs

    refs, _ = expand_inputs([str(folder)])
    return [(lang_of(a.article), a.draft.text) for w in read_inputs(refs) for a in w.articles]


def bare_spacy(texts: list[tuple[str, str]]) -> float:
    """Seconds for nlp.pipe over the texts, per language, models loaded beforehand (one core)."""
    from suivi.read.nlp import BATCH_SIZE, get_nlp

    langs = sorted({lang for lang, _ in texts})
    for lang in langs:
        get_nlp(lang)("Warm-up.")
    start = time.perf_counter()
    for lang in langs:
        for _doc in get_nlp(lang).pipe((t for g, t in texts if g == lang), batch_size=BATCH_SIZE):
            pass
    return time.perf_counter() - start


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dask_cluster(workers: int):
    """`dask scheduler` and `dask worker --nworkers N --nthreads 1`, as on a real cluster."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = open(os.devnull, "wb")  # noqa: SIM115 - closed with the processes
    sched = subprocess.Popen([str(BIN / "dask"), "scheduler", "--port", str(port), "--no-dashboard"],
                             stdout=logs, stderr=logs)
    work = subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                             "--no-dashboard", "--memory-limit", "0"], stdout=logs, stderr=logs)
    from distributed import Client

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with Client(address, timeout=5) as client:
                client.wait_for_workers(workers, timeout=120)
                break
        except (OSError, TimeoutError):
            time.sleep(0.5)
    return address, (sched, work)


def stop(procs) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()


def throughput(n: int, work: Path) -> dict:
    folder = work / "corpus"
    corpus_gen.generate(folder, n)
    texts = clean_texts(folder)
    words = sum(len(t.split()) for _, t in texts)
    res: dict = {"articles": len(texts), "words": words, "load_before": load()}
    print(f"throughput: {len(texts)} articles, {words} words; load {res['load_before']}", flush=True)
    bare = bare_spacy(texts)
    res["bare_spacy"] = {"seconds": round(bare, 2), "words_per_s": round(words / bare),
                         "articles_per_s": round(len(texts) / bare, 2)}
    print(f"  bare nlp.pipe: {bare:.1f} s, {words / bare:.0f} words/s", flush=True)
    suivi = str(BIN / "suivi")
    for workers in (1, 2):
        db = work / f"w{workers}.db"
        run = timed_command([suivi, "--db", str(db), "ingest", "--workers", str(workers), "--json", str(folder)])
        assert run["output"]["new"] == len(texts), run["output"]
        key = f"ingest_workers_{workers}"
        res[key] = {"seconds": run["seconds"], "words_per_s": round(words / run["seconds"]),
                    "articles_per_s": round(len(texts) / run["seconds"], 2),
                    "vs_bare_spacy": round(bare / run["seconds"], 3),
                    "peak_rss_total_mb": run["peak_rss_total_mb"], "peak_rss_largest_mb": run["peak_rss_largest_mb"],
                    "peak_pss_total_mb": run["peak_pss_total_mb"]}
        print(f"  suivi ingest --workers {workers}: {run['seconds']:.1f} s, {words / run['seconds']:.0f} words/s "
              f"({100 * bare / run['seconds']:.0f}% of bare spaCy), {len(texts) / run['seconds']:.1f} articles/s; "
              f"load {load()}", flush=True)
    res["dask"] = dask_run(folder, work, words, len(texts), bare)
    res["load_after"] = load()
    return res


def dask_run(folder: Path, work: Path, words: int, n: int, bare: float) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import postgres_server

    with postgres_server() as url:
        if url is None:
            return {"skipped": "PostgreSQL is not installed"}
        address, procs = dask_cluster(2)
        try:
            run = timed_command([str(BIN / "suivi"), "--db", url, "batch", "--engine", "dask", "--scheduler", address,
                                 "--json", str(folder)])
        finally:
            stop(procs)
    assert run["output"]["new"] == n, run["output"]
    print(f"  suivi batch --engine dask (2 workers, PostgreSQL): {run['seconds']:.1f} s, "
          f"{n / run['seconds']:.1f} articles/s; load {load()}", flush=True)
    return {"seconds": run["seconds"], "words_per_s": round(words / run["seconds"]),
            "articles_per_s": round(n / run["seconds"], 2), "vs_bare_spacy": round(bare / run["seconds"], 3),
            "client_peak_rss_mb": run["peak_rss_total_mb"]}


def memory(n: int, work: Path) -> dict:
    folder = work / "memory_corpus"
    words = corpus_gen.generate(folder, n, seed=5)
    print(f"memory: {n} articles, {words} words; load {load()}", flush=True)
    run = timed_command([str(BIN / "suivi"), "--db", str(work / "memory.db"), "ingest", "--workers", "2", "--json",
                         str(folder)])
    assert run["output"]["new"] == n, run["output"]
    print(f"  suivi ingest --workers 2: {run['seconds']:.0f} s, peak PSS {run['peak_pss_total_mb']} MB (all "
          f"processes, shared pages counted once), RSS {run['peak_rss_total_mb']} MB (summed), "
          f"{run['peak_rss_largest_mb']} MB (largest); load {load()}", flush=True)
    return {"articles": n, "words": words, "seconds": run["seconds"], "articles_per_s": round(n / run["seconds"], 2),
            "peak_rss_total_mb": run["peak_rss_total_mb"], "peak_rss_largest_mb": run["peak_rss_largest_mb"],
            "peak_pss_total_mb": run["peak_pss_total_mb"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--memory-articles", type=int, default=10000)
    ap.add_argument("--reconcile-sizes", type=int, nargs="+", default=[1000, 100000])
    ap.add_argument("--reconcile-new", type=int, default=256)
    ap.add_argument("--only", nargs="+", choices=["throughput", "memory", "reconcile"])
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    parts = args.only or ["throughput", "memory", "reconcile"]
    work = Path(tempfile.mkdtemp(prefix="suivi-scale-bench-"))
    results: dict = {"cores": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        if "throughput" in parts:
            results["throughput"] = throughput(args.articles, work)
        if "memory" in parts:
            results["memory"] = memory(args.memory_articles, work)
        if "reconcile" in parts:
            from reconcile_scale import reconcile_growth

            results["reconcile"] = reconcile_growth(args.reconcile_sizes, args.reconcile_new, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    text = json.dumps(results, indent=2)
    if args.json_out:
        args.json_out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
