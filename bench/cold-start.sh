#!/usr/bin/env bash
# Cold start to the first 200 of /health on an empty data folder, N times, with the median and the
# runtime's own start-up beside it (the same measurement as bench/load.sh's cold phase, on its own).
#   bench/cold-start.sh [DLL]   (default: the Release build output of src/Hearth.Web)
#   N=5 PORT=5161 bench/cold-start.sh
#   HOSTCMD=/path/to/publish/Hearth.Web bench/cold-start.sh /path/to/publish/Hearth.Web.dll
#     (a self-contained publish starts through its own executable instead of `dotnet DLL`)
set -euo pipefail
cd "$(dirname "$0")/.."
DLL=${1:-$(pwd)/src/Hearth.Web/bin/Release/net10.0/Hearth.Web.dll}
N=${N:-5} PORT=${PORT:-5161}
WORK=$(mktemp -d /tmp/hearth-cold.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
times=()
cpus=()
for attempt in $(seq 1 "$N"); do
  data=$WORK/data-$attempt
  t0=$(date +%s%N)
  (cd "$(dirname "$DLL")" && exec env Hearth__DataDirectory="$data" ${HOSTCMD:-dotnet "$DLL"} --urls "http://127.0.0.1:$PORT" >"$WORK/server-$attempt.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped; its log:" >&2; cat "$WORK/server-$attempt.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status 2>/dev/null || echo "?")
  # CPU the server used to get there (user + system), steadier than wall time on a shared machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat 2>/dev/null || echo "?")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  cpus+=("$cpu")
  echo "cold start $attempt: $ms ms, $cpu ms of CPU, RSS after the first 200: $rss MB (load $(cut -d' ' -f1 /proc/loadavg))"
done
t0=$(date +%s%N); dotnet --version >/dev/null; t1=$(date +%s%N)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
median_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: $median ms, $median_cpu ms of CPU, over $N starts (dotnet --version alone: $(( (t1 - t0) / 1000000 )) ms)"
