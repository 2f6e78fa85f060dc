#!/usr/bin/env bash
# CPU time per request of the server (utime+stime), anonymous vs signed-in /health: a ratio that a busy machine disturbs less than req/s.
set -u
DIR=${1:-$(cd "$(dirname "$0")/.." && pwd)/src/Hearth.Web/bin/Release/net10.0}
PORT=${PORT:-5163}; BASE=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/qc-XXXX)
(cd "$DIR" && exec env Hearth__DataDirectory="$DATA" Hearth__RateLimits__RequestsPerMinute=0 Hearth__RateLimits__AccountPerMinute=100000 ${EXTRA_ENV:-} dotnet Hearth.Web.dll --urls "$BASE" >"$DATA/server.log" 2>&1) &
PID=$!
until curl -sf -o /dev/null "$BASE/health"; do sleep 0.05; done
PASS='a long enough passphrase for the bench'
curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"q@example.test\",\"password\":\"$PASS\",\"displayName\":\"Q\"}" "$BASE/api/v1/account/register"
ticks() { awk '{print $14+$15}' /proc/$PID/stat; }
measure() { # label, extra wrk args...
  local label=$1; shift
  local t0 t1 out n
  t0=$(ticks); out=$(wrk -t2 -c32 -d${D:-6}s "$@" "$BASE/health"); t1=$(ticks)
  n=$(echo "$out" | awk '/requests in/{print $1}')
  python3 -c "print(f'$label: {($t1-$t0)*10000/$n:.1f} us cpu/request over $n requests')" >&2
  python3 -c "print(($t1-$t0)*10000/$n)"
}
# warm both paths up
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"q@example.test\",\"password\":\"$PASS\"}" "$BASE/api/v1/account/sign-in" | tr -d '\r' | grep -i '^set-cookie: __Host-hearth=' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
wrk -t2 -c32 -d${W:-15}s "$BASE/health" >/dev/null; wrk -t2 -c32 -d${W:-15}s -H "Cookie: $cookie" "$BASE/health" >/dev/null
for round in $(seq 1 ${ROUNDS:-3}); do
  cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"q@example.test\",\"password\":\"$PASS\"}" "$BASE/api/v1/account/sign-in" | tr -d '\r' | grep -i '^set-cookie: __Host-hearth=' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
  # The signed-in runs count only if the cookie signs in (a refused cookie costs what an anonymous request does).
  me=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/api/v1/me")
  [ "$me" = 200 ] || { echo "the bench's cookie does not sign in (GET /api/v1/me answered $me)" >&2; kill $PID; exit 1; }
  a=$(measure anonymous); s=$(measure signed-in -H "Cookie: $cookie")
  echo "round $round: cpu ratio anonymous/signed-in = $(python3 -c "print(round($a/$s,2))")"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"
