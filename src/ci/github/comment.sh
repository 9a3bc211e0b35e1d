#!/usr/bin/env bash
# formation's one comment on a pull request: finds the comment that carries the hidden marker and
# updates it, or posts it when there is none yet, so a pull request never gets a second one.
#
#   comment.sh BODY_FILE PULL_REQUEST_NUMBER
#
# Environment: FORMATION_GITHUB_TOKEN (a token that may write pull-request comments),
# GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com),
# FORMATION_MARKER (default <!-- formation:plan -->), and FORMATION_HEAD_SHA: when set, the pull
# request's head must be that commit (the workflow_run pattern, where the number comes from an
# artifact of the untrusted run). Needs curl and jq. The token is never printed and never sent to
# any address but the API's.
set -euo pipefail

body_file=${1:?usage: comment.sh BODY_FILE PULL_REQUEST_NUMBER}
pr=${2:?usage: comment.sh BODY_FILE PULL_REQUEST_NUMBER}
api=${GITHUB_API_URL:-https://api.github.com}
api=${api%/}
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}
marker=${FORMATION_MARKER:-<!-- formation:plan -->}
# GitHub refuses a comment body over 65536 characters
limit=65000

fail() {
  echo "formation: $*" >&2
  exit 1
}
[[ $pr =~ ^[1-9][0-9]{0,9}$ ]] || fail "not a pull request number: '$pr'"
[ -n "${FORMATION_GITHUB_TOKEN:-}" ] || fail "no GitHub token (the action's github-token input)"
[ -r "$body_file" ] || fail "cannot read $body_file"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# request METHOD URL [JSON_FILE]: the answer's body in $work/body, its headers in $work/headers;
# fails unless the status is 2xx. The token goes to curl on its standard input, not its arguments.
request() {
  local method=$1 url=$2 data=${3:-}
  local args=(--silent --show-error --request "$method" --header @-
    --header "Accept: application/vnd.github+json"
    --header "X-GitHub-Api-Version: 2022-11-28"
    --dump-header "$work/headers" --output "$work/body" --write-out '%{http_code}')
  if [ -n "$data" ]; then
    args+=(--header "Content-Type: application/json" --data-binary "@$data")
  fi
  local status
  status=$(printf 'Authorization: Bearer %s\n' "$FORMATION_GITHUB_TOKEN" | curl "${args[@]}" "$url") ||
    fail "$method $url: no answer"
  if [[ $status != 2* ]]; then
    local message
    message=$(jq -r '.message? // empty' "$work/body" 2>/dev/null || true)
    fail "GitHub answered HTTP $status to $method $url${message:+: $message}"
  fi
}

if [ -n "${FORMATION_HEAD_SHA:-}" ]; then
  request GET "$api/repos/$repo/pulls/$pr"
  head=$(jq -r '.head.sha // empty' "$work/body")
  [ "$head" = "$FORMATION_HEAD_SHA" ] ||
    fail "pull request #$pr is at ${head:-no commit}, not $FORMATION_HEAD_SHA: not commenting"
fi

# every page of the pull request's comments, following the Link header's rel="next" while it
# stays on the API's own address
found=""
url="$api/repos/$repo/issues/$pr/comments?per_page=100"
while [ -n "$url" ] && [ -z "$found" ]; do
  request GET "$url"
  found=$(jq -r --arg m "$marker" \
    '[.[] | select((.body // "") | contains($m))][0].id // empty' "$work/body")
  url=$(tr -d '\r' < "$work/headers" | sed -n 's/^[Ll]ink:.*<\([^>]*\)>; *rel="next".*/\1/p' | head -n 1)
  case "$url" in
    "$api"/*) ;;
    "") ;;
    *) fail "the next page is not on $api: $url" ;;
  esac
done

jq -Rs --arg m "$marker" --argjson limit "$limit" '
  if length > $limit
  then {body: ($m + "\n" + .[0:$limit] + "\n\n… (cut: GitHub takes 65536 characters; the whole report is in the job summary)")}
  else {body: ($m + "\n" + .)} end' "$body_file" > "$work/request.json"

if [ -n "$found" ]; then
  request PATCH "$api/repos/$repo/issues/comments/$found" "$work/request.json"
  echo "formation: updated comment $found on pull request #$pr"
else
  request POST "$api/repos/$repo/issues/$pr/comments" "$work/request.json"
  echo "formation: posted comment $(jq -r '.id' "$work/body") on pull request #$pr"
fi
