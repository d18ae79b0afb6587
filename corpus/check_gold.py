"""Checks corpus/gold.json against the article files, so a hand edit cannot silently break it.

Run: .venv/bin/python corpus/check_gold.py   (exit status 1 and one line per problem otherwise)

Why: the scorer matches gold evidence against predicted evidence by substring, so every gold
evidence must be an exact substring of the article's text (for HTML/XML, of the raw file with
entities unescaped), inside one line; a follow-up must point to a pledge stated in an earlier
article of the gold file itself, never only in the multi-article files (feed, JSONL).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
MULTI = {".xml", ".jsonl"}  # several articles per file: not in gold.json
STATUSES = {"announced", "in_progress", "partial", "fulfilled", "stalled", "broken", "moot"}
DEADLINE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
AGENT = re.compile(r"^([A-Z]{3}|AES)$")


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return html.unescape(raw) if path.suffix in {".html", ".htm", ".xml"} else raw


def in_one_line(text: str, evidence: str) -> bool:
    return "\n" not in evidence and any(evidence in line for line in text.splitlines())


def check(gold: dict) -> list[str]:
    problems: list[str] = []
    if gold.get("format") != "suivi-eval/1":
        problems.append("format is not suivi-eval/1")
    pledged: dict[str, str] = {}  # commitment id -> earliest publication day
    for art in gold["articles"]:
        for c in art["commitments"]:
            day = art["published"]
            pledged[c["id"]] = min(pledged.get(c["id"], day), day)
    files = set()
    for art in gold["articles"]:
        name = art["file"]
        files.add(name)
        path = ARTICLES / name
        if path.suffix in MULTI:
            problems.append(f"{name}: multi-article files stay out of gold.json")
        if not path.is_file():
            problems.append(f"{name}: no such file in corpus/articles/")
            continue
        text = visible_text(path)
        if art.get("title") and art["title"] not in text:
            problems.append(f"{name}: title not in text")
        for c in art["commitments"]:
            if not in_one_line(text, c["evidence"]):
                problems.append(f"{name}: evidence not found on one line: {c['evidence']!r}")
            if c["deadline"] is not None and not DEADLINE.match(c["deadline"]):
                problems.append(f"{name}: bad deadline {c['deadline']!r}")
            for code in c["agent"] + c["beneficiary"]:
                if not AGENT.match(code):
                    problems.append(f"{name}: bad actor code {code!r}")
        for f in art.get("follow_up", []):
            if not in_one_line(text, f["evidence"]):
                problems.append(f"{name}: follow-up evidence not found on one line: {f['evidence']!r}")
            if f["status"] not in STATUSES:
                problems.append(f"{name}: bad status {f['status']!r}")
            first = pledged.get(f["commitment"])
            if first is None:
                problems.append(f"{name}: follow-up of {f['commitment']} which no article pledges")
            elif first >= art["published"]:
                problems.append(f"{name}: follow-up of {f['commitment']} not later than its pledge")
    on_disk = {p.name for p in ARTICLES.iterdir() if p.is_file() and p.suffix not in MULTI}
    for missing in sorted(on_disk - files):
        problems.append(f"{missing}: article file without a gold entry")
    return problems


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    problems = check(gold)
    for line in problems:
        print(line)
    n_c = sum(len(a["commitments"]) for a in gold["articles"])
    n_f = sum(len(a.get("follow_up", [])) for a in gold["articles"])
    n_a = len(gold["articles"])
    print(f"{n_a} articles, {n_c} commitment mentions, {n_f} follow-ups, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
