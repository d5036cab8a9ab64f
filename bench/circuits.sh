#!/usr/bin/env bash
# Concurrent users: N real Blazor Server circuits held by one node, each signed in and changing a dashboard filter every
# INTERVAL seconds; measures each change (the choice of a channel) to the render batch that shows its figures.
# The app is the Release publish (bench/out/cli) on a free loopback port with its own temporary database (demo company);
# the circuits are driven without a browser by bench/CircuitLoad (a headless client speaking blazor.web.js's protocol).
#   usage: bench/circuits.sh
#   environment: CIRCUITS (100), DURATION (60 s of filter changes once all circuits are open), INTERVAL (10 s),
#                CUSTOMERS (5000, the demo company), NO_BUILD=1 (reuse the publish and the client build),
#                APP_ENV (extra environment for the app, e.g. "DOTNET_gcServer=0")
# Last line: {"circuits": N, "p95Ms": x, "errors": n, "rssMbPerCircuit": y}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
circuits="${CIRCUITS:-100}"
duration="${DURATION:-60}"
interval="${INTERVAL:-10}"

bench_server_workdir
# Each circuit holds a WebSocket on both sides (and the client an HTTP connection): more than the default 1024 files.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "== machine: $(machine_line), $(date -u '+%Y-%m-%d %H:%M UTC')"
app="$repo/bench/out/cli"
client="$repo/bench/out/circuitload"
if [ "${NO_BUILD:-}" != 1 ] || [ ! -f "$app/CustomerInsight.Web.dll" ] || [ ! -f "$client/CircuitLoad.dll" ]; then
    bench_cli
    echo "== build the headless client -> bench/out/circuitload"
    dotnet build "$repo/bench/CircuitLoad" -c Release -o "$client" -nologo -v quiet > /dev/null
fi

echo "== app: demo company of ${CUSTOMERS:-5000} customers in a new temporary database, loopback port chosen by the system"
(
    cd "$work"
    export DemoData__Enabled=true DemoData__Customers="${CUSTOMERS:-5000}" ConnectionStrings__Insight="Data Source=$work/app.db" \
        ASPNETCORE_URLS="http://127.0.0.1:0"
    # shellcheck disable=SC2086
    exec env ${APP_ENV:-} dotnet "$app/CustomerInsight.Web.dll"
) > "$work/app.log" 2>&1 &
server_pid=$!
url=""
while [ -z "$url" ]; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/app.log" >&2; echo "the app stopped before listening" >&2; exit 1; }
    url="$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/app.log" | head -n 1)"
    [ -n "$url" ] || sleep 1
done
echo "   listening on $url (pid $server_pid; ${APP_ENV:-default runtime settings})"

echo "== $circuits circuits, a channel change each every $interval s for $duration s"
dotnet "$client/CircuitLoad.dll" --url "$url/" --circuits "$circuits" --duration "$duration" --interval "$interval" \
    --server-pid "$server_pid" > "$work/result.json"
if grep -q "fail\|Exception" "$work/app.log"; then
    echo "== the app logged failures:"
    grep -A3 "fail\|Exception" "$work/app.log" | head -n 20
fi
echo "== machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
tail -n 1 "$work/result.json"
