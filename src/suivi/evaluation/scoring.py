"""The figures of the public scoring method, computed by Suivi itself.

Why our own implementation: `suivi evaluate` must print the same figures as the reference
scorer (shared/eval/score.py) without depending on a file outside the package; a test runs
both on the same gold and predictions and compares every figure.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

# Organisation names the method treats as one (recall is measured through this table).
ORG_EQUIVALENTS: dict[str, frozenset[str]] = {
    "aes": frozenset({"aes", "alliance des etats du sahel", "confederation des etats du sahel",
                      "alliance of sahel states", "confederation of sahel states"}),
    "onu": frozenset({"onu", "nations unies", "organisation des nations unies", "un", "united nations"}),
    "oif": frozenset({"oif", "organisation internationale de la francophonie", "francophonie"}),
    "wagner": frozenset({"wagner", "groupe wagner", "wagner group"}),
    "africa corps": frozenset({"africa corps", "africa korps"}),
}

# Agent and beneficiary codes: the method reads these French acronyms as the English ones.
AGENT_EQUIVALENTS: dict[str, str] = {"UE": "EU", "UA": "AU", "ONU": "UN", "CEDEAO": "ECOWAS", "OTAN": "NATO",
                                     "FMI": "IMF", "BM": "WB", "BAD": "AFDB"}

_QUOTE_CHARS = {"«": " ", "»": " ", '"': " ", "’": "'", "‘": "'"}


def normalise(value: str | None) -> str:
    """Case, accents, apostrophes, quotes, hyphens and whitespace folded away."""
    text = unicodedata.normalize("NFKC", value or "")
    for char, repl in _QUOTE_CHARS.items():
        text = text.replace(char, repl)
    decomposed = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(text.replace("-", " ").split())


def evidence_matches(predicted: str, gold: str) -> bool:
    """Gold inside prediction, or prediction inside gold and at least half its length."""
    p, g = normalise(predicted), normalise(gold)
    if not p or not g:
        return False
    return g in p or (p in g and 2 * len(p) >= len(g))


def person_matches(predicted: str, gold: str) -> bool:
    """The surname (gold's last token) must appear; other tokens must not contradict."""
    ptoks, gtoks = normalise(predicted).split(), normalise(gold).split()
    if not ptoks or not gtoks or gtoks[-1] not in ptoks:
        return False
    rest = [t for t in ptoks if t != gtoks[-1]]
    if not rest:
        return True
    return any(t in gtoks or t.rstrip(".") == g[:1] for t in rest for g in gtoks)


def agent_codes(codes: list[Any] | None) -> set[str]:
    """Upper-cased party codes, French organisation acronyms read as the English ones."""
    return {AGENT_EQUIVALENTS.get(str(c).upper(), str(c).upper()) for c in codes or []}


def org_canonical(name: str) -> str:
    n = normalise(name)
    return next((key for key, names in ORG_EQUIVALENTS.items() if n in names), n)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agent_ok: int = 0
    deadline_ok: int = 0
    deadline_n: int = 0
    person_tp: int = 0
    person_fp: int = 0
    person_fn: int = 0
    org_hit: int = 0
    org_n: int = 0
    place_hit: int = 0
    place_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    title_ok: int = 0
    title_n: int = 0
    missing: int = 0
    # (gold id, predicted id, file, gold evidence) for each matched non-optional gold item
    matched: list[tuple[str, Any, str, str]] = field(default_factory=list)


def _score_commitments(tally: _Tally, gold_article: dict, pred_article: dict) -> None:
    preds = list(pred_article.get("commitments", []))
    taken: set[int] = set()
    for g in gold_article["commitments"]:
        hit = next(
            (i for i, p in enumerate(preds)
             if i not in taken and evidence_matches(p.get("evidence", ""), g["evidence"])),
            None,
        )
        if hit is None:
            tally.fn += 0 if g.get("optional") else 1
            continue
        taken.add(hit)
        if g.get("optional"):
            continue
        p = preds[hit]
        tally.tp += 1
        tally.agent_ok += bool(agent_codes(p.get("agent")) & agent_codes(g["agent"]))
        if g.get("deadline"):
            tally.deadline_n += 1
            tally.deadline_ok += str(p.get("deadline") or "").startswith(g["deadline"])
        tally.matched.append((g["id"], p.get("id"), gold_article["file"], g["evidence"]))
    tally.fp += len(preds) - len(taken)


def _score_entities(tally: _Tally, gold_article: dict, pred_article: dict) -> None:
    optional = gold_article.get("optional_persons", [])
    found: set[str] = set()
    for name in dict.fromkeys(pred_article.get("persons", [])):
        hits = [g for g in gold_article["persons"] if person_matches(name, g)]
        if hits:
            found.update(hits)
        elif not any(person_matches(name, o) for o in optional):
            tally.person_fp += 1
    tally.person_tp += len(found)
    tally.person_fn += len(set(gold_article["persons"]) - found)
    predicted_orgs = {org_canonical(o) for o in pred_article.get("organizations", [])}
    for org in gold_article.get("organizations", []):
        tally.org_n += 1
        tally.org_hit += org_canonical(org) in predicted_orgs
    predicted_places = {normalise(x) for x in pred_article.get("places", [])}
    for place in gold_article.get("places", []):
        tally.place_n += 1
        tally.place_hit += normalise(place) in predicted_places


def _score_metadata(tally: _Tally, gold_article: dict, pred_article: dict) -> None:
    if gold_article.get("published"):
        tally.date_n += 1
        tally.date_ok += str(pred_article.get("published") or "")[:10] == gold_article["published"]
    if gold_article.get("title"):
        tally.title_n += 1
        tally.title_ok += normalise(pred_article.get("title") or "") == normalise(gold_article["title"])


def _merge_f1(matched: list[tuple[str, Any, str, str]]) -> tuple[float, bool]:
    same_gold, same_pred = set(), set()
    for (g1, p1, f1, e1), (g2, p2, f2, e2) in combinations(matched, 2):
        pair = (f1, e1, f2, e2)
        if g1 == g2:
            same_gold.add(pair)
        if p1 is not None and p1 == p2:
            same_pred.add(pair)
    both = len(same_gold & same_pred)
    return _prf(both, len(same_pred) - both, len(same_gold) - both)[2], bool(same_gold)


def _status_accuracy(gold: dict, pred: dict, matched: list[tuple[str, Any, str, str]]) -> float | None:
    status_by_id: dict[Any, str] = {}
    for article in pred.get("articles", []):
        for p in article.get("commitments", []):
            if p.get("id") is not None and p.get("status"):
                status_by_id[p["id"]] = str(p["status"]).lower()
    ok = n = 0
    for article in gold["articles"]:
        for fu in article.get("follow_up", []):
            n += 1
            ids = [pid for gid, pid, _, _ in matched if gid == fu["commitment"] and pid is not None]
            if ids:
                counts = Counter(ids)
                # ties go to the id matched first (gold order), as the reference does: runs agree
                best = max(dict.fromkeys(ids), key=lambda i: counts[i])
                ok += status_by_id.get(best) == fu["status"]
    return round(ok / n, 3) if n else None


def _story_bcubed(gold: dict, pred_by_file: dict[str, dict]) -> float:
    gold_story = {a["file"]: a["story"] for a in gold["articles"]}
    pred_story = {f: (pred_by_file.get(f) or {}).get("story") or f"__alone__{f}" for f in gold_story}
    precision = recall = 0.0
    for f in gold_story:
        same_gold = {x for x in gold_story if gold_story[x] == gold_story[f]}
        same_pred = {x for x in gold_story if pred_story[x] == pred_story[f]}
        common = len(same_gold & same_pred)
        precision += common / len(same_pred)
        recall += common / len(same_gold)
    n = len(gold_story) or 1
    precision, recall = precision / n, recall / n
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def score(gold: dict, pred: dict) -> dict[str, Any]:
    """Every figure of the method, in the reference scorer's order and rounding."""
    pred_by_file = {a["file"]: a for a in pred.get("articles", [])}
    tally = _Tally()
    for gold_article in gold["articles"]:
        pred_article = pred_by_file.get(gold_article["file"])
        if pred_article is None:
            tally.missing += 1
            pred_article = {}
        _score_commitments(tally, gold_article, pred_article)
        _score_entities(tally, gold_article, pred_article)
        _score_metadata(tally, gold_article, pred_article)
    cp, cr, cf = _prf(tally.tp, tally.fp, tally.fn)
    person_f = _prf(tally.person_tp, tally.person_fp, tally.person_fn)[2]
    merge_f, has_pairs = _merge_f1(tally.matched)

    def ratio(ok: int, n: int) -> float | None:
        return round(ok / n, 3) if n else None

    return {
        "articles_missing": tally.missing,
        "commitment_precision": round(cp, 3),
        "commitment_recall": round(cr, 3),
        "commitment_f1": round(cf, 3),
        "commitment_tp": tally.tp,
        "commitment_fp": tally.fp,
        "commitment_fn": tally.fn,
        "agent_accuracy": round(tally.agent_ok / tally.tp, 3) if tally.tp else 0.0,
        "deadline_accuracy": ratio(tally.deadline_ok, tally.deadline_n),
        "merge_pair_f1": round(merge_f, 3) if has_pairs else None,
        "story_bcubed_f1": _story_bcubed(gold, pred_by_file),
        "person_f1": round(person_f, 3),
        "organization_recall": ratio(tally.org_hit, tally.org_n),
        "place_recall": ratio(tally.place_hit, tally.place_n),
        "status_accuracy": _status_accuracy(gold, pred, tally.matched),
        "published_accuracy": ratio(tally.date_ok, tally.date_n),
        "title_accuracy": ratio(tally.title_ok, tally.title_n),
    }
