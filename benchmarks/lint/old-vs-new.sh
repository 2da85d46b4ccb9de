#!/usr/bin/env bash
# Lint throughput of this checkout against an earlier flyway-zdm-lint jar, side by side in one JVM.
# Usage: old-vs-new.sh <old flyway-zdm-lint jar> [files]
set -euo pipefail
cd "$(dirname "$0")/../.."
old_jar="$1"
files="${2:-500}"
mvn -B -q -pl flyway-zdm-lint test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
deps="$(cat flyway-zdm-lint/target/bench.cp)"
java -Xmx2g -cp "flyway-zdm-lint/target/test-classes" io.github.flywayzdm.lint.bench.OldVsNewBenchmark \
  "$old_jar:$deps" "$PWD/flyway-zdm-lint/target/classes:$deps" "$files"
