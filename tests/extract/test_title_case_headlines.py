"""English headlines in Title Case are read in sentence case (own wording; a headline style
found on the twenty-second blind set)."""

from __future__ import annotations

from suivi.extract.headlines import sentence_cased, title_case

_BODY = ("BRASILIA, March 9, 2025 - Brazil is ready to send rice to Angola, President Luiz Inácio Lula "
         "da Silva said on Sunday.")


def test_a_title_case_headline_carries_its_pledge(read_commitments):
    title = "Brazil Ready To Send 5,000 Tonnes Of Rice To Angola Free Of Charge"
    found = read_commitments(f"{title}\n{_BODY}", "en", title=title)
    assert any(c.evidence == title and c.agents == ["BRA"] for c in found), [(c.agents, c.evidence) for c in found]


def test_sentence_case_keeps_the_names_the_body_capitalises():
    title = "Brazil Ready To Send Rice To Angola, Lula Says"
    assert title_case(title)
    cased = sentence_cased(title, _BODY)
    assert cased == "Brazil ready to send rice to Angola, Lula says"
    assert len(cased) == len(title)
    # a headline in sentence case, or in capitals, is left as it is
    assert not title_case("Brazil to send rice to Angola by June")
    assert not title_case("BRAZIL TO SEND RICE TO ANGOLA")


def test_a_title_case_line_atop_the_text_is_read_as_a_headline(read_commitments):
    """A page that keeps its headline as a line of its text, under a line of section names, and
    no title given apart."""
    headline = "Brazil And Angola Launch $400 Million Support Package For Rice Farms"
    text = f"AfricaBusinessWorld News\n\n{headline}\n{_BODY}"
    found = read_commitments(text, "en")
    assert any(c.evidence == headline and "BRA" in c.agents for c in found), [(c.agents, c.evidence) for c in found]


def test_an_ing_word_after_to_in_a_headline_is_no_future(read_commitments):
    """Own wording: "key to lasting peace" reads "lasting" as an adjective, not a verb after "to"
    (found on the thirtieth blind set); "Kenya to host" stays the headline future."""
    body = "NAIROBI, May 3, 2025 - Officials met in Nairobi on Saturday."
    title = "Envoy: Kenya-Uganda cooperation key to lasting peace"
    found = read_commitments(f"{title}\n{body}", "en", title=title)
    assert not [c for c in found if c.evidence == title], [(c.cue, c.evidence) for c in found]
    title = "Kenya to host regional peace summit in June"
    found = read_commitments(f"{title}\n{body}", "en", title=title)
    assert [c.agents for c in found if c.evidence == title] == [["KEN"]], [(c.cue, c.evidence) for c in found]


def test_to_before_a_word_that_is_no_verb_or_after_another_verb_is_no_headline_future(read_commitments):
    """Own wording (found on the thirty-fourth and thirty-third blind sets): "Path to economic
    growth", "linking restive Sahel to ocean", "looks to first projects" state no pledge; "Ghana to
    build", and "Minister says Ghana to build", do."""
    body = "\n\nThe two ministers met in Accra on Monday."
    for title in ("Ghana-Norway fisheries road: Path to economic growth and security",
                  "Norway's Atlantic gambit: linking restive Ghana to ocean",
                  "The Ghana-Norway Fund approves investment policy as it looks to first projects in 2026"):
        found = read_commitments(title + body, "en", title=title)
        assert not [c for c in found if c.evidence == title], (title, [(c.agents, c.cue) for c in found])
    for title in ("Ghana to build 30 clinics by 2027", "Minister says Ghana to build 30 clinics",
                  "Ghana set to build 30 clinics in two years"):
        found = read_commitments(title + body, "en", title=title)
        assert [c.agents for c in found if c.evidence == title] == [["GHA"]], (title, found)
