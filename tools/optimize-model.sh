#!/usr/bin/env bash
# Regenerates the EF Core compiled model (CustomerInsight.Core/Data/CompiledModel) after a model change.
# The app uses it explicitly (InsightDatabase.Configure), so the generated assembly attribute is dropped;
# DatabaseTests.CompiledModel_MatchesTheModelBuiltFromOnModelCreating fails while it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
rm -rf CustomerInsight.Core/Data/CompiledModel
dotnet ef dbcontext optimize --project CustomerInsight.Core --startup-project CustomerInsight.Web \
  --output-dir Data/CompiledModel --namespace CustomerInsight.Core.Data.CompiledModel
rm -f CustomerInsight.Core/Data/CompiledModel/InsightDbContextAssemblyAttributes.cs
