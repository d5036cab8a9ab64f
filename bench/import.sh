#!/usr/bin/env bash
# Import benchmark: sqlite3's own .import of the unpacked Online Retail CSV into a bare table (the peer)
# against our `import` verb into an empty database, same run, same machine. See bench/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
data="${1:-$repo/../shared/data/online_retail.csv.gz}"

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

echo "== build (Release)"
dotnet build "$repo/CustomerInsight.Web" -c Release -nologo -v quiet >/dev/null
dll="$(find "$repo/CustomerInsight.Web/bin/Release" -name CustomerInsight.Web.dll | head -n 1)"

echo "== unpack $(basename "$data")"
gunzip -c "$data" > "$work/online_retail.csv"
wc -l "$work/online_retail.csv"

# seconds and peak RSS (MB) from a /usr/bin/time -v log
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

echo "== peer: sqlite3 .import into a bare table"
printf '.mode csv\n.import %s retail\n' "$work/online_retail.csv" > "$work/peer.sql"
/usr/bin/time -v -o "$work/peer.time" sqlite3 "$work/peer.db" < "$work/peer.sql"
echo "   rows: $(sqlite3 "$work/peer.db" 'SELECT COUNT(*) FROM retail;')"

echo "== ours: import --format online-retail into an empty database"
export ConnectionStrings__Insight="Data Source=$work/ours.db"
export DemoData__Enabled=false
/usr/bin/time -v -o "$work/ours.time" dotnet "$dll" import "$work/online_retail.csv" --format online-retail | tee "$work/ours.out"
echo "   orders: $(sqlite3 "$work/ours.db" 'SELECT COUNT(*) FROM Orders;'), order lines: $(sqlite3 "$work/ours.db" 'SELECT COUNT(*) FROM OrderLines;')"

peer_s="$(elapsed "$work/peer.time")"
ours_s="$(elapsed "$work/ours.time")"
inproc_s="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$work/ours.out" | head -n 1)"

echo
echo "== results"
printf '%-44s %8s s  %6s MB peak RSS\n' "sqlite3 .import (peer, whole process)" "$peer_s" "$(peak "$work/peer.time")"
printf '%-44s %8s s  %6s MB peak RSS\n' "import verb (whole process: start, migrate)" "$ours_s" "$(peak "$work/ours.time")"
printf '%-44s %8s s\n' "import verb (in-process: the import itself)" "$inproc_s"
awk -v o="$ours_s" -v i="$inproc_s" -v p="$peer_s" 'BEGIN { printf "ratio whole process / peer: %.2f x\nratio in-process    / peer: %.2f x   (target <= 3 x)\n", o / p, i / p }'
