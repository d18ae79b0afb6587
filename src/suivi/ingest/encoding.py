"""Bytes to text: UTF-8 when valid, else the encoding charset-normalizer finds.

Why prefer cp1252 when it fits as well as the best guess: the project reads Western
European news, and short Latin-1/cp1252 texts are often mistaken for a Baltic or Central
European code page whose letters differ only in a few accented characters.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from suivi.errors import InputRejected

_SNIFF = 8192
_WESTERN = ["cp1252", "latin_1"]
_CHAOS_TOLERANCE = 0.1
# Control characters that never appear in text (tab, newline, CR, form feed excepted).
_BINARY_BYTES = bytes(range(0, 32)).translate(None, b"\t\n\r\x0c\x1b")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first bytes: not a text file."""
    head = data[:_SNIFF]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark is text
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > len(head) * 0.05


def decode(name: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name) or InputRejected when the bytes are binary or undecodable.

    `declared` is a charset announced by the transport (HTTP Content-Type); tried first.
    """
    if looks_binary(data):
        raise InputRejected(name, "binary content, not text")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=_WESTERN).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_TOLERANCE):
        best = western
    if best is None or best.chaos > 0.5:
        raise InputRejected(name, "undecodable bytes: no text encoding fits")
    return str(best), best.encoding
