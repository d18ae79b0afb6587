"""The shipped data files load; malformed ones fail loudly with the file and the reason."""

from __future__ import annotations

import pytest

from suivi.errors import DataFileError
from suivi.ingest.clean import is_boilerplate, strip_boilerplate
from suivi.ingest.rules import boilerplate_rules, metadata_rules, outlet_rules, parse_boilerplate, parse_metadata

GOOD_METADATA = """
language: xx
numeric_order: dmy
months: {one: 1}
weekdays: [a, b, c, d, e, f, g]
date_labels: [dated]
author_labels: [by]
"""


def test_shipped_files_load() -> None:
    assert boilerplate_rules().drop and boilerplate_rules().cut_after
    assert {"fr", "en"} <= set(metadata_rules())
    assert outlet_rules().agencies


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("drop: [{pattern: '(unclosed', why: x}]", "not a valid pattern"),
        ("drop: [{pattern: 'x'}]", "needs a 'why'"),
        ("letterhead: [{pattern: 'x'}]", "needs a 'why'"),
        ("credit: [{pattern: '[x', why: y}]", "not a valid pattern"),
        ("closing: 'x'", "must be a list"),
        ("drop: 'x'", "must be a list"),
        ("dorp: []", "unknown keys"),
        ("- a list", "mapping at the top level"),
        ("drop: [", "not valid YAML"),
    ],
)
def test_bad_boilerplate_file(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_boilerplate([("data/boilerplate/zz.yaml", text)])
    assert "data/boilerplate/zz.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("months: {one: 1}", "months: {one: 13}"), "number 1-12"),
        (("numeric_order: dmy", "numeric_order: ymd"), "dmy or mdy"),
        (("weekdays: [a, b, c, d, e, f, g]", "weekdays: [a, b]"), "seven days"),
        (("language: xx", "language: French"), "language code"),
        (("date_labels: [dated]", "date_labels: [true]"), "non-empty strings"),
    ],
)
def test_bad_metadata_file(change: tuple[str, str], message: str) -> None:
    assert parse_metadata("ok.yaml", GOOD_METADATA).language == "xx"
    with pytest.raises(DataFileError, match=message):
        parse_metadata("bad.yaml", GOOD_METADATA.replace(*change))


@pytest.mark.parametrize(
    ("line", "boiler"),
    [
        ("LA SUITE APRÈS LA PUBLICITÉ", True),
        ("Lire aussi : un autre sujet sans rapport", True),
        ("Ad imageAd imageAd image", True),
        ("5 Min Read", True),
        ("TAGGED: Sahel, Défense", True),
        ("Share This Article", True),
        ("Le ministre a lu aussi le rapport.", False),
        ("La publicité en ligne progresse de dix pour cent cette année.", False),
        ("and/or/not", False),
        ("Lecture : 4 min", True),
        ("Accueil > Politique > Afrique", True),
        ("We use cookies to improve your experience.", True),
        ("Suivez-nous sur les réseaux sociaux", True),
        ("Nous utilisons ces données pour le rapport annuel.", False),
        ("Skip to main content", True),
        ("Aller au contenu principal", True),
        ("The talks will skip to the main points of the deal.", False),
        # a teaser of another article (blind set 61PC: its 1959 treaty became the report's date
        # and its line the headline)
        ("DON'T MISS : Talking Ghana podcast – a raw deal from a 1959 treaty", True),
        ("À ne pas manquer : le traité de 1959 revisité", True),
        ("Don't miss the chance to invest in Ghana, the minister said.", False),
    ],
)
def test_boilerplate_lines(line: str, boiler: bool) -> None:
    assert is_boilerplate(line) is boiler


@pytest.mark.parametrize("sign_off", ["XY/ab/Cd/ZZZ", "Q.R. / ZT", "ZNA pq/rs", "— KLM/no", "Valley Post / AB-CD"])
def test_sign_offs_removed_only_at_the_end(sign_off: str) -> None:
    body = ["Le ministre a parlé.", "Il a promis un rapport.", "Le texte sera publié."]
    assert strip_boilerplate([*body, "", sign_off]) == [*body, "", ""]
    assert strip_boilerplate([sign_off, *body, *body]) == [sign_off, *body, *body]


def test_comment_form_cut_only_in_the_second_half() -> None:
    lines = ["Titre", "Laisser un commentaire", "Corps 1", "Corps 2", "Corps 3", "Leave a Comment", "Nom *"]
    assert strip_boilerplate(lines) == ["Titre", "Laisser un commentaire", "Corps 1", "Corps 2", "Corps 3"]


def test_a_list_of_other_videos_is_cut_but_a_lone_time_is_kept() -> None:
    """Found on blind set 46BW: a page ends on other videos, each a duration then a headline;
    their headlines ("X offers to buy ...") were read as pledges."""
    body = ["Ghana signs deal", "Ghana said it signed the deal.", "It will pay its creditors.", "Officials agreed."]
    videos = ["02:25", "Norway offers to buy fish in a trade deal", "01:46", "Ghana will host the summit"]
    assert strip_boilerplate([*body, *videos]) == body
    live = [*body, "14:30", "The minister arrived in Accra.", "The talks went on into the night."]
    assert strip_boilerplate(live) == live
