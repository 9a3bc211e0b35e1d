#!/usr/bin/env bash
# Benchmark: the local platform's router against the quickstart's web dyno, side by side with
# requests to the dyno's own port. Starts a local platform daemon of its own (a temporary
# FORMATION_HOME, the daemon's real JVM flags), applies a copy of examples/quickstart with one web
# dyno, runs dev.formation.bench.RouterBenchmark (Netty's HTTP client, loopback only), then prints
# the daemon's resident memory and stops everything. Not run by CI.
#
# Usage: bench/router.sh [REQUESTS_PER_RUN=10000] [SEQUENTIAL=2000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
mvn -B -q -DskipTests package test-compile
cp="$(mktemp)"
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/formation-router-bench.XXXXXX")"
export FORMATION_HOME="$work/home"
cleanup() {
  "$root/bin/formation" local stop >/dev/null 2>&1 || true
  rm -rf "$work" "$cp"
}
trap cleanup EXIT

cp -r "$root/examples/quickstart/app" "$work/app"
router_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$work/formation.yaml" <<YAML
version: 1
apps:
  bench:
    platform: local
    local: {dir: ./app, port: $router_port}
    processes:
      web: {size: standard-1x, quantity: 1}
      worker: {size: standard-1x, quantity: 0}
YAML
"$root/bin/formation" apply --auto-approve -f "$work/formation.yaml" >/dev/null
status() { "$root/bin/formation" local status --format json; }
for _ in $(seq 1 100); do
  if status | grep -q '"state" : "up"'; then break; fi
  sleep 0.3
done
dyno_port="$(status | python3 -c 'import json,sys; a=json.load(sys.stdin)["apps"][0]; print([d for d in a["dynos"] if d["name"]=="web.1"][0]["port"])')"
daemon_pid="$(status | python3 -c 'import json,sys; print(json.load(sys.stdin)["pid"])')"

echo "$(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "direct: http://127.0.0.1:$dyno_port/ (the web dyno); router: http://127.0.0.1:$router_port/"
echo
dyno_leader="$(status | python3 -c 'import json,sys; a=json.load(sys.stdin)["apps"][0]; print([d for d in a["dynos"] if d["name"]=="web.1"][0]["pid"])')"
# the dyno's `sh -c` leader runs `java Web.java` as its child: that is the one doing the work
dyno_pid="$(ps -o pid= --ppid "$dyno_leader" | head -1 | tr -d ' ')"
java -Dbench.pids="daemon:$daemon_pid,dyno:${dyno_pid:-$dyno_leader}" \
  -cp "target/test-classes:target/classes:$(cat "$cp")" dev.formation.bench.RouterBenchmark \
  "http://127.0.0.1:$dyno_port/" "http://127.0.0.1:$router_port/" "${1:-10000}" "${2:-2000}"
echo
echo "daemon (pid $daemon_pid): $(grep -E 'VmRSS|VmHWM' "/proc/$daemon_pid/status" | tr -s ' \t' ' ' | paste -sd ';')"
