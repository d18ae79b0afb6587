"""Person names: cleaning, comparison and canonicalisation within and across articles.

Why rules and not string equality: the press writes one person many ways ("M. Lavrov",
"Sergueï Lavrov", "Sergey Lavrov", "Lavrov"; "Jean-Marie" / "Jean Marie"). Two names are
one person when their surnames agree (exactly, or through transliteration: same consonant
skeleton and a close fuzzy ratio) and their first names do not contradict (each given name
of the shorter form is equal, an initial, or a transliteration of one of the other's).
Different people sharing a surname stay apart because their first names contradict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz.fuzz import ratio

from suivi.read.textnorm import fold, slug

_VOWELS = re.compile(r"[aeiouy]")
_REPEAT = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """A transliteration-tolerant form: first letter + consonants ("serguei", "sergey" -> "srg")."""
    w = fold(word).replace("h", "").replace("k", "c").replace("ff", "v").replace("w", "v")
    if not w:
        return ""
    return _REPEAT.sub(r"\1", w[0] + _VOWELS.sub("", w[1:]))


def _word_match(a: str, b: str) -> bool:
    """Two folded name words are the same word, possibly transliterated."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    return skeleton(a) == skeleton(b) and ratio(a, b) >= 70


def _initial_of(a: str, b: str) -> bool:
    """`a` is an initial ("k", "k.") of `b`."""
    a = a.rstrip(".")
    return len(a) == 1 and b[:1] == a


def _given_match(a: str, b: str) -> bool:
    return _word_match(a, b) or _initial_of(a, b) or _initial_of(b, a)


@dataclass(frozen=True)
class Name:
    """A cleaned person name: its words as written and folded."""

    words: tuple[str, ...]
    raw: str = ""  # the name as written ("Jean-Marie" keeps its hyphen)

    @cached_property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(w).rstrip(".") for w in self.words)

    @property
    def surname(self) -> str:
        return self.folded[-1]

    @property
    def given(self) -> tuple[str, ...]:
        return self.folded[:-1]

    @property
    def text(self) -> str:
        return self.raw or " ".join(self.words)

    @property
    def is_full(self) -> bool:
        return len(self.words) >= 2 and len(self.folded[0]) > 1

    def key(self) -> str:
        return "person:" + slug(self.text)


def split_name(text: str) -> Name:
    """Words of a name; hyphenated given names split like spaces so "Jean-Marie" = "Jean Marie"."""
    raw = " ".join(text.split())
    return Name(tuple(w for w in re.split(r"[\s\-‐]+", raw) if w), raw)


def same_person(a: Name, b: Name) -> bool:
    """Surnames agree and given names do not contradict (see module docstring)."""
    if not _word_match(a.surname, b.surname):
        return False
    short, long_ = (a.given, b.given) if len(a.given) <= len(b.given) else (b.given, a.given)
    return all(any(_given_match(s, g) for g in long_) for s in short)


def surname_of(word: str, name: Name) -> bool:
    """A bare word denotes this full name: it is its surname (possibly transliterated)."""
    return _word_match(fold(word).rstrip("."), name.surname)


def better(a: Name, b: Name) -> Name:
    """The better display name of two forms of one person: more words, then longer, then accents."""
    def score(n: Name) -> tuple[int, int, int]:
        return (len(n.words), len(n.text), sum(1 for c in n.text if ord(c) > 127))

    return a if score(a) >= score(b) else b


@dataclass
class KnownPerson:
    key: str
    name: Name
    aliases: list[str] = field(default_factory=list)


class PersonIndex:
    """Persons already known to the store, matched by surname (cross-article canonicalisation)."""

    def __init__(self) -> None:
        self._by_skeleton: dict[str, list[KnownPerson]] = {}
        self.by_key: dict[str, KnownPerson] = {}

    def add(self, key: str, name: str, aliases: list[str] | None = None) -> KnownPerson:
        person = KnownPerson(key, split_name(name), list(aliases or []))
        self.by_key[key] = person
        self._by_skeleton.setdefault(skeleton(person.name.surname), []).append(person)
        return person

    def candidates(self, name: Name) -> list[KnownPerson]:
        """Known persons this name may denote. A full name is compared with the known full
        forms only: "Jill Biden" is not "Joe Biden" because "Biden" is among his aliases."""
        out = []
        for p in self._by_skeleton.get(skeleton(name.surname), []):
            forms = [p.name, *(split_name(a) for a in p.aliases)]
            if name.is_full and p.name.is_full:
                forms = [f for f in forms if f.is_full]
            if any(same_person(name, f) for f in forms if f.words):
                out.append(p)
        return out

    def match(self, name: Name) -> KnownPerson | None:
        """The one known person this name denotes; None when unknown or ambiguous."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if len(found) > 1 and name.is_full:
            exact = [p for p in found if p.name.folded == name.folded]
            return exact[0] if len(exact) == 1 else None
        return None

    def update(self, key: str, name: Name, surfaces: list[str]) -> KnownPerson:
        person = self.by_key[key]
        person.name = better(person.name, name)
        for s in surfaces:
            if s not in person.aliases:
                person.aliases.append(s)
        return person
