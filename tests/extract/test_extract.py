"""Behaviour of the extractor on sentences and small articles written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_two_pledges_in_one_sentence_give_two_narrower_mentions(read_commitments):
    text = "Le Kenya construira deux écoles à Kisumu et financera un dispensaire au Soudan du Sud en 2026."
    found = read_commitments(text)
    assert len(found) == 2
    first, second = found
    assert first.end <= second.start and first.evidence != text and second.evidence != text
    assert all(text[f.start:f.end] == f.evidence for f in found)
    assert second.deadline == "2026-12-31" and second.deadline_precision == "year" and first.deadline is None
    assert all("KEN" in f.agents for f in found)


def test_english_clauses_split_on_and(read_commitments):
    text = "Japan will build two schools in Accra and China pledged to pave the road to Kumasi."
    found = read_commitments(text, "en")
    assert [f.agents for f in found] == [["JPN"], ["CHN"]]
    assert found[0].evidence == "Japan will build two schools in Accra"


def test_list_items_under_an_introducer_take_the_main_parties(read_commitments):
    text = (
        "Le Ghana et le Togo ont tenu leur commission mixte à Lomé. Le Ghana et le Togo ont adopté un plan.\n"
        "Le plan d’action prévoit :\n"
        "- La construction d’un pont sur la rivière Mono\n"
        "- Condamnation des violences contre les civils\n"
        "Les délégations ont rappelé leurs principes :\n"
        "- Respect de la souveraineté des États\n"
    )
    found = read_commitments(text)
    items = [f for f in found if f.unit_kind == "item"]
    assert [f.evidence for f in items] == ["La construction d’un pont sur la rivière Mono"]
    assert set(items[0].agents) == {"GHA", "TGO"}
    assert items[0].modality == "agreement" and items[0].cue.startswith("list:")


def test_headline_is_read_with_the_topic_party(read_commitments):
    title = "Turquie : le chef de la diplomatie promet des drones au Niger"
    found = read_commitments(title + "\nLe ministre a rencontré son homologue nigérien.", title=title)
    assert found and found[0].unit_kind == "headline" and found[0].evidence == title
    assert found[0].agents == ["TUR"] and "NER" in found[0].beneficiaries


def test_condition_is_stored_and_makes_the_modality_conditional(read_commitments):
    (found,) = read_commitments("Le Ghana enverra des soldats si le Parlement donne son accord.")
    assert found.modality == "conditional"
    assert found.condition and found.condition.startswith("si le Parlement")


def test_pluperfect_promise_restates_an_earlier_one(read_commitments):
    (found,) = read_commitments("Le Kenya avait promis de rouvrir la route de Moyale.")
    assert found.restates and found.modality == "promise"


def test_recurrence_is_not_a_deadline(read_commitments):
    (found,) = read_commitments("Un forum économique sino-sénégalais se tiendra désormais chaque année à Dakar.")
    assert found.recurrence == "P1Y" and found.deadline is None


def test_past_dates_are_not_deadlines(read_commitments):
    (found,) = read_commitments("Le 2 mars 2025, la Chine a promis de financer un barrage au Ghana.")
    assert found.deadline is None


def test_demonym_beneficiary_and_sector(read_commitments):
    (found,) = read_commitments("La Turquie formera les officiers de l’armée tchadienne.")
    assert found.agents == ["TUR"] and found.beneficiaries == ["TCD"]
    assert found.sector == "defence"
    assert found.action and found.action.startswith("former")


def test_reporting_frame_gives_the_reported_subject(read_commitments):
    (found,) = read_commitments("Le ministre français a annoncé que le Maroc ouvrirait un consulat à Dakhla.")
    assert found.agents == ["MAR"] and found.cue == "ouvrirait"


def test_the_parties_mean_the_main_parties(read_commitments):
    text = ("Le Bénin et le Niger se sont réunis à Cotonou. Le Bénin et le Niger ont parlé du pipeline. "
            "Les deux parties ont convenu de rouvrir la frontière.")
    found = read_commitments(text)
    assert len(found) == 1 and set(found[0].agents) == {"BEN", "NER"}


def test_a_description_without_party_is_not_a_commitment(read_commitments):
    assert read_commitments("Le prix du carburant augmentera encore au Ghana.") == []
    assert read_commitments("Fuel prices will rise again in Ghana.", "en") == []


def test_extraction_is_deterministic(read_commitments):
    text = "La Chine construira un port au Togo. Le Sénégal a promis de soutenir la CEDEAO."
    first, second = read_commitments(text), read_commitments(text)
    assert [(f.start, f.end, f.cue) for f in first] == [(f.start, f.end, f.cue) for f in second]


@pytest.mark.parametrize(
    "title, agent, deadline",
    [
        ("Russia pledges military support to Mali", "RUS", None),
        ("Japan offers scholarships to Ghanaian students", "JPN", None),
        ("Mali to host regional security summit in 2026", "MLI", "2026"),
        ("How Russia came to dominate the Sahel", None, None),
        ("Ghana's cocoa farmers to face lower prices", None, None),
    ],
)
def test_english_headlines(read_commitments, last_day, title, agent, deadline):
    found = [f for f in read_commitments(title + "\nThe talks took place on Monday.", "en", title=title)
             if f.unit_kind == "headline"]
    if agent is None:
        assert found == []
    else:
        assert found and found[0].agents == [agent] and found[0].deadline == last_day(deadline)
        assert found[0].evidence == title


def test_a_pledge_dated_in_an_earlier_year_is_a_restatement(read_commitments):
    (found,) = read_commitments("En 2022, la Chine a promis de financer le stade de Bouaké.")
    assert found.restates and found.agents == ["CHN"] and found.deadline is None


def test_english_pluperfect_restates_and_reported_passive(read_commitments):
    (old,) = read_commitments("Officials said Kenya had promised in 2021 to buy power from Ethiopia.", "en")
    assert old.restates and old.agents == ["KEN"]
    (line,) = read_commitments("Kenya's minister said the new line would be completed by June 2026.", "en")
    assert line.agents == ["KEN"] and line.deadline == "2026-06-30" and line.deadline_precision == "month"
    assert read_commitments("Kenya's minister said the talks would be difficult.", "en") == []


def test_a_venue_or_dateline_capital_is_not_a_party(read_commitments):
    text = ("ACCRA, June 2 - Japan will build a fishing port in Ghana, and Japan will fund a "
            "training centre for Ghanaian divers. The next meeting will be held in Lome.")
    found = read_commitments(text, "en")
    assert found and all("TGO" not in f.agents + f.beneficiaries for f in found)
    assert all(f.agents == ["JPN"] for f in found[:2]), [f.agents for f in found]


def test_a_capital_seating_a_body_named_in_the_article_is_that_body(read_commitments):
    text = ("The European Union will fund two clinics in Niamey. Brussels will also send 40 "
            "election observers to Niger in 2026, EU officials said.")
    found = read_commitments(text, "en")
    assert [f.agents for f in found] == [["UE"], ["UE"]]


def test_people_of_a_state_as_subject_are_beneficiaries(read_commitments):
    (found,) = read_commitments(
        "Les ressortissants du Togo et du Bénin continueront d'entrer au Ghana sans visa "
        "jusqu'en 2028, a annoncé le ministre ghanéen."
    )
    assert found.agents == ["GHA"] and set(found.beneficiaries) == {"TGO", "BEN"}
    assert found.deadline == "2028-12-31" and found.deadline_precision == "year"


def test_two_reported_clauses_of_one_verb_give_two_mentions(read_commitments):
    text = ("Ghana's minister said a joint commission would meet every three months, and that "
            "the next summit would be held in Accra by the end of June.")
    first, second = read_commitments(text, "en")
    assert first.end <= second.start and "the next summit would be held" in second.evidence
    assert first.agents == second.agents == ["GHA"]
    assert first.deadline is None and second.deadline == "2025-06-30" and second.deadline_precision == "month"


def test_a_non_party_subject_without_attribution_is_still_dropped(read_commitments):
    assert read_commitments("The new bridge will open to traffic in 2027.", "en") == []
    assert read_commitments("Le nouveau pont sera ouvert à la circulation en 2027.") == []


def test_deadlines_are_stored_as_the_last_day_of_their_period(read_commitments):
    cases = [
        ("Le Ghana construira un port d'ici fin 2025.", "2025-12-31", "year"),
        ("Le Ghana ouvrira une ambassade au Togo en juin prochain.", "2025-06-30", "month"),
        ("Le Ghana livrera des bus au Togo au premier semestre 2026.", "2026-06-30", "interval"),
        ("Le Ghana enverra des médecins au Togo avant le 15 avril 2025.", "2025-04-15", "day"),
    ]
    for text, deadline, precision in cases:
        (found,) = read_commitments(text)
        assert (found.deadline, found.deadline_precision) == (deadline, precision), text


def test_a_list_item_naming_its_doer_takes_it_as_agent(read_commitments):
    text = ("Le Ghana et le Japon ont signé un protocole qui prévoit :\n"
            "- la construction par le Japon d'un port de pêche à Tema ;\n"
            "- la formation de 40 plongeurs ghanéens.")
    built, trained = read_commitments(text)
    assert (built.agents, built.beneficiaries) == (["JPN"], ["GHA"])
    assert set(trained.agents) == {"GHA", "JPN"}
    (item,) = [f for f in read_commitments(
        "Ghana and Japan agreed on these measures for Ghana's ports:\n- the delivery by Japan of 20 cranes;\n", "en")]
    assert (item.agents, item.beneficiaries) == (["JPN"], ["GHA"])


def test_a_mediator_announcing_a_mechanism_speaks_for_the_parties(read_commitments):
    text = ("Ghana and Nigeria ended their trade dispute on Monday. Ghana will cut its levy on "
            "Nigerian cement and Nigeria will reopen its border posts. Togo's foreign minister, who "
            "hosted the talks, said a joint panel would meet every three months to check the deal.")
    panel = read_commitments(text, "en")[-1]
    assert panel.evidence.endswith("check the deal.") and "TGO" not in panel.agents
    assert set(panel.agents) == {"GHA", "NGA"}


def test_a_passive_payment_announced_by_an_official_is_theirs(read_commitments):
    (found,) = read_commitments("Japan's envoy said the first 30 million yen would be paid before June.", "en")
    assert found.agents == ["JPN"] and found.deadline == "2025-06-30"


def test_we_in_a_quote_whose_speaker_serves_no_stated_state_is_the_articles_first_party(read_commitments):
    """“We have decided to ...” inside a quote opened earlier in its paragraph, spoken by a
    leader the text never ties to a state: the side speaking is the article's first party."""
    text = (
        "Ghana will host the regional trade summit in Accra, Ghana's government said.\n\n"
        "President Kojo Mensah said:\n\n"
        "“Ghana will open its ports wider. We have decided to waive visa fees for all traders from Togo.”"
    )
    found = read_commitments(text, "en")
    waive = [f for f in found if "waive visa fees" in f.evidence]
    assert waive and waive[0].agents == ["GHA"] and waive[0].agent_fallback
    # outside a quote, an unattributed "we" stays no one's pledge
    assert not [f for f in read_commitments("We have decided to waive visa fees for traders.", "en")]


