#!/usr/bin/env bash
# Finds the driftless jar released for the action's ref: downloads driftless.jar and its SHA-256 from
# the GitHub release of that tag and checks one against the other. Prints `jar=<path>` to GITHUB_OUTPUT
# when it has one; prints nothing there (so the action builds the jar) when the action is used from a
# local path (`uses: ./`) or the ref has no release. A checksum mismatch fails the step.
set -euo pipefail

repo="${ACTION_REPOSITORY:-}"
ref="${ACTION_REF:-}"
if [[ -z "$repo" || -z "$ref" ]]; then
  echo "driftless: the action runs from a local checkout; the jar will be built"
  exit 0
fi

dir="${RUNNER_TEMP:-/tmp}/driftless-release/${repo//\//_}/${ref//\//_}"
jar="$dir/driftless.jar"
if [[ ! -f "$jar" ]]; then
  mkdir -p "$dir"
  base="${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download/$ref"
  if ! curl -fsSL --retry 3 -o "$dir/driftless.jar.part" "$base/driftless.jar" \
      || ! curl -fsSL --retry 3 -o "$dir/driftless.jar.sha256" "$base/driftless.jar.sha256"; then
    rm -f "$dir/driftless.jar.part" "$dir/driftless.jar.sha256"
    echo "driftless: $repo@$ref has no released jar; it will be built"
    exit 0
  fi
  expected="$(awk '{print $1; exit}' "$dir/driftless.jar.sha256")"
  actual="$(sha256sum "$dir/driftless.jar.part" | awk '{print $1}')"
  if [[ "$expected" != "$actual" ]]; then
    rm -f "$dir/driftless.jar.part"
    echo "::error title=driftless::the released driftless.jar for $repo@$ref does not match its SHA-256 (expected $expected, got $actual); refusing to run it"
    exit 1
  fi
  mv "$dir/driftless.jar.part" "$jar"
  echo "driftless: using the released jar of $repo@$ref (sha256 $actual)"
fi
echo "jar=$jar" >> "$GITHUB_OUTPUT"
