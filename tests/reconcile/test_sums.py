"""Sums of money in merging: the same sum from the same giver is one pledge across outlets,
languages and stories; different sums are different pledges however alike the sentences."""

from __future__ import annotations

import pytest

from suivi.reconcile.amounts import amounts
from suivi.reconcile.merge import MentionItem, agreement, assign, same_sum, sums_conflict


def _item(i, article, text, agents=("NOR",), beneficiaries=(), story=1, sector=None, lang="en", **kw):
    return MentionItem(i, article, story, text, frozenset(agents), frozenset(beneficiaries), sector,
                       i * 10, i * 10 + 5, lang=lang, **kw)


def _groups(items):
    return sorted(sorted(i.id for i in g.items) for g in assign(items, []))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Oslo will invest $2.5 billion over five years", "en", [(2.5e9, "USD")]),
        ("la Norvège investira 2,5 milliards de dollars en cinq ans", "fr", [(2.5e9, "USD")]),
        ("a €40bn package (about $43 billion)", "en", [(4.0e10, "EUR"), (4.3e10, "USD")]),
        ("up to 12 million pounds for the port", "en", [(1.2e7, "GBP")]),
        ("vingt millions d'euros pour les écoles", "fr", [(2.0e7, "EUR")]),
        ("1 500 000 000 FCFA pour la route", "fr", [(1.5e9, "XOF")]),
        ("former 40 000 enseignants et livrer 2,000 tonnes", "fr", []),
        ("a 5km road and 300 nurses", "en", []),
    ],
)
def test_sums_are_read_in_both_languages_and_counts_are_not_sums(text, lang, expected):
    assert [(round(a.value), a.currency) for a in amounts(text, lang)] == [(round(v), c) for v, c in expected]


def test_the_same_sum_in_french_and_english_is_one_pledge_across_stories():
    fr = _item(1, 1, "Le Canada a promis de verser 2,5 milliards de dollars au fonds pour le climat d'ici 2030.",
               agents=("CAN",), story=1, sector="economy", lang="fr")
    en = _item(2, 2, "At that conference Ottawa pledged $2.5 billion to the climate fund.",
               agents=("CAN",), story=2, sector="environment")
    assert same_sum(fr, en)
    assert agreement(fr, en) == "strict"  # the sectors disagree, the giver and the sum do not
    assert _groups([fr, en]) == [[1, 2]]


def test_a_regional_and_a_worldwide_package_of_one_giver_are_two_pledges():
    regional = _item(1, 1, "L'Union européenne mobilisera 40 milliards d'euros d'investissements en Asie centrale "
                           "d'ici 2030.", agents=("UE",), lang="fr")
    worldwide = _item(2, 1, "Le programme doit mobiliser jusqu'à 90 milliards d'euros d'investissements dans le monde "
                            "d'ici 2030.", agents=("UE",), lang="fr")
    assert sums_conflict(regional, worldwide)
    assert agreement(regional, worldwide) is None
    assert _groups([regional, worldwide]) == [[1], [2]]


def test_sums_in_different_currencies_are_not_a_conflict():
    """One pledge told in two currencies ("360 billion yuan" here, "more than $50 billion"
    there) cannot be compared without a rate: no conflict, the wording decides; two sums in
    one currency still conflict."""
    yuan = _item(1, 1, "Le gouvernement chinois fournira 360 milliards de yuans d'aide financière au cours "
                       "des trois prochaines années.", agents=("CHN",), lang="fr")
    dollars = _item(2, 2, "China will provide more than $50 billion in financial aid over the next three years.",
                    agents=("CHN",))
    other = _item(3, 2, "China will also encourage firms to invest 70 billion yuan over the next three years.",
                  agents=("CHN",))
    assert not sums_conflict(yuan, dollars)
    assert sums_conflict(yuan, other)
    assert agreement(yuan, dollars) is not None


def test_a_sum_funded_then_delivered_is_one_act():
    funded = _item(1, 1, "Norway has pledged $4 billion in funding for Kenyan geothermal power.")
    delivered = _item(2, 1, "Solheim said the $4 billion would be delivered over five years.")
    assert agreement(funded, delivered) is not None
    assert _groups([funded, delivered]) == [[1, 2]]


def test_a_mention_joins_a_commitment_agreeing_with_one_of_its_mentions_not_all():
    # one pledge told twice in one article, the second time with the host read as its agent
    first = _item(1, 1, "L'Union européenne entend mobiliser 40 milliards d'euros en Asie centrale d'ici 2030.",
                  agents=("UE",), beneficiaries=("KAZ",), story=1, sector="economy", lang="fr")
    host = _item(2, 1, "« Je suis fière d'annoncer 40 milliards d'euros pour l'Asie centrale », a-t-elle dit.",
                 agents=("KAZ",), story=1, sector="economy", lang="fr")
    summit = _item(3, 2, "Leaders agreed that the EU will mobilise €40 billion of investment in Central Asia.",
                   agents=("UE", "KAZ", "UZB"), story=2, sector="economy")
    other = _item(4, 2, "The EU will also double its scholarships for Central Asian students.",
                  agents=("UE",), story=2, sector="education")
    assert _groups([first, host, summit, other]) == [[1, 2, 3], [4]]
