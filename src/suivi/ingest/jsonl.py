"""JSONL exports: one article per line, {"text": ...} plus optional metadata fields.

Why line by line: an export of thousands of articles with one broken line must still give
the others; the broken line is reported with its number.
"""

from __future__ import annotations

import json

from suivi.errors import InputRejected
from suivi.ingest.article import build_draft, precision_of
from suivi.ingest.encoding import decode
from suivi.ingest.result import ReadResult
from suivi.models import ArticleDraft

FIELDS = ("text", "title", "url", "outlet", "author", "published", "language")


def _line_draft(name: str, number: int, line: str) -> ArticleDraft:
    source = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputRejected(source, f"line {number}: not JSON ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise InputRejected(source, f"line {number}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputRejected(source, f"line {number}: no 'text' field")
    for key in FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputRejected(source, f"line {number}: '{key}' must be a string")
    published = record.get("published")
    if published:
        published = published.strip()[:10]
        if precision_of(published) == "unknown":
            raise InputRejected(source, f"line {number}: 'published' must be YYYY, YYYY-MM or YYYY-MM-DD")
    extra = {k: v for k, v in record.items() if k not in FIELDS}
    try:
        return build_draft(
            source, line.encode("utf-8"), "jsonl", text,
            title=record.get("title"), outlet=record.get("outlet"), author=record.get("author"),
            published=published, url=record.get("url"), language=record.get("language"),
            meta={"line": number, **({"extra": extra} if extra else {})},
        )
    except InputRejected as exc:
        raise InputRejected(source, f"line {number}: {exc.reason}") from exc


def _json_document(name: str, content: str) -> list[str] | None:
    """Records of a whole-file JSON document (an object or a list), one JSON text each.

    None when the content is not one JSON document (then it is read as JSON lines).
    """
    try:
        doc = json.loads(content)
    except json.JSONDecodeError:
        return None
    items = doc if isinstance(doc, list) else [doc]
    if not any(isinstance(item, dict) and "text" in item for item in items):
        raise InputRejected(name, "JSON without article text (expected objects with a 'text' field)")
    return [json.dumps(item, ensure_ascii=False) for item in items]


def read(name: str, data: bytes) -> ReadResult:
    content, _ = decode(name, data)
    lines = content.splitlines()
    if len([ln for ln in lines if ln.strip()]) > 1 or content.lstrip().startswith("["):
        document = _json_document(name, content)
        if document is not None:
            lines = document
    result = ReadResult()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            result.drafts.append(_line_draft(name, number, line))
        except InputRejected as exc:
            result.rejected.append((exc.source, exc.reason))
    if not result.drafts and not result.rejected:
        raise InputRejected(name, "empty input")
    if not result.drafts and len(result.rejected) > 1 and all("not JSON" in r for _, r in result.rejected):
        raise InputRejected(name, f"not JSON lines ({result.rejected[0][1]})")
    return result
