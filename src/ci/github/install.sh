#!/usr/bin/env bash
# formation's GitHub Action, step "install": on a cache miss, builds the release archive of the
# action's own sources once (formation-VERSION.tar.gz, the plain one: setup-java gave the runner a
# Java) and unpacks it where the cache keeps it. Environment: FORMATION_SOURCES (the action's
# folder), FORMATION_VERSION and FORMATION_DIR (from version.sh).
set -euo pipefail

sources=${FORMATION_SOURCES:?}
version=${FORMATION_VERSION:?}
dir=${FORMATION_DIR:?}
archive="$sources/target/formation-$version.tar.gz"

if [ ! -f "$archive" ]; then
  # no tests (they ran where the version was made), no jlink runtime (not needed beside a Java)
  (cd "$sources" && mvn -B -q package -Dmaven.test.skip=true -P '!linux-x64')
fi
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
tar xzf "$archive" -C "$(dirname "$dir")"
if [ ! -x "$dir/bin/formation" ]; then
  echo "formation: $archive did not unpack into $dir" >&2
  exit 1
fi
