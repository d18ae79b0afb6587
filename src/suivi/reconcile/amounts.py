"""Sums of money in a sentence: "$55 billion", "55 milliards de dollars", "€150bn".

Why: the sum is the most specific word of a financial pledge and it reads the same in every
language. Two mentions stating the same sum with the same party are one pledge however
differently they are worded ("pledged $30 billion" / "the $30 billion would be delivered");
two stating only different sums are two pledges however alike they read ("150 milliards pour
l'Afrique" / "300 milliards dans le monde"). A later report's sum against the pledged one
tells fulfilled ("spent over $65 billion" of 55) from a part ("mobilisé 120 milliards" of 150).
The words are data (data/reconcile/amounts.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError


@dataclass(frozen=True)
class Amount:
    value: float  # in units of the currency
    currency: str | None  # ISO code, None when only a scale word says it is a sum
    start: int
    end: int

    def same_as(self, other: Amount) -> bool:
        """The same figure (within `same_within`), in the same currency when both are known."""
        if self.currency and other.currency and self.currency != other.currency:
            return False
        big = max(abs(self.value), abs(other.value))
        return big > 0 and abs(self.value - other.value) <= _lexicon().same_within * big

    def key(self) -> str:
        """A blocking key: currency and value to three significant digits."""
        return f"amount:{self.currency or '?'}:{float(f'{self.value:.3g}'):g}"


@dataclass(frozen=True)
class _Lexicon:
    patterns: dict[str, re.Pattern[str]]
    scales: dict[str, dict[str, float]]
    short: frozenset[str]
    symbols: dict[str, str]
    words: dict[str, str]
    numbers: dict[str, dict[str, int]]
    same_within: float


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
    data = read_data_yaml("reconcile/amounts.yaml")
    try:
        scales = {lang: {str(k).lower(): float(v) for k, v in table.items()} for lang, table in data["scales"].items()}
        symbols = {str(k).lower(): str(v) for k, v in data["currencies"]["symbols"].items()}
        words = {str(k).lower(): str(v) for k, v in data["currencies"]["words"].items()}
        numbers = {lang: {str(k).lower(): int(v) for k, v in t.items()} for lang, t in data["number_words"].items()}
        short = frozenset(str(s).lower() for s in data["short_scales"])
        same_within = float(data["same_within"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"reconcile/amounts.yaml: malformed ({exc})") from exc
    patterns = {}
    sym = _alternation(list(symbols))
    cur = _alternation(list(words))
    for lang in scales:
        scale = _alternation(list(scales[lang]))
        spelled = _alternation(list(numbers.get(lang, {})))
        number = r"\d{1,3}(?:[  \u202f]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
        if spelled:
            number += rf"|\b(?:{spelled})\b"
        patterns[lang] = re.compile(
            rf"(?:(?P<sym>{sym})\s?|\b(?P<pre>{cur})\s)?"
            rf"(?P<num>{number})"
            rf"(?:(?P<glued>[a-z]{{1,2}})\b|\s?(?P<scale>\b(?:{scale}))\b)?"
            rf"(?:\s(?:de\s|d['’]|of\s)?(?P<cur>\b(?:{cur}))\b)?",
            re.IGNORECASE,
        )
    return _Lexicon(patterns, scales, short, symbols, words, numbers, same_within)


def _number(text: str, lang: str, spelled: dict[str, int]) -> float | None:
    raw = text.lower().strip()
    if raw in spelled:
        return float(spelled[raw])
    raw = re.sub(r"[  \u202f]", "", raw)
    groups = re.split(r"[.,]", raw)
    if len(groups) == 1:
        return float(raw)
    seps = re.findall(r"[.,]", raw)
    last = groups[-1]
    if len(groups) > 2 and len(set(seps)) == 1:
        return float("".join(groups))  # 1,234,567 / 1.234.567
    if len(groups) > 2:
        return float("".join(groups[:-1]) + "." + last)  # 1,234.5 / 1.234,5
    # one separator: three digits after it is a thousands group in English with ",", in
    # French with "."; otherwise a decimal comma or point
    thousands = len(last) == 3 and ((seps[0] == "," and lang != "fr") or (seps[0] == "." and lang == "fr"))
    return float(groups[0] + last) if thousands else float(groups[0] + "." + last)


def amounts(text: str, lang: str | None = "en") -> list[Amount]:
    """Every sum of money in the text, in order."""
    lex = _lexicon()
    code = (lang or "en")[:2].lower()
    code = code if code in lex.patterns else "en"
    scales = lex.scales[code]
    spelled = lex.numbers.get(code, {})
    out = []
    for m in lex.patterns[code].finditer(text):
        scale_word = (m.group("scale") or "").lower()
        glued = (m.group("glued") or "").lower()
        symbol = (m.group("sym") or "").lower()
        if scale_word in lex.short and not (symbol or m.group("pre")):
            scale_word = ""  # "5 m" alone is metres, not millions
        if glued:
            if glued not in lex.short or glued not in scales:
                continue  # "5km", "3rd": not a sum
            scale_word = glued
        currency = (
            lex.symbols.get(symbol)
            or lex.words.get((m.group("pre") or "").lower())
            or lex.words.get((m.group("cur") or "").lower())
        )
        if not currency and not scale_word:
            continue
        if not currency and scales.get(scale_word, 1.0) < 1.0e6:
            continue  # "300 000" or "5 thousand": a count unless a currency says otherwise
        try:
            number = _number(m.group("num"), code, spelled)
        except ValueError:
            continue
        if number is None:
            continue
        out.append(Amount(number * scales.get(scale_word, 1.0), currency, m.start(), m.end()))
    return out


def shared(a: list[Amount], b: list[Amount]) -> bool:
    """Some sum of one is a sum of the other."""
    return any(x.same_as(y) for x in a for y in b)
