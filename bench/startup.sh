#!/usr/bin/env bash
# Measures formation's start-up: `bin/formation --version` and `bin/formation sizes`, N runs each
# (default 20), with and without the class-data-sharing (CDS) archive, and plain `java -jar`
# with JVM defaults for comparison. The variants take turns run by run, so a change in machine
# load hits them alike. Prints min / median / p90 of wall-clock ms and the median CPU ms
# (user + sys) as a Markdown table.
#
# Usage: bench/startup.sh [N]
set -euo pipefail

runs="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
launcher="$root/bin/formation"
jar="$root/target/formation.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Build the jar and make the archive (from a `sizes` run) outside the measurement.
rm -f "$root/target/formation.jsa" "$root/target/formation.jsa.failed"
"$launcher" sizes >/dev/null
"$launcher" --version >/dev/null

labels=("bin/formation (CDS archive)" "FORMATION_CDS=off bin/formation" "java -jar (JVM defaults)")
variant() { # variant INDEX ARGS...
  local i="$1"
  shift
  case "$i" in
    0) "$launcher" "$@" ;;
    1) FORMATION_CDS=off "$launcher" "$@" ;;
    2) "$java" -jar "$jar" "$@" ;;
  esac
}

# Prints "min median p90" of the numbers on stdin.
stats() {
  sort -n | awk '
    { t[NR] = $1 }
    END {
      p90 = int(NR * 0.9); if (p90 < NR * 0.9) p90++
      printf "%d %d %d\n", t[1], t[int((NR + 1) / 2)], t[p90]
    }'
}

echo "runs per row: $runs; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| command | how | min ms | median ms | p90 ms | median CPU ms |'
echo '|---|---|---:|---:|---:|---:|'
TIMEFORMAT='%3R %3U %3S'
for args in "--version" "sizes"; do
  declare -A wall=() cpu=()
  for ((n = 0; n <= runs; n++)); do
    for i in 0 1 2; do
      # shellcheck disable=SC2086 # args is one word here, split on purpose
      t=$({ time variant "$i" $args >/dev/null 2>&1; } 2>&1)
      ((n == 0)) && continue # the first round only warms the file cache
      read -r real user sys <<<"$t"
      wall[$i]+="$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }') "
      cpu[$i]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
    done
  done
  for i in 0 1 2; do
    read -r min med p90 < <(tr ' ' '\n' <<<"${wall[$i]}" | grep . | stats)
    read -r _ cpumed _ < <(tr ' ' '\n' <<<"${cpu[$i]}" | grep . | stats)
    printf '| `formation %s` | %s | %d | %d | %d | %d |\n' "$args" "${labels[$i]}" \
      "$min" "$med" "$p90" "$cpumed"
  done
  unset wall cpu
done
