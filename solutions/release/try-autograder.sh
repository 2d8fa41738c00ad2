#!/usr/bin/env bash
# Tries the Gradescope autograder of a release locally, in a temporary folder, on real and hostile submissions:
#   finished     the reference solutions                               -> full points
#   partial      the reference solutions but Ex01's stub               -> every point but Ex01's
#   unfinished   the pristine stubs                                    -> 0 points
# and submissions that try to earn points without solving anything (the stubs, each with one addition), every one
# of which must score 0 with the reason stated:
#   fake-board   prints a fake 100/100 scoreboard
#   fake-json    writes a fake results.json wherever it can              (files: refused)
#   fake-report  appends "passed" lines to the test JVMs' reports        (files: refused)
#   unsafe       a working exploit through sun.misc.Unsafe and reflection: signs "passed" for every check
#   shadow       adds a file that declares a JUnit class                  (intake ignores it)
#   extra-class  Ex02Tanh.java also declares a fake Ex01SigmoidTest
#   escaped      the same, hidden in \u escapes inside a comment
#   given        Ex01 returns the given answer of Ex01 (Ex01Given)
#   processor    an annotation processor, with its service file
#   process      starts a process that would outlive the grade
#   exit         calls System.exit
#   bash solutions/release/try-autograder.sh OUT   (OUT as written by release.sh)
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

