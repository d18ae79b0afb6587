"""When a source is next due: its interval after a success, a doubling backoff after failures.

Why back off: a feed that is down (or refuses us) must not be hammered every few minutes
for days; each failure in a row doubles the wait, up to a day, and the first success
brings the source back to its own interval.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from suivi.errors import ConfigError

MAX_BACKOFF = timedelta(days=1)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+)\s*([smhd])")


def parse_every(value: str) -> int:
    """Seconds in "15m", "1h30m", "45s", "2d" or a bare number of seconds (at least 1)."""
    text = value.strip().lower().replace(" ", "")
    if text.isdigit():
        seconds = int(text)
    elif text and _PART.sub("", text) == "":
        seconds = sum(int(n) * _UNITS[u] for n, u in _PART.findall(text))
    else:
        raise ConfigError(f"cannot read the interval {value!r}: write it like 15m, 1h, 90s or 2d")
    if seconds < 1:
        raise ConfigError(f"the interval {value!r} is too short (at least 1 second)")
    return seconds


def format_every(seconds: int) -> str:
    """The shortest spelling of an interval: 900 -> "15m", 5400 -> "1h30m"."""
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def backoff(every_seconds: int, failures: int) -> timedelta:
    """The wait after `failures` failures in a row: the interval doubled each time, at most a day
    (never less than the interval itself)."""
    if failures <= 0:
        return timedelta(seconds=every_seconds)
    wait = timedelta(seconds=every_seconds * 2 ** min(failures, 20))
    return max(timedelta(seconds=every_seconds), min(wait, MAX_BACKOFF))


def next_due(at: datetime, every_seconds: int, failures: int) -> datetime:
    return at + backoff(every_seconds, failures)
