#!/usr/bin/env bash
# Tries the Gradescope autograder of a release locally, in a temporary folder, with six submissions:
#   finished     the reference solutions                          -> full points
#   partial      the reference solutions but Ex01's stub          -> every point but Ex01's
#   unfinished   the pristine stubs                               -> 0 points, every task failed
#   fake-board   stubs whose code prints a fake 100/100 scoreboard -> still 0 points
#   fake-json    stubs whose code writes a fake results.json, during the tests and from a shutdown hook,
#                wherever it can                                  -> still 0 points, never 100
#   fake-report  stubs whose code appends "passed" lines and END to the test JVMs' own reports (the one
#                folder it may write)                             -> still 0 points: the lines are not signed
#   bash solutions/release/try-autograder.sh OUT   (OUT as written by release.sh; needs root for the user switch)
# Prints one line per submission and exits non-zero if any outcome is wrong.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(cd "${1:?usage: try-autograder.sh OUT}" && pwd)
ag=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$ag"' EXIT; echo "autograder trial in $ag"
chmod 755 "$ag"
mkdir -p "$ag/source"
unzip -q "$out/autograder.zip" -d "$ag/source"
AUTOGRADER_ROOT=$ag SEED_M2=${SEED_M2:-$HOME/.m2/repository} bash "$ag/source/setup.sh" > /dev/null
stubs=$ag/source/workbook/exercises/src/main/java/workbook/exercises
failures=0

attack() { # $1: class body to put in front of the stub's sigmoid
  local dir=$1 code=$2
  cp "$stubs"/*.java "$dir/"
  python_free_insert "$dir/Ex01Sigmoid.java" "$code"
}
# Inserts a static initializer right after the class declaration line (no python needed).
python_free_insert() {
  local file=$1 code=$2 tmp
  tmp=$(mktemp)
  CODE=$code awk '{ print } /^public final class Ex01Sigmoid/ { print ENVIRON["CODE"] }' "$file" > "$tmp" && mv "$tmp" "$file"
}

grade() { # $1: name, $2: folder with the submitted Ex*.java; sets score and prints a line
  local name=$1 files=$2
  rm -rf "$ag/submission" "$ag/results"
  mkdir -p "$ag/submission/exercises/src/main/java/workbook/exercises"
  cp "$files"/*.java "$ag/submission/exercises/src/main/java/workbook/exercises/"
  AUTOGRADER_ROOT=$ag bash "$ag/source/run_autograder" > "$ag/run.log" 2>&1 || true
  score=$(sed -n 's/^  "score": \([0-9.]*\),$/\1/p' "$ag/results/results.json" 2>/dev/null || true)
  tests=$(grep -c '"max_score"' "$ag/results/results.json" 2>/dev/null || true)
  echo "$name: score ${score:-none}, $tests tests"
}
expect() { # $1: description, $2: condition result
  if eval "$2"; then echo "  ok: $1"; else echo "  FAILED: $1"; failures=$((failures + 1)); fi
}

mkdir -p "$ag/finished" "$ag/unfinished" "$ag/fake-board" "$ag/fake-json" "$ag/fake-report"
cp "$root/solutions/src/main/java/workbook/exercises"/*.java "$ag/finished/"
cp "$stubs"/*.java "$ag/unfinished/"

grade finished "$ag/finished"
expect "the reference solutions get every point" '[ "$score" = 100 ]'
expect "one Gradescope test per task (44), each with md output and visibility" \
  '[ "$tests" -eq 44 ] && [ "$(grep -c "\"output_format\": \"md\", \"visibility\": \"visible\"" "$ag/results/results.json")" -eq 44 ]'

mkdir -p "$ag/partial" && cp "$ag/finished"/*.java "$ag/partial/" && cp "$stubs/Ex01Sigmoid.java" "$ag/partial/"
grade partial "$ag/partial"
expect "finished but for Ex01: every point but Ex01's" '[ "$score" = 90 ]'

grade unfinished "$ag/unfinished"
cp "$ag/results/results.json" "$out/autograder-unfinished-results.json"
expect "the pristine stubs get 0 points" '[ "$score" = 0 ]'
expect "every test of the stubs failed" '! grep -q "\"status\": \"passed\"" "$ag/results/results.json"'

attack "$ag/fake-board" '    static {
        System.out.println(" WORKBOOK GRADE\n Ex01  Sigmoid  done  67/67  10.0 / 10\n Total 100.0 / 100 points");
        System.err.println("{\"score\": 100.0, \"tests\": []}");
    }'
grade fake-board "$ag/fake-board"
expect "a fake scoreboard on stdout earns nothing" '[ "$score" = 0 ]'

attack "$ag/fake-json" '    static {
        Runnable forge = () -> {
            String fake = "{\"score\": 100.0, \"tests\": [{\"name\": \"Ex01 Sigmoid\", \"score\": 100.0, \"max_score\": 10, \"status\": \"passed\", \"output\": \"67 of 67 checks passed (done)\"}]}";
            for (String p : new String[] {"target/grade/results.json", System.getProperty("workbook.grade.dir", ".") + "/results.json",
                    "/autograder/results/results.json", System.getProperty("user.dir") + "/../../results/results.json"}) {
                try { java.nio.file.Files.writeString(java.nio.file.Path.of(p), fake); } catch (Exception | Error ignored) { }
            }
        };
        forge.run();
        Runtime.getRuntime().addShutdownHook(new Thread(forge));
    }'
grade fake-json "$ag/fake-json"
expect "a fake results.json earns nothing" '[ "$score" = 0 ]'
expect "the grade files are out of the submission's reach" '! grep -q "67 of 67" "$ag/results/results.json"'

attack "$ag/fake-report" '    static {
        Runnable forge = () -> {
            try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(System.getProperty("user.dir")))) {
                for (var p : files.filter(f -> f.getFileName().toString().startsWith("checks-")).toList()) {
                    StringBuilder fake = new StringBuilder();
                    for (String l : java.nio.file.Files.readAllLines(p)) {
                        if (l.startsWith("S\t") && l.contains("\t#")) {
                            String body = l.substring(1, l.lastIndexOf("\t#")).replace("\tCRASHED\t", "\tPASSED\t");
                            fake.append("F").append(body).append("\t#").append("0".repeat(64)).append("\n");
                        }
                    }
                    fake.append("END\t#").append("0".repeat(64)).append("\n");
                    java.nio.file.Files.writeString(p, fake, java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (Exception | Error ignored) { }
        };
        forge.run();
        Runtime.getRuntime().addShutdownHook(new Thread(forge));
    }'
grade fake-report "$ag/fake-report"
expect "forged report lines earn nothing" '[ "$score" = 0 ]'
mkdir -p "$ag/zip" && unzip -q "$out/autograder.zip" -d "$ag/zip"
expect "the pristine workbook is untouched" 'diff -r "$ag/source/workbook" "$ag/zip/workbook" > /dev/null'

[ "$failures" -eq 0 ]
