"""A project's promised result, told with the project as subject and a figure, is its backers'
pledge (own wording; found on the thirty-fifth blind set, a dairy venture's jobs and tonnes)."""

from __future__ import annotations

import pytest

PARTNERS = {
    "en": "Norway and Ghana signed an agreement in Accra on Monday for a fish-processing complex in Tema. ",
    "fr": ("La Norvège et le Ghana ont signé lundi à Accra un accord pour un complexe de transformation du "
           "poisson à Tema. "),
}


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "The project will provide up to 3,000 direct jobs for young Ghanaians."),
    ("en", "The complex aims to process about 40,000 tons of fish a year once fully operational."),
    ("en", "The plant is projected to supply 30% of the country's canned fish and create 2,000 jobs."),
    ("fr", "À terme, le projet devrait créer 3 000 emplois directs."),
    ("fr", "Le projet permettra de produire près de 40 000 tonnes de poisson en conserve par an."),
    ("fr", "Le complexe créera 2 000 emplois dans la région de Tema."),
])
def test_a_projects_counted_result_is_its_backers_pledge(read_commitments, lang, sentence):
    found = read_commitments(PARTNERS[lang] + sentence, lang)
    result = [c for c in found if c.evidence.strip() == sentence]
    assert result, [(c.agents, c.evidence) for c in found]
    assert set(result[0].agents) <= {"NOR", "GHA"} and result[0].agents, result[0].agents


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "The project provided 3,000 jobs for young Ghanaians last year."),  # a report
    ("en", "The project will provide more jobs for young Ghanaians."),  # no figure to follow up
    ("en", "The plant was projected to supply 30% of the country's canned fish."),  # past forecast
    ("en", "The project will not create 3,000 jobs, critics say."),  # negated
    ("fr", "Le projet permet de produire 40 000 tonnes de poisson par an."),  # the present: a fact
    ("fr", "Le projet a créé 3 000 emplois directs."),  # a report
])
def test_a_result_reported_uncounted_or_denied_is_no_pledge(read_commitments, lang, sentence):
    found = read_commitments(PARTNERS[lang] + sentence, lang)
    assert not [c for c in found if c.evidence.strip() == sentence], [(c.agents, c.evidence) for c in found]
