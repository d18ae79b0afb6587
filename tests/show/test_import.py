"""`suivi import`: an analyst's reviewed CSV (made by `suivi export --format csv`, edited as a
spreadsheet would save it) applied in bulk through the audit trail — or refused whole."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from suivi.store import follow as follow_store
from suivi.views.register import build

SUIVI = str(Path(sys.executable).with_name("suivi"))


def _suivi(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([SUIVI, "--db", str(db), *args], capture_output=True, text=True, timeout=300)


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _save(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as out:  # as a spreadsheet saves it: no BOM, maybe ';'
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_reviewed_csv_is_applied_through_the_audit_trail(show_store_copy, tmp_path: Path) -> None:
    db = Path(show_store_copy.url.removeprefix("sqlite:///"))
    exported = tmp_path / "register.csv"
    done = _suivi(db, "export", "--format", "csv", "--as-of", "2026-11-22", "-o", str(exported))
    assert done.returncode == 0, done.stderr
    rows = _rows(exported)
    announced = [r for r in rows if r["status"] == "announced"]
    reject, promote, redate = announced[0], announced[1], announced[2]
    reject["decision"] = "reject"
    reject["note"] = "a description, not a promise"
    promote["new_status"] = "fulfilled"
    promote["note"] = "confirmed by the ministry"
    promote["source_url"] = "https://example.org/decree"
    redate["deadline"] = "2027-03"
    rows[-1]["decision"] = "Confirmed"
    _save(tmp_path / "reviewed.csv", rows, delimiter=";")

    dry = _suivi(db, "import", str(tmp_path / "reviewed.csv"), "--as", "alice", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["counts"] == {"reject": 1, "set_status": 1, "edit": 1, "confirm": 1}
    with show_store_copy.connect() as conn:
        assert follow_store.audit_for(conn, "commitment", [reject["key"]]) == []  # a dry run changes nothing

    done = _suivi(db, "import", str(tmp_path / "reviewed.csv"), "--as", "alice", "--why", "monthly review", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["applied"] and len(report["audit_ids"]) == 4 and report["user"] == "alice"

    with show_store_copy.connect() as conn:
        items = {i.key: i for i in build(conn, date.today())}
        assert items[reject["key"]].review == "rejected"
        assert items[promote["key"]].status == "fulfilled"
        assert items[redate["key"]].deadline == "2027-03"
        assert items[rows[-1]["key"]].review == "confirmed"
        trail = follow_store.audit_for(conn, "commitment", [reject["key"], promote["key"], redate["key"]])
    assert {(a.action, a.user) for a in trail} == {("reject", "alice"), ("set_status", "alice"), ("edit", "alice")}
    assert {a.why for a in trail} == {"a description, not a promise", "confirmed by the ministry", "monthly review"}
    status = next(a for a in trail if a.action == "set_status")
    assert status.after["source"] == "https://example.org/decree"

    # the same file again: decisions are recorded again, but nothing is left to edit or promote
    again = json.loads(_suivi(db, "import", str(tmp_path / "reviewed.csv"), "--as", "alice", "--json",
                              "--dry-run").stdout)
    assert again["counts"] == {"reject": 1, "confirm": 1}


def test_a_bad_row_changes_nothing(show_store_copy, tmp_path: Path) -> None:
    db = Path(show_store_copy.url.removeprefix("sqlite:///"))
    exported = tmp_path / "register.csv"
    assert _suivi(db, "export", "--format", "csv", "-o", str(exported)).returncode == 0
    rows = _rows(exported)
    rows[0]["decision"] = "reject"
    rows[1]["new_status"] = "done-ish"
    rows[2]["key"] = "not-a-key"
    rows[3]["deadline"] = "next spring"
    _save(tmp_path / "bad.csv", rows)
    done = _suivi(db, "import", str(tmp_path / "bad.csv"), "--as", "bob")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "row 3: status 'done-ish'" in done.stderr and "row 4: no commitment with key not-a-key" in done.stderr
    assert "row 5: deadline 'next spring'" in done.stderr and "3 bad row(s); nothing was changed" in done.stderr
    with show_store_copy.connect() as conn:
        assert follow_store.audit_for(conn, "commitment", [rows[0]["key"]]) == []
    (tmp_path / "notes.csv").write_text("name,comment\nx,y\n", encoding="utf-8")
    other = _suivi(db, "import", str(tmp_path / "notes.csv"))
    assert other.returncode == 1 and "no 'key' column" in other.stderr
