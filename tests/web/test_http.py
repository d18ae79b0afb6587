"""The web app over HTTP (no browser): every page answers, writes need credentials, API tokens
are revocable, forms need their CSRF token, sign-in is throttled and sessions expire."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from suivi import accounts
from suivi.store import accounts as account_store

from .conftest import PASSWORD

PAGES = ["/", "/commitments", "/commitments?party=RUS&sort=-deadline", "/stories", "/articles", "/actors",
         "/actors?kind=person", "/network", "/timeline", "/map", "/compliance", "/search?q=Mali", "/login"]


def _ids(client):
    data = client.get("/api/commitments", params={"limit": 500}).json()
    stories = client.get("/api/stories").json()["items"]
    arts = client.get("/api/articles").json()["items"]
    return data, stories, arts


def test_every_page_answers_and_the_api_agrees_with_the_pages(client):
    for path in PAGES:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["Content-Security-Policy"]
    register, stories, arts = _ids(client)
    assert register["total"] >= 10 and len(stories) >= 5 and len(arts) >= 15
    first = register["items"][0]
    page = client.get(f"/commitments/{first['id']}")
    assert page.status_code == 200 and "What the press reported" in page.text
    assert client.get(f"/stories/{stories[0]['id']}").status_code == 200
    assert client.get(f"/articles/{arts[0]['id']}").status_code == 200
    raw = client.get(f"/articles/{arts[0]['id']}/raw")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/plain")
    # filters: the page and the API apply the same ones
    rus = client.get("/api/commitments", params={"party": "RUS", "limit": 500}).json()
    assert 0 < rus["total"] < register["total"]
    assert all("RUS" in [*i["agents"], *i["beneficiaries"]] for i in rus["items"])
    html = client.get("/commitments", params={"party": "RUS"}).text
    assert f"{rus['total']} commitment" in html
    paged = client.get("/api/commitments", params={"limit": 2, "offset": 2}).json()
    assert [i["id"] for i in paged["items"]] == [i["id"] for i in register["items"][2:4]]
    assert client.get("/commitments/999999").status_code == 404
    assert client.get("/api/commitments/999999").status_code == 404


def test_writes_without_credentials_get_401_and_tokens_are_revocable(client, web_store):
    spec = client.get("/api/openapi.json").json()
    writes = [(path, method) for path, ops in spec["paths"].items() for method in ops if method != "get"]
    assert writes, "the API has write endpoints"
    cid = client.get("/api/commitments").json()["items"][0]["id"]
    for path, method in writes:
        r = client.request(method.upper(), path.replace("{commitment_id}", str(cid)), json={"action": "confirm"})
        assert r.status_code in (401, 403), (path, r.status_code)
    assert client.post(f"/commitments/{cid}/review", data={"action": "reject", "why": "x"}).status_code == 401
    assert client.post("/upload", data={"url": "https://example.org/"}).status_code == 401
    with web_store.begin() as conn:
        token = accounts.create_token(conn, "ana", "notebook")
    auth = {"Authorization": f"Bearer {token}"}
    ok = client.post(f"/api/commitments/{cid}/review", json={"action": "reject", "why": "not a pledge"}, headers=auth)
    assert ok.status_code == 200 and ok.json()["user"] == "ana"
    detail = client.get(f"/api/commitments/{cid}").json()
    assert detail["review"] == "rejected" and detail["audit"][-1]["why"] == "not a pledge"
    assert cid not in [i["id"] for i in client.get("/api/commitments", params={"limit": 500}).json()["items"]]
    with web_store.begin() as conn:
        account_store.revoke_token(conn, "notebook")
    again = client.post(f"/api/commitments/{cid}/review", json={"action": "confirm"}, headers=auth)
    assert again.status_code == 401


def _login(client, name="ana", password=PASSWORD):
    form = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/login", data={"name": name, "password": password, "csrf": csrf, "next": "/"},
                       follow_redirects=False)


def test_session_forms_need_csrf_and_sign_in_is_throttled(client, web_store):
    assert _login(client).status_code == 303
    cid = client.get("/api/commitments").json()["items"][0]["id"]
    page = client.get(f"/commitments/{cid}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert client.post(f"/commitments/{cid}/review", data={"action": "confirm", "why": "x"}).status_code == 403
    assert client.post(f"/api/commitments/{cid}/review", json={"action": "confirm"}).status_code == 403
    done = client.post(f"/commitments/{cid}/review", data={"action": "confirm", "why": "seen", "csrf": csrf},
                       follow_redirects=False)
    assert done.status_code == 303
    assert "confirm" in client.get(f"/commitments/{cid}").text
    client.cookies.clear()
    for _ in range(5):
        assert _login(client, password="wrong password").status_code == 401
    assert _login(client).status_code == 429  # the right password is refused while throttled


def test_sessions_expire_and_reading_can_require_sign_in(web_store):
    from fastapi.testclient import TestClient

    from suivi.web.app import create_app
    from suivi.web.settings import WebSettings

    closed = TestClient(create_app(web_store, WebSettings(require_login=True)))
    assert closed.get("/api/commitments").status_code == 401
    r = closed.get("/commitments", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert _login(closed).status_code == 303
    assert closed.get("/api/commitments").status_code == 200
    with web_store.begin() as conn:
        result = accounts.sign_in(conn, "ana", PASSWORD, "1.2.3.4", lifetime=timedelta(seconds=-1),
                                  rule=accounts.Throttle())
    assert result is not None
    expired = TestClient(create_app(web_store, WebSettings(require_login=True)))
    expired.cookies.set("suivi_session", result[0])
    assert expired.get("/api/commitments").status_code == 401


@pytest.mark.parametrize("path", ["/api/commitments?limit=0", "/api/commitments?as_of=yesterday",
                                  "/api/commitments?status=nonsense", "/commitments?page=0"])
def test_bad_parameters_are_client_errors(client, path):
    assert client.get(path).status_code == 422


def test_recurring_pledges_read_as_recurring_not_as_a_missing_deadline(client):
    """A yearly meeting has no deadline but can be overdue (a year without one): the pages say
    'yearly, N of M held', never 'was due None'."""
    register = client.get("/api/commitments", params={"limit": 500}).json()["items"]
    recurring = [i for i in register if i["recurrence"] and not i["deadline"]]
    assert recurring, "the sample corpus states a yearly ministerial session"
    for path in ["/", "/commitments", f"/commitments/{recurring[0]['id']}"]:
        text = client.get(path).text
        assert "None" not in re.sub(r"<[^>]+>", " ", text), path
        assert "P1Y" not in text, path
    assert "yearly" in client.get(f"/commitments/{recurring[0]['id']}").text
    late = [i for i in recurring if i["overdue"]]
    if late:
        assert re.search(r"yearly, \d+ of \d+ held", client.get("/").text)


@pytest.mark.parametrize(("value", "label"), [("P1Y", "yearly"), ("P6M", "every 6 months"), ("P1M", "monthly"),
                                              ("P2Y", "every 2 years"), (None, ""), ("sometimes", "every sometimes")])
def test_recurrence_labels(value, label):
    from suivi.views.labels import recurrence_label

    assert recurrence_label(value) == label
