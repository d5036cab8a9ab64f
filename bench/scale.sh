#!/usr/bin/env bash
# Scale run (issue 9, engineering.md "Performance targets": 1 M customers, 10 M order lines): generates a
# deterministic dataset with the `generate` verb, imports it into a new database (customers, order-lines,
# surveys, consents), then runs kpi --json (a full year and the whole range), rfm --json and rfm --out xlsx,
# each as a whole process under /usr/bin/time, and prints one table: wall, CPU (user+sys), peak RSS, and
# the database size. See bench/README.md.
#   usage: bench/scale.sh
#   environment: CUSTOMERS (default 1000000), LINES (default 10000000), SEED (default 1), BROWSER=0 (skip the
#                browser timing of the pages over the scale database, bench/pages.sh, RUNS=PAGE_RUNS (3), then the
#                first visit of five views nobody opened before on a fresh app: dashboard with a new period and
#                channel, with a segment, in comparison mode; segments at a new date with its migration; value page),
#                WORK (folder for the data and the database; default a new temporary folder, deleted at the
#                end unless KEEP=1; an existing WORK with the generated files of the same sizes is reused),
#                PROVIDER (Sqlite, the default; Postgres: the same steps against a throwaway PostgreSQL cluster that
#                the script starts with initdb/pg_ctl on a free loopback port and stops at the end, as the tests do;
#                both: Sqlite then Postgres over the same generated files, then the two tables side by side)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${CUSTOMERS:-1000000}"
lines="${LINES:-10000000}"
seed="${SEED:-1}"
provider="${PROVIDER:-Sqlite}"

case "$provider" in
    Sqlite|sqlite) provider=Sqlite ;;
    Postgres|postgres|PostgreSQL) provider=Postgres ;;
    both)
        # One work folder for both runs: the data is generated once; each run writes its table to results-PROVIDER.txt.
        both="${WORK:-$(mktemp -d)}"
        [ -n "${WORK:-}" ] || [ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$both"' EXIT
        WORK="$both" PROVIDER=Sqlite "${BASH_SOURCE[0]}"
        # The same publish serves the second run.
        WORK="$both" PROVIDER=Postgres NO_BUILD=1 "${BASH_SOURCE[0]}"
        echo
        echo "== side by side ($customers customers, $lines order lines): SQLite | PostgreSQL"
        printf '%-22s %9s %9s %10s %9s |%9s %9s %10s %9s\n' step "wall s" "cpu s" "peak MB" "db MB" "wall s" "cpu s" "peak MB" "db MB"
        join -a 1 -a 2 -e - -o 0,1.2,1.3,1.4,1.5,2.2,2.3,2.4,2.5 \
            <(sort "$both/results-Sqlite.txt") <(sort "$both/results-Postgres.txt") \
            | awk '{ printf "%-22s %9s %9s %10s %9s |%9s %9s %10s %9s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
        exit 0
        ;;
    *) echo "PROVIDER=$provider: Sqlite, Postgres or both" >&2; exit 2 ;;
esac

if [ -n "${WORK:-}" ]; then
    work="$WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    [ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
data="$work/data-c$customers-l$lines-s$seed"
db="$work/scale.db"
log="$work/log-$provider"
rm -rf "$log" "$db" "$db-wal" "$db-shm"
mkdir -p "$log"

echo "== machine: $(machine_line)"
echo "== sizes: $customers customers, $lines order lines, seed $seed; work folder $work; provider $provider"
bench_cli
steps=()

