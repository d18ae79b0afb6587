"""Evaluation gate: the whole pipeline on gold sets, figures agreeing with the reference
scorer, and pinned floors so a regression fails CI (floors in eval_floors.json)."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from suivi.evaluation.runner import evaluate

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
FLOORS = json.loads((HERE / "eval_floors.json").read_text(encoding="utf-8"))
# The gold sets describe events up to November 2026; replay them at a fixed clock so the
# figures do not move with the calendar.
CLOCK = date(2026, 11, 22)


def _reference(gold_path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", gold_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds_run(gold_path, seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "pred.json"
    figures, _ = evaluate(gold_path, seeds_dir, out, as_of=CLOCK)
    return figures, out


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "pred.json"
    figures, _ = evaluate(ROOT / "corpus" / "gold.json", ROOT / "corpus" / "articles", out, as_of=CLOCK)
    return figures, out


@pytest.fixture(scope="module")
def heldout_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "pred.json"
    base = ROOT / "tests" / "resources" / "heldout"
    figures, _ = evaluate(base / "gold.json", base / "articles", out, as_of=CLOCK)
    return figures, out


def _check_floors(figures: dict, floors: dict) -> list[str]:
    return [
        f"{name}: {figures.get(name)} < {floor}"
        for name, floor in floors.items()
        if not name.startswith("_") and figures.get(name) is None or figures[name] < floor
    ]


def test_seeds_figures_agree_with_reference_scorer(seeds_run, gold_path):
    figures, pred = seeds_run
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert figures == _reference(gold_path).score(gold, json.loads(pred.read_text(encoding="utf-8")))


def test_seeds_floors(seeds_run):
    assert _check_floors(seeds_run[0], FLOORS["seeds"]) == []


def test_corpus_figures_agree_with_reference_scorer(corpus_run, gold_path):
    figures, pred = corpus_run
    gold = json.loads((ROOT / "corpus" / "gold.json").read_text(encoding="utf-8"))
    assert figures == _reference(gold_path).score(gold, json.loads(pred.read_text(encoding="utf-8")))


def test_corpus_floors(corpus_run):
    assert _check_floors(corpus_run[0], FLOORS["corpus"]) == []


def test_heldout_figures_agree_with_reference_scorer(heldout_run, gold_path):
    figures, pred = heldout_run
    gold = json.loads((ROOT / "tests" / "resources" / "heldout" / "gold.json").read_text(encoding="utf-8"))
    assert figures == _reference(gold_path).score(gold, json.loads(pred.read_text(encoding="utf-8")))


def test_heldout_floors(heldout_run):
    assert _check_floors(heldout_run[0], FLOORS["heldout"]) == []
