#!/usr/bin/env bash
# Installs the Debian packages the test suite uses for real: PostgreSQL (a server the tests start),
# Chromium (driven headless by Playwright for the web dashboard's browser tests), poppler-utils
# (pdftoppm/pdftotext read the PDF briefing back), and the pango libraries and DejaVu fonts
# WeasyPrint prints the briefing with (present on the Debian base; checked anyway).
# Idempotent: does nothing when they are present; needs root (or sudo) otherwise.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
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
  # never fail the suite for this: the tests that need these skip themselves when they are absent
  echo "system-deps: could not install ${need[*]}; their tests will be skipped" >&2
fi
