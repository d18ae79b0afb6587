"""Our scorer must print the same figures as the reference scorer, on any predictions."""

from __future__ import annotations

import copy
import importlib.util
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suivi.evaluation.scoring import evidence_matches, normalise, person_matches, score


@pytest.fixture(scope="module")
def reference(gold_path):
    spec = importlib.util.spec_from_file_location("reference_score", gold_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold(gold_path):
    return json.loads(gold_path.read_text(encoding="utf-8"))


def perturb(gold: dict, seed: int) -> dict:
    """Predictions derived from gold with random damage of every kind the scorer sees."""
    rng = random.Random(seed)
    pred = {"format": "suivi-predictions/1", "articles": []}
    for article in gold["articles"]:
        if rng.random() < 0.1:
            continue  # a missing article
        a = copy.deepcopy(article)
        a["story"] = rng.choice([article["story"], "other", None])
        if rng.random() < 0.3:
            a["published"] = "2024-01-01"
        if rng.random() < 0.3:
            a["title"] = (a.get("title") or "") + " x"
        items = []
        for c in a.pop("commitments"):
            if rng.random() < 0.2:
                continue
            ev = c["evidence"]
            choice = rng.random()
            if choice < 0.2:
                ev = "Avant. " + ev.upper() + " Après."
            elif choice < 0.4:
                ev = ev[: max(1, int(len(ev) * rng.uniform(0.3, 0.9)))]
            items.append({
                "id": rng.choice([c["id"], "Z", f"P{rng.randint(0, 3)}"]),
                "agent": rng.choice([c["agent"], ["XXX"], []]),
                "beneficiary": c["beneficiary"],
                "evidence": ev,
                "deadline": rng.choice([c.get("deadline"), "2031", None]),
                "status": rng.choice(["announced", "fulfilled", "stalled"]),
            })
        if rng.random() < 0.3:
            items.append({"id": "N", "agent": ["RUS"], "evidence": "rien à voir", "deadline": None})
        rng.shuffle(items)
        a["commitments"] = items
        a["persons"] = [p if rng.random() < 0.7 else p.split()[-1] for p in a.get("persons", [])]
        if rng.random() < 0.4:
            a["persons"].append("Jean Inventé")
        a["organizations"] = rng.sample(a.get("organizations", []), k=len(a.get("organizations", [])) // 2)
        a["places"] = [p.lower() for p in a.get("places", []) if rng.random() < 0.7]
        pred["articles"].append(a)
    return pred


def with_follow_up(gold: dict) -> dict:
    g = copy.deepcopy(gold)
    g["articles"][1].setdefault("follow_up", []).append(
        {"commitment": "C8", "status": "fulfilled", "evidence": "x"}
    )
    return g


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_same_figures_as_reference_on_random_predictions(reference, gold, seed):
    g = with_follow_up(gold)
    pred = perturb(g, seed)
    assert score(g, pred) == reference.score(g, pred)


def test_perfect_predictions_score_one(reference, gold):
    pred = copy.deepcopy(gold)
    for a in pred["articles"]:
        a["commitments"] = [c for c in a["commitments"] if not c.get("optional")]
    ours = score(gold, pred)
    assert ours == reference.score(gold, pred)
    assert ours["commitment_f1"] == 1.0 and ours["merge_pair_f1"] == 1.0 and ours["story_bcubed_f1"] == 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("L’AES « prévoit »", "l'aes prevoit", True),
        ("Confédération-des États", "confederation des etats", True),
    ],
)
def test_normalise_folds(a, b, expected):
    assert (normalise(a) == normalise(b)) is expected


def test_evidence_rules():
    assert evidence_matches("Il a dit que la Russie aidera le Mali.", "la Russie aidera le Mali")
    assert evidence_matches("la Russie aidera", "la Russie aidera le Mali")  # >= half
    assert not evidence_matches("la Russie", "la Russie aidera le Mali demain")  # < half


def test_person_rules():
    assert person_matches("M. Lavrov", "Sergueï Lavrov") is False  # "m." contradicts
    assert person_matches("Lavrov", "Sergueï Lavrov")
    assert person_matches("S. Lavrov", "Sergueï Lavrov")
    assert not person_matches("Ibrahim Traoré", "Karamoko Jean-Marie Traoré")


def _tie_case(first_status: str, second_status: str) -> tuple[dict, dict]:
    """One gold commitment stated twice; two predicted ids each match once (a tie)."""
    gold = {"articles": [
        {"file": "a.txt", "story": "s", "commitments": [
            {"id": "G", "agent": ["RUS"], "beneficiary": [], "evidence": "la Russie livrera des blés"}],
         "persons": []},
        {"file": "b.txt", "story": "s", "commitments": [
            {"id": "G", "agent": ["RUS"], "beneficiary": [], "evidence": "Moscou livrera des blés"}],
         "follow_up": [{"commitment": "G", "status": "fulfilled", "evidence": "x"}], "persons": []},
    ]}
    pred = {"articles": [
        {"file": "a.txt", "story": "1", "commitments": [
            {"id": "P2", "agent": ["RUS"], "evidence": "la Russie livrera des blés", "status": first_status}]},
        {"file": "b.txt", "story": "1", "commitments": [
            {"id": "P1", "agent": ["RUS"], "evidence": "Moscou livrera des blés", "status": second_status}]},
    ]}
    return gold, pred


@pytest.mark.parametrize(("first", "second", "expected"), [("fulfilled", "announced", 1.0),
                                                            ("announced", "fulfilled", 0.0)])
def test_status_tie_goes_to_the_first_match(reference, first, second, expected):
    gold, pred = _tie_case(first, second)
    ours = score(gold, pred)
    assert ours["status_accuracy"] == expected
    assert ours == reference.score(gold, pred)


def test_french_organisation_codes_read_as_english(reference):
    gold, pred = _tie_case("fulfilled", "fulfilled")
    for article in gold["articles"]:
        article["commitments"][0]["agent"] = ["EU"]
    pred["articles"][0]["commitments"][0]["agent"] = ["UE"]
    ours = score(gold, pred)
    assert ours["agent_accuracy"] == 0.5
    assert ours == reference.score(gold, pred)
