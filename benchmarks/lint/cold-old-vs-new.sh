#!/usr/bin/env bash
# Cold command-line calls of two flyway-zdm-cli jars, side by side in one run (interleaved), with the launcher's JVM
# flags and a class-data archive for each jar (as bin/zdm makes on its first call), on the lint benchmark's corpus at
# 80 and 1,000 files. Medians of RUNS (default 7) of wall and CPU time (user + system), and the load average. With a
# JDK 25+ (JDK25=<home>, else the first in /usr/lib/jvm) also both jars on it with an AOT cache each (trained as bin/zdm
# trains it); with squawk installed (cold.sh installs it) also squawk's npm command, in the same rounds.
# Usage: cold-old-vs-new.sh <old flyway-zdm-cli jar> [new jar, default: this checkout's build]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-7}
old=$(realpath "$1")
new=$(realpath "${2:-$(ls flyway-zdm-cli/target/flyway-zdm-cli-*.jar | grep -v -e sources -e javadoc | head -n 1)}")
[ -f flyway-zdm-lint/target/bench.cp ] || mvn -B -q -pl flyway-zdm-lint dependency:build-classpath -Dmdep.outputFile=target/bench.cp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="flyway-zdm-lint/target/test-classes:flyway-zdm-lint/target/classes:$(cat flyway-zdm-lint/target/bench.cp)"
java -cp "$cp" io.github.flywayzdm.lint.bench.LintBenchmark --write "$work/c80" 40 >/dev/null
java -cp "$cp" io.github.flywayzdm.lint.bench.LintBenchmark --write "$work/c1000" 500 >/dev/null
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
main=io.github.flywayzdm.cli.Zdm
cp "$old" "$work/old.jar"
cp "$new" "$work/new.jar"
for v in old new; do
  java $flags -XX:ArchiveClassesAtExit="$work/$v.jsa" -Dzdm.cds.training=true -cp "$work/$v.jar" $main lint --fail-on never "$work/c80" >/dev/null 2>&1 || true
  # the same findings from both jars (the elapsed time aside)
  java $flags -cp "$work/$v.jar" $main lint --fail-on never "$work/c1000" 2>&1 | sed -E 's/ in [0-9]+ ms$//' > "$work/$v.out"
done
. benchmarks/lint/jdk25.sh  # the scripts run from the repository root
if [ -n "$jdk25" ]; then
  for v in old new; do
    "$jdk25/bin/java" ${flags/-Xshare:auto/} -XX:AOTCacheOutput="$work/$v.aot" -Dzdm.cds.training=true -cp "$work/$v.jar" $main --version >/dev/null 2>&1 || true
  done
fi
squawk=benchmarks/lint/node_modules/.bin/squawk
[ -x "$squawk" ] || squawk=
if cmp -s "$work/old.out" "$work/new.out"; then echo "reports of the 1,000 files: identical"; else echo "reports of the 1,000 files: DIFFER"; fi

sample() { # wall ms and CPU ms of a command
  local t0 t1 u s
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  read -r u s < <(tail -n 1 "$work/t")
  echo "$(( (t1 - t0) / 1000000 )) $(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}')"
}
declare -A wall cpu
loads=()
for ((i = 0; i < runs; i++)); do
  loads+=("$(cut -d ' ' -f 1 /proc/loadavg)")
  for c in c80 c1000; do
    for v in old new; do
      read -r w ms < <(sample java $flags -XX:CICompilerCount=1 -XX:SharedArchiveFile="$work/$v.jsa" -cp "$work/$v.jar" $main lint --fail-on never "$work/$c")
      wall[$v$c]="${wall[$v$c]:-} $w"
      cpu[$v$c]="${cpu[$v$c]:-} $ms"
      if [ -n "$jdk25" ]; then
        read -r w ms < <(sample "$jdk25/bin/java" ${flags/-Xshare:auto/} '-Xlog:aot*=off' '-Xlog:cds*=off' -XX:AOTCache="$work/$v.aot" -cp "$work/$v.jar" $main lint --fail-on never "$work/$c")
        wall[25$v$c]="${wall[25$v$c]:-} $w"
        cpu[25$v$c]="${cpu[25$v$c]:-} $ms"
      fi
    done
    if [ -n "$squawk" ]; then
      read -r w ms < <(sample bash -c '"$0" --reporter gcc "$1"/*.sql' "$squawk" "$work/$c")
      wall[sq$c]="${wall[sq$c]:-} $w"
      cpu[sq$c]="${cpu[sq$c]:-} $ms"
    fi
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, load average during the runs: ${loads[*]}; runs: $runs"
printf '| %-22s | %10s | %10s | %10s | %10s | %9s | %9s |\n' corpus "old wall" "new wall" "old CPU" "new CPU" "wall n/o" "CPU n/o"
for c in c80 c1000; do
  for j in "" 25; do
    [ -z "$j" ] || [ -n "$jdk25" ] || continue
    ow=$(echo "${wall[${j}old$c]}" | median); nw=$(echo "${wall[${j}new$c]}" | median)
    oc=$(echo "${cpu[${j}old$c]}" | median); nc=$(echo "${cpu[${j}new$c]}" | median)
    printf '| %-22s | %7s ms | %7s ms | %7s ms | %7s ms | %9s | %9s |\n' "$c $([ -n "$j" ] && echo "JDK 25 AOT" || echo "JDK 17 AppCDS")" "$ow" "$nw" "$oc" "$nc" \
      "$(awk -v a="$nw" -v b="$ow" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v a="$nc" -v b="$oc" 'BEGIN {printf "%.2f", a / b}')"
  done
  if [ -n "$squawk" ]; then
    sw=$(echo "${wall[sq$c]}" | median)
    echo "squawk npm $c: $sw ms wall, $(echo "${cpu[sq$c]}" | median) ms CPU; old/squawk $(awk -v a="$(echo "${wall[old$c]}" | median)" -v b="$sw" 'BEGIN {printf "%.2f", a / b}')x, new/squawk $(awk -v a="$(echo "${wall[new$c]}" | median)" -v b="$sw" 'BEGIN {printf "%.2f", a / b}')x (JDK 17)$([ -n "$jdk25" ] && echo ", JDK 25: old $(awk -v a="$(echo "${wall[25old$c]}" | median)" -v b="$sw" 'BEGIN {printf "%.2f", a / b}')x, new $(awk -v a="$(echo "${wall[25new$c]}" | median)" -v b="$sw" 'BEGIN {printf "%.2f", a / b}')x")"
  fi
done
