"""The gazetteer: states, capitals, regions, alliances, bodies and outlets, as data.

Why a gazetteer beside spaCy: the statistical NER misses or mislabels exactly the actors that
matter here (AES, CNSP, "malien", "burkinabè", Wagner labelled PER), and English is read with
no NER at all. Surface forms come from data/gazetteer/*.yaml; matching is one pass over the
text's words with a dictionary of folded word tuples (longest match first), so it costs
the same for 10 or 10,000 names. Matching is case-aware: an acronym written in capitals in
the data ("UN", "AES") only matches in capitals, a capitalised name needs a capital letter,
a lowercase adjective ("malien") matches in any case.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from suivi.errors import DataFileError
from suivi.read.datafiles import (
    expect_keys,
    expect_mapping,
    expect_str,
    expect_str_list,
    load_yaml,
)
from suivi.read.textnorm import WORD, fold, slug

KINDS = ("person", "organization", "state", "alliance", "place")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ORG_KEY = re.compile(r"^[A-Z0-9_]{2,20}$")
_GAP = re.compile(r"^(?:[ \t]{1,2}|[ \t]?[-–'’/][ \t]?|\.)$")  # "/": one body with two acronyms ("AFC/M23")
SCANS_KEPT = 512
"""Texts whose matches `Gazetteer.matches` remembers: the repeats come within one article's
reading and extraction, so a few articles' worth is enough (and bounds the memory)."""


@dataclass(frozen=True)
class ActorRef:
    """A canonical actor. `key` is stable across articles and runs (docs/ARCHITECTURE.md)."""

    key: str
    kind: str
    name: str
    code: str | None = None
    name_en: str | None = None
    sub: str | None = None  # capital | region | city | body | outlet | junta | armed_group ...
    state: str | None = None  # the state a place or organisation belongs to
    members: tuple[str, ...] = field(default=())
    # a place that stands for the bodies seated there ("Brussels" for the EU): `state` stays
    # the state it lies in, and this lists the bodies, so extraction can read "Brussels and
    # Nouakchott signed" as the EU, not Belgium, when one of those bodies is in the story
    seat_of: tuple[str, ...] = field(default=())

    @property
    def is_outlet(self) -> bool:
        return self.sub == "outlet"

    @property
    def is_seat(self) -> bool:
        """A place used for the institutions seated there (see `seat_of`)."""
        return bool(self.seat_of)


class GazMatch(NamedTuple):
    start: int
    end: int
    ref: ActorRef
    form: str  # name | alias | adjective


@dataclass(frozen=True)
class _Surface:
    words: tuple[str, ...]  # the surface's words as written in the data (for case checks)
    ref: ActorRef
    form: str
    priority: int  # lower wins when two entries share a folded surface


def _case_ok(data_word: str, text_word: str, tail: bool = False) -> bool:
    """The text word's case is compatible with the data word's case.

    `tail`: a later word of a name whose first word is capitalised, which writers often leave
    in lower case ("la Corée du sud", "Burkina faso"); the capitalised head keeps it a name.
    """
    if tail and text_word.islower() and data_word[:1].isupper() and not any(c.isupper() for c in data_word[1:]):
        return True
    if len(data_word) > 1 and data_word.isupper():
        return text_word.isupper()
    if any(c.isupper() for c in data_word[1:]):  # FAMa, TV5Monde, aBamako: mixed case
        return text_word == data_word or text_word.isupper()
    if data_word[:1].isupper():
        return text_word[:1].isupper()
    return True


