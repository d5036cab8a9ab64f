#!/usr/bin/env bash
# Import benchmark: our `import` verb loading the unpacked Online Retail CSV into an empty database against the
# engine's own bulk load of the same CSV into a bare table (the peer), same run, same machine, alternating, RUNS times
# each (medians reported). See bench/README.md.
#   SQLite (default): the peer is sqlite3's `.import`.
#   PROVIDER=Postgres: a throwaway PostgreSQL cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin, as the postgres
#   user when run as root, in a temporary folder, on a free loopback port; stopped and deleted at the end); the peer is
#   `psql \copy` into a bare table of text columns (database and table created before the timing), ours imports into an
#   empty database created before the timing too (the app creates the schema: a new database's script, its migrations).
#   usage: bench/import.sh [FILE.csv.gz]      environment: RUNS (default 3), PROVIDER (Sqlite or Postgres)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="${1:-$shared_data/online_retail.csv.gz}"
runs="${RUNS:-3}"
provider="${PROVIDER:-Sqlite}"

case "$provider" in
    Sqlite) need sqlite3 "it is the peer of this benchmark (Debian: apt-get install sqlite3)." ;;
    Postgres) need psql "it is the peer of this benchmark (Debian: apt-get install postgresql)." ;;
    *) echo "PROVIDER is Sqlite or Postgres, not $provider." >&2; exit 2 ;;
esac
if [ ! -f "$data" ]; then
    echo "$data: not found (the public file lives in ../shared/data beside the repository)." >&2
    exit 2
fi

work="$(mktemp -d)"
pg_stop() { :; }
trap 'pg_stop; rm -rf "$work"' EXIT

echo "== machine: $(machine_line)"
bench_cli
# The public file's amounts are in pounds sterling: its database is created in GBP (an EUR one refuses them).
export Business__Currency=GBP

echo "== unpack $(basename "$data")"
gunzip -c "$data" > "$work/online_retail.csv"
chmod a+r "$work/online_retail.csv"
echo "   $(($(wc -l < "$work/online_retail.csv") - 1)) data rows"

if [ "$provider" = Postgres ]; then
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$bin/initdb" ] || { echo "initdb not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)." >&2; exit 2; }
    pg="$work/pg"
    mkdir -p "$pg"
    as_pg=()
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
        chmod a+rx "$work"
        chown postgres:postgres "$pg"
        as_pg=(runuser -u postgres --)
    fi
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${as_pg[@]}" "$bin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C > "$pg/initdb.log"
    "${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg" start > /dev/null
    pg_stop() { "${as_pg[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast -w stop > /dev/null 2>&1 || true; }
    echo "   PostgreSQL $("$bin/postgres" --version | awk '{ print $NF }') on 127.0.0.1:$port (default settings)"
    sql() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
    export Database__Provider=Postgres
    export ConnectionStrings__Insight="Host=127.0.0.1;Port=$port;Username=postgres;Database=ours"
    peer_name="psql \\copy"
    peer_reset() {
        sql -d postgres -c "DROP DATABASE IF EXISTS peer" -c "DROP DATABASE IF EXISTS ours" -c "CREATE DATABASE peer" \
            -c "CREATE DATABASE ours"
        sql -d peer -c "CREATE TABLE retail (InvoiceNo text, StockCode text, Description text, Quantity text, InvoiceDate text,
            UnitPrice text, CustomerID text, Country text)"
    }
    peer_cmd="psql -X -q -h 127.0.0.1 -p $port -U postgres -v ON_ERROR_STOP=1 -d peer -c \"\\\\copy retail FROM '$work/online_retail.csv' WITH (FORMAT csv, HEADER true)\""
    peer_rows() { sql -d peer -A -t -c "SELECT COUNT(*) FROM retail"; }
else
    export ConnectionStrings__Insight="Data Source=$work/ours.db"
    printf '.mode csv\n.import %s retail\n' "$work/online_retail.csv" > "$work/peer.sql"
    peer_name="sqlite3 .import"
    peer_reset() { rm -f "$work"/peer.db* "$work"/ours.db*; }
    peer_cmd="sqlite3 '$work/peer.db' < '$work/peer.sql'"
    peer_rows() { sqlite3 "$work/peer.db" 'SELECT COUNT(*) FROM retail;'; }
fi

for run in $(seq 1 "$runs"); do
    peer_reset
    /usr/bin/time -v -o "$work/peer.time" bash -c "$peer_cmd"
    echo "$(measure "$work/peer.time")" >> "$work/peer.runs"

    /usr/bin/time -v -o "$work/ours.time" $cli import "$work/online_retail.csv" --format online-retail > "$work/ours.out"
    inproc="$(sed -n 's/.* in \([0-9.]*\) s, cpu .*/\1/p' "$work/ours.out" | head -n 1)"
    inproc_cpu="$(sed -n 's/.* s, cpu \([0-9.]*\) s .*/\1/p' "$work/ours.out" | head -n 1)"
    echo "$(measure "$work/ours.time") $inproc $inproc_cpu" >> "$work/ours.runs"
    echo "   run $run: peer $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/peer.runs")") s, ours $(cut -d' ' -f1 <<< "$(tail -n 1 "$work/ours.runs")") s (import itself $inproc s)"
done

echo "== last run: peer rows $(peer_rows); ours:"
cat "$work/ours.out"

peer_wall="$(col "$work/peer.runs" 1)"; peer_cpu="$(col "$work/peer.runs" 2)"; peer_rss="$(col "$work/peer.runs" 3)"
ours_wall="$(col "$work/ours.runs" 1)"; ours_cpu="$(col "$work/ours.runs" 2)"; ours_rss="$(col "$work/ours.runs" 3)"
ours_in="$(col "$work/ours.runs" 4)"; ours_in_cpu="$(col "$work/ours.runs" 5)"
target="$([ "$provider" = Postgres ] && echo 1.5 || echo 2)"

echo
echo "== results ($provider): median of $runs alternating runs"
printf '%-52s %7s s wall %7s s cpu %6s MB peak RSS\n' "$peer_name (peer, whole process)" "$peer_wall" "$peer_cpu" "$peer_rss"
printf '%-52s %7s s wall %7s s cpu %6s MB peak RSS\n' "import verb (whole process: start, migrate, import)" "$ours_wall" "$ours_cpu" "$ours_rss"
printf '%-52s %7s s wall %7s s cpu\n' "import verb (in-process: the import itself)" "$ours_in" "$ours_in_cpu"
[ "$provider" = Postgres ] && echo "(PostgreSQL: the server's CPU is in neither process's CPU time; compare wall times)"
awk -v w="$ours_wall" -v c="$ours_cpu" -v i="$ours_in" -v ic="$ours_in_cpu" -v pw="$peer_wall" -v pc="$peer_cpu" -v t="$target" 'BEGIN {
    printf "ratio whole-process wall / peer wall: %.2f x   (target <= %s x)\n", w / pw, t
    printf "ratio whole-process cpu / peer cpu:   %.2f x\n", c / pc
    printf "ratio in-process wall / peer wall:    %.2f x\n", i / pw
    printf "ratio in-process cpu / peer cpu:      %.2f x\n", ic / pc }'
