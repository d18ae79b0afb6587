"""A timeline of a run across its processes, for finding where the wall time goes.

Set `SUIVI_TIMELINE=/path/file` and every process of `suivi ingest` / `suivi batch` (the
driver and writer, the fork server, the workers) appends one line per event to that file:
wall clock, process id, the process's CPU seconds so far, the event and its details, tab
separated. Unset (the default) every call returns at the first test, so the calls stay in the
code.

Why: CPU profiles of each process added up to far less than the run's wall time; what was
missing (who waits for whom, when) shows only on one clock shared by every process.
"""

from __future__ import annotations

import os
import time

ENV = "SUIVI_TIMELINE"


def mark(event: str, **details: object) -> None:
    """Append one event to the timeline file, if there is one (one write, O_APPEND: lines of
    several processes do not interleave)."""
    path = os.environ.get(ENV)
    if not path:
        return
    extra = " ".join(f"{k}={v}" for k, v in details.items())
    line = f"{time.time():.3f}\t{os.getpid()}\t{time.process_time():.3f}\t{event}\t{extra}\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)
