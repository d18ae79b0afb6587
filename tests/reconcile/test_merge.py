"""Merging rules on our own sentences: one pledge told three ways (French, French rewrite,
English) is one commitment; items of one list stay apart; parties must agree."""

from __future__ import annotations

import pytest

from suivi.reconcile.merge import (
    MentionItem,
    actions_conflict,
    agreement,
    assign,
    compatible,
    is_headline,
    list_id,
    needed_score,
)
from suivi.reconcile.settings import settings

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


# Action families: two pledges of the same parties in one story are told apart by the act.
DELIVER_FR = "La Corée livrera quatre hélicoptères de transport à l'armée de l'air ghanéenne d'ici à juin."
TRAIN_FR = "Séoul s'est aussi engagé à former une trentaine de mécaniciens ghanéens à l'entretien des appareils."
BOTH_EN = "South Korea will deliver four transport helicopters to Ghana by June and train about thirty mechanics."


def test_training_and_delivery_of_the_same_parties_stay_apart():
    ko = {"agents": ("KOR",), "beneficiaries": ("GHA",)}
    items = [
        _item(1, 1, BOTH_EN, lang="en", **ko),
        _item(2, 2, DELIVER_FR, lang="fr", **ko),
        _item(3, 2, TRAIN_FR, lang="fr", **ko),
    ]
    groups = _groups(items)
    assert not any({2, 3} <= set(g) for g in groups)
    assert [2] not in groups  # the delivery joins the sentence naming both acts


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Japan will ship ten ambulances to Benin.", "Japan will train forty Beninese nurses.", True),
        ("Le Japon financera le nouveau pont de Cotonou.", "The Cotonou bridge will open to traffic in 2029.", False),
        ("Japan pledges ten ambulances to Benin.", "Le Japon formera quarante infirmiers béninois.", False),
        ("Japan will support Benin's health ministry.", "Le Japon apportera son appui au ministère.", False),
        # sending doses and deepening ties are two pledges, however close the sentences
        ("Japan will send two million vaccine doses to Benin.",
         "Japan is committed to deepening trade ties with Benin.", True),
        ("Le Japon enverra deux millions de doses vers le Bénin.",
         "Le Japon s’engage à approfondir ses liens avec le Bénin.", True),
        ("Japan will send two million vaccine doses to Benin.",
         "Le Japon livrera deux millions de doses vers le Bénin.", False),
        # spending or investing a sum is financing: not a visit, however close the sentences
        ("Japan will spend $3 billion on roads in Benin.", "Japan's premier plans to visit Benin next year.", True),
        ("Le Japon investira 3 milliards dans le réseau routier du Bénin.",
         "Le Japon prévoit une visite au Bénin l'an prochain.", True),
        ("Japan will invest $3 billion in Benin.", "Le Japon financera les routes du Bénin.", False),
    ],
)
def test_action_families_conflict_only_when_both_name_different_acts(a, b, conflict):
    lang = {"a": "fr" if " le " in a.lower() else "en", "b": "fr" if " le " in b.lower() else "en"}
    x = _item(1, 1, a, agents=("JPN",), beneficiaries=("BEN",), lang=lang["a"])
    y = _item(2, 2, b, agents=("JPN",), beneficiaries=("BEN",), lang=lang["b"])
    assert actions_conflict(x, y) is conflict


def test_same_act_on_different_things_in_one_article_is_two_pledges():
    ferries = _item(1, 1, "Norway will deliver two ferries to Ghana.", lang="en", action="two ferries ghana")
    tankers = _item(2, 1, "Norway will deliver fuel tankers to Ghana.", lang="en", action="fuel tankers ghana")
    again = _item(3, 1, "The two ferries will be delivered in May.", lang="en", action="two ferries may")
    assert actions_conflict(ferries, tankers)
    assert not actions_conflict(ferries, again)
    # in two articles, outlets name the same thing differently: no head-noun test
    assert not actions_conflict(ferries, _item(4, 2, tankers.text, lang="en", action="fuel tankers ghana"))


