"""A work's date told as a schedule or an expectation, and firms engaged for a task (own
wording; constructions found on the thirty-sixth and thirty-seventh blind sets: a special
economic zone, a metro, two railways, a sovereignty treaty)."""

from __future__ import annotations

_DEAL_EN = "Ghana and Norway signed the harbour deal on Monday. "
_DEAL_FR = "Le Ghana et la Norvège ont signé lundi l'accord sur le port. "


def _dated(found, word: str) -> list[tuple[list[str], str | None]]:
    return [(sorted(c.agents), c.deadline) for c in found if word in c.evidence]


def test_a_work_scheduled_or_expected_to_be_ready_by_a_date_is_its_owners_schedule(read_commitments):
    for text in ("The first phase of the fishing zone is scheduled to be ready by 2027.",
                 "The terminal is expected to be fully operational by 2027.",
                 "It was approved last year and is expected to be fully operational by 2027, an adviser said."):
        found = read_commitments(_DEAL_EN + text, "en", published="2025-06-01")
        assert _dated(found, "operational" if "operational" in text else "ready") == [
            (["GHA", "NOR"], "2027-12-31")], (text, found)
    for text in ("Ghana is expected to be ready by 2027.", "The terminal is expected to be fully operational."):
        found = read_commitments(_DEAL_EN + text, "en", published="2025-06-01")
        assert not [c for c in found if "expected" in c.evidence], (text, found)


def test_a_work_that_should_be_in_working_order_by_a_date_in_french(read_commitments):
    found = read_commitments(_DEAL_FR + "Le terminal devrait être pleinement opérationnel en 2027.", "fr",
                             published="2025-06-01")
    assert _dated(found, "opérationnel") == [(["GHA", "NOR"], "2027-12-31")], found
    for text in ("Le terminal devrait être opérationnel.", "Les prix devraient être stables en 2027."):
        found = read_commitments(_DEAL_FR + text, "fr", published="2025-06-01")
        assert not [c for c in found if "devrai" in c.evidence], (text, found)


def test_a_dated_relative_clause_on_a_work_is_its_milestone(read_commitments):
    """The clause sits inside the subject of another verb, which hid it."""
    found = read_commitments(_DEAL_FR + "Le port, qui doit entrer en service en 2027, accueillira des chalutiers.",
                             "fr", published="2025-06-01")
    assert _dated(found, "entrer en service") == [(["GHA", "NOR"], "2027-12-31")], found
    found = read_commitments(_DEAL_EN + "The port, which is due to open in 2027, will serve the fleet.", "en",
                             published="2025-06-01")
    assert [d for _, d in _dated(found, "due to open")] == ["2027-12-31"], found
    found = read_commitments(_DEAL_FR + "Le port, qui doit beaucoup à la pêche, accueillira des chalutiers.",
                             "fr", published="2025-06-01")
    assert not [c for c in found if "doit" in c.evidence], found


def test_the_following_year_in_a_clause_is_read_from_the_date_before_it(read_commitments):
    found = read_commitments(_DEAL_FR + "La fin des travaux est prévue d'ici à 2027, et le terminal devrait être "
                             "opérationnel l'année suivante.", "fr", published="2025-06-01")
    assert [d for _, d in _dated(found, "l'année suivante")] == ["2028-12-31"], found


def test_works_set_to_start_told_in_an_absolute_construction(read_commitments):
    found = read_commitments("Ghana and Norway signed the harbour deal, with construction set to start next year.",
                             "en", published="2025-06-22")
    assert [a for a, _ in _dated(found, "set to start")] == [["GHA", "NOR"]], found
    found = read_commitments("Ghana and Norway signed the harbour deal, with prices set to rise next year.", "en",
                             published="2025-06-22")
    assert not [c for c in found if "set to" in c.evidence and c.deadline], found


def test_a_would_told_according_to_the_terms_of_a_deal_is_what_it_provides(read_commitments):
    found = read_commitments("According to the terms of the agreement, Norway would finance the new harbour at Tema.",
                             "en")
    assert [a for a, _ in _dated(found, "would finance")] == [["NOR"]], found
    assert read_commitments("According to analysts, Norway would finance the new harbour at Tema.", "en") == []


