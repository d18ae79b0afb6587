"""Progress reports that move the pledge they talk about: the clause's subject picks the
commitment, one sentence can move several pledges, fractions are partial, "still not done"
is stalled only past the deadline, and a back-reference to a pledge is evidence for it."""

from __future__ import annotations

from datetime import date

import pytest

from suivi.follow import stage
from suivi.follow.cues import get_cues
from suivi.follow.status import status_of

from .conftest import add_commitment, ingest_files, write_article


def noop(*_args) -> None:
    return None


@pytest.mark.parametrize(
    ("lang", "sentence", "status"),
    [
        ("en", "Three of the eight ambulances for the northern clinics have arrived, he said.", "partial"),
        ("en", "Half of the promised classrooms have been handed over so far.", "partial"),
        ("en", "Canada has disbursed the first 40 million dollars of the 120 million it pledged.", "in_progress"),
        ("en", "The new terminal is roughly half complete, engineers said.", "in_progress"),
        ("en", "The access road is still being paved.", "in_progress"),
        ("en", "Work on the water plant has begun near the river.", "in_progress"),
        ("en", "Dredging of the harbour is now under way.", "in_progress"),
        ("en", "The grid link will not be operational before 2029, the utility said.", "stalled"),
        ("en", "The hospital wing is running behind schedule.", "stalled"),
        ("fr", "Trois des dix forages promis ont été réalisés dans la région.", "partial"),
        ("fr", "Le barrage ne sera pas opérationnel avant 2030, selon l'agence.", "stalled"),
        ("fr", "Le chantier de l'autoroute prend du retard.", "stalled"),
        ("fr", "La réhabilitation du port est toujours en cours.", "in_progress"),
        ("fr", "La construction des salles de classe a commencé en avril.", "in_progress"),
        ("fr", "Les quinze médecins cubains sont bien arrivés à l'hôpital de Gao.", "fulfilled"),
        ("fr", "Les trente bourses ont bien été attribuées aux lauréats.", "fulfilled"),
        # a share of the pledge itself done
        ("en", "We have already delivered on more than 40 per cent of this commitment.", "in_progress"),
        ("en", "The ministry has met 70 percent of its target.", "in_progress"),
        # nearly there
        ("en", "The minister said the loan was close to being concluded.", "in_progress"),
        ("en", "The port deal is nearing completion, officials said.", "in_progress"),
        ("fr", "Le prêt norvégien est sur le point d'être signé.", "in_progress"),
        ("fr", "Nous avons honoré plus de 60 % de cet engagement, a-t-elle dit.", "in_progress"),
        # a plant working for its users is done, not merely begun
        ("en", "The second turbine began running on a commercial basis last week.", "fulfilled"),
        ("en", "The water plant was officially put into commercial operation on Monday.", "fulfilled"),
        ("en", "The ferry line began commercial operations in May.", "fulfilled"),
        # support cut off by its giver (found on blind set 49DA)
        ("en", "Washington severed its financial support to the programme last week.", "broken"),
        ("fr", "Washington a coupé son soutien financier au programme la semaine dernière.", "broken"),
        # being done, in the present passive (found on blind set 49DB)
        ("en", "Twelve projects are being implemented across the region, the ministry said.", "in_progress"),
        ("fr", "Au total, douze projets sont mis en œuvre sur le continent.", "in_progress"),
        # told in the pluperfect of reported speech (found on blind set 54IA)
        ("fr", "Le ministre a indiqué que le Ghana avait commencé la construction du port.", "in_progress"),
        ("fr", "Selon lui, la Norvège avait abandonné le projet de pont l'an dernier.", "broken"),
        ("fr", "Les deux pays avaient signé des accords de prêt en mai.", "in_progress"),
        # opened again (found on blind set 55JA)
        ("en", "Ghana reopened its embassy in Lome on Tuesday.", "fulfilled"),
        ("fr", "Le Ghana a rouvert son ambassade à Lomé mardi.", "fulfilled"),
        # a signature told by its noun, with its signatories (found on blind set 49DC)
        ("en", "Accra hosted the signing of the framework by the two presidents.", "fulfilled"),
        ("fr", "Accra a accueilli la signature du cadre de coopération par les deux présidents.", "fulfilled"),
        # people held, freed; a base handed back; a withdrawal begun; operations taken up again by
        # their operator (found on blind sets 46 and 51)
        ("en", "The three engineers, who had been held for months in Accra, have been released.", "fulfilled"),
        ("fr", "Les trois ingénieurs détenus depuis mars à Accra ont été libérés mardi.", "fulfilled"),
        ("en", "Norway has formally transferred control over the Tema naval base to Ghana.", "fulfilled"),
        ("fr", "La Norvège a rétrocédé au Ghana la base navale de Tema.", "fulfilled"),
        ("en", "Officials said the withdrawal process had already begun.", "in_progress"),
        ("en", "Ghana's army announced the start of the withdrawal of Norwegian forces.", "in_progress"),
        ("fr", "L'armée ghanéenne a annoncé le début du retrait des forces norvégiennes.", "in_progress"),
        ("fr", "La société norvégienne a officiellement repris ses activités à Tema.", "in_progress"),
        ("en", "The report was released on Monday.", None),
        # a share of the works told with "at"; the law a pledge needs, brought before parliament
        # (found on blind set 52)
        ("en", "The Tema bridge is currently at 61.2% completion, with the last span slated to be finished by May.",
         "in_progress"),
        ("en", "On Monday the cabinet approved the introduction of legislation setting up the harbour fund.",
         "in_progress"),
        ("en", "The Ghanaian government tabled a bill to create the fund.", "in_progress"),
        ("fr", "Le gouvernement ghanéen a déposé un projet de loi portant création du fonds.", "in_progress"),
        ("fr", "Le projet de loi sur le fonds portuaire a été présenté au Parlement mardi.", "in_progress"),
        # kept from moving (found on blind set 53)
        ("fr", "Cet oléoduc est actuellement paralysé par les tensions entre Accra et Lomé.", "stalled"),
        ("en", "The pipeline has been paralysed by the row between Accra and Lomé.", "stalled"),
        ("en", "Works on the Tema bridge are at a standstill.", "stalled"),
        # an adverb between the auxiliary and its participle (found on blind set 56KA)
        ("fr", "La commission a également lancé les travaux du pont de Tema.", "in_progress"),
        ("fr", "Les deux navires ont finalement été livrés au Ghana en mai.", "fulfilled"),
        ("en", "Norway has also begun the works on the Tema bridge.", "in_progress"),
        ("en", "The two vessels were finally delivered to Ghana in May.", "fulfilled"),
        ("en", "Norway has not also begun the works on the Tema bridge.", None),
        # « se livrer » is to wage, not to deliver (found on blind set 58MA)
        ("fr", "Le Ghana et le Togo se sont livré de 1998 à 2000 une guerre frontalière.", None),
        ("fr", "Les dix vedettes sont livrées au Ghana.", "fulfilled"),
        # thousands written with a space, and "fail to fulfil" (found on blind set 59)
        ("fr", "Au Ghana, 1 132 km de routes ont été refaits sur les 6 538 km prévus.", "partial"),
        ("en", "Only 1,132 km of roads were rebuilt out of the 6,538 km promised to Ghana.", "partial"),
        ("en", "The Norwegian firm failed to fulfil its promise to build the Tema harbour.", "stalled"),
        # a schedule said held or missed (blind sets 59NA, 61PC)
        ("fr", "Le calendrier est tenu, a assuré le ministre ghanéen.", "in_progress"),
        ("fr", "La date butoir ne sera pas tenue au Ghana.", "stalled"),
        ("en", "Ghana's government said the deadline will not be met.", "stalled"),
        ("en", "Ghana will miss the December deadline.", "stalled"),
        ("en", "The deadline was met.", None),
        # "flagged off" (West African English): a line opened, or works started (blind set 61)
        ("en", "President Mahama last week flagged off the new Accra-Kumasi railway.", "fulfilled"),
        ("en", "President Mahama flagged off the construction of the Accra-Kumasi railway.", "in_progress"),
    ],
)
def test_progress_wording(lang: str, sentence: str, status: str | None):
    hit = get_cues(lang).find_status(sentence)
    assert (hit.status if hit is not None else None) == status, (sentence, hit)


