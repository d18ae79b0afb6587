"""Named crash points, for the reliability tests that kill Suivi mid-write.

Why in the product: a crash test must kill the real command at a chosen moment — inside a
stage's transaction, before its commit — not wherever a timer happens to land. With
`SUIVI_FAILPOINT=<name>` (or `<name>:<n>`, the n-th time the point is reached) the process
kills itself with SIGKILL there, exactly as the kernel's OOM killer or `kill -9` would: no
exception handler, `finally` block or atexit hook runs. Unset (always, outside tests), a
point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

_reached: dict[str, int] = {}


def reach(name: str) -> None:
    """Die here if the environment names this point (and this is the wanted passage)."""
    wanted = os.environ.get("SUIVI_FAILPOINT")
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
