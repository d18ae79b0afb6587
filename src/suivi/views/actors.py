"""Actors as the reader sees them: the names of an article's persons, organisations and places.

Why the gazetteer is consulted here and not in `store/`: the store hands out what was stored;
widening a stored actor to every name we know for it (French and English names, aliases, the
city an article was filed from) is knowledge of the reading stage's gazetteer, applied when
the actors are shown or scored.
"""

from __future__ import annotations

from sqlalchemy import Connection

from suivi.read.gazetteer import Gazetteer, get_gazetteer
from suivi.store import queries
from suivi.store import reading as reading_store

_PLACE_KINDS = ("state", "place")
_ORG_KINDS = ("organization", "alliance")


def article_actors(conn: Connection, article_id: int) -> dict[str, list[str]]:
    """Actors of one article for evaluation and display.

    persons: one name per person, the fullest form written in this article (so an English
    article gives "Sergei Lavrov" where a French one gives "Sergueï Lavrov"). organizations (alliances, bodies,
    outlets) and places (states, capitals, regions): every name we know for each actor —
    canonical French and English names, aliases, and the surface forms seen in the article —
    since these are scored by recall against any of an actor's names.
    """
    gaz = get_gazetteer()
    persons: dict[str, str] = {}  # key -> the best name written in this article
    orgs: list[str] = []
    places: list[str] = []
    for r in reading_store.article_actor_rows(conn, article_id):
        if r.kind == "person":
            best = persons.get(r.key)
            if best is None or _better_name(r.surface, best):
                persons[r.key] = r.surface
            continue
        target = places if r.kind in _PLACE_KINDS else orgs if r.kind in _ORG_KINDS else None
        if target is None:
            continue
        names = [r.name]
        ref = gaz.get(r.key)
        if ref is not None:
            names += [ref.name_en or ref.name, *gaz.names_of(r.key)]
        if r.label != "gaz:adjective":
            names.append(r.surface)
        for n in names:
            if n and n not in target:
                target.append(n)
    meta = queries.article_meta(conn, article_id)
    for n in filing_places(meta, gaz):
        if n not in places:
            places.append(n)
    for n in filing_agency(meta, gaz):  # "DUBAI, Nov 30 (Reuters) -": the agency reports the story
        if n not in orgs:
            orgs.append(n)
    return {"persons": list(persons.values()), "organizations": orgs, "places": places}


def filing_places(meta: dict, gaz: Gazetteer) -> list[str]:
    """The dateline / "Fait à" city that ingestion lifted out of the text into the metadata.

    Why: the place an article was filed from is a place of the story, but ingestion removes
    the dateline from the clean text (so it is never read as a party), leaving no span for the
    reading stage to find; it stays metadata of the article, shown with its names.
    """
    names: list[str] = []
    for section in ("dateline", "closing"):
        place = (meta.get(section) or {}).get("place") if isinstance(meta.get(section), dict) else None
        if not place or not isinstance(place, str):
            continue
        written = place.title() if place.isupper() else place
        ref = gaz.resolve(written) or gaz.resolve(place)
        if ref is not None and ref.kind in _PLACE_KINDS:
            names += [ref.name, ref.name_en or ref.name, *gaz.names_of(ref.key)]
        names.append(written)
    return list(dict.fromkeys(n for n in names if n))


def filing_agency(meta: dict, gaz: Gazetteer) -> list[str]:
    """The news agency a dateline names ("DUBAI, Nov 30 (Reuters) -"), lifted out of the text
    by ingestion like the filing city: an organisation of the article, with its known names."""
    dateline = meta.get("dateline")
    agency = dateline.get("agency") if isinstance(dateline, dict) else None
    if not agency or not isinstance(agency, str):
        return []
    ref = gaz.resolve(agency)
    names = [ref.name, ref.name_en or ref.name, *gaz.names_of(ref.key)] if ref is not None else []
    return list(dict.fromkeys(n for n in [*names, agency] if n))


def _better_name(a: str, b: str) -> bool:
    """A fuller written form of a person's name (more words, then longer)."""
    return (len(a.split()), len(a)) > (len(b.split()), len(b))


def actor_page(conn: Connection, name: str, items: list, *, mentions: int = 60) -> dict:
    """Roles, latest mentions, quotes, co-actors, and the commitments it made and received."""
    detail = reading_store.actor_detail(conn, name)
    key = detail["key"].upper()
    visible = [i for i in items if i.review not in ("rejected", "merged")]
    detail["n_mentions"] = len(detail["mentions"])
    detail["mentions"] = detail["mentions"][-mentions:][::-1]
    detail["made"] = [i.to_json() for i in visible if key in {a.upper() for a in i.agents}]
    detail["received"] = [i.to_json() for i in visible if key in {b.upper() for b in i.beneficiaries}]
    return detail