def test_a_first_output_awaited_by_a_date_is_its_owners_milestone(read_commitments):
    """Found on the thirty-first and thirty-second blind sets (a mine's first production, a gas
    project's first cargo)."""
    found = read_commitments(_DEAL_EN + "First LNG is expected in 2028, the partners said.", "en",
                             published="2025-06-01")
    assert _dated(found, "First LNG") == [(["GHA", "NOR"], "2028-12-31")], found
    found = read_commitments(_DEAL_EN + "Oil is expected in 2028, the partners said.", "en", published="2025-06-01")
    assert not [c for c in found if "expected" in c.evidence], found
    found = read_commitments(_DEAL_FR + "La première production commerciale devrait voir le jour au plus tard le 31 "
                             "mars 2028.", "fr", published="2025-06-01")
    assert [d for a, d in _dated(found, "voir le jour") if set(a) <= {"GHA", "NOR"}] == ["2028-03-31"], found
    found = read_commitments(_DEAL_FR + "La première production devrait voir une hausse des prix.", "fr",
                             published="2025-06-01")
    assert not [c for c in found if "voir" in c.evidence], found


def test_a_work_on_schedule_for_a_dated_step_restates_its_owners_schedule(read_commitments):
    for text in ("The terminal is almost half done, on schedule to begin service in 2027.",
                 "The terminal is on track for completion by July 2027."):
        found = read_commitments(_DEAL_EN + text, "en", published="2025-06-01")
        assert [a for a, _ in _dated(found, "on ")] == [["GHA", "NOR"]], (text, found)
    found = read_commitments(_DEAL_EN + "Ghana is on track to meet its fishing targets by 2027.", "en",
                             published="2025-06-01")
    assert not [c for c in found if "on track" in c.evidence], found
    found = read_commitments(_DEAL_FR + "Les travaux restent en bonne voie pour une mise en service d'ici le 31 "
                             "juillet 2027.", "fr", published="2025-06-01")
    assert _dated(found, "bonne voie") == [(["GHA", "NOR"], "2027-07-31")], found


def _extract(make_article, text: str, lang: str):
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(text, lang, published="2025-03-10")
    doc = parse_text(text, lang)
    return extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))


def test_a_firm_selected_to_supply_takes_the_task_on(make_article):
    """The doer is the engaged firm, not whoever chose it after "by"; a site chosen to host is no
    firm engaged."""
    text = ("Ghana and Norway signed the harbour deal on Monday. Norfjord Shipping has been selected by Ghana to "
            "supply the cranes for the new terminal.")
    found = _extract(make_article, text, "en")
    assert [c.agents for c in found if "selected" in c.evidence] == [["org:norfjord-shipping"]], found
    text = "Ghana and Norway signed the harbour deal on Monday. A site near the bay was chosen to host the terminal."
    assert not [c for c in _extract(make_article, text, "en") if "chosen" in c.evidence]


def test_a_firm_retained_to_build_in_french(make_article):
    """The French model reads "Shipping" as a foreign word (X): still a word of the firm's name."""
    text = ("Le Ghana et la Norvège ont signé lundi l'accord sur le port. Norfjord Shipping a été retenu pour "
            "construire le nouveau terminal.")
    found = _extract(make_article, text, "fr")
    assert [c.agents for c in found if "retenu" in c.evidence] == [["org:norfjord-shipping"]], found
    text = ("Le Ghana et la Norvège ont signé lundi l'accord sur le port. Un site près de la baie a été choisi pour "
            "accueillir le terminal.")
    assert not [c for c in _extract(make_article, text, "fr") if "choisie" in c.evidence]


def test_works_named_before_or_after_their_noun_have_their_schedule(read_commitments):
    """Found on the thirty-eighth blind set (after its first run): "Construction work on the line
    is expected to start in October", "the first stretch of the line is due to be finished in
    early 2018"."""
    found = read_commitments(_DEAL_EN + "Construction work on the new quay is expected to start in October 2026.", "en",
                             published="2025-06-01")
    assert [d for _, d in _dated(found, "expected to start")] == ["2026-10-31"], found
    found = read_commitments(_DEAL_EN + "The first stretch of the line, from the coast to Accra, is due to be finished "
                             "in early 2027.", "en", published="2025-06-01")
    assert [d for _, d in _dated(found, "due to be finished")] == ["2027-03-31"], found
    found = read_commitments(_DEAL_EN + "Work on the new fishing laws is expected to start in October 2026.", "en",
                             published="2025-06-01")
    assert not [c for c in found if "expected" in c.evidence], found


def test_a_share_of_the_costs_a_party_is_responsible_for_is_its_pledge(read_commitments):
    found = read_commitments(_DEAL_EN + "Ghana's fisheries ministry is responsible for the remaining 15 percent of "
                             "the costs, an official said.", "en", published="2025-06-01")
    assert [a for a, _ in _dated(found, "responsible for")] == [["GHA"]], found
    found = read_commitments(_DEAL_EN + "Ghana is responsible for security at the harbour.", "en",
                             published="2025-06-01")
    assert not [c for c in found if "responsible" in c.evidence], found
