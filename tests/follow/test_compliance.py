"""Compliance figures on a small constructed register (G7/G20 Research Group scoring)."""

from __future__ import annotations

from datetime import date

from suivi.follow.compliance import compliance, item_score, month_ends
from suivi.views.register import RegisterItem

AS_OF = date(2026, 1, 15)


def item(i: int, agents: list[str], beneficiaries: list[str], status: str, deadline: str | None) -> RegisterItem:
    return RegisterItem(
        id=i, key=f"k{i}", agents=agents, beneficiaries=beneficiaries, action="a", sector=None, deadline=deadline,
        recurrence=None, first_reported="2025-04-01", status=status, overdue=False, review=None, occurrences=None,
    )


REGISTER = [
    item(1, ["RUS"], ["MLI"], "fulfilled", "2025-06"),  # +1
    item(2, ["RUS"], ["MLI"], "broken", "2026-12"),  # -1
    item(3, ["RUS"], ["NER"], "stalled", "2025-12"),  # stalled past its deadline: -1
    item(4, ["RUS"], ["NER"], "stalled", "2026-06"),  # stalled before its deadline: 0
    item(5, ["RUS"], ["MLI"], "announced", "2025-10"),  # announced past its deadline: -1
    item(6, ["RUS"], ["MLI"], "moot", "2025-10"),  # not scored
    item(7, ["MLI", "RUS"], ["AES"], "in_progress", "2025-01"),  # 0
    item(8, ["SEN"], ["SEN"], "partial", None),  # 0
]


def test_item_scores():
    assert item_score("fulfilled", None, AS_OF) == 1
    assert item_score("partial", "2025-01", AS_OF) == 0
    assert item_score("in_progress", "2025-01", AS_OF) == 0
    assert item_score("stalled", "2026-06", AS_OF) == 0
    assert item_score("stalled", "2025-12", AS_OF) == -1
    assert item_score("announced", "2025-12", AS_OF) == -1
    assert item_score("announced", None, AS_OF) == 0
    assert item_score("broken", "2030", AS_OF) == -1
    assert item_score("moot", "2020", AS_OF) is None


def test_per_party_and_partnership():
    figures = {(c.kind, c.group): c for c in compliance(REGISTER, AS_OF)}
    rus = figures[("party", "RUS")]
    # RUS: +1 -1 -1 0 -1 (moot unscored) 0 -> -2 / 6
    assert (rus.count, rus.scored) == (7, 6)
    assert rus.score == round(-2 / 6, 3)
    assert rus.percent == round(50 * (-2 / 6 + 1), 1)
    assert rus.statuses["stalled"] == 2 and rus.shares["stalled"] == round(2 / 7, 3)
    mli = figures[("party", "MLI")]
    assert (mli.count, mli.scored, mli.score, mli.percent) == (1, 1, 0.0, 50.0)
    pair = figures[("partnership", "RUS -> MLI")]
    assert (pair.count, pair.scored) == (4, 3)
    assert pair.score == round(-1 / 3, 3)
    assert figures[("partnership", "MLI+RUS -> AES")].scored == 1
    assert figures[("party", "SEN")].percent == 50.0


def test_party_filter_keeps_its_partnerships():
    groups = {(c.kind, c.group) for c in compliance(REGISTER, AS_OF, party="mli")}
    assert groups == {("party", "MLI"), ("partnership", "RUS -> MLI"), ("partnership", "MLI+RUS -> AES")}


def test_only_moot_is_not_scored():
    only_moot = compliance([item(1, ["RUS"], ["MLI"], "moot", None)], AS_OF)[0]
    assert (only_moot.scored, only_moot.score, only_moot.percent) == (0, None, None)


def test_month_ends():
    assert month_ends(date(2025, 11, 3), date(2026, 1, 15)) == [date(2025, 11, 30), date(2025, 12, 31),
                                                                 date(2026, 1, 15)]
