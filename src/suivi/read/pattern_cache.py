"""A disk cache of compiled regular-expression programs, used while a spaCy model loads.

Why: half of loading fr_core_news_md (about 2.5 of 5 seconds, in every process that reads
French: each `suivi` command, each ingest worker, each Dask worker) is Python's `re` compiling
the French tokenizer's exception patterns - a few very long alternations of hyphenated words
that are the same in every process. Python cannot pickle a compiled pattern, but the program
its compiler produces is a list of integers: it is kept on disk after the first load and
handed straight to the regular-expression engine the next time. The engine validates the
program it is given, and the cache is keyed by the pattern, its flags, the Python build and
the engine's version, so a stale or damaged entry is never used: it is compiled again as
usual. Only long patterns are cached; every other `re.compile` is untouched.

Where: `$SUIVI_CACHE_DIR`, else the user cache folder (platformdirs). An unwritable folder
only means no cache.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import contextlib
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

import platformdirs

MIN_LENGTH = 2000
"""Patterns shorter than this compile in milliseconds: not worth a file."""

_log = logging.getLogger(__name__)
_lock = threading.RLock()
_BUILD = f"{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"


def cache_dir() -> Path:
    """The folder holding the compiled programs ($SUIVI_CACHE_DIR or the user cache folder)."""
    env = os.environ.get("SUIVI_CACHE_DIR")
    base = Path(env).expanduser() if env else Path(platformdirs.user_cache_dir("suivi"))
    return base / "patterns"


def _key(pattern: str, flags: int) -> str:
    return hashlib.sha256(f"{_BUILD}\0{flags}\0{pattern}".encode()).hexdigest()


def _program(pattern: str, flags: int) -> list[Any]:
    """What `re._compiler.compile` computes before handing it to the engine, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [flags | parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup]


def _build(pattern: str, program: list[Any]) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _read(path: Path, pattern: str, flags: int) -> re.Pattern[str] | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry.get("build") != _BUILD or entry.get("pattern") != pattern or entry.get("flags") != flags:
            return None
        return _build(pattern, entry["program"])
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged or foreign file: compile as usual and replace it
        _log.debug("pattern cache entry %s unusable: %s", path.name, exc)
        return None


def _write(path: Path, pattern: str, flags: int, program: list[Any]) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"build": _BUILD, "flags": flags, "pattern": pattern, "program": program}, f)
        os.replace(tmp, path)
    except OSError as exc:
        _log.debug("pattern cache not written (%s): %s", path.parent, exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def compile_cached(pattern: str, flags: int = 0, folder: Path | None = None) -> re.Pattern[str]:
    """`pattern` compiled, from the disk cache when an entry for this build exists."""
    path = (folder or cache_dir()) / f"{_key(pattern, flags)}.json"
    compiled = _read(path, pattern, flags)
    if compiled is not None:
        return compiled
    program = _program(pattern, flags)
    compiled = _build(pattern, program)
    _write(path, pattern, flags, program)
    return compiled


@contextlib.contextmanager
def cached_compiles() -> Iterator[None]:
    """Within this block, long patterns compiled through `re` come from the disk cache.

    Falls back to the plain compiler for short or bytes patterns, and for good if this
    Python's engine refuses a program (another interpreter's internals)."""
    with _lock:
        original: Callable[..., re.Pattern[Any]] = _compiler.compile
        folder = cache_dir()
        broken = False

        def compile(p: Any, flags: int = 0) -> re.Pattern[Any]:  # noqa: A001 - mirrors re._compiler.compile
            nonlocal broken
            if broken or not isinstance(p, str) or len(p) < MIN_LENGTH:
                return original(p, flags)
            try:
                return compile_cached(p, flags, folder)
            except Exception as exc:  # an interpreter whose engine takes other programs
                broken = True
                _log.debug("pattern cache disabled: %s", exc)
                return original(p, flags)

        _compiler.compile = compile
        try:
            yield
        finally:
            _compiler.compile = original
