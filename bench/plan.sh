#!/usr/bin/env bash
# Benchmark: `formation plan` of 500 apps (one in three autoscaled) through bin/formation against
# the in-process fake Heroku API with 25 ms latency on every request. Prints wall time, requests
# per app and the CLI's peak resident memory per run. Not run by CI.
#
# Usage: bench/plan.sh [APPS] [LATENCY_MS] [RUNS] [PARALLELISM]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
mvn -B -q -DskipTests package test-compile
cp="$(mktemp)"
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
"$root/bin/formation" --version >/dev/null # make the CDS archive outside the measurement
java -cp "target/test-classes:target/classes:$(cat "$cp")" dev.formation.bench.PlanBenchmark \
  "$root/bin/formation" "${1:-500}" "${2:-25}" "${3:-3}" ${4:+"$4"}
rm -f "$cp"
