#!/usr/bin/env bash
# The engine spike behind docs/local-platform.md: the quickstart's web process (one dyno, run
# by hand on a free port) behind the same kind of reverse proxy on three engines, each in a JVM
# of its own with the daemon's flags: formation's Netty router, Jetty 12's ProxyHandler.Reverse
# and Undertow's ProxyHandler. dev.formation.bench.RouterBenchmark measures direct vs each proxy
# in turn; then each proxy's resident memory is printed. Loopback only; not run by CI.
#
# Usage: bench/engine-spike.sh [REQUESTS_PER_RUN=10000] [SEQUENTIAL=2000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
mvn -B -q -DskipTests package test-compile
mvn -B -q -f bench/engine-spike/pom.xml package
cp="$(mktemp)"
spike_cp="$(mktemp)"
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
mvn -B -q -f bench/engine-spike/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$spike_cp" >/dev/null
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -f "$cp" "$spike_cp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
# the local platform daemon's JVM flags (DaemonLauncher.DAEMON_JVM)
jvm=(-Xmx96m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=96m
  -XX:ReservedCodeCacheSize=64m)

dyno="$(free_port)"
(cd examples/quickstart/app && PORT="$dyno" DYNO=web.1 exec java Web.java >/dev/null) &
pids+=($!)
wait_port "$dyno"

declare -A proxy_port proxy_pid
for engine in netty jetty undertow; do
  port="$(free_port)"
  if [[ "$engine" == netty ]]; then
    java "${jvm[@]}" -cp "target/test-classes:target/classes:$(cat "$cp")" \
      dev.formation.platform.local.daemon.router.RouterAlone "$port" "$dyno" >/dev/null &
  else
    java "${jvm[@]}" -cp "bench/engine-spike/target/engine-spike-1.jar:$(cat "$spike_cp")" \
      spike.Proxies "$engine" "$port" "$dyno" >/dev/null 2>&1 &
  fi
  pids+=($!)
  proxy_port[$engine]="$port"
  proxy_pid[$engine]=$!
  wait_port "$port"
done

echo "$(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
for engine in netty jetty undertow; do
  echo
  echo "### $engine"
  echo
  java -Dbench.routed.name="$engine" -Dbench.pids="$engine:${proxy_pid[$engine]}" \
    -cp "target/test-classes:target/classes:$(cat "$cp")" dev.formation.bench.RouterBenchmark \
    "http://127.0.0.1:$dyno/" "http://127.0.0.1:${proxy_port[$engine]}/" "${1:-10000}" "${2:-2000}"
  echo
  echo "$engine proxy: $(grep -E 'VmRSS|VmHWM' "/proc/${proxy_pid[$engine]}/status" | tr -s ' \t' ' ' | paste -sd ';')"
done