if [ "$provider" = Postgres ]; then
    # A throwaway cluster, never a system service: initdb in the work folder (as the postgres user when run as root,
    # since the server refuses to run as root), a free loopback port, stopped and deleted on exit. Server settings are
    # PostgreSQL's defaults (fsync and synchronous commit on), as a deployment would have them.
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 2; }
    pg_dir="$work/pg"
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir"
    as_pg=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$pg_dir"
        chmod 755 "$work"
        as_pg=(runuser -u postgres --)
    fi
    pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C > "$log/initdb.out"
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir" start > /dev/null
    stop_pg() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null || true; rm -rf "$pg_dir"; }
    # The EXIT trap of a temporary work folder stays: this one stops the server first.
    previous_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
    trap 'stop_pg; '"$previous_trap" EXIT
    psql_pg() { "$pg_bin/psql" -X -q -At -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
    psql_pg -d postgres -c "CREATE DATABASE scale ENCODING 'UTF8' TEMPLATE template0"
    echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$pg_port (throwaway cluster in $pg_dir)"
    export Database__Provider=Postgres
    export ConnectionStrings__Insight="Host=127.0.0.1;Port=$pg_port;Database=scale;Username=postgres"
    generate_db="$ConnectionStrings__Insight"
    pages_db="$ConnectionStrings__Insight"
else
    export Database__Provider=Sqlite
    export ConnectionStrings__Insight="Data Source=$db"
    generate_db="Data Source=$work/generate.db"
    pages_db="$db"
fi

# run NAME COMMAND...: the verb as a whole process under /usr/bin/time; output in $log/NAME.out.
run() {
    local name="$1"
    shift
    echo "-- $name: $*"
    if ! /usr/bin/time -f "%e %U %S %M" -o "$log/$name.time" $cli "$@" > "$log/$name.out" 2> "$log/$name.err"; then
        echo "   FAILED (exit code above); output:" >&2
        tail -n 20 "$log/$name.out" "$log/$name.err" >&2
        exit 1
    fi
    steps+=("$name")
    tail -n 1 "$log/$name.time" | awk '{ printf "   %.2f s wall, %.2f s cpu, %.0f MB peak RSS\n", $1, $2 + $3, $4 / 1024 }'
}

dbsize() {
    if [ "$provider" = Postgres ]; then
        psql_pg -d scale -c "SELECT pg_database_size('scale')"
        return
    fi
    local total=0 f
    for f in "$db" "$db-wal"; do
        if [ -f "$f" ]; then total=$((total + $(stat -c %s "$f"))); fi
    done
    echo "$total"
}

if [ -f "$data/done" ]; then
    echo "== reusing $data"
else
    # Generation only needs a database because every verb opens one (SQLite: a throwaway file, not the scale database;
    # PostgreSQL: the scale database, which it only migrates, as the first import would).
    ConnectionStrings__Insight="$generate_db" run generate generate --out "$data" --customers "$customers" --lines "$lines" --seed "$seed"
    cat "$log/generate.out"
    touch "$data/done"
fi

declare -A size
for format in customers order-lines surveys consents; do
    run "import-$format" import "$data/$format.csv.gz" --format "$format" --timing
    sed -n '1p;/rows imported/p;/rejected/p;/skipped/p' "$log/import-$format.out" | sed 's/^/   /'
    # The read and check of the file, then the write with its indexes and commit (--timing's steps).
    sed -n 's/^timing:   /   /p' "$log/import-$format.err"
    size["import-$format"]="$(dbsize)"
done

# The data span the years from 2023-01-01 (the generator's default start): the last full year and the whole range.
first_year=2023
years=3
last_year=$((first_year + years - 1))
run kpi-year kpi --from "$last_year-01-01" --to "$((last_year + 1))-01-01" --json
run kpi-all kpi --from "$first_year-01-01" --to "$((last_year + 1))-01-01" --json
run rfm-json rfm --json
run rfm-xlsx rfm --out "$work/rfm.xlsx"
head -c 300 "$log/kpi-year.out"; echo
head -c 300 "$log/rfm-json.out"; echo

echo
echo "== results, $provider ($customers customers, $lines order lines; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
[ "$provider" = Postgres ] && echo "   (peak MB is the command line's process; the PostgreSQL server's memory is apart)"
: > "$work/results-$provider.txt"
printf '%-22s %9s %9s %10s %12s  %s\n' step "wall s" "cpu s" "peak MB" "db MB" "in-process (import)"
for name in "${steps[@]}"; do
    read -r wall user sys rss < <(tail -n 1 "$log/$name.time")
    inproc="$(sed -n 's/.*: succeeded in \([0-9.]*\) s, cpu \([0-9.]*\) s.*/\1 s (cpu \2 s)/p' "$log/$name.out" | head -n 1)"
    db_mb=""
    [ -n "${size[$name]:-}" ] && db_mb="$(awk -v b="${size[$name]}" 'BEGIN { printf "%.0f", b / 1048576 }')"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v d="$db_mb" -v i="$inproc" \
        'BEGIN { printf "%-22s %9.2f %9.2f %10.0f %12s  %s\n", n, w, u + s, m / 1024, d, i }'
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v d="${db_mb:--}" \
        'BEGIN { printf "%s %.2f %.2f %.0f %s\n", n, w, u + s, m / 1024, d }' >> "$work/results-$provider.txt"
done
if [ "$provider" = Postgres ]; then
    echo "database: $(awk -v b="$(dbsize)" 'BEGIN { printf "%.0f MB", b / 1048576 }') (pg_database_size)"
else
    echo "database: $(awk -v b="$(dbsize)" 'BEGIN { printf "%.0f MB", b / 1048576 }') ($db)"
fi
echo "rfm.xlsx: $(awk -v b="$(stat -c %s "$work/rfm.xlsx")" 'BEGIN { printf "%.1f MB", b / 1048576 }')"

if [ "${BROWSER:-1}" != 0 ]; then
    echo
    echo "== pages over the scale database (bench/pages.sh)"
    NO_BUILD=1 RUNS="${PAGE_RUNS:-3}" "$bench_here/pages.sh" "$pages_db"

    # Views nobody opened before, on a fresh app (nothing cached): one visit each, no warm-up. Their periods, channels,
    # segments and dates differ from the default views above and from each other.
    echo
    echo "== first visits of new views (fresh app, nothing cached; bench/pages.sh, RUNS=1 WARMUP=0)"
    first_visits="/?period=custom&from=$last_year-03-05&to=$last_year-08-16&channel=web"
    first_visits+=",/?period=custom&from=$((last_year - 1))-02-07&to=$((last_year - 1))-11-19&channel=store&segment=champions"
    first_visits+=",/?period=custom&from=$((last_year - 1))-05-03&to=$((last_year - 1))-09-27&compare=last-year"
    first_visits+=",/segments?date=$last_year-06-15"
    first_visits+=",/value?end=$last_year-03-31"
    NO_BUILD=1 RUNS=1 WARMUP=0 PAGES="$first_visits" "$bench_here/pages.sh" "$pages_db"
fi
