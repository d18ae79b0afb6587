"""A line break ends a sentence when the text says so (own wording)."""

from __future__ import annotations

from suivi.read.nlp import parse_text

TITLED = ("Sahel schools fund launched in Niamey\n\n"
          "Canada pledged on Tuesday in Niamey to give $40 million to the new fund for schools in the Sahel.\n"
          "Norway will also give $40 million to the fund.\n")


def _sentences(text: str, lang: str) -> list[str]:
    return [s.text.strip() for s in parse_text(text, lang).sents if s.text.strip()]


def test_a_title_line_is_its_own_sentence():
    sents = _sentences(TITLED, "en")
    assert sents[0] == "Sahel schools fund launched in Niamey"
    assert sents[1].startswith("Canada pledged")
    fr = _sentences("Le fonds lancé à Niamey\nLe Canada versera 40 millions de dollars au fonds.", "fr")
    assert fr[0] == "Le fonds lancé à Niamey"


def test_a_line_wrapped_before_a_lower_case_word_is_left_to_the_parser():
    sents = _sentences("Canada pledged on Tuesday to give $40 million to the\nnew fund for schools.", "en")
    assert len(sents) == 1

