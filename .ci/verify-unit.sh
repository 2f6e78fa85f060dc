#!/usr/bin/env bash
# Checks deploy/hearth.service with systemd-analyze verify (docs/operations.md). The unit's ExecStart
# names the published binary, which CI does not install: a stand-in executable takes its place in a
# copy. Any line systemd-analyze prints (an unknown or misspelt setting is only a warning) fails it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#!/bin/sh\nexit 0\n' > "$work/Hearth.Web"
chmod 755 "$work/Hearth.Web"
sed "s|/opt/hearth/Hearth.Web|$work/Hearth.Web|" deploy/hearth.service > "$work/hearth.service"
out=$(systemd-analyze verify "$work/hearth.service" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then
  echo "$out"
  echo "systemd-analyze verify printed the above for deploy/hearth.service"
  exit 1
fi
echo "deploy/hearth.service: systemd-analyze verify found nothing to say"
