#!/usr/bin/env bash
# Installs the Debian packages the test suite starts for real (PostgreSQL server; Chromium,
# driven headless by Playwright for the web dashboard's browser tests).
# Idempotent: does nothing when they are present; needs root (or sudo) otherwise.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "system-deps: missing ${need[*]} and not root; their tests will be skipped" >&2; exit 0; fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
  echo "system-deps: installed ${need[*]}"
else
  # never fail the suite for this: the PostgreSQL and browser tests skip themselves when absent
  echo "system-deps: could not install ${need[*]}; their tests will be skipped" >&2
fi