# Loose party agreement: one outlet names the granting body, another the states concerned.
VISA_FR = "Les ressortissants du Togo et du Bénin pourront voyager sans visa dans la zone jusqu'à la fin de 2028."
VISA_EN = "Togolese and Beninese nationals will be able to travel visa-free in the zone until the end of 2028."


def test_same_deadline_year_and_close_action_merge_despite_inverted_agents():
    fr = _item(1, 1, VISA_FR, agents=("TGO", "BEN"), beneficiaries=("UEMOA",), deadline="2028-12-31", lang="fr")
    en = _item(2, 2, VISA_EN, agents=("UEMOA",), beneficiaries=(), deadline="2028-12-31", lang="en")
    assert agreement(fr, en) == "loose"
    assert _groups([fr, en]) == [[1, 2]]
    # another deadline year, or another story: the parties' disagreement keeps them apart
    later = _item(3, 2, VISA_EN, agents=("UEMOA",), beneficiaries=(), deadline="2030-12-31", lang="en")
    assert agreement(fr, later) is None
    other_story = _item(4, 2, VISA_EN, agents=("UEMOA",), beneficiaries=(), deadline="2028-12-31", story=2, lang="en")
    assert agreement(fr, other_story) is None


# Anchored event: the same meeting (act, place, deadline) told with different sectors.
SUMMIT_FR = "Le prochain sommet des deux blocs se tiendra à Accra avant la fin du mois de mars."
SUMMIT_EN = "Officials said the next summit of the two blocs would be held in Accra by the end of March."


@pytest.mark.parametrize(("place", "merged"), [("Accra", True), ("Abuja", False)])
def test_same_summit_in_two_languages_merges_across_sectors(place, merged):
    parties = {"agents": ("CEDEAO", "UEMOA"), "beneficiaries": ()}
    fr = _item(1, 1, SUMMIT_FR, sector="diplomacy", deadline="2027-03-31", lang="fr", **parties)
    en = _item(2, 2, SUMMIT_EN.replace("Accra", place), sector="culture", deadline="2027-03-31", lang="en", **parties)
    assert (agreement(fr, en) is not None) is merged
    assert (_groups([fr, en]) == [[1, 2]]) is merged


def test_same_act_by_the_same_deadline_needs_less_similarity_within_a_story():
    cfg = settings()["merge"]
    fr = _item(1, 1, "Une troisième réunion ministérielle se tiendra en 2027.", deadline="2027-12-31", lang="fr")
    en = _item(2, 2, "A third round of talks will be held in 2027.", deadline="2027-12-31", lang="en")
    other_year = _item(3, 2, "A third round of talks will be held in 2028.", deadline="2028-12-31", lang="en")
    no_act = _item(4, 2, "The partnership will be reviewed in 2027.", deadline="2027-12-31", lang="en")
    assign([fr, en, other_year, no_act], [])  # fills the action families
    lowered = cfg["story_threshold"] - cfg["same_act_and_deadline_bonus"]
    assert needed_score(fr, en, "strict") == pytest.approx(lowered)
    assert needed_score(fr, other_year, "strict") == cfg["story_threshold"]
    assert needed_score(fr, no_act, "strict") == cfg["story_threshold"]
    far = _item(5, 3, en.text, deadline="2027-12-31", lang="en", story=2)
    assign([far], [])
    # across stories the same giver naming the same act needs a little less than the full bar,
    # another giver (or no shared act) the full bar
    lowered = cfg["cross_story_threshold"] - cfg["cross_story_same_act_bonus"]
    assert needed_score(fr, far, "strict") == pytest.approx(lowered)
    elsewhere = _item(6, 4, en.text, agents=("PRT",), deadline="2027-12-31", lang="en", story=3)
    assign([elsewhere], [])
    assert needed_score(fr, elsewhere, "strict") == cfg["cross_story_threshold"]
    assert needed_score(no_act, _item(7, 5, no_act.text, deadline="2027-12-31", story=4), "strict") == cfg[
        "cross_story_threshold"
    ]


