#!/usr/bin/env bash
# Gathers the rows the tests wrote under artifacts/security/ (SecurityReport.Record) into
# artifacts/security-report.md. It only assembles: every figure comes from a test run.
set -euo pipefail
dir=${1:-artifacts}
out="$dir/security-report.md"
{
  echo "# Hearth security report"
  echo
  echo "Written by the tests of this CI run ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))."
  echo "Each row is one class of defence on one database: the cases a test tried and how many did not hold."
  echo "docs/privacy.md explains each class and names its test."
  echo
  echo "| class | database | tried | failed | test | what was tried |"
  echo "|---|---|---:|---:|---|---|"
  if compgen -G "$dir/security/*.tsv" >/dev/null; then
    sort "$dir"/security/*.tsv | awk -F'\t' '{printf "| %s | %s | %s | %s | `%s` | %s |\n", $1, $2, $3, $4, $5, $6}'
  fi
  echo
  total=0; bad=0; rows=0
  if compgen -G "$dir/security/*.tsv" >/dev/null; then
    read -r rows total bad < <(cat "$dir"/security/*.tsv | awk -F'\t' '{r++; t+=$3; f+=$4} END {print r+0, t+0, f+0}')
  fi
  echo "$rows rows, $total cases tried, $bad failed."
} >"$out"
echo "security report: $out ($(grep -c '^| ' "$out") table lines)"