def test_still_not_and_back_references_are_their_own_cues():
    fr, en = get_cues("fr"), get_cues("en")
    assert fr.find_status("Le rapport n'a toujours pas été remis au parlement.") is None
    assert fr.find_still_not("Le rapport n'a toujours pas été remis au parlement.") is not None
    assert en.find_still_not("The ministry still has not published the list.") is not None
    assert en.refers_back("the 80 million pledged to Chad last year")
    assert fr.refers_back("le pont promis en mai par le Japon")
    assert not en.refers_back("Japan has promised to build a bridge.")
    assert fr.find_status("Le porte-parole a bien précisé que le calendrier reste inchangé.") is None


def _run(store, corpus_dir, first: tuple[str, str, str], later: list[tuple[str, str, str]]) -> list[int]:
    files = [write_article(corpus_dir, "0.txt", *first)]
    files += [write_article(corpus_dir, f"{i + 1}.txt", *art) for i, art in enumerate(later)]
    return ingest_files(store, files)


def test_the_subject_of_the_report_picks_the_commitment(store, corpus_dir):
    plant = "La Chine construira un barrage hydroélectrique sur le fleuve Konkouré en Guinée d'ici à 2031."
    study = "Le ministre a assuré que l'étude d'impact environnemental serait terminée avant la fin de 2025."
    late = ("L'étude d'impact du barrage promis par la Chine à la Guinée ne sera pas terminée avant 2027, "
            "a reconnu le ministère.")
    ids = _run(store, corpus_dir, ("Un barrage chinois", "Publié le 2 février 2025", f"{plant} {study}"),
               [("Le barrage attendra", "Publié le 3 octobre 2025", late)])
    with store.begin() as conn:
        dam, _ = add_commitment(conn, ids[0], plant, key="chn-dam", agents=["CHN"], beneficiaries=["GIN"],
                                action="construire un barrage hydroélectrique sur le fleuve Konkouré", deadline="2031")
        impact, _ = add_commitment(conn, ids[0], study, key="gin-study", agents=["GIN"], beneficiaries=[],
                                   action="terminer l'étude d'impact environnemental", deadline="2025")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, impact, date(2025, 12, 1)).status == "stalled"
        assert status_of(conn, dam, date(2025, 12, 1)).status == "announced"


