#!/usr/bin/env bash
# Makes the JVM's class-data archive for this jar and this JVM, once: on JDK 25 an AOT cache (JEP 483/514,
# -XX:AOTCacheOutput), on JDK 19-24 a dynamic CDS archive (-XX:+AutoCreateSharedArchive), on 17 nothing.
# The training workload is driftless's hidden `__train` command: the hot commands in-process against an
# offline ECS/STS fake on loopback — no AWS or GitHub endpoint, no credentials. Keyed by the jar's SHA-256
# and the JVM version (see jvm.sh), so actions/cache can carry it across jobs; an existing archive is kept.
# Run by action.yml before the first command; usable alone: DRIFTLESS_JAR=... action/prepare.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=action/jvm.sh
source "$here/jvm.sh"

jar="${DRIFTLESS_JAR:?no driftless jar: set DRIFTLESS_JAR}"
if [[ -n "${DRIFTLESS_JAVA:-}" ]]; then
  DRIFTLESS_JAVA_HOME="$(dirname "$(dirname "$DRIFTLESS_JAVA")")"
  DRIFTLESS_JAVA_VERSION="$(driftless_release_version "$DRIFTLESS_JAVA_HOME")"
elif ! driftless_pick_java "${INPUT_JAVA_VERSION:-25}"; then
  echo "::error title=driftless::no Java 17 or later found (JAVA_HOME_25_X64, JAVA_HOME, java on PATH)"
  exit 1
fi
java="$DRIFTLESS_JAVA_HOME/bin/java"
# the JVM accepts a cache only for a jar of the same path, size and modification time; a jar downloaded
# again in the next job gets a fixed time here, so the cache actions/cache restores still matches it
touch -d "2000-01-01T00:00:00Z" "$jar"
archive="$(driftless_archive_path "$jar" "$DRIFTLESS_JAVA_VERSION")"
if [[ -z "$archive" ]]; then
  echo "driftless: Java $DRIFTLESS_JAVA_VERSION has no archive to prepare; commands start without one"
elif [[ -f "$archive" ]]; then
  echo "driftless: JVM cache ready ($archive)"
else
  mkdir -p "$(dirname "$archive")"
  feature="$(driftless_feature "$DRIFTLESS_JAVA_VERSION")"
  if ((feature >= 25)); then
    record=(-XX:AOTCacheOutput="$archive.part")
  else
    record=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive.part")
  fi
  start=$SECONDS
  # the same run flags as run.sh: an AOT cache only serves a JVM started with compatible options
  driftless_jvm_flags "$DRIFTLESS_JAVA_VERSION" ""
  if "$java" "${DRIFTLESS_FLAGS[@]}" "${record[@]}" -jar "$jar" __train > /dev/null 2> "$archive.log" \
      && [[ -s "$archive.part" ]]; then
    mv "$archive.part" "$archive"
    rm -f "$archive.log"
    echo "driftless: JVM cache made in $((SECONDS - start))s ($archive)"
  else
    # an archive only makes starts faster; without one every command still runs
    echo "::warning title=driftless::could not make the JVM cache; commands start without it: $(tail -n 3 "$archive.log" | tr '\n' ' ')"
    rm -f "$archive.part"
  fi
fi
echo "archive=$( [[ -n "$archive" && -f "$archive" ]] && echo "$archive" )" >> "${GITHUB_OUTPUT:-/dev/null}"
