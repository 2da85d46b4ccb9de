#!/usr/bin/env bash
# Lint throughput: flyway-zdm (in-process) vs squawk-cli on the same generated corpus. Usage: run.sh [files]
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-500}"
mvn -B -q install -DskipTests -pl flyway-zdm-lint -am
mvn -B -q -pl flyway-zdm-lint test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
squawk=""
if command -v npm >/dev/null 2>&1; then
  (cd benchmarks/lint && [ -x node_modules/.bin/squawk ] || npm install --no-audit --no-fund --silent squawk-cli@2.66.0)
  # the native binary, not the npm wrapper: node's start-up would count against squawk
  squawk=$(find "$PWD/benchmarks/lint/node_modules/@squawk-cli" -path '*/bin/squawk' -type f | head -n 1)
  "$squawk" --version
fi
java -Xmx2g -cp "flyway-zdm-lint/target/test-classes:flyway-zdm-lint/target/classes:$(cat flyway-zdm-lint/target/bench.cp)" \
  io.github.flywayzdm.lint.bench.LintBenchmark "$files" $squawk
