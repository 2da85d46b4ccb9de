#!/bin/sh
# Installs the zdm distribution and prints the path of its bin/zdm. POSIX sh; used by action.yml and usable anywhere.
#   ZDM_DIST     a local zdm distribution (.tar.gz or .zip, e.g. flyway-zdm-cli/target/*-dist.tar.gz), or
#   ZDM_VERSION  a version to download from Maven Central (io.github.flywayzdm:flyway-zdm-cli:VERSION:dist tar.gz)
#   ZDM_DIST_URL another URL of the tar.gz
#   ZDM_INSTALL_DIR where to unpack (default ${RUNNER_TEMP:-/tmp}/zdm)
set -eu
dir=${ZDM_INSTALL_DIR:-${RUNNER_TEMP:-/tmp}/zdm}
if command -v zdm >/dev/null 2>&1 && [ -z "${ZDM_DIST:-}${ZDM_VERSION:-}${ZDM_DIST_URL:-}" ]; then
  command -v zdm
  exit 0
fi
mkdir -p "$dir"
archive=${ZDM_DIST:-}
if [ -z "$archive" ]; then
  version=${ZDM_VERSION:?set ZDM_VERSION (or ZDM_DIST, ZDM_DIST_URL), or put zdm on PATH}
  url=${ZDM_DIST_URL:-https://repo1.maven.org/maven2/io/github/flywayzdm/flyway-zdm-cli/$version/flyway-zdm-cli-$version-dist.tar.gz}
  archive=$dir/zdm-dist.tar.gz
  curl -fsSL --retry 3 -o "$archive" "$url" >&2 || { echo "zdm: cannot download $url" >&2; exit 2; }
fi
[ -f "$archive" ] || { echo "zdm: no distribution at $archive" >&2; exit 2; }
case $archive in
  *.zip) (cd "$dir" && unzip -qo "$archive") >&2 ;;
  *) tar -xzf "$archive" -C "$dir" >&2 ;;
esac
for zdm in "$dir"/zdm-*/bin/zdm; do
  [ -x "$zdm" ] && { echo "$zdm"; exit 0; }
done
echo "zdm: $archive holds no zdm-*/bin/zdm" >&2
exit 2
