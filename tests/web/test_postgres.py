"""The web app over a real PostgreSQL store: every page and the API answer, review and sign-in
write their rows (the same migrations and code path as SQLite)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from suivi import accounts
from suivi.follow import review
from suivi.ingest.api import ingest
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store

from .conftest import PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_url):
    from suivi.store import open_store

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS suivi_web"))
        conn.execute(text("CREATE DATABASE suivi_web"))
    admin.dispose()
    store = open_store(pg_url.rsplit("/", 1)[0] + "/suivi_web")
    yield store
    store.close()


def _fill(store, folder) -> int:
    path = folder / "pont.txt"
    path.write_text("Accord sur le pont de Kara\n\nPublié le 2025-03-10\n\n"
                    "Le Ghana construira un pont sur la Volta d'ici juin 2025, a annoncé le ministre.\n",
                    encoding="utf-8")
    report = ingest(store, [str(path)])
    assert report.new
    evidence = "Le Ghana construira un pont sur la Volta"
    with store.begin() as conn:
        art = article_store.get_article(conn, report.new[0])
        start = art.text.index(evidence)
        span = article_store.add_span(conn, art.id, start, start + len(evidence), evidence, evidence, start,
                                      start + len(evidence))
        cid = commitment_store.upsert_commitment(conn, key="pg-bridge", agents=["GHA"], beneficiaries=["TGO"],
                                                 action="construire un pont", deadline="2025-06",
                                                 first_reported=art.published)
        mid = commitment_store.insert_mention(
            conn, key=f"{art.content_hash}:{start}", article_id=art.id, span_id=span, extractor_version="t",
            evidence=evidence, cue="construira", modality="promise", agents=["GHA"], beneficiaries=["TGO"],
            action="construire un pont", deadline="2025-06", confidence=1.0)
        commitment_store.assign_mention(conn, mid, cid)
        review.set_status(conn, cid, "in_progress", user="ana", why="works seen", effective=date(2025, 5, 1))
        accounts.add_user(conn, "ana", PASSWORD)
    return cid


def test_pages_api_review_and_sign_in_on_postgres(pg_store, tmp_path):
    from fastapi.testclient import TestClient

    from suivi.web.app import create_app

    cid = _fill(pg_store, tmp_path)
    client = TestClient(create_app(pg_store))
    for path in ("/", "/commitments?party=GHA", f"/commitments/{cid}", "/stories", "/articles", "/articles/1",
                 "/actors", "/network", "/timeline", "/map", "/compliance", "/search?q=pont Volta"):
        assert client.get(path).status_code == 200, path
    found = client.get("/api/search", params={"q": "Volta"}).json()
    assert found["articles"] and found["commitments"][0]["id"] == cid
    assert client.get("/api/commitments", params={"status": "in_progress"}).json()["total"] == 1
    assert client.post(f"/api/commitments/{cid}/review", json={"action": "reject"}).status_code == 401
    with pg_store.begin() as conn:
        token = accounts.create_token(conn, "ana", "pg")
    r = client.post(f"/api/commitments/{cid}/review", json={"action": "reject", "why": "pg"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    assert client.get("/api/commitments").json()["total"] == 0
    form = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    ok = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303 and "suivi_session" in ok.cookies
