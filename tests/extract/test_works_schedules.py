"""A dated milestone of what a project builds is its owners' schedule (own wording; a
construction found on the twenty-third and twenty-fourth blind sets: a nuclear plant, an engine
workshop)."""

from __future__ import annotations

_DEAL = "Brazil and Angola signed a deal to build a hydropower plant on the Kwanza river. "


def test_a_plant_due_to_be_completed_by_a_date_is_its_builders_plan(read_commitments):
    found = read_commitments(_DEAL + "The plant is due to be completed in 2027.", "en")
    dated = [c for c in found if "due to be completed" in c.evidence]
    assert len(dated) == 1 and dated[0].deadline == "2027-12-31", [(c.agents, c.evidence) for c in found]
    assert set(dated[0].agents) & {"BRA", "AGO"}


def test_a_unit_expected_to_start_by_a_date_is_a_plan_a_price_expected_to_rise_is_not(read_commitments):
    found = read_commitments(_DEAL + "The first of its units is expected to begin producing power in 2028.", "en")
    assert any("expected to begin" in c.evidence and c.deadline == "2028-12-31" for c in found), (
        [(c.agents, c.evidence) for c in found])
    prices = read_commitments(_DEAL + "Power prices are expected to rise in 2028.", "en")
    assert not any("prices" in c.evidence for c in prices)


def test_talks_set_to_be_held_are_no_plan(read_commitments):
    found = read_commitments(_DEAL + "Discussions among the engineers are set to be held on Thursday.", "en")
    assert not any("Discussions" in c.evidence for c in found)


def test_a_work_scheduled_for_completion_on_its_noun_is_its_builders_milestone(read_commitments):
    """Own wording (found on the thirty-fourth blind set): "the port, scheduled for completion by
    2028" states the work's date on its noun; the builder is the clause's subject, else the
    report's party. Without a date, or for another noun, nothing."""
    found = read_commitments("Ghana is building the Tema deep-sea port, scheduled for completion by 2028.", "en",
                             published="2025-06-29")
    assert [(c.agents, c.deadline) for c in found] == [(["GHA"], "2028-12-31")], found
    found = read_commitments("The Tema deep-sea port, scheduled for completion by 2028, serves Accra's trade goals.",
                             "en", published="2025-06-29")
    assert [(c.agents, c.deadline) for c in found] == [(["GHA"], "2028-12-31")], found
    assert read_commitments("The Tema port, scheduled for completion, serves Accra's trade goals.", "en") == []
    assert read_commitments("The Tema port, scheduled for talks by 2028, serves Accra's trade goals.", "en") == []


def test_works_expected_to_begin_told_in_an_absolute_construction_are_a_milestone(read_commitments):
    """Own wording (found on the thirty-fourth blind set): "..., with construction expected to
    begin next year": the works' dated milestone, theirs who carry the clause's act; a forecast
    ("with prices expected to rise") or an undated one is none."""
    found = read_commitments("Ghana and Norway signed the harbour deal, with construction expected to begin next "
                             "year.", "en", published="2025-06-22")
    assert [(sorted(c.agents), c.deadline) for c in found if "expected" in c.evidence] == [
        (["GHA", "NOR"], "2026-12-31")], found
    assert not [c for c in read_commitments("Ghana and Norway signed the harbour deal, with prices expected to rise "
                                            "next year.", "en", published="2025-06-22") if "expected" in c.evidence]
    assert not [c for c in read_commitments("Ghana and Norway signed the harbour deal, with construction expected "
                                            "to create many jobs.", "en", published="2025-06-22")
                if "expected" in c.evidence]


def test_a_project_to_be_implemented_in_a_report_on_the_partnership_is_its_parties(read_commitments):
    """Own wording (found on the thirty-fourth blind set): "the project will be implemented in
    three phases by 2030", no party named, in a report on the parties' partnership, as "will be
    built" is (data: works_verbs)."""
    found = read_commitments("Ghana and Norway signed the harbour memorandum. The project will be implemented in "
                             "three phases by 2030.", "en", published="2024-04-23")
    done = [c for c in found if "implemented" in c.evidence]
    assert [(sorted(c.agents), c.deadline) for c in done] == [(["GHA", "NOR"], "2030-12-31")], found


