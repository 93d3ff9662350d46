#!/usr/bin/env bash
# Builds JLVS for the bin/ launchers: the jars in build/lib, their class path in build/classpath,
# and an AOT cache per command (build/aot/*.aot) trained on a short run of each, so commands
# start in a fraction of a second. Tests are not run here (see ./test.sh).
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$JLVS_HOME"
. bin/jlvs-jdk
jlvs_find_java
export JAVA_HOME=$JLVS_JDK
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
command -v mvn >/dev/null || { echo "build.sh: Maven (mvn) is needed: apt-get install -y maven" >&2; exit 1; }

rm -rf build/lib build/aot build/classpath
# (Maven 3.8 on JDK 25 writes stray colour resets even in batch mode: strip them)
mvn -q -B -Dstyle.color=never package -DskipTests 2>&1 | sed -u "s/\x1b\[[0-9;]*m//g" >&2
mkdir -p build/aot
ls "$JLVS_HOME"/build/lib/*.jar | LC_ALL=C sort | paste -sd: > build/classpath.tmp
mv build/classpath.tmp build/classpath

# One training run per command records the classes it loads and links (JDK 25 AOT cache), through
# the launchers themselves so that the JVM options match. The director is trained on a real table
# and a real proxied connection; ipvsadm on a listing.
train_dir=$(mktemp -d)
trap 'rm -rf "$train_dir"' EXIT
export JLVS_CONTROL_SOCKET=$train_dir/train.sock JLVS_NO_AUTOSTART=1
JLVS_AOT_TRAIN=1 bin/jlvs sched-replay dist/training/wrr-bulk.json dist/training/mh.json >/dev/null 2>&1 || true
port=$(( 20000 + RANDOM % 20000 ))
JLVS_AOT_TRAIN=1 bin/jlvsd --data-plane socket --grace 0 >"$train_dir/jlvsd.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -S "$JLVS_CONTROL_SOCKET" ] && break; sleep 0.1; done
if [ -S "$JLVS_CONTROL_SOCKET" ]; then
    python3 -m http.server --bind 127.0.0.1 $((port + 1)) >/dev/null 2>&1 &
    web=$!
    bin/ipvsadm -A -t 127.0.0.1:$port -s wlc -p 60 >/dev/null 2>&1 || true
    bin/ipvsadm -a -t 127.0.0.1:$port -r 127.0.0.1:$((port + 1)) -m -w 2 >/dev/null 2>&1 || true
    sleep 0.5
    curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null || true
    for args in "-L -n --stats" "-L -n -c" "-S -n" "-L --timeout"; do bin/ipvsadm $args >/dev/null 2>&1 || true; done
    JLVS_AOT_TRAIN=1 bin/ipvsadm -L -n >/dev/null 2>&1 || true
    kill "$web" 2>/dev/null || true
fi
kill -TERM "$daemon" 2>/dev/null || true
wait "$daemon" 2>/dev/null || true
rm -f build/aot/*.config
echo "build.sh: JLVS built (launchers in bin/)" >&2
