"""Shared fixtures. Tests never touch the user's store: SUIVI_HOME points at a temp folder."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session", autouse=True)
def _session_cache_dir(tmp_path_factory) -> Iterator[None]:
    """One cache folder for the whole run (compiled tokenizer patterns, see
    `suivi.read.pattern_cache`): shared by the `suivi` processes the tests start, never the
    user's."""
    old = os.environ.get("SUIVI_CACHE_DIR")
    os.environ["SUIVI_CACHE_DIR"] = str(tmp_path_factory.mktemp("suivi_cache"))
    yield
    if old is None:
        os.environ.pop("SUIVI_CACHE_DIR", None)
    else:
        os.environ["SUIVI_CACHE_DIR"] = old


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("suivi_home")
    monkeypatch.setenv("SUIVI_HOME", str(home))
    monkeypatch.delenv("SUIVI_DATABASE_URL", raising=False)
    # `suivi ingest` reads in this process unless a test asks for workers (tests/scale does):
    # starting a pool that loads the models for a handful of articles would only cost time
    monkeypatch.setenv("SUIVI_WORKERS", "0")
    yield


@pytest.fixture
def store(tmp_path):
    from suivi.store import open_store

    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.is_file():
        pytest.skip("../shared/eval/seeds.gold.json not present")
    return GOLD


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yields a SQLAlchemy URL of a fresh server, or None when PostgreSQL is unavailable."""
    bindir = _bin_dir()
    if bindir is None:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="suivi-pg-"))
    data = root / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run(prefix + list(args), check=True, capture_output=True, timeout=120)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "suivi", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    except (subprocess.CalledProcessError, FileNotFoundError):
        shutil.rmtree(root, ignore_errors=True)
        yield None
        return
    try:
        yield f"postgresql+psycopg://suivi@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url():
    """URL of a real PostgreSQL server started for this test session (skips if not installed)."""
    with postgres_server() as url:
        if url is None:
            pytest.skip("PostgreSQL is not installed (make system-deps)")
        yield url


@pytest.fixture
def pg_new_db(pg_url):
    """A factory of new, empty databases on the session's PostgreSQL server (dropped afterwards)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new() -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return make_url(pg_url).set(database=name).render_as_string(hide_password=False)

    yield new
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pytest_configure(config):
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
