#!/usr/bin/env bash
# Keep one open issue per weekly report: update the open issue labelled LABEL,
# open one if there is none, and close it once the report finds nothing.
# usage: report-issue.sh LABEL TITLE REPORT FOUND
#   REPORT  Markdown file, the issue body
#   FOUND   "true" when the report lists problems, "false" when it finds none
# It always exits 0: a report is not a failure.
# Needs GH_TOKEN (issues: write) and, outside a checkout, GH_REPO.
set -uo pipefail

label="${1:?usage: report-issue.sh LABEL TITLE REPORT FOUND}"
title="${2:?usage: report-issue.sh LABEL TITLE REPORT FOUND}"
report="${3:?usage: report-issue.sh LABEL TITLE REPORT FOUND}"
found="${4:?usage: report-issue.sh LABEL TITLE REPORT FOUND}"

post() {
  gh label create "$label" --force --color FBCA04 --description "$title" >/dev/null || return 1
  number="$(gh issue list --label "$label" --state open --limit 1 \
    --json number --jq '.[0].number // empty')" || return 1
  if [ "$found" = true ]; then
    if [ -n "$number" ]; then
      gh issue edit "$number" --body-file "$report"
    else
      gh issue create --title "$title" --label "$label" --body-file "$report"
    fi
  elif [ -n "$number" ]; then
    gh issue comment "$number" --body-file "$report" && gh issue close "$number"
  else
    echo "Nothing to report and no '$label' issue is open."
  fi
}

if [ ! -s "$report" ]; then
  echo "::warning::The report $report is empty; see the step that wrote it."
elif ! post; then
  echo "::warning::Could not update the '$label' issue; the report is in the log above."
  cat "$report"
fi
exit 0