class Gazetteer:
    """Lookup of names, aliases, demonyms and adjectives; see module docstring."""

    def __init__(self, surfaces: list[_Surface], not_within: dict[str, list[tuple[str, ...]]] | None = None,
                 currencies: frozenset[str] = frozenset()) -> None:
        self._index: dict[tuple[str, ...], list[_Surface]] = {}
        self._currencies = currencies  # folded currency names (data: gazetteer/currencies.yaml)
        # actor key -> longer names of other bodies its forms may sit in ("National Security
        # Council" holds the UN's "Security Council"): a form inside one of them is not the actor
        self._not_within = not_within or {}
        for s in surfaces:
            key = tuple(fold(w) for w in s.words)
            self._index.setdefault(key, []).append(s)
        for lst in self._index.values():
            lst.sort(key=lambda s: s.priority)
        self._max_len: dict[str, int] = {}
        for key in self._index:
            self._max_len[key[0]] = max(self._max_len.get(key[0], 0), len(key))
        self.refs: dict[str, ActorRef] = {}
        self._names: dict[str, list[str]] | None = None
        self._scans = lru_cache(maxsize=SCANS_KEPT)(self._scan)
        for s in surfaces:
            self.refs.setdefault(s.ref.key, s.ref)

    # -- lookups -------------------------------------------------------------------------
    def get(self, key: str) -> ActorRef | None:
        """The actor with this canonical key ("RUS", "AES", "place:moscou")."""
        return self.refs.get(key)

    def resolve(self, surface: str) -> ActorRef | None:
        """The actor a name, alias, demonym or adjective denotes ("malien" -> MLI, "Moscou" -> place)."""
        hit = self.lookup(surface)
        return hit[0] if hit else None

    def lookup(self, surface: str) -> tuple[ActorRef, str] | None:
        """Like resolve, also saying which form matched (name | alias | adjective)."""
        words = [m.group() for m in WORD.finditer(surface)]
        for drop in (0, 1, 2):  # tolerate a leading article: "le Mali", "l'AES", "the UN"
            if drop and (not words or fold(words[0]) not in _DETERMINERS):
                break
            if drop:
                words = words[1:]
            found = self._match_words(words)
            if found is not None:
                return found.ref, found.form
        return None

    def _match_words(self, words: list[str]) -> _Surface | None:
        for s in self._index.get(tuple(fold(w) for w in words), ()):
            if all(_case_ok(d, t) for d, t in zip(s.words, words, strict=True)):
                return s
        return None

    def state_of(self, surface: str) -> str | None:
        """The state code a demonym, adjective, state name, capital or national body points to."""
        ref = self.resolve(surface)
        if ref is None:
            return None
        if ref.kind == "state":
            return ref.code
        return ref.state

    def find_all(self, text: str) -> list[tuple[int, int, ActorRef]]:
        """Every gazetteer match in `text`, longest first, left to right, never overlapping."""
        return [(m.start, m.end, m.ref) for m in self.matches(text)]

    def short_name_owners(self, text: str, found: list[tuple[int, int, ActorRef]] | None = None) -> dict[str, str]:
        """State key -> state key, for a state an article names only by a short name that
        another state it names in full contains: "Congo" in a report on the "Democratic Republic
        of Congo" is that republic, not Brazzaville's (whose French name is "Congo"). Not when
        the short name is the state's own English name ("Sudan" beside "South Sudan"), nor when
        the article names it otherwise too ("Congo-Brazzaville", "Brazzaville")."""
        found = self.find_all(text) if found is None else found
        forms: dict[str, set[str]] = {}
        refs: dict[str, ActorRef] = {}
        for s, e, ref in found:
            if ref.kind == "state":
                forms.setdefault(ref.key, set()).add(fold(text[s:e]))
                refs[ref.key] = ref
        out: dict[str, str] = {}
        for key, named in forms.items():
            if len(named) != 1 or fold(refs[key].name_en or "") in named:
                continue
            (short,) = named
            word = re.compile(rf"\b{re.escape(short)}\b")
            owner = next((other for other, theirs in forms.items()
                          if other != key and any(word.search(f) for f in theirs)), None)
            if owner is not None:
                out[key] = owner
        return out

    def matches(self, text: str) -> list[GazMatch]:
        """find_all with the matched form, for callers that treat adjectives differently.

        The last texts scanned are remembered (the gazetteer never changes once loaded, so a
        text always gives the same matches): reading and extraction scan the same texts again
        and again, the whole article four times (actors, extraction's context, its parties and
        receivers) and each clause once per party lookup in it, about 60% of all scans."""
        return list(self._scans(text))

    def _scan(self, text: str) -> tuple[GazMatch, ...]:
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        folded = [fold(t[2]) for t in toks]
        out: list[GazMatch] = []
        i, n = 0, len(toks)
        while i < n:
            longest = self._max_len.get(folded[i], 0)
            hit = None
            for length in range(min(longest, n - i), 0, -1):
                j = i + length
                if any(not _GAP.match(text[toks[k][1]:toks[k + 1][0]]) for k in range(i, j - 1)):
                    continue
                for s in self._index.get(tuple(folded[i:j]), ()):
                    if all(_case_ok(d, toks[i + k][2], tail=k > 0 and s.words[0][:1].isupper())
                           for k, d in enumerate(s.words)):
                        hit = (j, s)
                        break
                if hit:
                    break
            if hit and (text[toks[hit[0] - 1][1]:toks[hit[0] - 1][1] + 1] == "$"
                        or _SPACED_DOLLAR.match(text, toks[hit[0] - 1][1])):
                # "US$50 billion", "C$ 3 million", "US $ 600 million": a currency, not the state
                # ("the US $55 billion pledge", the sign against its figure, is the state's)
                hit = None
            if hit and self._currencies and _names_currency(folded, i, hit[0], hit[1], self._currencies):
                hit = None  # "dollars américains", "U.S. dollars": a currency, not the state
            longer = self._not_within.get(hit[1].ref.key) if hit else None
            if longer and _inside(folded, i, hit[0], longer):
                hit = None  # "National Security Council": another body than the UN's Council
            if hit:
                j, s = hit
                out.append(GazMatch(toks[i][0], toks[j - 1][1], s.ref, s.form))
                i = j
            else:
                i += 1
        return tuple(out)

    def outlets(self) -> list[ActorRef]:
        return [r for r in self.refs.values() if r.is_outlet]

    def names_of(self, key: str) -> list[str]:
        """Every surface form known for an actor (for display and evaluation)."""
        if self._names is None:  # built once: a scan of the whole index per call is slow
            names: dict[str, list[str]] = {}
            for lst in self._index.values():
                for s in lst:
                    if s.form != "adjective":
                        seen = names.setdefault(s.ref.key, [])
                        name = _join(s.words)
                        if name not in seen:
                            seen.append(name)
            self._names = names
        return list(self._names.get(key, []))


