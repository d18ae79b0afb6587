"""A report known to its month only ("date 2024-09"): periods are read from it, days told
relative to it ("jeudi") are not, since its day is unknown (own wording)."""

from __future__ import annotations


def test_a_weekday_read_from_a_month_is_no_deadline_but_a_period_is(read_commitments):
    text = "Le Maroc s'est engagé jeudi à financer vingt écoles au Niger ces trois prochaines années."
    found = read_commitments(text, "fr", published="2024-09")
    assert found and found[0].deadline == "2027-09-01"
    only_day = read_commitments("Le Maroc s'est engagé à ouvrir l'école jeudi.", "fr", published="2024-09")
    assert only_day and only_day[0].deadline is None
    dated = read_commitments("Le Maroc s'est engagé à ouvrir l'école le 12 septembre.", "fr", published="2024-09")
    assert dated and dated[0].deadline == "2024-09-12"


def test_a_day_of_the_reports_own_month_is_the_news_not_a_deadline(read_commitments):
    """Own wording: a report known to its month (2021-11) telling what was announced 'le mardi
    2 novembre': that day is the announcement's, not the pledge's deadline."""
    text = ("La Norvège et le Danemark ont annoncé, le mardi 2 novembre, la mise à disposition de 8,5 "
            "milliards de dollars pour le Ghana.")
    found = read_commitments(text, "fr", published="2021-11")
    assert [c.agents for c in found] == [["NOR", "DNK"]]
    assert found[0].deadline is None
    due = read_commitments("La Norvège versera 8,5 milliards de dollars au Ghana avant le 30 novembre.", "fr",
                           published="2021-11")
    assert due and due[0].deadline == "2021-11-30"


def test_a_year_naming_a_thing_is_no_deadline_in_an_undated_report(read_commitments):
    """Own wording, a report with no date: "the 1998 war" and "a 2023 accord" name things of
    those years; the year of a deadline itself stays one."""
    text = ("Kenya will commit to disarming the militias that fought the 1998 war, and both sides agreed to "
            "apply a 2023 accord that says Uganda should open its border posts.")
    found = read_commitments(text, "en", published=None)
    assert found and all(c.deadline is None for c in found), [(c.evidence, c.deadline) for c in found]
    dated = read_commitments("Kenya will disarm the militias by the end of 2027.", "en", published=None)
    assert dated and dated[0].deadline == "2027-12-31"


def test_a_sum_a_modal_says_will_be_allotted_by_a_date_is_the_givers(read_commitments):
    """Own wording: « devraient être alloués entre 2025 et 2027 », a sum with no giver named in
    its sentence, is the giver's of the pledge told just before (found on the thirtieth blind set)."""
    text = ("L'Union européenne a annoncé qu'elle fournirait à la Tunisie un milliard d'euros cette année. "
            "Trois milliards d'euros supplémentaires devraient être alloués entre 2025 et 2027.")
    found = read_commitments(text, "fr", published="2025-02-10")
    later = [c for c in found if "supplémentaires" in c.evidence]
    assert [c.agents for c in later] == [["UE"]], [(c.agents, c.evidence) for c in found]
    assert later[0].deadline == "2027-12-31"
