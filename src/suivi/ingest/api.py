"""Ingest inputs into the store.

Why one transaction per input: an interruption never leaves half an article, and a re-run
resumes where it stopped (already-stored content is recognised by its hash).
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from suivi.errors import InputRejected
from suivi.ingest import sources
from suivi.ingest.result import ReadResult
from suivi.ingest.sources import is_url
from suivi.store import Store
from suivi.store.articles import insert_article


@dataclass
class IngestReport:
    new: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "new": len(self.new),
            "duplicates": len(self.duplicates),
            "rejected": len(self.rejected),
            "new_ids": self.new,
            "duplicate_of": [{"source": s, "article": i} for s, i in self.duplicates],
            "errors": [{"source": s, "reason": r} for s, r in self.rejected],
        }


def expand_inputs(inputs: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files (folders recursively, globs), '-' for stdin and URLs, in a stable order."""
    found: list[str] = []
    missing: list[tuple[str, str]] = []
    for item in inputs:
        if item == "-" or is_url(item):
            found.append(item)
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and sources.readable_in_folder(p)
            )
        elif path.is_file():
            found.append(str(path))
        elif any(ch in item for ch in "*?["):
            matches = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if matches:
                found.extend(matches)
            else:
                missing.append((item, "no file matches this pattern"))
        else:
            missing.append((item, "no such file or folder"))
    return found, missing


def ingest(
    store: Store,
    inputs: Iterable[str],
    progress: Callable[[str, int, int], None] | None = None,
    on_reject: Callable[[str, str], None] | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read every input and store its articles; bad inputs are reported, never fatal.

    A file, URL or stdin is read completely before its one transaction opens, so a killed
    process leaves either all of an input's articles or none; a re-run skips stored ones.
    """
    if stdin is None:
        stdin = sys.stdin.buffer
    report = IngestReport()
    refs, missing = expand_inputs(inputs)
    for source, reason in missing:
        report.rejected.append((source, reason))
        if on_reject:
            on_reject(source, reason)
    total = len(refs)
    for done, ref in enumerate(refs, 1):
        try:
            result = sources.read_input(ref, stdin=stdin if ref == "-" else None)
        except InputRejected as exc:
            result = ReadResult(rejected=[(exc.source, exc.reason)])
        if result.drafts:
            with store.begin() as conn:  # one input, one transaction
                for draft in result.drafts:
                    article_id, created = insert_article(conn, draft)
                    if created:
                        report.new.append(article_id)
                    else:
                        report.duplicates.append((draft.source, article_id))
        for source, reason in result.rejected:
            report.rejected.append((source, reason))
            if on_reject:
                on_reject(source, reason)
        if progress:
            progress("ingest", done, total)
    return report
