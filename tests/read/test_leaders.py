"""Office holders whose state an article leaves unsaid (data/gazetteer/persons.yaml)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from suivi.models import Article
from suivi.read.leaders import leader_of, leaders


def test_listed_names_and_safe_short_forms_are_known():
    assert leader_of("Joe Biden").serves == "USA"
    assert leader_of("Biden").serves == "USA"
    assert leader_of("Recep Tayyip Erdogan").serves == "TUR"  # accents optional
    assert leader_of("Ursula von der Leyen").serves == "UE"
    assert leader_of("Traoré") is None  # a common surname is never enough alone
    assert all(len(key) > 1 for key in leaders())


def test_heads_of_state_of_more_states_are_listed():
    # the table covers the heads of states partnerships deal with, not only the ones seen before
    assert leader_of("Lazarus Chakwera").serves == "MWI"
    assert leader_of("Mohammed VI").serves == "MAR"
    assert leader_of("Salva Kiir").serves == "SSD"
    assert leader_of("Boakai").serves == "LBR"
    # ... and of the Pacific, the Caucasus, Ukraine and the Middle East, NATO's head
    assert leader_of("Anthony Albanese").serves == "AUS"
    assert leader_of("Zelenskyy").serves == "UKR"
    assert leader_of("Pashinyan").serves == "ARM"
    assert leader_of("Pezeshkian").serves == "IRN"
    assert leader_of("Mark Rutte").serves == "OTAN"


def _article(text: str) -> Article:
    return Article(id=1, content_hash="0" * 64, raw_hash="0" * 64, source="t", source_kind="text", url=None,
                   outlet=None, author=None, title=None, published="2025-03-10", published_precision="day",
                   language="en", text=text, ingested_at=datetime.now(UTC))


def _read_and_extract(text: str):  # noqa: ANN202 - (Reading, candidates)
    """Read one English text as an article, then extract its pledges with the reading's actors."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    doc = parse_text(text, "en")
    article = _article(text)
    reading = read_article(doc, article, get_gazetteer())
    return reading, extract(doc, article, local_mentions(reading))


@pytest.mark.slow
def test_a_leader_named_without_his_state_makes_a_pledge_with_an_agent():
    text = ("President Recep Tayyip Erdogan arrived in Mogadishu on Monday for talks on maritime security.\n\n"
            "Erdogan promised to train two hundred Somali coast guard officers next year.\n\n"
            "The visit was his second to the region.")
    _reading, found = _read_and_extract(text)
    train = [f for f in found if "train two hundred" in f.evidence]
    assert train and train[0].agents == ["TUR"]
    # a role the text states wins over the table
    text2 = text.replace("President Recep Tayyip Erdogan", "Somali President Recep Tayyip Erdogan")
    reading2, _found = _read_and_extract(text2)
    served = {m.serves for m in reading2.actors.mentions if m.kind == "person"}
    assert "SOM" in served and "TUR" not in served


@pytest.mark.slow
def test_he_told_reporters_after_meeting_a_leader_is_not_that_leader():
    """"'We will deliver ...', he told reporters after meeting President William Ruto": the
    person named after a pronoun attribution is not the speaker."""
    text = ("US Trade Representative Daniel Okafor visited Nairobi on Thursday.\n\n"
            "\"We will open three new trade offices in East Africa by June,\" he told reporters after meeting "
            "President William Ruto at State House.")
    _reading, found = _read_and_extract(text)
    offices = [f for f in found if "trade offices" in f.evidence]
    assert offices and offices[0].agents == ["USA"]


@pytest.mark.slow
def test_a_leader_named_by_his_short_name_alone_is_that_person():
    """"Xi said ... He also promised ...": no full name anywhere, the listed short form is enough."""
    text = ("Xi opened the forum in Beijing on Thursday, hailing ties with the continent.\n\n"
            "Over half of the money will be loans, Xi said.\n\n"
            "He also promised to help build forty rural schools in Zambia.")
    reading, found = _read_and_extract(text)
    names = {" ".join(c.name.words) for c in reading.actors.persons}
    assert "Xi Jinping" in names
    schools = [f for f in found if "rural schools" in f.evidence]
    assert schools and schools[0].agents == ["CHN"]


def test_a_listed_name_written_family_name_first_is_the_same_person():
    """Own wording: "Kishida Fumio" (family name first, as Japanese names are often written) is
    the listed Fumio Kishida, a person the model may take for a body, and his side pledges."""
    assert leader_of("Kishida Fumio").serves == "JPN"
    assert leader_of("Fumio Kishida").serves == "JPN"
    reading, found = _read_and_extract(
        "Japan hosted a conference on Africa in Tunis. Kishida Fumio emphasized that Japan will grow "
        "together with Africa. Kishida Fumio announced that they will support food production across the continent.")
    assert "Kishida Fumio" in [c.name.text for c in reading.actors.persons]
    food = [f for f in found if "food production" in f.evidence]
    assert food and food[0].agents == ["JPN"]