def test_one_sentence_moves_two_pledges_and_fractions_are_partial(store, corpus_dir):
    money = "The European Union will give Senegal 300 million euros for job programmes over 2025 and 2026."
    schools = "It will also build three vocational training centres in Thies, Kaolack and Ziguinchor by 2026."
    boats = "Brussels will supply six fishing patrol vessels to the Senegalese navy."
    later = ("The European Union has paid the first 100 million euros of the 300 million promised to Senegal, "
             "and work has begun on the three vocational training centres, the EU delegation said. "
             "Two of the six fishing patrol vessels have reached Dakar, officials said.")
    ids = _run(store, corpus_dir, ("EU and Senegal", "Published on 10 January 2025", f"{money} {schools} {boats}"),
               [("Progress report", "Published on 5 September 2025", later)])
    with store.begin() as conn:
        fund, _ = add_commitment(conn, ids[0], money, key="eu-fund", agents=["UE"], beneficiaries=["SEN"],
                                 action="give Senegal 300 million euros for job programmes", deadline="2026")
        centres, _ = add_commitment(conn, ids[0], schools, key="eu-centres", agents=["UE"], beneficiaries=["SEN"],
                                    action="build three vocational training centres", deadline="2026")
        vessels, _ = add_commitment(conn, ids[0], boats, key="eu-boats", agents=["UE"], beneficiaries=["SEN"],
                                    action="supply six fishing patrol vessels to the Senegalese navy")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, fund, date(2025, 10, 1)).status == "in_progress"
        assert status_of(conn, centres, date(2025, 10, 1)).status == "in_progress"
        assert status_of(conn, vessels, date(2025, 10, 1)).status == "partial"


