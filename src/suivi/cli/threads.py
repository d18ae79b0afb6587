"""One BLAS thread per process, set before numpy is first imported.

Why: Suivi's parallelism is its processes (`suivi ingest --workers N` and the writer);
OpenBLAS's own threads spin while they wait and, on a machine whose cores the workers already
fill, took a core from a worker: 400 articles with one worker took 79 s with the default and
66 s with one thread (user time 123 s -> 82 s). A value the user set wins.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
