"""HTML pages: trafilatura for the main text and metadata, meta tags as a second opinion.

Why a fallback: trafilatura returns None on short or unusual pages; the visible text of
<body> (scripts, styles and navigation removed) is then better than losing the article.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from suivi.errors import InputRejected
from suivi.ingest.article import build_draft, precision_of
from suivi.ingest.clean import strip_controls
from suivi.ingest.encoding import decode
from suivi.ingest.result import ReadResult
from suivi.models import ArticleDraft

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "date",
    "dc.date", "dc.date.issued", "pubdate", "publishdate", "sailthru.date",
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    return tags


def _meta_date(tags: dict[str, str]) -> str | None:
    for key in _META_DATE_KEYS:
        match = _ISO.match(tags.get(key, ""))
        if match:
            return "-".join(g for g in match.groups() if g)
    return None


def _fallback_text(tree: etree._Element) -> str:
    body = tree.find(".//body")
    node = body if body is not None else tree
    for bad in node.xpath("|".join(f".//{t}" for t in _DROP_TAGS)):
        if bad.getparent() is not None:  # malformed pages can leave orphans
            bad.drop_tree()
    blocks = []
    for block in node.iter("h1", "h2", "h3", "p", "li", "blockquote", "pre", "td"):
        text = " ".join(block.text_content().split())
        if text:
            blocks.append(text)
    return "\n".join(blocks) if blocks else node.text_content()


def html_to_draft(name: str, raw: bytes, markup: str, url: str | None = None) -> ArticleDraft:
    """One article from an HTML page."""
    markup = strip_controls(_XML_DECL.sub("", markup, count=1))
    try:
        tree = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputRejected(name, f"malformed HTML ({exc})") from exc
    tags = _meta_tags(tree)
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
        )
    except (AssertionError, ValueError, TypeError, etree.LxmlError):
        # trafilatura/htmldate trip over some broken trees; the plain fallback still reads them
        doc = None
    title = author = outlet = published = None
    if doc is not None and (doc.text or "").strip():
        text = doc.text
        title, author, outlet, published = doc.title, doc.author, doc.sitename, doc.date
        via = "trafilatura"
    else:
        text = _fallback_text(tree)
        via = "fallback"
    title = title or tags.get("og:title") or (tree.findtext(".//title") or "").strip() or None
    outlet = tags.get("og:site_name") or outlet
    author = author or tags.get("author")
    published = _meta_date(tags) or published
    return build_draft(
        name, raw, "html", text,
        title=title, outlet=outlet, author=author,
        published=published, precision=precision_of(published) if published else None,
        url=url or tags.get("og:url"), language=None, meta={"extracted_by": via},
    )


def read(name: str, data: bytes, url: str | None = None) -> ReadResult:
    markup, encoding = decode(name, data)
    if "<" not in markup:
        raise InputRejected(name, "malformed HTML: no markup")
    draft = html_to_draft(name, data, markup, url)
    draft.meta["encoding"] = encoding
    return ReadResult(drafts=[draft])
