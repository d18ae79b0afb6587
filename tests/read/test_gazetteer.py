"""Gazetteer: resolution of names, demonyms and aliases, and case-aware matching in text."""

from __future__ import annotations

import pytest

from suivi.errors import DataFileError
from suivi.read import datafiles
from suivi.read.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    ("surface", "key", "kind"),
    [
        ("malien", "MLI", "state"),
        ("maliennes", "MLI", "state"),
        ("burkinabè", "BFA", "state"),
        ("burkinabé", "BFA", "state"),
        ("nigérienne", "NER", "state"),
        ("nigériane", "NGA", "state"),
        ("russes", "RUS", "state"),
        ("Russian", "RUS", "state"),
        ("Confédération des États du Sahel", "AES", "alliance"),
        ("Alliance of Sahel States", "AES", "alliance"),
        ("l'AES", "AES", "alliance"),
        ("Nations unies", "ONU", "organization"),
        ("ECOWAS", "CEDEAO", "organization"),
        ("Wagner", "WAGNER", "organization"),
        ("Africa Corps", "AFRICA_CORPS", "organization"),
        ("CNSP", "CNSP", "organization"),
        ("Côte d’Ivoire", "CIV", "state"),
        ("Cote d'Ivoire", "CIV", "state"),
        ("Etats-Unis", "USA", "state"),
        ("Kiev", "place:kyiv", "place"),
        ("Kyiv", "place:kyiv", "place"),
        ("sahélien", "place:sahel", "place"),
        ("Democratic Republic of Congo", "COD", "state"),  # without "the": not the Republic of the Congo
        ("Republic of the Congo", "COG", "state"),
    ],
)
def test_resolve(gaz, surface, key, kind):
    ref = gaz.resolve(surface)
    assert ref is not None, surface
    assert (ref.key, ref.kind) == (key, kind)


def test_capital_is_a_place_linked_to_its_state(gaz):
    ref = gaz.resolve("Moscou")
    assert ref.kind == "place" and ref.sub == "capital"
    assert gaz.state_of("Moscou") == "RUS"
    assert gaz.resolve("Moscow").key == ref.key


def test_state_of_demonyms(gaz):
    assert gaz.state_of("burkinabè") == "BFA"
    assert gaz.state_of("malienne") == "MLI"
    assert gaz.state_of("sahélien") is None
    assert gaz.state_of("inconnu") is None


def test_outlets_are_organizations_of_kind_outlet(gaz):
    for name in ("RFI", "AFP", "APA", "Reuters"):
        ref = gaz.resolve(name)
        assert ref.kind == "organization" and ref.is_outlet, name


def test_acronyms_need_capitals(gaz):
    text = "Il a signé un accord avec l'UN et la Russie."
    found = [(text[s:e], ref.key) for s, e, ref in gaz.find_all(text)]
    assert found == [("UN", "ONU"), ("Russie", "RUS")]


def test_find_all_longest_match_and_offsets(gaz):
    text = "Le Burkina Faso et la Guinée-Bissau ont rejoint la CEDEAO à Abuja."
    found = [(text[s:e], ref.key) for s, e, ref in gaz.find_all(text)]
    assert found == [
        ("Burkina Faso", "BFA"), ("Guinée-Bissau", "GNB"), ("CEDEAO", "CEDEAO"), ("Abuja", "place:abuja"),
    ]


def test_capitalised_name_needs_capital_letter(gaz):
    # "chine" lowercase is not China; "Chine" is.
    assert [r.key for _, _, r in gaz.find_all("la porcelaine de chine")] == []
    assert [r.key for _, _, r in gaz.find_all("la Chine")] == ["CHN"]


def test_a_name_read_by_its_capitalised_head(gaz):
    """Writers leave later words of a name in lower case; the capitalised head keeps it a name,
    and a name whose head is in lower case is still no name."""
    found = [(text, r.key) for text in ("la Corée du sud", "le Burkina faso", "South sudan")
             for _, _, r in gaz.find_all(text)]
    assert found == [("la Corée du sud", "KOR"), ("le Burkina faso", "BFA"), ("South sudan", "SSD")]
    assert [r.key for _, _, r in gaz.find_all("le vent du sud souffle")] == []
    assert [r.key for _, _, r in gaz.find_all("l'afrique du sud")] != ["ZAF"]


