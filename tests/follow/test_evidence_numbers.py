"""Numbers written out at the head of a report's subject are counts, not the thing reported
(data/cues/number_words.yaml), read without loading a spaCy language package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from suivi.follow.evidence import _is_number, head_stems, stems_of


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Quarante-huit", True), ("twenty-five", True), ("48", True), ("1,000", True), ("3rd", True),
     ("quatre-vingt-dix", True), ("Premier", True), ("écoles", False), ("Construction", False)],
)
def test_number_words(word, expected):
    assert _is_number(word) is expected


def test_a_written_out_count_is_skipped_for_the_subjects_head():
    assert head_stems("Quarante-huit écoles ont été livrées", 3) == stems_of("écoles")
    assert head_stems("Twenty-five trucks arrived in Bamako", 3) == stems_of("trucks")


def test_the_follow_stage_words_do_not_import_spacy_language_packages():
    """The writer process of `suivi ingest` needs no tokenizer: importing spacy.lang.fr costs
    seconds (its tokenizer exceptions compile thousands of patterns)."""
    code = (
        "import sys\n"
        "from suivi.follow.evidence import _is_number, _stop_words\n"
        "assert _is_number('vingt-cinq') and 'les' in _stop_words('fr') and 'the' in _stop_words('en')\n"
        "print('spacy.lang.fr' in sys.modules, 'spacy.lang.en' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
