#!/usr/bin/env bash
# RFM workbook benchmark: `rfm --out FILE.xlsx` over a generated database of CUSTOMERS demo customers,
# whole process (start-up, scoring, workbook, audit), RUNS times, median reported, against the
# engineering.md target (<= 10 s wall and <= 1 GB peak RSS for 100,000 customers). See bench/README.md.
#   usage: bench/rfm-xlsx.sh      environment: CUSTOMERS (default 100000), RUNS (default 3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${CUSTOMERS:-100000}"
runs="${RUNS:-3}"
target_wall=10
target_rss_mb=1024

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== machine: $(machine_line)"
bench_cli
export ConnectionStrings__Insight="Data Source=$work/rfm.db"
echo "== seed-demo --customers $customers"
/usr/bin/time -f "   %e s wall, %U+%S s cpu, %M KB peak RSS" $cli seed-demo --customers "$customers"

echo "== rfm --out rfm.xlsx, $runs runs"
for run in $(seq 1 "$runs"); do
    rm -f "$work/rfm.xlsx"
    /usr/bin/time -v -o "$work/rfm.time" $cli rfm --out "$work/rfm.xlsx" > "$work/rfm.out"
    echo "$(measure "$work/rfm.time")" >> "$work/rfm.runs"
    read -r wall cpu rss <<< "$(tail -n 1 "$work/rfm.runs")"
    echo "   run $run: $wall s wall, $cpu s cpu, $rss MB peak RSS (load $(cut -d' ' -f1 /proc/loadavg))"
done

echo "== last run's output:"
tail -n 1 "$work/rfm.out"
size_mb="$(awk -v b="$(stat -c %s "$work/rfm.xlsx")" 'BEGIN { printf "%.1f", b / 1048576 }')"

wall="$(col "$work/rfm.runs" 1)"; cpu="$(col "$work/rfm.runs" 2)"; rss="$(col "$work/rfm.runs" 3)"

echo
echo "== results: median of $runs runs, $customers customers"
printf '%-44s %7s s wall %7s s cpu %6s MB peak RSS %6s MB file\n' "rfm --out rfm.xlsx (whole process)" "$wall" "$cpu" "$rss" "$size_mb"
awk -v w="$wall" -v m="$rss" -v tw="$target_wall" -v tm="$target_rss_mb" -v n="$customers" 'BEGIN {
    printf "wall  %6.2f s  <= %d s:   %s\n", w, tw, (w <= tw) ? "met" : "NOT met"
    printf "peak  %6.0f MB <= %d MB: %s\n", m, tm, (m <= tm) ? "met" : "NOT met"
    if (n != 100000) print "(the targets are for 100,000 customers)" }'
