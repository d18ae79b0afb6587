"""The quantity a pledge states: a sum of money with its currency, or a count of things.

Why: follow-up must read "120 of 300 schools built" or "EUR 120 billion already mobilised"
against the pledge, so the pledge keeps its number, its unit and the phrase it came from.
Words (currencies, multipliers, number words, qualifiers) are data:
data/cues/quantities.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError

_PATH = "data/cues/quantities.yaml"


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text; `start`/`end` are offsets in that text."""

    value: float
    unit: str  # ISO 4217 code for money, the counted noun for a count
    kind: str  # money | count
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class _Lexicon:
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    count: re.Pattern[str]
    figure: re.Pattern[str]
    symbols: dict[str, str]
    words: dict[str, str]
    multipliers: dict[str, float]
    numbers: dict[str, int]
    rejects: frozenset[str]
    figure_links: frozenset[str]
    after_figure: re.Pattern[str]  # text ending with a figure, a currency or a scale word
    money_nouns: frozenset[str] = frozenset()  # "1,8 milliard d'investissements": what money buys


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _mapping(data: dict[str, Any], key: str, kind: type) -> dict[str, Any]:
    raw = data.get(key)
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(f"{_PATH}: '{key}' must be a non-empty mapping")
    out = {}
    for k, v in raw.items():
        if not isinstance(v, kind) or isinstance(v, bool):
            raise DataFileError(f"{_PATH}: '{key}.{k}' must be a {kind.__name__}")
        out[str(k).lower()] = v
    return out


@cache
def _lexicon() -> _Lexicon:
    data = read_data_yaml("cues/quantities.yaml")
    if not isinstance(data, dict):
        raise DataFileError(f"{_PATH}: top level must be a mapping")
    symbols = {k: str(v) for k, v in _mapping(data, "currency_symbols", str).items()}
    words = {k: str(v) for k, v in _mapping(data, "currency_words", str).items()}
    multipliers = {k: float(v) for k, v in _mapping(data, "multipliers", int).items()}
    numbers = _mapping(data, "number_words", int)
    quals = data.get("qualifiers") or []
    rejects = data.get("count_rejects") or []
    if not all(isinstance(q, str) for q in quals) or not all(isinstance(r, str) for r in rejects):
        raise DataFileError(f"{_PATH}: 'qualifiers' and 'count_rejects' must be lists of strings")
    digits = r"\d{1,3}(?:[  ,.]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    # not the tail of "1, 5" ("1,5" typed with a space), but after a year's comma ("fin 2024, 1,8 milliard")
    number = rf"(?<![\w\-/])(?<!(?<!\d{{3}})\d[,.]\s)(?P<num>{digits}|(?:{_alt(list(numbers))})(?![\w-]))"
    qual = rf"(?:(?P<qual>{_alt(quals)})\s+)?" if quals else ""
    mult = rf"(?:\s?(?P<mult>{_alt(list(multipliers))})(?![\w]))?"
    before = re.compile(
        rf"{qual}(?P<cur>{_alt(list(symbols))})\s?{number}{mult}", re.IGNORECASE
    )
    after = re.compile(
        rf"{qual}{number}{mult}\s+(?:de\s+|d['’]\s*)?(?P<cur>{_alt(list(words))})(?![\w])", re.IGNORECASE
    )
    count = re.compile(
        rf"{qual}{number}{mult}\s+(?P<what>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*)?)", re.IGNORECASE
    )
    figure = re.compile(rf"{number}{mult}", re.IGNORECASE)
    links = data.get("figure_links") or []
    if not all(isinstance(w, str) for w in links):
        raise DataFileError(f"{_PATH}: 'figure_links' must be a list of strings")
    after_figure = re.compile(rf"(?:\d|(?:{_alt(list(symbols))})|(?<![\w])(?:{_alt([*words, *multipliers])}))\s*$",
                              re.IGNORECASE)
    money_nouns = data.get("money_nouns") or []
    if not all(isinstance(w, str) for w in money_nouns):
        raise DataFileError(f"{_PATH}: 'money_nouns' must be a list of strings")
    return _Lexicon(before, after, count, figure, symbols, words, multipliers, numbers,
                    frozenset(r.lower() for r in rejects), frozenset(w.lower() for w in links), after_figure,
                    frozenset(w.lower() for w in money_nouns))


def _number(raw: str, lex: _Lexicon) -> float | None:
    word = raw.lower()
    if word in lex.numbers:
        return float(lex.numbers[word])
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d+)?", s):
        head = re.match(r"\d{1,3}(?:[ ,.]\d{3})+", s)
        assert head is not None
        whole = re.sub(r"[ ,.]", "", head.group(0))
        frac = s[head.end():]
        return float(whole + ("." + frac[1:] if frac else ""))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def _value(m: re.Match[str], lex: _Lexicon) -> float | None:
    n = _number(m.group("num"), lex)
    if n is None:
        return None
    mult = (m.group("mult") or "").lower()
    return round(n * lex.multipliers.get(mult, 1.0), 4)


def _in_parentheses(text: str, start: int) -> bool:
    """"$100 million ($75.89 million)": a conversion, not a second sum. A parenthesis after a
    name is that party's sum ("l'Allemagne (100 millions de dollars), l'Italie (...)")."""
    opened = text.rfind("(", 0, start)
    if not (opened >= 0 and text.find(")", opened) >= start and text.count(")", opened, start) == 0):
        return False
    before = text[:opened]
    return not before.strip() or bool(_lexicon().after_figure.search(before))


