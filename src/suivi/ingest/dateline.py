"""Wire datelines opening the first paragraph: 'NIAMEY, March 3, 2026 (Reuters) - ...'.

Why a step of its own: a dateline is metadata (where and when a report was filed, by which
agency), not part of the first sentence. Left in the clean text, the city reads as the
sentence's subject, i.e. as a party, for the later stages. So the place, date and agency are
recorded (meta.dateline), the agency is the outlet when nothing else names one, and the
dateline leaves the text: the first sentence starts with its real subject.

Shapes, from general layout rather than any outlet's template:
  PLACE[, Region][, date] [(Agency)] - [date -]   e.g. 'DAKAR, Senegal (AP) - May 20, 2026 - '
  Place[, Region], date [(note)] -                e.g. 'Moscou, 3 avril 2025 - ', 'Bamako, 3 mars (AFP) - '
  Place (Agency|Country) -                        e.g. 'Bamako (AFP) - ', 'Niamey (Niger) - '
A mixed-case place alone before a dash ('Bamako - ...') is not taken: too close to an
ordinary sentence or a title-like lead ('Mali - Russie : ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suivi.ingest import dates
from suivi.ingest.rules import outlet_rules

MAX_PLACE_WORDS = 4
_PLACE = re.compile(
    r"\s*(?P<place>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}?)(?=\s*[,(]|\s+-\s|\s*[–—]|\s*--|\.?\s*/)"
)
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "el", "al", "es", "of", "the", "d'", "l'"})
_COMMA = re.compile(r"\s*,\s*")
_PAREN = re.compile(r"\s*\((?P<inner>[^()\n]{2,40})\)")
_REGION = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}?(?=\s*[,(]|\s+-\s|\s*[–—]|\s*--)")
_DASH = re.compile(r"\s*(?:--|[–—])\s*|\s+-\s+")
_SLASHED = re.compile(r"\.?\s*/(?P<agency>[^/\n]{2,30})/\.?\s+")  # 'MOSCOU, 15 janvier. /TASS/. '


@dataclass(frozen=True)
class Dateline:
    """What a dateline says, and how many characters of the paragraph it takes."""

    place: str
    region: str | None
    date: dates.DateHit | None  # a full date (with its year)
    day_month: tuple[int, int] | None  # a date without a year: (month, day)
    agency: str | None
    end: int

    def to_meta(self) -> dict[str, object]:
        out: dict[str, object] = {"place": self.place}
        if self.region:
            out["region"] = self.region
        if self.date:
            out["date"] = self.date.value
        elif self.day_month:
            out["date"] = f"--{self.day_month[0]:02d}-{self.day_month[1]:02d}"
        if self.agency:
            out["agency"] = self.agency
        return out


def known_agency(name: str) -> bool:
    """A news agency or outlet named in data/metadata/outlets.yaml (case-insensitive)."""
    return name.strip().lower() in {a.lower() for a in outlet_rules().agencies}


def _place_shaped(place: str) -> bool:
    words = place.split()
    if not 1 <= len(words) <= MAX_PLACE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _date_at(text: str, pos: int, lang: str | None) -> tuple[dates.DateHit | None, tuple[int, int] | None, int]:
    hit = dates.date_at(text, pos, lang)
    if hit:
        return hit, None, hit.end
    partial = dates.day_month_at(text, pos, lang)
    if partial:
        return None, (partial[0], partial[1]), partial[2]
    return None, None, pos


def read_dateline(paragraph: str, lang: str | None = None) -> Dateline | None:
    """The dateline opening `paragraph`, or None when it does not open with one."""
    match = _PLACE.match(paragraph)
    if not match or not _place_shaped(match.group("place")):
        return None
    place, pos = match.group("place"), match.end()
    region = agency = None
    hit: dates.DateHit | None = None
    day_month: tuple[int, int] | None = None
    paren = False
    for _ in range(4):  # at most: region, date, parenthesis, another parenthesis
        comma = _COMMA.match(paragraph, pos)
        if comma and hit is None and day_month is None:
            found, partial, end = _date_at(paragraph, comma.end(), lang)
            if found or partial:
                hit, day_month, pos = found, partial, end
                continue
            reg = _REGION.match(paragraph, comma.end())
            if reg and region is None and _place_shaped(reg.group(0)):
                region, pos = reg.group(0), reg.end()
                continue
            return None
        bracket = _PAREN.match(paragraph, pos)
        if bracket:
            inner = bracket.group("inner").strip()
            if known_agency(inner) and agency is None:
                agency = inner
            elif region is None and _place_shaped(inner):
                region = inner
            paren, pos = True, bracket.end()
            continue
        break
    dash = _DASH.match(paragraph, pos)
    slashed = _SLASHED.match(paragraph, pos) if not dash else None
    if slashed and known_agency(slashed.group("agency").strip()):
        agency = agency or slashed.group("agency").strip()
        dash = slashed
    if not dash:
        return None
    if not (_shouted(place) or hit or day_month or paren):
        return None
    end = dash.end()
    if hit is None and day_month is None:  # AP style: 'DAKAR, Senegal (AP) - May 20, 2026 - '
        found, partial, after = _date_at(paragraph, end, lang)
        second = _DASH.match(paragraph, after) if (found or partial) else None
        if second:
            hit, day_month, end = found, partial, second.end()
    head, _, tail = place.partition("-")
    if agency is None and tail and known_agency(head):  # 'APA-Dakar (Sénégal) - '
        agency, place = head, tail
    if known_agency(place):
        return None  # 'AFP - ...': an outlet lead-in, not a place
    return Dateline(place, region, hit, day_month, agency, end)
