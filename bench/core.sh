#!/usr/bin/env bash
# Core benchmarks (JMH): ns per scheduling decision for every scheduler at 10/100/1000
# realservers, and the connection table at 1,000,000 entries (lookup, insert, expiry,
# bytes per entry). Prints one table. Not a test: figures depend on the machine.
#   bench/core.sh            full run (about 6 minutes on 2 cores)
#   bench/core.sh --quick    fewer iterations
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$JLVS_HOME"
. bin/jlvs-jdk
jlvs_find_java
export JAVA_HOME=$JLVS_JDK
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
J="$JAVA_HOME/bin/java"

ITER=(-wi 2 -i 3 -w 1s -r 1s)
[ "${1:-}" = "--quick" ] && ITER=(-wi 1 -i 2 -w 500ms -r 500ms)

mvn -q -B -Dstyle.color=never -Pbench -pl core,bench -am package -DskipTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g" >&2
CP="bench/target/classes:$(ls bench/target/lib/*.jar | paste -sd:)"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
JVM="-XX:+UseCompactObjectHeaders -Xmx6g"
# as bin/jlvsd runs the director: huge pages where the kernel offers them
grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null && JVM="$JVM -XX:+UseTransparentHugePages"

"$J" -cp "$CP" org.openjdk.jmh.Main -f 1 "${ITER[@]}" -jvmArgs "$JVM" \
    -rf csv -rff "$OUT/sched.csv" SchedulerBench >&2
"$J" -cp "$CP" org.openjdk.jmh.Main -f 1 "${ITER[@]}" -jvmArgs "$JVM" \
    -rf csv -rff "$OUT/conn.csv" 'ConnTableBench\.(lookup|lookupMiss|insertAndExpire)$' >&2
"$J" -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 1 -i 3 -jvmArgs "$JVM" \
    -rf csv -rff "$OUT/expiry.csv" 'ConnTableBench\.expireAll' >&2
MEM=$("$J" $JVM -cp "$CP" org.jlvs.bench.ConnMemory)

python3 - "$OUT" "$MEM" <<'PY'
import csv, sys, os
out, mem = sys.argv[1], sys.argv[2]
rows = {}
for r in csv.DictReader(open(os.path.join(out, "sched.csv"))):
    rows.setdefault(r["Param: scheduler"], {})[int(r["Param: dests"])] = float(r["Score"])
print(f"JLVS core benchmarks ({os.cpu_count()} CPUs, {os.popen('uname -r').read().strip()})")
print()
print("ns per scheduling decision   10 dests  100 dests  1000 dests")
for s in ["rr", "wrr", "dh", "sh", "mh", "twos", "lc", "wlc", "sed", "nq", "fo", "ovf", "lblc", "lblcr"]:
    d = rows.get(s, {})
    print(f"  {s:<26} " + " ".join(f"{d.get(n, float('nan')):>9.1f}" for n in (10, 100, 1000)))
print()
print("connection table, 1,000,000 entries")
for r in csv.DictReader(open(os.path.join(out, "conn.csv"))):
    name = r["Benchmark"].rsplit(".", 1)[1]
    print(f"  {name:<26} {float(r['Score']):>9.1f} ns/op")
for r in csv.DictReader(open(os.path.join(out, "expiry.csv"))):
    print(f"  {'expiry (per entry)':<26} {float(r['Score']):>9.1f} ns/op")
parts = mem.split()
print(f"  {'memory':<26} {float(parts[3]):>9.1f} bytes/entry (hash buckets included)")
PY
