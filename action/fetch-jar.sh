#!/usr/bin/env bash
# Finds the driftless jar bound to this commit of the action: action/jar.lock (written at release time)
# names the release's repository, version and the jar's SHA-256, so `@v1`, `@v1.2.3` and `@<full sha>`
# all find the same jar without github.action_ref (which composite actions do not always get). Downloads
# it once per job and prints `jar=<path>` to GITHUB_OUTPUT; refuses a jar whose SHA-256 differs from the
# recorded one. With `build-from-source: true` it prints nothing and the action builds the jar instead;
# without a recorded release and without that input it fails with the fix.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "${INPUT_BUILD_FROM_SOURCE:-false}" in
  true | True | TRUE)
    echo "driftless: build-from-source is set; the jar will be built from the action's source"
    exit 0 ;;
  "" | false | False | FALSE) ;;
  *) echo "::error title=driftless::input build-from-source is '$INPUT_BUILD_FROM_SOURCE', not true or false"; exit 2 ;;
esac

lock() { sed -n "s/^$1=//p" "$here/jar.lock" 2> /dev/null | head -n 1 | tr -d '[:space:]'; }
repo="$(lock repository)"
version="$(lock version)"
expected="$(lock sha256)"
if [[ -z "$repo" || -z "$version" || -z "$expected" ]]; then
  echo "::error title=driftless::this commit of the action records no released jar (action/jar.lock is empty)," \
    "so there is nothing to download. Fix: use a released version (uses: <owner>/driftless@v1), or add" \
    "'build-from-source: true' to the step's with: to build the jar from this commit (needs Maven downloads, slower)"
  exit 1
fi
if [[ ! "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ || ! "$version" =~ ^[0-9A-Za-z.+-]+$ || ! "$expected" =~ ^[0-9a-f]{64}$ ]]; then
  echo "::error title=driftless::action/jar.lock is malformed (repository '$repo', version '$version', sha256 '$expected'); the release workflow writes it"
  exit 1
fi

dir="${RUNNER_TEMP:-/tmp}/driftless-release/$expected"
jar="$dir/driftless.jar"
if [[ ! -f "$jar" ]]; then
  mkdir -p "$dir"
  url="${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download/v$version/driftless.jar"
  if ! curl -fsSL --retry 3 -o "$dir/driftless.jar.part" "$url"; then
    rm -f "$dir/driftless.jar.part"
    echo "::error title=driftless::could not download driftless $version from $url. Fix: check that release v$version" \
      "of $repo still has driftless.jar attached, or set 'build-from-source: true'"
    exit 1
  fi
  actual="$(sha256sum "$dir/driftless.jar.part" | awk '{print $1}')"
  if [[ "$expected" != "$actual" ]]; then
    rm -f "$dir/driftless.jar.part"
    echo "::error title=driftless::the downloaded driftless.jar $version does not match the SHA-256 this commit records" \
      "in action/jar.lock (expected $expected, got $actual); refusing to run it"
    exit 1
  fi
  mv "$dir/driftless.jar.part" "$jar"
  echo "driftless: using driftless $version of $repo (sha256 $actual)"
fi
echo "jar=$jar" >> "$GITHUB_OUTPUT"