attack() { # $1: folder, $2: code to put into the class body of the stub of Ex01Sigmoid
  local dir=$1 code=$2
  mkdir -p "$dir" && cp "$stubs"/*.java "$dir/"
  insert_into_class "$dir/Ex01Sigmoid.java" "$code"
}
append() { # $1: folder, $2: exercise file, $3: text to put after its last line
  local dir=$1
  mkdir -p "$dir" && cp "$stubs"/*.java "$dir/"
  printf '%s\n' "$3" >> "$dir/$2"
}
# Puts code into an exercise's class body, right after the line that declares the class (the file's name).
insert_into_class() {
  local file=$1 code=$2 tmp
  tmp=$(mktemp)
  CODE=$code awk -v c="$(basename "$file" .java)" '{ print } $0 ~ "^public final class " c " " { print ENVIRON["CODE"] }' \
    "$file" > "$tmp" && mv "$tmp" "$file"
}

grade() { # $1: name, $2: folder with the submitted Ex*.java (and extra/, copied as it is); sets score, prints a line
  local name=$1 files=$2
  rm -rf "$ag/submission" "$ag/results"
  mkdir -p "$ag/submission/exercises/src/main/java/workbook/exercises"
  cp "$files"/*.java "$ag/submission/exercises/src/main/java/workbook/exercises/"
  [ ! -d "$files/extra" ] || cp -r "$files/extra/." "$ag/submission/"
  local start=$(date +%s%N)
  AUTOGRADER_ROOT=$ag bash "$ag/source/run_autograder" > "$ag/run.log" 2>&1 || true
  seconds=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')
  # the flat grade the report was made from; results.json is PlatformReport's rendering of it
  score=$(sed -n 's/^total.points=//p' "$ag/work/exercises/target/grade/grade.properties" 2>/dev/null || true)
  tests=$(grep -c '"max_score"' "$ag/results/results.json" 2>/dev/null || true)
  printf '%s: score %s, %s tests, %.1f s\n' "$name" "${score:-none}" "$tests" "$seconds"
}
said() { # $1: text the submission's Gradescope feedback must contain
  grep -qF -- "$1" "$ag/results/results.json"
}
expect() { # $1: description, $2: condition result
  if eval "$2"; then echo "  ok: $1"; else echo "  FAILED: $1"; failures=$((failures + 1)); fi
}

mkdir -p "$ag/finished" "$ag/unfinished" "$ag/fake-board" "$ag/fake-json" "$ag/fake-report"
cp "$root/solutions/src/main/java/workbook/exercises"/*.java "$ag/finished/"
cp "$stubs"/*.java "$ag/unfinished/"

grade finished "$ag/finished"
exercises=$(ls "$stubs"/Ex*.java | wc -l)
expect "the reference solutions get every point" '[ "$score" = $((10 * exercises)) ] && grep -q "^  \"score\": $score,$" "$ag/results/results.json"'
expect "one Gradescope test per exercise, each with md output and visibility" \
  '[ "$tests" -eq "$exercises" ] && [ "$(grep -c "\"output_format\": \"md\", \"visibility\": \"visible\"" "$ag/results/results.json")" -eq "$exercises" ]'
expect "the output says which sandbox ran" 'grep -q "^Sandbox: " "$ag/run.log"'
expect "intake took the ten exercise files" 'grep -q "^took $exercises of $exercises exercise files" "$ag/run.log"'

mkdir -p "$ag/partial" && cp "$ag/finished"/*.java "$ag/partial/" && cp "$stubs/Ex01Sigmoid.java" "$ag/partial/"
grade partial "$ag/partial"
expect "finished but for Ex01: every point but Ex01's" '[ "$score" = $((10 * exercises - 10)) ]'

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
expect "a fake results.json earns nothing: writing files is refused" '[ "$score" = 0 ] && said "uses java.nio.file.Files"'
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

# A working exploit of a grader that let the learner's code use reflection: through Unsafe it reads the shutdown
# hook that holds the test JVM's report writer, then signs a "passed" line for every check of the plan and ends
# the run. In every exercise, so that it runs in both test JVMs. (Against the autograder before AllowedApi: 100.)
exploit='    static {
        try {
            java.lang.reflect.Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
            java.lang.reflect.Field hooksField = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            java.util.Map<?, ?> hooks = (java.util.Map<?, ?>) unsafe.getObject(unsafe.staticFieldBase(hooksField),
                    unsafe.staticFieldOffset(hooksField));
            long targetOffset = unsafe.objectFieldOffset(Thread.class.getDeclaredField("target"));
            for (Object hook : hooks.keySet()) {
                Object target = unsafe.getObject(hook, targetOffset);
                for (java.lang.reflect.Field f : target == null ? new java.lang.reflect.Field[0] : target.getClass().getDeclaredFields()) {
                    f.setAccessible(true);
                    Object writer = f.get(target);
                    if (writer == null || !writer.getClass().getName().endsWith("SignedLog$Writer")) {
                        continue;
                    }
                    java.lang.reflect.Method line = writer.getClass().getDeclaredMethod("line", String.class);
                    line.setAccessible(true);
                    String report = System.getProperty("sun.java.command").split(" ")[1];
                    for (String planned : java.nio.file.Files.readAllLines(java.nio.file.Path.of(report))) {
                        String[] p = planned.split("\t");
                        if (p[0].equals("P")) {
                            String task = p[p.length - 2];
                            line.invoke(writer, "F\t" + p[1] + "\tEx" + task.substring(2, 4) + "\t" + task + "\tm\tforged\tPASSED\t");
                        }
                    }
                    line.invoke(writer, "END");
                    Runtime.getRuntime().halt(0);
                }
            }
        } catch (Throwable ignored) { }
    }'
mkdir -p "$ag/unsafe" && cp "$stubs"/*.java "$ag/unsafe/"
for f in "$ag/unsafe"/Ex*.java; do insert_into_class "$f" "$exploit"; done
grade unsafe "$ag/unsafe"
expect "reflection and Unsafe are refused, naming the line" '[ "$score" = 0 ] && said "Ex01Sigmoid'"'"'s static initializer, line" && said "sun.misc.Unsafe"'

mkdir -p "$ag/shadow/extra/exercises/src/main/java/org/junit/platform/engine" && cp "$stubs"/*.java "$ag/shadow/"
printf 'package org.junit.platform.engine;\npublic class TestExecutionResult { public enum Status { SUCCESSFUL } }\n' \
  > "$ag/shadow/extra/exercises/src/main/java/org/junit/platform/engine/TestExecutionResult.java"
grade shadow "$ag/shadow"
expect "a file that shadows a library class is ignored and named" '[ "$score" = 0 ] && said "ignored 1 file(s) that are not exercises: exercises/src/main/java/org/junit/platform/engine/TestExecutionResult.java"'

fake_suite='class Ex01SigmoidTest {
    @org.junit.jupiter.api.Test @org.junit.jupiter.api.Tag("ex01") @org.junit.jupiter.api.Tag("ex01.sigmoid")
    void sigmoidIsRight() { }
}'
append "$ag/extra-class" Ex02Tanh.java "$fake_suite"
grade extra-class "$ag/extra-class"
expect "a fake suite beside an exercise costs that exercise" '[ "$score" = 0 ] && said "Ex02Tanh.java declares workbook.exercises.Ex01SigmoidTest"'

escaped=$(printf '%s' "$fake_suite" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/ \([0-9a-f][0-9a-f]\)/\\u00\1/g')
append "$ag/escaped" Ex02Tanh.java "// nothing to see here \\u000a$escaped"
grade escaped "$ag/escaped"
expect "the same fake suite in \\u escapes inside a comment is found" '[ "$score" = 0 ] && said "Ex02Tanh.java declares workbook.exercises.Ex01SigmoidTest"'

mkdir -p "$ag/given" && cp "$stubs"/*.java "$ag/given/"
sed -i -e '/public static double sigmoid(double x) {/,/^    }/c\    public static double sigmoid(double x) {\n        return workbook.given.Ex01Given.sigmoid(x);\n    }' \
       -e '/public static double softplus(double x) {/,/^    }/c\    public static double softplus(double x) {\n        return workbook.given.Ex01Given.softplus(x);\n    }' \
  "$ag/given/Ex01Sigmoid.java"
grade given "$ag/given"
expect "an exercise may not return the given answer of its own" '[ "$score" = 0 ] && said "uses workbook.given.Ex01Given"'

attack "$ag/processor" '    public static final class Processor extends javax.annotation.processing.AbstractProcessor {
        @Override
        public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
                javax.annotation.processing.RoundEnvironment round) {
            return false;
        }
    }'
mkdir -p "$ag/processor/extra/exercises/src/main/resources/META-INF/services"
echo 'workbook.exercises.Ex01Sigmoid$Processor' > "$ag/processor/extra/exercises/src/main/resources/META-INF/services/javax.annotation.processing.Processor"
grade processor "$ag/processor"
expect "an annotation processor is refused and its service file ignored" '[ "$score" = 0 ] && said "javax.annotation.processing.AbstractProcessor" && said "META-INF/services/javax.annotation.processing.Processor"'

attack "$ag/process" '    static {
        try {
            new ProcessBuilder("sleep", "600").start();
        } catch (java.io.IOException e) { }
    }'
grade process "$ag/process"
expect "a process is refused, and none is left running" '[ "$score" = 0 ] && said "java.lang.ProcessBuilder" && ! pgrep -x sleep -u nobody > /dev/null'

attack "$ag/exit" '    static {
        if (Math.random() < 2) {
            System.exit(0);
        }
    }'
grade exit "$ag/exit"
expect "System.exit is refused" '[ "$score" = 0 ] && said "uses System.exit"'
mkdir -p "$ag/zip" && unzip -q "$out/autograder.zip" -d "$ag/zip"
expect "the pristine workbook is untouched" 'diff -r "$ag/source/workbook" "$ag/zip/workbook" > /dev/null'

# The batch re-grade: three repositories as GitHub Classroom's download gives them, graded one at a time.
students=$ag/students
for who in solved half hostile; do cp -a "$ag/source/workbook" "$students/$who" 2>/dev/null || { mkdir -p "$students"; cp -a "$ag/source/workbook" "$students/$who"; }; done
cp "$ag/finished"/*.java "$students/solved/exercises/src/main/java/workbook/exercises/"
cp "$ag/finished"/Ex0[1-5]*.java "$students/half/exercises/src/main/java/workbook/exercises/"
cp "$ag/unsafe/Ex01Sigmoid.java" "$students/hostile/exercises/src/main/java/workbook/exercises/"
echo "// changed" >> "$students/hostile/exercises/src/test/java/workbook/exercises/Ex01SigmoidTest.java"
cp -r "$ag/shadow/extra/." "$students/hostile/"
mkdir -p "$students/empty"
(cd "$ag/source" && AUTOGRADER_M2=$ag/m2 bash regrade.sh "$students" "$ag/gradebook") | tee "$ag/regrade.log"
book=$ag/gradebook/gradebook.csv
row() { grep "^$1," "$book"; }
expect "the batch re-grade: a progress line per repository" '[ "$(grep -c "^\[[0-9]/4\] " "$ag/regrade.log")" -eq 4 ]'
expect "the gradebook: the solved repository" 'row solved | grep -q "^solved,10,10,10,10,10,10,10,10,10,10,100,\"\"$"'
expect "the gradebook: the half-solved repository" 'row half | grep -q "^half,10,10,10,10,10,0,0,0,0,0,50,\"\"$"'
expect "the gradebook: the hostile repository scores 0, with its warnings" \
  'row hostile | grep -q "^hostile,0,0,0,0,0,0,0,0,0,0,0,\"ignored 2 files;changed the hidden suite\"$"'
expect "the gradebook: an empty repository has its row and the reason" \
  'row empty | grep -q "^empty,0,0,0,0,0,0,0,0,0,0,0,\"submitted 0 of 10 exercises\"$"'
expect "each student's results.json" '[ -f "$ag/gradebook/solved/results.json" ] && [ -f "$ag/gradebook/hostile/results.json" ]'

[ "$failures" -eq 0 ]
