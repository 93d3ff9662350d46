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
CP=$(cat build/classpath.tmp)

# one training run per command records the classes it loads and links
train() {
    local name=$1 main=$2
    shift 2
    "$JAVA_HOME/bin/java" -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput="build/aot/$name.aot" \
        -Xlog:aot=off -Xlog:cds=off -cp "$CP" "$main" "$@" >/dev/null 2>&1 || true
    rm -f "build/aot/$name.aot.config"
}
train jlvs org.jlvs.admin.tool.Jlvs sched-replay dist/training/wrr-bulk.json dist/training/mh.json
mv build/classpath.tmp build/classpath
echo "build.sh: JLVS built (launchers in bin/)" >&2