def test_an_office_holder_the_model_took_for_a_body_serves_the_leaders_state():
    """NER sometimes labels "Von der Leyen" an organisation (org:von-der-leyen): the leaders
    table gives her body, so her pledge is the EU's, not an unknown organisation's."""
    from types import SimpleNamespace

    from suivi.extract.agents import build_context
    from suivi.extract.cues import get_lexicon

    text = "Von der Leyen also reaffirmed the EU's commitment to delivering vaccines to Africa."
    mention = SimpleNamespace(kind="organization", key="org:von-der-leyen", name="Von der Leyen", start=0, end=13)
    ctx = build_context(text, [mention], get_lexicon("en"))
    assert ctx.parties_in(0, 13) == ["UE"]
    other = SimpleNamespace(kind="organization", key="org:acme-mining", name="Acme Mining", start=0, end=13)
    assert build_context(text, [other], get_lexicon("en")).parties_in(0, 13) == ["org:acme-mining"]


def test_a_sum_told_as_part_of_another_is_not_a_second_pledge(read_commitments):
    text = ("Le ministre a indiqué que l’Espagne réserverait 2 milliards d’euros au programme, y compris des "
            "garanties publiques pour des projets et 500 millions d’euros d’un fonds climatique.")
    found = read_commitments(text, "fr")
    assert len(found) == 1 and found[0].agents == ["ESP"]
    listed = "Spain will give $40 million to the fund and Portugal will give $15 million to the fund."
    assert len(read_commitments(listed, "en")) == 2


