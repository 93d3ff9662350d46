#!/usr/bin/env bash
# Health-check cost and keepalived.conf load time. Not a test: figures depend on the machine.
#   1. 1,000 realservers (local listeners) checked every second by TCP_CHECK: jlvsd's CPU share
#      with the checkers running, minus the same director idle (same file, no checkers); goal
#      under 10 % of one core.
#   2. A 173-service / 579-realserver production-style file: the time to read it (fresh JVM and
#      warm) and the wall time of `jlvsd -f FILE -t`; goal well under a second.
#   bench/checkers.sh [REALSERVERS] [SECONDS]     defaults: 1000 realservers, 20 s measured
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$JLVS_HOME"
N=${1:-1000}
MEASURE=${2:-20}
[ -r build/classpath ] || ./build.sh >&2
. bin/jlvs-jdk
jlvs_find_java
J="$JLVS_JDK/bin/java"
TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
export JLVS_NO_AUTOSTART=1
TCK=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# jlvsd on FILE with the table only (no data plane): prints its CPU % of one core over MEASURE s
measure() {
    local file=$1 name=$2
    export JLVS_CONTROL_SOCKET="$TMP/$name.sock"
    bin/jlvsd -f "$file" --data-plane none -i bench >"$TMP/$name.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    for _ in $(seq 200); do [ -S "$JLVS_CONTROL_SOCKET" ] && break; sleep 0.1; done
    sleep 6   # bootstrap, warmup (up to delay_loop) and a few rounds
    local dests
    dests=$(bin/ipvsadm -L -n | grep -c -- '-> 127\.' || true)
    local t0 c0 t1 c1
    t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
    sleep "$MEASURE"
    t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    python3 -c "print(f'{($c1-$c0)/$TCK/($t1-$t0)*100:.2f} {$dests}')"
}

# N listeners on consecutive free ports (another range if one of them is taken)
for attempt in 1 2 3 4 5; do
    PORT0=$(python3 -c "import random; print(random.randrange(20000, 50000 - $N))")
    python3 bench/checkers/listeners.py "$PORT0" "$N" >"$TMP/listeners.out" 2>/dev/null &
    LPID=$!
    for _ in $(seq 100); do
        grep -q ready "$TMP/listeners.out" 2>/dev/null && break
        kill -0 "$LPID" 2>/dev/null || break
        sleep 0.1
    done
    grep -q ready "$TMP/listeners.out" && break
done
grep -q ready "$TMP/listeners.out" || { echo "checkers.sh: cannot open $N listeners" >&2; exit 1; }
PIDS+=("$LPID")
python3 bench/checkers/gen_conf.py checkers "$PORT0" "$N" >"$TMP/checkers.conf"
# the same realservers without a checker: the director's own idle cost
sed '/TCP_CHECK {/,/^    }/d' "$TMP/checkers.conf" >"$TMP/idle.conf"

echo "JLVS health checkers ($(nproc) CPUs, $(uname -r))" 
echo
read -r idle idle_dests < <(measure "$TMP/idle.conf" idle)
kill -USR1 "$LPID"; sleep 0.2
before=$(tail -1 "$TMP/listeners.out")
read -r busy busy_dests < <(measure "$TMP/checkers.conf" busy)
kill -USR1 "$LPID"; sleep 0.2
after=$(tail -1 "$TMP/listeners.out")
checks=$(( after - before ))
python3 - "$N" "$MEASURE" "$idle" "$busy" "$busy_dests" "$checks" <<'PY'
import sys
n, secs, idle, busy, dests, checks = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"{n} realservers, TCP_CHECK every 1 s, {secs} s measured:")
print(f"  realservers up in the table     {dests}/{n}")
print(f"  connections the servers took    {checks} in about {secs + 6} s ({checks / (secs + 6):.0f}/s)")
print(f"  jlvsd CPU, checkers running     {busy:6.2f} % of one core")
print(f"  jlvsd CPU, same table idle      {idle:6.2f} % of one core")
print(f"  the checkers' share             {busy - idle:6.2f} % of one core   (goal: under 10 %)")
PY

echo
python3 bench/checkers/gen_conf.py production >"$TMP/production.conf"
echo "Loading a production-sized keepalived.conf:"
"$J" -XX:+UseCompactObjectHeaders -cp "$(cat build/classpath)" bench/checkers/LoadTime.java "$TMP/production.conf" | sed 's/^/  /'
t0=$(date +%s%N)
bin/jlvsd -f "$TMP/production.conf" -t -i bench >/dev/null 2>&1 || true
t1=$(date +%s%N)
echo "  jlvsd -f FILE -t, whole command  $(( (t1 - t0) / 1000000 )) ms   (goal: well under a second)"
