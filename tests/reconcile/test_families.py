"""Act families added for other partnerships (leave a bloc, explore for oil, appoint an
envoy) and lettered lists: different acts of one giver stay apart, in both languages."""

from __future__ import annotations

from suivi.reconcile.merge import MentionItem, actions_conflict, assign, list_id


def _item(i, article, text, agents=("TUR",), lang="en", story=1):
    return MentionItem(i, article, story, text, frozenset(agents), frozenset(), None, i * 10, i * 10 + 5, lang=lang)


def _groups(items):
    return sorted(sorted(i.id for i in g.items) for g in assign(items, []))


def test_exploring_for_gas_and_training_a_navy_are_two_acts():
    explore = _item(1, 1, "Ankara will explore for gas off the Libyan coast, both onshore and offshore.")
    navy = _item(2, 1, "Ankara will train and equip the Libyan coast guard.")
    assert actions_conflict(explore, navy)
    assert _groups([explore, navy]) == [[1], [2]]


def test_drilling_a_well_is_not_the_whole_exploration_programme():
    explore = _item(1, 1, "Ankara will explore for oil and gas off the Libyan coast.")
    drill = _item(2, 2, "The drillship will begin drilling in May at a well off Libya.", story=2)
    forage = _item(3, 3, "Le navire commencera le forage du puits en mai.", lang="fr", story=3)
    assert actions_conflict(explore, drill) and actions_conflict(explore, forage)
    assert not actions_conflict(drill, forage)
    as_well = _item(4, 1, "Ankara will explore for oil as well as gas off the Libyan coast.")
    assert not actions_conflict(explore, as_well)


def test_leaving_a_bloc_and_appointing_an_envoy_are_acts_in_french_and_english():
    leave = _item(1, 1, "Les trois pays quitteront la communauté régionale sans délai.", ("TCD",), "fr")
    envoy = _item(2, 1, "Le Tchad nommera un envoyé spécial auprès de la communauté.", ("TCD",), "fr")
    leave_en = _item(3, 2, "The three states will leave the regional bloc without delay.", ("TCD",), "en", story=1)
    assert actions_conflict(leave, envoy)
    assert not actions_conflict(leave, leave_en)


def test_lettered_items_of_a_quoted_list_are_distinct_pledges():
    text = (
        "The commission said member states are required to:\n"
        "“a) Recognise the passports held by citizens of the three countries;\n"
        "“b) Continue to treat their goods under the free trade scheme;\n"
        "“c) Allow their citizens to move without visas.\n"
    )
    starts = [text.index(x) for x in ("Recognise", "Continue", "Allow")]
    ids = {list_id(text, s) for s in starts}
    assert len(ids) == 1 and None not in ids


def test_two_statements_cut_from_one_sentence_are_two_pledges():
    from dataclasses import replace

    from suivi.reconcile.merge import sentence_of

    text = "Elle facilitera les exportations et poursuivra les dix actions. Elle ouvrira un centre."
    assert sentence_of(text, 40) == 0 and sentence_of(text, 70) == text.index("Elle ouvrira")
    one = replace(_item(1, 1, "Elle facilitera les exportations africaines", ("CHN",), "fr"), sentence=0)
    two = replace(_item(2, 1, "poursuivra la mise en œuvre des dix actions", ("CHN",), "fr"), sentence=0)
    other = replace(two, id=3, article_id=2, sentence=0)
    assert _groups([one, two]) == [[1], [2]]
    assert not actions_conflict(one, two)  # what keeps them apart is the sentence, not the act
    from suivi.reconcile.merge import _hard_conflict

    assert _hard_conflict(one, two) and not _hard_conflict(two, other)


def test_ready_to_is_not_a_loan():
    """« prêts à fournir » is "ready to supply", not loans: the finance family is not read from it,
    so it does not conflict with a delivery of the same grain told elsewhere."""
    from suivi.reconcile.settings import action_families

    fams = action_families("fr")
    assert fams.of(["nous", "serons", "prets", "a", "fournir", "des", "cereales"]) == frozenset()
    assert fams.of(["des", "prets", "de", "cinq", "milliards"]) == frozenset({"finance"})


def test_a_supply_chain_is_a_thing_not_a_delivery():
    from suivi.reconcile.settings import action_families

    fams = action_families("en")
    assert fams.of(["a", "dialogue", "on", "the", "supply", "chain", "of", "minerals"]) == frozenset()
    assert fams.of(["to", "supply", "grain", "to", "ghana"]) == frozenset({"deliver"})
