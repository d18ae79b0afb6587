"""The works an agreement or a project includes (own wording; found on the thirty-third blind set,
a gold refinery and a railway's revival): "the deal includes the construction of a refinery", «
les projets incluent la création d'une usine ». Told in the past, the works may be done: nothing."""

from __future__ import annotations


def test_works_a_deal_includes_are_a_pledge(read_commitments):
    text = ("Ghana signed a harbour deal with Norway on Monday. The deal includes the construction of a new "
            "quay at Tema.")
    found = [c for c in read_commitments(text, "en") if "includes" in c.evidence]
    assert len(found) == 1 and found[0].agents, found
    fr = ("Le Ghana a signé lundi un accord portuaire avec la Norvège. L'accord inclut la construction d'un "
          "nouveau quai à Tema.")
    found = [c for c in read_commitments(fr, "fr") if "inclut" in c.evidence]
    assert len(found) == 1 and found[0].agents, found


def test_works_of_a_project_to_come_are_a_pledge(read_commitments):
    text = "Norway will fund the Tema port project. The work will include the repair of the old quay."
    assert [c for c in read_commitments(text, "en") if "repair" in c.evidence]


def test_works_a_deal_included_then_are_no_pledge(read_commitments):
    text = "Ghana signed a harbour deal with Norway in 1995. The deal included the construction of a quay at Tema."
    assert not [c for c in read_commitments(text, "en") if "included" in c.evidence]
    fr = "Le Ghana a signé un accord avec la Norvège en 1995. L'accord a inclus la construction d'un quai à Tema."
    assert not [c for c in read_commitments(fr, "fr") if "inclus" in c.evidence]


def test_a_deal_including_cooperation_is_no_pledge(read_commitments):
    text = "Ghana signed a harbour deal with Norway on Monday. The deal includes cooperation on ports."
    assert not [c for c in read_commitments(text, "en") if "includes" in c.evidence]