def test_a_breakdown_after_a_comma_is_the_same_pledge(read_commitments):
    """Own wording: a second sum after a bare comma details the first; a list closes with 'and'."""
    detail = read_commitments("Norway has committed $165 million, $23 million in the form of grants.", "en")
    assert len(detail) == 1 and "grants" in detail[0].evidence
    part = read_commitments("Norway made a $2 billion commitment, $15 million of which will be grants.", "en")
    assert len(part) == 1
    listed = read_commitments("Norway will give $40 million for ports, $10 million for schools and $5 million "
                              "for clinics.", "en")
    assert len(listed) == 3


def test_a_listed_gift_with_no_introducer_is_the_givers(read_commitments):
    """Own wording: an item whose list opening the page cut is read as a sentence of its own;
    a gift in the passive is the giver's, never the receiver's nor a lender named as a condition."""
    text = ("Norway and Ghana signed a fisheries pact in Accra on Monday. The pact was welcomed by the "
            "World Bank, whose loan depends on new reforms.\n\n- 8 new patrol boats will be provided to "
            "Ghana's navy.\n- 300 fishery inspectors will be trained in Tema.")
    found = read_commitments(text, "en")
    boats = [c for c in found if "patrol boats" in c.evidence]
    assert len(boats) == 1 and boats[0].agents == ["NOR"]
    gift = read_commitments("La Norvège et le Ghana ont signé lundi un pacte sur la pêche. Un milliard "
                            "d'euros sera accordé au Ghana pour le port de Tema.", "fr")
    assert [c.agents for c in gift] == [["NOR"]]


