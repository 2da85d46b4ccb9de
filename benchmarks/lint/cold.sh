#!/usr/bin/env bash
# Cold command-line calls, side by side in one run: bin/zdm of the distribution vs squawk-cli 2.66 (its native binary
# and the npm wrapper users call), on the lint benchmark's generated corpus at 80 and 1,000 files, plus the JVM
# start-up floor (an empty main). Runs are interleaved; medians of RUNS (default 7). With a JDK 25+ (JDK25=<home>,
# else the first one in /usr/lib/jvm) also bin/zdm on it, with its AOT cache. Usage: cold.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-7}
root=$PWD
mvn -B -q install -DskipTests -pl flyway-zdm-cli -am
mvn -B -q -pl flyway-zdm-lint dependency:build-classpath -Dmdep.outputFile=target/bench.cp
(cd benchmarks/lint && { [ -x node_modules/.bin/squawk ] || npm install --no-audit --no-fund --silent squawk-cli@2.66.0; })
squawk_npm=$root/benchmarks/lint/node_modules/.bin/squawk
squawk_native=$(find "$root/benchmarks/lint/node_modules/@squawk-cli" -path '*/bin/squawk' -type f | head -n 1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf flyway-zdm-cli/target/flyway-zdm-cli-*-dist.tar.gz -C "$work"
zdm=$(ls "$work"/zdm-*/bin/zdm)
jar=$(ls "$work"/zdm-*/lib/flyway-zdm-cli.jar)
cp="flyway-zdm-lint/target/test-classes:flyway-zdm-lint/target/classes:$(cat flyway-zdm-lint/target/bench.cp)"
java -cp "$cp" io.github.flywayzdm.lint.bench.LintBenchmark --write "$work/c80" 40 >/dev/null
java -cp "$cp" io.github.flywayzdm.lint.bench.LintBenchmark --write "$work/c1000" 500 >/dev/null
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) { } }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
export ZDM_CACHE_DIR=$work/cache
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"

# one sample: wall ms, peak RSS in MB and CPU ms (user + system) of a command (its output discarded)
sample() {
  local t0 t1 rss u s
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  read -r rss u s < <(tail -n 1 "$work/rss")
  echo "$(( (t1 - t0) / 1000000 )) $(( rss / 1024 )) $(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}')"
}

