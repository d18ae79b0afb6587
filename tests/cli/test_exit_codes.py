"""Exit codes and one-line errors of the installed `suivi` command, run as a subprocess.

Why a subprocess: a test runner calling the Typer app in-process once hid that every
non-zero exit was lost; and an unknown command or option (raised by the click copy newer
Typer versions vendor) printed a Python traceback instead of its usage message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SUIVI = Path(sys.executable).parent / "suivi"

pytestmark = pytest.mark.skipif(not SUIVI.exists(), reason="the suivi console script is not installed")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SUIVI_HOME": str(tmp_path / "home")}
    env.pop("SUIVI_DATABASE_URL", None)
    return subprocess.run([str(SUIVI), *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-command"], "No such command"),
        (["ingest", "--no-such-option", "x"], "No such option"),
        (["status", "--json", "--as-of"], "requires an argument"),
    ],
)
def test_usage_errors_exit_2_with_a_message_and_no_traceback(tmp_path, args, message):
    proc = _run(tmp_path, *args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_missing_input_exits_non_zero_with_one_line(tmp_path):
    proc = _run(tmp_path, "ingest", str(tmp_path / "no" / "such" / "path"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip()


def test_help_exits_0(tmp_path):
    proc = _run(tmp_path, "--help")
    assert proc.returncode == 0 and "ingest" in proc.stdout
