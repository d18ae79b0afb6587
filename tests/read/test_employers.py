"""Own wording: a name written as the employer of a company title ("X chief executive Y",
"country head for X", « le PDG de X ») is a company in every mention, even where the model
reads a person or a place; the person holding the title stays a person."""

from __future__ import annotations

import pytest

from suivi.read.nlp import get_nlp
from suivi.read.reader import read_article

from .helpers import article


def _read(text: str, lang: str):
    return read_article(get_nlp(lang)(text), article(text, lang))


def _mentions(reading, text: str, surface: str) -> list[str]:
    return [m.kind for m in reading.actors.mentions if text[m.start:m.end] == surface]


def _keys(text: str, lang: str, surface: str) -> set[str]:
    """The actor keys the reader gives every mention of `surface`."""
    reading = _read(text, lang)
    return {m.ref.key for m in reading.actors.mentions if text[m.start:m.end] == surface}


def _employer_rules(text: str) -> list:
    """The mentions a company-title or company-word rule made."""
    return [m for m in _read(text, "en").actors.mentions if m.label == "rule:employer"]


def _agents(text: str, lang: str, evidence: str) -> list[str] | None:
    """The agents of the first commitment whose evidence holds `evidence` (None: none)."""
    from suivi.extract.commitments import extract
    from suivi.scale.analyse import local_mentions

    doc = get_nlp(lang)(text)
    art = article(text, lang)
    found = [c for c in extract(doc, art, local_mentions(read_article(doc, art))) if evidence in c.evidence]
    return found[0].agents if found else None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Speaking in Accra, Kestrel Mira chief executive Ama Mensah said the port was ready. Kestrel Mira "
           "will build the harbour by 2027. Kofi Boateng, country head for Kestrel Mira in Ghana, agreed."),
    ("fr", "À Accra, le PDG de Kestrel Mira, Ama Mensah, a jugé le port prêt. Kestrel Mira construira le "
           "port de pêche d'ici 2027, a ajouté Kofi Boateng."),
])
def test_a_company_titles_employer_is_an_organisation_everywhere(lang, text):
    reading = _read(text, lang)
    kinds = _mentions(reading, text, "Kestrel Mira")
    assert kinds and set(kinds) == {"organization"}, kinds
    assert "Ama Mensah" in [p.name.text for p in reading.actors.persons]
    keys = {m.ref.key for m in reading.actors.mentions if text[m.start:m.end] == "Kestrel Mira"}
    assert keys == {"org:kestrel-mira"}


def test_a_political_title_makes_no_employer():
    text = "Kestrel Mira, minister of Ghana, said the harbour would be built by 2027. Kestrel Mira met the press."
    reading = _read(text, "en")
    assert "organization" not in _mentions(reading, text, "Kestrel Mira")


def test_the_company_commits_in_its_own_name():
    from suivi.extract.commitments import extract
    from suivi.scale.analyse import local_mentions

    text = ("Kestrel Mira chief executive Ama Mensah visited Accra on Monday. Kestrel Mira will build a fishing "
            "harbour in Ghana by 2027.")
    doc = get_nlp("en")(text)
    art = article(text, "en")
    reading = read_article(doc, art)
    found = [c for c in extract(doc, art, local_mentions(reading)) if "will build" in c.evidence]
    assert found and found[0].agents == ["org:kestrel-mira"]


@pytest.mark.parametrize("text", [
    # the title capitalised inside the run of names: the run holds company, title and person
    "The deal was signed in Accra by Ghana's finance minister and Kestrel Mira Chairman Ama Mensah. "
    "Kestrel Mira will build a fishing harbour at Elmina by 2027.",
    # a lowercase word for a company right before the name
    "Electronics giant Kestrel Mira reversed course on Monday. Kestrel Mira will build a fishing "
    "harbour at Elmina by 2027.",
])
def test_a_company_named_by_a_capitalised_title_or_a_company_word(text):
    assert _keys(text, "en", "Kestrel Mira") == {"org:kestrel-mira"}


@pytest.mark.parametrize("text", [
    "The ruling party's Party Chairman Kofi Boateng spoke in Accra on Monday.",
    "Ghana's Vice President Ama Mensah spoke in Accra on Monday.",
])
def test_a_body_or_a_political_title_in_a_run_makes_no_company(text):
    assert not _employer_rules(text)


def test_a_title_case_headline_verb_is_not_part_of_the_name():
    text = "Voltacom Pledges $2B for Steel Manufacturing in Ghana\n\nVoltacom Chairman Ama Mensah visited Accra."
    reading = _read(text, "en")
    assert "org:voltacom-pledges" not in {m.ref.key for m in reading.actors.mentions if m.ref is not None}
    assert _agents(text, "en", "Pledges") == ["org:voltacom"]


@pytest.mark.parametrize(("lang", "text", "evidence"), [
    ("en", "Kestrel Mira chief executive Ama Mensah visited Accra on Monday. The Togo-based company promised "
           "to build a fishing harbour in Ghana by 2027.", "The Togo-based company promised"),
    ("fr", "Le PDG de Kestrel Mira, Ama Mensah, était à Accra lundi. L'entreprise togolaise a promis de "
           "construire un port de pêche au Ghana d'ici 2027.", "L'entreprise togolaise a promis"),
])
def test_a_company_described_by_its_origin_is_the_company_named_before(lang, text, evidence):
    assert _agents(text, lang, evidence) == ["org:kestrel-mira"]


def test_a_company_described_by_its_origin_with_no_company_before_is_its_state():
    text = "Ghana signed the deal on Monday. The Togo-based company promised to build a fishing harbour by 2027."
    assert _agents(text, "en", "promised") == ["TGO"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In March, Tema Harbour Works (Voltamines), a joint venture between Ghana and two Norwegian firms, "
           "signed a contract. Voltamines will build a fishing harbour at Elmina by 2027."),
    ("fr", "En mars, Voltamines, une coentreprise entre le Ghana et deux groupes norvégiens, a signé un contrat. "
           "Voltamines construira un port de pêche à Elmina d'ici 2027."),
])
def test_a_name_beside_a_company_noun_is_a_company(lang, text):
    assert _keys(text, lang, "Voltamines") == {"org:voltamines"}


@pytest.mark.parametrize("text", [
    "Ama Mensah, a developer at a Norwegian bank, said the harbour was ready.",
    "Kofi Boateng, the company's chairman, said the harbour was ready.",
])
def test_a_person_beside_a_job_or_an_owned_noun_is_no_company(text):
    assert not _employer_rules(text)


def test_the_companies_are_those_named_before():
    text = ("Kestrel Mira chief executive Ama Mensah visited Accra on Monday. Under the new deal, the companies "
            "agreed to increase their spending on the Tema harbour to $7 billion.")
    assert _agents(text, "en", "the companies") == ["org:kestrel-mira"]
