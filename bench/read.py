#!/usr/bin/env python3
"""Throughput of the read stage next to bare spaCy on the same texts, in the same run.

usage: .venv/bin/python bench/read.py [DIR ...] [--repeat N] [--rounds R] [--json]

Ingests the .txt files of DIR (default ../shared/seeds) into a temporary store, N times
each (a numbered line keeps the copies distinct; copies the ingester still finds identical
after cleaning are stored once), warms every model and lexicon once, then
times, R rounds each, (a) bare `nlp.pipe` over the texts and (b) the whole read stage
(`suivi.read.stage.run`: parse with a cold cache, read, write to SQLite). Reports words per
second of each (best round) and their ratio; the stage must keep >= 70% of spaCy's rate.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from suivi.ingest.api import ingest  # noqa: E402
from suivi.read import nlp, stage  # noqa: E402
from suivi.read.dates import normalise  # noqa: E402
from suivi.read.gazetteer import get_gazetteer  # noqa: E402
from suivi.read.lexicon import get_lexicon  # noqa: E402
from suivi.store import open_store  # noqa: E402
from suivi.store.articles import iter_articles  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=[str(ROOT.parent / "shared" / "seeds")])
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files = sorted(p for d in args.dirs for p in Path(d).glob("*.txt"))
    if not files:
        print("no .txt files found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copies = Path(tmp) / "in"
        copies.mkdir()
        for k in range(args.repeat):
            for f in files:
                text = f.read_text(encoding="utf-8")
                copy = f"{text.rstrip()}\n\nCopie de banc numéro {k}.\n"
                (copies / f"{k:02d}_{f.name}").write_text(copy, encoding="utf-8")
        store = open_store(str(Path(tmp) / "bench.db"))
        ingest(store, [str(copies)])
        with store.connect() as conn:
            arts = iter_articles(conn)
        texts = [a.text for a in arts]
        words = sum(len(t.split()) for t in texts)
        langs = sorted({nlp.lang_of(a) for a in arts})
        # warm everything both sides use, so neither pays a one-time load
        for lang in langs:
            nlp.get_nlp(lang)("Le ministre est arrivé à Bamako le 3 avril 2025.")
            get_lexicon(lang)
        get_gazetteer()
        normalise("ce jeudi 3 avril 2025", date(2025, 4, 4), "fr")
        bare_times, stage_times = [], []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            for lang in langs:
                batch = [a.text for a in arts if nlp.lang_of(a) == lang]
                for _doc in nlp.get_nlp(lang).pipe(batch, batch_size=nlp.BATCH_SIZE):
                    pass
            bare_times.append(time.perf_counter() - t0)
            nlp.clear_cache()
            t0 = time.perf_counter()
            counts = stage.run(store, None, lambda *_: None)
            stage_times.append(time.perf_counter() - t0)
            nlp.clear_cache()
        store.close()
    bare_wps = words / min(bare_times)
    stage_wps = words / min(stage_times)
    result = {
        "articles": len(arts), "words": words, "rounds": args.rounds,
        "bare_nlp_pipe_words_per_s": round(bare_wps), "read_stage_words_per_s": round(stage_wps),
        "ratio": round(stage_wps / bare_wps, 3), "stage_counts": counts,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(arts)} articles, {words} words, best of {args.rounds} rounds")
        print(f"bare nlp.pipe : {bare_wps:8.0f} words/s")
        print(f"read stage    : {stage_wps:8.0f} words/s  ({100 * stage_wps / bare_wps:.0f}% of bare)")
    return 0 if stage_wps >= 0.7 * bare_wps else 1


if __name__ == "__main__":
    sys.exit(main())
