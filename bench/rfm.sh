#!/usr/bin/env bash
# RFM benchmark: `rfm --json` over the imported public dataset against the pandas peer
# (../shared/peers/pandas_rfm.py reading the same CSV), same run, alternating, RUNS times each.
#   usage: bench/rfm.sh [FILE.csv.gz]      environment: RUNS (default 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="${1:-$shared_data/online_retail.csv.gz}"
runs="${RUNS:-5}"
python=/usr/bin/python3
"$python" -c 'import pandas' 2>/dev/null || { echo "$python cannot import pandas: the peer needs Debian's python3-pandas." >&2; exit 2; }
[ -f "$data" ] || { echo "$data: not found." >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== machine: $(machine_line)"
bench_cli
# The public file's amounts are in pounds sterling: its database is created in GBP (an EUR one refuses them).
export Business__Currency=GBP
gunzip -c "$data" > "$work/data.csv"
export ConnectionStrings__Insight="Data Source=$work/ours.db"
echo "== import $(basename "$data") (not timed here: bench/import.sh)"
$cli import "$work/data.csv" --format online-retail > /dev/null

for run in $(seq 1 "$runs"); do
    /usr/bin/time -v -o "$work/peer.time" "$python" "$shared_peers/pandas_rfm.py" "$work/data.csv" > "$work/peer.out"
    echo "$(measure "$work/peer.time")" >> "$work/peer.runs"
    /usr/bin/time -v -o "$work/ours.time" $cli rfm --json --timing > "$work/ours.out" 2> "$work/ours.err"
    work_ms="$(sed -n 's/^timing: .*, work \([0-9]*\) ms$/\1/p' "$work/ours.err")"
    echo "$(measure "$work/ours.time") $work_ms" >> "$work/ours.runs"
    echo "   run $run: pandas $(cut -d' ' -f1 < <(tail -n 1 "$work/peer.runs")) s, ours $(cut -d' ' -f1 < <(tail -n 1 "$work/ours.runs")) s"
done

ours_customers="$(grep -o '"customers": *[0-9]*' "$work/ours.out" | head -n 1 | grep -o '[0-9]*$')"
echo "== customers scored: pandas $(tr -d '\n' < "$work/peer.out"), ours $ours_customers"
echo
echo "== results: median of $runs alternating runs"
printf '%-40s %6s s wall %6s s cpu %5s MB peak RSS\n' "pandas_rfm.py (peer, whole process)" "$(col "$work/peer.runs" 1)" "$(col "$work/peer.runs" 2)" "$(col "$work/peer.runs" 3)"
printf '%-40s %6s s wall %6s s cpu %5s MB peak RSS   (work after start-up: %s ms)\n' "rfm --json (ours, whole process)" \
    "$(col "$work/ours.runs" 1)" "$(col "$work/ours.runs" 2)" "$(col "$work/ours.runs" 3)" "$(col "$work/ours.runs" 4)"
awk -v o="$(col "$work/ours.runs" 1)" -v p="$(col "$work/peer.runs" 1)" -v oc="$(col "$work/ours.runs" 2)" -v pc="$(col "$work/peer.runs" 2)" 'BEGIN {
    printf "ratio ours / pandas, wall: %.2f x   cpu: %.2f x   (target: < 1, ours faster) -> %s\n", o / p, oc / pc, (o < p) ? "met" : "NOT met" }'