def test_still_not_done_is_stalled_only_past_the_deadline(store, corpus_dir):
    pledge = "Le gouvernement nigérien publiera la liste des bénéficiaires du programme avant juin 2025."
    early = "Au Niger, la liste des bénéficiaires du programme n'a toujours pas été publiée, note un syndicat."
    late = "La liste des bénéficiaires du programme n'a toujours pas été publiée par le gouvernement du Niger."
    ids = _run(store, corpus_dir, ("Programme social", "Publié le 2 février 2025", pledge),
               [("Pas encore", "Publié le 10 avril 2025", early),
                ("Toujours rien", "Publié le 15 septembre 2025", late)])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="ner-list", agents=["NER"], beneficiaries=[],
                                action="publier la liste des bénéficiaires du programme", deadline="2025-06")
    stage.run(store, None, noop)
    with store.connect() as conn:
        view = status_of(conn, cid, date(2025, 10, 1))
        assert [c.article_id for c in view.changes] == [ids[2]]
        assert view.status == "stalled" and view.evidence[0].article_id == ids[2]


def test_a_back_reference_stored_as_a_mention_is_status_evidence(store, corpus_dir):
    pledge = "Japan will provide Ghana with 90 million dollars for rural water projects by 2027."
    later = "Japan has paid the first 30 million dollars of the 90 million pledged to Ghana, the embassy said."
    ids = _run(store, corpus_dir, ("Water aid", "Published on 3 March 2025", pledge),
               [("Water aid flows", "Published on 20 August 2025", later)])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="jpn-water", agents=["JPN"], beneficiaries=["GHA"],
                                action="provide Ghana with 90 million dollars for rural water projects",
                                deadline="2027")
        add_commitment(conn, ids[1], later, key="jpn-water", agents=["JPN"], beneficiaries=["GHA"],
                       action="provide Ghana with 90 million dollars for rural water projects", deadline="2027")
    stage.run(store, None, noop)
    with store.connect() as conn:
        view = status_of(conn, cid, date(2025, 9, 1))
        assert view.status == "in_progress" and view.evidence[0].article_id == ids[1]


def test_this_commitment_right_after_the_pledge_restated_is_that_pledge(store, corpus_dir):
    """Own wording: a later report restates the pledge, then says how much of "this commitment"
    is done in words it does not share with the pledge: evidence for that pledge."""
    pledge = "Norway will invest 40 million euros in Ghana's fishing ports over three years."
    later = ("At last year's summit, Norway said it would invest 40 million euros in Ghana's fishing ports. "
             "“So far we have delivered on more than 60 per cent of this commitment”, the envoy told reporters.")
    ids = _run(store, corpus_dir, ("Ports", "Published on 3 March 2025", pledge),
               [("A year on", "Published on 4 March 2026", later)])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="nor-ports", agents=["NOR"], beneficiaries=["GHA"],
                                action="invest 40 million euros in Ghana's fishing ports", deadline="2028")
        restated = later.split(" “")[0]
        add_commitment(conn, ids[1], restated, key="nor-ports", agents=["NOR"], beneficiaries=["GHA"],
                       action="invest 40 million euros in Ghana's fishing ports", deadline="2028")
    stage.run(store, None, noop)
    with store.connect() as conn:
        view = status_of(conn, cid, date(2026, 4, 1))
        assert view.status == "in_progress" and view.evidence[0].article_id == ids[1]
        assert "this commitment" in view.evidence[0].sentence


def test_paying_the_first_tranche_fulfils_the_first_tranche_pledge(store, corpus_dir):
    whole = "Germany will give Niger 150 million euros for irrigation schemes over three years."
    first = "The first tranche of 50 million euros will be paid before the rainy season, the envoy said."
    later = ("Germany has paid the first 50 million euros of the 150 million promised to Niger, "
             "the German embassy in Niamey said.")
    ids = _run(store, corpus_dir, ("German aid", "Published on 2 February 2025", f"{whole} {first}"),
               [("Money arrives", "Published on 1 August 2025", later)])
    with store.begin() as conn:
        total, _ = add_commitment(conn, ids[0], whole, key="deu-total", agents=["DEU"], beneficiaries=["NER"],
                                  action="give Niger 150 million euros for irrigation schemes", deadline="2027")
        tranche, _ = add_commitment(conn, ids[0], first, key="deu-tranche", agents=["DEU"], beneficiaries=["NER"],
                                    action="pay the first tranche of 50 million euros", deadline="2025-06")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, total, date(2025, 9, 1)).status == "in_progress"
        assert status_of(conn, tranche, date(2025, 9, 1)).status == "fulfilled"