_DETERMINERS = {"le", "la", "les", "l", "the", "du", "de", "des", "d", "au", "aux"}
_SPACED_DOLLAR = re.compile(r"\s+\$\s+\d")


def _names_currency(folded: list[str], i: int, j: int, surface: _Surface, currencies: frozenset[str]) -> bool:
    """A state's adjective or short name (not its full name) right after or before a currency
    name: "dollars américains", "US dollars", "Saudi riyals"."""
    if surface.ref.kind != "state" or surface.form == "name":
        return False
    return (j < len(folded) and folded[j] in currencies) or (i > 0 and folded[i - 1] in currencies)


def _inside(folded: list[str], i: int, j: int, names: list[tuple[str, ...]]) -> bool:
    """Whether words i..j-1 sit inside one of `names` written around them."""
    for name in names:
        n = len(name)
        for start in range(max(0, j - n), i + 1):
            if start + n >= j and tuple(folded[start:start + n]) == name:
                return True
    return False


def _join(words: tuple[str, ...]) -> str:
    return " ".join(words)


def _words(surface: str) -> tuple[str, ...]:
    words = tuple(m.group() for m in WORD.finditer(surface))
    if not words:
        raise DataFileError(f"gazetteer: surface {surface!r} has no word")
    return words


# -- loading -----------------------------------------------------------------------------

_STATE_FIELDS = {"fr", "en", "aliases", "adj_fr", "adj_en", "capital"}
_ORG_FIELDS = {"kind", "sub", "fr", "en", "aliases", "adj_fr", "adj_en", "members", "state", "not_within"}
_PLACE_FIELDS = {"fr", "en", "aliases", "adj_fr", "adj_en", "state", "seat_of"}


_ACRONYM = re.compile(r"^[A-Z]{2,4}$")


def _add(out: list[_Surface], ref: ActorRef, names: list[str], form: str, priority: int) -> None:
    for name in names:
        out.append(_Surface(_words(name), ref, form, priority))
        if form == "alias" and _ACRONYM.match(name):
            # "UK" is also written "U.K.", "UN" "U.N.", "EU" "E.U." (English outlets' style)
            out.append(_Surface(tuple(name), ref, form, priority))


def _load_states(out: list[_Surface]) -> set[str]:
    data = expect_mapping(load_yaml("gazetteer/states.yaml", "states"), "states.yaml: states")
    codes: set[str] = set()
    for code, entry in data.items():
        where = f"gazetteer/states.yaml: {code}"
        if not isinstance(code, str) or not _ISO3.match(code):
            raise DataFileError(f"{where}: a state key must be an ISO 3166-1 alpha-3 code")
        entry = expect_mapping(entry, where)
        expect_keys(entry, _STATE_FIELDS, where)
        fr, en = expect_str(entry.get("fr"), where + ".fr"), expect_str(entry.get("en"), where + ".en")
        ref = ActorRef(code, "state", fr, code, en)
        _add(out, ref, [fr, en], "name", 0)
        _add(out, ref, expect_str_list(entry.get("aliases"), where + ".aliases"), "alias", 1)
        adjs = expect_str_list(entry.get("adj_fr"), where + ".adj_fr")
        adjs += expect_str_list(entry.get("adj_en"), where + ".adj_en")
        _add(out, ref, adjs, "adjective", 4)
        cap = entry.get("capital")
        if cap is not None:
            cap = expect_mapping(cap, where + ".capital")
            expect_keys(cap, {"fr", "en", "aliases", "seat_of"}, where + ".capital")
            cfr = expect_str(cap.get("fr"), where + ".capital.fr")
            cen = expect_str(cap.get("en"), where + ".capital.en")
            seats = tuple(expect_str_list(cap.get("seat_of"), where + ".capital.seat_of"))
            cref = ActorRef(f"place:{slug(cen)}", "place", cfr, None, cen, "capital", code, (), seats)
            _add(out, cref, [cfr, cen], "name", 2)
            _add(out, cref, expect_str_list(cap.get("aliases"), where + ".capital.aliases"), "alias", 2)
        codes.add(code)
    return codes


