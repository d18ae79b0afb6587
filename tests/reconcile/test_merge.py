"""Merging rules on our own sentences: one pledge told three ways (French, French rewrite,
English) is one commitment; items of one list stay apart; parties must agree."""

from __future__ import annotations

import pytest

from suivi.reconcile.merge import MentionItem, assign, compatible, is_headline, list_id

PLEDGE_FR = "Le Brésil financera la construction d'un barrage hydroélectrique sur le fleuve Cuanza."
PLEDGE_REWRITE = "Brasília s'est engagé à payer l'ouvrage hydroélectrique prévu sur la Cuanza."
PLEDGE_EN = "Brazil will fund the construction of a hydroelectric dam on the Cuanza river."
OTHER = "Le Brésil cédera deux patrouilleurs à la marine angolaise d'ici à la fin de l'année prochaine."

LIST_TEXT = (
    "Réunion à Luanda\n"
    "L'accord signé prévoit :\n"
    "- la formation de deux cents techniciens angolais ;\n"
    "- la livraison de quatre turbines avant la fin de 2026 ;\n"
    "- la création d'un fonds commun pour l'électrification.\n"
    "Les deux pays entretiennent des relations anciennes.\n"
)


def _item(
    i: int, article: int, text: str, agents=("BRA",), beneficiaries=("AGO",), story=1, sector=None, **kw
) -> MentionItem:
    """A mention; the extraction stage gives each a sector (energy, security, ...) when it can."""
    return MentionItem(
        i,
        article,
        story,
        text,
        frozenset(agents),
        frozenset(beneficiaries),
        sector,
        kw.pop("start", i * 10),
        kw.pop("end", i * 10 + 5),
        **kw,
    )


def _groups(items):
    return sorted(sorted(i.id for i in g.items) for g in assign(items, []))


def test_one_pledge_in_three_wordings_and_two_languages_is_one_commitment():
    items = [
        _item(1, 1, PLEDGE_FR, sector="energy"),
        _item(2, 2, PLEDGE_REWRITE),
        _item(3, 3, PLEDGE_EN, sector="energy"),
        _item(4, 1, OTHER, sector="security"),
    ]
    assert _groups(items) == [[1, 2, 3], [4]]


def test_english_translation_merges_across_stories_only_when_close():
    fr = _item(1, 1, PLEDGE_FR, story=1)
    en = _item(2, 2, PLEDGE_EN, story=2)
    other = _item(3, 3, OTHER, story=3)
    # a translation is close enough to cross stories; another pledge of the same parties is not
    assert _groups([fr, en, other]) == [[1, 2], [3]]


def test_unknown_beneficiary_matches_but_a_different_one_does_not():
    a = _item(1, 1, PLEDGE_FR)
    assert compatible(a, _item(2, 2, PLEDGE_EN, beneficiaries=()))
    assert not compatible(a, _item(3, 2, PLEDGE_EN, beneficiaries=("NAM",)))
    assert not compatible(a, _item(4, 2, PLEDGE_EN, agents=("PRT",)))


def test_items_of_one_list_never_merge():
    starts = [LIST_TEXT.index(line) + 2 for line in LIST_TEXT.splitlines() if line.startswith("- ")]
    ids = {list_id(LIST_TEXT, s) for s in starts}
    assert len(ids) == 1 and None not in ids
    assert list_id(LIST_TEXT, LIST_TEXT.index("Les deux pays")) is None
    items = [
        _item(k, 1, LIST_TEXT[s : LIST_TEXT.index("\n", s)], start=s, list_id=list_id(LIST_TEXT, s))
        for k, s in enumerate(starts)
    ]
    items.append(_item(9, 1, "la formation de deux cents techniciens angolais", list_id=None))
    groups = _groups(items)
    assert all(not {0, 1, 2} <= set(g) for g in groups)
    assert sum(1 for g in groups if set(g) & {0, 1, 2}) == 3


@pytest.mark.parametrize(
    ("title", "evidence", "start", "expected"),
    [
        ("Le Brésil promet un barrage à l'Angola", "Le Brésil promet un barrage à l'Angola", 0, True),
        ("Le Brésil promet un barrage à l'Angola", PLEDGE_FR, 60, False),
        (None, PLEDGE_FR, 0, False),
    ],
)
def test_headline_detection(title, evidence, start, expected):
    text = (title or "") + "\n" + PLEDGE_FR
    assert is_headline(text, title, start, evidence) is expected


def test_headline_pledge_joins_the_body_statement_it_summarises():
    head = _item(1, 1, "Le Brésil promet un barrage à l'Angola", headline=True, start=0)
    body = _item(2, 1, PLEDGE_FR, start=60, sector="energy")
    other = _item(3, 1, OTHER, start=200, sector="security")
    assert _groups([head, body, other]) == [[1, 2], [3]]
