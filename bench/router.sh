#!/usr/bin/env bash
# Benchmark: the local platform's router against the quickstart's web dyno, side by side with
# requests to the dyno's own port. Starts a local platform daemon of its own (a temporary
# FORMATION_HOME, the daemon's real JVM flags), applies a copy of examples/quickstart with one web
# dyno, runs dev.formation.bench.RouterBenchmark (Netty's HTTP client, loopback only), then prints
# the daemon's resident memory and stops everything. Not run by CI.
#
# With haproxy or nginx on the PATH (Debian: apt-get install haproxy nginx-light), the same load
# runs through each of them too, in front of the same dyno, configured as a router would be
# (keep-alive to clients and to the dyno, X-Forwarded-For) and with as many threads as the
# daemon's engine: every scenario runs on direct, the router and each reference back to back, in
# ROUTER_ROUNDS rounds (3), and the report sets the router against each reference round by round.
# ROUTER_REFERENCES=0 skips them.
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

# the daemon's engine runs a thread per core, at most 4 (Engine): each reference gets as many
# threads (HAProxy) or workers (nginx), so that none has more of the machine than the router
threads="$(nproc)"
if ((threads > 4)); then threads=4; fi
refs=()
ref_pids=()
if [[ "${ROUTER_REFERENCES:-1}" != 0 ]] && command -v haproxy >/dev/null; then
  hp="$(free_port)"
  cat >"$work/haproxy.cfg" <<CFG
global
  maxconn 8192
  nbthread $threads
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
  refs+=("haproxy=http://127.0.0.1:$hp/")
  ref_pids+=("haproxy:$(cat "$work/haproxy.pid")")
  echo "Reference: $(haproxy -v | head -1 | cut -d' ' -f1-3), nbthread $threads"
fi

if [[ "${ROUTER_REFERENCES:-1}" != 0 ]] && command -v nginx >/dev/null; then
  np="$(free_port)"
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CFG
worker_processes $threads;
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
  refs+=("nginx=http://127.0.0.1:$np/")
  # the first worker, not the master (with more workers, the CPU column is that worker's only)
  ref_pids+=("nginx:$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -1)")
  echo "Reference: $(nginx -v 2>&1 | sed 's/^nginx version: //'), $threads worker(s)"
fi

echo "$(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "router: $(grep -o 'HTTP engine on [a-z_]*' "$FORMATION_HOME/local/daemon.log" | tail -1), $threads threads"
echo "direct: http://127.0.0.1:$dyno_port/ (the web dyno); router: http://127.0.0.1:$router_port/"
echo
dyno_leader="$(status | python3 -c 'import json,sys; a=json.load(sys.stdin)["apps"][0]; print([d for d in a["dynos"] if d["name"]=="web.1"][0]["pid"])')"
# the dyno's `sh -c` leader runs `java Web.java` as its child: that is the one doing the work
dyno_pid="$(ps -o pid= --ppid "$dyno_leader" | head -1 | tr -d ' ')"
pids="router:$daemon_pid,dyno:${dyno_pid:-$dyno_leader}"
for p in "${ref_pids[@]}"; do pids="$pids,$p"; done
java -Dbench.pids="$pids" -Dbench.rounds="${ROUTER_ROUNDS:-3}" \
  -cp "target/test-classes:target/classes:$(cat "$cp")" dev.formation.bench.RouterBenchmark \
  "http://127.0.0.1:$dyno_port/" "http://127.0.0.1:$router_port/" "${1:-10000}" "${2:-2000}" \
  "${refs[@]}"
echo
echo "daemon (pid $daemon_pid): $(grep -E 'VmRSS|VmHWM' "/proc/$daemon_pid/status" | tr -s ' \t' ' ' | paste -sd ';')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
