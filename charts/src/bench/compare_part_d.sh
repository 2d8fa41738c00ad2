#!/usr/bin/env bash
# Part (d) of the MNIST lab (six activations, EPOCHS full-batch epochs each, default 100) on the lab's engine and
# in PyTorch (charts/src/bench/lab_part_d.py: the same runs, the same per-epoch metrics), back to back, so that
# both sides see the same machine:
#   bash charts/src/bench/compare_part_d.sh [EPOCHS]
# The Java side is timed from the lab's start to its end (the JVM's start and the data included, Maven's not).
set -euo pipefail
cd "$(dirname "$0")/../../.."
epochs=${1:-100}
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT
./mvnw -q -pl charts -am compile
echo "Java engine, part (d): $epochs full-batch epochs per activation"
start=$(date +%s%N)
./mvnw -q -pl charts -am compile exec:exec@lab -Dexec.args="--parts d --seeds 1 --epochs $epochs --runs $runs" | grep -E 'done in' || true
echo "  all six: $(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s (wall, Maven's start included)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 /usr/bin/python3 charts/src/bench/lab_part_d.py "$epochs"
