#!/usr/bin/env bash
# Runs one driftless command for the action. Inputs arrive as INPUT_<NAME> variables from action.yml's
# `env:` (never interpolated into this script). Options every command shares (specs, environment,
# services, dry-run, at) are read by driftless itself; the rest become flags here, and only when set,
# so a command never receives an option it does not have.
set -euo pipefail

jar="${DRIFTLESS_JAR:?no driftless jar: the fetch or build step did not produce one}"
command="${INPUT_COMMAND:-}"
if [[ ! "$command" =~ ^[a-z][a-z-]*$ ]]; then
  echo "::error title=driftless::input command '$command' is not a driftless command; see 'driftless --help'"
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
    *) echo "::error title=driftless::input ${1#INPUT_} is '${!1}', not true or false"; exit 2 ;;
  esac
}

switch INPUT_JSON --json
switch INPUT_DEBUG --debug

exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar "$jar" "${args[@]}"
