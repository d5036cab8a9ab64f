#!/usr/bin/env bash
# Writes the schema scripts of a new database again after a migration is added: what the committed migrations generate,
# one per provider (CustomerInsight.Core/Data/Schema/Sqlite.sql and Postgres.sql, without transactions: the app runs each
# in one). InsightDatabase.MigrateAsync creates a new database from them (EF Core's migrator would build every migration's
# model first); SchemaScriptTests fails while one is stale, and the app ignores a stale one (it migrates instead).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null

# script CONTEXT FILE BUILD: dotnet ef writes a byte order mark; the committed files have none.
script() {
  local file="CustomerInsight.Core/Data/Schema/$2"
  dotnet ef migrations script --no-transactions --project CustomerInsight.Core --startup-project CustomerInsight.Web $3 \
    --context "$1" --output "$file"
  sed -i '1s/^\xEF\xBB\xBF//' "$file"
}
script InsightDbContext Sqlite.sql ""
script PostgresInsightDbContext Postgres.sql --no-build
