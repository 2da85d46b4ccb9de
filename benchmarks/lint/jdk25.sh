# Sourced by the cold-call benchmarks: sets jdk25 to $JDK25, else to the first JDK 25+ under /usr/lib/jvm, else "".
jdk25=${JDK25:-}
if [ -z "$jdk25" ]; then
  for h in /usr/lib/jvm/*; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$h/release" 2>/dev/null || true)
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "$h/bin/java" ]; then jdk25=$h; break; fi
  done
fi
