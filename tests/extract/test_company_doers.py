"""Companies as doers, own wording (found on the thirty-fifth blind set, a port concession and a
dairy venture): a company name the model tags once is the company wherever it is written again;
"Chairman of X" makes X a body; « l'entreprise norvégienne » is the company named before; a
« que » clause the parser hangs on a noun of the reporting verb is still reported speech."""

from __future__ import annotations

import pytest


def _extract(make_article, text: str, lang: str, published: str | None = "2025-03-10"):
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(text, lang, published=published)
    doc = parse_text(text, lang)
    reading = read_article(doc, article, get_gazetteer())
    return reading, extract(doc, article, local_mentions(reading))


def _first_agents(found, word: str) -> list[str] | None:
    """The agents of the first commitment whose evidence holds `word`, or None."""
    return next((c.agents for c in found if word in c.evidence), None)


def _kinds(reading, text: str, surface: str) -> list[tuple[int, str]]:
    return [(m.start, m.kind) for m in reading.actors.mentions if text[m.start:m.end] == surface]


def test_a_company_name_tagged_once_is_the_company_where_it_is_written_again(make_article):
    text = ("The concession agreement was signed by Kofi Mensah, Director General, GPA and Lars Berg, Group Chairman "
            "and CEO, Norfjord Shipping in the presence of the President of Ghana, says a release from Norfjord "
            "Shipping.\n\nNorfjord Shipping will initially invest more than $250 million to upgrade the Tema terminal "
            "and the investment could increase to $1 billion during the concession period, the release added.")
    reading, found = _extract(make_article, text, "en")
    second = text.index("\n\nNorfjord Shipping") + 2
    kinds = _kinds(reading, text, "Norfjord Shipping")
    assert (second, "organization") in kinds, kinds
    assert _first_agents(found, "invest") == ["org:norfjord-shipping"], [(c.agents, c.evidence) for c in found]


def test_the_chairman_of_an_unknown_name_chairs_a_body(make_article):
    text = ("The agreement was signed by Ms. Ama Mensah, director at the Ministry of Fisheries, and Mr. Kofi "
            "Boateng, Chairman of Skarvik. Skarvik will build a fish-processing plant in Tema by 2027.")
    reading, found = _extract(make_article, text, "en")
    assert {k for _, k in _kinds(reading, text, "Skarvik")} == {"organization"}
    assert "Kofi Boateng" in [p.name.text for p in reading.actors.persons]
    assert _first_agents(found, "plant") == ["org:skarvik"], [(c.agents, c.evidence) for c in found]


@pytest.mark.parametrize("subject", ["L’opérateur portuaire", "La société concessionnaire"])
def test_a_generic_company_noun_with_its_adjective_is_the_company_named_before(make_article, subject):
    text = ("Le PDG de Norfjord Shipping, Kwame Asante, a signé pour trente ans l’exploitation du terminal de Tema. "
            f"{subject} a l’intention d’investir plus de 250 millions de dollars dans les cinq prochaines années.")
    _reading, found = _extract(make_article, text, "fr")
    assert _first_agents(found, "investir") == ["org:norfjord-shipping"], [(c.agents, c.evidence) for c in found]


def test_a_que_clause_hung_on_a_noun_of_the_reporting_verb_is_reported(make_article):
    text = ("Le PDG de Norfjord Shipping, Kwame Asante, a déclaré lors de la cérémonie que la "
            "société investirait 250 millions de dollars au cours des cinq prochaines années pour moderniser le port.")
    _reading, found = _extract(make_article, text, "fr")
    assert [(c.agents, c.deadline) for c in found] == [(["org:norfjord-shipping"], "2030-03-10")], [
        (c.agents, c.deadline, c.evidence) for c in found]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La construction de l’usine débutera en 2026. Le chantier sera mené par le groupe NKT Marine AG."),
    ("en", "Construction of the plant will begin in 2026. The works will be carried out by NKT Marine AG."),
])
def test_a_name_closed_by_a_legal_form_is_a_company_even_after_an_acronym(make_article, lang, text):
    reading, found = _extract(make_article, text, lang)
    keys = {m.ref.key for m in reading.actors.mentions if m.ref is not None and "NKT" in text[m.start:m.end]}
    assert keys == {"org:nkt-marine"}, keys  # its key without the legal form
    assert _first_agents(found, "NKT") == ["org:nkt-marine"], [(c.agents, c.evidence) for c in found]


