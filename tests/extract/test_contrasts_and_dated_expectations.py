"""A plan told in a contrasting clause, works expected or announced for a date, a date that
opens the sentence, and "the presidency" as a reporter (own wording; constructions found on
the thirty-ninth blind set: a railway financed on shared terms, a commuter line's phases, the
return of a kingdom's treasures)."""

from __future__ import annotations

_DEAL_EN = "Ghana and Norway signed the harbour deal on Monday. "
_DEAL_FR = "Le Ghana et la Norvège ont signé lundi l'accord sur le port. "


def _with(found, word: str) -> list[tuple[list[str], str | None]]:
    return [(sorted(c.agents), c.deadline) for c in found if word in c.evidence]


def _dates(found, word: str) -> list[str | None]:
    """The deadlines of the statements holding `word` that a party of the deal carries."""
    return [c.deadline for c in found if word in c.evidence and {"GHA", "NOR"} & set(c.agents)]


def test_a_plan_in_a_while_clause_is_a_statement_of_its_own(read_commitments):
    found = read_commitments("While Ghana is to bear 20 per cent of the cost of the harbour, Norway will finance "
                             "the rest of the works.", "en")
    assert _with(found, "is to bear") == [(["GHA"], None)], found
    assert _with(found, "will finance") == [(["NOR"], None)], found
    assert not [c for c in found if "will finance" in c.evidence and "bear" in c.evidence], found
    found = read_commitments("If Ghana is to meet its targets, the government must cut spending.", "en")
    assert not [c for c in found if "is to" in c.evidence], found


def test_works_expected_or_set_to_be_finished_by_a_date_are_their_owners_schedule(read_commitments):
    for text, word in (("The harbour is expected to be completed by 2027.", "expected to be completed"),
                       ("The fisheries museum is set to be opened in 2027.", "set to be opened")):
        found = read_commitments(_DEAL_EN + text, "en", published="2025-06-01")
        assert _with(found, word) == [(["GHA", "NOR"], "2027-12-31")], (text, found)
    found = read_commitments(_DEAL_EN + "Fuel prices are expected to be lowered by 2027.", "en",
                             published="2025-06-01")
    assert not [c for c in found if "expected" in c.evidence], found


def test_an_event_that_should_take_place_at_a_date(read_commitments):
    found = read_commitments(_DEAL_FR + "L'inauguration du port devrait avoir lieu en mars 2027.", "fr",
                             published="2025-06-01")
    assert _dates(found, "avoir lieu") == ["2027-03-31"], found
    found = read_commitments(_DEAL_FR + "Une nouvelle réunion devrait avoir lieu.", "fr", published="2025-06-01")
    assert not [c for c in found if "avoir lieu" in c.evidence], found


def test_works_announced_for_a_date(read_commitments):
    found = read_commitments(_DEAL_FR + "La deuxième phase du port est annoncée pour le second semestre 2027.", "fr",
                             published="2025-06-01")
    assert _dates(found, "annoncée pour") == ["2027-12-31"], found
    found = read_commitments(_DEAL_FR + "Un nouveau plan est annoncé pour les pêcheurs.", "fr",
                             published="2025-06-01")
    assert not [c for c in found if "annoncé" in c.evidence], found


def test_a_date_that_opens_the_sentence_dates_what_should_happen(read_commitments):
    found = read_commitments(_DEAL_FR + "D'ici fin 2027, la route devrait relier le port à Kumasi.", "fr",
                             published="2025-06-01")
    assert _dates(found, "devrait relier") == ["2027-12-31"], found
    found = read_commitments(_DEAL_FR + "En 2027, les prix du poisson devraient baisser.", "fr",
                             published="2025-06-01")
    assert not [c for c in found if "devraient" in c.evidence], found


def test_the_time_a_work_will_take_to_complete_is_its_owners_schedule(read_commitments):
    """Own wording (a dam on the fortieth blind set: "will now take up to three years to complete")."""
    found = read_commitments(_DEAL_EN + "The harbour will now take up to three years to complete.", "en",
                             published="2025-06-01")
    assert _with(found, "take up to") == [(["GHA", "NOR"], "2028-12-31")], found
    found = read_commitments(_DEAL_EN + "The talks will take two years to complete.", "en", published="2025-06-01")
    assert not [c for c in found if "take" in c.evidence], found