def test_a_detail_clause_does_not_override_the_main_report(store, corpus_dir):
    pledge = "Morocco will train 60 Malian customs officers at its academy in Kenitra."
    later = ("The training of Malian customs officers is under way in Morocco, where 20 of the 60 cadets "
             "have already graduated.")
    ids = _run(store, corpus_dir, ("Customs", "Published on 2 February 2025", pledge),
               [("Customs training", "Published on 1 June 2025", later)])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="mar-customs", agents=["MAR"], beneficiaries=["MLI"],
                                action="train 60 Malian customs officers")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, cid, date(2025, 7, 1)).status == "in_progress"


def test_a_count_is_not_the_subject_that_picks_the_commitment(store, corpus_dir):
    teach = "L'Égypte formera des enseignants maliens dans ses universités."
    go = "Selon l'ambassadeur, une première cohorte de soixante apprentis partira pour l'Égypte en octobre."
    later = "Cinquante-deux apprentis maliens ont bien rejoint des universités égyptiennes en octobre."
    ids = _run(store, corpus_dir, ("Égypte-Mali", "Publié le 2 février 2025", f"{teach} {go}"),
               [("Départ", "Publié le 20 novembre 2025", later)])
    with store.begin() as conn:
        teachers, _ = add_commitment(conn, ids[0], teach, key="egy-teachers", agents=["EGY"], beneficiaries=["MLI"],
                                     action="former des enseignants maliens dans ses universités")
        cohort, _ = add_commitment(conn, ids[0], go, key="egy-cohort", agents=["EGY"], beneficiaries=["MLI"],
                                   action="une première cohorte de soixante apprentis partira pour l'Égypte",
                                   deadline="2025-10")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, cohort, date(2025, 12, 1)).status == "fulfilled"
        assert status_of(conn, teachers, date(2025, 12, 1)).status == "announced"


def test_names_and_saying_verbs_do_not_pick_the_commitment(store, corpus_dir):
    """"l'Union" is a name (the party, matched as such), and "il est à rappeler que" says
    nothing about which pledge moved: the report of the paid sum goes to the pledge of that sum,
    not to the pledge that shares only those words."""
    from suivi.follow.evidence import key_words

    assert "union" not in key_words("l'Union européenne a décaissé un don", "fr", 4)
    money = "L'Union européenne versera à la Tunisie une aide budgétaire de 150 millions d'euros."
    benefit = "Cet accord bénéficiera à l'Union européenne et au peuple tunisien, a rappelé le ministre."
    later = ("Il est à rappeler que l'Union européenne a décaissé, le 4 mars, un don de 150 millions d'euros "
             "destiné au financement du budget de l'Etat.")
    ids = _run(store, corpus_dir, ("Accord UE-Tunisie", "Publié le 17 juillet 2025", f"{money} {benefit}"),
               [("Tunisie : aide budgétaire", "Publié le 8 mars 2026", later)])
    with store.begin() as conn:
        fund, _ = add_commitment(conn, ids[0], money, key="eu-tun-budget", agents=["UE"], beneficiaries=["TUN"],
                                 action="verser une aide budgétaire de 150 millions d'euros")
        other, _ = add_commitment(conn, ids[0], benefit, key="tun-benefit", agents=["TUN"], beneficiaries=["UE"],
                                  action="bénéficier à l'Union européenne et au peuple tunisien")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, fund, date(2026, 4, 1)).status == "fulfilled"
        assert status_of(conn, other, date(2026, 4, 1)).status == "announced"