first=$(sample "$zdm" lint --fail-on never "$work/c80")
first=${first%% *}
archive=$(ls "$ZDM_CACHE_DIR"/*.jsa)

# a JDK 25+ for the launcher's AOT-cache path, if there is one
. benchmarks/lint/jdk25.sh  # the scripts run from the repository root
if [ -n "$jdk25" ]; then
  first25=$(sample env JAVA_HOME="$jdk25" "$zdm" lint --fail-on never "$work/c80")
  first25=${first25%% *}
  aot=$(ls "$ZDM_CACHE_DIR"/*.aot)
fi

declare -A wall mem cpu
names=()
add() { # name, command...
  local name=$1 w m ms
  shift
  [[ " ${names[*]} " == *" $name "* ]] || names+=("$name")
  read -r w m ms < <(sample "$@")
  wall[$name]="${wall[$name]:-} $w"
  cpu[$name]="${cpu[$name]:-} $ms"
  mem[$name]=$m
}
for ((i = 0; i < runs; i++)); do
  for c in c80 c1000; do
    add "zdm lint $c" "$zdm" lint --fail-on never "$work/$c"
    add "zdm lint $c (ZDM_CDS=off)" env ZDM_CDS=off "$zdm" lint --fail-on never "$work/$c"
    add "java -jar lint $c" java -jar "$jar" lint --fail-on never "$work/$c"
    if [ -n "$jdk25" ]; then
      add "zdm lint $c (JDK 25, AOT cache)" env JAVA_HOME="$jdk25" "$zdm" lint --fail-on never "$work/$c"
      add "zdm lint $c (JDK 25, ZDM_CDS=off)" env JAVA_HOME="$jdk25" ZDM_CDS=off "$zdm" lint --fail-on never "$work/$c"
    fi
    add "squawk native $c" "$squawk_native" --reporter gcc "$work/$c"/*.sql
    add "squawk npm $c" "$squawk_npm" --reporter gcc "$work/$c"/*.sql
  done
  add "zdm --version" "$zdm" --version
  add "empty main, default JVM" java -cp "$work/empty" Empty
  add "empty main, launcher flags" java $flags -cp "$work/empty" Empty
  if [ -n "$jdk25" ]; then
    add "zdm --version (JDK 25)" env JAVA_HOME="$jdk25" "$zdm" --version
    add "empty main, JDK 25 launcher flags" "$jdk25/bin/java" $flags -cp "$work/empty" Empty
  fi
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1); runs: $runs"
echo "first zdm call (writes the class-data archive, $(( $(stat -c %s "$archive") / 1048576 )) MB): $first ms"
if [ -n "$jdk25" ]; then
  echo "JDK 25: $("$jdk25/bin/java" -version 2>&1 | head -n 1); first zdm call (writes the AOT cache, $(( $(stat -c %s "$aot") / 1048576 )) MB): $first25 ms"
fi
printf '| %-40s | %12s | %12s | %8s |\n' "command" "median wall" "median CPU" "peak RSS"
printf '|%s|%s|%s|%s|\n' "------------------------------------------" "--------------" "--------------" "----------"
for n in "${names[@]}"; do
  printf '| %-40s | %9s ms | %9s ms | %5s MB |\n' "$n" "$(echo "${wall[$n]}" | median)" "$(echo "${cpu[$n]}" | median)" "${mem[$n]}"
done
for c in c80 c1000; do
  z=$(echo "${wall[zdm lint $c]}" | median)
  s=$(echo "${wall[squawk native $c]}" | median)
  n=$(echo "${wall[squawk npm $c]}" | median)
  echo "ratio zdm / squawk on $c: $(awk -v a="$z" -v b="$s" 'BEGIN {printf "%.2f", a / b}')x the native binary, $(awk -v a="$z" -v b="$n" 'BEGIN {printf "%.2f", a / b}')x the npm command"
  if [ -n "$jdk25" ]; then
    z=$(echo "${wall[zdm lint $c (JDK 25, AOT cache)]}" | median)
    echo "ratio zdm on JDK 25 / squawk on $c: $(awk -v a="$z" -v b="$s" 'BEGIN {printf "%.2f", a / b}')x the native binary, $(awk -v a="$z" -v b="$n" 'BEGIN {printf "%.2f", a / b}')x the npm command"
  fi
done

# what a call loads and compiles: classes (from the archive or not), JIT time
count() { # label, java flags...
  local label=$1
  shift
  java "$@" -Xlog:class+load=info:file="$work/classes.log" -XX:+CITime -cp "$jar" io.github.flywayzdm.cli.Zdm lint --fail-on never "$work/c80" > "$work/ci.txt" 2>&1 || true
  echo "$label: $(wc -l < "$work/classes.log") classes loaded, $(grep -c 'shared objects file' "$work/classes.log") of them from CDS archives;" \
    "$(grep -m 1 -E 'C1 {Speed|Tier1|C1 Compile Time' "$work/ci.txt" | sed 's/^ *//') $(grep -m 1 'Total compilation time' "$work/ci.txt" | sed 's/^ *//')"
}
count "lint c80, default JVM flags" -Xshare:auto
count "lint c80, launcher flags + archive" $flags -XX:CICompilerCount=1 -XX:SharedArchiveFile="$archive"
if [ -n "$jdk25" ]; then
  PATH=$jdk25/bin:$PATH count "lint c80, JDK 25, launcher flags + AOT cache" ${flags/-Xshare:auto/} -XX:AOTCache="$aot"
fi
java -Xlog:class+load=info:file="$work/classes.log" -cp "$jar" io.github.flywayzdm.cli.Zdm --version >/dev/null
echo "--version: $(wc -l < "$work/classes.log") classes loaded"
