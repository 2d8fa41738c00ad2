#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (the zip is unpacked in /autograder/source).
# It installs a JDK if there is none and fills a Maven repository that the grading runs use offline.
# Locally: AUTOGRADER_ROOT=/tmp/ag SEED_M2=~/.m2/repository bash setup.sh  (copies instead of downloading).
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
source_dir=${AUTOGRADER_SOURCE:-$root/source}
m2=${AUTOGRADER_M2:-$root/m2}

if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless zip > /dev/null
fi

mkdir -p "$m2"
if [ -n "${SEED_M2:-}" ]; then
  cp -al "$SEED_M2/." "$m2/" 2>/dev/null || cp -a "$SEED_M2/." "$m2/"
else
  # One ordinary online build fills the repository (dependency:go-offline alone is not enough).
  warm=$(mktemp -d)
  cp -a "$source_dir/workbook/." "$warm/"
  (cd "$warm" && ./mvnw -B -q -Dmaven.repo.local="$m2" -pl exercises test > /dev/null)
  rm -rf "$warm"
fi
# The submission's test JVM runs as an unprivileged user: it must be able to read the libraries, nothing more.
find "$m2" -type d -exec chmod a+rx {} + ; find "$m2" -type f -exec chmod a+r {} +
echo "autograder ready: Maven repository in $m2"
