#!/usr/bin/env bash
# Import benchmark: sqlite3's own .import of the unpacked Online Retail CSV into a bare table (the peer)
# against our `import` verb into an empty database, same run, same machine, alternating, RUNS times each
# (median reported). See bench/README.md.
#   usage: bench/import.sh [FILE.csv.gz]      environment: RUNS (default 3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="${1:-$shared_data/online_retail.csv.gz}"
runs="${RUNS:-3}"

need sqlite3 "it is the peer of this benchmark (Debian: apt-get install sqlite3)."
if [ ! -f "$data" ]; then
    echo "$data: not found (the public file lives in ../shared/data beside the repository)." >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== machine: $(machine_line)"
bench_cli

echo "== unpack $(basename "$data")"
gunzip -c "$data" > "$work/online_retail.csv"
echo "   $(($(wc -l < "$work/online_retail.csv") - 1)) data rows"
printf '.mode csv\n.import %s retail\n' "$work/online_retail.csv" > "$work/peer.sql"

for run in $(seq 1 "$runs"); do
    rm -f "$work"/peer.db* "$work"/ours.db*
    /usr/bin/time -v -o "$work/peer.time" sqlite3 "$work/peer.db" < "$work/peer.sql"
    echo "$(measure "$work/peer.time")" >> "$work/peer.runs"

    ConnectionStrings__Insight="Data Source=$work/ours.db" \
        /usr/bin/time -v -o "$work/ours.time" $cli import "$work/online_retail.csv" --format online-retail > "$work/ours.out"
    inproc="$(sed -n 's/.* in \([0-9.]*\) s, cpu .*/\1/p' "$work/ours.out" | head -n 1)"
    inproc_cpu="$(sed -n 's/.* s, cpu \([0-9.]*\) s .*/\1/p' "$work/ours.out" | head -n 1)"
    echo "$(measure "$work/ours.time") $inproc $inproc_cpu" >> "$work/ours.runs"
    echo "   run $run: peer $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/peer.runs")") s, ours $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/ours.runs")") s (import itself $inproc s)"
done

echo "== last run: peer rows $(sqlite3 "$work/peer.db" 'SELECT COUNT(*) FROM retail;'); ours:"
cat "$work/ours.out"

peer_wall="$(col "$work/peer.runs" 1)"; peer_cpu="$(col "$work/peer.runs" 2)"; peer_rss="$(col "$work/peer.runs" 3)"
ours_wall="$(col "$work/ours.runs" 1)"; ours_cpu="$(col "$work/ours.runs" 2)"; ours_rss="$(col "$work/ours.runs" 3)"
ours_in="$(col "$work/ours.runs" 4)"; ours_in_cpu="$(col "$work/ours.runs" 5)"

echo
echo "== results: median of $runs alternating runs"
printf '%-48s %7s s wall %7s s cpu %6s MB peak RSS\n' "sqlite3 .import (peer, whole process)" "$peer_wall" "$peer_cpu" "$peer_rss"
printf '%-48s %7s s wall %7s s cpu %6s MB peak RSS\n' "import verb (whole process: start, migrate, import)" "$ours_wall" "$ours_cpu" "$ours_rss"
printf '%-48s %7s s wall %7s s cpu\n' "import verb (in-process: the import itself)" "$ours_in" "$ours_in_cpu"
awk -v w="$ours_wall" -v c="$ours_cpu" -v i="$ours_in" -v ic="$ours_in_cpu" -v pw="$peer_wall" -v pc="$peer_cpu" 'BEGIN {
    printf "ratio in-process wall / peer wall:    %.2f x   (target <= 3 x)\n", i / pw
    printf "ratio in-process cpu / peer cpu:      %.2f x\n", ic / pc
    printf "ratio whole-process wall / peer wall: %.2f x\n", w / pw
    printf "ratio whole-process cpu / peer cpu:   %.2f x\n", c / pc }'
