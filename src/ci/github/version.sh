#!/usr/bin/env bash
# formation's GitHub Action, step "version": which formation the action's sources make, the cache
# key for its build and the folder it is unpacked into. Writes version=, key= and dir= to
# $GITHUB_OUTPUT. A release version is built once and kept; a -SNAPSHOT (a branch of the sources)
# also keys on a digest of the sources, so a new commit is built again.
# Environment: FORMATION_SOURCES (the action's folder), FORMATION_JAVA (the java-version input).
set -euo pipefail

sources=${FORMATION_SOURCES:?}
# the project's own <version>: the first one indented by two spaces, a child of <project>
version=$(sed -n 's|^  <version>\([^<]*\)</version>.*|\1|p' "$sources/pom.xml" | head -n 1)
if [ -z "$version" ]; then
  echo "formation: no project <version> in $sources/pom.xml" >&2
  exit 1
fi

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi
}

key="formation-$version-${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}-java${FORMATION_JAVA:-17}"
case "$version" in
  *-SNAPSHOT)
    digest=$(cd "$sources" && find pom.xml bin src/main src/release -type f | LC_ALL=C sort |
      while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done | sha256 | cut -c1-16)
    key="$key-$digest"
    ;;
esac
base=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/formation

{
  echo "version=$version"
  echo "key=$key"
  echo "dir=$base/formation-$version"
} >> "${GITHUB_OUTPUT:-/dev/stdout}"