def _load_organizations(out: list[_Surface], states: set[str], not_within: dict[str, list[tuple[str, ...]]]) -> None:
    data = expect_mapping(load_yaml("gazetteer/organizations.yaml", "organizations"), "organizations.yaml")
    for key, entry in data.items():
        where = f"gazetteer/organizations.yaml: {key}"
        if not isinstance(key, str) or not _ORG_KEY.match(key):
            raise DataFileError(f"{where}: an organisation key must be an upper-case code")
        entry = expect_mapping(entry, where)
        expect_keys(entry, _ORG_FIELDS, where)
        kind = entry.get("kind", "organization")
        if kind not in ("organization", "alliance"):
            raise DataFileError(f"{where}: kind must be organization or alliance, not {kind!r}")
        members = tuple(expect_str_list(entry.get("members"), where + ".members"))
        state = entry.get("state")
        for code in (*members, *([state] if state else [])):
            if code not in states:
                raise DataFileError(f"{where}: unknown state code {code!r}")
        fr, en = expect_str(entry.get("fr"), where + ".fr"), expect_str(entry.get("en"), where + ".en")
        ref = ActorRef(key, kind, fr, key, en, entry.get("sub"), state, members)
        _add(out, ref, [fr, en], "name", 1)
        _add(out, ref, expect_str_list(entry.get("aliases"), where + ".aliases"), "alias", 1)
        adjs = expect_str_list(entry.get("adj_fr"), where + ".adj_fr")
        adjs += expect_str_list(entry.get("adj_en"), where + ".adj_en")
        _add(out, ref, adjs, "adjective", 5)
        others = expect_str_list(entry.get("not_within"), where + ".not_within")
        if others:
            not_within[key] = [tuple(fold(w) for w in _words(name)) for name in others]


def _load_places(out: list[_Surface], states: set[str]) -> None:
    data = expect_mapping(load_yaml("gazetteer/places.yaml", "places"), "places.yaml")
    for key, entry in data.items():
        where = f"gazetteer/places.yaml: {key}"
        entry = expect_mapping(entry, where)
        expect_keys(entry, _PLACE_FIELDS, where)
        state = entry.get("state")
        if state is not None and state not in states:
            raise DataFileError(f"{where}: unknown state code {state!r}")
        fr, en = expect_str(entry.get("fr"), where + ".fr"), expect_str(entry.get("en"), where + ".en")
        seats = tuple(expect_str_list(entry.get("seat_of"), where + ".seat_of"))
        ref = ActorRef(f"place:{slug(str(key))}", "place", fr, None, en, "city" if state else "region", state,
                       (), seats)
        _add(out, ref, [fr, en], "name", 3)
        _add(out, ref, expect_str_list(entry.get("aliases"), where + ".aliases"), "alias", 3)
        adjs = expect_str_list(entry.get("adj_fr"), where + ".adj_fr")
        adjs += expect_str_list(entry.get("adj_en"), where + ".adj_en")
        _add(out, ref, adjs, "adjective", 6)


def load_gazetteer() -> Gazetteer:
    """Build a gazetteer from the shipped data files (raises DataFileError when malformed)."""
    surfaces: list[_Surface] = []
    not_within: dict[str, list[tuple[str, ...]]] = {}
    states = _load_states(surfaces)
    _load_organizations(surfaces, states, not_within)
    _load_places(surfaces, states)
    currencies = frozenset(fold(w) for w in expect_str_list(
        load_yaml("gazetteer/currencies.yaml", "currencies"), "gazetteer/currencies.yaml: currencies"))
    known = {s.ref.key for s in surfaces if s.ref.kind in ("organization", "alliance")}
    for s in surfaces:
        unknown = [c for c in s.ref.seat_of if c not in known]
        if unknown:
            raise DataFileError(f"gazetteer: {s.ref.key}: seat_of names unknown bodies {unknown}")
    return Gazetteer(surfaces, not_within, currencies)


_lock = threading.Lock()
_cached: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                _cached = load_gazetteer()
    return _cached