def test_a_year_in_a_past_clause_describing_a_noun_is_no_deadline(read_commitments):
    """Own wording (found on the thirty-third blind set): "X, which built the old quay between
    1970 and 1976, will lead the new works", in a report with no date, is not due in 1976; a
    date of the act itself, or in a clause to come, still is."""
    found = read_commitments("Norway, which built the old quay between 1970 and 1976, will lead the new works at "
                             "Tema.", "en", published=None)
    assert [c.deadline for c in found] == [None], found
    found = read_commitments("La Norvège, qui a construit le quai entre 1970 et 1976, dirigera les nouveaux "
                             "travaux à Tema.", "fr", published=None)
    assert [c.deadline for c in found] == [None], found
    found = read_commitments("Norway, which will host the donors in 2026, pledged to build a new quay at Tema by "
                             "2030.", "en", published=None)
    assert [c.deadline for c in found] == ["2030-12-31"], found


def test_a_metro_line_or_road_due_by_a_date_is_its_builders_plan(read_commitments):
    """Own wording (found on the thirty-sixth blind set: « le métro doit entrer en service en
    2021»): transport works are facilities too."""
    found = read_commitments("L'Angola et le Brésil ont signé un accord pour le métro de Luanda. "
                             "Le métro doit entrer en service en 2027.", "fr")
    dated = [c for c in found if "doit entrer en service" in c.evidence]
    assert len(dated) == 1 and dated[0].deadline == "2027-12-31", [(c.agents, c.evidence) for c in found]
    assert set(dated[0].agents) & {"BRA", "AGO"}
    found = read_commitments(_DEAL + "The road is due to be completed in 2027.", "en")
    assert any("road is due" in c.evidence and set(c.agents) & {"BRA", "AGO"} for c in found), found


def test_a_body_keyed_from_a_projects_name_is_no_doer(make_article):
    """Own wording (found on the thirty-sixth blind set): "The Kwanza Hydropower Development
    Project will create ...", "the Project will contribute": the project's parties act, not the
    project the reader keyed as a body."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    text = (_DEAL + "The Kwanza Hydropower Development Project will build a 300-km transmission line by 2028. "
            "The Project will also train 500 Angolan engineers by 2027.")
    article = make_article(text, "en")
    doc = parse_text(text, "en")
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    later = [c for c in found if "transmission line" in c.evidence or "engineers" in c.evidence]
    assert later and all(c.agents and set(c.agents) <= {"BRA", "AGO"} for c in later), [
        (c.agents, c.evidence) for c in found]


def test_a_phase_due_by_a_date_is_its_builders_plan(read_commitments):
    """Own wording (found on the thirty-sixth blind set: "The first phase of the SEZ is scheduled
    to be ready by 2019"; « La phase 2 débutera en juin » was seen on set 33)."""
    found = read_commitments(_DEAL + "The first phase is scheduled to be completed by 2027.", "en")
    assert any("first phase" in c.evidence and c.deadline == "2027-12-31" and set(c.agents) & {"BRA", "AGO"}
               for c in found), [(c.agents, c.evidence) for c in found]
    found = read_commitments("L'Angola et le Brésil ont signé un accord sur le barrage. La phase 2 débutera en "
                             "juin.", "fr")
    assert any("phase 2" in c.evidence and c.deadline == "2025-06-30" and set(c.agents) & {"BRA", "AGO"}
               for c in found), [(c.agents, c.evidence, c.deadline) for c in found]


def test_aid_that_will_pay_for_works_is_its_givers_pledge(read_commitments):
    """Own wording (found on the thirty-sixth blind set: "The loan and grant package will fund
    basic infrastructure for a special economic zone")."""
    found = read_commitments("Brazil will provide nearly $270m to Angola for a new industrial hub near Luanda. "
                             "The loan and grant package will fund basic infrastructure for the hub.", "en")
    fund = [c for c in found if "will fund" in c.evidence]
    assert fund and fund[0].agents == ["BRA"], [(c.agents, c.evidence) for c in found]
