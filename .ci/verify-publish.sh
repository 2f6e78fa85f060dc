#!/usr/bin/env bash
# The operator's publish (tools/publish.sh) works from a clean checkout, leaves it unchanged, and
# the linux-x64 output starts on an empty data folder and answers /health. (linux-arm64 is built
# and its SQLite engine checked for AArch64; this machine cannot run it.)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out" "$data"' EXIT
pid=
before=$(git status --porcelain)
bash tools/publish.sh "$out"
after=$(git status --porcelain)
if [ "$before" != "$after" ]; then
  echo "verify-publish: the publish changed the checkout:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start=$(date +%s%N)
ASPNETCORE_URLS="http://127.0.0.1:$port" Hearth__DataDirectory="$data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$out/linux-x64/Hearth.Web.dll" >"$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") && [ "$code" = 200 ]; then
    echo "verify-publish: linux-x64 publish answered /health 200 after $(( ($(date +%s%N) - start) / 1000000 )) ms (first start, empty data folder)"
    [ -f "$data/db/hearth.db" ] || { echo "verify-publish: no database was created in the data folder" >&2; exit 1; }
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "verify-publish: the server stopped:" >&2; cat "$out/server.log" >&2; exit 1; }
  sleep 0.1
done
echo "verify-publish: no 200 from /health within 60 s" >&2
cat "$out/server.log" >&2
exit 1
