#!/usr/bin/env bash
# The workbook's streamed rows: ours (StreamedTable into ClosedXML's package) against DocumentFormat.OpenXml's
# OpenXmlWriter, ROWS rows x 10 cells each, one process per writer (time of the write, peak working set).
#   usage: bench/xlsx-writers.sh      environment: ROWS (default 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rows="${ROWS:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here/xlsx-writers"
dotnet build -c Release XlsxWriters.cs > "$work/build.log" || { cat "$work/build.log"; exit 1; }
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in ours openxml; do
    dotnet run --no-build -c Release XlsxWriters.cs -- "$variant" "$rows" "$work/$variant.xlsx"
done