def test_a_sentence_naming_nobody_moves_a_pledge_only_where_the_article_names_its_giver(store, corpus_dir):
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as commitment_store

    pledge = "Norway will give 40 million dollars to the African Union's climate fund."
    fraction = "Yet, with only a fraction of pledged funds delivered, activists warn that the plan falls short."
    first = _run(store, corpus_dir, ("Norway and the fund", "Published on 10 January 2025", pledge),
                 [("Fund board", "Published on 5 September 2025",
                   f"The African Union's climate fund has unveiled its first plan. {fraction}")])
    run_pipeline(store, first)
    with store.connect() as conn:
        gift = next(c for c in commitment_store.list_commitments(conn) if c.agents == ["NOR"])
        # the report names only where the money goes: whose pledge it speaks of, it does not say
        assert status_of(conn, gift.id, date(2025, 9, 30)).status == "announced"
    later = ingest_files(store, [write_article(corpus_dir, "9.txt", "Fund talks", "Published on 6 October 2025",
                                               f"Norway and the African Union's climate fund met in Oslo. {fraction}")])
    run_pipeline(store, later)
    with store.connect() as conn:
        assert status_of(conn, gift.id, date(2025, 10, 30)).status == "partial"


@pytest.mark.parametrize(("report", "status"), [
    # the pledge's "Finance" is a name; a report's verb "a financé" (folded alike) does not name it
    ("Depuis 2022, la banque norvégienne a financé des projets de chemin de fer en Afrique de l'Est.", "announced"),
    ("Work on the railway line of the Atlantic Finance Corporation has begun near the coast, engineers said.",
     "in_progress"),
])
def test_a_pledges_names_are_matched_on_capitalised_words(store, corpus_dir, report, status):
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as commitment_store

    pledge = "The Atlantic Finance Corporation will finance and build a railway line in Kenya."
    ids = _run(store, corpus_dir, ("Railway pledge", "Published on 10 January 2025", pledge),
               [("Railway news", "Published on 5 September 2025", report)])
    run_pipeline(store, ids)
    with store.connect() as conn:
        line = next(c for c in commitment_store.list_commitments(conn) if "railway" in c.action)
        assert status_of(conn, line.id, date(2025, 9, 30)).status == status


@pytest.mark.parametrize(("lang", "clause"), [
    ("en", "Once completed"),  # "Once completed, the coastal road will carry fish": the cue's clause
    ("en", "When fully operational"),
    ("fr", "Une fois achevée"),
    # what still has to be done (found on blind set 55JB: "twenty stages that must be completed")
    ("en", "about twenty stages that must be completed for the construction of the plant"),
    ("en", "the coastal road should be finished by June"),
    ("en", "the road still needs to be completed"),
])
def test_what_follows_completion_announces_it_does_not_report_it(lang, clause):
    cues = get_cues(lang)
    assert cues.announces(clause)
    assert not cues.announces("The coastal road was completed in May" if lang == "en"
                              else "La route côtière a été achevée en mai")


def test_paying_a_part_the_pledge_names_is_a_step_not_the_whole_pledge_kept(store, corpus_dir):
    # "150 million euros of loans, of which 50 million before the rainy season": paying the 50
    # million moves the 150 million pledge on; it does not fulfil it
    pledge = ("Germany will lend Niger 150 million euros for irrigation schemes, of which 50 million euros "
              "before the rainy season, the envoy said.")
    later = "Germany has paid 50 million euros to Niger for irrigation schemes, the German embassy said."
    ids = _run(store, corpus_dir, ("German aid", "Published on 2 February 2025", pledge),
               [("Money arrives", "Published on 1 August 2025", later)])
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="deu-loans", agents=["DEU"], beneficiaries=["NER"],
                                action="lend Niger 150 million euros for irrigation schemes", deadline="2027")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, cid, date(2025, 9, 1)).status == "in_progress"


