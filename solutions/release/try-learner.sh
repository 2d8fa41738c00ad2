#!/usr/bin/env bash
# Tries a learner release the way learners break it: a copy of the release with every exercise solved (the
# reference solutions) but Ex02, which is broken in one way at a time:
#   syntax       a syntax error                              -> Ex02 "does not compile", javac's message
#   missing      a method deleted (renamed)                  -> "does not compile": the stub's signature it lacks
#   signature    a parameter type changed                    -> the same
#   initializer  a static initializer that throws            -> its exception and message on the scoreboard
#   memory       new double[Integer.MAX_VALUE - 8] in tanh   -> the task that runs out of memory, no other
#   recursion    tanh calls itself forever                   -> the same, with a stack overflow
# and runs every command of the release's README in it. Each must end as the README says: the grade exits 0 with
# the scoreboard last (only -Dstrict fails), theory, the site, the figures, the explorer and the lab run, and
# whatever needs Ex02 says so in one line while the rest runs.
#
#   bash solutions/release/try-learner.sh OUT     (OUT as written by release.sh)
# Prints one line per check and exits non-zero if any fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(cd "${1:?usage: try-learner.sh OUT}" && pwd)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
echo "learner release trial in $work"
cp -a "$out/workbook" "$work/workbook"
cd "$work/workbook"
MVN=(./mvnw -B -q)
exercises=exercises/src/main/java/workbook/exercises
cp "$root"/solutions/src/main/java/workbook/exercises/*.java "$exercises/"
solved=$work/Ex02Tanh.java
cp "$exercises/Ex02Tanh.java" "$solved"
failures=0
ok() { echo "ok   $1: $2"; }
bad() { echo "FAIL $1: $2" >&2; failures=$((failures + 1)); [ -z "${3:-}" ] || tail -n 15 "$3" | sed 's/^/       /' >&2; }
prop() { sed -n "s/^$1=//p" exercises/target/grade/grade.properties | head -n 1; }

# Breaks Ex02Tanh.java (the solution) in way $1.
break_ex02() {
  cp "$solved" "$exercises/Ex02Tanh.java"
  local f=$exercises/Ex02Tanh.java
  case $1 in
    syntax)      sed -i '/public static double tanh(double x) {/a\        return x +;' "$f" ;;
    missing)     sed -i 's/public static double saturationFraction(/static double saturationShare(/' "$f" ;;
    signature)   sed -i 's/public static double centeredSigmoid(double x)/public static double centeredSigmoid(float x)/' "$f" ;;
    initializer) sed -i '0,/^public final class Ex02Tanh {/s//&\n    static { if (true) throw new IllegalStateException("the tanh table could not be built"); }/' "$f" ;;
    memory)      sed -i '/public static double tanh(double x) {/a\        if (new double[Integer.MAX_VALUE - 8].length > 0) return 0;' "$f" ;;
    recursion)   sed -i '/public static double tanh(double x) {/a\        if (x == x || x != x) return tanh(x);' "$f" ;;
  esac
  cmp -s "$solved" "$f" && { echo "try-learner: could not break Ex02 as '$1' (the solution changed?)" >&2; exit 2; }
  return 0
}

dashes=$(printf -- '-%.0s' {1..72})
for way in syntax missing signature initializer memory recursion; do
  break_ex02 "$way"
  log=$work/$way-grade.log
  status=0; start=$(date +%s%N)
  "${MVN[@]}" test > "$log" 2>&1 || status=$?
  seconds=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  ex02=$(prop Ex02.status); ex01=$(prop Ex01.status); problem=$(prop Ex02.problem)
  failed=$(prop Ex02.feedback)
  if [ "$status" -ne 0 ] || [ "$(tail -n 1 "$log")" != "$dashes" ] || grep -q '^\[ERROR\]' "$log"; then
    bad "$way" "./mvnw test exited $status, or did not end with the scoreboard" "$log"
  elif [ "$ex01" != "done" ] || [ "$(prop Ex03.status)" != "done" ]; then
    bad "$way" "./mvnw test: the other exercises were not graded done (Ex01 '$ex01')" "$log"
  else
    case $way in
      syntax)      expect='does not compile' && grep -q "Ex02Tanh.java:[0-9]*: error: illegal start of expression" <<<"$problem" ;;
      missing)     expect='does not compile' && grep -q "the stub declares public static double saturationFraction(double\[\], double)" <<<"$problem" ;;
      signature)   expect='does not compile' && grep -q "Ex02Tanh.java:[0-9]*: the stub declares public static double centeredSigmoid(double)" <<<"$problem" ;;
      initializer) expect='in progress' && grep -q "the tanh table could not be built" <<<"$failed $(cat "$log")" ;;
      memory)      expect='in progress' && grep -qi "memory" <<<"$failed $(cat "$log")" && [ "${seconds%.*}" -lt 30 ] ;;
      recursion)   expect='in progress' && grep -qi "stack" <<<"$failed $(cat "$log")" && [ "${seconds%.*}" -lt 30 ] ;;
    esac && found=yes || found=no
    if [ "$found" = yes ] && [ "$ex02" = "$expect" ]; then
      ok "$way" "./mvnw test exits 0 in $seconds s, scoreboard last: Ex02 '$ex02', the others graded"
    else
      bad "$way" "./mvnw test: Ex02 '$ex02' (expected '$expect'), or the scoreboard does not say why" "$log"
    fi
  fi

  if "${MVN[@]}" test -Dgroups=ex01 > "$log" 2>&1 && [ "$(prop Ex01.status)" = done ] && [ "$(tail -n 1 "$log")" = "$dashes" ]; then
    ok "$way" "./mvnw test -Dgroups=ex01 grades Ex01 done"
  else
    bad "$way" "./mvnw test -Dgroups=ex01" "$log"
  fi
  if "${MVN[@]}" test -Dstrict > "$log" 2>&1; then
    bad "$way" "./mvnw test -Dstrict passed with Ex02 broken" "$log"
  elif tail -n 1 "$log" | grep -q '^Strict grading failed: not done yet: Ex02'; then
    ok "$way" "./mvnw test -Dstrict fails with one line naming Ex02"
  else
    bad "$way" "./mvnw test -Dstrict: no one-line reason at the end" "$log"
  fi

  # theory: every write-up, one that needs Ex02 names it, the others hold
  if "${MVN[@]}" -pl theory -am compile exec:java -Dwriteup=all > "$log" 2>&1 && grep -q 'waits for your code: Ex02Tanh' "$log" \
     && grep -q 'checks hold$' "$log" && ! grep -qE 'Exception in|\[ERROR\]|^\s+at ' "$log"; then
    ok "$way" "theory -Dwriteup=all: $(grep -c 'checks hold$' "$log") write-ups hold, $(grep -c 'waits for your code' "$log") wait, Ex02 named"
  else
    bad "$way" "theory -Dwriteup=all" "$log"
  fi
  if "${MVN[@]}" -pl theory -am compile exec:java -Dwriteup=xavier > "$log" 2>&1 && ! grep -q '\[ERROR\]' "$log"; then
    ok "$way" "theory -Dwriteup=xavier runs"
  else
    bad "$way" "theory -Dwriteup=xavier" "$log"
  fi

  # figures: those that need Ex02 are skipped with a line that names it, the others drawn
  if "${MVN[@]}" -pl charts -am compile exec:java > "$log" 2>&1 && grep -q '^skipped .*Ex02Tanh' "$log" \
     && grep -qE '^Rendered ([1-9][0-9]*) of 12' "$log" && ! grep -q '\[ERROR\]' "$log"; then
    ok "$way" "figures: $(grep -oE 'Rendered [0-9]+ of 12' "$log"), each skipped one names Ex02"
  else
    bad "$way" "the figures" "$log"
  fi
  if "${MVN[@]}" -pl charts -am compile exec:java -Dexec.mainClass=workbook.charts.DecisionExplorerView \
       -Dexec.args="target/figures tanh 8 2 3 50" > "$log" 2>&1 && grep -q 'Ex02Tanh' "$log" \
     && "${MVN[@]}" -pl charts -am compile exec:java -Dexec.mainClass=workbook.charts.DecisionExplorerView \
       -Dexec.args="target/figures relu 8 2 3 50" >> "$log" 2>&1 && grep -q '^Explorer view: ' "$log"; then
    ok "$way" "the explorer: tanh names Ex02, relu trains"
  else
    bad "$way" "the explorer's headless view" "$log"
  fi

  # the lab: trains what can finish (relu), names what cannot (tanh, Ex02), exits 0 with no Maven error block
  runs=$work/$way-runs
  if "${MVN[@]}" -pl charts -am compile exec:exec@lab -Dexec.args="--quick --parts d --activations relu,tanh --epochs 2 --runs $runs" \
       > "$log" 2>&1 && grep -q '^lab: part (d) needs Ex02Tanh' "$log" && grep -q 'training only what can finish: --parts d --activations relu' "$log" \
     && grep -q 'run 1/[0-9]* relu' "$log" && ! grep -qE '\[ERROR\]|^\s+at ' "$log"; then
    ok "$way" "the lab trains relu and names Ex02 for tanh"
  else
    bad "$way" "the lab" "$log"
  fi
done

# once: the site from the stubs' Javadoc, and the hint command, with the syntax error in place
break_ex02 syntax
log=$work/site.log
if "${MVN[@]}" -pl theory -am compile javadoc:javadoc > "$log" 2>&1 && [ -f theory/target/reports/apidocs/index.html ]; then
  ok syntax "the theory site builds (javadoc:javadoc)"
else
  bad syntax "the theory site" "$log"
fi
if java exercises/hints/Hint.java ex02 > "$log" 2>&1 && grep -q 'hint 1 of' "$log"; then
  ok syntax "the hint command"
else
  bad syntax "the hint command" "$log"
fi

[ "$failures" -eq 0 ] && echo "every command ends as the README says" || { echo "$failures checks failed" >&2; exit 1; }
