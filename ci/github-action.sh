#!/bin/sh
# The logic of action.yml: install zdm, lint the migrations, write SARIF, print annotations. POSIX sh.
# Inputs come as environment variables (action.yml maps its inputs onto them):
#   ZDM_PATHS          migration directories or files, space separated (default src/main/resources/db/migration)
#   ZDM_CHANGED_SINCE  git ref: report only what changed since its merge base; 'auto' (default) = the pull
#                      request's base branch (origin/$GITHUB_BASE_REF) on pull requests, everything otherwise;
#                      '' = everything
#   ZDM_SARIF          SARIF report path ('' = none; default zdm.sarif)
#   ZDM_ARGS           more zdm lint options (--pg-version 16 --fail-on warning --config zdm.properties ...)
#   ZDM_DIST / ZDM_VERSION / ZDM_DIST_URL  see install-zdm.sh
# Writes sarif=<path> and exit-code=<0|1|2> to $GITHUB_OUTPUT; exits with zdm's exit code.
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
zdm=$("$here/install-zdm.sh") || exit 2

paths=${ZDM_PATHS:-src/main/resources/db/migration}
sarif=${ZDM_SARIF-zdm.sarif}
since=${ZDM_CHANGED_SINCE-auto}
if [ "$since" = auto ]; then
  since=""
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    since=origin/$GITHUB_BASE_REF
  fi
fi

if [ -n "$since" ]; then
  # actions/checkout fetches one commit by default: fetch the base branch and enough history for a merge base
  case $since in
    origin/*)
      branch=${since#origin/}
      git fetch -q --no-tags origin "+refs/heads/$branch:refs/remotes/origin/$branch" 2>/dev/null || true
      ;;
  esac
  if ! git merge-base "$since" HEAD >/dev/null 2>&1 && [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
    git fetch -q --no-tags --unshallow origin 2>/dev/null || true
  fi
fi

set --
if [ -n "$since" ]; then
  set -- "$@" --changed-since "$since"
fi
if [ -n "$sarif" ]; then
  set -- "$@" --format sarif --output "$sarif"
fi
# ZDM_ARGS and ZDM_PATHS are split on spaces on purpose (several options, several directories)
# shellcheck disable=SC2086
GITHUB_ACTIONS=true "$zdm" lint "$@" ${ZDM_ARGS:-} $paths
status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    [ -n "$sarif" ] && [ -f "$sarif" ] && echo "sarif=$sarif"
    echo "exit-code=$status"
  } >> "$GITHUB_OUTPUT"
fi
exit $status
