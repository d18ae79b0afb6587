"""Own wording: titles written around a name by the English model's entities ("Honourable X",
"Project Manager Engineer X", "<Province> Minister of State") are not part of the name; the
person stays a person and the province a place."""

from __future__ import annotations

from suivi.read.nlp import get_nlp
from suivi.read.reader import read_article

from .helpers import article

_TEXT = ("Presenting an update to Matabeleland South Minister of State for Provincial Affairs Honourable Kwame "
         "Asante, the Project Manager Engineer Ama Boateng detailed the progress made at the harbour.")


def test_titles_before_a_name_are_cut_and_the_person_stays_a_person():
    reading = read_article(get_nlp("en")(_TEXT), article(_TEXT, "en"))
    persons = [p.name.text for p in reading.actors.persons]
    assert "Kwame Asante" in persons and "Ama Boateng" in persons, persons
    orgs = [m.ref.name for m in reading.actors.mentions if m.kind == "organization"]
    assert not [o for o in orgs if "Boateng" in o], orgs


def test_a_title_after_a_place_is_not_part_of_the_place():
    reading = read_article(get_nlp("en")(_TEXT), article(_TEXT, "en"))
    places = [_TEXT[m.start:m.end] for m in reading.actors.mentions if m.kind == "place"]
    assert "Matabeleland South" in places and not [p for p in places if p.endswith("Minister")], places


def test_a_word_of_a_title_is_no_title_after_a_place():
    text = "Officials in Ekiti State said the road would be finished in May."
    reading = read_article(get_nlp("en")(text), article(text, "en"))
    places = [text[m.start:m.end] for m in reading.actors.mentions if m.kind == "place"]
    assert places == ["Ekiti State"], places
