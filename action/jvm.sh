#!/usr/bin/env bash
# Sourced by java.sh, prepare.sh and run.sh: which Java runs driftless, and which flags suit it. Reads the
# runner's JAVA_HOME_<N>_X64/_ARM64 by absolute path and never exports JAVA_HOME or PATH, so the caller's
# job keeps its own Java. No JVM is started to ask for a version: each JDK's `release` file names it.

# release_version HOME -> prints e.g. 25.0.1 (empty when HOME is no JDK)
driftless_release_version() {
  local release="$1/release"
  [[ -f "$release" && -x "$1/bin/java" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release" | head -n 1
}

driftless_feature() { # 25.0.1 -> 25, 1.8.0_402 -> 8
  local v="$1"
  [[ "$v" == 1.* ]] && v="${v#1.}"
  echo "${v%%[.+_-]*}"
}

# Sets DRIFTLESS_JAVA_HOME and DRIFTLESS_JAVA_VERSION to the first JDK >= 17 among: the requested
# version's runner JDK, then 25, 21, 17, then JAVA_HOME, then `java` on PATH. Returns 1 when none.
driftless_pick_java() {
  local want="${1:-25}" home version candidates=() arch
  for arch in X64 ARM64; do
    for n in "$want" 25 21 17; do
      local var="JAVA_HOME_${n}_${arch}"
      [[ "$n" =~ ^[0-9]+$ && -n "${!var:-}" ]] && candidates+=("${!var}")
    done
  done
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java > /dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    version="$(driftless_release_version "$home")"
    if [[ -n "$version" && "$(driftless_feature "$version")" -ge 17 ]]; then
      # shellcheck disable=SC2034  # read by the scripts that source this file
      DRIFTLESS_JAVA_HOME="$home"
      # shellcheck disable=SC2034
      DRIFTLESS_JAVA_VERSION="$version"
      return 0
    fi
  done
  return 1
}

# The file the class-data archive for this jar and JVM lives in: keyed by the jar's SHA-256 and the
# exact JVM version, since an archive is only valid for both. Empty on JDK 17 (no archive: 17 has no
# auto-created archive and dies on the AOT flags).
driftless_archive_path() { # JAR JAVA_VERSION
  local feature sha dir
  feature="$(driftless_feature "$2")"
  ((feature >= 19)) || return 0
  sha="$(sha256sum "$1" | cut -c1-16)"
  dir="${DRIFTLESS_CACHE_DIR:-${RUNNER_TEMP:-/tmp}/driftless-jvm-cache}"
  if ((feature >= 25)); then
    echo "$dir/driftless-$sha-java$2.aot"
  else
    echo "$dir/driftless-$sha-java$2.jsa"
  fi
}

# JVM flags for a run: fast start for a short process (C1 only, and only for methods that run often:
# compiling what runs a few times cost more CPU than it saved); every JVM message on stderr, never stdout (so
# --json stays parseable when an archive does not match); the archive only when its name says it was
# made by this very JVM version.
driftless_jvm_flags() { # JAVA_VERSION ARCHIVE
  local feature
  feature="$(driftless_feature "$1")"
  DRIFTLESS_FLAGS=(-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m
    -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr)
  local archive="${2:-}"
  if [[ -z "$archive" || ! -f "$archive" || "$archive" != *"-java$1."* ]]; then
    return 0
  fi
  if ((feature >= 25)) && [[ "$archive" == *.aot ]]; then
    DRIFTLESS_FLAGS+=(-XX:AOTCache="$archive")
  elif ((feature >= 19)) && [[ "$archive" == *.jsa ]]; then
    DRIFTLESS_FLAGS+=(-XX:SharedArchiveFile="$archive")
  fi
}
