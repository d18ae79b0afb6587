"""A state named as where a thing is, in a subject, is no doer; a role written "<State>'s Head of
State, General X" serves that state (found on blind set 53). Own wording: Ghana and Togo."""

from __future__ import annotations


def test_a_state_named_as_where_the_subject_is_does_not_pledge(read_with_names):
    found = read_with_names(
        "Ghanaian President Kofi Mensah and Togolese President Yawo Agbeko signed the border protocol in Accra. "
        "The two planned customs posts in Togo will be able to clear 500 trucks a day and should be "
        "operational by next spring, Mensah told reporters.")
    posts = [c for c in found if "customs posts" in c.evidence]
    assert [c.agents for c in posts] == [["GHA"]], [(c.evidence, c.agents) for c in found]


def test_a_thing_in_a_state_with_no_speaker_is_the_reports_parties(read_commitments):
    found = read_commitments(
        "Ghana and Togo signed the border protocol in Accra. Under the new decree, the two customs posts in Togo "
        "will now also house traders whose goods were seized.", "en", published="2025-03-01")
    # kept, as a pledge of the report's parties (a subject naming only where is not dropped)
    posts = [c for c in found if "customs posts" in c.evidence]
    assert len(posts) == 1 and set(posts[0].agents) <= {"GHA", "TGO"}, [(c.evidence, c.agents) for c in found]


def test_the_authorities_in_a_state_are_that_state(read_commitments):
    found = read_commitments("Ghana and Togo signed the border protocol in Accra. The authorities in Togo "
                             "will reopen the Aflao crossing by May.", "en", published="2025-03-01")
    assert [c.agents for c in found if "Aflao" in c.evidence] == [["TGO"]], [(c.evidence, c.agents) for c in found]


def test_a_head_of_state_named_with_his_state_before_the_title(read_with_names):
    # the second mention spells the first name another way, as transliterations do
    found = read_with_names(
        "Togo’s Head of State, General Mohamed Agbeko, sent a delegation to Accra. Earlier, at a meeting with "
        "mediators from Ghana, Mohammed Agbeko expressed readiness to reopen the border.")
    assert [c.agents for c in found if "reopen the border" in c.evidence] == [["TGO"]], \
        [(c.evidence, c.agents) for c in found]
