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
#                end unless KEEP=1; an existing WORK with the generated files of the same sizes is reused)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${CUSTOMERS:-1000000}"
lines="${LINES:-10000000}"
seed="${SEED:-1}"

if [ -n "${WORK:-}" ]; then
    work="$WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    [ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
data="$work/data-c$customers-l$lines-s$seed"
db="$work/scale.db"
log="$work/log"
rm -rf "$log" "$db" "$db-wal" "$db-shm"
mkdir -p "$log"

echo "== machine: $(machine_line)"
echo "== sizes: $customers customers, $lines order lines, seed $seed; work folder $work"
bench_cli
export ConnectionStrings__Insight="Data Source=$db"
steps=()

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
    local total=0 f
    for f in "$db" "$db-wal"; do
        if [ -f "$f" ]; then total=$((total + $(stat -c %s "$f"))); fi
    done
    echo "$total"
}

if [ -f "$data/done" ]; then
    echo "== reusing $data"
else
    # Generation only needs a database because every verb opens one: a throwaway file, not the scale database.
    ConnectionStrings__Insight="Data Source=$work/generate.db" run generate generate --out "$data" --customers "$customers" --lines "$lines" --seed "$seed"
    cat "$log/generate.out"
    touch "$data/done"
fi

declare -A size
for format in customers order-lines surveys consents; do
    run "import-$format" import "$data/$format.csv.gz" --format "$format"
    sed -n '1p;/rows imported/p;/rejected/p;/skipped/p' "$log/import-$format.out" | sed 's/^/   /'
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
echo "== results ($customers customers, $lines order lines; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-22s %9s %9s %10s %12s  %s\n' step "wall s" "cpu s" "peak MB" "db MB" "in-process (import)"
for name in "${steps[@]}"; do
    read -r wall user sys rss < <(tail -n 1 "$log/$name.time")
    inproc="$(sed -n 's/.*: succeeded in \([0-9.]*\) s, cpu \([0-9.]*\) s.*/\1 s (cpu \2 s)/p' "$log/$name.out" | head -n 1)"
    db_mb=""
    [ -n "${size[$name]:-}" ] && db_mb="$(awk -v b="${size[$name]}" 'BEGIN { printf "%.0f", b / 1048576 }')"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v d="$db_mb" -v i="$inproc" \
        'BEGIN { printf "%-22s %9.2f %9.2f %10.0f %12s  %s\n", n, w, u + s, m / 1024, d, i }'
done
echo "database: $(awk -v b="$(dbsize)" 'BEGIN { printf "%.0f MB", b / 1048576 }') ($db)"
echo "rfm.xlsx: $(awk -v b="$(stat -c %s "$work/rfm.xlsx")" 'BEGIN { printf "%.1f MB", b / 1048576 }')"

if [ "${BROWSER:-1}" != 0 ]; then
    echo
    echo "== pages over the scale database (bench/pages.sh)"
    NO_BUILD=1 RUNS="${PAGE_RUNS:-3}" "$bench_here/pages.sh" "$db"

    # Views nobody opened before, on a fresh app (nothing cached): one visit each, no warm-up. Their periods, channels,
    # segments and dates differ from the default views above and from each other.
    echo
    echo "== first visits of new views (fresh app, nothing cached; bench/pages.sh, RUNS=1 WARMUP=0)"
    first_visits="/?period=custom&from=$last_year-03-05&to=$last_year-08-16&channel=web"
    first_visits+=",/?period=custom&from=$((last_year - 1))-02-07&to=$((last_year - 1))-11-19&channel=store&segment=champions"
    first_visits+=",/?period=custom&from=$((last_year - 1))-05-03&to=$((last_year - 1))-09-27&compare=last-year"
    first_visits+=",/segments?date=$last_year-06-15"
    first_visits+=",/value?end=$last_year-03-31"
    NO_BUILD=1 RUNS=1 WARMUP=0 PAGES="$first_visits" "$bench_here/pages.sh" "$db"
fi
