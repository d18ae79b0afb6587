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
