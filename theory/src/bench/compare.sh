#!/usr/bin/env bash
# The engine's epoch and PyTorch's, back to back (the machine's load is then about the same for both).
# Run from the repository root: bash theory/src/bench/compare.sh [quick]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -pl theory -am compile exec:exec@bench -Dbench.args="${1:-}"
OPENBLAS_NUM_THREADS=2 /usr/bin/python3 theory/src/bench/epoch.py ${1:-}
