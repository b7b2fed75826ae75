#!/usr/bin/env bash
# Runs one driftless command for the action. Inputs arrive as INPUT_<NAME> variables from action.yml's
# `env:` (never interpolated into this script). Options every command shares (specs, environment,
# services, dry-run, at) are read by driftless itself; the rest become flags here, and only when set,
# so a command never receives an option it does not have.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=action/jvm.sh
source "$here/jvm.sh"

# An input value is data: inside a workflow command it is escaped as the runner decodes it (% CR LF), so
# a value with a line break cannot start a command of its own (the same rule as driftless's own output).
escape_data() {
  local v="${1//%/%25}"
  v="${v//$'\r'/%0D}"
  printf '%s' "${v//$'\n'/%0A}"
}

jar="${DRIFTLESS_JAR:?no driftless jar: the fetch or build step did not produce one}"
command="${INPUT_COMMAND:-}"
if [[ ! "$command" =~ ^[a-z][a-z-]*$ ]]; then
  echo "::error title=driftless::input command '$(escape_data "$command")' is not a driftless command; see 'driftless --help'"
  exit 2
fi

args=("$command")
value() { # value INPUT_VARIABLE --flag
  if [[ -n "${!1:-}" ]]; then args+=("$2" "${!1}"); fi
}
switch() { # switch INPUT_VARIABLE --flag
  case "${!1:-}" in
    true | True | TRUE) args+=("$2") ;;
    "" | false | False | FALSE) ;;
    *) echo "::error title=driftless::input ${1#INPUT_} is '$(escape_data "${!1}")', not true or false"; exit 2 ;;
  esac
}

switch INPUT_JSON --json
switch INPUT_DEBUG --debug
value INPUT_IMAGE_TAG --image-tag
value INPUT_IMAGES --images
switch INPUT_DETAILED_EXITCODE --detailed-exitcode
value INPUT_TIMEOUT --timeout
switch INPUT_NO_ROLLBACK --no-rollback
switch INPUT_FORCE --force
switch INPUT_RESUME --resume
value INPUT_TO --to
switch INPUT_NO_PUSH --no-push
switch INPUT_SKIP_SCAN_GATE --skip-scan-gate
value INPUT_REGISTRY --registry
switch INPUT_WAIT --wait
switch INPUT_NO_TRACKER --no-tracker
value INPUT_PER --per
switch INPUT_SCHEDULED --scheduled

# the Java java.sh chose (action.yml passes it), else the same choice made here; never the caller's
# JAVA_HOME/PATH changed: this script only reads them
if [[ -n "${DRIFTLESS_JAVA:-}" ]]; then
  DRIFTLESS_JAVA_HOME="$(dirname "$(dirname "$DRIFTLESS_JAVA")")"
  DRIFTLESS_JAVA_VERSION="$(driftless_release_version "$DRIFTLESS_JAVA_HOME")"
elif ! driftless_pick_java "${INPUT_JAVA_VERSION:-25}"; then
  echo "::error title=driftless::no Java 17 or later found (JAVA_HOME_25_X64, JAVA_HOME, java on PATH); set input java-version"
  exit 1
fi
archive="${DRIFTLESS_ARCHIVE-$(driftless_archive_path "$jar" "$DRIFTLESS_JAVA_VERSION")}"
driftless_jvm_flags "$DRIFTLESS_JAVA_VERSION" "$archive"
exec "$DRIFTLESS_JAVA_HOME/bin/java" "${DRIFTLESS_FLAGS[@]}" -jar "$jar" "${args[@]}"
