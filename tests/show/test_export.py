"""Every export read back by its own format's library: csv, json, networkx (GEXF, GraphML),
followthemoney (FtM), icalendar (iCal); TimelineJS checked against its documented shape."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model
from icalendar import Calendar

from suivi.follow import deadlines, review
from suivi.show import export as exports
from suivi.show.export import Exporter, register_exporter
from suivi.show.export.tabular import COLUMNS, REVIEW_COLUMNS
from suivi.views.dataset import select
from suivi.views.register import RegisterFilter

AS_OF = date(2026, 11, 22)


def _export(store, fmt: str, path: Path, flt: RegisterFilter | None = None) -> tuple[int, list]:
    with store.connect() as conn:
        selection = select(conn, AS_OF, flt)
        return exports.write(conn, selection, fmt, path), selection.items


def test_csv_reads_back_with_every_commitment_and_defused_cells(show_store_copy, tmp_path: Path) -> None:
    with show_store_copy.begin() as conn:  # an analyst's edit that a spreadsheet would run as a formula
        target = select(conn, AS_OF).items[0]
        review.edit(conn, target.id, {"action": '=HYPERLINK("http://evil.example","x")', "sector": "@SUM(A1)"},
                    user="mallory", why="test")
    count, items = _export(show_store_copy, "csv", tmp_path / "c.csv")
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: spreadsheets read the accents right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert count == len(rows) == len(items) > 10
    assert list(rows[0]) == COLUMNS + REVIEW_COLUMNS
    by_key = {r["key"]: r for r in rows}
    for item in items:
        row = by_key[item.key]
        assert (row["status"], row["deadline"], row["agents"]) == (item.status, item.deadline or "",
                                                                   ", ".join(item.agents))
        assert row["overdue"] == ("yes" if item.overdue else "no")
        assert len(row["mentions"].splitlines()) == len(item.mentions)
    edited = by_key[target.key]
    assert edited["action"] == "'=HYPERLINK(\"http://evil.example\",\"x\")" and edited["sector"] == "'@SUM(A1)"
    for row in rows:  # no cell anywhere starts like a formula
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    assert any("https://sahel-newswire.example/" in r["sources"] for r in rows)


def test_jsonl_has_mentions_with_their_articles(show_store, tmp_path: Path) -> None:
    count, items = _export(show_store, "jsonl", tmp_path / "c.jsonl", RegisterFilter(party="RUS"))
    lines = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert count == len(lines) == len(items) > 0
    assert all("RUS" in [*d["agents"], *d["beneficiaries"]] for d in lines)
    for d in lines:
        assert d["mentions"] and all({"article_id", "evidence", "outlet", "url", "published"} <= set(m)
                                     for m in d["mentions"])
        assert d["names"]["RUS"] == "Russie" and d["as_of"] == "2026-11-22"
    assert any(c["applied"] and c["sentence"] for d in lines for c in d["status_changes"])


@pytest.mark.parametrize(("fmt", "reader"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_reads_back_with_networkx(show_store, tmp_path: Path, fmt: str, reader) -> None:
    path = tmp_path / f"n.{fmt}"
    count, items = _export(show_store, fmt, path)
    g = reader(path)
    assert g.number_of_nodes() == count and {"RUS", "MLI", "CHN", "SEN"} <= set(g.nodes)
    label = g.nodes["RUS"].get("label")
    assert label == "Russie"
    assert g.nodes["RUS"]["kind"] == "state"
    commitment_edges = {(a, b) for a, b, d in g.edges(data=True) if d.get("kind") == "commitment"}
    expected = {(a, b) for i in items for a in i.agents for b in i.beneficiaries if a != b}
    assert commitment_edges == expected and ("CHN", "SEN") in commitment_edges
    assert any(d.get("kind") == "event" for _, _, d in g.edges(data=True))


def test_ftm_entities_read_back_with_followthemoney(show_store, tmp_path: Path) -> None:
    count, items = _export(show_store, "ftm", tmp_path / "e.ftm.json")
    proxies = [model.get_proxy(json.loads(line))
               for line in (tmp_path / "e.ftm.json").read_text(encoding="utf-8").splitlines()]
    assert count == len(proxies)
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)  # ids are unique
    schemata = {p.schema.name for p in proxies}
    assert {"Article", "Person", "PublicBody", "Organization", "Mention", "Event", "Documentation"} <= schemata
    for p in proxies:  # every entity reference points to an entity of the file, of the schema FtM expects
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, (p.schema.name, prop.name)
                assert by_id[value].schema.is_a(prop.range), (p.schema.name, prop.name, by_id[value].schema.name)
    events = [p for p in proxies if p.schema.name == "Event"]
    assert len(events) == len(items)
    russia = next(p for p in proxies if p.schema.name == "PublicBody" and "Russie" in p.get("name"))
    assert russia.get("country") == ["ru"]
    made = [e for e in events if russia.id in e.get("organizer")]
    assert made and all(e.get("recordId") and e.get("proof") for e in made)
    key = made[0].get("recordId")[0]
    item = next(i for i in items if i.key == key)
    assert made[0].get("summary") == [item.evidence] and item.status in made[0].get("keywords")
    if item.deadline:
        assert made[0].get("endDate") == [item.deadline]
    mentions = [p for p in proxies if p.schema.name == "Mention"]
    assert any(m.get("resolved") == [russia.id] for m in mentions)
    status_docs = [p for p in proxies if p.schema.name == "Documentation" and p.get("status")]
    assert status_docs and all(d.get("summary") for d in status_docs)


def test_ical_reads_back_with_icalendar(show_store, tmp_path: Path) -> None:
    count, items = _export(show_store, "ical", tmp_path / "d.ics")
    cal = Calendar.from_ical((tmp_path / "d.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    dated = [i for i in items if deadlines.deadline_end(i.deadline)]
    assert count == len(events) == len(dated) > 0
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == len(events)
    for e in events:
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        assert end - start == timedelta(days=1) and str(e["summary"]).startswith("Deadline: ")
    month = next(i for i in dated if i.deadline_precision == "month")
    match = [e for e in events if f"Deadline as reported: {month.deadline}" in str(e["description"])]
    assert match and match[0].decoded("dtstart") == deadlines.deadline_end(month.deadline)
    assert any("OVERDUE" in str(e["description"]) for e in events)


def test_timelinejs_has_the_documented_shape_and_escapes_text(show_store, tmp_path: Path) -> None:
    count, _items = _export(show_store, "timelinejs", tmp_path / "t.json")
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert set(doc) == {"title", "events"} and doc["title"]["text"]["headline"]
    assert count == len(doc["events"]) > 0
    groups = {e["group"] for e in doc["events"]}
    assert {"stories", "deadlines", "events"} <= groups
    for e in doc["events"]:
        assert re.fullmatch(r"\d{4}", e["start_date"]["year"])
        assert set(e["start_date"]) <= {"year", "month", "day"}
        assert 1 <= int(e["start_date"].get("month", "1")) <= 12
        assert e["text"]["headline"] and "<script" not in e["text"]["headline"] + e["text"]["text"]
    dates = [tuple(int(e["start_date"].get(k, "0")) for k in ("year", "month", "day")) for e in doc["events"]]
    assert dates == sorted(dates)
    rice = [e for e in doc["events"] if e["group"] == "stories" and "riz" in html.unescape(e["text"]["text"])]
    assert rice and "&lt;script&gt;" in rice[0]["text"]["text"]  # the hostile title, shown as text


def test_filters_and_the_registry(show_store, tmp_path: Path) -> None:
    count, items = _export(show_store, "csv", tmp_path / "china.csv", RegisterFilter(agent="CHN", status="announced"))
    assert count == len(items) > 0 and all("CHN" in i.agents and i.status == "announced" for i in items)

    def write_keys(_conn, selection, out) -> int:
        out.write("\n".join(i.key for i in selection.items).encode())
        return len(selection.items)

    register_exporter(Exporter("keys", ".txt", "commitment keys, one a line", write_keys))
    try:
        count, items = _export(show_store, "keys", tmp_path / "k.txt")
        assert (tmp_path / "k.txt").read_text().splitlines() == [i.key for i in items]
    finally:
        exports.EXPORTERS.pop("keys")
    assert {"csv", "jsonl", "gexf", "graphml", "ftm", "ical", "timelinejs"} <= set(exports.exporters())
    with pytest.raises(Exception, match="unknown export format 'xls'"):
        exports.get("xls")
