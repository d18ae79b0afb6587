"""Hypothesis strategies shared by the property tests and the atheris harness's seeds.

Why structured inputs besides random bytes: random bytes almost never get past a reader's
first check (decoding, XML well-formedness); pages, feeds and JSON built from the grammar
reach the assembly, date and boilerplate code where the bugs live.
"""

from __future__ import annotations

import json
from datetime import date

from hypothesis import strategies as st

WORDS = ["Le", "Mali", "la", "Russie", "s'engage", "à", "financer", "300", "écoles", "d'ici", "2026",
         "fin", "juin", "prochain", "the", "United", "States", "will", "build", "a", "road", "by", "March",
         "pledged", "to", "deliver", "tons", "of", "wheat", "within", "six", "months", "avant", "la", "fin",
         "du", "mandat", "Publié", "le", "3", "avril", "2025", "Moscou", "(AFP)", "—", "«", "»", "\"", ",",
         ".", ";", ":", "\n", "\n\n", "Par", "Photo", "Lire", "aussi", "2025-04-03", "03/04/2025", "lundi",
         "le 12", "mars", "next", "year", "Q3", "l'an", "prochain", "M.", "Dr", "Sergueï", "Lavrov", "BOAD",
         "(BOAD)", "€", "$1.8 billion", "milliards", "FCFA", "%", "&", "<", ">", "'"]

words = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
prose = st.lists(words, min_size=1, max_size=6).map(lambda ps: "\n\n".join(ps))


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def html_pages(draw) -> bytes:  # noqa: ANN001 - hypothesis draw
    title = draw(words)
    metas = draw(st.lists(st.tuples(st.sampled_from(["article:published_time", "og:title", "author", "date",
                                                     "og:site_name", "description"]), words), max_size=4))
    paragraphs = draw(st.lists(prose, max_size=6))
    wrapper = draw(st.sampled_from(["article", "main", "div", "section", "body"]))
    broken = draw(st.booleans())
    head = "".join(f'<meta property="{k}" content="{_escape(v)}">' for k, v in metas)
    body = "".join(f"<p>{_escape(p) if not broken else p}</p>" for p in paragraphs)
    doc = f"<!doctype html><html><head><title>{_escape(title)}</title>{head}</head><body><{wrapper}>{body}"
    if not broken:
        doc += f"</{wrapper}></body></html>"
    return doc.encode(draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])), errors="replace")


@st.composite
def feeds(draw) -> bytes:  # noqa: ANN001 - hypothesis draw
    atom = draw(st.booleans())
    entries = draw(st.lists(st.tuples(words, prose, st.dates(date(1990, 1, 1), date(2040, 12, 31)),
                                      st.booleans()), max_size=5))
    if atom:
        items = "".join(f"<entry><title>{_escape(t)}</title><updated>{d.isoformat()}T10:00:00Z</updated>"
                        f"<content type=\"html\">{_escape(b)}</content></entry>" for t, b, d, _ in entries)
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>{items}</feed>'
    else:
        items = "".join(f"<item><title>{_escape(t)}</title><pubDate>{d.strftime('%a, %d %b %Y')} 10:00:00 GMT"
                        f"</pubDate><description>{_escape(b) if ok else b}</description></item>"
                        for t, b, d, ok in entries)
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
    return doc.encode()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=3), max_leaves=8)


@st.composite
def jsonl_files(draw) -> bytes:  # noqa: ANN001 - hypothesis draw
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        record = {k: draw(st.one_of(words, json_values)) for k in
                  draw(st.lists(st.sampled_from(["text", "title", "url", "published", "date", "outlet", "author",
                                                 "language", "body", "content"]), max_size=6, unique=True))}
        lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())) if draw(st.integers(0, 9)) else
                     draw(st.text(max_size=40)))
    return "\n".join(lines).encode()
