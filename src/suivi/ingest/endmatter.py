"""The end matter of an article: contributor credits, an official text's closing formula and
its signature block.

Why take them out of the text: "X contributed to this report", "Reporting by X; Editing by
Y", "(Avec AFP)" name writers and agencies, not actors, and "Fait à Bamako, le 10 février
2026 / Le Service de Communication" is where and when a press release was issued, not a
sentence of it. Left in the clean text they become persons, places and organisations of the
story. They are recorded in meta instead (credits, closing, signature), and the closing
formula's date dates the release when no header does. Patterns are data
(data/boilerplate/*.yaml, `credit` and `closing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from suivi.ingest import dates
from suivi.ingest.rules import boilerplate_rules

CREDIT_LINES = 5  # credits sit among the last few lines
CLOSING_LINES = 6  # the closing formula, then at most a few signature lines
SIGNATURE_MAX_WORDS = 10

_CLOSING_PLACE = re.compile(r"^\S+\s+(?:[àa]|at|in)\s+(?P<place>[^,.;:]+?),?\s+(?:le|on|this)\s", re.IGNORECASE)
_REPORTER = re.compile(r"\b(?:reporting|writing)\s+by\s+(?P<names>[^;()]+)", re.IGNORECASE)


@dataclass
class EndMatter:
    """What the end of an article says about who wrote it and when it was issued."""

    credits: list[str] = field(default_factory=list)
    closing: str | None = None
    closing_place: str | None = None
    closing_date: dates.DateHit | None = None
    signature: list[str] = field(default_factory=list)

    def to_meta(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.credits:
            out["credits"] = self.credits
        if self.closing:
            closing: dict[str, object] = {"text": self.closing}
            if self.closing_place:
                closing["place"] = self.closing_place
            if self.closing_date:
                closing["date"] = self.closing_date.value
            out["closing"] = closing
        if self.signature:
            out["signature"] = self.signature
        return out

    def reporters(self) -> str | None:
        """'Reporting by A in X and B; Editing by C' -> 'A, B': the writers a credit line names."""
        for line in self.credits:
            match = _REPORTER.search(line)
            if match:
                names = re.split(r"\s+(?:and|et)\s+|,", match.group("names"))
                people = [re.split(r"\s+(?:in|à|from)\s+", n.strip())[0] for n in names if n.strip()]
                return ", ".join(p for p in people if p) or None
        return None


def _last_filled(lines: list[str], count: int) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.strip()][-count:]


def take_end_matter(lines: list[str], lang: str | None = None) -> EndMatter:
    """Blank the closing formula, the signature under it and credit lines in `lines` (in place)."""
    rules = boilerplate_rules()
    found = EndMatter()
    tail = _last_filled(lines, CLOSING_LINES)
    for k, i in enumerate(tail):
        text = lines[i].strip()
        if not any(p.match(text) for p in rules.closing):
            continue
        after = tail[k + 1:]
        if any(len(lines[j].split()) > SIGNATURE_MAX_WORDS for j in after):
            break  # body text follows: not a closing block
        found.closing = text
        place = _CLOSING_PLACE.match(text)
        found.closing_place = place.group("place").strip() if place else None
        hits = [h for h in dates.find_dates(text, lang) if h.precision == "day"]
        found.closing_date = hits[0] if hits else None
        found.signature = [lines[j].strip() for j in after]
        for j in (i, *after):
            lines[j] = ""
        break
    for i in _last_filled(lines, CREDIT_LINES):
        text = lines[i].strip()
        if any(p.match(text) for p in rules.credit):
            found.credits.append(text)
            lines[i] = ""
    return found
