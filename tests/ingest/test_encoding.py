"""Bytes to text: UTF-8, BOMs, Western code pages; binary and undecodable bytes refused."""

from __future__ import annotations

import pytest

from suivi.errors import InputRejected
from suivi.ingest.encoding import decode, looks_binary

SENTENCE = "Le président a annoncé à Ségou une coopération renforcée, déjà prévue l'été dernier."


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_decodes(codec: str) -> None:
    text, _ = decode("x", SENTENCE.encode(codec))
    assert text == SENTENCE


def test_declared_charset_wins_when_it_fits() -> None:
    text, encoding = decode("x", SENTENCE.encode("cp1252"), "windows-1252")
    assert text == SENTENCE and encoding == "windows-1252"


def test_binary_detected() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary(SENTENCE.encode())
    with pytest.raises(InputRejected, match="binary"):
        decode("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)


def test_cyrillic_code_page_not_forced_to_western() -> None:
    russian = "Министр иностранных дел заявил о расширении сотрудничества с государствами региона."
    text, encoding = decode("ru.txt", russian.encode("cp1251"))
    assert text == russian and encoding == "cp1251"
