#!/usr/bin/env bash
# What writing the results folder costs in a long sweep of tiny runs: RUNS least-absolute-deviation
# fits of 20 synthetic rows (one per data seed), one launcher process, no traces. Prints the whole
# process's wall time, the sum of the runs' solve seconds (from results.json) and the rest, which
# is JVM and Felix start, loading and recording the results.
#
#   bench/sweep-write-cost.sh                 # 5,000 runs
#   RUNS="500 2000 5000" bench/sweep-write-cost.sh
#   JAR=/tmp/other-build.jar bench/sweep-write-cost.sh   # another build, for before/after
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5000}
JAR=${JAR:-launcher/target/drlp.jar}
if [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
if ! command -v jq >/dev/null; then
  echo "installing jq from Debian's packages" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q jq >/dev/null
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%8s %10s %10s %10s\n' runs wall_s solve_s rest_s
for runs in $RUNS; do
  seeds=$(seq -s, 1 "$runs")
  cat > "$WORK/sweep.json" <<SPEC
{"name": "write-cost", "data": {"source": "synthetic", "n": 20, "p": 1},
 "model": {"type": "linear"}, "loss": {"type": "absolute"},
 "sweep": {"data.seed": [$seeds]}, "trace": false}
SPEC
  rm -rf "$WORK/out"
  start=$(date +%s.%N)
  java -jar "$JAR" run "$WORK/sweep.json" --out "$WORK/out" --quiet >/dev/null
  end=$(date +%s.%N)
  solve=$(jq '[.runs[].seconds] | add' "$WORK/out/results.json")
  recorded=$(jq '.runs | length' "$WORK/out/results.json")
  [ "$recorded" = "$runs" ] || { echo "results.json holds $recorded runs, not $runs" >&2; exit 1; }
  awk -v r="$runs" -v s="$start" -v e="$end" -v solve="$solve" \
    'BEGIN { printf "%8d %10.1f %10.1f %10.1f\n", r, e - s, solve, e - s - solve }'
done