def test_a_national_body_and_its_state_are_one_giver_but_an_alliance_is_not_its_members():
    from suivi.reconcile.merge import with_states

    assert with_states(frozenset({"JICA"})) == frozenset({"JICA", "JPN"})
    assert with_states(frozenset({"USAID", "KEN"})) == frozenset({"USAID", "USA", "KEN"})
    assert with_states(frozenset({"AES"})) == frozenset({"AES"})
    assert with_states(frozenset({"ONU"})) == frozenset({"ONU"})


def test_a_batch_tests_only_groups_whose_giver_may_agree_and_merges_as_before():
    """Blocking inside one run: another story's group is a candidate only when a giver may be
    shared (the same agent, a national body's state, or an unknown side); the merge result is
    the one every group would give, since across stories only givers that agree can join."""
    from suivi.reconcile.merge import Group, _GroupKeys

    brazil = Group(1, [_item(1, 1, PLEDGE_FR, story=1)])
    china = Group(2, [_item(2, 2, PLEDGE_FR, agents=("CHN",), story=2)])
    unknown = Group(3, [_item(3, 3, PLEDGE_FR, agents=(), story=3)])
    groups = [brazil, china, unknown]
    keys = _GroupKeys(groups)
    english = _item(4, 4, PLEDGE_EN, story=4)
    assert keys.candidates(english, groups) == [brazil, unknown]
    same_story = _item(5, 5, PLEDGE_EN, agents=("USA",), story=2)
    assert keys.candidates(same_story, groups) == [china, unknown]
    nobody = _item(6, 6, PLEDGE_EN, agents=(), story=9)
    assert keys.candidates(nobody, groups) == groups
    # end to end: the translation joins its own giver's pledge only
    items = [_item(1, 1, PLEDGE_FR, story=1), _item(2, 2, PLEDGE_FR, agents=("CHN",), story=2),
             _item(4, 4, PLEDGE_EN, story=4)]
    assert _groups(items) == [[1, 4], [2]]


def test_same_act_at_the_same_place_on_the_same_day_needs_less_again():
    cfg = settings()["merge"]
    day = "2027-05-14"
    on_day = {"deadline": day, "deadline_precision": "day"}
    trip = _item(1, 1, "Le président se rendra à Bamako le 14 mai pour y rencontrer son homologue.", lang="fr",
                 **on_day)
    visit = _item(2, 2, "During a stop in Bamako on May 14, the president will visit the new hospital wing.",
                  lang="en", **on_day)
    elsewhere = _item(3, 2, "The president will visit Dakar on May 14.", lang="en", **on_day)
    month = _item(4, 2, "The president will visit Bamako in May.", deadline="2027-05", deadline_precision="month",
                  lang="en")
    year_end = _item(5, 1, "Le président se rendra à Bamako cette année.", deadline="2027-12-31",
                     deadline_precision="year", lang="fr")
    same_year = _item(6, 2, "The president will travel to Bamako this year.", deadline="2027-12-31",
                      deadline_precision="year", lang="en")
    span = _item(7, 2, "The president will be in Bamako from May 12 to 14 and visit the hospital wing.",
                 deadline=day, deadline_precision="interval", lang="en")
    assign([trip, visit, elsewhere, month, year_end, same_year, span], [])  # fills families and places
    base = cfg["story_threshold"] - cfg["same_act_and_deadline_bonus"]
    assert needed_score(trip, visit, "strict") == pytest.approx(base - cfg["same_place_and_day_bonus"])
    assert needed_score(trip, span, "strict") == pytest.approx(base - cfg["same_place_and_day_bonus"])  # range's end
    assert needed_score(trip, elsewhere, "strict") == pytest.approx(base)  # another place
    assert needed_score(trip, month, "strict") > base  # a month is not a day: no act-and-deadline bonus either
    assert needed_score(year_end, same_year, "strict") == pytest.approx(base)  # a year's last day is not a day


