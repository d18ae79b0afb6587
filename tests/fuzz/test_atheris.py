"""The bounded coverage-guided run of every reader target in CI (fuzz/atheris_harness.py, with a
fixed seed so CI is repeatable); longer runs are made by hand (fuzz/README.md). Seeds are the
project's own sample corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "fuzz" / "atheris_harness.py"
SEEDS = {"html": "*.html", "feed": "*.xml", "text": "*.txt", "jsonl": None, "sniff": "*", "dates": "*.txt"}
RUNS = {"html": 300, "feed": 600, "text": 300, "jsonl": 1500, "sniff": 300, "dates": 1500}


@pytest.mark.parametrize("target", sorted(SEEDS))
def test_bounded_fuzz_run_finds_no_crash(tmp_path, target):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if SEEDS[target]:
        for path in (ROOT / "corpus" / "articles").glob(SEEDS[target]):
            shutil.copy(path, corpus / path.name)
    else:
        (corpus / "seed.jsonl").write_text('{"title": "Le Mali", "text": "Le Mali construira une route '
                                           'avant la fin de 2026.", "published": "2025-04-03"}\n')
    done = subprocess.run([sys.executable, str(HARNESS), target, str(corpus), f"-runs={RUNS[target]}", "-seed=1",
                           "-max_len=16384", f"-artifact_prefix={tmp_path}/"], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    crashes = list(tmp_path.glob("crash-*"))
    assert done.returncode == 0 and not crashes, done.stderr[-3000:]
