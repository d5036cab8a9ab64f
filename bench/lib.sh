#!/usr/bin/env bash
# Shared by the bench scripts: checks, the Release command line, measurement helpers. Source it.
#   bench_cli          publishes the app once per script run (Release, self-contained composite ReadyToRun: how it is
#                      deployed where start-up counts)
#                      into bench/out/cli (NO_BUILD=1: reuses it) and sets $cli to "dotnet .../CustomerInsight.Web.dll"
#   measure FILE       one `/usr/bin/time -v` log -> "wall cpu rss_mb" (s, s user+sys, MB)
#   median             the median of the numbers on stdin
#   machine_line       cores, memory and load average, for the report
#   bench_public_database FILE  checks FILE, makes a temporary $work (removed at exit), publishes the CLI and points
#                      it at a new database $work/ours.db in GBP (the public file's currency; an EUR one refuses it)
#   bench_server_workdir  a temporary folder $work and $server_pid (set it when the app starts): at exit the app
#                      is stopped and the folder removed

bench_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_here/.." && pwd)"
shared_data="$repo/../shared/data"
shared_peers="$repo/../shared/peers"

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "$1 is not installed: $2" >&2; exit 2; }
}
need dotnet "the .NET 10 SDK builds the app"
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: it measures time and peak memory (Debian: apt-get install time)." >&2; exit 2; }

machine_line() {
    echo "$(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_cli() {
    local out="$repo/bench/out/cli"
    if [ "${NO_BUILD:-}" = 1 ] && [ -f "$out/CustomerInsight.Web.dll" ]; then
        echo "== NO_BUILD=1: the existing publish in bench/out/cli"
    else
        # Composite: the app and the .NET libraries compiled ahead of time as one image, so that the generic code they
        # share is not compiled at start (a verb's whole process: about 20 % less CPU than framework-dependent
        # ReadyToRun). A few minutes the first time.
        echo "== publish (Release, self-contained composite ReadyToRun) -> bench/out/cli"
        rm -rf "$out"
        dotnet publish "$repo/CustomerInsight.Web" -c Release -r linux-x64 --self-contained true \
            -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" -nologo -v quiet > /dev/null
    fi
    cli="dotnet $out/CustomerInsight.Web.dll"
    # Verbs never seed demo data; the benchmarks never touch the app's own database.
    export DemoData__Enabled=false
}

measure() {
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { m = $2 / 1024 }
        END { printf "%.2f %.2f %.0f\n", w, u + s, m }' "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# col FILE N: the median of column N of FILE.
col() { cut -d' ' -f"$2" "$1" | median; }

bench_server_workdir() {
    work="$(mktemp -d)"
    server_pid=""
    trap bench_stop_server EXIT
}

bench_stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}

bench_public_database() {
    [ -f "$1" ] || { echo "$1: not found." >&2; exit 2; }
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    echo "== machine: $(machine_line)"
    bench_cli
    export Business__Currency=GBP
    export ConnectionStrings__Insight="Data Source=$work/ours.db"
}
