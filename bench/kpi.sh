#!/usr/bin/env bash
# KPI benchmark: `kpi --json` over a full year of the imported public dataset, as a whole process
# (target <= 1 s) and its work after start-up (target <= 300 ms), RUNS times.
#   usage: bench/kpi.sh [FILE.csv.gz [FROM TO]]   environment: RUNS (default 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="${1:-$shared_data/online_retail.csv.gz}"
from="${2:-2010-12-01}"
to="${3:-2011-12-01}"
runs="${RUNS:-5}"
[ -f "$data" ] || { echo "$data: not found." >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== machine: $(machine_line)"
bench_cli
# The public file's amounts are in pounds sterling: its database is created in GBP (an EUR one refuses them).
export Business__Currency=GBP
export ConnectionStrings__Insight="Data Source=$work/ours.db"
echo "== import $(basename "$data") (not timed here: bench/import.sh)"
$cli import "$data" --format online-retail > /dev/null

for run in $(seq 1 "$runs"); do
    /usr/bin/time -v -o "$work/ours.time" $cli kpi --from "$from" --to "$to" --json --timing > "$work/ours.out" 2> "$work/ours.err"
    work_ms="$(sed -n 's/^timing: .*, work \([0-9]*\) ms$/\1/p' "$work/ours.err")"
    echo "$(measure "$work/ours.time") $work_ms" >> "$work/ours.runs"
    echo "   run $run: $(cut -d' ' -f1 < <(tail -n 1 "$work/ours.runs")) s, work $work_ms ms"
done

echo
echo "== results: kpi --from $from --to $to --json, median of $runs runs"
wall="$(col "$work/ours.runs" 1)"; work_ms="$(col "$work/ours.runs" 4)"
printf 'whole process %s s wall, %s s cpu, %s MB peak RSS; work after start-up %s ms\n' "$wall" "$(col "$work/ours.runs" 2)" "$(col "$work/ours.runs" 3)" "$work_ms"
awk -v w="$wall" -v k="$work_ms" 'BEGIN {
    printf "targets: whole process <= 1 s -> %s; work <= 300 ms -> %s\n", (w <= 1) ? "met" : "NOT met", (k <= 300) ? "met" : "NOT met" }'
