"""Imported once by the fork server that starts `suivi ingest --workers N`'s worker processes.

Why: each worker needs the spaCy models, the gazetteer and the rule tables (about 500 MB
once loaded, French model mostly). Spawned workers loaded them each, so two workers held
two copies. The fork server loads them once, before any worker exists; the workers are
forked from it and share those pages with it (copy-on-write: a worker's own memory is what
it writes, about 40 MB after a hundred articles). `gc.freeze()` moves everything loaded so
far out of the collector's reach, so collections in the workers do not write to (and so
copy) the shared objects.
"""

from __future__ import annotations

import gc
import os

from suivi.scale.analyse import PRELOAD_VECTORS, warm
from suivi.scale.timeline import mark

mark("preload.imported")

warm(vectors=os.environ.get(PRELOAD_VECTORS) == "1")
gc.freeze()
