#!/usr/bin/env bash
# Writes what an instructor hands out and collects (README, "For instructors"):
#
#   bash solutions/release/release.sh [OUT]          OUT defaults to solutions/target/release
#
#   OUT/workbook/        the learner release: a folder ready to become a repository. No solutions/, no .ci/;
#                        theory and charts build on the learner's exercises (.mvn/maven.config: -Plearner);
#                        the README without the authoring commands; .github/workflows/classroom.yml for
#                        GitHub Classroom; .devcontainer/ for a Codespace; exercises/src/test/hidden-suite.sha256
#                        records the hidden suite, the grader and the build.
#   OUT/workbook.zip     the same folder, zipped
#   OUT/autograder.zip   Gradescope's autograder: setup.sh, run_autograder and the pristine learner release in
#                        workbook/; regrade.sh grades a folder of student repositories with it
#
# The release is built from the files git tracks, as they are in the working tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/solutions/target/release}
mkdir -p "$out"
out=$(cd "$out" && pwd)
wb=$out/workbook
rm -rf "$wb" "$out/workbook.zip" "$out/autograder" "$out/autograder.zip"
mkdir -p "$wb"

# 1. The tracked files, minus the answers (solutions/) and the authoring CI (.ci/).
(cd "$root" && git ls-files -z | grep -zvE '^(solutions|\.ci)/' \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | xargs -0 cp -p --parents -t "$wb")

# 2. The build without solutions: no module, and theory and charts depend on the learner's exercises.
sed -i '/<module>solutions<\/module>/d' "$wb/pom.xml"
for pom in "$wb/theory/pom.xml" "$wb/charts/pom.xml"; do
  [ -f "$pom" ] || continue
  sed -i -e 's|<artifactId>solutions</artifactId>|<artifactId>exercises</artifactId>|' \
         -e 's|<workbook.charts.source>solutions<|<workbook.charts.source>exercises<|' "$pom"
done
printf -- '-Plearner\n' > "$wb/.mvn/maven.config"
# The untouched stubs, which stand in for an exercise of the learner's that cannot run (ExerciseCompiler.build):
# theory and the figures compile against them, and say which exercise to fix.
mkdir -p "$wb/exercises/src/grader/stubs/workbook/exercises"
cp "$wb"/exercises/src/main/java/workbook/exercises/Ex[0-9][0-9]*.java "$wb/exercises/src/grader/stubs/workbook/exercises/"
# The theory site documents the exercises from the stubs' Javadoc: from that copy, which a syntax error of the
# learner's cannot break.
sed -i 's|/\.\./exercises/src/main/java</sourcepath>|/../exercises/src/grader/stubs</sourcepath>|' "$wb/theory/pom.xml"
grep -q 'exercises/src/grader/stubs</sourcepath>' "$wb/theory/pom.xml" || { echo "release: theory's site still reads the learner's files" >&2; exit 1; }
if grep -rlq --include=pom.xml '<artifactId>solutions</artifactId>' "$wb"; then
  echo "release: a pom still depends on solutions" >&2; exit 1
fi

# 3. The learner's README: authoring blocks dropped, learner-only blocks uncommented.
sed -i -e '/<!-- release:drop -->/,/<!-- \/release:drop -->/d' -e '/^<!-- release:only$/d' -e '/^release:only -->$/d' \
  "$wb/README.md"

# 4. GitHub Classroom: the workflow (the report it runs is the grader's PlatformReport).
mkdir -p "$wb/.github/workflows"
# one reporter runner per exercise (ex01 ... ex10), plus "suite", which fails if the hidden suite was changed
runners=$(cd "$wb/exercises/src/main/java/workbook/exercises" && ls Ex[0-9][0-9]*.java | cut -c1-4 | tr 'E' 'e')
{
  sed -e '/# runners: generated/,$d' -e "s/@RUNNERS@/$(echo $runners suite)/" "$here/classroom/classroom.yml"
  echo "        env:"
  for r in $runners suite; do
    echo "          $(echo "$r" | tr 'a-z' 'A-Z')_RESULTS: \"\${{ steps.grade.outputs.$r }}\""
  done
  echo "        with:"
  echo "          runners: $(echo $runners suite | tr ' ' ',')"
} > "$wb/.github/workflows/classroom.yml"

# A Codespace (or any dev container) with JDK 17 and a Maven cache that outlives the container.
mkdir -p "$wb/.devcontainer"
cp "$here/devcontainer/devcontainer.json" "$wb/.devcontainer/devcontainer.json"

# 5. Checksums of the hidden suite, the grader, the given classes and the build that runs them (sha256sum -c
# format, paths from the top). The build files' list is also SuiteChecksums.BUILD_FILES.
(cd "$wb" && find exercises/src/test exercises/src/grader exercises/src/given -type f ! -name hidden-suite.sha256 -print0 \
  | sort -z | xargs -0 sha256sum > exercises/src/test/hidden-suite.sha256 \
  && for f in pom.xml exercises/pom.xml .mvn/maven.config .mvn/jvm.config .mvn/extensions.xml \
       .mvn/wrapper/maven-wrapper.properties mvnw; do [ ! -f "$f" ] || sha256sum "$f"; done \
     >> exercises/src/test/hidden-suite.sha256)

(cd "$out" && zip -qr workbook.zip workbook)

# 6. Gradescope: the autograder zip holds the scripts at its top and the pristine release in workbook/.
mkdir -p "$out/autograder"
cp "$here/gradescope/setup.sh" "$here/gradescope/run_autograder" "$here/gradescope/regrade.sh" "$out/autograder/"
cp -a "$wb" "$out/autograder/workbook"
chmod +x "$out/autograder/setup.sh" "$out/autograder/run_autograder" "$out/autograder/regrade.sh"
(cd "$out/autograder" && zip -qr ../autograder.zip .)

echo "learner release:  $wb"
echo "                  $out/workbook.zip"
echo "Gradescope:       $out/autograder.zip"
