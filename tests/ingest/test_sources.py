"""Each source kind and each bad input, on real files the tests write."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from suivi.ingest.api import ingest
from suivi.ingest.sources import detect_kind
from suivi.store.articles import count_articles, iter_articles

BODY_FR = (
    "Le conseil régional a voté jeudi un budget de reconstruction pour les écoles endommagées. "
    "Les premières classes rouvriront en septembre, selon le président du conseil."
)
BODY_EN = (
    "The regional council voted on Thursday a budget to rebuild damaged schools. "
    "The first classrooms will reopen in September, according to the council's chair."
)


def write(path: Path, data: bytes | str) -> str:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def stored(store) -> list:
    with store.connect() as conn:
        return iter_articles(conn)


# --- kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.txt", b"Hello", "text"),
        ("a.html", b"<p>x</p>", "html"),
        ("a.xml", b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("noext", b"<!DOCTYPE html><html>", "html"),
        ("noext", b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("noext", b'{"text": "x"}\n', "jsonl"),
        ("noext", b"Un texte simple", "text"),
        ("page.xml", b"<!DOCTYPE html><html><body>", "html"),
    ],
)
def test_detect_kind(name: str, head: bytes, kind: str) -> None:
    assert detect_kind(name, head) == kind


def test_text_file_in_latin1_is_decoded(store, tmp_path: Path) -> None:
    text = f"Écoles : la reconstruction commence à Ségou\n\n{BODY_FR}\n"
    path = write(tmp_path / "latin.txt", text.encode("cp1252"))
    report = ingest(store, [path])
    assert len(report.new) == 1 and not report.rejected
    (article,) = stored(store)
    assert article.title == "Écoles : la reconstruction commence à Ségou"
    assert "président du conseil" in article.text
    assert article.meta["encoding"] in {"cp1252", "latin_1", "iso8859_1", "iso8859_15"}


def test_html_page_with_meta_tags(store, tmp_path: Path) -> None:
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Schools to reopen | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-08-21T07:30:00+00:00">
<meta name="author" content="Helen Carter"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Schools to reopen after the floods</h1><p>{BODY_EN}</p>
<p>Parents welcomed the decision, which had been expected for weeks in the district.</p>
<p>Share this article</p></article>
<footer>Copyright Valley Post</footer></body></html>"""
    report = ingest(store, [write(tmp_path / "page.html", html)])
    assert len(report.new) == 1, report.rejected
    (article,) = stored(store)
    assert article.source_kind == "html"
    assert article.title == "Schools to reopen after the floods"
    assert article.outlet == "Valley Post"
    assert article.author == "Helen Carter"
    assert (article.published, article.published_precision) == ("2024-08-21", "day")
    assert article.language == "en"
    assert article.text.startswith("Schools to reopen after the floods\n\nThe regional council")
    assert "Share this article" not in article.text and "Copyright" not in article.text


def test_html_fallback_when_trafilatura_finds_nothing(store, tmp_path: Path) -> None:
    html = "<html><head><title>Brève : écoles</title></head><body><p>Le conseil a voté un budget pour les écoles.</p>"
    report = ingest(store, [write(tmp_path / "short.html", html)])
    assert len(report.new) == 1, report.rejected
    (article,) = stored(store)
    assert "Le conseil a voté un budget pour les écoles." in article.text


def test_html_tree_that_trips_the_extractor_falls_back(store, tmp_path: Path) -> None:
    broken = (b"<body><script></title><entry><!DOCTYPE html><p>" + BODY_FR.encode() + b"</p>"
              b"<feed xmlns='http://www.w3.org/2005/Atom'><<rss>\n&#0;")
    report = ingest(store, [write(tmp_path / "broken.html", broken)])
    assert len(report.new) == 1, report.rejected
    assert "Les premières classes rouvriront en septembre" in stored(store)[0].text


def test_jsonl_good_lines_stored_bad_lines_rejected_with_number(store, tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY_FR, "title": "Écoles : un budget voté", "outlet": "Le Courrier",
                    "published": "2024-09-12", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": BODY_EN, "published": "2024-09", "language": "en"}),
    ]
    report = ingest(store, [write(tmp_path / "export.jsonl", "\n".join(lines))])
    assert len(report.new) == 2
    reasons = dict(report.rejected)
    assert set(reasons) == {f"{tmp_path}/export.jsonl:2", f"{tmp_path}/export.jsonl:3"}
    assert "line 2" in reasons[f"{tmp_path}/export.jsonl:2"]
    by_lang = {a.language: a for a in stored(store)}
    assert by_lang["fr"].title == "Écoles : un budget voté" and by_lang["fr"].outlet == "Le Courrier"
    assert by_lang["fr"].url == "https://example.org/a"
    assert (by_lang["en"].published, by_lang["en"].published_precision) == ("2024-09", "month")


