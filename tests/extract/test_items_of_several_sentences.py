"""Own wording: a numbered item that holds several sentences ("1. Fisheries fund: ... The AfDB
will match these contributions.") gives each sentence after the first a unit of its own, so a
pledge told there keeps its own evidence instead of the whole item's."""

from __future__ import annotations

_TEXT = ("Key parts of the partnership include:\n\n"
         "1. Fisheries fund: the fund includes an initial pledge of $40 million in grants from Norway. "
         "Ghana will match these contributions.\n\n"
         "2. Training: Norway will train 300 fishermen by 2027.\n")


def test_a_later_sentence_of_an_item_is_its_own_evidence(read_commitments):
    found = read_commitments(_TEXT, "en")
    assert [c.agents for c in found if c.evidence == "Ghana will match these contributions."] == [["GHA"]], \
        [(c.agents, c.evidence) for c in found]
    assert all(_TEXT[c.start:c.end] == c.evidence for c in found)
