"""Text folding shared by the reading modules.

Why one place: gazetteer keys, person-name comparison and filter lists must fold text the
same way (case, accents, typographic apostrophes), or "Sergueï" and "Serguei" drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " ", "\u202f": " "})
# letters that carry no combining mark but read as a plain one ("Çağrı" / "Cagri", "Søren", "Łódź")
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})
WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the comparison form of a word or name."""
    text = unicodedata.normalize("NFKC", text).translate(_APOS).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return text.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae").translate(_LETTERS)


def fold_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a phrase: hyphens, apostrophes and spaces all separate words."""
    return tuple(fold(m.group()) for m in WORD.finditer(text))


def slug(text: str) -> str:
    """A stable ASCII key part: "Sergueï Lavrov" -> "serguei-lavrov"."""
    return "-".join(fold_tokens(text))


def strip_accents(text: str) -> str:
    """The same text without diacritics, case kept (for display-independent variants)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
