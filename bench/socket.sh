#!/usr/bin/env bash
# Socket data plane benchmark: wrk through (a) JLVS's socket plane, (b) HAProxy `mode tcp` with
# the same round robin, (c) nothing (straight to one nginx), interleaved round by round, with
# keep-alive requests and with `Connection: close`, at 50 and 1,000 connections, on a small
# namespace topology (client, director, two nginx realservers on one bridge). Prints one table.
# Root; installs haproxy, nginx and wrk when missing. Not a test: compare ratios from one run.
#
#   bench/socket.sh [--rounds N] [--duration SECONDS] [--conns "50 1000"] [--modes "keepalive close"] [--quick]
# JLVS_ALT_OPTS="JVM options" adds a second JLVS (target jlvs-alt) run with those options, to
# compare settings in the same run (e.g. -Djlvs.transport=io_uring, another GC); JLVS_ALT_ARGS="jlvsd
# options" does the same with the director's own options (e.g. --threads 3).
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
ROUNDS=3 DURATION=10 CONNS="50 1000" MODES="keepalive close"
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --conns) CONNS=$2; shift 2 ;;
        --modes) MODES=$2; shift 2 ;;
        --quick) ROUNDS=1 DURATION=5; shift ;;
        *) echo "usage: $0 [--rounds N] [--duration S] [--conns \"50 1000\"] [--quick]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "bench/socket.sh: needs root (network namespaces)" >&2; exit 1; }
need=()
for t in haproxy:haproxy nginx:nginx wrk:wrk; do command -v "${t%%:*}" >/dev/null || need+=("${t#*:}"); done
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
    service nginx stop >/dev/null 2>&1 || true
fi
[ -r "$JLVS_HOME/build/classpath" ] || "$JLVS_HOME/build.sh"

P=jb                       # namespace prefix
RUN=/run/jlvs-bench
VIP=10.77.0.2 CIP=10.77.0.10 RS1=10.77.0.11 RS2=10.77.0.12
HAPROXY_PORT=80 JLVS_PORT=8080 ALT_PORT=8081
NS() { ip netns exec "$P-$1" "${@:2}"; }

cleanup() {
    for f in "$RUN"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
    for _ in $(seq 50); do pgrep -f "org.jlvs.daemon.Jlvsd" >/dev/null || break; sleep 0.1; done
    for n in cl dir rs1 rs2 sw; do ip netns del "$P-$n" 2>/dev/null || true; done
    rm -rf "$RUN"
}
trap cleanup EXIT
cleanup
mkdir -p "$RUN"

# --- topology: one bridge in its own namespace, a veth per host --------------------------------
ip netns add "$P-sw"
NS sw ip link add br0 type bridge
NS sw ip link set br0 up
i=0
for h in cl:$CIP dir:$VIP rs1:$RS1 rs2:$RS2; do
    n=${h%%:*} a=${h#*:}
    ip netns add "$P-$n"
    ip link add "jb$i" netns "$P-sw" type veth peer name eth0 netns "$P-$n"
    NS sw ip link set "jb$i" master br0 up
    NS "$n" ip addr add "$a/24" dev eth0
    NS "$n" ip link set eth0 up
    NS "$n" ip link set lo up
    NS "$n" sysctl -qw net.ipv4.ip_local_port_range="1024 65000" net.ipv4.tcp_tw_reuse=1 \
        net.core.somaxconn=65535 net.ipv4.tcp_max_syn_backlog=65535
    i=$((i + 1))
done

# --- realservers: nginx, one worker each --------------------------------------------------------
for n in 1 2; do
    a=$(eval echo \$RS$n)
    cat > "$RUN/nginx$n.conf" <<NGX
worker_processes 1;
pid $RUN/nginx$n.pid;
error_log $RUN/nginx$n.err;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 1000000;
    server { listen $a:80 backlog=65535 reuseport; location / { return 200 "rs$n\n"; } }
}
NGX
    NS "rs$n" nginx -c "$RUN/nginx$n.conf"
done

# --- balancers: HAProxy mode tcp and JLVS, both round robin over rs1 and rs2 ---------------------
cat > "$RUN/haproxy.cfg" <<HAP
global
    maxconn 8000
    nbthread 2
    stats socket $RUN/haproxy.sock mode 600 level admin
