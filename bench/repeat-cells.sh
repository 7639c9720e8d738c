#!/usr/bin/env bash
# Runs the same trials N times, each a separate `./gillab run --quick`, then judges the expectations
# table on every run with `./gillab cells`: each cell's answers run by run, and the cells that changed.
# A behaviour cell must hold on every repeat; one that flips is a probe that does not discriminate, or an
# implementation that is not deterministic there (its cell must then say `any`).
#
# Usage: bench/repeat-cells.sh [-n N] [-o DIR] [gillab run options...]
#   -n N     repeats (default 5)
#   -o DIR   where the runs go (default results/repeat-<date-time>); DIR/run-1 ... DIR/run-N
#   options  passed to every `./gillab run`; without --workloads, every probe is run.
# Example: bench/repeat-cells.sh -n 5 --runtimes jython,graalpy,cpython:3.11,cpython:3.13,cpython:3.14,pypy
# Exit code: that of `gillab cells` (1 when a cell failed in some run).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=5
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -o) out=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "repeat-cells: -n takes a whole number >= 1, got '$n'" >&2; exit 2; }
out=${out:-$here/results/repeat-$(date +%Y%m%d-%H%M%S)}
args=("$@")
if [[ " ${args[*]:-} " != *" --workloads"* ]]; then
  probes=$(cd "$here/python-scripts/probes" && ls ./*.py | sed 's|^\./||; s|\.py$||' | grep -v '^_' | paste -sd, -)
  args+=(--workloads "$probes")
fi
mkdir -p "$out"
dirs=()
for i in $(seq 1 "$n"); do
  echo "repeat-cells: run $i of $n -> $out/run-$i" >&2
  "$here/gillab" run --quick --out "$out/run-$i" ${args[@]+"${args[@]}"} >"$out/run-$i.log" 2>&1 \
    || echo "repeat-cells: run $i exited with $? (see $out/run-$i.log); its trials are judged as they are" >&2
  dirs+=("$out/run-$i")
done
exec "$here/gillab" cells "${dirs[@]}"
