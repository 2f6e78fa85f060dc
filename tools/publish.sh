#!/usr/bin/env bash
# Publishes Hearth for the platforms docs/operations.md names, ready to copy to a server:
#   tools/publish.sh [OUT]          -> OUT/linux-x64 and OUT/linux-arm64 (default OUT: ./dist)
# Each folder is framework-dependent (the server needs the ASP.NET Core 10 runtime) and ReadyToRun
# (precompiled for that processor, so a start compiles less). HEARTH_SELF_CONTAINED=1 bundles the
# runtime instead (about 180 MB, no runtime to install). The checkout is left unchanged: the lock
# files already hold both platforms (RuntimeIdentifiers in the projects).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
self_contained="${HEARTH_SELF_CONTAINED:-0}"
for rid in linux-x64 linux-arm64; do
  target="$out/$rid"
  rm -rf "$target"
  if [ "$self_contained" = 1 ]; then sc=true; else sc=false; fi
  dotnet publish src/Hearth.Web -c Release -r "$rid" --self-contained "$sc" -p:PublishReadyToRun=true -o "$target" --nologo -v quiet
  # The SQLite engine must be the one for this platform: a wrong one fails only on the server.
  # (ELF e_machine at byte 18: 003e is x86-64, 00b7 is AArch64.)
  case "$rid" in
    linux-x64) want="003e" ;;
    linux-arm64) want="00b7" ;;
  esac
  machine="$(od -An -tx2 -j18 -N2 "$target/libe_sqlite3.so" | tr -d ' ')"
  if [ "$machine" != "$want" ]; then
    echo "publish: $target/libe_sqlite3.so is for machine $machine, not $want ($rid)" >&2
    exit 1
  fi
  (cd "$target" && sha256sum Hearth.Web.dll libe_sqlite3.so > SHA256SUMS)
  echo "publish: $target ($(du -sh "$target" | cut -f1)), run with: dotnet $target/Hearth.Web.dll"
done