def test_a_city_and_its_state_a_few_days_apart_are_one_trip():
    cfg = settings()["merge"]
    base = cfg["story_threshold"] - cfg["same_act_and_deadline_bonus"]
    city = _item(1, 1, "Le président se rendra à Bamako du 12 au 14 mai pour y rencontrer son homologue.", lang="fr",
                 deadline="2027-05-14", deadline_precision="interval")
    state = _item(2, 1, "The president will travel to Mali in mid-May.", deadline="2027-05-18",
                  deadline_precision="day", lang="en")
    far = _item(3, 1, "The president will travel to Mali in late June.", deadline="2027-06-28",
                deadline_precision="day", lang="en")
    other = _item(4, 1, "The president will travel to Ghana in mid-May.", deadline="2027-05-18",
                  deadline_precision="day", lang="en")
    assign([city, state, far, other], [])
    assert needed_score(city, state, "strict") == pytest.approx(base - cfg["same_place_and_day_bonus"])
    assert needed_score(city, far, "strict") > base  # six weeks apart: two dates
    assert needed_score(city, other, "strict") == pytest.approx(base)  # not the city's state


def _row(i: int, article: int, start: int, evidence: str, agents: list[str], action: str | None = None):
    from suivi.store.stories import MentionRow

    return MentionRow(i, article, None, evidence, agents, [], action, None, None, None, None, None, start,
                      start + len(evidence), evidence)


@pytest.mark.parametrize(
    ("sentence", "refers"),
    [
        ("La Norvège a pris le même engagement.", True),
        ("La Norvège fera de même.", True),
        ("Norway made the same pledge.", True),
        ("Norway followed suit.", True),
        ("La Norvège financera la même école.", False),
    ],
)
def test_the_same_pledge_as_before_is_compared_with_that_pledges_words(sentence, refers):
    from suivi.reconcile.merge import _antecedents

    canada = _row(1, 1, 0, "Le Canada versera 40 millions de dollars au fonds pour les écoles.", ["CAN"],
                  "verser 40 millions de dollars au fonds")
    norway = _row(2, 1, 80, sentence, ["NOR"])
    elsewhere = _row(3, 2, 0, "Le Japon versera 10 millions de dollars.", ["JPN"])
    found = _antecedents([canada, norway, elsewhere])
    assert (found.get(2) is canada) is refers
    assert 1 not in found and 3 not in found  # nothing before them in their articles


def test_some_of_the_receivers_named_among_all_is_the_same_pledge():
    """Own wording: one report names three of the six receivers ("six pays, parmi lesquels"),
    another all six: the same pledge. One receiver against three is another pledge."""
    some = _item(1, 1, "La Norvège a promis des semences gratuites à six pays, parmi lesquels le Ghana, le Togo "
                 "et le Bénin.", agents=("NOR",), beneficiaries=("GHA", "TGO", "BEN"), lang="fr")
    every = _item(2, 2, "Norway will give free seed to Ghana, Togo, Benin, Niger, Chad and Mali.",
                  agents=("NOR",), beneficiaries=("GHA", "TGO", "BEN", "NER", "TCD", "MLI"), lang="en")
    assert agreement(some, every) == "strict"
    one = _item(3, 2, "Norway will give free seed to Ghana.", agents=("NOR",), beneficiaries=("GHA",), lang="en")
    three = _item(4, 2, "Norway will give free seed to Ghana, Togo and Benin.", agents=("NOR",),
                  beneficiaries=("GHA", "TGO", "BEN"), lang="en")
    assert agreement(one, three) is None