def test_malformed_data_fails_loudly(tmp_path, monkeypatch):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "states.yaml").write_text("states:\n  MALI: {fr: Mali, en: Mali}\n")
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    with pytest.raises(DataFileError, match="alpha-3"):
        load_gazetteer()


def test_malformed_lexicon_fails_loudly(tmp_path, monkeypatch):
    from suivi.read import lexicon

    (tmp_path / "reading").mkdir()
    (tmp_path / "reading" / "fr.yaml").write_text("lexicon:\n  reporting_verbs: [dire]\n  typo_section: [x]\n")
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    lexicon.get_lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match="typo_section"):
            lexicon.get_lexicon("fr")
    finally:
        lexicon.get_lexicon.cache_clear()


def test_seat_of_institutions_is_a_place_with_its_state_and_its_bodies():
    from suivi.read.gazetteer import get_gazetteer

    brussels = get_gazetteer().resolve("Brussels")
    assert brussels.kind == "place" and brussels.state == "BEL"
    assert brussels.is_seat and "UE" in brussels.seat_of
    assert not get_gazetteer().resolve("Nouakchott").is_seat


@pytest.mark.parametrize(("text", "key"), [("The U.K. government said", "GBR"), ("a U.N. agency", "ONU"),
                                           ("E.U. officials", "UE"), ("the UK said", "GBR")])
def test_an_acronym_alias_is_found_with_dots_too(text, key):
    from suivi.read.gazetteer import get_gazetteer

    assert [r.key for _s, _e, r in get_gazetteer().find_all(text)] == [key]


def test_a_currency_prefix_is_not_the_state():
    from suivi.read.gazetteer import get_gazetteer

    text = "Ghana got US$50 million and US$ 3 million; the US will help."
    found = [(s, r.key) for s, _e, r in get_gazetteer().find_all(text)]
    assert found == [(0, "GHA"), (47, "USA")]
    # the sign set apart from both ("US $ 600 million") is a currency too; against its figure,
    # after the state's name, it is the state's sum ("the US $55 billion pledge")
    keys = lambda t: [r.key for _s, _e, r in get_gazetteer().find_all(t)]  # noqa: E731
    assert keys("a credit of US $ 10 billion and US $ 600 million in grants") == []
    assert keys("the US $55 billion pledge") == ["USA"]


def test_a_states_own_security_council_is_not_the_uns(gaz):
    """Own wording: the UN's short form "Security Council" inside "National Security Council" (or
    "Conseil de sécurité nationale") names a state's body, not the UN (data: not_within)."""
    keys = lambda text: [ref.key for _s, _e, ref in gaz.find_all(text)]  # noqa: E731
    assert "ONU" not in keys("Paul Mercier, National Security Council Senior Director for Africa, said.")
    assert "ONU" not in keys("le directeur Afrique du Conseil de sécurité nationale américain")
    assert "ONU" in keys("The Security Council will meet on Monday.")
    assert "ONU" in keys("Le Conseil de sécurité se réunira lundi.")


@pytest.mark.parametrize(("text", "key", "state"), [
    ("USTDA funding for the study", "USTDA", "USA"),
    ("a loan from the DBSA", "DBSA", "ZAF"),
    ("the Millennium Challenge Corporation said", "MCC", "USA"),
    ("the Africa Finance Corporation (AFC) will", "AFC", None),
    ("pledges to the Loss and Damage Fund", "FRLD", None),
    ("le Fonds pour les pertes et dommages", "FRLD", None),
])
def test_development_lenders_and_funds_are_bodies_with_their_state(text, key, state):
    from suivi.read.gazetteer import get_gazetteer

    found = [r for _s, _e, r in get_gazetteer().find_all(text)]
    assert found and found[0].key == key and found[0].state == state, found


def test_two_acronyms_joined_by_a_slash_name_one_body(gaz):
    # the M23 with its political wing: one party, not the Africa Finance Corporation beside it
    text = "Kinshasa et l'AFC/M23 ont signé un texte ; l'AFC/ M 23 devra se retirer."
    found = [(text[s:e], ref.key) for s, e, ref in gaz.find_all(text)]
    assert ("AFC/M23", "M23") in found and ("AFC/ M 23", "M23") in found, found
    assert not any(key == "AFC" for _, key in found), found
