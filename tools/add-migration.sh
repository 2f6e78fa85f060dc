#!/usr/bin/env bash
# Adds one migration for each database provider. Usage: tools/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: tools/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build tools/Hearth.DesignTime -v q -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --project src/Hearth.Web --startup-project tools/Hearth.DesignTime \
    --context "${provider}HearthDbContext" \
    --output-dir "Data/Migrations/$provider"
done
