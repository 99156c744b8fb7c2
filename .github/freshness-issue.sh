#!/usr/bin/env bash
# Post the freshness report ($1, Markdown from `make freshness`) to the single
# open issue labelled "freshness": update it, open it if there is none, and
# close it once nothing is stale. It always exits 0: a report is not a failure.
# Needs GH_TOKEN (issues: write) and, outside a checkout, GH_REPO.
set -uo pipefail

report="${1:?usage: freshness-issue.sh REPORT.md}"
label="freshness"
title="Comparison entries to re-verify"

post() {
  gh label create "$label" --force --color FBCA04 \
    --description "Data entries whose verified date is over 12 months old" >/dev/null || return 1
  number="$(gh issue list --label "$label" --state open --limit 1 \
    --json number --jq '.[0].number // empty')" || return 1
  if grep -q '^- ' "$report"; then
    if [ -n "$number" ]; then
      gh issue edit "$number" --body-file "$report"
    else
      gh issue create --title "$title" --label "$label" --body-file "$report"
    fi
  elif [ -n "$number" ]; then
    gh issue comment "$number" --body-file "$report" && gh issue close "$number"
  else
    echo "Nothing is stale and no freshness issue is open."
  fi
}

if [ ! -s "$report" ]; then
  echo "::warning::The freshness report is empty; see the step that wrote it."
elif ! post; then
  echo "::warning::Could not update the freshness issue; the report is in the log above."
  cat "$report"
fi
exit 0