def test_the_grouping_is_the_company_named_before(make_article):
    """« le groupement » for a consortium chosen before (own wording; a port concession on the
    fortieth blind set)."""
    text = ("Le Ghana a choisi l'entreprise norvégienne Veltra Energy. "
            "Le groupement va assurer la gestion du port pendant vingt ans.")
    _reading, found = _extract(make_article, text, "fr")
    assert _first_agents(found, "groupement") == ["org:veltra-energy"], [(c.agents, c.evidence) for c in found]


@pytest.mark.parametrize(("lang", "text", "word", "agents"), [
    # the reader sees no name in the second sentence: the company is read from its introduction
    ("en", "Norway's Kvarnfjord and Sweden's Lindqvist Marine (LQM) won the tenders, Ghana's port authority said. "
           "Under the deal, Kvarnfjord will supply Ghana with 12 patrol boats, while LQM will build 40 trucks. "
           "The contracts include financing agreements with Norway and Sweden.", "patrol", ["NOR"]),
    ("en", "Norway's Kvarnfjord and Sweden's Lindqvist Marine (LQM) won the tenders, Ghana's port authority said. "
           "Under the deal, Kvarnfjord will supply Ghana with 12 patrol boats, while LQM will build 40 trucks. "
           "The contracts include financing agreements with Norway and Sweden.", "trucks", ["SWE"]),
    ("en", "The Norwegian firm Kvarnfjord signed the contract in Accra. Kvarnfjord will deliver 12 patrol boats "
           "to Ghana by 2027 under the loan Norway granted.", "patrol", ["NOR"]),
    ("fr", "Le norvégien Kvarnfjord et le suédois Lindqvist ont remporté les appels d'offres. Kvarnfjord "
           "livrera 12 patrouilleurs au Ghana d'ici 2027, grâce à un prêt de la Norvège.", "patrouilleurs", ["NOR"]),
])
def test_a_company_brought_in_by_its_nationality_stands_for_a_state_party(make_article, lang, text, word, agents):
    """Found on blind set 48CC (trains bought from three countries' firms, own wording here)."""
    _reading, found = _extract(make_article, text, lang)
    assert _first_agents(found, word) == agents, [(c.agents, c.evidence) for c in found]


def test_a_thing_the_state_owns_is_no_company(make_article):
    text = ("Norway's Lofoten vessel completed its survey off Ghana. Norway and Ghana welcomed it. "
            "The Lofoten will undergo maintenance in Bergen in May.")
    _reading, found = _extract(make_article, text, "en")
    assert not [c for c in found if "maintenance" in c.evidence], [(c.agents, c.evidence) for c in found]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Nordic Partners Group (NPG) met in Accra. Chaired by Norway, NPG comprises Norway, Sweden and "
           "Denmark. The NPG will provide 900 million dollars to Ghana for its energy transition."),
    ("en", "Initially comprising Norway, Sweden and Denmark, the NPG was enlarged this year. The Nordic Partners "
           "Group (NPG) will provide 900 million dollars to Ghana for its energy transition."),
    ("fr", "Le Groupe des partenaires nordiques (GPN) s'est réuni à Accra. Le GPN, qui regroupe la Norvège, la "
           "Suède et le Danemark, versera 900 millions de dollars au Ghana pour sa transition énergétique."),
])
def test_a_group_the_article_defines_by_its_members_acts_for_them(make_article, lang, text):
    """Found on blind set 49DA (a partners' group and its members), own wording."""
    _reading, found = _extract(make_article, text, lang)
    agents = _first_agents(found, "900") or []
    assert {"NOR", "SWE", "DNK"} <= set(agents), [(c.agents, c.evidence) for c in found]


def test_a_length_of_days_from_an_undated_report_is_no_deadline(make_article):
    """An undated report telling "a 1994 flood" is at least that recent, not of that year:
    "within 90 days" cannot be counted from it (found on blind set 49DC, where the deadline
    read 1994-04-01); the length still parts the two acts."""
    text = ("Norway and Ghana signed a deal in Accra, which the 1994 flood had destroyed. Ghana will set up a "
            "joint committee within 30 days and will rebuild the harbour within three months.")
    _reading, found = _extract(make_article, text, "en", published=None)
    assert found, found
    assert all(c.deadline is None or c.deadline >= "2000" for c in found), [(c.deadline, c.evidence) for c in found]
