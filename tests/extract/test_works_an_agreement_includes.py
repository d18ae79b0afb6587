"""The works an agreement or a project includes (own wording; found on the thirty-third blind set,
a gold refinery and a railway's revival): "the deal includes the construction of a refinery", «
les projets incluent la création d'une usine ». Told in the past, the works may be done: nothing."""

from __future__ import annotations


def test_works_a_deal_includes_are_a_pledge(read_commitments):
    text = ("Ghana signed a harbour deal with Norway on Monday. The deal includes the construction of a new "
            "quay at Tema.")
    found = [c for c in read_commitments(text, "en") if "includes" in c.evidence]
    assert len(found) == 1 and found[0].agents, found
    fr = ("Le Ghana a signé lundi un accord portuaire avec la Norvège. L'accord inclut la construction d'un "
          "nouveau quai à Tema.")
    found = [c for c in read_commitments(fr, "fr") if "inclut" in c.evidence]
    assert len(found) == 1 and found[0].agents, found


def test_works_a_contract_provides_for_are_a_pledge(read_commitments):
    """A contract, a convention or a roadmap holds works as an agreement does (found on blind set
    57LA: "The contract also provides for the construction of the first module ... by 2028")."""
    text = ("Ghana signed a harbour deal with Norway on Monday. The contract also provides for the construction "
            "of a dry dock at Tema by 2028.")
    found = [c for c in read_commitments(text, "en") if "dry dock" in c.evidence]
    assert len(found) == 1 and found[0].agents and found[0].deadline == "2028-12-31", found
    fr = ("Le Ghana a signé lundi un accord portuaire avec la Norvège. Le contrat prévoit aussi la construction "
          "d'une cale sèche à Tema d'ici 2028.")
    found = [c for c in read_commitments(fr, "fr") if "cale sèche" in c.evidence]
    assert len(found) == 1 and found[0].agents, found


def test_works_of_a_project_to_come_are_a_pledge(read_commitments):
    text = "Norway will fund the Tema port project. The work will include the repair of the old quay."
    assert [c for c in read_commitments(text, "en") if "repair" in c.evidence]


def test_works_a_deal_included_then_are_no_pledge(read_commitments):
    text = "Ghana signed a harbour deal with Norway in 1995. The deal included the construction of a quay at Tema."
    assert not [c for c in read_commitments(text, "en") if "included" in c.evidence]
    fr = "Le Ghana a signé un accord avec la Norvège en 1995. L'accord a inclus la construction d'un quai à Tema."
    assert not [c for c in read_commitments(fr, "fr") if "inclus" in c.evidence]


def test_a_deal_including_cooperation_is_no_pledge(read_commitments):
    text = "Ghana signed a harbour deal with Norway on Monday. The deal includes cooperation on ports."
    assert not [c for c in read_commitments(text, "en") if "includes" in c.evidence]


def _read(make_article, text: str, lang: str = "en"):
    """Extraction with the reading stage's mentions (companies found by their name's words)."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(text, lang)
    doc = parse_text(text, lang)
    return extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))


def test_the_works_a_company_undertakes_and_what_it_then_includes_are_the_companys(make_article):
    """Own wording (found on the thirty-third blind set): "the work to be undertaken by X is to
    include ...", then "It will include ...": the works' contents, X's pledges; a company whose
    name opens with its state's and ends with "Corp" is the company, not the state."""
    text = ("Ghana and Norway signed a harbour deal on Monday. The work to be undertaken by Ghana Harbour "
            "Construction Corp under a 20-year concession is to include the repair of the old quay. It will "
            "include the purchase of four tugboats.")
    found = _read(make_article, text)
    works = [c for c in found if "include" in c.evidence]
    assert len(works) == 2, [(c.agents, c.evidence) for c in found]
    assert all(c.agents == ["org:ghana-harbour-construction-corp"] for c in works), [c.agents for c in works]


def test_a_doer_shared_by_coordinated_participles_is_both_verbs(read_commitments):
    """« sera financé et géré par le Ghana et la Norvège »: the parser hangs "par" on the second
    participle; both countries finance (own wording, found on the thirty-third blind set)."""
    found = read_commitments("Ce fonds sera financé et géré par le Ghana et la Norvège.", "fr")
    assert [sorted(c.agents) for c in found] == [["GHA", "NOR"]], [(c.agents, c.beneficiaries) for c in found]


def test_an_agreement_with_its_adjective_after_it_provides_too(read_commitments):
    """French puts the adjective after the noun: « L'accord intergouvernemental, ratifié lors de
    cette session, prévoit ... » is the agreement's contents (found on blind set 45BS)."""
    fr = ("Le Ghana et le Togo ont ratifié l'accord mardi. L'accord intergouvernemental, ratifié lors de cette "
          "session, prévoit une signature officielle d'ici juin 2025.")
    found = [c for c in read_commitments(fr, "fr", published="2025-03-01") if "signature officielle" in c.evidence]
    assert len(found) == 1 and found[0].agents == ["GHA", "TGO"], found