defaults
    mode tcp
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend fe
    bind $VIP:$HAPROXY_PORT
    default_backend be
backend be
    balance roundrobin
    server rs1 $RS1:80
    server rs2 $RS2:80
HAP
NS dir haproxy -D -p "$RUN/haproxy.pid" -f "$RUN/haproxy.cfg"

export JLVS_CONTROL_SOCKET=$RUN/jlvsd.sock JLVS_NO_AUTOSTART=1
# not through NS(): a backgrounded function would leave $! naming a subshell, not the JVM
ip netns exec "$P-dir" "$JLVS_HOME/bin/jlvsd" --grace 0 >"$RUN/jlvsd.log" 2>&1 &
echo $! > "$RUN/jlvsd.pid"   # ip netns exec and bin/jlvsd exec: this is the JVM
for _ in $(seq 200); do [ -S "$JLVS_CONTROL_SOCKET" ] && break; sleep 0.05; done
"$JLVS_HOME/bin/ipvsadm" -A -t "$VIP:$JLVS_PORT" -s rr
"$JLVS_HOME/bin/ipvsadm" -a -t "$VIP:$JLVS_PORT" -r "$RS1:80" -m
"$JLVS_HOME/bin/ipvsadm" -a -t "$VIP:$JLVS_PORT" -r "$RS2:80" -m
TARGETS="jlvs haproxy direct"
if [ -n "${JLVS_ALT_OPTS:-}${JLVS_ALT_ARGS:-}" ]; then
    # shellcheck disable=SC2086
    JLVSD_JAVA_OPTS="${JLVS_ALT_OPTS:-}" JLVS_CONTROL_SOCKET=$RUN/alt.sock \
        ip netns exec "$P-dir" "$JLVS_HOME/bin/jlvsd" --grace 0 ${JLVS_ALT_ARGS:-} >"$RUN/alt.log" 2>&1 &
    echo $! > "$RUN/alt.pid"
    for _ in $(seq 200); do [ -S "$RUN/alt.sock" ] && break; sleep 0.05; done
    JLVS_CONTROL_SOCKET=$RUN/alt.sock "$JLVS_HOME/bin/ipvsadm" -A -t "$VIP:$ALT_PORT" -s rr
    JLVS_CONTROL_SOCKET=$RUN/alt.sock "$JLVS_HOME/bin/ipvsadm" -a -t "$VIP:$ALT_PORT" -r "$RS1:80" -m
    JLVS_CONTROL_SOCKET=$RUN/alt.sock "$JLVS_HOME/bin/ipvsadm" -a -t "$VIP:$ALT_PORT" -r "$RS2:80" -m
    TARGETS="jlvs jlvs-alt haproxy direct"
fi
sleep 1
JPID=$(cat "$RUN/jlvsd.pid")
HPID=$(cat "$RUN/haproxy.pid")

