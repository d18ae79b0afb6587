""""There will be ...", « il y aura ... »: an act, a body or a meeting said to come, with no doer
named, is the parties' pledge (found on blind set 55JB: "Rosatom said that as part of the
agreements there would be links between educational institutions"); difficulties said to come
are a guess. Own wording: Ghana and Togo."""

from __future__ import annotations


def _texts(found):
    return [(c.evidence, c.agents) for c in found]


def test_a_reported_there_would_be_is_the_reporters_pledge(read_commitments):
    found = read_commitments(
        "Ghana and Togo signed a nuclear cooperation roadmap on Monday. Togo's atomic agency said that as part "
        "of the roadmap there would be links between universities and exchanges of students.", "en")
    links = [c for c in found if "links between universities" in c.evidence]
    assert [c.agents for c in links] == [["TGO"]], _texts(found)


def test_a_guess_or_a_denial_is_no_pledge(read_commitments):
    found = read_commitments(
        "Ghana and Togo signed a nuclear cooperation roadmap on Monday. The minister said there would be "
        "difficulties in the first years. Ghana and Togo said there will be no joint committee.", "en")
    assert not [c for c in found if "difficulties" in c.evidence or "committee" in c.evidence], _texts(found)


def test_il_y_aura_in_french(read_commitments):
    found = read_commitments(
        "Le Ghana et le Togo ont signé lundi une feuille de route nucléaire. Il y aura une commission mixte "
        "chargée du suivi des engagements. Il y aura sans doute des difficultés.", "fr")
    assert [c.agents for c in found if "commission mixte" in c.evidence] == [["GHA", "TGO"]], _texts(found)
    assert not [c for c in found if "difficultés" in c.evidence], _texts(found)