# a figure followed by a noun names a count ("2 million people"), unless the word says the part is paid
_NAMED_AFTER = re.compile(r"\s*(?:de\s+|d['’]\s*|of\s+)?(?!(?:paid|versée?s?|disbursed|due|sera|will)\b)[^\W\d_]")
# what opens a part of the sum just told, right before a bare scaled figure
_PART_OPENING = re.compile(r"^[^.;:]{0,30}?\b(?:including|of\s+which|dont|y\s+compris)\s+$", re.IGNORECASE)


def carried_sums(text: str, found: list[Quantity]) -> list[Quantity]:
    """Bare scaled figures between two sums of one currency, as sums of it: in "the United
    Kingdom $75.89 million, the United States 17.5 million and Japan $10 million" the list's
    currency is left out once. Only a figure with its scale word ("17.5 million"), never a
    plain number, and only inside the list (a sum before and after it)."""
    lex = _lexicon()
    money = [q for q in found if q.kind == "money"]
    out: list[Quantity] = []
    for m in lex.figure.finditer(text):
        if not m.group("mult") or any(q.start < m.end() and m.start() < q.end for q in money):
            continue
        before = [q for q in money if q.end <= m.start()]
        after = [q for q in money if q.start >= m.end()]
        noun = re.match(r"\s*(?:de\s+|d['’]\s*|of\s+|in\s+)?([^\W\d_]+)", text[m.end():])
        if (before and noun is not None and noun.group(1).lower() in lex.money_nouns
                and not re.search(r"[.!?]\s+[A-Z]", text[before[-1].end:m.start()])):  # the same sentence
            # "cinq milliards d'euros de prêts, 1,8 milliard d'investissements, 400 millions d'aide":
            # the currency said at the list's head, each figure naming what the money is for
            value = _value(m, lex)
            if value is not None:
                out.append(Quantity(value, before[-1].unit, "money", m.group(0), m.start(), m.end()))
            continue
        if (before and m.group("mult") and _PART_OPENING.search(text[before[-1].end:m.start()])
                and not re.match(_NAMED_AFTER, text[m.end():])):
            # "5 billion euros in loans including one billion paid before the end of 2024", « cinq
            # milliards d'euros de prêts, dont un milliard sera versé »: a part of the sum, in its currency
            value = _value(m, lex)
            if value is not None:
                out.append(Quantity(value, before[-1].unit, "money", m.group(0), m.start(), m.end()))
            continue
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        if not before or not after or before[-1].unit != after[0].unit:
            continue
        if re.match(r"\s*(?!(?:and|et|or|ou)\b)(?:de\s+|d['’]\s*|of\s+)?[^\W\d_]", text[m.end():]):
            continue  # "17.5 million people": a count
        value = _value(m, lex)
        if value is not None:
            out.append(Quantity(value, before[-1].unit, "money", m.group(0), m.start(), m.end()))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every sum of money and count in `text`, in order, non-overlapping; money first on ties.

    Remembered for the last texts: extraction asks it of a sentence, of its statement and
    of the statement's act in turn, and the money patterns are long alternations."""
    return list(_find_quantities(text))


@lru_cache(maxsize=512)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    lex = _lexicon()
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for pattern, key in ((lex.money_before, "symbols"), (lex.money_after, "words")):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()) or _in_parentheses(text, m.start()):
                continue
            value = _value(m, lex)
            if value is None:
                continue
            table = lex.symbols if key == "symbols" else lex.words
            cur = m.group("cur")
            code = table.get(cur.lower()) or table.get(cur) or table.get(re.sub(r"\s+", " ", cur.lower()))
            if code is None:
                continue
            found.append(Quantity(value, code, "money", m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in lex.count.finditer(text):
        if not free(m.start(), m.end()) or _in_parentheses(text, m.start()):
            continue
        what = m.group("what").lower()
        first = what.split()[0]
        if first in lex.rejects or re.fullmatch(r"\d{4}", m.group("num")):  # a year is no count
            continue
        value = _value(m, lex)
        if value is None or value < 2 and not m.group("mult"):
            continue
        words = what.split()
        unit = words[0] if len(words) == 1 or words[1] in lex.rejects else what
        end = m.start("what") + len(unit)
        found.append(Quantity(value, unit, "count", text[m.start():end], m.start(), end))
        taken.append((m.start(), end))
    found.sort(key=lambda q: q.start)
    return tuple(found)


def states_sum(text: str) -> bool:
    """A sum of money, or a figure in millions or more whose currency the sentence leaves to
    the context ("dont un milliard sera versé", "1.8 billion in investments"): what makes a
    passive of giving or an agreement's contents a pledge of money."""
    if any(q.kind == "money" for q in find_quantities(text)):
        return True
    lex = _lexicon()
    for m in lex.figure.finditer(text):
        if lex.multipliers.get((m.group("mult") or "").lower(), 0.0) < 1e6:
            continue
        after = re.match(r"\s*([^\W\d_]+)", text[m.end():])
        if after is None or after.group(1).lower() in lex.figure_links:  # not "2 million people": a count
            return True
    return False


def main_quantity(text: str, prefer: tuple[int, int] | None = None) -> Quantity | None:
    """The pledge's quantity: a sum of money before a count, the first in the acting phrase
    (`prefer`, offsets in `text`) before the first elsewhere."""
    found = find_quantities(text)
    if not found:
        return None

    def rank(q: Quantity) -> tuple[int, int, int]:
        inside = prefer is not None and prefer[0] <= q.start and q.end <= prefer[1]
        return (0 if inside else 1, 0 if q.kind == "money" else 1, q.start)

    return min(found, key=rank)
