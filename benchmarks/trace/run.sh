#!/usr/bin/env bash
# Lock trace of N generated migrations, side by side with applying them untraced. Usage: run.sh [migrations] [pg major] [seed rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q install -DskipTests -pl flyway-zdm-trace -am
mvn -B -q -pl flyway-zdm-trace test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
java -cp "flyway-zdm-trace/target/test-classes:flyway-zdm-trace/target/classes:$(cat flyway-zdm-trace/target/bench.cp)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.github.flywayzdm.trace.bench.TraceBenchmark "${1:-200}" "${2:-17}" "${3:-0}"