@pytest.mark.parametrize(("pledge", "report"), [
    ("Ghana and Norway signed a harbour agreement in Accra. Ghana's parliament will ratify the agreement "
     "before June.",
     "On 8 May, Ghana's parliament passed a law ratifying the harbour agreement with Norway, which also "
     "creates a port fund."),
    ("Le Ghana et la Norvège ont signé un accord portuaire à Accra. L'accord doit encore être ratifié par le "
     "Parlement ghanéen.",
     "Le 8 mai, le Parlement ghanéen a adopté une loi portant ratification de l'accord portuaire avec la "
     "Norvège, qui crée aussi un fonds."),
])
def test_a_law_ratifying_the_agreement_keeps_the_pledge_to_ratify_not_the_agreements(store, corpus_dir, pledge,
                                                                                      report):
    """Own wording (found on the thirty-third blind set): the vote told with the noun ("passed a
    law ratifying", « a adopté une loi portant ratification ») is the act the pledge to ratify
    named; the agreement it ratifies, closer in wording, is not what moved."""
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as commitment_store

    ids = _run(store, corpus_dir, ("Harbour deal", "Published on 10 January 2025", pledge),
               [("Harbour law", "Published on 5 September 2025", report)])
    run_pipeline(store, ids)
    with store.connect() as conn:
        ratify = next(c for c in commitment_store.list_commitments(conn) if "ratif" in (c.action or ""))
        assert status_of(conn, ratify.id, date(2025, 9, 30)).status == "fulfilled"


@pytest.mark.parametrize(("report", "status"), [
    ("Ghana's vice-president this week inaugurated the first road built under the 2 billion dollar deal with "
     "China.", "in_progress"),
    ("Le vice-président ghanéen a inauguré cette semaine la première route construite dans le cadre de l'accord "
     "de 2 milliards de dollars avec la Chine.", "in_progress"),
    # not the first of them: the works done
    ("Ghana's vice-president this week inaugurated the roads and bridges built under the 2 billion dollar deal "
     "with China.", "fulfilled"),
])
def test_the_first_of_the_works_inaugurated_moves_a_pledge_of_many_on(store, corpus_dir, report, status):
    """Own wording (found on the thirty-fourth blind set): "inaugurated the first road built
    under the deal" is a step of a pledge of many roads, not the pledge kept."""
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as commitment_store

    pledge = "China will lend Ghana 2 billion dollars to build roads and bridges across the country."
    ids = _run(store, corpus_dir, ("Roads deal", "Published on 10 January 2019", pledge),
               [("Roads news", "Published on 28 September 2022", report)])
    run_pipeline(store, ids)
    with store.connect() as conn:
        loan = next(c for c in commitment_store.list_commitments(conn) if c.agents == ["CHN"])
        assert status_of(conn, loan.id, date(2022, 10, 30)).status == status


def test_who_withdrew_picks_the_pledge_of_that_backer(store, corpus_dir):
    """Own wording (found on the forty-fifth blind set: « Le gouvernement britannique a retiré
    plus d'un milliard de dollars du financement prévu pour le projet » of a company that two
    states back): the doer of a withdrawal or a delay names whose pledge it is, even when the
    other backer's pledge shares more words with the sentence."""
    norway = "La Norvège prêtera 300 millions de dollars pour le projet gazier de Tema au Ghana."
    canada = "Le Canada financera le terminal gazier de Tema au Ghana avec un accord de financement de 2 milliards."
    late = ("Le gouvernement norvégien a retiré plus de 200 millions de dollars du financement prévu pour le "
            "terminal gazier de Tema au Ghana.")
    ids = _run(store, corpus_dir, ("Tema", "Publié le 2 février 2025", f"{norway} {canada}"),
               [("Retrait", "Publié le 3 octobre 2025", late)])
    with store.begin() as conn:
        nor, _ = add_commitment(conn, ids[0], norway, key="nor-tema", agents=["NOR"], beneficiaries=["GHA"],
                                action="prêter 300 millions de dollars pour le projet gazier de Tema")
        can, _ = add_commitment(conn, ids[0], canada, key="can-tema", agents=["CAN"], beneficiaries=["GHA"],
                                action="financer le terminal gazier de Tema")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, nor, date(2025, 12, 1)).status == "broken"
        assert status_of(conn, can, date(2025, 12, 1)).status == "announced"


