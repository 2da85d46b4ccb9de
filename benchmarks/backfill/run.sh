#!/usr/bin/env bash
# Backfill under live traffic: (a) one UPDATE, (b) the article's DO loop, (c) its IS NULL LIMIT loop, (d) flyway-zdm,
# (d2) with 2 threads, (w1, w2, w4) background jobs run by 1, 2, 4 workers in worker JVMs.
# Usage: run.sh [rows=10000000] [repetitions=3] [approaches=a,b,c,d; also d2,w1,w1-pause,w2,w4, and w1-before with BENCH_BEFORE=<dir
# of an earlier build's flyway-zdm-backfill main classes>] [cap seconds=600] [pg major=17]
# BENCH_PIN=1: the application and the server on core 0, the worker JVMs and each backfill backend on core 1 (a server
# with a core to spare, its application elsewhere; taskset, Linux)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q install -DskipTests -pl flyway-zdm-backfill -am
mvn -B -q -pl flyway-zdm-backfill test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
java -Xmx4g ${BENCH_BEFORE:+-Dbench.before=$BENCH_BEFORE} ${BENCH_PIN:+-Dbench.pin=true} -cp "flyway-zdm-backfill/target/test-classes:flyway-zdm-backfill/target/classes:$(cat flyway-zdm-backfill/target/bench.cp)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.io.github.flywayzdm.backfill=info \
  io.github.flywayzdm.backfill.bench.BackfillBenchmark "$@"
