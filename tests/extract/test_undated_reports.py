"""Own wording: an undated report takes its anchor from the latest day it tells in the past
tense; a day the same sentence sets for an act to come is that act's deadline, not over on
itself (found on the fifty-ninth blind set)."""

from __future__ import annotations


def test_a_day_set_in_an_undated_report_is_the_deadline(read_commitments, last_day):
    text = "Le président ghanéen a fixé la date du référendum constitutionnel au 21 septembre 2025."
    found = read_commitments(text, "fr", published=None)
    assert found and found[0].agents == ["GHA"]
    assert found[0].deadline == last_day("2025-09-21")


def test_a_past_day_of_an_undated_report_still_dates_it(read_commitments):
    # the anchor still works for what the report says was done before it
    text = "Le Ghana a signé l'accord le 3 mars 2025. Le Ghana construira le port en mars."
    found = [c for c in read_commitments(text, "fr", published=None) if "construira" in c.evidence]
    assert found and found[0].deadline is not None and found[0].deadline >= "2025-03"
