"""Pledges listed under a line that says the parties plan them (found on blind set 52: a joint
vision's "plan to:" and "Key initiatives include:" lists). Own wording: Ghana and Togo."""

from __future__ import annotations


def test_items_under_a_plan_line_are_the_parties_pledges(read_commitments):
    text = ("Ghana and Togo held talks in Lomé.\n"
            "To lift trade, Ghana and Togo plan to:\n"
            "– Open talks on a customs union.\n"
            "– Build a second bridge over the Mono river.\n"
            "Both leaders agreed to deepen ties. Key initiatives include:\n"
            "– Support for the Lomé-Accra highway and the upgrade of the Aflao border post.\n")
    items = [c for c in read_commitments(text, "en") if c.unit_kind == "item"]
    assert [c.evidence for c in items] == [
        "Open talks on a customs union.", "Build a second bridge over the Mono river.",
        "Support for the Lomé-Accra highway and the upgrade of the Aflao border post."], [c.evidence for c in items]
    assert all(set(c.agents) == {"GHA", "TGO"} for c in items), [c.agents for c in items]


def test_items_under_a_french_plan_line(read_commitments):
    text = ("Le Ghana et le Togo ont tenu leur commission mixte à Lomé.\n"
            "Les deux pays envisagent de :\n"
            "- Construire un second pont sur le fleuve Mono\n"
            "- Ouvrir des négociations sur une union douanière\n")
    items = [c for c in read_commitments(text) if c.unit_kind == "item"]
    assert len(items) == 2 and all(set(c.agents) == {"GHA", "TGO"} for c in items), \
        [(c.evidence, c.agents) for c in items]


def test_a_list_of_principles_under_a_plan_line_stays_out(read_commitments):
    text = ("Ghana and Togo held talks in Lomé.\n"
            "The two leaders recalled the principles they intend to uphold:\n"
            "- Respect for sovereignty\n")
    assert [c for c in read_commitments(text, "en") if c.unit_kind == "item"] == []


def test_a_plan_line_opening_with_both_parties_is_theirs_whoever_it_names_after(read_commitments):
    text = ("Ghana and Togo held talks in Lomé. Ghana and Togo signed two accords.\n"
            "Both countries agreed to collaborate on projects that benefit the Togolese people. Key initiatives "
            "include:\n"
            "– Support for the Lomé-Accra highway.\n")
    items = [c for c in read_commitments(text, "en") if c.unit_kind == "item"]
    assert [set(c.agents) for c in items] == [{"GHA", "TGO"}], [(c.evidence, c.agents) for c in items]
