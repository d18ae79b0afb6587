"""States the press names by acronym, adjective or capital that the gazetteer lacked (found on
blind set 52: "PNG", "Maldivian")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, code", [
    ("Relevant officials from Australia and PNG will meet before the end of 2025.", "PNG"),
    ("The Papua New Guinean government welcomed the deal.", "PNG"),
    ("Officials in Port Moresby welcomed the deal.", "PNG"),
    ("The Maldivian government will build 4,000 homes.", "MDV"),
    ("Le gouvernement maldivien a salué l'accord.", "MDV"),
    ("The Sri Lankan cabinet approved the loan.", "LKA"),
    ("Le gouvernement cambodgien a salué l'accord.", "KHM"),
    ("Officials in Dhaka welcomed the deal.", "BGD"),
])
def test_named_by_acronym_adjective_or_capital(text: str, code: str) -> None:
    from suivi.read.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert code in {ref.code or ref.state for _, _, ref in gaz.find_all(text)}, \
        [(text[s:e], ref.key, ref.kind) for s, e, ref in gaz.find_all(text)]


def test_a_capital_that_is_also_a_name_is_left_out() -> None:
    from suivi.read.gazetteer import get_gazetteer

    found = get_gazetteer().find_all("Coordination José de Lima Massano spoke.")
    assert not [ref for _, _, ref in found if "PER" in (ref.code, ref.state)]


def test_a_one_word_name_after_at_is_a_place_not_a_body() -> None:
    # the English model tags this unknown town ORG (found on blind set 53: "At Gjader, ...")
    from suivi.read.nlp import get_nlp
    from suivi.read.reader import read_article

    from .helpers import article

    text = '"At Velipoje, a model reception centre will be created," the minister added.'
    reading = read_article(get_nlp("en")(text), article(text, "en"))
    kinds = {m.surface: m.kind for m in reading.actors.mentions}
    assert kinds.get("Velipoje") == "place", kinds