def test_rss_feed_with_full_content(store, tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Le Courrier régional</title><link>https://example.org/</link><description>Actualités</description>
<item><title>Écoles : un budget voté</title><pubDate>Thu, 12 Sep 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>{BODY_FR}</p><p>{BODY_FR.replace("jeudi", "lundi")}</p>
<p>{BODY_FR.replace("septembre", "octobre")}</p><p>{BODY_FR.replace("écoles", "routes")}</p>
<p>{BODY_FR.replace("budget", "plan")}</p>]]></content:encoded></item>
<item><title>Schools: budget passed</title><pubDate>Fri, 13 Sep 2024 10:00:00 +0000</pubDate>
<description>{BODY_EN} {BODY_EN} {BODY_EN} {BODY_EN} {BODY_EN} {BODY_EN}</description></item>
</channel></rss>"""
    report = ingest(store, [write(tmp_path / "feed.rss", feed)])
    assert len(report.new) == 2 and not report.rejected
    articles = {a.title: a for a in stored(store)}
    fr = articles["Écoles : un budget voté"]
    assert fr.outlet == "Le Courrier régional" and fr.published == "2024-09-12" and fr.source_kind == "feed"
    assert articles["Schools: budget passed"].language == "en"


def test_rss091_with_doctype_is_read(store, tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Le Courrier régional</title><link>https://example.org/</link>
<item><title>Écoles : un budget voté</title><description>{BODY_FR}</description></item></channel></rss>"""
    report = ingest(store, [write(tmp_path / "old.rss", feed)])
    assert len(report.new) == 1, report.rejected


