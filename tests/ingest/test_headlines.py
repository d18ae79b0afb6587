"""Headline layouts of pasted and extracted pages (data/metadata/headlines.yaml); texts written for these tests."""

from __future__ import annotations

from suivi.ingest.article import build_draft
from suivi.ingest.metadata import headline_over_date, strip_media_marker, trailing_headline

BODY = ("The port authority said on Monday that the new quay would open to container ships by March, "
        "after two years of works funded by a regional development bank.\n"
        "Officials said dredging of the channel was complete and cranes had been delivered.")


def _draft(text: str):
    return build_draft("t.txt", text.encode(), "text", text)


def test_headline_under_site_menus_sits_over_the_date_line():
    text = "\n".join(["facebook", "telegram", "search", "WHAT ARE YOU LOOKING FOR ?", "",
                      "Storm warning issued for the coast: LIVE", "WORLD", "A+", "A-", "",
                      "New quay to open to container ships by March VIDEO", "", "12 June 2025 16:52", "", BODY])
    draft = _draft(text)
    assert draft.title == "New quay to open to container ships by March"
    assert draft.published == "2025-06-12"
    assert "Storm warning" not in draft.text and "LOOKING FOR" not in draft.text


def test_a_rubric_of_two_words_and_a_sign_is_not_the_headline():
    text = "\n".join([" date 2025-03-02 News & Analysis", "", "Port quay to open by March, authority says", "",
                      "March 2, 2025 — 08:03 am EST", "", BODY])
    draft = _draft(text)
    assert draft.title == "Port quay to open by March, authority says"
    assert draft.published == "2025-03-02"


def test_headline_pasted_after_the_body():
    text = BODY + " END [Copyright The Harbour Press, Ltd.]\nPort Authority Opens New Quay to Container Ships"
    draft = _draft(text)
    assert draft.title == "Port Authority Opens New Quay to Container Ships"
    assert "Opens New Quay" not in draft.text.split("\n", 1)[1]


def test_a_last_line_without_an_end_marker_stays_text():
    lines = BODY.split("\n") + ["Officials met residents on Tuesday"]
    assert trailing_headline(lines, "en") is None


def test_media_markers_and_no_pair_in_a_body():
    assert strip_media_marker("Ship completes its survey mission PHOTO") == "Ship completes its survey mission"
    assert strip_media_marker("VIDÉO : le navire achève sa mission") == "le navire achève sa mission"
    assert strip_media_marker("Photo opportunity at the summit ends") == "Photo opportunity at the summit ends"
    assert headline_over_date([BODY, "Officials met residents", "3 May 2025"], "en") is None
