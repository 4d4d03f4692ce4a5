#!/usr/bin/env bash
# Cold against warm-started tau sweeps: 19 quantiles (0.05, 0.10, ..., 0.95) of 100,000 synthetic rows
# (9 features and the intercept: a 100,000 x 10 design), once with "warmStart": false (every run
# from the model's start) and once warm (each run from the end point of the one before), each in
# one launcher process, with the default presolve (portnoy-koenker) and without one. Prints the
# process's wall time, the runs' summed solve seconds and pivots (from results.json), and the
# largest relative difference between the cold and the warm objectives.
#
#   bench/tau-sweep-warm.sh
#   N=20000 bench/tau-sweep-warm.sh
#   JAR=/tmp/other-build.jar bench/tau-sweep-warm.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
JAR=${JAR:-launcher/target/drlp.jar}
if [ ! -f "$JAR" ]; then
  mvn -B -q -pl launcher -am package -DskipTests
fi
if ! command -v jq >/dev/null; then
  echo "installing jq from Debian's packages" >&2
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q jq >/dev/null
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $N rows x 10, 19 quantiles"
printf '%-16s %-5s %8s %8s %8s\n' presolve start wall_s solve_s pivots
for presolve in portnoy-koenker none; do
  for warm in false true; do
    cat > "$WORK/sweep.json" <<SPEC
{"name": "tau-sweep", "data": {"source": "synthetic", "n": $N, "p": 9, "seed": 1},
 "model": {"type": "linear"}, "loss": {"type": "quantile"}, "solver": {"presolve": "$presolve"},
 "sweep": {"loss.tau": {"from": 0.05, "to": 0.95, "step": 0.05}}, "trace": false, "warmStart": $warm}
SPEC
    out="$WORK/$presolve-$warm"
    start=$(date +%s.%N)
    java -jar "$JAR" run "$WORK/sweep.json" --out "$out" --quiet >/dev/null
    end=$(date +%s.%N)
    runs=$(jq '.runs | length' "$out/results.json")
    [ "$runs" = 19 ] || { echo "results.json holds $runs runs, not 19" >&2; exit 1; }
    optimal=$(jq '[.runs[] | select(.status == "OPTIMAL")] | length' "$out/results.json")
    [ "$optimal" = 19 ] || { echo "$optimal of 19 runs OPTIMAL" >&2; exit 1; }
    solve=$(jq '[.runs[].seconds] | add' "$out/results.json")
    pivots=$(jq '[.runs[].iterations] | add' "$out/results.json")
    awk -v p="$presolve" -v w="$([ "$warm" = true ] && echo warm || echo cold)" -v s="$start" -v e="$end" \
      -v solve="$solve" -v pivots="$pivots" 'BEGIN { printf "%-16s %-5s %8.1f %8.2f %8d\n", p, w, e - s, solve, pivots }'
  done
  # the same optimum either way
  jq -s '[.[0].runs, .[1].runs] | map(sort_by(.index) | map(.objective)) | transpose
         | map((.[0] - .[1]) / .[0] | fabs) | max' "$WORK/$presolve-false/results.json" "$WORK/$presolve-true/results.json" \
    | awk -v p="$presolve" '{ printf "%-16s largest relative objective difference cold - warm: %.1e\n", p, $1 }'
done