# CPU ticks of a process and all its descendants (nginx and haproxy work in children)
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
cpu_ticks() { local t=0 p; for p in $(tree "$1"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
hwm_kb() { local t=0 p; for p in $(tree "$1"); do t=$((t + $(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $t; }
jlvs_conns() { JLVS_CONTROL_SOCKET=${1:-$JLVS_CONTROL_SOCKET} "$JLVS_HOME/bin/ipvsadm" -L -n --stats --exact | awk '/^TCP/ {print $3; exit}'; }
haproxy_conns() {
    python3 - "$RUN/haproxy.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show info\n")
d = b""
while True:
    b = s.recv(65536)
    if not b: break
    d += b
for l in d.decode().splitlines():
    if l.startswith("CumConns:"): print(l.split()[1])
PY
}

CLK=$(getconf CLK_TCK)
RESULTS=$RUN/results.tsv
: > "$RESULTS"
NS cl sh -c 'ulimit -n 20000'
for round in $(seq "$ROUNDS"); do
    for conns in $CONNS; do
        for mode in $MODES; do
            hdr=(); [ "$mode" = close ] && hdr=(-H "Connection: close")
            for target in $TARGETS; do
                case $target in
                    jlvs) url="http://$VIP:$JLVS_PORT/"; pid=$JPID ;;
                    jlvs-alt) url="http://$VIP:$ALT_PORT/"; pid=$(cat "$RUN/alt.pid") ;;
                    haproxy) url="http://$VIP:$HAPROXY_PORT/"; pid=$HPID ;;
                    direct) url="http://$RS1:80/"; pid=$(cat "$RUN/nginx1.pid") ;;
                esac
                c0=$(cpu_ticks "$pid"); n0=0
                [ "$target" = jlvs ] && n0=$(jlvs_conns)
                [ "$target" = jlvs-alt ] && n0=$(jlvs_conns "$RUN/alt.sock")
                [ "$target" = haproxy ] && n0=$(haproxy_conns)
                t0=$(date +%s.%N)
                out=$(NS cl sh -c "ulimit -n 20000; wrk -t2 -c$conns -d${DURATION}s --latency ${hdr[*]:+-H 'Connection: close'} $url" 2>&1)
                t1=$(date +%s.%N)
                c1=$(cpu_ticks "$pid"); n1=0
                [ "$target" = jlvs ] && n1=$(jlvs_conns)
                [ "$target" = jlvs-alt ] && n1=$(jlvs_conns "$RUN/alt.sock")
                [ "$target" = haproxy ] && n1=$(haproxy_conns)
                rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
                p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
                p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
                errs=$(awk '/Socket errors|Non-2xx/ {print}' <<<"$out" | tr '\n' ' ')
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$conns" "$mode" "$target" \
                    "$rps" "$p50" "$p99" "$((c1 - c0))" "$t0" "$t1" "$((n1 - n0))" "$(hwm_kb "$pid")" "$errs" >> "$RESULTS"
                echo "round $round $mode c=$conns $target: $rps req/s p99 $p99 $errs" >&2
                sleep 1
            done
        done
    done
done

python3 - "$RESULTS" "$CLK" "$(nproc)" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
clk = int(sys.argv[2])
def ms(v):
    if not v: return float("nan")
    for u, f in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if v.endswith(u): return float(v[:-len(u)]) * f
    return float(v)
agg = {}
for r in rows:
    rnd, conns, mode, target, rps, p50, p99, ticks, t0, t1, newc, hwm, errs = r + [""] * (13 - len(r))
    wall = float(t1) - float(t0)
    cpu = int(ticks) / clk
    rps = float(rps or 0)
    new = int(newc) / wall if target != "direct" else float("nan")
    agg.setdefault((conns, mode, target), []).append(
        (rps, new, ms(p50), ms(p99), cpu / wall * 100, rps * wall / cpu if cpu else float("nan"), int(hwm or 0) / 1024))
print(f"JLVS socket plane vs HAProxy mode tcp (median of rounds; {sys.argv[3]} CPUs, wrk on the same cores)")
print()
print(f"{'conns':>5} {'requests':<10} {'path':<8} {'req/s':>9} {'newconn/s':>9} {'p50 ms':>7} {'p99 ms':>7} {'CPU %':>6} {'req/CPU-s':>9} {'RSS MB':>7}  JLVS/HAProxy")
keys = sorted({(c, m) for c, m, _ in agg}, key=lambda k: (int(k[0]), k[1]))
for c, m in keys:
    names = ("jlvs", "jlvs-alt", "haproxy", "direct")
    med = {t: [statistics.median(x) for x in zip(*agg[(c, m, t)])] for t in names if (c, m, t) in agg}
    for t in names:
        if t not in med: continue
        rps, new, p50, p99, cpu, per, rss = med[t]
        ratio = ""
        if t.startswith("jlvs") and "haproxy" in med:
            h = med["haproxy"]
            ratio = f"req/s {rps / h[0]:.2f}x  newconn {new / h[1] if h[1] else float('nan'):.2f}x  req/CPU-s {per / h[5]:.2f}x  p99 {p99 / h[3]:.2f}x"
        print(f"{c:>5} {m:<10} {t:<8} {rps:>9.0f} {new:>9.0f} {p50:>7.2f} {p99:>7.2f} {cpu:>6.0f} {per:>9.0f} {rss:>7.0f}  {ratio}")
PY
