"""Keeping watch: sources polled on a schedule by `suivi run` (feeds, pages, folders).

Not to be confused with `suivi.ingest.sources`, the registry of readers (text, HTML, feed,
JSONL) that turn one input into articles: the monitor decides *when* to read *which*
source, and hands what it fetched to those readers.

    schedule   durations ("15m") and when a source is next due (backoff after failures)
    catalog    add, list, remove sources (`suivi sources ...`)
    poll       one poll of one source: conditional GET or folder scan, new items stored
    runner     the loop: due sources, the stages on new articles, alerts, clean stop
"""
