#!/usr/bin/env bash
# Packet data plane benchmark: iperf3 from the testbed's client to one realserver through the
# kernel stand-in (lvs-testbed.sh kernel on: conntrack DNAT for NAT, TEE for DR) and through
# JLVS's packet plane (NFQUEUE), on the same testbed in the same run, with veth offloads off
# (wire-sized frames) and on (GSO super-packets). TCP bulk and UDP with 64-byte datagrams.
# TUN has no kernel stand-in (no ipip module): it is reported beside DR. Prints one table.
# Root; not a test: compare ratios from one run.
#
# The director gets one queue (thread) per core by default: the kernel's share of each packet
# (the queue's copies, and the forwarding that follows a verdict) runs on the thread that gave
# the verdict, so one thread is one core's worth of forwarding.
#
#   bench/packet.sh [--time SECONDS] [--modes "nat dr tun"] [--offload "off on"] [--queues N|A-B]
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
TIME=10 MODES="nat dr tun" OFFLOAD="off on" QUEUES=0-$(( $(nproc) - 1 ))
while [ $# -gt 0 ]; do
    case $1 in
        --time) TIME=$2; shift 2 ;;
        --modes) MODES=$2; shift 2 ;;
        --offload) OFFLOAD=$2; shift 2 ;;
        --queues) QUEUES=$2; shift 2 ;;
        *) echo "usage: $0 [--time S] [--modes \"nat dr tun\"] [--offload \"off on\"] [--queues N|A-B]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "bench/packet.sh: needs root (network namespaces)" >&2; exit 1; }
for t in iperf3 iptables python3; do command -v $t >/dev/null || { echo "bench/packet.sh: $t missing (apt-get install -y iperf3 iptables python3)" >&2; exit 1; }; done
[ -r "$JLVS_HOME/build/classpath" ] || "$JLVS_HOME/build.sh"

TB="bash $JLVS_HOME/../shared/testbed/lvs-testbed.sh"
export LVS_TB_PREFIX=jbench
RUN=/run/jlvs-bench-packet
SOCK=$RUN/control.sock
VIP=192.0.2.100 RIP=198.51.100.11
mkdir -p "$RUN"
jlvsd_pid=""

stop_director() {
    if [ -n "$jlvsd_pid" ]; then
        kill "$jlvsd_pid" 2>/dev/null || true
        wait "$jlvsd_pid" 2>/dev/null || true
        jlvsd_pid=""
    fi
}
cleanup() { stop_director; $TB down >/dev/null 2>&1 || true; rm -rf "$RUN"; }
trap cleanup EXIT

# one iperf3 run from the client; prints "Gbit/s" for TCP or "kpps" (received) for UDP. The
# realserver's iperf3 serves one test at a time: a run that finds it busy is tried again.
measure() {
    local r
    for _ in 1 2 3; do
        sleep 1
        r=$(measure_once "$1")
        [ "$r" != n/a ] && break
    done
    echo "$r"
}

measure_once() {
    local kind=$1 json
    if [ "$kind" = tcp ]; then
        json=$(ip netns exec jbench-cl iperf3 -c $VIP -p 5201 -t "$TIME" -J 2>/dev/null || true)
        python3 -c 'import json,sys
try: print("%.2f" % (json.loads(sys.stdin.read())["end"]["sum_received"]["bits_per_second"] / 1e9))
except Exception: print("n/a")' <<<"$json"
    else
        json=$(ip netns exec jbench-cl iperf3 -c $VIP -p 5201 -u -b 0 -l 64 -t "$TIME" -J 2>/dev/null || true)
        python3 -c 'import json,sys
try:
    s = json.loads(sys.stdin.read())["end"]["sum"]
    print("%.0f" % ((s["packets"] - s["lost_packets"]) / s["seconds"] / 1e3))
except Exception: print("n/a")' <<<"$json"
    fi
}

start_jlvs() {   # METHOD (-m -g -i): VIP:5201 TCP and UDP to rs1 only (iperf3's two connections must meet)
    rm -f "$SOCK"
    ip netns exec jbench-dir "$JLVS_HOME/bin/jlvsd" --data-plane packet --queue "$QUEUES" --inside-if eth1 --grace 0 \
        --control-socket "$SOCK" >"$RUN/jlvsd.log" 2>&1 &
    jlvsd_pid=$!
    for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
    local a="JLVS_CONTROL_SOCKET=$SOCK JLVS_NO_AUTOSTART=1"
    for p in -t -u; do
        env $a "$JLVS_HOME/bin/ipvsadm" -A $p $VIP:5201 -s rr
        env $a "$JLVS_HOME/bin/ipvsadm" -a $p $VIP:5201 -r $RIP:5201 "$1"
    done
    sleep 1
}

ratio() { python3 -c "import sys; a,b=sys.argv[1:]; print('%.2f' % (float(a)/float(b)) if a!='n/a' and b!='n/a' and float(b)>0 else 'n/a')" "$1" "$2"; }

rows=()
for off in $OFFLOAD; do
    $TB up --mode nat --offload "$off" >/dev/null
    for mode in $MODES; do
        $TB mode "$mode" >/dev/null
        k_tcp=n/a k_udp=n/a
        if [ "$mode" != tun ]; then
            $TB kernel on >/dev/null
            k_tcp=$(measure tcp); k_udp=$(measure udp)
            $TB kernel off >/dev/null
        fi
        case $mode in nat) m=-m ;; dr) m=-g ;; tun) m=-i ;; esac
        start_jlvs $m
        j_tcp=$(measure tcp); j_udp=$(measure udp)
        stop_director
        rows+=("$(printf '%-4s %-8s %10s %10s %6s %12s %12s %6s' "$mode" "$off" "$k_tcp" "$j_tcp" "$(ratio "$j_tcp" "$k_tcp")" \
            "$k_udp" "$j_udp" "$(ratio "$j_udp" "$k_udp")")")
    done
    $TB down >/dev/null
done

echo "# bench/packet.sh --time $TIME --queues $QUEUES: iperf3 client -> VIP:5201 -> rs1 ($(nproc) cores, $(date -u +%F))"
printf '%-4s %-8s %10s %10s %6s %12s %12s %6s\n' mode offload "kernel" "jlvs" ratio "kernel" "jlvs" ratio
printf '%-4s %-8s %10s %10s %6s %12s %12s %6s\n' "" "" "TCP Gb/s" "TCP Gb/s" "" "UDP64 kpps" "UDP64 kpps" ""
printf '%s\n' "${rows[@]}"
