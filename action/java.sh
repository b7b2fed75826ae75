#!/usr/bin/env bash
# Finds the Java that runs driftless (see jvm.sh) and prints `java=<bin/java>`, `version=` and
# `archive=` to GITHUB_OUTPUT; prints no `java=` when the runner has no Java >= 17, so the action falls
# back to setup-java. Writes nothing to GITHUB_ENV or GITHUB_PATH: the caller's JAVA_HOME and PATH stay.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=action/jvm.sh
source "$here/jvm.sh"

if ! driftless_pick_java "${INPUT_JAVA_VERSION:-25}"; then
  echo "driftless: no Java 17 or later on this runner; setting one up"
  exit 0
fi
echo "driftless: running on Java $DRIFTLESS_JAVA_VERSION ($DRIFTLESS_JAVA_HOME)"
{
  echo "java=$DRIFTLESS_JAVA_HOME/bin/java"
  echo "version=$DRIFTLESS_JAVA_VERSION"
  if [[ -n "${DRIFTLESS_JAR:-}" && -f "${DRIFTLESS_JAR}" ]]; then
    archive="$(driftless_archive_path "$DRIFTLESS_JAR" "$DRIFTLESS_JAVA_VERSION")"
    echo "archive=$archive"
    echo "cache-dir=$(dirname "${archive:-/x/none}")"
    echo "cache-key=$(basename "${archive:-none}")"
  fi
} >> "${GITHUB_OUTPUT:-/dev/null}"
