#!/usr/bin/env bash
# Batch re-grade: grades a folder of student repositories (one folder per student, as GitHub Classroom's download
# gives them) with this pristine autograder, one submission at a time, each exactly as Gradescope would grade it
# (run_autograder: intake of the ten exercise files, the grader's checks, the sandbox), and writes a gradebook.
#
#   bash regrade.sh STUDENTS OUT        (from the unpacked autograder.zip; SEED_M2=~/.m2/repository saves downloads)
#
#   OUT/gradebook.csv          student, points per exercise, total, warnings
#   OUT/STUDENT/results.json   what Gradescope would show that student, with intake.txt, grade.properties, build.log
#
# A repository that is broken or hostile gets its row, with 0 points and the reason; it never stops the batch.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
students=$(cd "${1:?usage: regrade.sh STUDENTS OUT}" && pwd)
mkdir -p "${2:?usage: regrade.sh STUDENTS OUT}"
out=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
export AUTOGRADER_SOURCE=$here AUTOGRADER_M2=${AUTOGRADER_M2:-$here/m2}
[ -d "$AUTOGRADER_M2" ] || bash "$here/setup.sh" > /dev/null
limit=${REGRADE_SECONDS:-900}

exercises=$(cd "$here/workbook/exercises/src/main/java/workbook/exercises" && ls Ex[0-9][0-9]*.java | cut -c1-4)
csv=$out/gradebook.csv
echo "student,$(echo $exercises | tr ' ' ','),total,warnings" > "$csv"
mapfile -t folders < <(find "$students" -mindepth 1 -maxdepth 1 -type d | sort)
n=0
for folder in "${folders[@]}"; do
  n=$((n + 1))
  student=$(basename "$folder")
  results=$out/$student
  rm -rf "$results" && mkdir -p "$results"
  start=$(date +%s)
  AUTOGRADER_SUBMISSION=$folder AUTOGRADER_RESULTS=$results AUTOGRADER_WORK=$scratch/work \
    timeout "$limit" bash "$here/run_autograder" > "$results/run.log" 2>&1
  status=$?
  grade=$results/grade.properties
  warnings=()
  if [ -f "$grade" ]; then
    total=$(sed -n 's/^total.points=//p' "$grade")
  else
    total=0
    if [ "$status" -eq 124 ]; then
      warnings+=("not graded: ran past $limit s")
    else
      warnings+=("not graded: the build failed ($(grep -m 1 '^\[ERROR\]' "$results/build.log" 2>/dev/null | cut -c9-90 | tr -d ','))")
    fi
  fi
  took=$(sed -n 's/^took \([0-9]*\) of \([0-9]*\) .*/\1 \2/p' "$results/intake.txt" 2>/dev/null)
  [ -z "$took" ] || [ "${took% *}" = "${took#* }" ] || warnings+=("submitted ${took% *} of ${took#* } exercises")
  ignored=$(sed -n 's/^ignored \([0-9]*\) file(s) that are not exercises.*/\1/p' "$results/intake.txt" 2>/dev/null)
  [ -z "$ignored" ] || warnings+=("ignored $ignored files")
  if [ -d "$folder/exercises/src/test" ] && ! diff -rq "$here/workbook/exercises/src/test" "$folder/exercises/src/test" \
       -x 'hidden-suite.sha256' > /dev/null 2>&1; then
    warnings+=("changed the hidden suite")
  fi
  row=$student
  for id in $exercises; do
    row+=",$(sed -n "s/^$id.points=//p" "$grade" 2>/dev/null | grep . || echo 0)"
  done
  joined=$(IFS=';'; echo "${warnings[*]:-}")
  echo "$row,$total,\"$joined\"" >> "$csv"
  printf '[%d/%d] %s: %s / %d (%d s)%s\n' "$n" "${#folders[@]}" "$student" "$total" \
    $((10 * $(echo $exercises | wc -w))) $(( $(date +%s) - start )) "${joined:+; ${joined//;/, }}"
done
echo "gradebook: $csv"