def test_a_verbless_item_of_aid_in_a_cut_list_is_the_givers(read_commitments):
    """Own wording: '- 90 million euros in budget aid' among pledged items whose list opening the
    page cut is the giver's pledge too; a sum with no aid noun is a figure, not a gift."""
    text = ("Norway and Ghana signed a fisheries pact in Accra on Monday.\n\n"
            "- 8 new patrol boats will be provided to Ghana's navy\n"
            "- 90 million euros in budget aid, with no condition attached\n"
            "- 2 billion euros in trade between the two countries last year")
    found = read_commitments(text, "en")
    aid = [c for c in found if "budget aid" in c.evidence]
    assert len(aid) == 1 and aid[0].agents == ["NOR"]
    assert not [c for c in found if "in trade" in c.evidence]


def test_the_partner_named_after_the_verb_is_not_who_gives(read_commitments):
    """Own wording: 'Rich nations have announced a partnership with Ghana': no party is the
    subject, and Ghana, named after the verb, is the partner; the givers are the others."""
    text = ("Rich nations have announced a $2bn partnership with Ghana to help the country shut its coal "
            "plants over the next five years. Under the deal with Norway and Denmark, Ghana will close its "
            "oldest plants first, said the Danish minister. Norway's prime minister announced the agreement "
            "in Oslo. Ghana's president said the money would help.")
    found = read_commitments(text, "en")
    first = [c for c in found if c.evidence.startswith("Rich nations")]
    assert len(first) == 1 and "GHA" not in first[0].agents and "NOR" in first[0].agents


def test_a_while_clause_joined_to_a_reported_pledge_is_reported_too(read_commitments):
    """Own wording: 'Norway said X would be made available ..., while a package ... would be
    disbursed': two pledges, both told by Norway."""
    text = ("Norway said 60 million euros would be made available in budget support to Ghana, while a package "
            "worth around 67 million euros, aimed at strengthening the coastguard, would be disbursed in the "
            "coming days.")
    found = read_commitments(text, "en")
    assert len(found) == 2 and any("disbursed" in c.evidence for c in found)
    # a "while" clause no one reports stays a hypothesis
    assert read_commitments("Prices rose, while a package would be disbursed if the talks went well.", "en") == []


