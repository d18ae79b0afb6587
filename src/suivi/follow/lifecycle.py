"""The commitment lifecycle read from `data/statuses.yaml`: statuses, finals, transitions, scores.

Why a data file: the statuses, which of them are final, which moves automatic evidence may
make and how each scores for compliance are policy that analysts discuss; the code only
walks the log with them. The loader checks every cross-reference and fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError

DATA_FILE = "statuses.yaml"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Lifecycle:
    statuses: tuple[str, ...]
    final: frozenset[str]
    initial: str
    transitions: dict[str, frozenset[str]]
    score: dict[str, int | None]
    score_past_deadline: dict[str, int | None]
    min_similarity: float
    min_similarity_alone: float
    min_similarity_low: float
    min_key_word_length: int
    max_candidates: int = 64

    def allows(self, current: str, target: str) -> bool:
        """May automatic evidence move a commitment from `current` to `target`?"""
        return target in self.transitions.get(current, frozenset())

    def is_final(self, status: str) -> bool:
        return status in self.final


def _fail(msg: str) -> DataFileError:
    return DataFileError(f"{DATA_FILE}: {msg}")


def parse_lifecycle(data: Any) -> Lifecycle:
    """Validate the parsed YAML and build a Lifecycle (raises DataFileError)."""
    if not isinstance(data, dict) or not isinstance(data.get("statuses"), dict) or not data["statuses"]:
        raise _fail("needs a non-empty 'statuses' mapping")
    statuses = tuple(data["statuses"])
    final, score, past = set(), {}, {}
    for name, spec in data["statuses"].items():
        if not isinstance(spec, dict) or not {"final", "score", "score_past_deadline"} <= set(spec):
            raise _fail(f"status {name!r} needs final, score and score_past_deadline")
        if not isinstance(spec["final"], bool):
            raise _fail(f"status {name!r}: final must be true or false")
        for field in ("score", "score_past_deadline"):
            if spec[field] not in (None, -1, 0, 1):
                raise _fail(f"status {name!r}: {field} must be -1, 0, 1 or null")
        if spec["final"]:
            final.add(name)
        score[name] = spec["score"]
        past[name] = spec["score_past_deadline"]
    initial = data.get("initial")
    if initial not in statuses:
        raise _fail(f"initial status {initial!r} is not a declared status")
    raw_transitions = data.get("transitions")
    if not isinstance(raw_transitions, dict):
        raise _fail("needs a 'transitions' mapping")
    transitions: dict[str, frozenset[str]] = {}
    for source in statuses:
        targets = raw_transitions.get(source)
        if not isinstance(targets, list):
            raise _fail(f"transitions: {source!r} needs a list (possibly empty)")
        unknown = [t for t in targets if t not in statuses]
        if unknown:
            raise _fail(f"transitions from {source!r} name unknown statuses {unknown}")
        transitions[source] = frozenset(targets)
    extra = set(raw_transitions) - set(statuses)
    if extra:
        raise _fail(f"transitions from unknown statuses {sorted(extra)}")
    matching = data.get("matching") or {}
    try:
        return Lifecycle(
            statuses=statuses, final=frozenset(final), initial=initial, transitions=transitions,
            score=score, score_past_deadline=past,
            min_similarity=float(matching["min_similarity"]),
            min_similarity_alone=float(matching["min_similarity_alone"]),
            min_similarity_low=float(matching["min_similarity_low"]),
            min_key_word_length=int(matching["min_key_word_length"]),
            max_candidates=int(matching.get("max_candidates", 64)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        msg = f"matching needs min_similarity(_alone, _low) and min_key_word_length: {exc}"
        raise _fail(msg) from exc


@lru_cache(maxsize=1)
def get_lifecycle() -> Lifecycle:
    """The shipped lifecycle, loaded once per process."""
    return parse_lifecycle(read_data_yaml(DATA_FILE))
