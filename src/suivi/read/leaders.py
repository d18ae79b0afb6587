"""Office holders an article names without saying whom they serve (data/gazetteer/persons.yaml).

Why: "President Joe Biden arrived in Luanda" never says "American"; without the state a
pledge he makes has no agent and is lost. A person of the article whose role the text ties
to no state, and whose name is listed, serves the state or body the table gives. The text
still wins: a role stated in the article ("the former US envoy") is never overridden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from suivi.errors import DataFileError
from suivi.read.datafiles import expect_keys, expect_mapping, expect_str, expect_str_list, load_yaml
from suivi.read.textnorm import fold

_FIELDS = {"serves", "role", "names", "alone"}


@dataclass(frozen=True)
class Leader:
    serves: str
    role: str
    full: str = ""  # the first listed full name ("Xi Jinping" for "Xi")


def _key(name: str) -> str:
    return " ".join(fold(w) for w in re.findall(r"[\w'’-]+", name))


@cache
def leaders() -> dict[str, Leader]:
    """Folded name -> office holder; a short form listed twice (two persons) is dropped."""
    from suivi.read.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    table: dict[str, Leader] = {}
    shared: set[str] = set()
    entries = load_yaml("gazetteer/persons.yaml", "persons")
    if not isinstance(entries, list):
        raise DataFileError("gazetteer/persons.yaml: 'persons' must be a list")
    for i, raw in enumerate(entries):
        where = f"gazetteer/persons.yaml: persons[{i}]"
        entry = expect_mapping(raw, where)
        expect_keys(entry, _FIELDS, where)
        serves = expect_str(entry.get("serves"), where + ".serves")
        if gaz.get(serves) is None:
            raise DataFileError(f"{where}: serves {serves!r} is not a gazetteer code")
        names = expect_str_list(entry.get("names"), where + ".names")
        leader = Leader(serves, expect_str(entry.get("role"), where + ".role"), names[0] if names else "")
        for name in names + expect_str_list(
            entry.get("alone"), where + ".alone"
        ):
            key = _key(name)
            if key in table and table[key] != leader:
                shared.add(key)
            table[key] = leader
    for key in shared:
        del table[key]
    return table


def leader_of(name: str) -> Leader | None:
    """The office holder a person's name (as the article gives it) denotes, if listed; a
    two-word name also with its words swapped (family name first, as East Asian names are
    often written: "Kishida Fumio" is "Fumio Kishida")."""
    key = _key(name)
    found = leaders().get(key)
    words = key.split()
    if found is None and len(words) == 2:
        found = leaders().get(f"{words[1]} {words[0]}")
    return found
