#!/usr/bin/env bash
# Regenerates the EF Core compiled models after a model change: SQLite's (CustomerInsight.Core/Data/CompiledModel)
# and PostgreSQL's (CustomerInsight.Core/Data/CompiledModel/Postgres, context PostgresInsightDbContext).
# The app uses them explicitly (InsightDatabase.Configure), so the generated assembly attributes are dropped;
# DatabaseTests.CompiledModel_MatchesTheModelBuiltFromOnModelCreating fails while one is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null

# optimize CONTEXT DIR NAMESPACE: the tool overwrites the files of DIR, then the files it did not write again
# (entities removed from the model) go. The build runs once, for the first context.
optimize() {
  local context="$1" dir="CustomerInsight.Core/$2" namespace="$3" build="$4"
  local stamp
  stamp="$(mktemp)"
  dotnet ef dbcontext optimize --project CustomerInsight.Core --startup-project CustomerInsight.Web $build \
    --context "$context" --output-dir "$2" --namespace "$namespace"
  find "$dir" -maxdepth 1 -name '*.cs' ! -newer "$stamp" -delete
  rm -f "$dir"/*AssemblyAttributes.cs "$stamp"
}
optimize InsightDbContext Data/CompiledModel CustomerInsight.Core.Data.CompiledModel ""
optimize PostgresInsightDbContext Data/CompiledModel/Postgres CustomerInsight.Core.Data.CompiledModel.Postgres --no-build