def test_atom_feed(store, tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:x</id>
<updated>2024-09-13T00:00:00Z</updated>
<entry><title>Schools: budget passed</title><id>urn:x:1</id><updated>2024-09-13T08:00:00Z</updated>
<author><name>Helen Carter</name></author><content type="text">{BODY_EN}</content></entry></feed>"""
    report = ingest(store, [write(tmp_path / "atom.xml", feed)])
    assert len(report.new) == 1, report.rejected
    (article,) = stored(store)
    assert article.title == "Schools: budget passed"
    assert (article.author, article.published) == ("Helen Carter", "2024-09-13")


def test_same_article_other_name_other_whitespace_stored_once(store, tmp_path: Path) -> None:
    text = f"Écoles : un budget voté\n\n{BODY_FR}\n"
    a = write(tmp_path / "a.txt", text)
    b = write(tmp_path / "b.txt", "\n\n" + text.replace(" ", "  ").replace("\n\n", "\n\n\n") + "   \n")
    report = ingest(store, [a, b])
    assert len(report.new) == 1 and len(report.duplicates) == 1


def test_stdin(store, tmp_path: Path) -> None:
    stream = (tmp_path / "in.txt")
    write(stream, f"Écoles : un budget voté\n\n{BODY_FR}")
    with stream.open("rb") as fh:
        report = ingest(store, ["-"], stdin=fh)
    assert len(report.new) == 1
    assert stored(store)[0].source == "<stdin>"


def test_folder_and_glob(store, tmp_path: Path) -> None:
    sub = tmp_path / "in" / "deep"
    sub.mkdir(parents=True)
    write(tmp_path / "in" / "one.txt", f"Premier titre assez court\n\n{BODY_FR}")
    write(sub / "two.txt", f"Second short headline here\n\n{BODY_EN}")
    write(tmp_path / "in" / ".hidden.txt", f"Caché\n\n{BODY_FR} caché")
    assert len(ingest(store, [str(tmp_path / "in")]).new) == 2
    assert len(ingest(store, [str(tmp_path / "in" / "**" / "*.txt")]).duplicates) == 2


# --- bad inputs --------------------------------------------------------------------------


@pytest.fixture
def good_file(tmp_path: Path) -> str:
    return write(tmp_path / "good.txt", f"Écoles : un budget voté\n\n{BODY_FR}")


def high_bytes() -> bytes:
    """Random bytes above 0x7f between spaces: no control characters, yet no encoding fits."""
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) if i % 6 else 0x20 for i in range(3000))


def billion_laughs() -> bytes:
    """Nine levels of entities, each ten times the one below: 10^9 'ha' if expanded."""
    entities = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{entities}]>'
            '<rss version="2.0"><channel><title>&l9;</title><item><title>x</title>'
            '<description>&l9;</description></item></channel></rss>').encode()


BAD_INPUTS = {
    "binary": ("blob.bin", bytes(range(256)) * 64, "binary"),
    "empty": ("empty.txt", b"   \n\n  ", "empty"),
    "undecodable": ("junk.txt", b"Titre\n" + high_bytes(), "undecodable"),
    "malformed xml": ("broken.rss", b"<?xml version='1.0'?><rss><channel><item><title>x</item></rss", "malformed XML"),
    "entity expansion": ("bomb.xml", billion_laughs(), "unsafe XML"),
    "malformed html": ("broken.html", b"<html><body><div><p></div><<<>>></span", "no article text"),
    "no text in feed entries": ("empty.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
                                b"</channel></rss>", "no entries"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_rejected_batch_continues(store, tmp_path: Path, good_file: str, case: str) -> None:
    name, data, reason = BAD_INPUTS[case]
    bad = write(tmp_path / name, data)
    seen: list[tuple[str, str]] = []
    report = ingest(store, [bad, good_file], on_reject=lambda s, r: seen.append((s, r)))
    assert len(report.new) == 1
    assert len(report.rejected) == 1
    source, why = report.rejected[0]
    assert source == bad and reason in why
    assert seen == report.rejected


def test_missing_path_and_unmatched_glob(store, tmp_path: Path, good_file: str) -> None:
    report = ingest(store, [str(tmp_path / "nope.txt"), str(tmp_path / "*.none"), good_file])
    assert len(report.new) == 1
    assert [why for _, why in report.rejected] == ["no such file or folder", "no file matches this pattern"]


def test_huge_file_rejected_without_reading_it(store, tmp_path: Path, good_file: str) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    report = ingest(store, [str(huge), good_file])
    assert len(report.new) == 1
    assert report.rejected[0][0] == str(huge) and "too large" in report.rejected[0][1]


def test_rejects_never_touch_stored_articles(store, tmp_path: Path, good_file: str) -> None:
    ingest(store, [good_file])
    before = [(a.id, a.content_hash, a.text) for a in stored(store)]
    bad = write(tmp_path / "bomb.xml", billion_laughs())
    report = ingest(store, [bad, str(tmp_path / "missing.txt")])
    assert len(report.rejected) == 2
    assert [(a.id, a.content_hash, a.text) for a in stored(store)] == before
    with store.connect() as conn:
        assert count_articles(conn) == 1


def test_json_array_document(store, tmp_path: Path) -> None:
    records = [{"text": BODY_FR, "title": "Écoles : un budget voté"}, {"text": BODY_EN, "title": "Schools"}]
    report = ingest(store, [write(tmp_path / "dump.json", json.dumps(records, indent=2))])
    assert len(report.new) == 2 and not report.rejected


def test_json_document_without_text_is_one_rejection(store, tmp_path: Path) -> None:
    doc = json.dumps({"format": "something", "articles": [{"file": "a.txt"}]}, indent=2)
    report = ingest(store, [write(tmp_path / "other.json", doc)])
    assert report.new == []
    assert report.rejected == [(str(tmp_path / "other.json"), "JSON without article text "
                                "(expected objects with a 'text' field)")]


def test_folder_walk_skips_files_that_are_not_articles(store, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder / "a.txt", f"Écoles : un budget voté\n\n{BODY_FR}")
    write(folder / "README.md", f"# About this folder\n\n{BODY_EN}")
    write(folder / "check.py", "print('hello, this is a script and not an article at all')\n" * 3)
    write(folder / "noext", f"Schools: budget passed\n\n{BODY_EN}")
    report = ingest(store, [str(folder)])
    assert sorted(Path(a.source).name for a in stored(store)) == ["a.txt", "noext"]
    assert not report.rejected
    assert len(ingest(store, [str(folder / "README.md")]).new) == 1  # named explicitly: read
