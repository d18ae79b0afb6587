"""Handing back, withdrawing, renaming and ordering (own wording; constructions found on the
nineteenth blind set, French troops leaving West African states)."""

from __future__ import annotations


def test_the_near_future_in_the_passive_is_a_plan(read_commitments):
    found = read_commitments("La base navale belge de Matadi va être rétrocédée à la RDC en mars, a annoncé "
                             "le ministre.", "fr")
    assert len(found) == 1, found
    assert "BEL" in found[0].agents and found[0].deadline == "2025-03-31"


def test_handing_back_and_withdrawing_in_the_passive_future_are_plans(read_commitments):
    found = read_commitments("Le Portugal a signé l'accord. Les casernes seront restituées à l'armée angolaise "
                             "et 200 soldats seront évacués d'ici juin.", "fr")
    assert any("restituées" in c.evidence for c in found), [(c.agents, c.evidence) for c in found]
    assert any("évacués" in c.evidence and c.deadline == "2025-06-30" for c in found)


def test_a_since_date_is_never_a_deadline(read_commitments):
    found = read_commitments("Le Portugal a annoncé que le camp, installé à Luanda depuis 1978, serait rebaptisé "
                             "« Camp Agostinho Neto ».", "fr")
    assert len(found) == 1, found
    assert found[0].deadline is None
    # in an undated report, nothing says 1978 is past: the word "since" does
    undated = read_commitments("Le Portugal a annoncé que le camp, installé à Luanda depuis 1978, serait rebaptisé "
                               "« Camp Agostinho Neto ».", "fr", published=None)
    assert [c.deadline for c in undated] == [None]


def test_announcing_the_end_of_a_presence_by_a_date_is_a_pledge(read_commitments):
    found = read_commitments("Ghana's president announced the end of all foreign naval bases in the country "
                             "by 2026.", "en")
    assert len(found) == 1 and found[0].agents == ["GHA"], found
    assert found[0].deadline == "2026-12-31"


def test_a_leaders_order_to_his_government_is_its_pledge(read_commitments):
    found = read_commitments("Ghana's president said: “I have instructed the minister of defence to draft a new "
                             "security doctrine.”", "en")
    assert len(found) == 1, found
    assert "instructed the minister" in found[0].evidence
    assert read_commitments("The report tasked the agency with a review and instructed the board to meet.", "en") == []


def test_people_staying_on_are_a_presence_kept(read_commitments):
    found = read_commitments("La Belgique a remis la base. Un détachement d'environ 60 militaires restera sur "
                             "place pour des missions de formation.", "fr")
    staying = [c for c in found if "restera" in c.evidence]
    assert [c.agents for c in staying] == [["BEL"]], [(c.agents, c.evidence) for c in found]
    found = read_commitments("About 60 Belgian soldiers will remain in Kindu for training missions.", "en")
    assert [c.agents for c in found] == [["BEL"]]
    # a thing that stays is no pledge
    assert read_commitments("Les prix resteront élevés, selon la Belgique.", "fr") == []
    assert read_commitments("Prices will remain high, Belgium said.", "en") == []


def test_a_quoted_fragment_does_not_cut_the_pledge(read_commitments):
    text = ("Le président ghanéen a assuré jeudi que son pays terminerait « d’ici mars » 2026 le retrait de ses "
            "troupes du Mali.")
    found = read_commitments(text, "fr")
    assert len(found) == 1 and found[0].evidence.endswith("troupes du Mali."), found