def test_a_giver_cutting_its_support_breaks_its_own_share_not_the_partners_whole(store, corpus_dir):
    """Found on blind set 49DA (one partner of several leaving): own wording."""
    whole = "Norway, Sweden and Denmark pledged 900 million dollars for Ghana's energy transition."
    share = "Norway alone will provide 300 million dollars of the energy transition package."
    later = "Norway has severed its financial support for Ghana's energy transition, officials said."
    ids = _run(store, corpus_dir, ("Nordic pledge", "Published on 10 January 2025", f"{whole} {share}"),
               [("Norway leaves", "Published on 3 October 2025", later)])
    with store.begin() as conn:
        together, _ = add_commitment(conn, ids[0], whole, key="nordic-whole", agents=["NOR", "SWE", "DNK"],
                                     beneficiaries=["GHA"],
                                     action="pledge 900 million dollars for the energy transition")
        alone, _ = add_commitment(conn, ids[0], share, key="nor-share", agents=["NOR"], beneficiaries=["GHA"],
                                  action="provide 300 million dollars of the energy transition package")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, alone, date(2025, 12, 1)).status == "broken"
        assert status_of(conn, together, date(2025, 12, 1)).status == "announced"


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Norway has already lent 200 million dollars of the package, the ministry said."),
    ("fr", "La Norvège a déjà prêté 200 millions de dollars sur l'enveloppe promise, selon le ministère."),
])
def test_money_lent_is_money_paid(lang: str, sentence: str):
    from suivi.follow.evidence import coordinated_clauses

    found = get_cues(lang).find_disbursed(sentence, coordinated_clauses(sentence), lang)
    assert [m.sums[0].value for m in found] == [200_000_000.0], found



def test_money_paid_as_a_part_of_a_named_whole_moves_the_pledge_of_the_whole(store, corpus_dir):
    """Own wording: "€1 billion, the first instalment of a wider €4 billion package" reports on the
    €4 billion pledged, not on a €1 billion pledge made beside it."""
    short = "The European Union will lend Senegal 1 billion euros in short-term assistance before the end of 2025."
    long_ = "It will also lend Senegal 4 billion euros in long-term assistance between 2025 and 2028."
    later = ("The European Commission has disbursed 1 billion euros in long-term assistance to Senegal, marking "
             "the first instalment of a wider 4 billion euro package.")
    ids = _run(store, corpus_dir, ("EU and Senegal", "Published on 2 February 2025", f"{short} {long_}"),
               [("First instalment", "Published on 3 March 2026", later)])
    with store.begin() as conn:
        first, _ = add_commitment(conn, ids[0], short, key="eu-short", agents=["UE"], beneficiaries=["SEN"],
                                  action="lend Senegal 1 billion euros in short-term assistance", deadline="2025")
        whole, _ = add_commitment(conn, ids[0], long_, key="eu-long", agents=["UE"], beneficiaries=["SEN"],
                                  action="lend Senegal 4 billion euros in long-term assistance", deadline="2028")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, whole, date(2026, 6, 1)).status == "in_progress"
        assert status_of(conn, first, date(2026, 6, 1)).status != "fulfilled"


def test_a_break_dated_before_the_pledge_is_background_not_its_fate(store, corpus_dir):
    """Found on blind set 55JA: « avaient rompu leurs liens en 2016 » in a report of the
    embassies reopened broke the 2023 pledge to reopen them."""
    pledge = "Le Ghana et le Togo rouvriront leurs ambassades dans un délai de deux mois, selon le communiqué."
    report = ("Le Ghana a rouvert son ambassade à Lomé mardi. Le Ghana et le Togo avaient rompu leurs liens "
              "diplomatiques en 2016 après l'attaque de l'ambassade du Ghana à Lomé.")
    ids = _run(store, corpus_dir, ("Ghana et Togo", "Publié le 10 mars 2023", pledge),
               [("Réouverture", "Publié le 6 juin 2023", report)])
    with store.begin() as conn:
        embassies, _ = add_commitment(conn, ids[0], pledge, key="gha-tgo-embassies", agents=["GHA", "TGO"],
                                      beneficiaries=[], action="rouvrir leurs ambassades", deadline="2023-05")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, embassies, date(2023, 7, 1)).status == "fulfilled"
