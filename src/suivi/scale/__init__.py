"""Speed and scale: workers that read and extract, one writer that stores and reconciles.

    analyse   — what a worker does with a few inputs (read, parse, read actors, extract)
    writer    — the one writer: segments of results stored in one transaction each, then
                reconcile and follow (same result whatever the number of workers)
    engine    — the streaming driver and its executors (in-process, local processes)
    dask_engine — a Dask distributed cluster as executor (`suivi batch --engine dask`)
    timeline  — `SUIVI_TIMELINE=FILE`: every process's events on one clock (where wall time goes)

See docs/scale.md.
"""
