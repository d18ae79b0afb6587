"""Check that every gold string of gold.json is present in its article's visible text.

Why: the scorer matches evidence by substring, so a typo in the gold silently turns into a
miss for the system. HTML files are checked on their visible text (tags, <head> and
<script> removed, whitespace collapsed). Names (persons, organisations, places) are checked
case-insensitively because datelines write them in capitals.

Usage: python tests/resources/heldout/check_gold.py   (exit status 1 on any problem)
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent


class _Visible(HTMLParser):
    """Collects text outside <head>, <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Visible()
        parser.feed(raw)
        raw = " ".join(parser.parts)
    return re.sub(r"\s+", " ", raw)


def problems(gold_path: Path = HERE / "gold.json") -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out: list[str] = []
    known_ids = {c["id"] for a in gold["articles"] for c in a["commitments"]}
    for art in gold["articles"]:
        text = visible_text(HERE / "articles" / art["file"])
        exact = [c["evidence"] for c in art["commitments"]]
        exact += [f["evidence"] for f in art.get("follow_up", [])]
        exact += [art["title"]] if art.get("title") else []
        out += [f"{art['file']}: not in text: {s!r}" for s in exact if s not in text]
        names = art["persons"] + art.get("optional_persons", []) + art["organizations"] + art["places"]
        out += [f"{art['file']}: name not in text: {n!r}" for n in names if n.lower() not in text.lower()]
        out += [
            f"{art['file']}: follow-up of unknown commitment {f['commitment']}"
            for f in art.get("follow_up", [])
            if f["commitment"] not in known_ids
        ]
    return out


if __name__ == "__main__":
    found = problems()
    print("\n".join(found) or "gold.json: every string found")
    sys.exit(1 if found else 0)