def test_a_sum_promised_in_the_passive_is_the_givers(read_commitments):
    """Own wording: 'an extra 150 million euros has been promised' names no giver: the party of
    the last pledge, even when a later clause names it as who must approve ('but ... by Norway')."""
    text = ("Norway pledged 40 million euros to Ghana's fisheries in May. An extra 150 million euros has been "
            "promised in budget aid under the pact, but the package has yet to be approved by Norway.")
    found = [c for c in read_commitments(text, "en") if "extra" in c.evidence]
    assert [c.agents for c in found] == [["NOR"]]
    french = read_commitments("La Norvège a promis 40 millions d'euros au Ghana en mai. 150 millions d'euros "
                              "supplémentaires ont été promis en aide budgétaire dans le cadre du pacte.", "fr")
    assert [c.agents for c in french if "supplémentaires" in c.evidence] == [["NOR"]]


def test_an_intention_held_with_avoir_is_a_pledge(read_commitments):
    """Own wording: « a l'intention de créer », « a pour objectif de construire »; not when
    negated, and not when the subject names no party."""
    held = read_commitments("La Norvège a l'intention de créer un nouveau fonds pour le Ghana.")
    assert [c.agents for c in held] == [["NOR"]]
    aim = read_commitments("Le Ghana a pour objectif de construire trois ports d'ici 2030.")
    assert [(c.agents, c.deadline) for c in aim] == [(["GHA"], "2030-12-31")]
    assert read_commitments("La Norvège n'a pas l'intention de créer un fonds.") == []
    assert read_commitments("Cette réforme a pour objectif de réduire la pauvreté.") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "À Oslo, la Norvège a présenté ce vendredi son plan pour l'Afrique. Ce programme, soutenu par la "
           "présidente de la Commission européenne, prévoit la mobilisation de 5,5 milliards d'euros pour 14 pays "
           "africains. La Norvège veut aussi former des médecins."),
    ("en", "Norway presented its Africa plan in Oslo on Friday. The plan, backed by the World Bank, includes 5.5 "
           "billion euros for 14 African countries. Norway also wants to train doctors."),
])
def test_who_backs_a_programme_is_not_who_carries_it_out(read_commitments, lang, text):
    """Own wording: 'Ce programme, soutenu par X, prévoit ...': the plan's owner, not its backer."""
    found = [c for c in read_commitments(text, lang) if "5,5" in c.evidence or "5.5" in c.evidence]
    assert [c.agents for c in found] == [["NOR"]]


def test_a_sum_made_available_is_given(read_commitments):
    """Own wording: a sum 'mis à la disposition' / 'made available' in the passive is a gift of
    the article's giver, as 'débloqués' is."""
    fr = read_commitments("La Norvège a signé un pacte avec le Ghana dimanche. Cent millions seront rapidement mis à "
                          "la disposition du pays pour le contrôle des frontières, et 900 millions seront débloqués "
                          "en guise d’aide financière.")
    assert sorted(c.agents[0] for c in fr) == ["NOR", "NOR"]
    en = read_commitments("Norway signed a pact with Ghana on Sunday. Officials said 60 million euros would be made "
                          "available in budget support to the country.", "en")
    assert [c.agents for c in en] == [["NOR"]]


def test_an_aim_told_first_does_not_block_the_pledge(read_commitments):
    """Own wording: 'afin d'encourager X, le Japon fournira ...' -- the parser may hang the
    pledge under the infinitive of purpose; 'encourager' there is an aim, not a demand."""
    found = read_commitments("De même, afin d’encourager les échanges et les investissements japonais dans la "
                             "région, le Japon fournira 14 milliards de dollars de crédits à l’exportation.")
    assert [c.agents for c in found] == [["JPN"]]
    assert read_commitments("Le Ghana a encouragé la Norvège à fournir 14 milliards de dollars.") == []


def test_what_someone_needs_to_do_is_no_plan(read_commitments):
    assert read_commitments("“What we as the G20 need to do is to show the benefits of trade,” Lula said.", "en") == []
    assert read_commitments("Brazil is to build a new port in Luanda, the Brazilian minister said.", "en")


def test_those_left_out_of_a_pledge_are_not_its_beneficiaries(read_commitments):
    en = read_commitments("Ghana will waive visas for all West African states except Togo, which recognises Taiwan.",
                          "en")
    assert en and en[0].agents == ["GHA"]
    assert "TGO" not in en[0].beneficiaries and "TWN" not in en[0].beneficiaries
    fr = read_commitments("Le Sénégal supprimera les visas pour tous les pays africains, à l’exception du Mali.", "fr")
    assert fr and fr[0].agents == ["SEN"] and "MLI" not in fr[0].beneficiaries


