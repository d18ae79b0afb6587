"""An article read whole, title line first (own wording): the title does not lend its noun
to the first sentence as the giver."""

from __future__ import annotations

TITLED = ("Sahel schools fund launched in Niamey\n\n"
          "Canada pledged on Tuesday in Niamey to give $40 million to the new fund for schools in the Sahel.\n"
          "Norway will also give $40 million to the fund.\n")


def test_each_giver_is_its_own_sentences_subject(make_article):
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(TITLED, "en")
    doc = parse_text(TITLED, "en")
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    givers = {c.evidence.split()[0]: c.agents for c in found}
    assert givers["Canada"] == ["CAN"] and givers["Norway"] == ["NOR"], givers
