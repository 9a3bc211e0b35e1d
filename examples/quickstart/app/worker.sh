#!/bin/sh
# A background worker: logs a line every few seconds until it is told to stop.
dyno="${DYNO:-worker}"
sleeper=""
trap 'echo "$dyno stopping"; [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; exit 0' TERM INT
echo "$dyno started"
while true; do
  echo "$dyno working at $(date -u +%H:%M:%S)"
  # sleep in the background so the trap runs as soon as SIGTERM arrives
  sleep 5 &
  sleeper=$!
  wait "$sleeper"
done
