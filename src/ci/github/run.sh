#!/usr/bin/env bash
# formation's GitHub Action, step "run": runs `formation COMMAND`, in the step's working folder.
#
# plan and drift write markdown (unless the command names another --format) to
# $RUNNER_TEMP/formation-COMMAND.md, shown in the log and the job summary; plan gets
# --detailed-exitcode. Exit 2 (changes, unexpected drift) sets changes=true and does not fail the
# step; any other non-zero exit does. On a pull request where the platform's secret is empty (a
# pull request from a fork gets no secrets) `plan` runs `plan --offline` instead, and says so. With
# FORMATION_COMMENT=true on a pull request, the markdown (after `diff FORMATION_DIFF_BASE HEAD`,
# when given) goes into the pull request's one formation comment (comment.sh); a pull request from
# a fork gets a read-only token on the pull_request event, so there the comment is left in
# $RUNNER_TEMP/formation-review for a workflow_run workflow to post (docs/ci.md).
#
# Environment: FORMATION_COMMAND, FORMATION_COMMENT, FORMATION_DIFF_BASE, FORMATION_SECRET (the
# name of the variable with the platform's secret; empty: never offline), FORMATION_GITHUB_TOKEN,
# and GitHub's GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
outputs=${GITHUB_OUTPUT:-/dev/null}
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
fail() {
  echo "formation: $*" >&2
  echo "exit-code=1" >> "$outputs"
  exit 1
}

# the command's words, split as a shell splits quoted words, without expanding anything
[ -n "${FORMATION_COMMAND//[[:space:]]/}" ] || fail "the command input is empty"
split=$(mktemp)
trap 'rm -f "$split"' EXIT
printf '%s' "$FORMATION_COMMAND" | xargs printf '%s\0' > "$split" ||
  fail "cannot split the command input (an unmatched quote?): $FORMATION_COMMAND"
words=()
while IFS= read -r -d '' w; do words+=("$w"); done < "$split"
sub=${words[0]}

has() { # has OPTION: the command names OPTION, alone or as OPTION=VALUE
  local w
  for w in "${words[@]:1}"; do [[ $w == "$1" || $w == "$1="* ]] && return 0; done
  return 1
}

pull_request=false
fork=false
case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target)
    pull_request=true
    if [ -r "${GITHUB_EVENT_PATH:-}" ] && [ "$(jq -r '(.pull_request.head.repo.full_name // "") !=
        .pull_request.base.repo.full_name' "$GITHUB_EVENT_PATH")" = true ]; then
      fork=true
    fi
    ;;
esac

note=""
secret=${FORMATION_SECRET:-}
if [ "$sub" = plan ] && $pull_request && [ -n "$secret" ] && ! has --offline; then
  [[ $secret =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail "not a variable name: secret=$secret"
  if [ -z "${!secret:-}" ]; then
    if $fork; then
      note="no credentials for pull requests from forks: offline plan against the last apply recorded in git"
    else
      note="no credentials ($secret is empty): offline plan against the last apply recorded in git"
    fi
    words=(plan --offline "${words[@]:1}")
    # the offline plan reads the apply records: fetch them when the checkout did not
    if ! git rev-parse -q --verify refs/notes/formation >/dev/null 2>&1; then
      git fetch -q origin 'refs/notes/formation:refs/notes/formation' 2>/dev/null ||
        echo "::warning::formation: no apply records (refs/notes/formation) to fetch: every app counts as new"
    fi
    echo "::notice::formation: $note"
  fi
fi

markdown=""
case "$sub" in
  plan | drift)
    if ! has --format; then
      words+=(--format markdown)
      markdown="$temp/formation-$sub.md"
    elif [[ " ${words[*]} " == *" --format markdown "* || " ${words[*]} " == *" --format=markdown "* ]]; then
      markdown="$temp/formation-$sub.md"
    fi
    if [ "$sub" = plan ] && ! has --detailed-exitcode; then words+=(--detailed-exitcode); fi
    ;;
esac

if [ -n "$markdown" ]; then
  formation "${words[@]}" > "$markdown"
  status=$?
  cat "$markdown"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    { [ -z "$note" ] || printf '> %s\n\n' "$note"; cat "$markdown"; } >> "$GITHUB_STEP_SUMMARY"
  fi
else
  formation "${words[@]}"
  status=$?
fi
changes=false
if [ "$status" = 2 ] && { [ "$sub" = plan ] || [ "$sub" = drift ]; }; then changes=true; fi
{
  echo "exit-code=$status"
  echo "changes=$changes"
  echo "markdown=$markdown"
} >> "$outputs"

commented=0
if [ "${FORMATION_COMMENT:-false}" = true ]; then
  if ! $pull_request; then
    echo "::notice::formation: comment: true comments on pull requests only; this is a ${GITHUB_EVENT_NAME:-local} run"
  elif [ -z "$markdown" ]; then
    echo "::warning::formation: comment: true needs plan or drift with markdown output; not commenting"
  else
    review="$temp/formation-review"
    rm -rf "$review" && mkdir -p "$review"
    {
      [ -z "$note" ] || printf '> %s\n\n' "$note"
      if [ -n "${FORMATION_DIFF_BASE:-}" ]; then
        files=()
        for ((i = 1; i < ${#words[@]}; i++)); do
          case "${words[i]}" in
            -f | --file) files+=(-f "${words[i + 1]:-}") ;;
            -f=* | --file=*) files+=("${words[i]}") ;;
          esac
        done
        formation diff "$FORMATION_DIFF_BASE" HEAD --format markdown "${files[@]}" ||
          printf '(formation diff %s HEAD failed: see the job log)\n' "$FORMATION_DIFF_BASE"
        echo
      fi
      cat "$markdown"
    } > "$review/comment.md"
    jq -r '.pull_request.number' "$GITHUB_EVENT_PATH" > "$review/pull-request"
    echo "review=$review" >> "$outputs"
    if $fork && [ "$GITHUB_EVENT_NAME" = pull_request ]; then
      echo "::notice::formation: a pull request from a fork gets a read-only token: the comment is in $review, for the workflow_run workflow to post (docs/ci.md)"
    else
      "$here/comment.sh" "$review/comment.md" "$(cat "$review/pull-request")" || commented=1
    fi
  fi
fi

if [ "$status" = 0 ] || [ "$changes" = true ]; then
  exit "$commented"
fi
exit "$status"
