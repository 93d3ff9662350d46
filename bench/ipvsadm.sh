#!/usr/bin/env bash
# ipvsadm speed on a large table: a director with N services of two realservers each (default
# 1000), then `ipvsadm -L -n` and `ipvsadm -S -n` run R times each; prints min/median/p90 wall
# time in ms. Scripts call ipvsadm in loops, so this is the figure that matters to them.
#   bench/ipvsadm.sh [SERVICES] [RUNS]
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
N=${1:-1000} RUNS=${2:-30}
[ -r "$JLVS_HOME/build/classpath" ] || "$JLVS_HOME/build.sh"
dir=$(mktemp -d)
export JLVS_CONTROL_SOCKET=$dir/ctl.sock JLVS_NO_AUTOSTART=1
"$JLVS_HOME/bin/jlvsd" --data-plane none >"$dir/jlvsd.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 200); do [ -S "$JLVS_CONTROL_SOCKET" ] && break; sleep 0.05; done
python3 - "$N" > "$dir/rules" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    a = "10.%d.%d.1" % (i // 250, i % 250)
    print("-A -t %s:80 -s wlc" % a)
    print("-a -t %s:80 -r 192.168.%d.11:80 -m -w 2" % (a, i % 250))
    print("-a -t %s:80 -r 192.168.%d.12:80 -m -w 3" % (a, i % 250))
PY
"$JLVS_HOME/bin/ipvsadm" -R < "$dir/rules"
for args in "-L -n" "-S -n"; do
    : > "$dir/times"
    for _ in $(seq "$RUNS"); do
        s=$(date +%s%N)
        "$JLVS_HOME/bin/ipvsadm" $args > "$dir/out"
        e=$(date +%s%N)
        echo $(( (e - s) / 1000 )) >> "$dir/times"
    done
    lines=$(wc -l < "$dir/out")
    sort -n "$dir/times" | awk -v a="$args" -v n="$N" -v lines="$lines" '
        { t[NR] = $1 / 1000 }
        END { printf "ipvsadm %-6s %d services (%d lines): min %.1f ms  median %.1f ms  p90 %.1f ms\n",
              a, n, lines, t[1], t[int((NR + 1) / 2)], t[int(NR * 0.9)] }'
done
