#!/bin/sh
# pre-commit hook (see .pre-commit-hooks.yaml): zdm lint on the staged migrations. POSIX sh.
# pre-commit calls it with the hook's args, then the staged *.sql files. Args:
#   --location DIR   read this directory for context (repeatable; default: the staged files' directories)
#   any other option goes to zdm lint (e.g. --pg-version 16, --config zdm.properties, --fail-on warning)
# zdm comes from ZDM_HOME/bin, else PATH. Exit code is zdm's: 0 clean, 1 findings, 2 bad usage or input.
set -u
if [ -n "${ZDM_HOME:-}" ]; then
  zdm=$ZDM_HOME/bin/zdm
elif command -v zdm >/dev/null 2>&1; then
  zdm=zdm
else
  echo "zdm: not found: unpack the flyway-zdm distribution and put its bin on PATH, or set ZDM_HOME" >&2
  exit 2
fi

locations=""
options=""
files=""
nl='
'
while [ $# -gt 0 ]; do
  case $1 in
    --location) locations="$locations$2$nl"; shift 2 ;;
    --location=*) locations="$locations${1#--location=}$nl"; shift ;;
    --pg-version|--fail-on|--config|--rule|--exclude|-P|--placeholder|--baseline-version)
      options="$options$1$nl$2$nl"; shift 2 ;;
    -*) options="$options$1$nl"; shift ;;
    *) files="$files$1$nl"; shift ;;
  esac
done
[ -n "$files" ] || exit 0
if [ -z "$locations" ]; then
  locations=$(printf '%s' "$files" | while IFS= read -r f; do dirname -- "$f"; done | sort -u)
fi

# rebuild "$@" from newline-separated lists (file names with newlines are not migrations)
set --
old_ifs=$IFS
IFS=$nl
for o in $options; do set -- "$@" "$o"; done
for f in $files; do set -- "$@" --only "$f"; done
for d in $locations; do set -- "$@" "$d"; done
IFS=$old_ifs
exec "$zdm" lint "$@"
