#!/usr/bin/env bash
# Builds the driftless jar from the action's own source, once per job: a later step of the same job
# (or an earlier `./mvnw verify`) finds it in target/ and reuses it.
set -euo pipefail

cd "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set; run this from action.yml}"
jar="$PWD/target/driftless.jar"
if [[ ! -f "$jar" ]]; then
  echo "::group::Build driftless"
  ./mvnw -B -q package -DskipTests
  echo "::endgroup::"
fi
echo "jar=$jar" >> "$GITHUB_OUTPUT"
