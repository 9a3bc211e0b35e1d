#!/bin/sh
# A queue worker: takes one job at a time off the Redis list queue:default (blocking up to a
# second when it is empty), "works" on it for WORK_SECONDS, and says so. Needs redis-cli
# (Debian: redis-tools, which redis-server pulls in). Stops on SIGTERM, as a dyno should.
trap 'exit 0' TERM INT
queue=${QUEUE:-queue:default}
while :; do
  job=$(redis-cli -u "$REDIS_URL" --no-auth-warning BLPOP "$queue" 1 2>/dev/null | sed -n 2p)
  if [ -n "$job" ]; then
    sleep "${WORK_SECONDS:-0.05}"
    echo "$DYNO did job $job"
  fi
done
