"""Clean text: normalised characters, boilerplate lines removed, paragraphs kept.

Why line-based: boilerplate in article pages is whole lines (an advertising break, a
"read also" link, share buttons, the comment form); removing whole lines never cuts a
sentence the later stages must quote. Patterns are data (data/boilerplate/*.yaml).
"""

from __future__ import annotations

import re
import unicodedata

from suivi.ingest.rules import boilerplate_rules

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# control characters (C0 but tab, newline, carriage return; DEL; C1): never text, and PostgreSQL
# refuses a NUL in a text column (found by fuzzing: a page carrying one failed its whole segment)
_INVISIBLE.update(dict.fromkeys([*range(0, 9), *range(14, 32), *range(0x7F, 0xA0)], None))
_INVISIBLE.update(dict.fromkeys([11, 12, 0x85], "\n"))  # vertical tab, form feed, NEL: line breaks
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


_CONTROLS = {k: v for k, v in _INVISIBLE.items() if k < 0x20 or 0x7F <= k < 0xA0}


def strip_controls(text: str) -> str:
    """Without control characters: lxml refuses them when it edits a tree (found by fuzzing:
    a page holding one raised ValueError from the fallback reader)."""
    return text.translate(_CONTROLS)


def normalise_text(text: str) -> str:
    """NFC, one kind of newline and space, no invisible characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    return bool(line) and any(p.match(line) for p in boilerplate_rules().drop)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Lines without boilerplate; a comment-form marker in the second half ends the text."""
    rules = boilerplate_rules()
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    half = filled[len(filled) // 2] if filled else 0
    kept: list[str] = []
    for i, line in enumerate(lines):
        text = line.strip()
        if text and i >= half and any(p.match(text) for p in rules.cut_after):
            break
        if text and i >= half and _starts_a_list(lines, i, filled, rules.list_mark):
            break
        if text and any(p.match(text) for p in rules.drop):
            continue
        kept.append(line)
    return _strip_tail(kept, rules.tail)


def _starts_a_list(lines: list[str], i: int, filled: list[int], marks: tuple[re.Pattern[str], ...]) -> bool:
    """Line `i` marks an item and so does the second non-empty line after it ("02:25", a
    headline, "01:46", ...): a list of other stories begins. One mark alone is not enough (a
    time of day on its own line in a live report)."""
    if not marks or not any(p.match(lines[i].strip()) for p in marks):
        return False
    after = [j for j in filled if j > i][:2]
    return len(after) == 2 and any(p.match(lines[after[1]].strip()) for p in marks)


TAIL_LINES = 3


def _strip_tail(lines: list[str], patterns: tuple[re.Pattern[str], ...]) -> list[str]:
    """Remove sign-off lines among the last few non-empty lines."""
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].strip()
        if not text:
            continue
        seen += 1
        if seen > TAIL_LINES:
            break
        if any(p.match(text) for p in patterns):
            lines[i] = ""
    return lines


def compose(title: str | None, body_lines: list[str]) -> str:
    """The clean text: the headline, a blank line, then the body's paragraphs."""
    body = _BLANKS.sub("\n\n", "\n".join(body_lines)).strip()
    if title:
        return f"{title}\n\n{body}" if body else title
    return body
