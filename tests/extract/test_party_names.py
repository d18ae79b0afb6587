"""How parties are named: a city inside a body's name, and a body defined by its acronym."""

from __future__ import annotations

from suivi.evaluation.predictions import party_code
from suivi.extract.agents import ActorContext, PersonMention


def test_a_city_inside_a_body_name_is_the_body_not_the_citys_state():
    text = "Accra Port Services will dredge the harbour, officials in Accra said."
    body = PersonMention(0, len("Accra Port Services"), "org:aps", None)
    ctx = ActorContext(text, bodies=[body])
    assert ctx.parties_in(0, len("Accra Port Services")) == ["org:aps"]
    at = text.rindex("Accra")
    assert ctx.parties_in(at, at + len("Accra")) == ["GHA"]  # the city alone is still its state
    assert ActorContext(text).parties_in(0, len("Accra Port Services")) == ["GHA"]  # no body known


def test_a_body_defined_by_its_acronym_is_written_as_the_acronym():
    assert party_code("org:lar") == "LAR"
    assert party_code("org:frld") == "FRLD"
    assert party_code("GHA") == "GHA" and party_code("BAD") == "BAD"
    assert party_code("org:gates-foundation") == "GATES FOUNDATION"  # two words: no acronym, the name
    assert party_code("org:dp-world") == "DP WORLD" and party_code("org:totalenergies") == "TOTALENERGIES"


def test_a_body_named_in_three_words_or_more_is_written_as_its_initials():
    assert party_code("org:coastal-infrastructure-investment-bank") == "CIIB"
    assert party_code("org:development-bank-of-western-ghana") == "DBWG"  # link words are not initials
    assert party_code("org:banque-ouest-africaine-de-developpement") == "BOAD"


def test_a_name_cut_from_its_currency_sign_is_read_with_it():
    """A party range that ends right before "$" (a listed sum cut before its figure) still reads
    "US" as the currency it is (own wording; found on the twenty-fourth blind set G)."""
    from suivi.extract.agents import build_context
    from suivi.extract.cues import get_lexicon

    text = "India had committed a credit of US $ 10 billion and US $ 600 million in grants."
    ctx = build_context(text, [], get_lexicon("en"))
    assert ctx.parties_in(text.index(" and ") + 5, text.index("US $ 600") + 3) == []
    assert ctx.parties_in(0, 6) == ["IND"]


def test_a_company_named_after_its_state_is_the_company_not_the_state():
    """Own wording (found on the thirty-third blind set): a company whose name opens with its
    state's ("Ghana Harbour Construction Corporation") does the works; a body that is not a
    company ("Ghana Cocoa Board") still stands for its state when the state is named first."""
    from types import SimpleNamespace

    from suivi.extract.agents import build_context
    from suivi.extract.cues import get_lexicon

    text = "The Ghana Harbour Construction Corporation will dredge the port, and the Ghana Cocoa Board will pay."
    company_at = text.index("Ghana Harbour")
    board_at = text.index("Ghana Cocoa")
    company = SimpleNamespace(kind="organization", key="org:ghcc", start=company_at,
                              end=company_at + len("Ghana Harbour Construction Corporation"),
                              name="Ghana Harbour Construction Corporation")
    board = SimpleNamespace(kind="organization", key="org:gcb", start=board_at, end=board_at + len("Ghana Cocoa Board"),
                            name="Ghana Cocoa Board")
    ctx = build_context(text, [company, board], get_lexicon("en"))
    assert ctx.parties_in(company.start, company.end) == ["org:ghcc"]
    assert ctx.parties_in(board.start, board.end) == ["GHA"]


def test_a_short_name_another_named_state_holds_is_that_state():
    """« Congo » is the French name of Brazzaville's republic; in a report that names the
    Democratic Republic of Congo in full and Brazzaville's republic in no other way, "Congo" is
    the DRC (found on blind set 49DC). Not when the short name is a state's own English name."""
    from suivi.extract.agents import build_context
    from suivi.extract.cues import get_lexicon

    lex = get_lexicon("en")
    drc = "The Democratic Republic of Congo and Rwanda met in Accra. Congo and Rwanda will meet again in May."
    at = drc.rindex("Congo")
    assert build_context(drc, [], lex).parties_in(at, at + 5) == ["COD"]
    both = "Congo-Brazzaville and the Democratic Republic of Congo met. Congo will host the next summit."
    at = both.rindex("Congo")
    assert build_context(both, [], lex).parties_in(at, at + 5) == ["COG"]
    sudan = "South Sudan and Sudan met in Juba. Sudan will reopen the pipeline."
    at = sudan.rindex("Sudan")
    assert build_context(sudan, [], lex).parties_in(at, at + 5) == ["SDN"]
