"""A bounded load test of `suivi serve`: reads and review writes at once, on loopback.

Fixed request count, eight client threads, the real command as a subprocess; it stops by
itself. What must hold: no server error, every read answered, every review write in the
audit trail exactly once, the server stops cleanly on SIGTERM, and the store is sound after.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from tests.reliability.conftest import SUIVI, picture, suivi

READS = 320
WRITES = 64


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_reads_and_review_writes_under_load(ingested):
    home = ingested
    added = subprocess.run([str(SUIVI), "user", "add", "ana", "--password-stdin"], input="a long passphrase 42\n",
                           capture_output=True, text=True, env={**os.environ, "SUIVI_HOME": str(home)}, timeout=60)
    assert added.returncode == 0, added.stderr
    token = json.loads(suivi(home, "token", "create", "load", "--user", "ana", "--json").stdout)["token"]
    port = _free_port()
    env = {**os.environ, "SUIVI_HOME": str(home)}
    env.pop("SUIVI_DATABASE_URL", None)
    server = subprocess.Popen([str(SUIVI), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/overview", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        items = httpx.get(f"{base}/api/commitments", params={"limit": 20}, timeout=30).json()["items"]
        ids = [c["id"] for c in items]
        assert ids
        reads = ["/", "/api/overview", "/api/commitments", "/api/stories", "/api/articles", "/api/actors",
                 "/api/search?q=Moscou", "/commitments", "/stories"] + [f"/api/commitments/{i}" for i in ids[:5]]
        auth = {"Authorization": f"Bearer {token}"}

        def read(n: int) -> int:
            return httpx.get(base + reads[n % len(reads)], timeout=60).status_code

        def write(n: int) -> int:
            return httpx.post(f"{base}/api/commitments/{ids[n % len(ids)]}/review", headers=auth, timeout=60,
                              json={"action": "confirm", "why": f"load {n}"}).status_code

        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(read, n) for n in range(READS)]
            futures += [pool.submit(write, n) for n in range(WRITES)]
            codes = [f.result() for f in futures]
        assert codes[:READS] == [200] * READS
        assert codes[READS:] == [200] * WRITES
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=30)
    assert server.returncode in (0, -signal.SIGTERM), err
    assert "Traceback" not in err, err
    audit = picture(home / "suivi.db")["audit"]
    assert sum(audit.values()) == WRITES  # each write once, none lost
    assert suivi(home, "doctor").returncode == 0
