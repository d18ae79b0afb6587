"""What loading the `suivi` command costs before it does anything.

Why: every command imports every command module, and each `suivi ingest` worker process
imports the command's script again before its first task; a module that computes something
at import (suivi.accounts hashes a dummy password, about 0.2 s) is paid by all of them.
"""

from __future__ import annotations

import subprocess
import sys


def test_loading_the_command_does_not_load_accounts() -> None:
    code = "import sys, suivi.cli; print('suivi.accounts' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "False"
