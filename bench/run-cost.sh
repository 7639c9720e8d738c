#!/usr/bin/env bash
# The run-cost benchmark: runs `./gillab run` (the default comparison, or the options given) and prints
# where its time went, per runtime: wall time split into measured samples, warm-up, calibration, JIT wait,
# process/JVM/container start-up and the rest, and the efficiency (measured / wall). Writes the split as
# JSON beside the results (cost.json). Not a timed test: a figure to compare before and after a change,
# on the same machine, in one sitting.
#
# Usage: bench/run-cost.sh [-o DIR] [gillab run options...]
# Example: bench/run-cost.sh --runtimes jython,graalpy,cpython-local
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$here/results/run-cost-$(date +%Y%m%d-%H%M%S)
if [ "${1:-}" = "-o" ]; then out=$2; shift 2; fi
start=$(date +%s.%N)
status=0
"$here/gillab" run --out "$out" "$@" || status=$?
end=$(date +%s.%N)
wall=$(python3 -c "print(round($end - $start, 1))" 2>/dev/null || echo "?")
echo
echo "run-cost: ./gillab run took $wall s from outside (exit code $status); the split:"
"$here/gillab" cost "$out" --json "$out/cost.json"
exit "$status"
