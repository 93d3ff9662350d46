#!/usr/bin/env bash
# Runs every JLVS test (unit, conformance replays against ../shared, end-to-end) with a JDK 25.
set -euo pipefail
JLVS_HOME=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$JLVS_HOME"
. bin/jlvs-jdk
jlvs_find_java
export JAVA_HOME=$JLVS_JDK
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
command -v mvn >/dev/null || { echo "test.sh: Maven (mvn) is needed: apt-get install -y maven" >&2; exit 1; }
[ -d ../shared ] || { echo "test.sh: ../shared (the case sets beside the repo) is missing" >&2; exit 1; }
# the launchers' build first, so tests that run bin/ commands use this tree's jars
./build.sh
mvn -B -Dstyle.color=never verify "$@"
