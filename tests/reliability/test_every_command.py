"""Every command of the installed `suivi`, once on its success path and once on a failure
path, as a subprocess: the exit status a script or a scheduler sees, and one clear line (no
traceback) when it fails.

Why one table: a new command without a row here fails `test_table_covers_every_command`, so
no command's exit status goes untested again (every non-zero exit was once lost).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import typer.main
from tests.reliability.conftest import CORPUS, SUIVI

from suivi.cli import app

PASSWORD = "a long passphrase 42\n"
GONE = "postgresql+psycopg://nobody@127.0.0.1:9/none"  # nothing listens on the discard port


def leaf_commands() -> list[str]:
    found: list[str] = []

    def walk(command, prefix: list[str]) -> None:  # noqa: ANN001 - click objects
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if hasattr(sub, "commands"):
                walk(sub, [*prefix, name])
            else:
                found.append(" ".join([*prefix, name]))

    walk(typer.main.get_command(app), [])
    return found


# command -> (setup commands, success args, failure args, failure exit status, words of the message)
# "{t}" is the test's folder; "{a}" an article file of the sample corpus.
S = "{t}"
TABLE: dict[str, tuple[list[list[str]], list[str], list[str], int, str]] = {
    "actor": ([], ["actor", "Russie"], ["actor", "Nobody Atall"], 1, "no actor"),
    "actors": ([], ["actors", "--json"], ["actors", "--db", GONE], 1, "cannot"),
    "alerts add": ([["watch", "add", "w", "--actor", "RUS"]], ["alerts", "add", "w", "--jsonl", f"{S}/a.jsonl"],
                   ["alerts", "add", "nope", "--jsonl", f"{S}/a.jsonl"], 1, "nope"),
    "alerts list": ([], ["alerts", "list", "--json"], ["alerts", "list", "--db", GONE], 1, "cannot"),
    "alerts remove": ([["watch", "add", "w", "--actor", "RUS"], ["alerts", "add", "w", "--jsonl", f"{S}/a.jsonl"]],
                      ["alerts", "remove", "1"], ["alerts", "remove", "999"], 1, "999"),
    "alerts run": ([], ["alerts", "run"], ["alerts", "run", "--db", GONE], 1, "cannot"),
    "articles": ([], ["articles", "--json"], ["articles", "--db", GONE], 1, "cannot"),
    "backup": ([], ["backup", f"{S}/b.db"], ["backup", S], 1, "folder"),
    "batch": ([], ["batch", "{a}", "--workers", "0"], ["batch", f"{S}/no/such"], 1, "no such"),
    "brief": ([], ["brief", "-o", f"{S}/b.md"], ["brief", "-o", f"{S}/b.md", "--from", "2025-13-45"], 1, "2025-13-45"),
    "commitment": ([], ["commitment", "1"], ["commitment", "99999"], 1, "99999"),
    "commitments": ([], ["commitments", "--json"], ["commitments", "--db", GONE], 1, "cannot"),
    "compare": ([], ["compare", "1", "2"], ["compare", "1", "99999"], 1, "99999"),
    "compliance": ([], ["compliance", "--json"], ["compliance", "--as-of", "2025-13-45"], 1, "2025-13-45"),
    "doctor": ([], ["doctor"], ["doctor", "--db", f"{S}/absent.db"], 1, "no store"),
    "evaluate": ([], ["evaluate", "corpus/gold.json", "--corpus", str(CORPUS)],
                 ["evaluate", f"{S}/no-gold.json", "--corpus", str(CORPUS)], 1, "no-gold.json"),
    "export": ([], ["export", "-o", f"{S}/e.csv", "--format", "csv"],
               ["export", "-o", f"{S}/e.docx", "--format", "docx"], 1, "docx"),
    "import": ([["export", "-o", f"{S}/e.csv", "--format", "csv"]],
               ["import", f"{S}/e.csv", "--as", "ana", "--dry-run"], ["import", f"{S}/none.csv", "--as", "ana"], 1,
               "none.csv"),
    "ingest": ([], ["ingest", "--no-process", "{a}"], ["ingest", f"{S}/no/such"], 1, "no such"),
    "overview": ([], ["overview", "--json"], ["overview", "--as-of", "2025-13-45"], 1, "2025-13-45"),
    "process": ([], ["process", "1"], ["process", "--db", GONE], 1, "cannot"),
    "quotes": ([], ["quotes", "--json"], ["quotes", "--db", GONE], 1, "cannot"),
    "read": ([], ["read", "1"], ["read", "--db", GONE], 1, "cannot"),
    "restore": ([["backup", f"{S}/b.db"]], ["restore", f"{S}/b.db"], ["restore", "/etc/hostname"], 1,
                "not a Suivi backup"),
    "review confirm": ([], ["review", "confirm", "1", "--as", "ana"], ["review", "confirm", "99999", "--as", "ana"], 1,
                       "99999"),
    "review edit": ([], ["review", "edit", "1", "--deadline", "2027", "--as", "ana"],
                    ["review", "edit", "99999", "--deadline", "2027", "--as", "ana"], 1, "99999"),
    "review history": ([], ["review", "history", "1"], ["review", "history", "99999"], 1, "99999"),
    "review merge": ([], ["review", "merge", "1", "2", "--as", "ana"], ["review", "merge", "1", "99999", "--as", "ana"],
                     1, "99999"),
    "review reject": ([], ["review", "reject", "1", "--as", "ana"], ["review", "reject", "99999", "--as", "ana"], 1,
                      "99999"),
    "review set-status": ([], ["review", "set-status", "1", "fulfilled", "--as", "ana"],
                          ["review", "set-status", "1", "done-ish", "--as", "ana"], 1, "done-ish"),
    "review split": ([], ["review", "split", "1", "1", "--as", "ana"], ["review", "split", "99999", "1", "--as", "ana"],
                     1, "99999"),
    "run": ([], ["run", "--once"], ["run", "--source", "nope"], 1, "nope"),
    "search": ([], ["search", "Moscou", "--json"], ["search", "Moscou", "--db", GONE], 1, "cannot"),
    "serve": ([], [], ["serve", "--port", "1", "--db", GONE], 1, "cannot"),  # success: test_web_load.py
    "show": ([], ["show", "1"], ["show", "99999"], 1, "99999"),
    "sources add": ([], ["sources", "add", str(CORPUS), "--name", "local"], ["sources", "add", f"{S}/no/such"], 1,
                    "no such"),
    "sources list": ([], ["sources", "list", "--json"], ["sources", "list", "--db", GONE], 1, "cannot"),
    "sources remove": ([["sources", "add", str(CORPUS), "--name", "local"]], ["sources", "remove", "local"],
                       ["sources", "remove", "nope"], 1, "nope"),
    "status": ([], ["status", "--json"], ["status", "--as-of", "2025-13-45"], 1, "2025-13-45"),
    "stories": ([], ["stories", "--json"], ["stories", "--db", GONE], 1, "cannot"),
    "story": ([], ["story", "1"], ["story", "99999"], 1, "99999"),
    "token create": ([["user", "add", "ana", "--password-stdin"]], ["token", "create", "nb", "--user", "ana"],
                     ["token", "create", "nb", "--user", "nobody"], 1, "nobody"),
    "token list": ([], ["token", "list", "--json"], ["token", "list", "--db", GONE], 1, "cannot"),
    "token revoke": ([["user", "add", "ana", "--password-stdin"], ["token", "create", "nb", "--user", "ana"]],
                     ["token", "revoke", "nb"], ["token", "revoke", "nope"], 1, "nope"),
    "user add": ([], ["user", "add", "ana", "--password-stdin"],
                 ["user", "add", "bob", "--password-stdin", "--db", GONE], 1, "cannot"),
    "user list": ([], ["user", "list", "--json"], ["user", "list", "--db", GONE], 1, "cannot"),
    "user passwd": ([["user", "add", "ana", "--password-stdin"]], ["user", "passwd", "ana", "--password-stdin"],
                    ["user", "passwd", "nobody", "--password-stdin"], 1, "nobody"),
    "watch add": ([], ["watch", "add", "w", "--actor", "RUS"], ["watch", "add", "w", "--within", "-5", "--db", GONE],
                  1, "cannot"),
    "watch list": ([], ["watch", "list", "--json"], ["watch", "list", "--db", GONE], 1, "cannot"),
    "watch remove": ([["watch", "add", "w", "--actor", "RUS"]], ["watch", "remove", "w"],
                     ["watch", "remove", "nope"], 1, "nope"),
    "watch run": ([["watch", "add", "w", "--actor", "RUS"]], ["watch", "run", "w"], ["watch", "run", "nope"], 1,
                  "nope"),
}


def test_table_covers_every_command():
    assert sorted(TABLE) == leaf_commands()


def _run(home: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "SUIVI_HOME": str(home), "SUIVI_USER": "ana"}
    env.pop("SUIVI_DATABASE_URL", None)
    env.pop("SUIVI_FAILPOINT", None)
    article = str(sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")[-1])
    args = [a.replace("{t}", str(home)).replace("{a}", article) for a in args]
    return subprocess.run([str(SUIVI), *args], capture_output=True, text=True, timeout=300, env=env,
                          input=PASSWORD + PASSWORD, cwd=Path(__file__).resolve().parents[2])


@pytest.mark.parametrize("command", sorted(TABLE))
def test_success_then_failure(ingested, command):
    setup, ok, bad, code, words = TABLE[command]
    for args in setup:
        done = _run(ingested, args)
        assert done.returncode == 0, (args, done.stderr)
    if ok:
        done = _run(ingested, ok)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
    done = _run(ingested, bad)
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    message = done.stderr.strip().replace("\n", " ")
    assert message and words.lower() in message.lower(), message
    shutil.rmtree(ingested / "no", ignore_errors=True)
