#!/usr/bin/env bash
# Regenerates the EF Core compiled model (CustomerInsight.Core/Data/CompiledModel) after a model change.
# The app uses it explicitly (InsightDatabase.Configure), so the generated assembly attribute is dropped;
# DatabaseTests.CompiledModel_MatchesTheModelBuiltFromOnModelCreating fails while it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=CustomerInsight.Core/Data/CompiledModel
dotnet tool restore > /dev/null
# The app compiles against the current files; the tool overwrites them, then the files it did not
# write again (entities removed from the model) go.
stamp="$(mktemp)"
trap 'rm -f "$stamp"' EXIT
dotnet ef dbcontext optimize --project CustomerInsight.Core --startup-project CustomerInsight.Web \
  --output-dir Data/CompiledModel --namespace CustomerInsight.Core.Data.CompiledModel
find "$dir" -name '*.cs' ! -newer "$stamp" -delete
rm -f "$dir/InsightDbContextAssemblyAttributes.cs"
