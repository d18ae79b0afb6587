"""`suivi user add`, `suivi token create|list|revoke` and `suivi serve`, as installed commands."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import PASSWORD

SUIVI = Path(sys.executable).parent / "suivi"


def _run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(SUIVI), *args], input=stdin, capture_output=True, text=True, timeout=120,
                          env={**os.environ})


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_accounts_tokens_and_serve(corpus_store_path, tmp_path):
    db = tmp_path / "cli.db"
    shutil.copy(corpus_store_path, db)
    added = _run(["--db", str(db), "user", "add", "bob", "--password-stdin", "--json"], stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["name"] == "bob"
    again = _run(["--db", str(db), "user", "add", "bob", "--password-stdin"], stdin=PASSWORD + "\n")
    assert again.returncode == 1 and "exists already" in again.stderr and "Traceback" not in again.stderr
    short = _run(["--db", str(db), "user", "add", "carol", "--password-stdin"], stdin="short\n")
    assert short.returncode == 1 and "at least" in short.stderr
    users = json.loads(_run(["--db", str(db), "user", "list", "--json"]).stdout)
    assert {u["name"] for u in users} == {"ana", "bob"}
    token = _run(["--db", str(db), "token", "create", "script", "--user", "bob"]).stdout.strip()
    assert token.startswith("suivi_")
    listed = json.loads(_run(["--db", str(db), "token", "list", "--json"]).stdout)
    assert listed[0]["name"] == "script" and token not in json.dumps(listed)

    port = _port()
    server = subprocess.Popen([str(SUIVI), "--db", str(db), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                home = httpx.get(base + "/")
                break
            except httpx.TransportError:
                assert time.time() < deadline and server.poll() is None, "suivi serve did not start"
                time.sleep(0.2)
        assert home.status_code == 200 and "Overview" in home.text
        assert httpx.get(base + "/static/vendor/d3.min.js").status_code == 200
        cid = httpx.get(base + "/api/commitments").json()["items"][0]["id"]
        auth = {"Authorization": f"Bearer {token}"}
        ok = httpx.post(f"{base}/api/commitments/{cid}/review", json={"action": "confirm", "why": "cli"}, headers=auth)
        assert ok.status_code == 200 and ok.json()["user"] == "bob"
        revoked = _run(["--db", str(db), "token", "revoke", "script"])
        assert revoked.returncode == 0
        after = httpx.post(f"{base}/api/commitments/{cid}/review", json={"action": "confirm"}, headers=auth)
        assert after.status_code == 401
    finally:
        server.terminate()
        server.wait(20)
    missing = _run(["--db", str(db), "token", "revoke", "script"])
    assert missing.returncode == 1 and "no live API token" in missing.stderr
