#!/usr/bin/env bash
# Benchmark: the local platform's router against the quickstart's web dyno, side by side with
# requests to the dyno's own port. Starts a local platform daemon of its own (a temporary
# FORMATION_HOME, the daemon's real JVM flags), applies a copy of examples/quickstart with one web
# dyno, runs dev.formation.bench.RouterBenchmark (Netty's HTTP client, loopback only), then prints
# the daemon's resident memory and stops everything. Not run by CI.
#
# With haproxy or nginx on the PATH (Debian: apt-get install haproxy nginx-light), the same load
# then runs through each of them in front of the same dyno, configured as a router would be
# (keep-alive to clients and to the dyno, X-Forwarded-For), as a reference for what a proxy costs
# on this machine; ROUTER_REFERENCES=0 skips them.
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
  for f in "$work/haproxy.pid" "$work/nginx/nginx.pid"; do
    [[ -s "$f" ]] && kill "$(cat "$f")" 2>/dev/null || true
  done
  "$root/bin/formation" local stop >/dev/null 2>&1 || true
  rm -rf "$work" "$cp"
}
trap cleanup EXIT

cp -r "$root/examples/quickstart/app" "$work/app"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
router_port="$(free_port)"
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

bench() { # NAME URL PID
  java -Dbench.routed.name="$1" -Dbench.pids="$1:$3,dyno:${dyno_pid:-$dyno_leader}" \
    -cp "target/test-classes:target/classes:$(cat "$cp")" dev.formation.bench.RouterBenchmark \
    "http://127.0.0.1:$dyno_port/" "$2" "${ARGS[@]}"
}
ARGS=("${1:-10000}" "${2:-2000}")

if [[ "${ROUTER_REFERENCES:-1}" != 0 ]] && command -v haproxy >/dev/null; then
  hp="$(free_port)"
  cat >"$work/haproxy.cfg" <<CFG
global
  maxconn 8192
  pidfile $work/haproxy.pid
  daemon
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  option forwardfor
  http-reuse always
frontend router
  bind 127.0.0.1:$hp
  default_backend dyno
backend dyno
  server web1 127.0.0.1:$dyno_port maxconn 1000
CFG
  haproxy -f "$work/haproxy.cfg"
  sleep 0.5
  echo
  echo "Reference: $(haproxy -v | head -1 | cut -d' ' -f1-3) in front of the same dyno"
  echo
  bench haproxy "http://127.0.0.1:$hp/" "$(cat "$work/haproxy.pid")"
fi

if [[ "${ROUTER_REFERENCES:-1}" != 0 ]] && command -v nginx >/dev/null; then
  np="$(free_port)"
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CFG
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  upstream dyno { server 127.0.0.1:$dyno_port; keepalive 512; }
  server {
    listen 127.0.0.1:$np backlog=4096;
    location / {
      proxy_pass http://dyno;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CFG
  nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf"
  sleep 0.5
  echo
  echo "Reference: $(nginx -v 2>&1 | sed 's/^nginx version: //') (one worker) in front of the same dyno"
  echo
  # the worker, not the master, does the work
  bench nginx "http://127.0.0.1:$np/" "$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -1)"
fi
