#!/usr/bin/env bash
# Page timing benchmark: starts the real app (Release) on a loopback port, signs in, and times the dashboard,
# segments and customers pages in Debian's Chromium (bench/pages/pages.mjs, playwright-core, no browser download):
# server HTML (prerender) and first interactive render, median/min/max of RUNS runs. See bench/README.md.
#   usage: bench/pages.sh [DATABASE.db | "Host=…;Port=…;Database=…;Username=…"]
#     (an Npgsql connection string: that PostgreSQL database, Database:Provider=Postgres, as bench/scale.sh passes it)
#     without DATABASE: a new temporary database filled with the demo company (DemoData:Customers = CUSTOMERS)
#     with DATABASE:    that database as it is (demo data off); signs in as EMAIL/PASSWORD when given, else creates
#                       (once) the admin account bench-pages@bench.local with create-admin and uses it
#   environment: RUNS (5), WARMUP (1), CUSTOMERS (5000), PAGES ("/,/segments,/customers"), PORT (a free one),
#                EMAIL, PASSWORD, NO_BUILD=1 (skip the Release publish), JSON_OUT (raw figures as JSON),
#                PAGE_TIMEOUT_S (120: longest load before the run fails; a first visit at 10 M lines on a busy machine needs more),
#                SETTLE_MS (2000: a new tab waits that long before its navigation, Chromium's renderer start off the server's CPU),
#                SERVER_LOG (a file the app's log is copied to at the end, e.g. with
#                Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information: each SQL command's time)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$bench_here"
db="${1:-}"
chromium=/usr/bin/chromium

for tool in node npm curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (Debian: apt-get install nodejs npm curl)." >&2; exit 2; }
done
[ -x "$chromium" ] || { echo "$chromium is missing: the benchmark uses Debian's Chromium (apt-get install chromium), never a downloaded browser." >&2; exit 2; }
connection=""
case "$db" in
    Host=*) connection="$db"; export Database__Provider=Postgres ;;
esac
if [ -n "$db" ] && [ -z "$connection" ] && [ ! -f "$db" ]; then
    echo "$db: not found." >&2
    exit 2
fi

bench_server_workdir

echo "== machine: $(machine_line), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== $("$chromium" --version 2>/dev/null | head -n 1)"
if [ ! -d "$here/pages/node_modules/playwright-core" ]; then
    echo "== npm ci (playwright-core, no browser download)"
    (cd "$here/pages" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
# Published, not just built: in Production the app serves wwwroot and the packages' static assets (_framework,
# MudBlazor, Chart.js) from its content root, which only a publish lays out; run from bin/Release/net10.0 it
# answers 200 with empty CSS and scripts.
app="$repo/bench/out/cli"
dll="$app/CustomerInsight.Web.dll"
if [ "${NO_BUILD:-}" != 1 ] || [ ! -f "$dll" ]; then
    bench_cli
fi

port="${PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")}"
base="http://127.0.0.1:$port"

if [ -z "$db" ]; then
    db="$work/demo.db"
    export DemoData__Enabled=true DemoData__Customers="${CUSTOMERS:-5000}"
    email="${EMAIL:-admin@demo.local}"
    password="${PASSWORD:-Demo!2026}"
    echo "== database: new, demo company of $DemoData__Customers customers (seeded by the app at start-up)"
else
    export DemoData__Enabled=false
    if [ -n "$connection" ]; then
        echo "== database: PostgreSQL, ${connection%%;Username*}"
    else
        db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"
        connection="Data Source=$db"
        echo "== database: $db ($(du -h "$db" | cut -f1))"
    fi
    if [ -n "${EMAIL:-}" ]; then
        email="$EMAIL"
        password="${PASSWORD:?PASSWORD is needed with EMAIL}"
    else
        email=bench-pages@bench.local
        password='Bench-pages-2026!'
        if printf '%s\n' "$password" \
            | ConnectionStrings__Insight="$connection" dotnet "$dll" create-admin --email "$email" > "$work/admin.out" 2>&1; then
            echo "   created the admin account $email for the benchmark"
        elif grep -q "already exists" "$work/admin.out"; then
            echo "   signs in as $email (created by an earlier run)"
        else
            cat "$work/admin.out" >&2
            exit 1
        fi
    fi
fi
export ConnectionStrings__Insight="${connection:-Data Source=$db}"

echo "== start the app on $base"
start=$(date +%s.%N)
(cd "$app" && exec dotnet "$dll" --urls "$base") > "$work/server.log" 2>&1 &
server_pid=$!
# Ready: the sign-in page answers and /health/ready says the node has read the customer activity into memory (what a proxy
# waits for before it sends a node pages).
until curl -fsS -o /dev/null "$base/Account/Login" 2>/dev/null && curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "the app stopped during start-up:" >&2
        tail -n 30 "$work/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
awk -v s="$start" -v e="$(date +%s.%N)" -v d="$DemoData__Enabled" \
    'BEGIN { printf "   ready in %.1f s (start-up%s)\n", e - s, d == "true" ? " + demo data" : "" }'

echo "== pages, ${WARMUP:-1} warm-up + ${RUNS:-5} runs each, signed in as $email"
status=0
BASE_URL="$base" EMAIL="$email" PASSWORD="$password" SERVER_PID="$server_pid" CHROMIUM="$chromium" \
    node "$here/pages/pages.mjs" || status=$?
if grep -q -E "fail|Exception" "$work/server.log"; then
    echo "== server log (errors)"
    grep -E -A3 "fail|Exception" "$work/server.log" | head -n 40
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${SERVER_LOG:-}" ]; then
    cp "$work/server.log" "$SERVER_LOG"
fi
exit "$status"
