#!/usr/bin/env bash
# Import benchmark: sqlite3's own .import of the unpacked Online Retail CSV into a bare table (the peer)
# against our `import` verb into an empty database, same run, same machine, alternating, RUNS times each
# (median reported). See bench/README.md.
#   usage: bench/import.sh [FILE.csv.gz]      environment: RUNS (default 3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
data="${1:-$repo/../shared/data/online_retail.csv.gz}"
runs="${RUNS:-3}"

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "sqlite3 is not installed: it is the peer of this benchmark (Debian: apt-get install sqlite3)." >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is missing: it measures time and peak memory (Debian: apt-get install time)." >&2
    exit 2
fi
if [ ! -f "$data" ]; then
    echo "$data: not found (the public file lives in ../shared/data beside the repository)." >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== build (Release)"
dotnet build "$repo/CustomerInsight.Web" -c Release -nologo -v quiet >/dev/null
dll="$repo/CustomerInsight.Web/bin/Release/net10.0/CustomerInsight.Web.dll"

echo "== unpack $(basename "$data")"
gunzip -c "$data" > "$work/online_retail.csv"
echo "   $(($(wc -l < "$work/online_retail.csv") - 1)) data rows"
printf '.mode csv\n.import %s retail\n' "$work/online_retail.csv" > "$work/peer.sql"

# One /usr/bin/time -v log -> "wall cpu rss_mb" (seconds, seconds user+sys, MB).
measure() {
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { m = $2 / 1024 }
        END { printf "%.2f %.2f %.0f\n", w, u + s, m }' "$1"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

export DemoData__Enabled=false
for run in $(seq 1 "$runs"); do
    rm -f "$work"/peer.db* "$work"/ours.db*
    /usr/bin/time -v -o "$work/peer.time" sqlite3 "$work/peer.db" < "$work/peer.sql"
    echo "$(measure "$work/peer.time")" >> "$work/peer.runs"

    ConnectionStrings__Insight="Data Source=$work/ours.db" \
        /usr/bin/time -v -o "$work/ours.time" dotnet "$dll" import "$work/online_retail.csv" --format online-retail > "$work/ours.out"
    inproc="$(sed -n 's/.* in \([0-9.]*\) s, cpu .*/\1/p' "$work/ours.out" | head -n 1)"
    inproc_cpu="$(sed -n 's/.* s, cpu \([0-9.]*\) s .*/\1/p' "$work/ours.out" | head -n 1)"
    echo "$(measure "$work/ours.time") $inproc $inproc_cpu" >> "$work/ours.runs"
    echo "   run $run: peer $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/peer.runs")") s, ours $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/ours.runs")") s (import itself $inproc s)"
done

echo "== last run: peer rows $(sqlite3 "$work/peer.db" 'SELECT COUNT(*) FROM retail;'); ours:"
cat "$work/ours.out"

col() { cut -d' ' -f"$2" "$1" | median; }
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