def test_coordinated_acts_each_with_a_figure_are_one_commitment_each(read_commitments):
    text = ("Le Premier ministre norvégien s'est engagé mardi à verser au Mali 40 millions d'euros "
            "d'aide budgétaire et à aider à la construction de 300 écoles dans le pays.")
    found = read_commitments(text, "fr")
    assert [f.evidence for f in found][-1] == "à aider à la construction de 300 écoles dans le pays"
    assert len(found) == 2 and all(f.agents == ["NOR"] for f in found)
    assert found[1].quantity == 300 and found[0].quantity == 40e6
    english = ("Canada will provide 2 million dollars in food aid to Ghana, build 30 clinics and encourage "
               "firms to invest, the minister said.")
    found = read_commitments(english, "en")
    assert len(found) == 2 and found[1].evidence.startswith("build 30 clinics")
    assert all(f.agents == ["CAN"] for f in found) and found[1].action.startswith("build 30 clinics")
    # acts without figures stay one statement; an act and a participle are not a list
    assert len(read_commitments("Brazil will build, train and equip 12 battalions.", "en")) == 1
    assert len(read_commitments("Brazil will give $5 million to Angola, helping 3,000 farmers.", "en")) == 1


def test_money_already_committed_is_progress_not_a_pledge(read_commitments):
    done = ("“Since the summit, we have already committed $3 billion towards these investments,” "
            "the Norwegian minister said.")
    assert read_commitments(done, "en") == []
    assert len(read_commitments("Norway has committed $3 billion to the Ghana fund.", "en")) == 1
    assert len(read_commitments("Norway has already pledged $3 billion to the Ghana fund.", "en")) == 1


def test_an_undated_report_is_not_dated_by_a_year_in_a_name(read_commitments):
    text = ("The two ministers met in Oslo in November 2023. As part of its Vision 2040 plan, Norway affirmed "
            "a commitment to invest $3 billion in Ghana by the end of the decade.")
    found = read_commitments(text, "en", published=None)
    assert [f.deadline for f in found] == ["2030-12-31"]


def test_the_administration_is_the_government_of_the_state_a_leader_named_before_serves(make_article):
    """Own wording, through the real reader (the leaders table gives Obama and Macron their
    state): "the Obama administration ... The administration also promised" is the United
    States; "L'administration Macron" is France, the leader's name not read as a person called
    "L'administration Macron"."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    def pledges(text: str, lang: str):
        article = make_article(text, lang)
        doc = parse_text(text, lang)
        reading = read_article(doc, article, get_gazetteer())
        return reading, extract(doc, article, local_mentions(reading))

    _reading, found = pledges("Ghana's fishermen met in Accra on Monday. Last week the Obama administration unveiled "
                              "a coastal plan for Ghana. The administration also promised to fund 12 fish markets "
                              "along the coast.", "en")
    markets = [f for f in found if "fish markets" in f.evidence]
    assert markets and markets[0].agents == ["USA"]
    reading, found = pledges("Les pêcheurs ghanéens se sont réunis lundi à Accra. L'administration Macron s'était "
                             "engagée à financer douze marchés aux poissons d'ici 2027.", "fr")
    assert [f.agents for f in found] == [["FRA"]]
    assert [c.name.text for c in reading.actors.persons] == ["Emmanuel Macron"]


def test_a_length_counted_from_a_report_known_to_the_year_ends_in_a_year(read_commitments):
    """Own wording: an undated report whose latest past date is a bare year is anchored on that
    year only; "over three years" from it ends in a year (2024), not on a stand-in day
    (2024-01-01, which made the pledge look overdue a whole year early)."""
    text = ("The fisheries summit took place in 2021 in Accra. At the summit, Norway promised to "
            "invest 40 million euros in Ghana's ports over three years.")
    found = [f for f in read_commitments(text, "en", published=None) if "40 million" in f.evidence]
    assert found and found[0].deadline == "2024-12-31" and found[0].deadline_precision == "year"
