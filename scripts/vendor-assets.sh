#!/usr/bin/env bash
# Re-creates the web app's vendored assets (src/suivi/web/static/vendor/) from npm packages.
# Run by hand when upgrading a library; the app serves these files itself, never from a CDN.
#   d3 7.9.2 (ISC): charts, network, timeline, map projection
#   topojson-client 3.1.0 (ISC): TopoJSON -> GeoJSON in the browser
#   world-atlas 2.0.2 (ISC, Natural Earth public domain): country shapes at 1:50m
#   iso-3166-1 2.1.1 (MIT): alpha-3 -> numeric codes, to join our state keys to world-atlas ids
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/suivi/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent d3@7.9.2 topojson-client@3.1.0 world-atlas@2.0.2 iso-3166-1@2.1.1 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
mkdir -p "$out"
cp d3-7.9.2/package/dist/d3.min.js "$out/d3.min.js"
cp d3-7.9.2/package/LICENSE "$out/d3.LICENSE"
cp topojson-client-3.1.0/package/dist/topojson-client.min.js "$out/topojson-client.min.js"
cp topojson-client-3.1.0/package/LICENSE "$out/topojson-client.LICENSE"
cp world-atlas-2.0.2/package/countries-50m.json "$out/countries-50m.json"
cp world-atlas-2.0.2/package/LICENSE "$out/world-atlas.LICENSE"
node -e '
const m = require("./iso-3166-1-2.1.1/package/dist/index.js");
const all = (m.default || m).all();
const out = {};
for (const c of all) out[c.alpha3] = c.numeric;
process.stdout.write(JSON.stringify(out));
' > "$out/iso3166-numeric.json"
echo "vendored into $out"
