"""The disk cache of compiled patterns gives the same matches as Python's own compiler, from a
cold and a warm cache, and survives damaged entries and unwritable folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from suivi.read import pattern_cache

WORDS = ["peut-être", "Saint-Étienne", "arc-en-ciel", "après-midi", "c'est-à-dire", "Aujourd'hui",
         "sous-préfecture", "vis-à-vis", "porte-parole", "grand-mère", "Œuvre-d'art", "mot", ""]


def _long_pattern() -> str:
    """An alternation as long as the tokenizer's, with named groups and case folding."""
    stems = [f"(?:w{i}[-‐][a-zàâçéèêëîïôûùüÿœ]+)" for i in range(400)]
    return "(?iu)^(?P<head>" + "|".join(stems) + r")(?P<tail>\d*)$"


def _probes() -> list[str]:
    return [f"w{i}-{s}{n}" for i in (0, 7, 399, 400) for s in ("être", "ÉTÉ", "x1") for n in ("", "42")] + WORDS


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for s in _probes():
        ma, mb = a.match(s), b.match(s)
        assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict())), s


def test_a_cached_program_matches_like_the_compiler_cold_and_warm(tmp_path, monkeypatch) -> None:
    pattern = _long_pattern()
    plain = re.compile(pattern)
    cold = pattern_cache.compile_cached(pattern, 0, tmp_path)
    _same(cold, plain)
    assert len(list(tmp_path.glob("*.json"))) == 1

    def no_compiling(*_a, **_k):
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(pattern_cache, "_program", no_compiling)
    warm = pattern_cache.compile_cached(pattern, 0, tmp_path)
    _same(warm, plain)
    assert warm.match("w7-ÉTÉ42").group("tail") == "42"


def test_a_damaged_or_foreign_entry_is_compiled_again_and_replaced(tmp_path) -> None:
    pattern = _long_pattern()
    pattern_cache.compile_cached(pattern, 0, tmp_path)
    (entry,) = tmp_path.glob("*.json")
    for damage in ("{not json", json.dumps({"build": "other", "flags": 0, "pattern": pattern, "program": []})):
        entry.write_text(damage, encoding="utf-8")
        _same(pattern_cache.compile_cached(pattern, 0, tmp_path), re.compile(pattern))
        assert json.loads(entry.read_text(encoding="utf-8"))["build"] == pattern_cache._BUILD
    # a program the engine refuses (right key, wrong code): the engine's validator says no
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["program"][1] = [0, 99, 12345]
    entry.write_text(json.dumps(data), encoding="utf-8")
    _same(pattern_cache.compile_cached(pattern, 0, tmp_path), re.compile(pattern))


def test_an_unwritable_folder_only_means_no_cache(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    pattern = _long_pattern()
    _same(pattern_cache.compile_cached(pattern, 0, blocker / "patterns"), re.compile(pattern))


def test_only_long_patterns_go_through_the_cache_and_the_compiler_is_restored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SUIVI_CACHE_DIR", str(tmp_path))
    original = re._compiler.compile
    with pattern_cache.cached_compiles():
        assert re._compiler.compile is not original
        re.purge()
        short = re.compile(r"(?i)abc\d+")
        long_ = re.compile(_long_pattern())
    assert re._compiler.compile is original
    assert short.match("ABC12")
    _same(long_, re._compiler.compile(_long_pattern(), 0))
    assert [p.name for p in (tmp_path / "patterns").glob("*.json")] == [
        f"{pattern_cache._key(_long_pattern(), 0)}.json"]


@pytest.mark.slow
def test_the_french_tokenizer_pattern_reads_the_same_from_the_cache(tmp_path: Path) -> None:
    """The pattern that made the cache worth having: spaCy's French hyphenated-word matcher."""
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    plain = TOKEN_MATCH.__self__
    assert len(plain.pattern) > pattern_cache.MIN_LENGTH
    cold = pattern_cache.compile_cached(plain.pattern, 0, tmp_path)
    warm = pattern_cache.compile_cached(plain.pattern, 0, tmp_path)
    for compiled in (cold, warm):
        assert compiled.flags == plain.flags
        for word in WORDS + ["anti-inflammatoire", "Jean-Marie", "franco-africain", "quarante-deux"]:
            got, want = compiled.match(word), plain.match(word)
            assert (got and got.span()) == (want and want.span()), word
    assert any(plain.match(w) for w in WORDS)
